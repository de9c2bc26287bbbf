// Entry for Node's `import` (and Deno's and Bun's): the CommonJS build under
// ESM names. So `import` and `require` in one process share one module, one
// wasm instance and one set of error classes: an error from either is
// `instanceof` the classes of both.
import cjs from "./node.cjs";

export const {
  BraintrustClient, Braintrust, createAiSecret, providers, checkAiSecret, canonicalName, auditStoredSecrets, ready,
  BraintrustError, ValidationError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError,
  NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, APIConnectionError,
  APIConnectionTimeoutError, APIUserAbortError, ResponseValidationError, VerificationError, ClientInternalError,
} = cjs;
export default cjs;

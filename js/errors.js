// The error classes of the package, defined once. The wasm shell makes them
// by name (ErrorClass::name in crates/core/src/error.rs) from the table
// surface.js hands to each client it makes.

export class BraintrustError extends Error {
  constructor(message, props = {}) {
    super(message, props.cause === undefined ? undefined : { cause: props.cause });
    /** Requests sent before this error (0 when input was rejected). */
    this.attempts = props.attempts ?? 0;
  }
}

export class ValidationError extends BraintrustError {
  constructor(message, props = {}) {
    super(message, props);
    /** The parameter or option that was wrong. */
    this.field = props.field;
    // A provider check's findings: every problem (`field` is the first's).
    if (props.problems !== undefined) this.problems = props.problems;
    if (props.warnings !== undefined) this.warnings = props.warnings;
  }
}

export class APIError extends BraintrustError {
  constructor(message, props = {}) {
    super(message, props);
    this.status = props.status;
    /** Response headers, lower-case names, redacted; any casing reads them. */
    this.headers = caseless(props.headers ?? {});
    /** Parsed JSON or text, cut to 2 KB and redacted. */
    this.body = props.body;
    if (props.requestId !== undefined) this.requestId = props.requestId;
    this.mayHaveSucceeded = props.mayHaveSucceeded ?? false;
  }

  /** The official client's name for the parsed error body: `body`. */
  get error() {
    return this.body;
  }
}

/** `headers["Content-Type"]` reads `content-type`, as the official client's
 * response headers do. */
function caseless(headers) {
  return new Proxy(headers, {
    get: (target, name) => (typeof name === "string" && !Object.hasOwn(target, name) ? target[name.toLowerCase()] : target[name]),
  });
}

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
export class UnprocessableEntityError extends APIError {}
export class RateLimitError extends APIError {}
export class InternalServerError extends APIError {}

export class APIConnectionError extends BraintrustError {
  constructor(message, props = {}) {
    super(message, props);
    /** True when the request may have reached the server before failing. */
    this.mayHaveSucceeded = props.mayHaveSucceeded ?? true;
  }
}
export class APIConnectionTimeoutError extends APIConnectionError {}
export class APIUserAbortError extends BraintrustError {}

export class ResponseValidationError extends BraintrustError {
  constructor(message, props = {}) {
    super(message, props);
    this.status = props.status;
    /** The response text, cut to 2 KB and redacted. */
    this.body = props.body;
  }
}

/** A write the server answered as done, whose effect its answer does not
 * show (a rotation whose `secret_updated_at` did not move). */
export class VerificationError extends BraintrustError {}

/** The client itself failed: its WebAssembly module trapped (out of memory,
 * or a bug). The call sent nothing; the module restarts by itself. */
export class ClientInternalError extends BraintrustError {}

// The classes by name; keys, not class names, because minifiers rename
// classes. The default export, so that the entries' `export *` does not
// publish it.
const classes = {
  BraintrustError, ValidationError, APIError, BadRequestError, AuthenticationError,
  PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError,
  RateLimitError, InternalServerError, APIConnectionError, APIConnectionTimeoutError,
  APIUserAbortError, ResponseValidationError, VerificationError, ClientInternalError,
};
export default classes;

// `name` lives on each prototype (not as an own property), so it shows in
// stacks and `toString()` without adding noise to `JSON.stringify`.
for (const [name, cls] of Object.entries(classes)) {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
}

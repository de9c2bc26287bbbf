// The error classes: every error the package throws is a BraintrustError.
import type { Problem } from "./providers.js";

interface ErrorProps {
  attempts?: number;
  cause?: unknown;
}

/** Root of every error the package throws. */
export class BraintrustError extends Error {
  constructor(message: string, props?: ErrorProps);
  /** Requests sent before the error (0 when input was rejected). */
  readonly attempts: number;
}

/** Bad input, rejected before any request was sent. */
export class ValidationError extends BraintrustError {
  constructor(message: string, props?: ErrorProps & { field?: string; problems?: Problem[]; warnings?: Problem[] });
  /** The parameter or option that was wrong (the first problem's, when there are several). */
  readonly field: string;
  /** A provider check's every problem (`validateMetadata`). */
  readonly problems?: readonly Problem[];
  readonly warnings?: readonly Problem[];
}

/** The server answered with an error status. */
export class APIError extends BraintrustError {
  constructor(message: string, props?: ErrorProps & { status?: number; headers?: Record<string, string>; body?: unknown; requestId?: string; mayHaveSucceeded?: boolean });
  readonly status: number;
  /** Response headers (lower-case names), redacted. */
  readonly headers: Record<string, string>;
  /** Parsed JSON or text, cut to 2 KB and redacted. */
  readonly body: unknown;
  /** The official client's name for `body`. */
  readonly error: unknown;
  readonly requestId?: string;
  /** True when an earlier attempt may already have done the work. */
  readonly mayHaveSucceeded: boolean;
}
/** 400 */ export class BadRequestError extends APIError {}
/** 401 */ export class AuthenticationError extends APIError {}
/** 403 */ export class PermissionDeniedError extends APIError {}
/** 404 */ export class NotFoundError extends APIError {}
/** 409 */ export class ConflictError extends APIError {}
/** 422 */ export class UnprocessableEntityError extends APIError {}
/** 429 */ export class RateLimitError extends APIError {}
/** ≥ 500 */ export class InternalServerError extends APIError {}

/** fetch rejected: refused, DNS, CORS, reset, or a redirect, which is never followed. */
export class APIConnectionError extends BraintrustError {
  constructor(message: string, props?: ErrorProps & { mayHaveSucceeded?: boolean });
  /** True when the request may have reached the server. */
  readonly mayHaveSucceeded: boolean;
}
/** An attempt ran out of time, body included. */
export class APIConnectionTimeoutError extends APIConnectionError {}
/** The caller's signal aborted the call. */
export class APIUserAbortError extends BraintrustError {}

/** The client's WebAssembly module trapped (out of memory, or a bug). The
 * call sent nothing; calls in flight finish, then a fresh instance takes
 * over by itself. */
export class ClientInternalError extends BraintrustError {}

/** A 2xx response whose body is not what the spec promises. */
export class ResponseValidationError extends BraintrustError {
  constructor(message: string, props?: ErrorProps & { status?: number; body?: string });
  readonly status: number;
  /** The response text, cut to 2 KB and redacted. */
  readonly body: string;
}

/** A write the server answered as done, whose effect its answer does not show (a rotation whose `secret_updated_at` did not move). */
export class VerificationError extends BraintrustError {}

// Types of the braintrust-ai-secrets package. Written by hand to match the
// Rust types in crates/core/src/model.rs and the spec's schemas;
// checked by tests/types/ with `tsc --noEmit --strict`.

/** Any JSON value, for `metadata`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** An AI secret as the API returns it (`AISecret`). Never holds the secret itself. */
export interface AISecret {
  /** Unique identifier (uuid). */
  id: string;
  /** Organization id (uuid). */
  org_id: string;
  name: string;
  type?: string | null;
  metadata?: JsonObject | null;
  /** ISO date-time of creation. */
  created?: string | null;
  updated_at?: string | null;
  secret_updated_at?: string | null;
  secret_updated_by_user_id?: string | null;
  /** A masked preview such as `sk-…abcd`. */
  preview_secret?: string | null;
  /** Fields a newer server adds are kept. */
  [field: string]: unknown;
}

/** Body of create (POST) and replace (PUT): `CreateAISecret`. Unknown keys are rejected. */
export interface CreateAISecretParams {
  name: string;
  type?: string | null;
  /** Omitted in a replace keeps the stored secret; `null` clears it. */
  secret?: string | null;
  metadata?: JsonObject | null;
  /** Defaults to the client's `orgName`. */
  org_name?: string | null;
}

/** Body of update (PATCH): `PatchAISecret`. Omitted fields are left as they are. */
export interface PatchAISecretParams {
  name?: string | null;
  type?: string | null;
  secret?: string | null;
  metadata?: JsonObject | null;
}

/** Body of delete-by-name: `DeleteAISecret`. */
export interface DeleteAISecretParams {
  name: string;
  org_name?: string | null;
}

/** Query of list. Pass at most one of `starting_after` and `ending_before`. */
export interface ListAISecretsQuery {
  limit?: number | null;
  starting_after?: string | null;
  ending_before?: string | null;
  /** One uuid or several, sent as the parameter repeated. */
  ids?: string | string[] | null;
  ai_secret_name?: string | null;
  ai_secret_type?: string | string[] | null;
  org_name?: string | null;
}

export interface AISecretList {
  objects: AISecret[];
}

/** Options of `new BraintrustClient(...)`. Unknown keys are rejected. */
export interface ClientOptions {
  /** Bearer key. In Node defaults to `BRAINTRUST_API_KEY`; `null` means keyless (proxy) mode. */
  apiKey?: string | null;
  /** Absolute http(s) URL. In Node defaults to `BRAINTRUST_BASE_URL`, then `BRAINTRUST_API_URL`, then https://api.braintrust.dev. */
  baseURL?: string | null;
  /** Default `org_name` for calls that give none. */
  orgName?: string | null;
  /** Per-attempt timeout in ms, body included (default 60 000). */
  timeout?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Extra headers on every request; `null` removes one. */
  defaultHeaders?: Record<string, string | null | undefined>;
  /** A fetch implementation (default: the global `fetch`). Its init asks for
   * `redirect: "error"`: redirects are refused, never followed. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Passed to fetch, for a dashboard calling its own backend with cookies. */
  credentials?: "omit" | "same-origin" | "include";
  /** Response bodies larger than this are rejected, not buffered (default 10 MB). */
  maxResponseBytes?: number;
  /** Told method, path, status, attempt and delay; never headers, query values or bodies. */
  logger?: Logger;
  /** Least severe level passed to `logger` (default "warn"). */
  logLevel?: LogLevel;
}

export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/** What the logger's second argument holds. */
export interface LogFields {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  status?: number;
  attempt?: number;
  attempts?: number;
  delayMs?: number;
  elapsedMs?: number;
}

/** `console` fits. */
export interface Logger {
  debug(message: string, fields: LogFields): void;
  info(message: string, fields: LogFields): void;
  warn(message: string, fields: LogFields): void;
  error(message: string, fields: LogFields): void;
}

/** Options of one call. */
export interface RequestOptions {
  signal?: AbortSignal | null;
  timeout?: number;
  maxRetries?: number;
  headers?: Record<string, string | null | undefined>;
  maxResponseBytes?: number;
}

/** `createAiSecret(params, options)`: client and request options together. */
export type CreateAiSecretOptions = ClientOptions & Pick<RequestOptions, "signal" | "headers">;

/** Creates an AI secret; a secret of the same name in the org is returned unmodified. */
export function createAiSecret(params: CreateAISecretParams, options?: CreateAiSecretOptions): Promise<AISecret>;

/** Awaitable as the first page, iterable with `for await` over every item. */
export interface AISecretsPagePromise extends Promise<AISecretList>, AsyncIterable<AISecret> {}

/** The official Stainless client's names, for a one-line migration. */
export interface AiSecretsResource {
  create(params: CreateAISecretParams, options?: RequestOptions): Promise<AISecret>;
  replace(params: CreateAISecretParams, options?: RequestOptions): Promise<AISecret>;
  retrieve(id: string, options?: RequestOptions): Promise<AISecret>;
  update(id: string, patch: PatchAISecretParams, options?: RequestOptions): Promise<AISecret>;
  delete(id: string, options?: RequestOptions): Promise<AISecret>;
  findAndDelete(params: DeleteAISecretParams, options?: RequestOptions): Promise<AISecret>;
  list(query?: ListAISecretsQuery, options?: RequestOptions): AISecretsPagePromise;
}

export class BraintrustClient {
  /** @throws {ValidationError} on a bad option; nothing is sent. */
  constructor(options?: ClientOptions);
  readonly aiSecrets: AiSecretsResource;
  /** POST /v1/ai_secret. */
  createAiSecret(params: CreateAISecretParams, options?: RequestOptions): Promise<AISecret>;
  /** PUT /v1/ai_secret: create or replace. */
  replaceAiSecret(params: CreateAISecretParams, options?: RequestOptions): Promise<AISecret>;
  /** GET /v1/ai_secret/{id}. */
  getAiSecret(id: string, options?: RequestOptions): Promise<AISecret>;
  /** PATCH /v1/ai_secret/{id}. */
  updateAiSecret(id: string, patch: PatchAISecretParams, options?: RequestOptions): Promise<AISecret>;
  /** DELETE /v1/ai_secret/{id}; resolves to the deleted object. */
  deleteAiSecret(id: string, options?: RequestOptions): Promise<AISecret>;
  /** DELETE /v1/ai_secret with a body; resolves to the deleted object. */
  deleteAiSecretByName(params: DeleteAISecretParams, options?: RequestOptions): Promise<AISecret>;
  /** GET /v1/ai_secret: one page. */
  listAiSecrets(query?: ListAISecretsQuery, options?: RequestOptions): Promise<AISecretList>;
  /** Every secret across pages, following `starting_after`. */
  iterAiSecrets(query?: Omit<ListAISecretsQuery, "ending_before">, options?: RequestOptions): AsyncGenerator<AISecret, void, undefined>;
  toJSON(): { client: "BraintrustClient" };
}

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
  constructor(message: string, props?: ErrorProps & { field?: string });
  /** The parameter or option that was wrong. */
  readonly field: string;
}

/** The server answered with an error status. */
export class APIError extends BraintrustError {
  constructor(message: string, props?: ErrorProps & { status?: number; headers?: Record<string, string>; body?: unknown; requestId?: string; mayHaveSucceeded?: boolean });
  readonly status: number;
  /** Response headers (lower-case names), redacted. */
  readonly headers: Record<string, string>;
  /** Parsed JSON or text, cut to 2 KB and redacted. */
  readonly body: unknown;
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

// Types of the braintrust-ai-secrets package. Written by hand to match the
// Rust types in crates/core/src/model.rs and the spec's schemas;
// checked by tests/types/ with `tsc --noEmit --strict`. The API's objects,
// the provider table and the error classes are in types/; this file has the
// client, its options and the functions.
import type {
  AISecret, AISecretList, CreateAISecretParams, DeleteAISecretParams, JsonObject, ListAISecretsQuery,
  PatchAISecretParams,
} from "./types/model.js";
import type { Problem } from "./types/providers.js";
import type {
  APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, AuthenticationError,
  BadRequestError, BraintrustError, ClientInternalError, ConflictError, InternalServerError, NotFoundError,
  PermissionDeniedError, RateLimitError, ResponseValidationError, UnprocessableEntityError, ValidationError,
  VerificationError,
} from "./types/errors.js";

export * from "./types/model.js";
export * from "./types/providers.js";
export * from "./types/errors.js";

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
  /** What a write does when Braintrust's AI proxy could not use its type, metadata or secret (see `checkAiSecret`). */
  validateMetadata?: ValidateMetadata;
  /** Query parameters added to every request. */
  defaultQuery?: Record<string, string | number | boolean | null | undefined>;
  /** Accepted for the official client's code; fetch has no agents. */
  httpAgent?: unknown;
}

/** "strict" (default): refuse with a ValidationError, log warnings. "warn": send, log every finding. "off": no check. */
export type ValidateMetadata = "strict" | "warn" | "off";

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
  /** The field a provider-check warning is about. */
  field?: string;
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
  validateMetadata?: ValidateMetadata;
  /** Query parameters for this call; `null` removes a `defaultQuery` one. */
  query?: Record<string, string | number | boolean | null | undefined>;
  /** The official client's: replaces the request's path (`/v1/...`). */
  path?: string;
  /** Sent as the `Idempotency-Key` header. */
  idempotencyKey?: string;
  /** The official client's: this call's base URL when the client has none (no `baseURL` option or environment variable). */
  defaultBaseURL?: string;
  /** Accepted for the official client's code; fetch has no agents, and these endpoints do not stream. */
  httpAgent?: unknown;
  stream?: boolean;
  __binaryResponse?: boolean;
}

/** `createAiSecret(params, options)`: client and request options together. */
export type CreateAiSecretOptions = ClientOptions & Pick<RequestOptions, "signal" | "headers">;

/**
 * Loads the client's WebAssembly module now. Nothing is loaded at import: the first client (where the platform can
 * load at once: Node, Workers) or the first call (browsers) loads it. Await this to fail early, or to have
 * `new BraintrustClient(...)` and `checkAiSecret` work at once in a browser (`canonicalName` always does: it reads
 * the `providers` table).
 * @throws {BraintrustError} saying what could not be loaded from where.
 */
export function ready(): Promise<void>;

/** Creates an AI secret; a secret of the same name in the org is returned unmodified. */
export function createAiSecret(params: CreateAISecretParams, options?: CreateAiSecretOptions): APIPromise<AISecret>;

/** The official client's promise: awaited, the result; `asResponse()`, the Response (body unread); `withResponse()`, both. */
export interface APIPromise<T> extends Promise<T> {
  asResponse(): Promise<Response>;
  withResponse(): Promise<{ data: T; response: Response }>;
}

/** Awaitable as the first page, iterable with `for await` over every item. */
export interface AISecretsPagePromise extends APIPromise<AISecretsPage>, AsyncIterable<AISecret> {}

/** A page as the official client gives it. */
export interface AISecretsPage extends AISecretList, AsyncIterable<AISecret> {
  getPaginatedItems(): AISecret[];
  /** Forwards by `starting_after`, or backwards when the query had `ending_before`. */
  nextPageInfo(): { params: { starting_after: string } | { ending_before: string } } | null;
  hasNextPage(): boolean;
  /** @throws {BraintrustError} when there is none: check `hasNextPage()` first. */
  getNextPage(): Promise<AISecretsPage>;
  iterPages(): AsyncGenerator<AISecretsPage>;
}

/** The official Stainless client's names, for a one-line migration. */
export interface AiSecretsResource {
  create(params: CreateAISecretParams, options?: RequestOptions): APIPromise<AISecret>;
  replace(params: CreateAISecretParams, options?: RequestOptions): APIPromise<AISecret>;
  retrieve(id: string, options?: RequestOptions): APIPromise<AISecret>;
  /** No patch sends `{}`. */
  update(id: string, patch?: PatchAISecretParams | RequestOptions, options?: RequestOptions): APIPromise<AISecret>;
  delete(id: string, options?: RequestOptions): APIPromise<AISecret>;
  findAndDelete(params: DeleteAISecretParams, options?: RequestOptions): APIPromise<AISecret>;
  list(query?: ListAISecretsQuery | RequestOptions, options?: RequestOptions): AISecretsPagePromise;
}

export class BraintrustClient {
  /** @throws {ValidationError} on a bad option; nothing is sent. */
  constructor(options?: ClientOptions);
  readonly aiSecrets: AiSecretsResource;
  /** POST /v1/ai_secret. */
  createAiSecret(params: CreateAISecretParams, options?: RequestOptions): APIPromise<AISecret>;
  /** PUT /v1/ai_secret: create or replace. */
  replaceAiSecret(params: CreateAISecretParams, options?: RequestOptions): APIPromise<AISecret>;
  /** GET /v1/ai_secret/{id}. */
  getAiSecret(id: string, options?: RequestOptions): APIPromise<AISecret>;
  /** PATCH /v1/ai_secret/{id}. */
  updateAiSecret(id: string, patch: PatchAISecretParams, options?: RequestOptions): APIPromise<AISecret>;
  /** DELETE /v1/ai_secret/{id}; resolves to the deleted object. */
  deleteAiSecret(id: string, options?: RequestOptions): APIPromise<AISecret>;
  /** DELETE /v1/ai_secret with a body; resolves to the deleted object. */
  deleteAiSecretByName(params: DeleteAISecretParams, options?: RequestOptions): APIPromise<AISecret>;
  /** GET /v1/ai_secret: one page. */
  listAiSecrets(query?: ListAISecretsQuery, options?: RequestOptions): APIPromise<AISecretList>;
  /** Every secret across pages, following `starting_after`. */
  iterAiSecrets(query?: Omit<ListAISecretsQuery, "ending_before">, options?: RequestOptions): AsyncGenerator<AISecret, void, undefined>;
  /** The stored secret `idOrName` names: an id (a UUID) is fetched, a name looked up in the client's org.
   * @throws {NotFoundError} when no secret has that name. */
  findAiSecret(idOrName: string, options?: RequestOptions): Promise<AISecret>;
  /** Changes only the value (PATCH with `secret` alone) and checks it took.
   * @throws {VerificationError} when the answer does not show the rotation. */
  rotateAiSecret(idOrName: string, newSecret: string, options?: RequestOptions): Promise<RotationResult>;
  /** Sets the whole metadata (keys not given are removed), keeping the stored value and type. */
  setAiSecretMetadata(idOrName: string, metadata: JsonObject, options?: RequestOptions): Promise<AISecret>;
  /** Every secret of the org with its age and problems, riskiest first. */
  auditAiSecrets(params?: AuditParams, options?: RequestOptions): Promise<AuditEntry[]>;
  toJSON(): { client: "BraintrustClient" };
  /** The base URL calls go to. */
  readonly baseURL: string;
  /** Retries after the first attempt (default 2). */
  readonly maxRetries: number;
  /** Per-attempt timeout in milliseconds (default 60 000). */
  readonly timeout: number;
  /** The API key, from the option or `BRAINTRUST_API_KEY`. */
  readonly apiKey: string | undefined;

  // The official client's statics.
  static BraintrustError: typeof BraintrustError;
  static ValidationError: typeof ValidationError;
  static APIError: typeof APIError;
  static BadRequestError: typeof BadRequestError;
  static AuthenticationError: typeof AuthenticationError;
  static PermissionDeniedError: typeof PermissionDeniedError;
  static NotFoundError: typeof NotFoundError;
  static ConflictError: typeof ConflictError;
  static UnprocessableEntityError: typeof UnprocessableEntityError;
  static RateLimitError: typeof RateLimitError;
  static InternalServerError: typeof InternalServerError;
  static APIConnectionError: typeof APIConnectionError;
  static APIConnectionTimeoutError: typeof APIConnectionTimeoutError;
  static APIUserAbortError: typeof APIUserAbortError;
  static ResponseValidationError: typeof ResponseValidationError;
  static ClientInternalError: typeof ClientInternalError;
  static VerificationError: typeof VerificationError;
}

/** A secret's preview and the time its value was set, on one side of a rotation. */
export interface SecretState {
  preview_secret: string | null;
  secret_updated_at: string | null;
}

export interface RotationResult {
  id: string;
  name: string;
  type: string | null;
  before: SecretState;
  after: SecretState;
}

export interface AuditParams {
  /** Older than this is `stale` (default 180, as Braintrust's UI warns). */
  maxAgeDays?: number;
  /** The time to audit at (default: now). */
  now?: Date | number | string;
}

export interface AuditEntry {
  id: string;
  name: string;
  type: string | null;
  previewSecret: string | null;
  secretUpdatedAt: string | null;
  /** Whole days since the value was set (since creation if never); null if unknown. */
  ageDays: number | null;
  stale: boolean;
  neverRotated: boolean;
  /** What Braintrust's AI proxy could not use. */
  problems: Problem[];
  warnings: Problem[];
}

/** The official client's type names: `Braintrust.AISecret`, `Braintrust.AISecretCreateParams`, … */
export declare namespace BraintrustClient {
  export type AISecret = _AISecret;
  export type AISecretCreateParams = CreateAISecretParams;
  export type AISecretReplaceParams = CreateAISecretParams;
  export type AISecretUpdateParams = PatchAISecretParams;
  export type AISecretListParams = ListAISecretsQuery;
  export type AISecretFindAndDeleteParams = DeleteAISecretParams;
  export type AISecretsListObjects = AISecretsPage;
  export type ClientOptions = _ClientOptions;
  export type RequestOptions = _RequestOptions;
}
type _AISecret = AISecret;
type _ClientOptions = ClientOptions;
type _RequestOptions = RequestOptions;

/** The official client's names: `import Braintrust from "braintrust-ai-secrets"`, or `{ Braintrust }`. */
export { BraintrustClient as Braintrust, BraintrustClient as default };

/** The audit of secrets already listed (a dashboard's rows), riskiest first; `auditAiSecrets` lists the org itself. */
export function auditStoredSecrets(secrets: AISecret[], params?: AuditParams): Promise<AuditEntry[]>;

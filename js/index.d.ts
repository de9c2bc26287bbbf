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

/** Fields of create (POST) and replace (PUT) besides `type` and `metadata`. */
interface CreateAISecretBase {
  name: string;
  /** Omitted in a replace keeps the stored secret; `null` clears it. */
  secret?: string | null;
  /** Defaults to the client's `orgName`. */
  org_name?: string | null;
}

/** A `customModels` entry. */
export interface ModelSpec {
  format: "openai" | "anthropic" | "google" | "window" | "js" | "converse";
  flavor: "chat" | "completion" | "embedding";
  displayName?: string | null;
  input_cost_per_mil_tokens?: number | null;
  output_cost_per_mil_tokens?: number | null;
  max_input_tokens?: number | null;
  max_output_tokens?: number | null;
  multimodal?: boolean | null;
  reasoning?: boolean | null;
  [field: string]: unknown;
}

/** What every provider type's metadata accepts. The proxy keeps unknown keys. */
export interface BaseMetadata {
  models?: string[] | null;
  customModels?: Record<string, ModelSpec> | null;
  excludeDefaultModels?: boolean | null;
  additionalHeaders?: Record<string, string> | null;
  supportsStreaming?: boolean;
  overrideModel?: string | null;
  overrideSystemPrompt?: string | null;
  [field: string]: unknown;
}
export interface ApiBaseMetadata extends BaseMetadata {
  /** An absolute URL, or empty for the provider's default. */
  api_base?: string | null;
}
export interface AnthropicMetadata extends BaseMetadata {
  auth_type?: "api_key" | "oauth_bearer" | "workload_identity_federation";
  auth_source?: string | null;
}
export interface OpenAIMetadata extends ApiBaseMetadata {
  auth_type?: "api_key" | "oauth_bearer" | "workload_identity_federation";
  auth_source?: string | null;
  organization_id?: string | null;
  endpoint_path?: string | null;
  auth_format?: "bearer" | "api_key" | null;
}
export interface AzureMetadata extends BaseMetadata {
  api_base: string;
  api_version?: string;
  deployment?: string | null;
  /** `entra_api` and `entra_oidc` take a JSON object as the secret. */
  auth_type?: "api_key" | "entra_api" | "entra_oidc" | "entra_bearer";
  auth_source?: string | null;
  no_named_deployment?: boolean;
}
export interface AzureAIGatewayMetadata extends BaseMetadata {
  api_base: string;
  auth_type?: "api_key";
  auth_source?: string | null;
}
export interface BedrockMetadata extends ApiBaseMetadata {
  /** The AWS region, such as us-east-1. */
  region: string;
  auth_type?: "iam_credentials" | "api_key" | "assume_role";
  /** The AWS access key id (required for iam_credentials); the secret access key goes in `secret`. */
  access_key?: string | null;
  session_token?: string | null;
  external_id?: string | null;
  role_arn?: string | null;
}
export interface VertexMetadata extends ApiBaseMetadata {
  project: string;
  location?: string | null;
  /** camelCase, unlike other providers' `auth_type`. */
  authType: "access_token" | "oauth_bearer" | "service_account_key" | "workload_identity_federation";
  connection_id?: string | null;
  scopes?: string[] | null;
  workload_identity_provider?: string | null;
}
export interface DatabricksMetadata extends BaseMetadata {
  api_base: string;
  auth_type?: "pat" | "service_principal_oauth";
}

/** A type that is not one of Braintrust's: `type: "my-llm" as CustomProviderType` (custom providers are usually
 * stored as `openai` with `customModels`). Checked at run time with a warning. */
export type CustomProviderType = string & { readonly __customProviderType: true };

/** Body of create (POST) and replace (PUT): `CreateAISecret`, discriminated by `type`. Unknown keys are rejected. */
export type CreateAISecretParams = CreateAISecretBase &
  (
    | { type: "bedrock"; metadata: BedrockMetadata }
    | { type: "vertex"; metadata: VertexMetadata }
    | { type: "azure"; metadata: AzureMetadata }
    | { type: "azure_ai_gateway"; metadata: AzureAIGatewayMetadata }
    | { type: "databricks"; metadata: DatabricksMetadata }
    | { type: "openai"; metadata?: OpenAIMetadata | null }
    | { type: "anthropic"; metadata?: AnthropicMetadata | null }
    | { type: "braintrust" | "mistral" | "cohere" | "ollama"; metadata?: ApiBaseMetadata | null }
    | {
        type:
          | "perplexity" | "google" | "replicate" | "together" | "baseten" | "groq" | "lepton" | "fireworks"
          | "cerebras" | "xAI" | "openrouter" | "js";
        metadata?: BaseMetadata | null;
      }
    | { type?: CustomProviderType | null; metadata?: JsonObject | null }
  );

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

/** One finding of the provider check: the field path and what is wrong, with the fix. */
export interface Problem {
  field: string;
  message: string;
}

/** What `checkAiSecret` found. */
export interface CheckResult {
  /** No errors: Braintrust's AI proxy can use it. */
  ok: boolean;
  errors: Problem[];
  /** What the proxy accepts but may not be meant (an unknown key, a custom type). */
  warnings: Problem[];
}

/** Checks an AISecret-like value (a planned write, or a stored secret) against what Braintrust's AI proxy expects. */
export function checkAiSecret(value: { type?: string | null; metadata?: Record<string, unknown> | null; secret?: string | null }): CheckResult;

/** The usual secret name for a provider type: `openai` → `OPENAI_API_KEY`. */
export function canonicalName(type: string): string | undefined;

export type ProviderType =
  | "openai" | "braintrust" | "anthropic" | "google" | "mistral" | "bedrock" | "vertex" | "together" | "fireworks"
  | "baseten" | "perplexity" | "xAI" | "groq" | "azure" | "azure_ai_gateway" | "databricks" | "lepton" | "cerebras"
  | "ollama" | "replicate" | "cohere" | "openrouter" | "js";

export interface ProviderField {
  name: string;
  kind: "string" | "boolean" | "url" | "url_or_empty" | "string[]" | "record<string,string>" | "record<string,ModelSpec>" | "enum";
  /** An enum's values. */
  values: readonly string[] | null;
  required: boolean;
  nullish: boolean;
  nonEmpty: boolean;
  default: string | null;
  /** The proxy drops a wrong value instead of failing. */
  lenient: boolean;
  help: string | null;
}

export interface ProviderSchema {
  types: readonly ProviderType[];
  fields: readonly ProviderField[];
  /** The metadata field naming the auth type (`authType` for vertex). */
  authField: string | null;
  secretShapes: readonly { authType: string; keys: readonly string[] }[];
  authRequires: readonly { authType: string; fields: readonly string[] }[];
  /** Names users write instead of the right one, and what is meant. */
  wrongNames: Readonly<Record<string, string>>;
}

/** What Braintrust's AI proxy expects, per provider type (frozen). */
export const providers: {
  readonly types: readonly ProviderType[];
  readonly baseFields: readonly ProviderField[];
  readonly schemas: readonly ProviderSchema[];
  readonly canonicalNames: Readonly<Record<string, ProviderType>>;
};

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

/** The audit of secrets already listed (a dashboard's rows), riskiest first; `auditAiSecrets` lists the org itself. */
export function auditStoredSecrets(secrets: AISecret[], params?: AuditParams): Promise<AuditEntry[]>;

/** A write the server answered as done, whose effect its answer does not show (a rotation whose `secret_updated_at` did not move). */
export class VerificationError extends BraintrustError {}

// The API's objects (the spec's schemas): what calls take and return.

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

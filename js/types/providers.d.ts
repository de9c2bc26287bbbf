// What Braintrust's AI proxy expects per provider type: the `providers`
// table and the check that reads it.

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

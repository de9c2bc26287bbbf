// Type test: compiled with `tsc --noEmit --strict` under moduleResolution
// node16 and bundler. Lines under @ts-expect-error must fail to type-check.
import {
  createAiSecret, ready, BraintrustClient, BraintrustError, ValidationError, APIError, AuthenticationError,
  NotFoundError, RateLimitError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError,
  ResponseValidationError, ClientInternalError, checkAiSecret, canonicalName, providers,
  type CheckResult, type ProviderType, type Problem, type CustomProviderType, type BedrockMetadata,
  type AISecret, type AISecretList, type ClientOptions, type RequestOptions, type CreateAISecretParams, type Logger, type LogFields,
} from "braintrust-ai-secrets";

async function main(): Promise<void> {
  const options: ClientOptions = { apiKey: "k", baseURL: "http://127.0.0.1:1", orgName: "acme", timeout: 1000, maxRetries: 1, defaultHeaders: { "x-a": "1" }, fetch: globalThis.fetch, credentials: "include" };
  const client = new BraintrustClient(options);
  const ro: RequestOptions = { signal: new AbortController().signal, timeout: 5, maxRetries: 0, headers: { "x-b": null } };

  const params: CreateAISecretParams = { name: "n", type: null, secret: "s", metadata: { a: [1, { b: null }] }, org_name: null };
  const s: AISecret = await createAiSecret(params, { apiKey: "k", signal: ro.signal });
  const id: string = s.id;
  const org: string = s.org_id;
  const preview: string | null | undefined = s.preview_secret;
  const created = await client.createAiSecret({ name: "n" }, ro);
  const replaced: AISecret = await client.replaceAiSecret({ name: "n" });
  const got: AISecret = await client.getAiSecret(id);
  const patched: AISecret = await client.updateAiSecret(id, { metadata: { k: "v" }, secret: null });
  const deleted: AISecret = await client.deleteAiSecret(id);
  const byName: AISecret = await client.deleteAiSecretByName({ name: "n", org_name: "acme" });
  const page: AISecretList = await client.listAiSecrets({ limit: 7, ids: [id], ai_secret_type: "openai" });
  for await (const item of client.iterAiSecrets({ limit: 10 })) {
    const n: string = item.name;
    void n;
  }
  const first: AISecretList = await client.aiSecrets.list({ limit: 1 });
  const raw: Response = await client.getAiSecret(id).asResponse();
  const { data: got2, response }: { data: AISecret; response: Response } = await client.createAiSecret({ name: "n" }).withResponse();
  void [raw, got2, response.status];
  const pageOne = await client.aiSecrets.list({ limit: 1 });
  if (pageOne.hasNextPage()) { const two = await pageOne.getNextPage(); void two.getPaginatedItems()[0]?.id; }
  for await (const p of pageOne.iterPages()) void p.objects.length;
  await client.aiSecrets.update(first.objects[0]?.id ?? "");
  for await (const item of client.aiSecrets.list()) void item.id;
  const viaAlias: AISecret = await client.aiSecrets.create({ name: "n" });
  await client.aiSecrets.findAndDelete({ name: "n" });
  void [created, replaced, got, patched, deleted, byName, page, first, viaAlias, org, preview];

  try {
    await client.createAiSecret({ name: "n" });
  } catch (e) {
    if (e instanceof ValidationError) { const f: string = e.field; void f; }
    if (e instanceof APIError) { const st: number = e.status; const h: Record<string, string> = e.headers; const r: string | undefined = e.requestId; const m: boolean = e.mayHaveSucceeded; void [st, h, r, m]; }
    if (e instanceof AuthenticationError || e instanceof NotFoundError || e instanceof RateLimitError) { const st: number = e.status; void st; }
    if (e instanceof APIConnectionError) { const m: boolean = e.mayHaveSucceeded; void m; }
    if (e instanceof APIConnectionTimeoutError || e instanceof APIUserAbortError || e instanceof ResponseValidationError || e instanceof ClientInternalError) void e.message;
    if (e instanceof BraintrustError) { const a: number = e.attempts; void a; }
  }

  const logged = new BraintrustClient({ logger: console, logLevel: "debug", maxResponseBytes: 1_000_000 });
  await logged.listAiSecrets({}, { maxResponseBytes: 10_000 });
  const custom: Logger = { debug() {}, info() {}, warn(_m: string, f: LogFields) { void f.delayMs; }, error() {} };
  void custom;
  const checked: CheckResult = checkAiSecret({ type: "bedrock", metadata: { region: "us-east-1" } });
  const firstProblem: Problem | undefined = checked.errors[0];
  const t: ProviderType = providers.types[0];
  const envName: string | undefined = canonicalName(t);
  new BraintrustClient({ validateMetadata: "warn" });
  await client.createAiSecret({ name: "n" }, { validateMetadata: "off" });
  void [firstProblem, envName];
  // Provider types: each type's metadata, required fields included.
  await client.createAiSecret({ name: "aws", type: "bedrock", metadata: { region: "us-east-1", access_key: "AKIA" }, secret: "s" });
  await client.createAiSecret({ name: "gcp", type: "vertex", metadata: { project: "p", authType: "service_account_key" } });
  await client.createAiSecret({ name: "az", type: "azure", metadata: { api_base: "https://x.openai.azure.com", auth_type: "entra_api" } });
  await client.createAiSecret({ name: "oa", type: "openai", metadata: { customModels: { m: { format: "openai", flavor: "chat" } } } });
  await client.createAiSecret({ name: "own", type: "my-llm" as CustomProviderType, metadata: { anything: 1 } });
  const bedrock: BedrockMetadata = { region: "eu-west-1", auth_type: "assume_role", role_arn: "arn", external_id: "x" };
  void bedrock;
  // @ts-expect-error Bedrock needs a region
  await client.createAiSecret({ name: "aws", type: "bedrock", metadata: { access_key: "AKIA" } });
  // @ts-expect-error Vertex's auth field is authType, in camelCase
  await client.createAiSecret({ name: "gcp", type: "vertex", metadata: { project: "p", auth_type: "access_token" } });
  // @ts-expect-error types are case-sensitive: xAI
  await client.createAiSecret({ name: "x", type: "xai" });
  // @ts-expect-error an enum is a fixed set
  await client.createAiSecret({ name: "az", type: "azure", metadata: { api_base: "https://x", auth_type: "entra" } });
  // @ts-expect-error a ModelSpec needs its format and flavor
  await client.createAiSecret({ name: "oa", type: "openai", metadata: { customModels: { m: { format: "openai" } } } });
  // @ts-expect-error validateMetadata is a fixed set
  new BraintrustClient({ validateMetadata: "loose" });
  // @ts-expect-error the table is read-only
  providers.types = [];
  // @ts-expect-error logLevel is a fixed set
  new BraintrustClient({ logLevel: "loud" });
  // @ts-expect-error a logger needs all four methods
  new BraintrustClient({ logger: { warn() {} } });

  // @ts-expect-error name is required
  await createAiSecret({ type: "openai" });
  // @ts-expect-error name must be a string
  await client.createAiSecret({ name: 5 });
  // @ts-expect-error a typo is not a field
  await client.createAiSecret({ name: "n", secert: "s" });
  // @ts-expect-error metadata must be an object
  await client.createAiSecret({ name: "n", metadata: "x" });
  // @ts-expect-error timeout is a number
  new BraintrustClient({ timeout: "5" });
  // @ts-expect-error unknown option
  new BraintrustClient({ apikey: "k" });
  // @ts-expect-error credentials is a fixed set
  new BraintrustClient({ credentials: "all" });
  // @ts-expect-error ids are strings
  await client.listAiSecrets({ ids: [1] });
  // @ts-expect-error limit is a number
  await client.listAiSecrets({ limit: "7" });
  // @ts-expect-error patch has no org_name
  await client.updateAiSecret(id, { org_name: "x" });
  // @ts-expect-error getAiSecret takes an id string
  await client.getAiSecret({ id });
  // @ts-expect-error the result has no secret typed as string
  const leaked: string = s.secret;
  void leaked;
}
void main;

// Rotation, metadata and audit (#28).
async function lifecycle(client: BraintrustClient): Promise<void> {
  const r = await client.rotateAiSecret("openai-prod", "sk-new");
  const preview: string | null = r.after.preview_secret;
  const s: AISecret = await client.setAiSecretMetadata(r.id, { region: "us-east-1" });
  const entries = await client.auditAiSecrets({ maxAgeDays: 90, now: new Date() });
  const stale: boolean = entries[0].stale;
  const age: number | null = entries[0].ageDays;
  // @ts-expect-error the new value is a string
  await client.rotateAiSecret("x", 5);
  // @ts-expect-error maxAgeDays is a number
  await client.auditAiSecrets({ maxAgeDays: "90" });
  void [preview, s, stale, age];
}
void lifecycle;

// Loading the module early.
async function early(): Promise<void> {
  const done: void = await ready();
  void done;
}
void early;

async function find(client: BraintrustClient): Promise<string> {
  return (await client.findAiSecret("openai-prod")).id;
}
void find;

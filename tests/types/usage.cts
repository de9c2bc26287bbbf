// The CommonJS view of the types (require condition, index.d.cts).
import bt = require("braintrust-ai-secrets");

async function main(): Promise<void> {
  const s: bt.AISecret = await bt.createAiSecret({ name: "n" }, { apiKey: "k" });
  const e: unknown = null;
  if (e instanceof bt.ValidationError) void e.field;
  // @ts-expect-error name is required
  await bt.createAiSecret({});
  void s;
}
void main;

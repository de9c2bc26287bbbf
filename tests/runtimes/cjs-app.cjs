// Node's require(), and an ESM import of the same package in the same
// process: one copy of the classes, so instanceof holds across them.
const cjs = require("braintrust-ai-secrets");

(async () => {
  const [baseURL, name] = process.argv.slice(2);
  const { scenario } = await import("./scenario.mjs");
  const esm = await import("braintrust-ai-secrets");
  const steps = await scenario(cjs, baseURL, name);
  const e = await new cjs.BraintrustClient({ apiKey: "wrong", baseURL }).createAiSecret({ name }).catch((x) => x);
  steps.push(`esm instanceof cjs error ${e instanceof esm.AuthenticationError && e instanceof esm.BraintrustError}`);
  console.log(JSON.stringify(steps));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

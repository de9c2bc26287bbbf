// Entry for Node's `import`: the wasm is read from disk synchronously.
import { readFileSync } from "node:fs";
import * as glue from "./braintrust_ai_secrets.js";
import { makeSurface } from "./surface.js";

glue.initSync({ module: readFileSync(new URL("./braintrust_ai_secrets_bg.wasm", import.meta.url)) });

// Read at each client construction, so a changed environment is honoured.
const readEnv = () => ({
  BRAINTRUST_API_KEY: process.env.BRAINTRUST_API_KEY,
  BRAINTRUST_BASE_URL: process.env.BRAINTRUST_BASE_URL,
  BRAINTRUST_API_URL: process.env.BRAINTRUST_API_URL,
});
const surface = makeSurface(glue, readEnv);
export const BraintrustClient = surface.BraintrustClient;
export const createAiSecret = surface.createAiSecret;
export * from "./errors.js";

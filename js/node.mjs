// Entry for Node's `import`: the wasm is read from disk synchronously.
import { readFileSync } from "node:fs";
import { initSync } from "./braintrust_ai_secrets.js";
import { makeSurface } from "./surface.js";
import { readEnv } from "./node-env.js";

initSync({ module: readFileSync(new URL("./braintrust_ai_secrets_bg.wasm", import.meta.url)) });

const surface = makeSurface(readEnv);
export const BraintrustClient = surface.BraintrustClient;
export const createAiSecret = surface.createAiSecret;
export * from "./errors.js";

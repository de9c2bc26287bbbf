// Source of `node.cjs`, the entry for Node's `require`; scripts/build.mjs
// bundles it with esbuild into CommonJS (hence `__dirname`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync } from "./braintrust_ai_secrets.js";
import { makeSurface } from "./surface.js";
import { readEnv } from "./node-env.js";

initSync({ module: readFileSync(join(__dirname, "braintrust_ai_secrets_bg.wasm")) });

const surface = makeSurface(readEnv);
export const BraintrustClient = surface.BraintrustClient;
export const createAiSecret = surface.createAiSecret;
export * from "./errors.js";

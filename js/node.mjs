// Entry for Node, ESM and (bundled by scripts/build.mjs into node.cjs)
// CommonJS: the wasm is read from disk synchronously. In the CJS bundle
// `import.meta.url` is the bundle's own file URL (an esbuild define).
import { readFileSync } from "node:fs";
import { initSync } from "./braintrust_ai_secrets.js";
import { makeSurface } from "./surface.js";
import { readEnv } from "./node-env.js";

initSync({ module: readFileSync(new URL("./braintrust_ai_secrets_bg.wasm", import.meta.url)) });

// The sync module (audits), read on first use.
async function loadSync() {
  const sync = await import("./sync/braintrust_ai_secrets_sync.js");
  sync.initSync({ module: readFileSync(new URL("./sync/braintrust_ai_secrets_sync_bg.wasm", import.meta.url)) });
  return sync;
}

export const { BraintrustClient, createAiSecret, providers, checkAiSecret, canonicalName, auditStoredSecrets } = makeSurface(readEnv, loadSync);
// The official client's names: `import Braintrust from ...`, `{ Braintrust }`.
export { BraintrustClient as default, BraintrustClient as Braintrust };
export * from "./errors.js";

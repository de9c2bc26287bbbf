// Entry for Node, ESM and (bundled by scripts/build.mjs into node.cjs)
// CommonJS. Nothing is loaded at import: the wasm is read from disk, at
// once, by the first client or call. The path is built from this file's
// own, not with `new URL(…, import.meta.url)`, which bundlers rewrite into
// an asset; in the CJS bundle `import.meta.url` is the bundle's file URL.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { initSync } from "./braintrust_ai_secrets.js";
import { makeEngine } from "./engine.js";
import { makeSurface } from "./surface.js";
import { readEnv } from "./node-env.js";

const here = dirname(fileURLToPath(import.meta.url));
const WASM = join(here, "braintrust_ai_secrets_bg.wasm");
const engine = makeEngine({ loadSync: () => initSync({ module: readFileSync(WASM) }), where: WASM, current: () => initSync({ module: new Uint8Array() }) });

// The sync module (audits, rotation checks), read on first use.
async function loadSync() {
  const sync = await import("./sync/braintrust_ai_secrets_sync.js");
  sync.initSync({ module: readFileSync(join(here, "sync", "braintrust_ai_secrets_sync_bg.wasm")) });
  return sync;
}

export const { BraintrustClient, createAiSecret, checkAiSecret, canonicalName, auditStoredSecrets, ready } = makeSurface({ readEnv, engine, loadSync });
// The official client's names: `import Braintrust from ...`, `{ Braintrust }`.
export { BraintrustClient as default, BraintrustClient as Braintrust };
// The provider table as data: a page that does not use it does not bundle it.
export { providers } from "./providers-data.js";
export * from "./errors.js";

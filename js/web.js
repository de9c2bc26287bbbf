// Entry for browsers, workers and bundlers (esbuild, Rollup, bun build, Vite,
// webpack, Parcel, Next's client). Nothing is loaded at import (no top-level
// await). The wasm is inside a JS module (wasm-inline.js), so a bundler
// carries it as it carries any JS, with no asset to copy and no URL to
// resolve; the first call (or `await ready()`) unpacks and instantiates it.
import init, { initSync } from "./braintrust_ai_secrets.js";
import { gzipBase64 } from "./wasm-inline.js";
import { unpack } from "./unpack.js";
import { preloaded } from "./sync-registry.js";
import { makeEngine } from "./engine.js";
import { makeSurface } from "./surface.js";

const engine = makeEngine({
  loadAsync: async () => init({ module_or_path: await unpack(gzipBase64) }),
  where: "braintrust_ai_secrets_bg.wasm, inlined in the package's wasm-inline.js",
  current: () => initSync({ module: new Uint8Array() }),
});

// The sync module (audits, rotation checks), on first use: a bundler splits
// a dynamic import into a chunk of its own, which a page that only creates
// secrets never downloads. Where `import()` is forbidden (service workers),
// `import "braintrust-ai-secrets/sync"` has loaded it already.
async function loadSync() {
  const [sync, inline] = preloaded.module
    ? [preloaded.module.sync, preloaded.module]
    : await Promise.all([import("./sync/braintrust_ai_secrets_sync.js"), import("./sync/wasm-inline.js")]);
  await sync.default({ module_or_path: await unpack(inline.gzipBase64) });
  return sync;
}

// Browsers never read the environment.
export const { BraintrustClient, createAiSecret, checkAiSecret, auditStoredSecrets, ready } = makeSurface({ readEnv: () => undefined, engine, loadSync });
// The official client's names: `import Braintrust from ...`, `{ Braintrust }`.
export { BraintrustClient as default, BraintrustClient as Braintrust };
// The provider table as data: a page that does not use it does not bundle it.
export { providers, canonicalName } from "./provider-table.js";
export * from "./errors.js";

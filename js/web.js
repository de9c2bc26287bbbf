// Entry for browsers, workers and bundlers (Vite, webpack, Parcel). Nothing
// is loaded at import (no top-level await): the wasm is fetched next to this
// file on the first call, or by `await ready()`.
import init, { initSync } from "./braintrust_ai_secrets.js";
import { makeEngine } from "./engine.js";
import { makeSurface } from "./surface.js";

// Found on first use, so that a bundle without `import.meta.url` (an iife)
// loads, and says at its first call what it could not find.
const wasmURL = () => new URL("./braintrust_ai_secrets_bg.wasm", import.meta.url);
const engine = makeEngine({ loadAsync: () => init({ module_or_path: wasmURL() }), where: "braintrust_ai_secrets_bg.wasm, next to the package's index.js", current: () => initSync({ module: new Uint8Array() }) });

// The sync module (audits, rotation checks), fetched next to this file on
// first use. By URL, so that a bundler copies it as an asset (as it does
// the .wasm) instead of folding it into every page that imports this one.
async function loadSync() {
  const sync = await import(/* @vite-ignore */ new URL("./sync/braintrust_ai_secrets_sync.js", import.meta.url).href);
  await sync.default({ module_or_path: new URL("./sync/braintrust_ai_secrets_sync_bg.wasm", import.meta.url) });
  return sync;
}

// Browsers never read the environment.
export const { BraintrustClient, createAiSecret, checkAiSecret, canonicalName, auditStoredSecrets, ready } = makeSurface({ readEnv: () => undefined, engine, loadSync });
// The official client's names: `import Braintrust from ...`, `{ Braintrust }`.
export { BraintrustClient as default, BraintrustClient as Braintrust };
// The provider table as data: a page that does not use it does not bundle it.
export { providers } from "./providers-data.js";
export * from "./errors.js";

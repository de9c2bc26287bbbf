// Entry for browsers, workers and bundlers (Vite, esbuild, webpack). The
// wasm is fetched next to this file and instantiated with top-level await,
// so importers never call an init function.
import init from "./braintrust_ai_secrets.js";
import { makeSurface } from "./surface.js";

await init({ module_or_path: new URL("./braintrust_ai_secrets_bg.wasm", import.meta.url) });

// The sync module (audits, rotation checks), fetched next to this file on
// first use. By URL, so that a bundler copies it as an asset (as it does
// the .wasm) instead of folding it into every page that imports this one.
async function loadSync() {
  const sync = await import(/* @vite-ignore */ new URL("./sync/braintrust_ai_secrets_sync.js", import.meta.url).href);
  await sync.default({ module_or_path: new URL("./sync/braintrust_ai_secrets_sync_bg.wasm", import.meta.url) });
  return sync;
}

// Browsers never read the environment.
export const { BraintrustClient, createAiSecret, providers, checkAiSecret, canonicalName, auditStoredSecrets } = makeSurface(() => undefined, loadSync);
// The official client's names: `import Braintrust from ...`, `{ Braintrust }`.
export { BraintrustClient as default, BraintrustClient as Braintrust };
export * from "./errors.js";

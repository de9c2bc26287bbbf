// Entry for Cloudflare Workers (workerd): the .wasm is imported as a module
// (wrangler's default rule for *.wasm).
import wasm from "./braintrust_ai_secrets_bg.wasm";
import { moduleEngine } from "./module-entry.js";
import { makeSurface } from "./surface.js";

const { engine, loadSync } = moduleEngine(wasm, () => Promise.all([import("./sync/braintrust_ai_secrets_sync.js"), import("./sync/braintrust_ai_secrets_sync_bg.wasm")]), "imported as a module");

// Workers have no environment variables on globalThis: pass apiKey.
export const { BraintrustClient, createAiSecret, checkAiSecret, auditStoredSecrets, ready } = makeSurface({ readEnv: () => undefined, engine, loadSync });
export { BraintrustClient as default, BraintrustClient as Braintrust };
// The provider table as data: a page that does not use it does not bundle it.
export { providers, canonicalName } from "./provider-table.js";
export * from "./errors.js";

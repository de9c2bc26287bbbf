// Entry for the `edge-light` condition (Next.js edge routes and middleware,
// Vercel Edge Functions): they refuse to compile wasm from bytes and import
// a .wasm as a module with the `?module` suffix.
import wasm from "./braintrust_ai_secrets_bg.wasm?module";
import { moduleEngine } from "./module-entry.js";
import { makeSurface } from "./surface.js";
import { readEnv } from "./node-env.js";

const { engine, loadSync } = moduleEngine(wasm, () => Promise.all([import("./sync/braintrust_ai_secrets_sync.js"), import("./sync/braintrust_ai_secrets_sync_bg.wasm?module")]), "imported with ?module");

// Edge runtimes have `process.env`: BRAINTRUST_API_KEY is read as in Node.
export const { BraintrustClient, createAiSecret, checkAiSecret, auditStoredSecrets, ready } = makeSurface({ readEnv, engine, loadSync });
export { BraintrustClient as default, BraintrustClient as Braintrust };
// The provider table as data: a page that does not use it does not bundle it.
export { providers, canonicalName } from "./provider-table.js";
export * from "./errors.js";

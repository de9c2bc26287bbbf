// Entry for Cloudflare Workers (workerd): they refuse to compile wasm from
// bytes, so the .wasm is imported as a module (wrangler's default rule for
// *.wasm) and instantiated, at once, by the first client or call.
import wasm from "./braintrust_ai_secrets_bg.wasm";
import { initSync } from "./braintrust_ai_secrets.js";
import { makeEngine } from "./engine.js";
import { makeSurface } from "./surface.js";

const engine = makeEngine({ loadSync: () => initSync({ module: wasm }), where: "braintrust_ai_secrets_bg.wasm, imported as a module", current: () => initSync({ module: new Uint8Array() }) });

// The sync module (audits, rotation checks), imported on first use.
async function loadSync() {
  const [sync, module] = await Promise.all([import("./sync/braintrust_ai_secrets_sync.js"), import("./sync/braintrust_ai_secrets_sync_bg.wasm")]);
  sync.initSync({ module: module.default });
  return sync;
}

// Workers have no environment variables on globalThis: pass apiKey.
export const { BraintrustClient, createAiSecret, checkAiSecret, canonicalName, auditStoredSecrets, ready } = makeSurface({ readEnv: () => undefined, engine, loadSync });
export { BraintrustClient as default, BraintrustClient as Braintrust };
// The provider table as data: a page that does not use it does not bundle it.
export { providers } from "./providers-data.js";
export * from "./errors.js";

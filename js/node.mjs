// Entry for Node, ESM and (bundled by scripts/build.mjs into node.cjs)
// CommonJS. Nothing is loaded at import: the first client or call unpacks
// the wasm, at once, from the JS module it ships in (wasm-inline.js). No
// file is read by path, so the package works bundled too (Next's server,
// esbuild --platform=node), where a path next to this file does not exist.
import { initSync } from "./braintrust_ai_secrets.js";
import { gzipBase64 } from "./wasm-inline.js";
import { makeEngine } from "./engine.js";
import { makeSurface } from "./surface.js";
import { readEnv } from "./node-env.js";

// zlib is looked up when first needed, by process.getBuiltinModule where
// Node has it (20.16+, 22.3+): a bundler's ESM output of node.cjs (esbuild
// --format=esm) has no working `require`. node.cjs is this file, bundled.
const zlib = () => globalThis.process.getBuiltinModule?.("node:zlib") ?? require("node:zlib");
const unpack = (text) => zlib().gunzipSync(Buffer.from(text, "base64"));
const engine = makeEngine({ loadSync: () => initSync({ module: unpack(gzipBase64) }), where: "braintrust_ai_secrets_bg.wasm, inlined in the package's wasm-inline.js", current: () => initSync({ module: new Uint8Array() }) });

// The sync module (audits, rotation checks), unpacked on first use.
async function loadSync() {
  const [sync, inline] = await Promise.all([import("./sync/braintrust_ai_secrets_sync.js"), import("./sync/wasm-inline.js")]);
  sync.initSync({ module: unpack(inline.gzipBase64) });
  return sync;
}

export const { BraintrustClient, createAiSecret, checkAiSecret, auditStoredSecrets, ready } = makeSurface({ readEnv, engine, loadSync });
// The official client's names: `import Braintrust from ...`, `{ Braintrust }`.
export { BraintrustClient as default, BraintrustClient as Braintrust };
// The provider table as data: a page that does not use it does not bundle it.
export { providers, canonicalName } from "./provider-table.js";
export * from "./errors.js";

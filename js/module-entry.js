// The engine of the entries for platforms that refuse to compile wasm from
// bytes (Cloudflare Workers, Vercel/Next edge): their bundler hands the
// .wasm over as a compiled WebAssembly.Module, instantiated by the first
// client or call.
import init, { initSync } from "./braintrust_ai_secrets.js";
import { makeEngine } from "./engine.js";

/** `wasm`: the main module, imported; `importSync()`: the sync module's
 * glue and .wasm, imported on first use; `how`: how the entry imports them. */
export function moduleEngine(wasm, importSync, how) {
  // Next's edge sandbox gets modules compiled outside it, in another realm:
  // not `instanceof` this realm's WebAssembly.Module, which the glue's
  // synchronous path requires. WebAssembly.instantiate takes them, so such
  // a module is instantiated asynchronously (`await ready()` before the
  // synchronous checks, as in browsers).
  const here = wasm instanceof WebAssembly.Module;
  const engine = makeEngine({
    loadSync: here ? () => initSync({ module: wasm }) : undefined,
    loadAsync: () => init({ module_or_path: wasm }),
    where: `braintrust_ai_secrets_bg.wasm, ${how}`,
    current: () => initSync({ module: new Uint8Array() }),
  });
  async function loadSync() {
    const [sync, module] = await importSync();
    await sync.default({ module_or_path: module.default });
    return sync;
  }
  return { engine, loadSync };
}

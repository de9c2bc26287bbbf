// Entry for browsers, workers and bundlers (Vite, esbuild, webpack). The
// wasm is fetched next to this file and instantiated with top-level await,
// so importers never call an init function.
import init from "./braintrust_ai_secrets.js";
import { makeSurface } from "./surface.js";

await init({ module_or_path: new URL("./braintrust_ai_secrets_bg.wasm", import.meta.url) });

// Browsers never read the environment.
export const { BraintrustClient, createAiSecret, providers, checkAiSecret, canonicalName } = makeSurface(() => undefined);
// The official client's names: `import Braintrust from ...`, `{ Braintrust }`.
export { BraintrustClient as default, BraintrustClient as Braintrust };
export * from "./errors.js";

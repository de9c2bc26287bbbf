// The provider table as JS: `providers` (generated from the Rust table at
// build) and `canonicalName`, a lookup in it, so it needs no WebAssembly (it
// works before the module loads). A page that uses neither does not bundle
// them.
import { providers } from "./providers-data.js";

export { providers };

/** The usual secret name for a provider type: `openai` → `OPENAI_API_KEY`. */
export function canonicalName(type) {
  if (typeof type !== "string") return undefined;
  const names = providers.canonicalNames;
  return Object.keys(names).find((name) => names[name] === type);
}

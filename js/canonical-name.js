// `canonicalName`: a lookup in the generated `providers` table, so it needs
// no WebAssembly (it works before the module loads) and a page that never
// calls it does not carry the table.
import { providers } from "./providers-data.js";

/** The usual secret name for a provider type: `openai` → `OPENAI_API_KEY`. */
export function canonicalName(type) {
  if (typeof type !== "string") return undefined;
  const names = providers.canonicalNames;
  return Object.keys(names).find((name) => names[name] === type);
}

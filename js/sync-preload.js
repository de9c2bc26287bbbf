// `import "braintrust-ai-secrets/sync"`: the sync module (audits, rotation
// checks) loaded with the importing script, by static import, for where
// `import()` is forbidden: service workers. Elsewhere the browser entry
// imports it on first use and this is not needed.
import * as sync from "./sync/braintrust_ai_secrets_sync.js";
import { gzipBase64 } from "./sync/wasm-inline.js";
import { preloaded } from "./sync-registry.js";

preloaded.module = { sync, gzipBase64 };

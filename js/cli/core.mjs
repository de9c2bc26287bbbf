// The sync module (crates/sync-wasm: manifest checks, plans), read at once:
// the CLI runs only in Node.
import { readFileSync } from "node:fs";
import * as sync from "../sync/braintrust_ai_secrets_sync.js";

sync.initSync({ module: readFileSync(new URL("../sync/braintrust_ai_secrets_sync_bg.wasm", import.meta.url)) });

export const { checkManifest, planSync, changedSince } = sync;

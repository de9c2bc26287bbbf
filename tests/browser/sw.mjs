// A module service worker (top-level await is forbidden here) that imports
// the package and creates a secret when asked.
import { createAiSecret, auditStoredSecrets, APIError } from "/pkg/index.js";
// A service worker may not import(): the sync module (audits) comes by static import.
import "/pkg/sync-preload.js";

self.addEventListener("message", (ev) => {
  const { emu, name } = ev.data;
  ev.waitUntil((async () => {
    try {
      const s = await createAiSecret({ name, secret: "sk-sw-value-13579" }, { apiKey: "test-key", baseURL: emu });
      const e = await createAiSecret({ name: "x" }, { apiKey: "wrong", baseURL: emu }).catch((x) => x);
      const audit = await auditStoredSecrets([s]).then((r) => `age ${r[0].ageDays}`, (x) => `${x.name}: ${x.message}`);
      ev.source.postMessage({ created: s.name, preview: s.preview_secret, typed: e instanceof APIError && e.status === 401, audit });
    } catch (e) {
      ev.source.postMessage({ failure: String(e && e.stack || e) });
    }
  })());
});

// A module service worker (top-level await is forbidden here) that imports
// the package and creates a secret when asked.
import { createAiSecret, APIError } from "/pkg/index.js";

self.addEventListener("message", (ev) => {
  const { emu, name } = ev.data;
  ev.waitUntil((async () => {
    try {
      const s = await createAiSecret({ name, secret: "sk-sw-value-13579" }, { apiKey: "test-key", baseURL: emu });
      const e = await createAiSecret({ name: "x" }, { apiKey: "wrong", baseURL: emu }).catch((x) => x);
      ev.source.postMessage({ created: s.name, preview: s.preview_secret, typed: e instanceof APIError && e.status === 401 });
    } catch (e) {
      ev.source.postMessage({ failure: String(e && e.stack || e) });
    }
  })());
});

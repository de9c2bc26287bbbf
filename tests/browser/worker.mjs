// A dedicated or shared module worker that imports the package. Its message
// handler is in place as soon as the module runs (no top-level await), so a
// message posted right after the worker starts is not lost.
import { createAiSecret, APIError } from "/pkg/index.js";

async function answer(data) {
  try {
    const s = await createAiSecret({ name: data.name, secret: "sk-worker-value-86420" }, { apiKey: "test-key", baseURL: data.emu });
    const e = await createAiSecret({ name: "x" }, { apiKey: "wrong", baseURL: data.emu }).catch((x) => x);
    return { created: s.name, preview: s.preview_secret, typed: e instanceof APIError && e.status === 401 };
  } catch (e) {
    return { failure: String(e && e.stack || e) };
  }
}

if (typeof self.postMessage === "function" && !("onconnect" in self)) {
  self.onmessage = async (ev) => self.postMessage(await answer(ev.data));
} else {
  self.onconnect = (ev) => {
    const port = ev.ports[0];
    port.onmessage = async (m) => port.postMessage(await answer(m.data));
  };
}

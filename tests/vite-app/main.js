// A page built by Vite (production) that imports the package by name.
import { BraintrustClient, createAiSecret, AuthenticationError } from "braintrust-ai-secrets";

const q = new URLSearchParams(location.search);
const out = {};
try {
  out.created = await createAiSecret({ name: q.get("name"), secret: "sk-vite-value-24680" }, { apiKey: "test-key", baseURL: q.get("emu") });
  const e = await createAiSecret({ name: "x" }, { apiKey: "wrong", baseURL: q.get("emu") }).catch((x) => x);
  out.authError = e instanceof AuthenticationError;
  // The lazily loaded sync module, as Vite copied it.
  const audit = await new BraintrustClient({ apiKey: "test-key", baseURL: q.get("emu") }).auditAiSecrets();
  out.audited = audit.find((a) => a.name === q.get("name"));
} catch (e) {
  out.failure = String(e?.stack ?? e);
}
document.getElementById("out").textContent = JSON.stringify(out);
window.__result = out;

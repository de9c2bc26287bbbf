// The contenders of the benchmark, each doing the same create against the
// emulator: a hand-written fetch (the floor of any fetch design), the
// official @braintrust/api client on its default transport and on the global
// fetch, and this package.
export const PARAMS = { name: "bench-secret", type: "openai", secret: "sk-bench-value-0123456789", metadata: { team: "bench" } };

export const NAMES = ["raw fetch", "@braintrust/api (node-fetch)", "@braintrust/api (global fetch)", "braintrust-ai-secrets"];

/** Returns an async function doing one create. Imports happen here, so a
 * fresh process measures them in its cold start. */
export async function makeContender(name, { baseURL, apiKey }) {
  switch (name) {
    case "raw fetch":
      return async () => {
        const r = await fetch(`${baseURL}/v1/ai_secret`, {
          method: "POST",
          headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
          body: JSON.stringify(PARAMS),
        });
        if (!r.ok) throw new Error(`status ${r.status}`);
        return r.json();
      };
    case "@braintrust/api (node-fetch)":
    case "@braintrust/api (global fetch)": {
      const { default: Braintrust } = await import("@braintrust/api");
      const opts = { apiKey, baseURL };
      if (name.includes("global")) opts.fetch = globalThis.fetch;
      const c = new Braintrust(opts);
      return () => c.post("/v1/ai_secret", { body: PARAMS });
    }
    case "braintrust-ai-secrets": {
      const { BraintrustClient } = await import("braintrust-ai-secrets");
      const c = new BraintrustClient({ apiKey, baseURL });
      return () => c.createAiSecret(PARAMS);
    }
    default:
      throw new Error(`unknown contender ${name}`);
  }
}

// The contenders of the benchmark, each doing the same create against the
// emulator: a hand-written fetch (the floor of any fetch design), the
// official @braintrust/api client on its default transport and on the global
// fetch, and this package.
export const PARAMS = { name: "bench-secret", type: "openai", secret: "sk-bench-value-0123456789", metadata: { team: "bench" } };

export const NAMES = ["raw fetch", "@braintrust/api (node-fetch)", "@braintrust/api (global fetch)", "braintrust-ai-secrets"];

/** A reference for the speed passes, not a contender: raw fetch with what
 * this package's transport gives fetch. That is a per-call AbortController
 * whose signal fetch takes, and a timer, which any client whose timeout and
 * abort really cancel the request must add; and `redirect: "error"` with
 * `window: null`, which spare Node's fetch its copy of the request. The
 * package's ratio to this row is the cost of the client itself. */
export const SIGNAL_FLOOR = "raw fetch + AbortSignal, timer, redirect: error";

/** A reference for the speed passes, not a contender: the least a create
 * does on this project's stack (bench/floor: serde types, web-sys fetch and
 * `Response.text()` awaited through JsFuture, a per-call AbortController and
 * timer; no checks, retries, races or logging). The package's ratio to this
 * row is the cost of its features; this row's ratio to raw fetch is the
 * stack's. Built by bench/run.mjs (bench/floor.mjs). */
export const STACK_FLOOR = "stack floor: serde + web-sys fetch, no checks (bench/floor, not shipped)";

/** Returns an async function doing one create. Imports happen here, so a
 * fresh process measures them in its cold start. `fetch` replaces the
 * global one (and the official client's node-fetch). */
export async function makeContender(name, { baseURL, apiKey, fetch: ownFetch }) {
  const fetch = ownFetch ?? globalThis.fetch;
  // The hand-written create; only the reference row passes a signal and
  // refuses redirects.
  const rawCreate = async (signal) => {
    const init = {
      method: "POST",
      headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify(PARAMS),
    };
    if (signal) Object.assign(init, { signal, redirect: "error", window: null });
    const r = await fetch(`${baseURL}/v1/ai_secret`, init);
    if (!r.ok) throw new Error(`status ${r.status}`);
    return r.json();
  };
  switch (name) {
    case "raw fetch":
      return () => rawCreate();
    case SIGNAL_FLOOR:
      return async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 60000);
        try {
          return await rawCreate(controller.signal);
        } finally {
          clearTimeout(timer);
        }
      };
    case "@braintrust/api (node-fetch)":
    case "@braintrust/api (global fetch)": {
      const { default: Braintrust } = await import("@braintrust/api");
      const opts = { apiKey, baseURL };
      if (name.includes("global")) opts.fetch = fetch;
      const c = new Braintrust(opts);
      return () => c.post("/v1/ai_secret", { body: PARAMS });
    }
    case "braintrust-ai-secrets": {
      const { BraintrustClient } = await import("braintrust-ai-secrets");
      const c = new BraintrustClient({ apiKey, baseURL, ...(ownFetch && { fetch: ownFetch }) });
      return () => c.createAiSecret(PARAMS);
    }
    case STACK_FLOOR: {
      const { loadFloor } = await import("./floor.mjs");
      const FloorClient = await loadFloor();
      const c = new FloorClient(baseURL, apiKey, ownFetch);
      return () => c.create(JSON.stringify(PARAMS));
    }
    default:
      throw new Error(`unknown contender ${name}`);
  }
}

/** A fetch that answers at once with a stored AISecret, as the emulator would
 * (JSON, Content-Length): what a contender costs on top of it is the client's
 * own overhead, free of the network stack's noise. */
export function instantFetch() {
  const body = JSON.stringify({
    id: "3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f", created: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z",
    org_id: "0b6a7c3e-2f1d-4e5a-9b8c-7d6e5f4a3b2c", name: PARAMS.name, type: PARAMS.type, metadata: PARAMS.metadata, preview_secret: "sk-…6789",
  });
  const headers = { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) };
  return async () => new Response(body, { status: 200, headers });
}

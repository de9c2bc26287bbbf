// The wasm allocator (src/heap.rs) reuses freed blocks: under a steady load
// the module's linear memory stops growing once every size class has seen
// its peak. A leak in the shell (a WasmCall or a string never freed) shows
// here as growth. Fetch is a stored Response so that 20 000 calls take a
// couple of seconds; the transport path is the same as over the network.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as m from "braintrust-ai-secrets";

// The glue module the package entry already initialised: `initSync` then
// returns that same instance's exports, memory included.
const require = createRequire(import.meta.url);
const pkgDir = require.resolve("braintrust-ai-secrets/package.json").replace(/package\.json$/, "");
const glue = await import(`${pkgDir}braintrust_ai_secrets.js`);
const exports = glue.initSync({ module: readFileSync(`${pkgDir}braintrust_ai_secrets_bg.wasm`) });
const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);

const ID = "3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f";
const secret = (i) => ({ id: ID, org_id: ID, name: `s-${i}`, created: null, type: "openai", metadata: { i }, preview_secret: "sk-…" });

/** Answers every request with a stored body; list pages vary in size. */
function storedFetch() {
  const one = JSON.stringify(secret(0));
  const pages = [1, 7, 40, 200].map((n) => JSON.stringify({ objects: Array.from({ length: n }, (_, i) => secret(i)) }));
  let n = 0;
  return async (url) => {
    const body = String(url).includes("?") ? pages[n++ % pages.length] : one;
    return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  };
}

test("wasm memory stays flat over 20 000 calls after warm-up", async () => {
  assert.ok(memory, "the wasm exports a memory");
  const client = new m.BraintrustClient({ apiKey: "k", baseURL: "http://127.0.0.1:9", fetch: storedFetch() });
  const round = (i) =>
    Promise.all(
      Array.from({ length: 64 }, (_, j) =>
        (i + j) % 3 === 0
          ? client.listAiSecrets({ limit: 50, ai_secret_name: `n-${j}` })
          : client.createAiSecret({ name: `secret-${i}-${j}`.repeat(1 + (j % 5)), secret: "x".repeat(j * 40), metadata: { j } }),
      ),
    );
  for (let i = 0; i < 40; i++) await round(i);
  const warm = memory.buffer.byteLength;
  for (let i = 0; i < 320; i++) await round(i);
  assert.equal(memory.buffer.byteLength, warm, `wasm memory grew from ${warm} to ${memory.buffer.byteLength} bytes`);
});

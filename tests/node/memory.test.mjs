// The wasm allocator (Rust's default, behind a zero-on-free wrapper) reuses freed blocks: under a steady load
// the module's linear memory stops growing once every size class has seen
// its peak. A leak in the shell (a WasmCall or a string never freed) shows
// here as growth. Fetch is a stored Response so that 20 000 calls take a
// couple of seconds; the transport path is the same as over the network.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as m from "braintrust-ai-secrets";

// The memory of the instance the package itself runs on (one per process:
// import and require share it), through the package's test hook.
await m.ready();
const memory = m.BraintrustClient[Symbol.for("braintrust-ai-secrets.wasmMemory")]();

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

// Every JS value handed to wasm (params, options, signals, responses and
// their headers, on success, retry and error paths) sits in wasm-bindgen's
// slab until the shell drops it; one never dropped stays reachable from
// there for good. After the calls settle and a full GC, none may be alive.
test("the shell lets go of every JS value it was handed", async () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  const held = [];
  const track = (o) => (held.push(new WeakRef(o)), o);
  const stored = storedFetch();
  // Every other create first gets a 503 (a retry); a GET gets a body that
  // is not JSON (a ResponseValidationError).
  let n = 0;
  const fetch = async (url, init) => {
    if (init.method === "GET" && !String(url).includes("?")) return track(new Response("not json", { status: 200 }));
    if (init.method === "POST" && n++ % 2 === 0) {
      const busy = track(new Response("busy", { status: 503, headers: { "retry-after-ms": "1" } }));
      track(busy.headers);
      return busy;
    }
    return track(await stored(url, init));
  };
  const client = new m.BraintrustClient({ apiKey: "k", baseURL: "http://127.0.0.1:9", fetch });
  // In a function of its own: a suspended async frame keeps its last loop
  // values in its registers, which would hold them here through the GC.
  const calls = async () => {
    for (let i = 0; i < 50; i++) {
      const options = () => track({ signal: track(new AbortController().signal), headers: track({ "x-i": String(i) }), timeout: 5000 });
      await client.createAiSecret(track({ name: `n-${i}`, secret: "s", metadata: track({ i }) }), options());
      await client.listAiSecrets(track({ limit: 5 }), options());
      await client.updateAiSecret(ID, track({ metadata: track({ i }) }), options());
      await assert.rejects(client.createAiSecret(track({ name: "" }), options()), m.ValidationError);
      await assert.rejects(client.getAiSecret(ID, options()), m.ResponseValidationError);
      const aborted = new AbortController();
      aborted.abort();
      await assert.rejects(client.getAiSecret(ID, track({ signal: track(aborted.signal) })), m.APIUserAbortError);
    }
  };
  await calls();
  assert.equal(n, 100, "each create was sent twice (a 503, then its retry)");
  // WeakRef targets are kept until the current job ends.
  await new Promise((r) => setImmediate(r));
  gc();
  const alive = held.filter((r) => r.deref() !== undefined).length;
  assert.equal(alive, 0, `${alive} of ${held.length} values handed to the client are still reachable`);
});

// A call's secret, and its key as the Authorization header, are zeroed in
// wasm memory once the call ends: the strings that hold them on drop, and
// the blocks that growing strings left behind on free (the allocator, wrapped
// by zeroizing-alloc, zeroes each block it takes back). The client's own copy of the key lives as long
// as the client. Sentinels in the secret, in metadata that repeats it, in
// non-ASCII text, through a retry and through a validation error.
test("no copy of a call's secret or Authorization header stays in wasm memory once the call ends", async () => {
  const key = "sk-KEY-ZERO-SENTINEL-0123456789";
  let n = 0;
  const stored = storedFetch();
  const fetch = async (url, init) =>
    n++ % 3 === 0 ? new Response("busy", { status: 503, headers: { "retry-after-ms": "1" } }) : stored(url, init);
  const client = new m.BraintrustClient({ apiKey: key, baseURL: "http://127.0.0.1:9", fetch });
  const copies = (text) => {
    const hay = Buffer.from(memory.buffer);
    let count = 0;
    for (let at = hay.indexOf(text); at !== -1; at = hay.indexOf(text, at + 1)) count++;
    return count;
  };
  for (let i = 0; i < 20; i++) {
    const secret = `SECRET-ZERO-SENTINEL-${i}-` + "x".repeat(i * 37);
    await client.createAiSecret({ name: `n-${i}`, type: "openai", secret, metadata: { note: secret, i } });
    await client.replaceAiSecret({ name: "n", secret: `${secret}-é😀`.repeat(1 + (i % 4)), metadata: { secret } });
    await assert.rejects(client.createAiSecret({ name: "", secret, metadata: { secret } }), m.ValidationError);
  }
  assert.equal(copies("SECRET-ZERO-SENTINEL-"), 0, "a secret left in wasm memory");
  assert.equal(copies(`Bearer ${key}`), 0, "an Authorization header left in wasm memory");
  assert.equal(copies(key), 1, "the client's own copy of the key");
});

// A client's wasm half (its validated options, a wasm-bindgen class) is freed when the JS client is collected. Each client
// here carries 4 KB of default headers, so 3 000 clients never freed would
// grow the memory by 12 MB; the one-call function makes a client per call.
test("the wasm half of a collected client is freed", async () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  const defaultHeaders = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`x-h${i}`, "v".repeat(500)]));
  const fetch = storedFetch();
  const make = async () => {
    for (let i = 0; i < 1000; i++) new m.BraintrustClient({ apiKey: "k", baseURL: "http://127.0.0.1:9", defaultHeaders, fetch });
    for (let i = 0; i < 100; i++) await m.createAiSecret({ name: "n" }, { apiKey: "k", baseURL: "http://127.0.0.1:9", defaultHeaders, fetch });
  };
  // A GC queues the finalizers; they run in later tasks.
  const collect = async () => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  // Three rounds of warm-up: the allocator's free lists reach their size by
  // the third (measured: flat from there over 12 rounds).
  for (let round = 0; round < 3; round++) {
    await make();
    await collect();
  }
  const warm = memory.buffer.byteLength;
  for (let round = 0; round < 5; round++) {
    await make();
    await collect();
  }
  assert.equal(memory.buffer.byteLength, warm, `wasm memory grew from ${warm} to ${memory.buffer.byteLength} bytes`);
});

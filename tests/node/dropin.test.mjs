// The official client's names and shapes that code written for it relies on:
// the default export and `Braintrust`, `require()` giving the class, the
// statics, the read-only settings (the key never shown), `httpAgent`, the
// retry-count header on the wire. The official tests themselves are in
// tests/compat.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { inspect } from "node:util";
import Braintrust, * as esm from "braintrust-ai-secrets";
import { startEmulator, uniq, KEY } from "./helpers.mjs";

const cjs = createRequire(import.meta.url)("braintrust-ai-secrets");
let emu;
before(async () => { emu = await startEmulator({ keys: [KEY], orgs: ["acme"] }); });
after(() => emu.close());

test("the default export is the client class, also exported as Braintrust, with the error classes as statics", () => {
  assert.equal(Braintrust, esm.BraintrustClient);
  assert.equal(esm.Braintrust, esm.BraintrustClient);
  for (const name of ["APIError", "NotFoundError", "AuthenticationError", "APIUserAbortError", "APIConnectionTimeoutError", "ValidationError", "BraintrustError"]) {
    assert.equal(Braintrust[name], esm[name], name);
  }
});

test("require() gives the client class, every export on it, as the official client's does", () => {
  assert.equal(typeof cjs, "function");
  assert.equal(cjs.name, "BraintrustClient");
  assert.equal(cjs.default, cjs);
  assert.equal(cjs.BraintrustClient, cjs);
  assert.equal(cjs.Braintrust, cjs);
  assert.equal(typeof cjs.createAiSecret, "function");
  assert.ok(new cjs({ apiKey: "k" }) instanceof cjs);
  assert.ok(new cjs.NotFoundError("x") instanceof cjs.APIError);
});

test("baseURL, maxRetries, timeout and apiKey read the client's settings; the key shows in no dump of the client", () => {
  const SENTINEL = "sk-DROPIN-SENTINEL-77";
  const c = new Braintrust({ apiKey: SENTINEL, baseURL: "http://127.0.0.1:8/x/", maxRetries: 5, timeout: 1234 });
  assert.deepEqual([c.baseURL, c.maxRetries, c.timeout, c.apiKey], ["http://127.0.0.1:8/x", 5, 1234, SENTINEL]);
  const d = new Braintrust({ apiKey: "k" });
  assert.deepEqual([d.baseURL, d.maxRetries, d.timeout], ["https://api.braintrust.dev", 2, 60000]);
  for (const dump of [JSON.stringify(c), inspect(c, { showHidden: true, depth: 9 }), inspect(c, { showHidden: true, getters: true }), String(c), Object.keys(c).join()]) {
    assert.ok(!dump.includes(SENTINEL), dump);
  }
  assert.throws(() => { "use strict"; c.apiKey = "other"; }, TypeError);
});

test("httpAgent is accepted on the client and per call (fetch has no agents)", async () => {
  const agent = { keepAlive: true };
  const c = new Braintrust({ apiKey: KEY, baseURL: emu.url, httpAgent: agent });
  const s = await c.aiSecrets.create({ name: uniq("agent") }, { httpAgent: agent });
  assert.match(s.id, /^[0-9a-f-]{36}$/);
});

test("wire: each attempt sends x-stainless-retry-count, 0 first, as the official client does", async () => {
  const name = uniq("count");
  emu.script.push({ match: { method: "POST" }, status: 503, headers: { "Retry-After": "0" }, body: "busy" });
  const c = new Braintrust({ apiKey: KEY, baseURL: emu.url });
  await c.aiSecrets.create({ name });
  const counts = emu.apiRequests().filter((r) => r.body.includes(name)).map((r) => r.headers?.["x-stainless-retry-count"]);
  assert.deepEqual(counts, ["0", "1"]);
});

test("only the ai_secret resource: the official generic verbs are absent, not half-there (README, differences)", () => {
  const c = new Braintrust({ apiKey: "k" });
  for (const verb of ["get", "post", "put", "patch", "delete", "request", "getAPIList", "buildRequest", "buildURL"]) {
    assert.equal(c[verb], undefined, verb);
  }
  assert.deepEqual(Object.keys(c), ["aiSecrets"]);
});

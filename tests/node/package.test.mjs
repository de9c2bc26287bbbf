// The built package in Node, through its `exports`: `import` and `require`,
// the wire format, options, environment defaults and every error class.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import * as esm from "braintrust-ai-secrets";
import { startEmulator, refusedUrl, uniq, sent, KEY, assertSpecConformance } from "./helpers.mjs";

const cjs = createRequire(import.meta.url)("braintrust-ai-secrets");
const ERROR_CLASSES = [
  "BraintrustError", "ValidationError", "APIError", "BadRequestError", "AuthenticationError", "PermissionDeniedError",
  "NotFoundError", "ConflictError", "UnprocessableEntityError", "RateLimitError", "InternalServerError",
  "APIConnectionError", "APIConnectionTimeoutError", "APIUserAbortError", "ResponseValidationError", "VerificationError", "ClientInternalError",
];

let emu;
before(async () => { emu = await startEmulator({ keys: [KEY], orgs: ["acme", "beta"] }); });
after(() => emu.close());

for (const [label, m] of [["import", esm], ["require", cjs]]) {
  test(`${label}: exports the functions and every error class`, () => {
    assert.equal(typeof m.createAiSecret, "function");
    assert.equal(typeof m.BraintrustClient, "function");
    assert.equal(typeof m.checkAiSecret, "function");
    assert.equal(m.providers.types.length, 23);
    assert.equal(m.canonicalName("openai"), "OPENAI_API_KEY");
    for (const name of ERROR_CLASSES) {
      assert.equal(typeof m[name], "function", name);
      assert.ok(new m[name]("x") instanceof m.BraintrustError, name);
      assert.ok(new m[name]("x") instanceof Error, name);
      assert.equal(new m[name]("x").name, name);
    }
    assert.ok(new m.RateLimitError("x") instanceof m.APIError);
    assert.ok(new m.APIConnectionTimeoutError("x") instanceof m.APIConnectionError);
    assert.deepEqual(Object.keys(m).sort(), [...ERROR_CLASSES, "BraintrustClient", "Braintrust", "default", "createAiSecret", "providers", "checkAiSecret", "canonicalName", "auditStoredSecrets", "ready"].sort());
  });

  test(`${label}: createAiSecret creates a secret with one call`, async () => {
    const name = uniq(label);
    const s = await m.createAiSecret({ name, type: "openai", secret: "sk-node-test-1234567", metadata: { team: "ml" } }, { apiKey: KEY, baseURL: emu.url });
    assert.match(s.id, /^[0-9a-f-]{36}$/);
    assert.match(s.org_id, /^[0-9a-f-]{36}$/);
    assert.equal(s.name, name);
    assert.equal(s.type, "openai");
    assert.deepEqual(s.metadata, { team: "ml" });
    for (const f of ["created", "updated_at", "secret_updated_at", "secret_updated_by_user_id", "preview_secret"]) assert.ok(f in s, f);
    assert.equal(s.preview_secret, "sk-…4567");
    assert.ok(!("secret" in s));
    assert.equal(Object.getPrototypeOf(s), Object.prototype, "a plain object");
  });

  test(`${label}: errors are instances of the exported classes`, async () => {
    const c = new m.BraintrustClient({ apiKey: "wrong", baseURL: emu.url });
    const e = await c.createAiSecret({ name: uniq("x") }).catch((x) => x);
    assert.ok(e instanceof m.AuthenticationError && e instanceof m.APIError && e instanceof m.BraintrustError);
    assert.throws(() => new m.BraintrustClient({ baseURL: "nope" }), m.ValidationError);
  });
}

test("wire: POST {baseURL}/v1/ai_secret with bearer auth, JSON and a compact body", async () => {
  const name = uniq("wire");
  const c = new esm.BraintrustClient({ apiKey: KEY, baseURL: `${emu.url}/` });
  await c.createAiSecret({ name, secret: "sk-wire-0000000000", metadata: { a: [1, 2] } });
  const [r] = sent(emu, name);
  assert.equal(r.method, "POST");
  assert.equal(r.path, "/v1/ai_secret");
  assert.equal(r.headers.authorization, `Bearer ${KEY}`);
  assert.equal(r.headers["content-type"], "application/json");
  assert.equal(r.body, JSON.stringify({ name, metadata: { a: [1, 2] }, secret: "sk-wire-0000000000" }));
  const custom = Object.entries(r.headers).filter(([h]) => h.startsWith("x-"));
  assert.deepEqual(custom, [["x-stainless-retry-count", "0"]], "only the official client's retry count by default");
});

test("wire: a baseURL with a path prefix keeps it", async () => {
  const name = uniq("prefix");
  const c = new esm.BraintrustClient({ apiKey: KEY, baseURL: `${emu.url}/api/`, maxRetries: 0 });
  const e = await c.createAiSecret({ name }).catch((x) => x);
  assert.ok(e instanceof esm.NotFoundError, "the emulator has no /api prefix");
  assert.equal(sent(emu, name)[0].path, "/api/v1/ai_secret");
});

test("wire: keyless mode sends no Authorization header", async () => {
  const name = uniq("keyless");
  const c = new esm.BraintrustClient({ apiKey: null, baseURL: emu.url });
  const e = await c.createAiSecret({ name }).catch((x) => x);
  assert.ok(e instanceof esm.AuthenticationError);
  assert.equal(sent(emu, name)[0].headers.authorization, undefined);
});

test("wire: org_name comes from orgName unless the call gives one", async () => {
  const c = new esm.BraintrustClient({ apiKey: KEY, baseURL: emu.url, orgName: "beta" });
  const a = await c.createAiSecret({ name: uniq("org") });
  const b = await c.createAiSecret({ name: uniq("org"), org_name: "acme" });
  assert.notEqual(a.org_id, b.org_id);
  assert.equal(a.org_id, emu.store.orgs[1].id);
  assert.equal(b.org_id, emu.store.orgs[0].id);
});

test("wire: defaultHeaders and per-call headers are sent; null removes one", async () => {
  const name = uniq("hdr");
  const c = new esm.BraintrustClient({ apiKey: KEY, baseURL: emu.url, defaultHeaders: { "X-Team": "a", "X-Gone": "z" } });
  await c.createAiSecret({ name }, { headers: { "x-team": "b", "x-gone": null, "x-call": "1" } });
  const h = sent(emu, name)[0].headers;
  assert.equal(h["x-team"], "b");
  assert.equal(h["x-gone"], undefined);
  assert.equal(h["x-call"], "1");
});

test("wire: 150 default and per-call header names all reach the server, in a fresh process", async () => {
  const name = uniq("names");
  const script = `
    import { BraintrustClient } from "braintrust-ai-secrets";
    const defaultHeaders = {}, headers = {};
    for (let i = 0; i < 75; i++) { defaultHeaders["x-d-" + i] = "d" + i; headers["x-c-" + i] = "c" + i; }
    const c = new BraintrustClient({ apiKey: process.argv[1], baseURL: process.argv[2], defaultHeaders });
    const a = await c.createAiSecret({ name: process.argv[3], metadata: { k: 1 } }, { headers });
    const b = await c.updateAiSecret(a.id, { metadata: { k: 2 } }, { headers });
    console.log(JSON.stringify([a, b]));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, KEY, emu.url, name], { cwd: dirname(fileURLToPath(import.meta.url)), stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  assert.equal(await new Promise((resolve) => child.on("close", resolve)), 0);
  const [a, b] = JSON.parse(out);
  assert.equal(a.name, name);
  assert.deepEqual([a.metadata, b.metadata], [{ k: 1 }, { k: 2 }]);
  assert.equal(b.id, a.id);
  assert.equal(typeof a.created, "string");
  const requests = [...sent(emu, name), ...sent(emu, a.id)];
  assert.deepEqual(requests.map((r) => r.method), ["POST", "PATCH"]);
  for (const r of requests) {
    for (let i = 0; i < 75; i++) {
      assert.equal(r.headers[`x-d-${i}`], `d${i}`);
      assert.equal(r.headers[`x-c-${i}`], `c${i}`);
    }
  }
});

test("options: a custom fetch receives credentials and the request", async () => {
  const seen = [];
  const c = new esm.BraintrustClient({
    apiKey: KEY, baseURL: emu.url, credentials: "include",
    fetch: (url, init) => { seen.push({ url, init }); return fetch(url, init); },
  });
  const s = await c.createAiSecret({ name: uniq("fetch") });
  assert.ok(s.id);
  assert.equal(seen.length, 1);
  assert.equal(seen[0].url, `${emu.url}/v1/ai_secret`);
  assert.equal(seen[0].init.credentials, "include");
  assert.equal(seen[0].init.method, "POST");
});

test("options: Node reads BRAINTRUST_API_KEY and BRAINTRUST_BASE_URL, then BRAINTRUST_API_URL", async () => {
  const saved = { ...process.env };
  try {
    process.env.BRAINTRUST_API_KEY = KEY;
    process.env.BRAINTRUST_BASE_URL = emu.url;
    process.env.BRAINTRUST_API_URL = "http://127.0.0.1:1";
    assert.ok((await esm.createAiSecret({ name: uniq("env") })).id);
    delete process.env.BRAINTRUST_BASE_URL;
    process.env.BRAINTRUST_API_URL = emu.url;
    assert.ok((await cjs.createAiSecret({ name: uniq("env") })).id);
    process.env.BRAINTRUST_API_URL = "not a url";
    assert.throws(() => new esm.BraintrustClient(), (e) => e instanceof esm.ValidationError && e.field === "BRAINTRUST_API_URL");
    // an explicit null key opts out of the environment's key
    const name = uniq("envnull");
    const e = await new esm.BraintrustClient({ apiKey: null, baseURL: emu.url }).createAiSecret({ name }).catch((x) => x);
    assert.ok(e instanceof esm.AuthenticationError);
  } finally {
    for (const k of ["BRAINTRUST_API_KEY", "BRAINTRUST_BASE_URL", "BRAINTRUST_API_URL"]) {
      if (k in saved) process.env[k] = saved[k]; else delete process.env[k];
    }
  }
});

test("options: the default base URL is https://api.braintrust.dev", async () => {
  const seen = [];
  const c = new esm.BraintrustClient({ apiKey: "k-123", fetch: async (url) => { seen.push(url); throw new TypeError("offline"); }, maxRetries: 0 });
  const e = await c.createAiSecret({ name: "x" }).catch((x) => x);
  assert.ok(e instanceof esm.APIConnectionError);
  assert.deepEqual(seen, ["https://api.braintrust.dev/v1/ai_secret"]);
});

test("errors: every status becomes its class, named as errors.js names it (the wasm passes classes by number)", async () => {
  const c = new esm.BraintrustClient({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 });
  const cases = [[400, "BadRequestError"], [401, "AuthenticationError"], [403, "PermissionDeniedError"], [404, "NotFoundError"], [409, "ConflictError"],
    [422, "UnprocessableEntityError"], [429, "RateLimitError"], [500, "InternalServerError"], [503, "InternalServerError"], [418, "APIError"]];
  for (const [status, name] of cases) {
    emu.script.push({ match: { method: "POST" }, status, body: { error: "scripted" } });
    const e = await c.createAiSecret({ name: uniq("status") }).catch((x) => x);
    assert.ok(e instanceof esm[name] && e instanceof esm.APIError, `${status}: ${e}`);
    assert.equal(e.name, name, `${status}`);
    assert.equal(e.constructor, esm[name], `${status}: the class itself, not a parent`);
    assert.equal(e.status, status);
  }
  // And the other classes the wasm makes.
  const refused = await new esm.BraintrustClient({ apiKey: KEY, baseURL: await refusedUrl(), maxRetries: 0 }).createAiSecret({ name: "n" }).catch((x) => x);
  assert.equal(refused.constructor, esm.APIConnectionError, `${refused}`);
  const invalid = await c.createAiSecret({ name: "" }).catch((x) => x);
  assert.equal(invalid.constructor, esm.ValidationError, `${invalid}`);
  const aborted = await c.createAiSecret({ name: "n" }, { signal: AbortSignal.abort() }).catch((x) => x);
  assert.equal(aborted.constructor, esm.APIUserAbortError, `${aborted}`);
});

test("errors: APIError carries status, headers, body and requestId", async () => {
  const name = uniq("apierr");
  emu.script.push({ match: { method: "POST" }, status: 422, body: { error: "bad type", detail: "x".repeat(5000) }, headers: { "X-Request-Id": "req_scripted" } });
  const e = await new esm.BraintrustClient({ apiKey: KEY, baseURL: emu.url }).createAiSecret({ name }).catch((x) => x);
  assert.ok(e instanceof esm.UnprocessableEntityError);
  assert.equal(e.status, 422);
  assert.equal(e.requestId, "req_scripted");
  assert.equal(e.headers["x-request-id"], "req_scripted");
  // Any casing reads a header, as the official client's headers do.
  assert.equal(e.headers["X-Request-Id"], "req_scripted");
  assert.equal(e.headers["X-REQUEST-ID"], "req_scripted");
  assert.equal(e.headers["Hello-World"], undefined);
  assert.deepEqual(JSON.parse(JSON.stringify(e.headers))["x-request-id"], "req_scripted");
  assert.equal(typeof e.body, "string", "a body over 2 KB is cut, so it is text");
  assert.ok(e.body.length <= 2049);
  assert.equal(e.attempts, 1);
  assert.match(e.message, /^422 Unprocessable Entity: /);
});

test("errors: a fetch that rejects is an APIConnectionError with the cause", async () => {
  const c = new esm.BraintrustClient({ apiKey: KEY, baseURL: await refusedUrl(), maxRetries: 0 });
  const e = await c.createAiSecret({ name: "x" }).catch((x) => x);
  assert.ok(e instanceof esm.APIConnectionError);
  assert.ok(e.cause instanceof Error);
  assert.match(e.message, /ECONNREFUSED/);
  assert.equal(e.mayHaveSucceeded, false, "a refused connection never reached the server");
});

test("validation: every bad input is a ValidationError naming the field, and nothing is sent", async () => {
  const before = emu.apiRequests().length;
  const c = new esm.BraintrustClient({ apiKey: KEY, baseURL: emu.url });
  const bad = [
    [undefined, "params"], [{}, "name"], [{ name: "" }, "name"], [{ name: 1 }, "name"], [{ name: "n", type: 1 }, "type"],
    [{ name: "n", secret: 1 }, "secret"], [{ name: "n", org_name: 1 }, "org_name"], [{ name: "n", metadata: [] }, "metadata"],
    [{ name: "n", metadata: new Date() }, "metadata"], [{ name: "n", metadata: new Map() }, "metadata"],
    [{ name: "n", secert: "sk-typo" }, "secert"],
    // A null-prototype object is a plain object too: its typos are caught the same way.
    [Object.assign(Object.create(null), { name: "n", secert: "sk-typo" }), "secert"],
  ];
  for (const [params, field] of bad) {
    const e = await c.createAiSecret(params).catch((x) => x);
    assert.ok(e instanceof esm.ValidationError, JSON.stringify(params));
    assert.equal(e.field, field);
    assert.equal(e.attempts, 0);
    assert.match(e.message, new RegExp(`\`${field}\``));
  }
  const cyclic = { a: 1 }; cyclic.self = cyclic;
  // Objects JSON.stringify throws on (a cycle, a bigint) or turns into no text.
  for (const metadata of [cyclic, { n: 10n }, { toJSON: () => undefined }]) {
    const e = await c.createAiSecret({ name: "n", metadata }).catch((x) => x);
    assert.ok(e instanceof esm.ValidationError && e.field === "metadata" && /JSON-serialisable/.test(e.message), `${e}`);
  }
  const badOptions = [
    [{ baseURL: "ftp://x" }, "baseURL"], [{ baseURL: "/relative" }, "baseURL"], [{ timeout: 0 }, "timeout"], [{ timeout: Infinity }, "timeout"],
    [{ timeout: "1" }, "timeout"], [{ maxRetries: -1 }, "maxRetries"], [{ maxRetries: 0.5 }, "maxRetries"], [{ apiKey: 42 }, "apiKey"],
    [{ baseURL: "http://127.0.0.1:99999" }, "baseURL"], [{ baseURL: "http://127.0.0.1:6000" }, "baseURL"], [{ defaultHeaders: { "Transfer-Encoding": "chunked" } }, "defaultHeaders"],
    [{ fetch: "no" }, "fetch"], [{ fetch: {} }, "fetch"], [{ credentials: "yes" }, "credentials"], [{ apikey: "typo" }, "apikey"],
    [{ logger: "console" }, "logger"], [{ logger: {} }, "logger"], [{ logger: { debug() {}, info() {}, warn() {} } }, "logger"],
    // A function carrying the four methods is still not a logger object.
    [{ logger: Object.assign(() => {}, { debug() {}, info() {}, warn() {}, error() {} }) }, "logger"],
  ];
  for (const [opts, field] of badOptions) {
    assert.throws(() => new esm.BraintrustClient({ baseURL: emu.url, ...opts }), (e) => e instanceof esm.ValidationError && e.field === field, field);
    const e = await esm.createAiSecret({ name: "n" }, { baseURL: emu.url, ...opts }).catch((x) => x);
    assert.ok(e instanceof esm.ValidationError && e.field === field, `createAiSecret ${field}`);
  }
  // A signal is anything with addEventListener and a boolean `aborted`.
  const duck = (aborted) => ({ aborted, addEventListener() {}, removeEventListener() {} });
  const badRequestOptions = [
    [{ timeout: -1 }, "timeout"], [{ signal: {} }, "signal"], [{ signal: duck(1) }, "signal"], [{ signal: duck("true") }, "signal"],
    [{ headers: { "bad header": "v" } }, "headers"], [{ retries: 1 }, "retries"],
    [{ headers: { Expect: "100-continue" } }, "headers"], [{ headers: { "keep-alive": "timeout=5" } }, "headers"],
  ];
  for (const [ro, field] of badRequestOptions) {
    const e = await c.createAiSecret({ name: "n" }, ro).catch((x) => x);
    assert.ok(e instanceof esm.ValidationError && e.field === field, field);
  }
  for (const aborted of [AbortSignal.abort(), duck(true)]) {
    assert.ok((await c.createAiSecret({ name: "n" }, { signal: aborted }).catch((x) => x)) instanceof esm.APIUserAbortError);
  }
  assert.equal(emu.apiRequests().length, before, "no request reached the emulator");
});

test("options: environment values are trimmed, and a blank one counts as unset", async () => {
  const saved = { ...process.env };
  try {
    process.env.BRAINTRUST_API_KEY = `  ${KEY}\n`;
    process.env.BRAINTRUST_BASE_URL = "   ";
    process.env.BRAINTRUST_API_URL = ` ${emu.url} `;
    assert.ok((await esm.createAiSecret({ name: uniq("env-trim") })).id, "blank base URL skipped, padded ones trimmed");
    process.env.BRAINTRUST_BASE_URL = ` ${emu.url}  `;
    delete process.env.BRAINTRUST_API_URL;
    assert.ok((await cjs.createAiSecret({ name: uniq("env-trim") })).id);
  } finally {
    for (const k of ["BRAINTRUST_API_KEY", "BRAINTRUST_BASE_URL", "BRAINTRUST_API_URL"]) {
      if (k in saved) process.env[k] = saved[k]; else delete process.env[k];
    }
  }
});

test("options: defaultQuery on every request, a call's query after it, null removes one", async () => {
  // Parameters the spec does not know, as the official tests send: an
  // emulator of its own, without the spec check.
  const own = await startEmulator({ keys: [KEY], spec: { check: () => [], available: true } });
  try {
    const c = new esm.BraintrustClient({ apiKey: KEY, baseURL: own.url, defaultQuery: { apiVersion: "foo", hello: "world" } });
    const name = uniq("query");
    await c.createAiSecret({ name }, { query: { hello: null, bar: 1 } });
    assert.equal(sent(own, name).at(-1).query, "?apiVersion=foo&bar=1");
    await c.listAiSecrets({ ai_secret_name: name });
    assert.equal(own.apiRequests().at(-1).query, `?ai_secret_name=${name}&apiVersion=foo&hello=world`);
  } finally {
    await own.close();
  }
  assert.throws(() => new esm.BraintrustClient({ defaultQuery: "a=b" }), (e) => e instanceof esm.ValidationError && e.field === "defaultQuery");
});

test("options: the official request options: path and idempotencyKey honoured, options where params go, method/body refused", async () => {
  // An unknown path, as the official tests use: an emulator without the spec check.
  const own = await startEmulator({ keys: [KEY], spec: { check: () => [], available: true } });
  try {
    const c = new esm.BraintrustClient({ apiKey: KEY, baseURL: own.url, maxRetries: 0 });
    const made = await c.createAiSecret({ name: uniq("opts") }, { idempotencyKey: "idem-1" });
    assert.equal(own.apiRequests().at(-1).headers["idempotency-key"], "idem-1");
    const path = { path: "/_stainless_unknown_path" };
    for (const call of [() => c.aiSecrets.retrieve(made.id, path), () => c.aiSecrets.delete(made.id, path), () => c.aiSecrets.update(made.id, path), () => c.aiSecrets.list(path), () => c.aiSecrets.list({}, path)]) {
      const e = await call().catch((x) => x);
      assert.ok(e instanceof esm.NotFoundError, String(e));
      assert.equal(own.apiRequests().at(-1).path, "/_stainless_unknown_path");
    }
    const { Agent } = await import("node:http");
    assert.equal((await c.getAiSecret(made.id, { httpAgent: new Agent(), stream: false, __binaryResponse: false })).id, made.id, "accepted, no effect");
    for (const [opts, field] of [[{ method: "get" }, "method"], [{ body: { name: "x" } }, "body"], [{ path: "relative" }, "path"]]) {
      const e = await c.getAiSecret(made.id, opts).catch((x) => x);
      assert.ok(e instanceof esm.ValidationError && e.field === field, String(e));
    }
  } finally {
    await own.close();
  }
});

test("wire: a custom fetch gets lower-case header names, as the official client gives them", async () => {
  const seen = [];
  const c = new esm.BraintrustClient({ apiKey: KEY, baseURL: emu.url, defaultHeaders: { "X-Team": "ml" }, fetch: (u, init) => (seen.push(init.headers), fetch(u, init)) });
  await c.createAiSecret({ name: uniq("lower") }, { headers: { "X-Call": "1" } });
  assert.deepEqual(Object.keys(seen[0]), ["authorization", "content-type", "x-team", "x-call", "x-stainless-retry-count"]);
});

test("options: fetch's bad ports (6000) are refused for the platform's fetch only; a custom fetch is asked", async () => {
  const e = await esm.createAiSecret({ name: "n" }, { apiKey: KEY, baseURL: "http://127.0.0.1:6000" }).catch((x) => x);
  assert.ok(e instanceof esm.ValidationError && e.field === "baseURL" && /fetch blocks/.test(e.message), String(e));
  const own = (url, init) => fetch(url.replace("http://127.0.0.1:6000", emu.url), init);
  const made = await new esm.BraintrustClient({ apiKey: KEY, baseURL: "http://127.0.0.1:6000", fetch: own }).createAiSecret({ name: uniq("port6000") });
  assert.ok(made.id);
});

test("logger: console, class instances and null-prototype objects are accepted", () => {
  class Logger { debug() {} info() {} warn() {} error() {} }
  const bare = Object.assign(Object.create(null), { debug() {}, info() {}, warn() {}, error() {} });
  for (const [label, logger] of [["console", console], ["class", new Logger()], ["bare", bare], ["undefined"], ["null", null]]) {
    assert.doesNotThrow(() => new esm.BraintrustClient({ apiKey: KEY, baseURL: emu.url, logger }), label);
  }
});

test("every request this suite sent conforms to the official spec", () => assertSpecConformance(emu));

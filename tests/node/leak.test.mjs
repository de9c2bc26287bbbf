// Sentinel test: the API key and the secret value never appear in anything a
// user can see, through every error path: message, stack, toString(),
// JSON.stringify, util.inspect (own and hidden properties, causes), the
// client object itself, and anything written to the console.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import util from "node:util";
import * as m from "braintrust-ai-secrets";
import { startEmulator, refusedUrl, uniq, assertSpecConformance } from "./helpers.mjs";

const KEY = "sk-KEY-SENTINEL-7f3a9c";
const SECRET = "SECRET-SENTINEL-b81d2e";
const SENTINELS = [KEY, SECRET, "KEY-SENTINEL", "SECRET-SENTINEL"];

let emu;
const consoleSeen = [];
const realConsole = {};
before(async () => {
  emu = await startEmulator({ keys: [KEY] });
  for (const level of ["log", "info", "warn", "error", "debug", "trace"]) {
    realConsole[level] = console[level];
    console[level] = (...args) => { consoleSeen.push(util.format(...args)); realConsole[level](...args); };
  }
});
after(() => {
  Object.assign(console, realConsole);
  return emu.close();
});

/** Every string a user could get out of `value`. */
function views(value) {
  const out = [String(value), JSON.stringify(value) ?? "", util.inspect(value, { showHidden: true, depth: Infinity, getters: true }), util.format("%o %s", value, value)];
  try {
    out.push(util.inspect(structuredClone(value), { showHidden: true, depth: Infinity }));
  } catch {
    // not cloneable: nothing can leak through a clone
  }
  if (value instanceof Error) {
    out.push(value.message, value.stack ?? "");
    for (let c = value.cause; c; c = c.cause) out.push(String(c), c.stack ?? "", util.inspect(c, { showHidden: true, depth: Infinity }));
    for (const k of Reflect.ownKeys(value)) out.push(util.inspect(value[k], { depth: Infinity }));
  }
  return out;
}

function assertClean(value, label) {
  for (const text of views(value)) {
    // In any case: a header name that echoes a value arrives in lower case.
    for (const s of SENTINELS) assert.ok(!text.toLowerCase().includes(s.toLowerCase()), `${label}: "${s}" leaked in:\n${text}`);
  }
}

const client = (extra = {}) => new m.BraintrustClient({ apiKey: KEY, baseURL: emu.url, maxRetries: 0, ...extra });
const params = () => ({ name: uniq("leak"), secret: SECRET });
const echo = `key=${KEY} secret=${SECRET} auth="Bearer ${KEY}"`;

const paths = {
  "unknown key holding the secret": () => client().createAiSecret({ name: "n", secert: SECRET }),
  "secret of the wrong type next to a valid key": () => client().createAiSecret({ name: 5, secret: SECRET }),
  "apiKey with a newline": async () => client({ apiKey: `${KEY}\n` }),
  "header value with a newline": async () => client({ defaultHeaders: { "x-k": `${KEY}\r\n` } }),
  "401 echoing key and secret (text)": () => {
    emu.script.push({ status: 401, body: echo, headers: { "X-Echo": KEY } });
    return client().createAiSecret(params());
  },
  "400 echoing them as JSON": () => {
    emu.script.push({ status: 400, body: { error: echo, secret: SECRET, api_key: KEY } });
    return client().createAiSecret(params());
  },
  "500 with a long body": () => {
    emu.script.push({ status: 500, body: `${"x".repeat(3000)} ${echo}` });
    return client().createAiSecret(params());
  },
  "200 non-JSON echo": () => {
    emu.script.push({ status: 200, body: `<html>${echo}</html>` });
    return client().createAiSecret(params());
  },
  "200 wrong shape echo": () => {
    emu.script.push({ status: 200, body: { id: 1, secret: SECRET, note: echo } });
    return client().createAiSecret(params());
  },
  "connection refused": async () => new m.BraintrustClient({ apiKey: KEY, baseURL: await refusedUrl(), maxRetries: 0 }).createAiSecret(params()),
  "fetch throwing an error that quotes the key": () =>
    client({ fetch: async (_url, init) => { throw new TypeError(`bad header ${init.headers.authorization}`, { cause: new Error(`body ${init.body}`) }); } }).createAiSecret(params()),
  "fetch rejecting with a string that quotes the request": () =>
    client({ fetch: async (_url, init) => { throw `failed: ${init.headers.authorization} ${init.body}`; } }).createAiSecret(params()),
  "fetch rejecting with an Error that carries the request config (axios-style)": () =>
    client({ fetch: async (url, init) => { throw Object.assign(new Error("Network Error"), { code: "ERR_NETWORK", config: { url, headers: init.headers, data: init.body } }); } }).createAiSecret(params()),
  "fetch rejecting with a plain { message, init }": () =>
    client({ fetch: async (_url, init) => { throw { message: "failed", init }; } }).createAiSecret(params()),
  "400 echoing key and secret with JSON \\u escapes (Go, Python's ensure_ascii)": () => {
    const escape = (t) => [...t].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
    emu.script.push({ status: 400, body: `{"error":"bad ${escape(KEY)}","echo":{"${escape(SECRET)}":"${escape(SECRET)}"}}` });
    return client().createAiSecret(params());
  },
  "a response header whose name echoes the key": () => {
    emu.script.push({ status: 400, body: "no", headers: { [`x-${KEY}`]: "1", [`x-${SECRET}`]: "2" } });
    return client().createAiSecret(params());
  },
  "timeout": () => {
    emu.script.push({ hang: true });
    return client({ timeout: 200 }).createAiSecret(params());
  },
  "abort in flight": () => {
    emu.script.push({ hang: true });
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error(`reason ${KEY}`)), 50);
    return client().createAiSecret(params(), { signal: ac.signal });
  },
  "createAiSecret function with a bad option": () => m.createAiSecret(params(), { apiKey: KEY, baseURL: "nope" }),
};

for (const [label, run] of Object.entries(paths)) {
  test(`no leak: ${label}`, async () => {
    const e = await Promise.resolve().then(run).then(() => assert.fail("expected an error"), (x) => x);
    assert.ok(e instanceof m.BraintrustError, `${label}: ${e}`);
    assertClean(e, label);
  });
}

test("no leak: a 200 that echoes the secret field returns no secret", async () => {
  emu.script.push({ status: 200, body: { id: "3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f", org_id: "o", name: "n", secret: SECRET } });
  const s = await client().createAiSecret(params());
  assert.ok(!("secret" in s));
  assertClean(s, "result");
});

test("no leak: a list page whose items echo the secret field returns no secret", async () => {
  const item = (name) => ({ id: "3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f", org_id: "o", name, secret: SECRET });
  emu.script.push({ status: 200, body: { objects: [item("a"), item("b"), item("c")] } });
  const page = await client().listAiSecrets();
  assert.deepEqual(page.objects.map((o) => o.name), ["a", "b", "c"]);
  for (const o of page.objects) assert.ok(!("secret" in o));
  assertClean(page, "page");
});

test("no leak: the client object and the console", async () => {
  const c = client({ defaultHeaders: { "x-extra": KEY } });
  await c.createAiSecret(params());
  assertClean(c, "client");
  assertClean(consoleSeen.join("\n"), "console");
});

// Every operation × every fault, with a logger at debug level: nothing the
// error exposes and nothing the logger receives holds the key or the secret.
const ID = "3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f";
const operations = {
  create: { run: (c, o) => c.createAiSecret({ name: uniq("op"), secret: SECRET }, o), knowsSecret: true },
  replace: { run: (c, o) => c.replaceAiSecret({ name: uniq("op"), secret: SECRET }, o), knowsSecret: true },
  update: { run: (c, o) => c.updateAiSecret(ID, { secret: SECRET }, o), knowsSecret: true },
  get: { run: (c, o) => c.getAiSecret(ID, o) },
  delete: { run: (c, o) => c.deleteAiSecret(ID, o) },
  deleteByName: { run: (c, o) => c.deleteAiSecretByName({ name: "n" }, o) },
  list: { run: (c, o) => c.listAiSecrets({ ai_secret_name: "n" }, o) },
  iterate: { run: async (c, o) => { for await (const s of c.iterAiSecrets({ limit: 2 }, o)) void s; } },
};
const faultsFor = (knowsSecret) => {
  // A server can only be scrubbed of values the client knows; JSON "secret"
  // fields and bearer tokens are masked whatever the operation.
  const echoText = knowsSecret ? echo : `key=${KEY} auth="Bearer ${KEY}"`;
  return {
    "401 echo": { script: [{ status: 401, body: echoText, headers: { "X-Echo": KEY } }] },
    "400 JSON echo": { script: [{ status: 400, body: { error: echoText, secret: SECRET, api_key: KEY } }] },
    "500 beyond retries": { script: [0, 1, 2].map(() => ({ status: 500, body: echoText, headers: { "Retry-After-Ms": "5" } })), opts: { maxRetries: 2 } },
    "503 with x-should-retry false": { script: [{ status: 503, body: echoText, headers: { "x-should-retry": "false" } }], opts: { maxRetries: 2 } },
    "200 not JSON": { script: [{ status: 200, body: `<p>${echoText}</p>` }] },
    "200 wrong shape": { script: [{ status: 200, body: { objects: 1, id: 1, secret: SECRET, note: echoText } }] },
    "200 over the cap": { script: [{ status: 200, bodyBytes: 5000 }], opts: { maxResponseBytes: 1000 } },
    "stalled body": { script: [{ stallBody: true, body: { note: echoText } }], opts: { timeout: 150 } },
    "no response": { script: [{ hang: true }], opts: { timeout: 150 } },
    "reset mid-body": { script: [{ resetMidBody: true, body: { note: echoText, pad: "x".repeat(500) } }] },
    "refused": { refused: true },
    "307 to a URL with the key": { script: [{ status: 307, body: echoText, headers: { Location: `/v1/ai_secret?k=${KEY}` } }], opts: { maxRetries: 2 } },
    "abort in flight": { script: [{ hang: true }], abortAfter: 30 },
    "abort in backoff": { script: [{ status: 503, body: echoText, headers: { "Retry-After": "5" } }], opts: { maxRetries: 2 }, abortAfter: 100 },
  };
};

let refused;
for (const [opName, op] of Object.entries(operations)) {
  for (const [faultName, fault] of Object.entries(faultsFor(op.knowsSecret))) {
    test(`no leak: ${opName} × ${faultName} (errors and logger)`, async () => {
      refused ??= await refusedUrl();
      emu.script.length = 0;
      emu.script.push(...(fault.script ?? []));
      const lines = [];
      const logger = Object.fromEntries(["debug", "info", "warn", "error"].map((l) => [l, (...args) => lines.push(util.format(...args))]));
      const c = new m.BraintrustClient({ apiKey: KEY, baseURL: fault.refused ? refused : emu.url, maxRetries: 0, logger, logLevel: "debug", ...fault.opts });
      const ac = new AbortController();
      if (fault.abortAfter) setTimeout(() => ac.abort(`reason ${KEY}`), fault.abortAfter);
      const e = await Promise.resolve().then(() => op.run(c, { signal: ac.signal })).then(() => assert.fail("expected an error"), (x) => x);
      assert.ok(e instanceof m.BraintrustError, `${opName} × ${faultName}: ${e}`);
      assertClean(e, `${opName} × ${faultName}`);
      assert.ok(lines.length > 0, "the logger was called");
      assertClean(lines.join("\n"), `${opName} × ${faultName} logger`);
    });
  }
}

test("every request this suite sent conforms to the official spec", () => assertSpecConformance(emu));

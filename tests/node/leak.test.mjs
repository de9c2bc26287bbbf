// Sentinel test: the API key and the secret value never appear in anything a
// user can see, through every error path: message, stack, toString(),
// JSON.stringify, util.inspect (own and hidden properties, causes), the
// client object itself, and anything written to the console.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import util from "node:util";
import * as m from "braintrust-ai-secrets";
import { startEmulator, refusedUrl, uniq } from "./helpers.mjs";

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
  const out = [String(value), JSON.stringify(value) ?? "", util.inspect(value, { showHidden: true, depth: Infinity, getters: true })];
  if (value instanceof Error) {
    out.push(value.message, value.stack ?? "");
    for (let c = value.cause; c; c = c.cause) out.push(String(c), c.stack ?? "", util.inspect(c, { showHidden: true, depth: Infinity }));
    for (const k of Reflect.ownKeys(value)) out.push(util.inspect(value[k], { depth: Infinity }));
  }
  return out;
}

function assertClean(value, label) {
  for (const text of views(value)) {
    for (const s of SENTINELS) assert.ok(!text.includes(s), `${label}: "${s}" leaked in:\n${text}`);
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
    client({ fetch: async (_url, init) => { throw new TypeError(`bad header ${init.headers.Authorization}`, { cause: new Error(`body ${init.body}`) }); } }).createAiSecret(params()),
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

test("no leak: the client object and the console", async () => {
  const c = client({ defaultHeaders: { "x-extra": KEY } });
  await c.createAiSecret(params());
  assertClean(c, "client");
  assertClean(consoleSeen.join("\n"), "console");
});

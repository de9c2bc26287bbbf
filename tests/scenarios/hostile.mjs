// Hostile callers (#29), written once and run in Node and in headless
// Chromium (tests/node/hostile.test.mjs): inputs that throw while they are
// read, values that are not what they seem, a fetch or a body that never
// settles, a patched global. Each is refused or settled cleanly, sends
// nothing it should not, and leaves the module working.
import { check, equal, errorOf, sleep } from "./assert.mjs";
import { makeContext } from "./resource.mjs";

export { makeContext };

/** Checks a ValidationError naming `field`. */
async function refused(m, call, field, what) {
  const e = await errorOf(call);
  check(e instanceof m.ValidationError, `${what}: expected a ValidationError, got ${e && e.name}: ${e && e.message}`);
  equal(e.field, field, `${what}: the field`);
  return e;
}

const throwing = (message = "vault read failed") => () => {
  throw new Error(message);
};
const getter = (obj, key, get) => Object.defineProperty(obj, key, { get, enumerable: true });
const ID = "00000000-0000-4000-8000-000000000000";

export const scenarios = {
  async "a getter or Proxy trap that throws while params are read is a ValidationError naming the field, the throw as its cause"({ client, requests, m }) {
    const c = client();
    const cases = [
      [() => c.createAiSecret(getter({ name: "n" }, "secret", throwing())), "secret"],
      [() => c.createAiSecret(getter({ name: "n", secret: "sk-x" }, "metadata", throwing())), "metadata"],
      [() => c.createAiSecret(getter({ name: "n" }, "org_name", throwing())), "org_name"],
      [() => c.replaceAiSecret(getter({ name: "n" }, "secret", throwing())), "secret"],
      [() => c.updateAiSecret(ID, getter({}, "secret", throwing())), "secret"],
      // JSON.stringify's first read is `toJSON`, on the params object itself.
      [() => c.createAiSecret(new Proxy({ name: "n", secret: "sk-x" }, { get: throwing() })), "params"],
      // ownKeys throwing hides every key, a mistyped `secert` among them.
      [() => c.createAiSecret(new Proxy({ name: "n", secert: "sk-x" }, { ownKeys: throwing() })), "params"],
      [() => c.listAiSecrets({ ids: getter([], 0, throwing()) }), "ids"],
      [() => c.createAiSecret({ name: "n", metadata: { toJSON: throwing() } }), "metadata"],
    ];
    for (const [call, field] of cases) {
      const e = await refused(m, call, field, field);
      check(/threw/.test(e.message), `says it threw: ${e.message}`);
      check(e.cause instanceof Error && e.cause.message === "vault read failed", `the throw is the cause: ${e.cause}`);
    }
    // The cause is a clean copy, scrubbed of the key.
    const e = await refused(m, () => c.createAiSecret(getter({ name: "n" }, "secret", throwing("no vault for test-key"))), "secret", "key in the throw");
    check(!e.cause.message.includes("test-key") && !String(e.cause.stack).includes("test-key"), `cause scrubbed: ${e.cause.message}`);
    equal((await requests()).length, 0, "nothing sent");
  },

  async "client and request option getters that throw are refusals, never a fall-back to a default"({ client, requests, m }) {
    const base = () => ({ apiKey: "test-key", baseURL: "http://127.0.0.1:1" });
    for (const key of ["baseURL", "apiKey", "fetch", "defaultHeaders", "timeout", "logger"]) {
      const opts = getter(base(), key, throwing());
      await refused(m, () => new m.BraintrustClient(opts), key, `client option ${key}`);
      await refused(m, () => m.createAiSecret({ name: "n" }, opts), key, `createAiSecret option ${key}`);
    }
    const c = client();
    await refused(m, () => c.createAiSecret({ name: "n" }, getter({}, "signal", throwing())), "signal", "request option signal");
    await refused(m, () => c.createAiSecret({ name: "n" }, getter({}, "headers", throwing())), "headers", "request option headers");
    await refused(m, () => c.createAiSecret({ name: "n" }, new Proxy({}, { ownKeys: throwing() })), "options", "a request options Proxy");
    equal((await requests()).length, 0, "nothing sent");
  },

  async "toJSON results are what is validated and sent"({ client, requests, m }) {
    const c = client();
    for (const out of [5, "str", [1, 2]]) {
      await refused(m, () => c.createAiSecret({ name: "n", metadata: { toJSON: () => out } }), "metadata", `toJSON -> ${JSON.stringify(out)}`);
    }
    equal((await requests()).length, 0, "nothing sent for the refusals");
    await c.createAiSecret({ name: "json-meta", metadata: { toJSON: () => ({ region: "us" }) } });
    equal(JSON.parse((await requests()).at(-1).body).metadata, { region: "us" }, "the toJSON object is sent");
  },

  async "a query that is not a plain object is refused by every list form, never read as no filter"({ client, seed, requests, m }) {
    await seed(3);
    const c = client();
    const before = (await requests()).length;
    for (const q of [new URLSearchParams("ai_secret_name=x"), new Map([["ai_secret_name", "x"]]), new Date(), 5, true, "x"]) {
      const what = Object.prototype.toString.call(q);
      await refused(m, () => c.listAiSecrets(q), "query", `listAiSecrets(${what})`);
      await refused(m, () => c.aiSecrets.list(q), "query", `aiSecrets.list(${what})`);
      await refused(m, () => c.iterAiSecrets(q).next(), "query", `iterAiSecrets(${what})`);
      await refused(m, async () => {
        for await (const s of c.aiSecrets.list(q)) void s;
      }, "query", `for await aiSecrets.list(${what})`);
    }
    equal((await requests()).length, before, "nothing sent");
    // A plain query is read once: a getter runs once, however many pages.
    let reads = 0;
    const q = getter({ limit: 1 }, "ai_secret_type", () => (reads++, "openai"));
    let n = 0;
    for await (const s of c.iterAiSecrets(q)) n += s ? 1 : 0;
    equal([n, reads], [3, 1], "three pages, one read");
  },

  async "a custom fetch that ignores its signal, or a body that never ends, still settles on timeout and on abort"({ m }) {
    const hung = () => new Promise(() => {});
    const endless = async () => new Response(new ReadableStream({ pull: () => hung() }), { status: 200, headers: { "content-type": "application/json" } });
    for (const [fetch, what] of [[hung, "a fetch that never settles"], [endless, "a body that never ends"]]) {
      const c = new m.BraintrustClient({ apiKey: "test-key", baseURL: "http://127.0.0.1:1", fetch, maxRetries: 0, timeout: 300 });
      const t0 = Date.now();
      const e = await errorOf(() => c.createAiSecret({ name: "n" }));
      check(e instanceof m.APIConnectionTimeoutError, `${what}: timeout, got ${e && e.name}`);
      check(Date.now() - t0 < 2000, `${what}: settled by the timer (${Date.now() - t0} ms)`);
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 100);
      const t1 = Date.now();
      const a = await errorOf(() => new m.BraintrustClient({ apiKey: "test-key", baseURL: "http://127.0.0.1:1", fetch, maxRetries: 0 }).createAiSecret({ name: "n" }, { signal: ac.signal }));
      check(a instanceof m.APIUserAbortError, `${what}: abort, got ${a && a.name}`);
      check(Date.now() - t1 < 2000, `${what}: settled by the abort (${Date.now() - t1} ms)`);
    }
  },

  async "an abort just after a 503 with Retry-After: 60 ends the back-off at once"({ client, script, requests, m }) {
    await script({ status: 503, headers: { "Retry-After": "60" }, body: "busy" });
    const ac = new AbortController();
    const call = errorOf(() => client().createAiSecret({ name: "n" }, { signal: ac.signal }));
    while ((await requests()).length === 0) await sleep(10);
    await sleep(50);
    const t0 = Date.now();
    ac.abort();
    const e = await call;
    check(e instanceof m.APIUserAbortError, `${e}`);
    check(Date.now() - t0 < 1000, `at once (${Date.now() - t0} ms)`);
  },

  async "a duck-typed signal without removeEventListener works"({ client, m }) {
    const signal = { aborted: false, addEventListener() {} };
    equal((await client().createAiSecret({ name: "duck" }, { signal })).name, "duck", "created");
    const e = await errorOf(() => client().createAiSecret({ name: "n" }, { signal: { aborted: true, addEventListener() {} } }));
    check(e instanceof m.APIUserAbortError, `an aborted duck: ${e && e.name}`);
  },

  async "hundreds of refused reads and a patched JSON leave the module working"({ client, m }) {
    const memory = () => m.BraintrustClient[Symbol.for("braintrust-ai-secrets.wasmMemory")]().buffer.byteLength;
    const c = client();
    const start = memory();
    for (let i = 0; i < 300; i++) {
      const e = await errorOf(() => c.listAiSecrets({ ids: getter([], 0, throwing()) }));
      check(e instanceof m.ValidationError, `round ${i}: ${e && e.name}`);
    }
    const { parse, stringify } = JSON;
    try {
      JSON.parse = throwing("patched parse");
      const e = await errorOf(() => c.createAiSecret({ name: "patched-parse" }));
      check(e instanceof m.BraintrustError, `a patched JSON.parse: a typed error, got ${e && e.name}: ${e && e.message}`);
    } finally {
      JSON.parse = parse;
    }
    try {
      JSON.stringify = throwing("patched stringify");
      const e = await errorOf(() => c.createAiSecret({ name: "patched-stringify" }));
      check(e instanceof m.ValidationError, `a patched JSON.stringify: a refusal, got ${e && e.name}: ${e && e.message}`);
    } finally {
      JSON.stringify = stringify;
    }
    equal((await c.createAiSecret({ name: "still-works" })).name, "still-works", "calls work after");
    equal((await client().listAiSecrets({ ai_secret_name: "still-works" })).objects.length, 1, "new clients too");
    check(memory() - start < 16 * 2 ** 20, `no memory kept (${start} -> ${memory()} B)`);
  },
};

/** Resets the emulator, then runs one scenario. */
export async function runScenario(ctx, name) {
  await ctx.reset();
  await scenarios[name](ctx);
  return "ok";
}

export { scenarios as suite, runScenario as run };

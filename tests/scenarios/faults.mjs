// Faults the emulator injects, written once and run in Node and in headless
// Chromium (tests/node/faults.test.mjs). Each scenario returns a row of the
// fault matrix: the error class (or "ok"), attempts, elapsed ms and notes.
import { check, equal, sleep } from "./assert.mjs";
import { makeContext } from "./resource.mjs";

export { makeContext };

/** Runs `call`, returning {error|value, elapsedMs}. */
async function timed(call) {
  const t0 = Date.now();
  try {
    const value = await call();
    return { value, elapsedMs: Date.now() - t0 };
  } catch (error) {
    return { error, elapsedMs: Date.now() - t0 };
  }
}

function row(r, extra = {}) {
  const e = r.error;
  return {
    class: e ? e.name : "ok",
    attempts: e ? e.attempts : extra.attempts,
    elapsedMs: r.elapsedMs,
    ...(e && "mayHaveSucceeded" in e ? { mayHaveSucceeded: e.mayHaveSucceeded } : {}),
    ...extra,
  };
}

const isBrowser = typeof window !== "undefined";
const p = (name) => ({ name, type: "openai", secret: "sk-fault-test-value-0001" });

export const faults = {
  async "429 with Retry-After in seconds, then 200"({ client, script, requests }) {
    await script({ status: 429, headers: { "Retry-After": "1" }, body: "slow down" });
    const r = await timed(() => client().createAiSecret(p("r1")));
    check(r.value && r.value.name === "r1", "succeeds");
    check(r.elapsedMs >= 950, `waited Retry-After (${r.elapsedMs} ms)`);
    return row(r, { attempts: (await requests()).length });
  },

  async "503 with a fractional Retry-After, read by parseFloat as @braintrust/api reads it, then 200"({ client, script, requests }) {
    await script({ status: 503, headers: { "Retry-After": "1.5" }, body: "busy" });
    const r = await timed(() => client().createAiSecret(p("r1b")));
    check(r.value, "succeeds");
    // The back-off alone would be 0.375-0.5 s.
    check(r.elapsedMs >= 1400, `waited 1.5 s (${r.elapsedMs} ms)`);
    return row(r, { attempts: (await requests()).length });
  },

  async "429 with Retry-After as an HTTP-date, then 200"({ client, script, requests }) {
    await script({ status: 429, headers: { "Retry-After": new Date(Date.now() + 2000).toUTCString() }, body: "slow down" });
    const r = await timed(() => client().createAiSecret(p("r2")));
    check(r.value, "succeeds");
    check(r.elapsedMs >= 900, `waited until the date (${r.elapsedMs} ms)`);
    return row(r, { attempts: (await requests()).length });
  },

  async "429 with Retry-After as an RFC 850 date (an obsolete form RFC 9110 says to accept), then 200"({ client, script, requests }) {
    // "Sunday, 06-Nov-94 08:49:37 GMT": the platform's Date.parse reads it.
    const at = new Date(Date.now() + 2000);
    const [day, dd, mon, year, time] = at.toUTCString().replace(",", "").split(" ");
    const weekday = { Sun: "Sunday", Mon: "Monday", Tue: "Tuesday", Wed: "Wednesday", Thu: "Thursday", Fri: "Friday", Sat: "Saturday" }[day];
    const date = `${weekday}, ${dd}-${mon}-${year.slice(2)} ${time} GMT`;
    await script({ status: 429, headers: { "Retry-After": date }, body: "slow down" });
    const r = await timed(() => client().createAiSecret(p("r2b")));
    check(r.value, "succeeds");
    check(r.elapsedMs >= 900, `waited until ${date} (${r.elapsedMs} ms)`);
    return row(r, { attempts: (await requests()).length });
  },

  async "503 twice, then 200; retries are byte-identical"({ client, script, requests }) {
    await script({ status: 503, body: "busy" }, { status: 503, body: "busy" });
    const r = await timed(() => client().createAiSecret(p("r3")));
    check(r.value, "succeeds");
    const log = await requests();
    equal(log.length, 3, "three attempts");
    check(log.every((x) => x.body === log[0].body), "same body");
    check(log.every((x) => x.headers.authorization === log[0].headers.authorization && x.headers["content-type"] === log[0].headers["content-type"]), "same headers");
    check(r.elapsedMs >= 1100, `backoff 0.5 s + 1 s minus up to 25 % jitter (${r.elapsedMs} ms)`);
    return row(r, { attempts: 3 });
  },

  async "500 beyond maxRetries"({ client, script, m }) {
    await script(...Array.from({ length: 3 }, () => ({ status: 500, body: { error: "boom" } })));
    const r = await timed(() => client().createAiSecret(p("r4")));
    check(r.error instanceof m.InternalServerError, `InternalServerError, got ${r.error}`);
    equal(r.error.attempts, 3, "attempts");
    return row(r);
  },

  async "headers, then a stalled body: timeout"({ client, script, m }) {
    await script({ stallBody: true, body: { id: "x" } });
    const r = await timed(() => client({ timeout: 300, maxRetries: 0 }).createAiSecret(p("r5")));
    check(r.error instanceof m.APIConnectionTimeoutError, `timeout, got ${r.error}`);
    check(r.error.mayHaveSucceeded === true, "the server had answered: it may have succeeded");
    check(r.elapsedMs < 2000, "the timeout covered the body");
    return row(r);
  },

  async "no response at all: timeout, retried"({ client, script, requests, m }) {
    await script({ hang: true }, { hang: true });
    const r = await timed(() => client({ timeout: 250, maxRetries: 1 }).createAiSecret(p("r6")));
    check(r.error instanceof m.APIConnectionTimeoutError, `timeout, got ${r.error}`);
    equal([r.error.attempts, (await requests()).length], [2, 2], "attempts");
    return row(r);
  },

  async "connection reset mid-body"({ client, script, m }) {
    await script({ resetMidBody: true, body: { id: "x", pad: "y".repeat(1000) } });
    const r = await timed(() => client({ maxRetries: 0 }).createAiSecret(p("r7")));
    check(r.error instanceof m.APIConnectionError && !(r.error instanceof m.APIConnectionTimeoutError), `connection error, got ${r.error}`);
    return row(r);
  },

  async "307 redirect: refused, so the body and its secret go nowhere else"({ client, script, requests, m }) {
    const redirect = { status: 307, headers: { Location: "/v1/ai_secret?redirected=1" } };
    await script(redirect, redirect, redirect);
    const r = await timed(() => client({ maxRetries: 2 }).createAiSecret(p("r-redirect")));
    check(r.error instanceof m.APIConnectionError && !(r.error instanceof m.APIConnectionTimeoutError), `connection error, got ${r.error}`);
    const sent = await requests();
    check(sent.every((q) => q.query === ""), `the Location was never requested: ${JSON.stringify(sent.map((q) => q.query))}`);
    check(r.error.mayHaveSucceeded === true, "a server may redirect after doing the work (303 See Other)");
    if (isBrowser) {
      // A browser reports a refused redirect as a plain network error.
      equal([r.error.attempts, sent.length], [3, 3], "retried as a network error");
      return row(r, { note: "a network error to the page: retried" });
    }
    // Node's fetch names it: final, and the message says what to do.
    equal([r.error.attempts, sent.length], [1, 1], "not retried");
    check(r.error.message.startsWith("Connection error: redirect not followed: set baseURL to the final address"), r.error.message);
    return row(r);
  },

  async "connection refused"({ m, refused }) {
    const c = new m.BraintrustClient({ apiKey: "test-key", baseURL: refused, maxRetries: 1 });
    const r = await timed(() => c.createAiSecret(p("r8")));
    check(r.error instanceof m.APIConnectionError, `connection error, got ${r.error}`);
    equal(r.error.attempts, 2, "retried once");
    // Node reports ECONNREFUSED (never sent); a browser cannot tell, so it says "may".
    if (!isBrowser) equal(r.error.mayHaveSucceeded, false, "refused: not sent");
    return row(r);
  },

  async "200 with malformed JSON"({ client, script, m }) {
    await script({ status: 200, body: '{"id": "x", "org_id": ' });
    const r = await timed(() => client().createAiSecret(p("r9")));
    check(r.error instanceof m.ResponseValidationError && /not JSON/.test(r.error.message), `${r.error}`);
    return row(r);
  },

  async "200 with a wrong shape"({ client, script, m }) {
    await script({ status: 200, body: { id: "x", name: 5 } });
    const r = await timed(() => client().createAiSecret(p("r10")));
    check(r.error instanceof m.ResponseValidationError && /org_id/.test(r.error.message), `${r.error}`);
    return row(r);
  },

  async "200 with a body over the cap (Content-Length)"({ client, script, m }) {
    await script({ status: 200, bodyBytes: 50000 });
    const r = await timed(() => client({ maxResponseBytes: 10000 }).createAiSecret(p("r11")));
    check(r.error instanceof m.ResponseValidationError && /10000-byte cap/.test(r.error.message), `${r.error}`);
    return row(r);
  },

  async "200 with a body over the cap (chunked, no length)"({ client, script, m }) {
    await script({ status: 200, bodyBytes: 200000, chunked: true });
    const r = await timed(() => client({ maxResponseBytes: 10000 }).createAiSecret(p("r12")));
    check(r.error instanceof m.ResponseValidationError && /cap/.test(r.error.message), `${r.error}`);
    return row(r);
  },

  async "200 gzip-encoded: decoded in full, and capped by its decoded size"({ client, script, m }) {
    const secret = { id: "3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f", org_id: "0b6a7c3e-2f1d-4e5a-9b8c-7d6e5f4a3b2c", name: "gz", metadata: { note: "n".repeat(5000) } };
    // Content-Length is the compressed size: the decoded body is longer, and
    // is read to its end, not cut at the declared length.
    await script({ status: 200, body: secret, gzip: true }, { status: 200, bodyBytes: 200000, gzip: true });
    const r = await timed(() => client().createAiSecret(p("r12d")));
    check(!r.error, `${r.error}`);
    equal(r.value.metadata, secret.metadata, "decoded in full");
    const big = await timed(() => client({ maxResponseBytes: 10000 }).createAiSecret(p("r12e")));
    check(big.error instanceof m.ResponseValidationError && /cap/.test(big.error.message), `a small compressed body over the cap once decoded: ${big.error}`);
    return row(r, { note: "200 KB decoded from about 1 KB sent: over the cap" });
  },

  async "200 in 7-byte pieces that split UTF-8 characters (no length)"({ client, script, m }) {
    const secret = {
      id: "3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f",
      org_id: "0b6a7c3e-2f1d-4e5a-9b8c-7d6e5f4a3b2c",
      name: "ünïcødé €uro 😀 名前",
      type: "openai",
      metadata: { note: "ß…✓" },
    };
    await script({ status: 200, body: secret, chunked: 7 }, { status: 200, body: "", chunked: 7 });
    const r = await timed(() => client().createAiSecret(p("r12b")));
    check(!r.error, `${r.error}`);
    equal([r.value.name, r.value.metadata], [secret.name, secret.metadata], "decoded across pieces");
    const empty = await timed(() => client().createAiSecret(p("r12c")));
    check(empty.error instanceof m.ResponseValidationError && /not JSON/.test(empty.error.message), `empty body: ${empty.error}`);
    return row(r, { note: "an empty unframed body: ResponseValidationError" });
  },

  async "text/plain and JSON error bodies"({ client, script, m }) {
    await script({ status: 400, body: "name is bad" }, { status: 400, body: { error: { message: "name is bad" } } });
    const a = await timed(() => client().createAiSecret(p("r13")));
    const b = await timed(() => client().createAiSecret(p("r13")));
    check(a.error instanceof m.BadRequestError && a.error.body === "name is bad", "text body");
    check(b.error instanceof m.BadRequestError && b.error.body.error.message === "name is bad", "JSON body");
    return row(a, { note: "text → string body; JSON → parsed body" });
  },

  async "x-should-retry: false on a 503"({ client, script, m }) {
    await script({ status: 503, headers: { "x-should-retry": "false" }, body: "no" }, { status: 503, headers: { "x-should-retry": "false" }, body: "no" });
    const r = await timed(() => client({ maxRetries: 1 }).createAiSecret(p("r14")));
    check(r.error instanceof m.InternalServerError, `${r.error}`);
    // Browsers hide headers the server does not expose (CORS): the default policy applies.
    equal(r.error.attempts, isBrowser ? 2 : 1, "attempts");
    return row(r, { note: isBrowser ? "header not exposed by CORS: default policy" : "header honoured" });
  },

  async "retry hints read before redaction"({ client, script, m }) {
    // The secret is the header's value: redacted first, the hint would read
    // "[REDACTED]" and the default policy would retry the 503.
    await script({ status: 503, headers: { "x-should-retry": "false" }, body: "no" }, { status: 503, headers: { "x-should-retry": "false" }, body: "no" });
    const r = await timed(() => client({ maxRetries: 1 }).createAiSecret({ ...p("r14b"), secret: "false" }));
    check(r.error instanceof m.InternalServerError, `${r.error}`);
    equal(r.error.attempts, isBrowser ? 2 : 1, "attempts");
    return row(r, { note: isBrowser ? "header not exposed by CORS: default policy" : "hint honoured, secret in the value" });
  },

  async "abort during the backoff sleep"({ client, script, requests, m }) {
    await script({ status: 503, headers: { "Retry-After": "5" }, body: "busy" });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const r = await timed(() => client().createAiSecret(p("r15"), { signal: ac.signal }));
    check(r.error instanceof m.APIUserAbortError, `${r.error}`);
    check(r.elapsedMs < 1500, `rejected at once (${r.elapsedMs} ms)`);
    await sleep(300);
    equal((await requests()).length, 1, "no further request");
    return row(r);
  },

  async "abort while the request is in flight"({ client, script, requests, m }) {
    await script({ hang: true });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const r = await timed(() => client().createAiSecret(p("r16"), { signal: ac.signal }));
    check(r.error instanceof m.APIUserAbortError && r.elapsedMs < 1000, `${r.error}`);
    equal([r.error.attempts, (await requests()).length], [1, 1], "one request, no retry");
    return row(r);
  },

  async "64 concurrent calls against a slow server"({ client, config, stored, m }) {
    await config({ latencyMs: 150 });
    const c = client();
    const r = await timed(() => Promise.all(Array.from({ length: 64 }, (_, i) => c.createAiSecret(p(`c${i}`)))));
    await config({ latencyMs: 0 });
    check(!r.error, `${r.error}`);
    equal(new Set(r.value.map((s) => s.id)).size, 64, "64 distinct secrets");
    check(r.value.every((s, i) => s.name === `c${i}`), "each call got its own result");
    check(await stored("c63"), "stored");
    return row(r, { attempts: 64, note: "64 results, all distinct" });
  },

  async "create whose response is lost after the server stored it"({ client, script, requests, secrets }) {
    await script({ afterHandling: "reset" });
    const r = await timed(() => client().createAiSecret(p("lost")));
    check(r.value, `retry succeeded: ${r.error}`);
    const log = await requests();
    equal(log.length, 2, "retried once");
    equal(log[0].body, log[1].body, "byte-identical retry");
    const all = (await secrets()).filter((s) => s.name === "lost");
    equal(all.length, 1, "one secret stored");
    equal(all[0].id, r.value.id, "the retry returned the stored id");
    return row(r, { attempts: 2, note: "same id, one secret stored" });
  },

  async "delete whose response is lost: NotFoundError that may have succeeded"({ client, script, m }) {
    const c = client();
    const made = await c.createAiSecret(p("del"));
    // "reset", not "drop": on an empty response Chromium itself silently
    // retries idempotent methods, hiding the first attempt from the client.
    await script({ match: { method: "DELETE" }, afterHandling: "reset" });
    const r = await timed(() => c.deleteAiSecret(made.id));
    check(r.error instanceof m.NotFoundError, `${r.error}`);
    equal([r.error.attempts, r.error.mayHaveSucceeded], [2, true], "retried, may have succeeded");
    check(/may already/.test(r.error.message) && /deleted/.test(r.error.message), r.error.message);
    return row(r);
  },

  async "a trap (out of memory) is a ClientInternalError; a call in flight finishes; a fresh instance takes the next calls"({ client, config, requests, m }) {
    // The glue module the package runs on (the same module instance), for
    // its memory: grown to the 4 GiB limit, so the next large allocation
    // fails, which `panic = "abort"` turns into a trap.
    const memory = () => m.BraintrustClient[Symbol.for("braintrust-ai-secrets.wasmMemory")]();
    const c = client({ maxRetries: 0 });
    let last;
    for (let round = 0; round < 3; round++) {
      await config({ latencyMs: 300 });
      const inFlight = c.createAiSecret(p(`trap-in-flight-${round}`));
      const mem = memory();
      mem.grow(65536 - mem.buffer.byteLength / 65536);
      last = await timed(() => c.createAiSecret({ name: "x".repeat(50_000_000), secret: "sk-trap-value-000001" }));
      check(last.error instanceof m.ClientInternalError && last.error instanceof m.BraintrustError, `typed: ${last.error}`);
      equal(last.error.attempts, 0, "nothing sent");
      // Made while the first call is still in flight: it waits for it, then
      // runs on a fresh instance.
      const during = c.createAiSecret(p(`trap-during-${round}`));
      equal((await inFlight).name, `trap-in-flight-${round}`, "the call in flight succeeds");
      equal((await during).name, `trap-during-${round}`, "the call made meanwhile succeeds");
      check(memory().buffer.byteLength < 64 * 2 ** 20, `a fresh instance with its own small memory (${memory().buffer.byteLength} B)`);
      await config({ latencyMs: 0 });
    }
    check(!(await requests()).some((r) => r.body.includes("sk-trap-value-000001")), "the trapped call sent nothing");
    equal((await client().createAiSecret(p("trap-later"))).name, "trap-later", "a new client works too");
    return row(last);
  },

  async "logger: method, path, status, attempt and delay; nothing secret"({ client, script, m }) {
    const lines = [];
    const logger = Object.fromEntries(["debug", "info", "warn", "error"].map((l) => [l, (msg, fields) => lines.push({ l, msg, fields })]));
    await script({ status: 503, body: "busy", headers: { "Retry-After-Ms": "10" } });
    const c = client({ logger, logLevel: "debug" });
    await c.createAiSecret(p("logged"));
    // A slow answer: the success line's elapsedMs covers the wait.
    await script({ match: { method: "GET" }, status: 200, body: { objects: [] }, delayMs: 80 });
    await c.listAiSecrets({ ai_secret_name: "sk-query-value-secret" });
    const text = JSON.stringify(lines);
    check(lines.some((x) => x.l === "info" && x.fields.method === "GET" && x.fields.elapsedMs >= 70 && x.fields.elapsedMs < 5000), text);
    check(lines.every((x) => x.l !== "info" || (Number.isInteger(x.fields.elapsedMs) && x.fields.elapsedMs >= 0)), text);
    check(lines.some((x) => x.l === "warn" && /POST \/v1\/ai_secret: 503 \(attempt 1 of 3\); retrying in \d+ ms/.test(x.msg)), text);
    check(lines.some((x) => x.l === "info" && x.fields.status === 200 && x.fields.attempt === 2), text);
    check(lines.some((x) => x.l === "debug" && x.fields.path === "/v1/ai_secret"), text);
    for (const s of ["test-key", "sk-fault-test-value", "sk-query-value-secret", "Bearer", "authorization"]) check(!text.includes(s), `logger saw ${s}`);
    const quiet = [];
    const q = Object.fromEntries(["debug", "info", "warn", "error"].map((l) => [l, (msg) => quiet.push(msg)]));
    await client({ logger: q }).createAiSecret(p("quiet"));
    equal(quiet, [], "default level warn: a success logs nothing");
    // A logger that throws, or whose method is no longer a function, is
    // skipped; the call goes on. Methods are called on the logger itself.
    const selves = [];
    const flaky = { debug() { selves.push(this === flaky); throw new Error("logger down"); }, info() {}, warn() {}, error() {} };
    const c2 = client({ logger: flaky, logLevel: "debug" });
    flaky.info = 42; // replaced after the client checked it
    const made = await c2.createAiSecret(p("flaky-logger"));
    equal(made.name, "flaky-logger", "the call's result");
    check(selves.length > 0 && selves.every(Boolean), `debug called on the logger (${selves})`);
    // A call's final failure is logged at error level with its class's name.
    const failures = [];
    const e = Object.fromEntries(["debug", "info", "warn", "error"].map((l) => [l, (msg) => l === "error" && failures.push(msg)]));
    await script({ status: 404, body: { error: "nope" } });
    const lost = await client({ logger: e, maxRetries: 0 }).createAiSecret(p("failing")).catch((x) => x);
    check(lost instanceof m.NotFoundError, `${lost}`);
    check(failures.some((x) => x === "POST /v1/ai_secret: failed with NotFoundError after 1 attempt"), JSON.stringify(failures));
    return { class: "ok", attempts: 2, elapsedMs: 0, note: `${lines.length} log lines` };
  },
};

/** Resets the emulator and runs one fault scenario; returns its matrix row. */
export async function runFault(ctx, name) {
  await ctx.reset();
  const r = await faults[name](ctx);
  const v = await ctx.violations();
  if (v.checked) equal(v.violations, [], "requests that break the official spec");
  return r;
}

export { faults as suite, runFault as run };

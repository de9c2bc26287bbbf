// What adapts to the platform (#27): redirects where fetch cannot refuse
// them, and relative base URLs where there is no page. Each platform
// difference is made for real in a child process of its own (the package
// detects it once per process).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import * as m from "braintrust-ai-secrets";
import { startEmulator, KEY } from "./helpers.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
let emu;
before(async () => { emu = await startEmulator({ keys: [KEY] }); });
after(() => emu.close());

test("where Request refuses redirect: \"error\" (as Cloudflare Workers do), fetch is asked for \"manual\" and a 307 is refused the same way", async () => {
  emu.script.push({ match: { method: "POST" }, status: 307, headers: { Location: "http://127.0.0.1:9/elsewhere" }, body: "" });
  const script = `
    // As workerd: "Invalid redirect value, must be one of \\"follow\\" or \\"manual\\"".
    const Real = globalThis.Request;
    globalThis.Request = class extends Real {
      constructor(url, init) {
        if (init?.redirect === "error") throw new TypeError('Invalid redirect value, must be one of "follow" or "manual"');
        super(url, init);
      }
    };
    const seen = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (url, init) => (seen.push(init.redirect), init.redirect === "error" ? Promise.reject(new TypeError("Invalid redirect value")) : realFetch(url, init));
    const m = await import("braintrust-ai-secrets");
    const c = new m.BraintrustClient({ apiKey: "${KEY}", baseURL: process.argv[1] });
    const e = await c.createAiSecret({ name: "redirected", secret: "sk-redirect-value-1111" }).catch((x) => x);
    console.log(JSON.stringify({ name: e.name, connection: e instanceof m.APIConnectionError, message: e.message, attempts: e.attempts, seen }));
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, emu.url], { cwd: root });
  const r = JSON.parse(stdout);
  assert.deepEqual(r.seen, ["manual"], "asked for manual, once: a refused redirect is final");
  assert.equal(r.connection, true);
  assert.match(r.message, /redirect not followed: set baseURL to the final address/);
  assert.equal(emu.apiRequests().filter((q) => q.path === "/elsewhere").length, 0);
});

test("where fetch takes redirect: \"error\" (Node), it is asked for it", async () => {
  let seen;
  const c = new m.BraintrustClient({ apiKey: KEY, baseURL: emu.url, fetch: (u, init) => ((seen = init.redirect), fetch(u, init)) });
  await c.createAiSecret({ name: `redirect-mode-${process.pid}` });
  assert.equal(seen, "error");
});

test("a relative baseURL outside a page is refused, saying why", () => {
  assert.throws(() => new m.BraintrustClient({ apiKey: null, baseURL: "/braintrust" }), (e) => e instanceof m.ValidationError && e.field === "baseURL" && /a relative URL is resolved only in a page or worker/.test(e.message));
});

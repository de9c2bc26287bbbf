// Hostile callers (tests/scenarios/hostile.mjs) in Node and in headless
// Chromium, against the emulator; and, in a child Node process of its own,
// a frozen Object.prototype, which cannot be undone in this one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import * as m from "braintrust-ai-secrets";
import * as suite from "../scenarios/hostile.mjs";
import { startEmulator, scenarioTests, KEY } from "./helpers.mjs";

let emu;
before(async () => { emu = await startEmulator({ keys: [KEY] }); });
after(() => emu.close());

scenarioTests("hostile", suite, m, () => emu);

test("a frozen Object.prototype meeting a `constructor` response header: a typed error, then calls work", async () => {
  const script = `
    Object.freeze(Object.prototype);
    const m = await import("braintrust-ai-secrets");
    const url = process.argv[1];
    const control = (path, body) => fetch(url + "/_emulator/" + path, { method: "POST", body: JSON.stringify(body) });
    await control("script", { responses: [{ status: 400, headers: { constructor: "x", "__proto__": "y", toString: "z" }, body: { error: "no" } }] });
    const c = new m.BraintrustClient({ apiKey: "${KEY}", baseURL: url, maxRetries: 0 });
    const e = await c.createAiSecret({ name: "frozen" }).catch((x) => x);
    if (!(e instanceof m.BadRequestError) || e.headers.constructor !== "x") throw new Error("not typed: " + e + " " + JSON.stringify(e.headers));
    const ok = await c.createAiSecret({ name: "frozen-after" });
    console.log(JSON.stringify({ ok: ok.name, status: e.status }));
  `;
  // Async: the emulator answers from this process.
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, emu.url], { cwd: fileURLToPath(new URL("../..", import.meta.url)) });
  assert.deepEqual(JSON.parse(stdout), { ok: "frozen-after", status: 400 });
});

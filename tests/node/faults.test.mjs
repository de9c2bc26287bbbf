// Fault injection (tests/scenarios/faults.mjs) in Node and headless
// Chromium. Writes the fault matrix (fault × runtime → error class,
// attempts, elapsed) to test-output/fault-matrix.{json,md}.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as m from "braintrust-ai-secrets";
import { makeContext, runFault, faults } from "../scenarios/faults.mjs";
import { startEmulator, runSuiteInChromium, refusedUrl, KEY } from "./helpers.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const matrix = {};
let emu, browserEmu, refused, inChromium;
before(async () => {
  [emu, browserEmu, refused] = await Promise.all([startEmulator({ keys: [KEY] }), startEmulator({ keys: [KEY] }), refusedUrl()]);
  // Chromium's run goes on while Node's does (both mostly wait on timers),
  // against an emulator of its own: scripted faults are queued per emulator.
  inChromium = runSuiteInChromium("faults", browserEmu.url, refused);
  inChromium.catch(() => {}); // reported where it is awaited, below
});
after(async () => {
  await inChromium?.catch(() => {});
  await Promise.all([emu.close(), browserEmu.close()]);
  mkdirSync(`${root}test-output`, { recursive: true });
  writeFileSync(`${root}test-output/fault-matrix.json`, JSON.stringify(matrix, null, 2));
  const cell = (r) => (r ? `${r.class}, ${r.attempts ?? "–"} attempt(s), ${r.elapsedMs} ms${r.mayHaveSucceeded !== undefined ? `, mayHaveSucceeded ${r.mayHaveSucceeded}` : ""}` : "–");
  const lines = ["| fault | Node | headless Chromium |", "|---|---|---|"];
  for (const name of Object.keys(faults)) lines.push(`| ${name} | ${cell(matrix[name]?.node)} | ${cell(matrix[name]?.chromium)} |`);
  writeFileSync(`${root}test-output/fault-matrix.md`, `${lines.join("\n")}\n`);
});

const record = (name, runtime, r) => ((matrix[name] ??= {})[runtime] = r);

describe("node", () => {
  for (const name of Object.keys(faults)) {
    test(name, async (t) => {
      const r = await runFault(makeContext(m, emu.url, refused), name);
      record(name, "node", r);
      t.diagnostic(JSON.stringify(r));
    });
  }
});

describe("headless chromium", () => {
  let results;
  before(async () => {
    results = await inChromium;
  });
  for (const name of Object.keys(faults)) {
    test(name, (t) => {
      const r = results.find((x) => x.name === name);
      assert.ok(r, "ran");
      assert.ok(r.ok, r.error);
      record(name, "chromium", r.result);
      t.diagnostic(JSON.stringify(r.result));
    });
  }
});

// Node's fetch follows the caller's AbortSignal through a WeakRef to the
// Request it makes; once the headers are in, with redirect: "error" nothing
// else holds that Request, and a full GC cuts the chain (nodejs/node#55428):
// aborting the signal then no longer reaches the body. The timeout and the
// caller's abort must still stop the read, and promptly.
describe("node: the body read still stops after a full GC", () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  // The global fetch, with full GCs while the body stalls.
  const collecting = async (url, init) => {
    const res = await fetch(url, init);
    for (const ms of [20, 60, 100]) setTimeout(gc, ms);
    return res;
  };
  const settled = (p, ms) => Promise.race([p.then(() => "resolved", (e) => e), new Promise((r) => setTimeout(() => r("still pending"), ms))]);

  test("the timeout", async () => {
    emu.script.length = 0;
    emu.script.push({ stallBody: true, body: { id: "x" } });
    const c = new m.BraintrustClient({ apiKey: KEY, baseURL: emu.url, fetch: collecting, timeout: 400, maxRetries: 0 });
    const e = await settled(c.createAiSecret({ name: "gc-timeout" }), 3000);
    assert.ok(e instanceof m.APIConnectionTimeoutError, String(e));
  });

  test("the caller's abort", async () => {
    emu.script.length = 0;
    emu.script.push({ stallBody: true, body: { id: "x" } });
    const c = new m.BraintrustClient({ apiKey: KEY, baseURL: emu.url, fetch: collecting, maxRetries: 0 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const e = await settled(c.createAiSecret({ name: "gc-abort" }, { signal: ac.signal }), 3000);
    assert.ok(e instanceof m.APIUserAbortError, String(e));
  });
});

// Fault injection (tests/scenarios/faults.mjs) in Node and headless
// Chromium. Writes the fault matrix (fault × runtime → error class,
// attempts, elapsed) to test-output/fault-matrix.{json,md}.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as m from "braintrust-ai-secrets";
import { makeContext, runFault, faults } from "../scenarios/faults.mjs";
import { startEmulator, runSuiteInChromium, refusedUrl, KEY } from "./helpers.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const matrix = {};
let emu, refused;
before(async () => {
  emu = await startEmulator({ keys: [KEY] });
  refused = await refusedUrl();
});
after(async () => {
  await emu.close();
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
    results = await runSuiteInChromium("faults", emu.url, refused);
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

// Rotation, metadata and audit (tests/scenarios/lifecycle.mjs) in Node and in
// headless Chromium.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import * as m from "braintrust-ai-secrets";
import { makeContext, runScenario, scenarios } from "../scenarios/lifecycle.mjs";
import { startEmulator, runSuiteInChromium, KEY } from "./helpers.mjs";


let emu;
before(async () => { emu = await startEmulator({ keys: [KEY] }); });
after(() => emu.close());

describe("node", () => {
  for (const name of Object.keys(scenarios)) {
    test(name, () => runScenario(makeContext(m, emu.url), name));
  }
});

describe("headless chromium", () => {
  let results;
  before(async () => {
    results = await runSuiteInChromium("lifecycle", emu.url);
  });
  for (const name of Object.keys(scenarios)) {
    test(name, () => {
      const r = results.find((x) => x.name === name);
      assert.ok(r, "ran");
      assert.ok(r.ok, r.error);
    });
  }
});

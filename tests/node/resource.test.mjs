// The whole ai_secret resource (tests/scenarios/resource.mjs) in Node and in
// headless Chromium, against the emulator, each request checked against the
// official spec.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import * as m from "braintrust-ai-secrets";
import { makeContext, runScenario, scenarios } from "../scenarios/resource.mjs";
import { startEmulator, runSuiteInChromium, KEY } from "./helpers.mjs";

let emu;
before(async () => { emu = await startEmulator({ keys: [KEY], orgs: ["acme", "beta"] }); });
after(() => emu.close());

describe("node", () => {
  for (const name of Object.keys(scenarios)) {
    test(name, async (t) => {
      const note = await runScenario(makeContext(m, emu.url), name);
      t.diagnostic(note);
    });
  }
});

describe("headless chromium", () => {
  let results;
  before(async () => {
    results = await runSuiteInChromium("resource", emu.url);
  });
  for (const name of Object.keys(scenarios)) {
    test(name, (t) => {
      const r = results.find((x) => x.name === name);
      assert.ok(r, "ran");
      assert.ok(r.ok, r.error);
      t.diagnostic(r.result);
    });
  }
});

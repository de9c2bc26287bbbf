// Provider-aware secrets (tests/scenarios/providers.mjs) in Node and in
// headless Chromium, driven by ../shared/spec/provider-metadata.json.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as m from "braintrust-ai-secrets";
import { makeContext, runScenario, scenarios } from "../scenarios/providers.mjs";
import { startEmulator, runSuiteInChromium, KEY } from "./helpers.mjs";

const FACTS = fileURLToPath(new URL("../../../shared/spec/provider-metadata.json", import.meta.url));
const skip = existsSync(FACTS) ? false : `provider facts not found at ${FACTS}`;
const facts = skip ? undefined : JSON.parse(readFileSync(FACTS, "utf8"));

let emu;
before(async () => { emu = await startEmulator({ keys: [KEY] }); });
after(() => emu.close());

describe("node", { skip }, () => {
  for (const name of Object.keys(scenarios)) {
    test(name, () => runScenario({ ...makeContext(m, emu.url), facts }, name));
  }
});

describe("headless chromium", { skip }, () => {
  let results;
  before(async () => {
    results = await runSuiteInChromium("providers", emu.url, "", { "/facts.json": { type: "application/json", body: JSON.stringify(facts) } });
  });
  for (const name of Object.keys(scenarios)) {
    test(name, () => {
      const r = results.find((x) => x.name === name);
      assert.ok(r, "ran");
      assert.ok(r.ok, r.error);
    });
  }
});

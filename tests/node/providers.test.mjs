// Provider-aware secrets (tests/scenarios/providers.mjs) in Node and in
// headless Chromium, driven by ../shared/spec/provider-metadata.json.
import { before, after } from "node:test";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as m from "braintrust-ai-secrets";
import * as suite from "../scenarios/providers.mjs";
import { startEmulator, scenarioTests, KEY } from "./helpers.mjs";

const FACTS = fileURLToPath(new URL("../../../shared/spec/provider-metadata.json", import.meta.url));
const skip = existsSync(FACTS) ? false : `provider facts not found at ${FACTS}`;
const facts = skip ? undefined : JSON.parse(readFileSync(FACTS, "utf8"));

let emu;
before(async () => { emu = await startEmulator({ keys: [KEY] }); });
after(() => emu.close());

scenarioTests("providers", suite, m, () => emu, {
  skip,
  context: { facts },
  routes: { "/facts.json": { type: "application/json", body: JSON.stringify(facts) } },
});

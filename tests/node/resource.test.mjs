// The whole ai_secret resource (tests/scenarios/resource.mjs) in Node and in
// headless Chromium, against the emulator, each request checked against the
// official spec.
import { before, after } from "node:test";
import * as m from "braintrust-ai-secrets";
import * as suite from "../scenarios/resource.mjs";
import { startEmulator, scenarioTests, KEY } from "./helpers.mjs";

let emu;
before(async () => { emu = await startEmulator({ keys: [KEY], orgs: ["acme", "beta"] }); });
after(() => emu.close());

scenarioTests("resource", suite, m, () => emu);

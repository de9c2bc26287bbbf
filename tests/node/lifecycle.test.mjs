// Rotation, metadata and audit (tests/scenarios/lifecycle.mjs) in Node and in
// headless Chromium.
import { before, after } from "node:test";
import * as m from "braintrust-ai-secrets";
import * as suite from "../scenarios/lifecycle.mjs";
import { startEmulator, scenarioTests, KEY } from "./helpers.mjs";

let emu;
before(async () => { emu = await startEmulator({ keys: [KEY] }); });
after(() => emu.close());

scenarioTests("lifecycle", suite, m, () => emu);

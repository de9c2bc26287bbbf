// The scenario as a vitest test (Node environment), the package as vitest resolves it.
import { test, expect } from "vitest";
import * as m from "braintrust-ai-secrets";
import { scenario, EXPECTED } from "../scenario.mjs";

test("the scenario", async () => {
  expect(await scenario(m, process.env.BT_EMU, process.env.BT_NAME)).toEqual(EXPECTED);
});

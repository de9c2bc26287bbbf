// The scenario as a jest test (testEnvironment node, CommonJS), the package
// by require(). scenario.cjs is tests/runtimes/scenario.mjs as CommonJS,
// written by tests/node/bundlers.test.mjs: jest does not load ES modules
// without a flag.
const m = require("braintrust-ai-secrets");
const { scenario, EXPECTED } = require("./scenario.cjs");

test("the scenario", async () => {
  expect(await scenario(m, process.env.BT_EMU, process.env.BT_NAME)).toEqual(EXPECTED);
});

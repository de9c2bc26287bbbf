// npm run demo: starts the local Braintrust API emulator with a demo key and
// a few seeded secrets, then runs the example script against it. With
// BRAINTRUST_API_KEY and BRAINTRUST_BASE_URL already set, the example talks
// to that server instead and no emulator is started.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../tests/emulator/server.mjs";

const DEMO_KEY = "demo-key-0000";
const real = process.env.BRAINTRUST_API_KEY && (process.env.BRAINTRUST_BASE_URL || process.env.BRAINTRUST_API_URL);
let emu;
const env = { ...process.env };
if (!real) {
  emu = await startEmulator({ keys: [DEMO_KEY] });
  const user = emu.store.user(DEMO_KEY);
  for (const [name, type] of [["openai-prod", "openai"], ["anthropic-prod", "anthropic"], ["mistral-dev", "mistral"]]) {
    emu.store.create(emu.store.orgs[0], user, { name, type, secret: `sk-${type}-demo-${"x".repeat(20)}`, metadata: { env: "demo" } });
  }
  Object.assign(env, { BRAINTRUST_API_KEY: DEMO_KEY, BRAINTRUST_BASE_URL: emu.url });
  delete env.BRAINTRUST_API_URL;
  console.log(`Local Braintrust API emulator: ${emu.url}  (demo API key: ${DEMO_KEY})`);
} else {
  console.log(`Using the server at ${env.BRAINTRUST_BASE_URL || env.BRAINTRUST_API_URL}`);
}

const example = fileURLToPath(new URL("../examples/create.mjs", import.meta.url));
const code = await new Promise((resolve) => spawn(process.execPath, [example], { env, stdio: "inherit" }).on("close", resolve));
await emu?.close();
process.exit(code ?? 1);

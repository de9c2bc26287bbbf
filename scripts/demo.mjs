// npm run demo: starts the local Braintrust API emulator with a demo key and
// a few seeded secrets, runs the example script against it, then serves the
// dashboard on 127.0.0.1 until Ctrl-C. With BRAINTRUST_API_KEY and
// BRAINTRUST_BASE_URL (or BRAINTRUST_API_URL) set, both talk to that server
// instead, and the dashboard's keyless proxy adds that key server-side.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../tests/emulator/server.mjs";
import { startDashboard } from "../www/server.mjs";

const DEMO_KEY = "demo-key-0000";
const realBase = process.env.BRAINTRUST_BASE_URL || process.env.BRAINTRUST_API_URL;
const real = Boolean(process.env.BRAINTRUST_API_KEY && realBase);
const env = { ...process.env };
let emu;
let upstream = realBase;
let key = process.env.BRAINTRUST_API_KEY;
if (!real) {
  emu = await startEmulator({ keys: [DEMO_KEY] });
  const user = emu.store.user(DEMO_KEY);
  for (const [name, type] of [["openai-prod", "openai"], ["anthropic-prod", "anthropic"], ["mistral-dev", "mistral"]]) {
    emu.store.create(emu.store.orgs[0], user, { name, type, secret: `sk-${type}-demo-${"x".repeat(20)}`, metadata: { env: "demo" } });
  }
  upstream = emu.url;
  key = DEMO_KEY;
  Object.assign(env, { BRAINTRUST_API_KEY: DEMO_KEY, BRAINTRUST_BASE_URL: emu.url });
  delete env.BRAINTRUST_API_URL;
  console.log(`Local Braintrust API emulator: ${emu.url}`);
} else {
  console.log(`Using the server at ${upstream}`);
}

const example = fileURLToPath(new URL("../examples/create.mjs", import.meta.url));
const code = await new Promise((resolve) => spawn(process.execPath, [example], { env, stdio: "inherit" }).on("close", resolve));
if (code !== 0) {
  await emu?.close();
  process.exit(code ?? 1);
}

const site = await startDashboard({
  upstream,
  proxyKey: key,
  port: Number(process.env.DASHBOARD_PORT ?? 0),
  hint: real ? "The server from BRAINTRUST_BASE_URL." : "The local emulator started by npm run demo.",
  demoKey: real ? undefined : DEMO_KEY,
});
console.log(`\nDashboard: ${site.url}/`);
if (!real) console.log(`Demo API key: ${DEMO_KEY}   (or choose "Keyless proxy": the server adds the key)`);
else console.log(`Paste your API key, or choose "Keyless proxy" (the server adds BRAINTRUST_API_KEY).`);
console.log("Press Ctrl-C to stop.");
if (process.env.DEMO_EXIT_AFTER_START) {
  await site.close();
  await emu?.close();
  process.exit(0);
}
const stop = async () => {
  await site.close();
  await emu?.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

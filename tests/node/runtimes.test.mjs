// The runtime matrix (#27): the packed package (`npm pack`) installed into a
// fresh app, and one scenario (tests/runtimes/scenario.mjs) run in each
// runtime against the emulator over HTTP: Node 18, 20 (this one), 22 and 24
// (ESM, and CJS with an ESM import beside it), Deno 2, Bun 1, and
// Cloudflare's workerd, the worker bundled as wrangler bundles one. The
// runtimes are pinned in tests/runtimes/package.json; scripts/setup.sh
// installs them from the npm registry.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { EXPECTED } from "../runtimes/scenario.mjs";
import { startEmulator, freePort, KEY, uniq } from "./helpers.mjs";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const tools = join(root, "tests/runtimes/node_modules");
const bin = (name) => join(tools, ".bin", name);
const missing = existsSync(tools) ? false : "tests/runtimes/node_modules is missing: run scripts/setup.sh";
const app = mkdtempSync(join(tmpdir(), "bt-runtimes-"));
let emu;

before(async () => {
  emu = await startEmulator({ keys: [KEY] });
  if (missing) return;
  // The package as a user gets it: packed, then installed by name.
  const { stdout } = await run("npm", ["pack", "--silent", "--pack-destination", app], { cwd: join(root, "pkg") });
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "runtime-app", private: true, type: "module" }));
  await run("npm", ["install", "--no-audit", "--no-fund", "--silent", join(app, stdout.trim())], { cwd: app });
  for (const f of ["scenario.mjs", "esm-app.mjs", "cjs-app.cjs", "worker.mjs"]) copyFileSync(join(root, "tests/runtimes", f), join(app, f));
});
after(() => {
  emu.close();
  rmSync(app, { recursive: true, force: true });
});

const steps = async (cmd, args) => JSON.parse((await run(cmd, args, { cwd: app, env: { PATH: process.env.PATH, HOME: app, DENO_NO_UPDATE_CHECK: "1" } })).stdout);

for (const v of ["18", "20", "22", "24"]) {
  const node = v === "20" ? process.execPath : join(tools, `node${v}`, "bin", "node");
  test(`Node ${v}: import`, { skip: missing }, async () => {
    assert.deepEqual(await steps(node, ["esm-app.mjs", emu.url, uniq(`node${v}-esm`)]), EXPECTED);
  });
  test(`Node ${v}: require, and import in the same process: one set of classes`, { skip: missing }, async () => {
    assert.deepEqual(await steps(node, ["cjs-app.cjs", emu.url, uniq(`node${v}-cjs`)]), [...EXPECTED, "esm instanceof cjs error true"]);
  });
}

test("Deno 2", { skip: missing }, async () => {
  assert.deepEqual(await steps(bin("deno"), ["run", "--quiet", "--allow-net", "--allow-read", "--allow-env", "esm-app.mjs", emu.url, uniq("deno")]), EXPECTED);
});

test("Bun 1", { skip: missing }, async () => {
  assert.deepEqual(await steps(bin("bun"), ["esm-app.mjs", emu.url, uniq("bun")]), EXPECTED);
});

test("Cloudflare workerd: the worker bundled with wrangler's conditions, the .wasm a module", { skip: missing }, async () => {
  const out = join(app, "worker-out");
  mkdirSync(join(out, "sync"), { recursive: true });
  // As wrangler bundles: esbuild, conditions workerd/worker/browser, *.wasm left as module imports.
  await run(join(root, "node_modules/.bin/esbuild"), ["worker.mjs", "--bundle", "--format=esm", "--platform=browser", "--conditions=workerd,worker", "--external:*.wasm", `--outfile=${join(out, "worker.js")}`, "--log-level=error"], { cwd: app });
  const pkg = join(app, "node_modules/braintrust-ai-secrets");
  copyFileSync(join(pkg, "braintrust_ai_secrets_bg.wasm"), join(out, "braintrust_ai_secrets_bg.wasm"));
  copyFileSync(join(pkg, "sync/braintrust_ai_secrets_sync_bg.wasm"), join(out, "sync/braintrust_ai_secrets_sync_bg.wasm"));
  const port = await freePort();
  writeFileSync(join(out, "config.capnp"), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "braintrust_ai_secrets_bg.wasm", wasm = embed "braintrust_ai_secrets_bg.wasm"),
    (name = "sync/braintrust_ai_secrets_sync_bg.wasm", wasm = embed "sync/braintrust_ai_secrets_sync_bg.wasm"),
  ],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["nodejs_compat"],
  globalOutbound = "internet",
);
`);
  const workerd = spawn(bin("workerd"), ["serve", join(out, "config.capnp")], { stdio: ["ignore", "inherit", "pipe"] });
  let log = "";
  workerd.stderr.on("data", (d) => (log += d));
  try {
    const url = `http://127.0.0.1:${port}/?${new URLSearchParams({ emu: emu.url, name: uniq("workerd") })}`;
    let answer;
    for (let i = 0; i < 100 && !answer; i++) {
      answer = await fetch(url).catch(() => new Promise((r) => setTimeout(r, 100)));
    }
    assert.ok(answer, `workerd did not start:\n${log}`);
    assert.deepEqual(await answer.json(), EXPECTED, log);
  } finally {
    workerd.kill();
  }
});

// Runs every check and test of the project, in order, stopping at the first
// failure: formatting, clippy (host and wasm32), native core tests, the
// wasm-bindgen-test suite in Node and headless Chromium against the emulator,
// the node:test suites on the built package, and a smoke run of the
// benchmark. Ends with one summary line.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../tests/emulator/server.mjs";
import { refusedUrl } from "../tests/node/helpers.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH}` };
let passed = 0;
let failed = 0;

function step(title, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      process.stdout.write(d);
      out += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      for (const m of out.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
        passed += Number(m[1]);
        failed += Number(m[2]);
      }
      for (const m of out.matchAll(/^# pass (\d+)$/gm)) passed += Number(m[1]);
      for (const m of out.matchAll(/^# fail (\d+)$/gm)) failed += Number(m[1]);
      if (code === 0) resolve();
      else reject(new Error(`${title} failed (exit ${code})`));
    });
  });
}

const wasm = ["--target", "wasm32-unknown-unknown"];
let emu;
try {
  await step("format", "cargo", ["fmt", "--check"]);
  await step("clippy (host)", "cargo", ["clippy", "--all-targets", "--", "-D", "warnings"]);
  await step("clippy (wasm32)", "cargo", ["clippy", ...wasm, "--all-targets", "--", "-D", "warnings"]);
  await step("core tests (native)", "cargo", ["test", "-p", "braintrust-ai-secrets-core"]);

  emu = await startEmulator({ keys: ["test-key"] });
  const wasmEnv = {
    EMULATOR_URL: emu.url,
    REFUSED_URL: await refusedUrl(),
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: "wasm-bindgen-test-runner",
    CHROMEDRIVER: process.env.CHROMEDRIVER ?? "/usr/bin/chromedriver",
    WASM_BINDGEN_TEST_TIMEOUT: "60",
  };
  await step("wasm suite in Node", "cargo", ["test", ...wasm, "-p", "braintrust-ai-secrets", "--test", "wasm_node"], wasmEnv);
  // chromedriver keeps Chromium's profile (~14 MB) in a scoped_dir under
  // TMPDIR and does not always remove it, so this step gets a TMPDIR of its own.
  const browserTmp = mkdtempSync(join(tmpdir(), "bt-wasm-browser-"));
  try {
    await step("wasm suite in headless Chromium", "cargo", ["test", ...wasm, "-p", "braintrust-ai-secrets", "--test", "wasm_browser"], { ...wasmEnv, TMPDIR: browserTmp });
  } finally {
    rmSync(browserTmp, { recursive: true, force: true });
  }
  if (!emu.spec.available) console.log(`\n${emu.spec.skipReason}`);
  else if (emu.violations.length) throw new Error(`the wasm suites sent requests that break the official spec:\n${emu.violations.join("\n")}`);
  else console.log(`\nspec check: the ${emu.apiRequests().length} requests of the wasm suites conform to the official spec`);
  await emu.close();
  emu = undefined;

  // The package's suites, and the official client's tests ported (tests/compat),
  // two files at a time (each has its own emulator, ports and folders; most
  // of their time is spent waiting on timers, browsers and child processes),
  // the longest first so that none is left to run alone at the end.
  const longest = ["faults", "bundlers", "cli", "runtimes", "memory", "wire", "dashboard", "types"];
  const rank = (file) => {
    const i = longest.indexOf(file.replace(/^.*\/|\.test\.mjs$/g, ""));
    return i < 0 ? longest.length : i;
  };
  const suites = ["tests/node", "tests/compat"]
    .flatMap((dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith(".test.mjs")).map((f) => `${dir}/${f}`))
    .sort((a, b) => rank(a) - rank(b));
  await step("package suites (node:test)", "node", ["--test", "--test-concurrency=2", "--test-reporter=tap", ...suites]);
  // The benchmark with tiny counts, so that it cannot rot (figures not meaningful).
  await step("bench smoke run", "node", ["bench/run.mjs", "--smoke"]);
} catch (e) {
  console.error(`\n${e.message}`);
  process.exitCode = 1;
} finally {
  await emu?.close();
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;

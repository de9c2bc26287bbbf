// Runs every check and test of the project, in order, stopping at the first
// failure: formatting, clippy (host and wasm32), native core tests, the
// wasm-bindgen-test suite in Node and headless Chromium against the emulator,
// the node:test suites on the built package with, beside them, a smoke run
// of the benchmark. Each step says how long it took; the run ends with one
// summary line.
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

/** Runs one step, its output shown as it comes; or (`quiet`, for a step
 * beside another) kept, for the caller to show: the promise's value, or the
 * error's `output`. */
function step(title, cmd, args, extraEnv = {}, { quiet = false, cwd = root } = {}) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(" ")}${quiet ? " (its output held back)" : ""}`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", quiet ? "pipe" : "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      if (!quiet) process.stdout.write(d);
      out += d;
    });
    child.stderr?.on("data", (d) => {
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
      const ended = `=== ${title}: ${code === 0 ? "done" : "failed"} in ${((Date.now() - started) / 1000).toFixed(1)} s`;
      if (quiet) out += `${ended}\n`;
      else console.log(ended);
      if (code === 0) resolve(out);
      else reject(Object.assign(new Error(`${title} failed (exit ${code})`), { output: out }));
    });
  });
}

/** A quiet step once it has ended: its output, and its error if it failed
 * (never a rejection, so it can wait while other steps run). */
function ended(run) {
  return run.then(
    (output) => ({ output }),
    (error) => ({ output: error.output, error }),
  );
}

/** Shows what a quiet step printed, then fails as it did. */
function report(title, { output, error }) {
  if (output !== undefined) console.log(`\n=== ${title}: its output\n${output}`);
  if (error) throw error;
}

const wasm = ["--target", "wasm32-unknown-unknown"];
let emu;
try {
  await step("format", "cargo", ["fmt", "--check"]);
  await step("clippy (host)", "cargo", ["clippy", "--all-targets", "--", "-D", "warnings"]);
  await step("clippy (wasm32)", "cargo", ["clippy", ...wasm, "--all-targets", "--", "-D", "warnings"]);
  // The core's tests are built here and run beside the wasm suites (cargo
  // would hold its build lock while they run, so the binary runs by itself).
  // cargo's JSON lines, and what it said besides them (as its errors read).
  const messages = (out) => out.split("\n").map((l) => (l.startsWith("{") ? JSON.parse(l) : { text: l }));
  const built = await step("core tests (native): build", "cargo", ["test", "-p", "braintrust-ai-secrets-core", "--all-targets", "--no-run", "--message-format=json"], {}, { quiet: true }).catch((e) => {
    console.log(messages(e.output ?? "").map((m) => m.message?.rendered ?? m.text ?? "").filter(Boolean).join("\n"));
    throw e;
  });
  const coreTests = messages(built)
    .find((m) => m.reason === "compiler-artifact" && m.profile?.test && m.target?.name === "braintrust_ai_secrets_core")?.executable;
  if (!coreTests) throw new Error("cargo built no test binary of the core");
  // In the crate's folder, as cargo runs it.
  const coreRun = ended(step("core tests (native)", coreTests, [], {}, { quiet: true, cwd: join(root, "crates/core") }));

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
  report("core tests (native)", await coreRun);
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
  // Beside them, the benchmark with tiny counts, so that it cannot rot
  // (figures not meaningful): mostly builds and short-lived processes.
  const [packageSuites, bench] = await Promise.all([
    ended(step("package suites (node:test)", "node", ["--test", "--test-concurrency=2", "--test-reporter=tap", ...suites])),
    ended(step("bench smoke run", "node", ["bench/run.mjs", "--smoke"], {}, { quiet: true })),
  ]);
  report("bench smoke run", { output: bench.output });
  if (packageSuites.error) throw packageSuites.error;
  if (bench.error) throw bench.error;
} catch (e) {
  console.error(`\n${e.message}`);
  process.exitCode = 1;
} finally {
  await emu?.close();
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;

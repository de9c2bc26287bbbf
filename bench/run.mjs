// npm run bench: speed, size and memory of this package side by side with a
// plain fetch and @braintrust/api, against the emulator on 127.0.0.1 (in its
// own process, request log off). `--smoke` runs tiny counts (used by npm test
// so the script cannot rot) and writes test-output/bench-smoke.json instead of
// bench/results/latest.json.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchApply } from "./apply.mjs";
import { NAMES, SIGNAL_FLOOR, STACK_FLOOR, instantFetch, makeContender } from "./contenders.mjs";
import { FLOOR_FILES, buildFloor } from "./floor.mjs";
import { sectionGzip } from "./wasm-sections.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const smoke = process.argv.includes("--smoke");
const N = smoke
  ? { warmup: 30, seq: 60, total: 200, width: 64, runs: 1, slices: 2, cold: 1, mem: [100, 200, 300], overhead: 200, apply: 20 }
  : { warmup: 1500, seq: 2000, total: 10000, width: 64, runs: 3, slices: 10, cold: 5, mem: [1000, 50000, 100000], overhead: 30000, apply: 1000 };
// The client-overhead pass: every contender on the same instant fetch (the
// node-fetch variant would be the global-fetch one again).
const OVERHEAD_NAMES = [...NAMES.filter((n) => !n.includes("node-fetch")), STACK_FLOOR];
// The sequential and 64-in-flight passes also time the signal floor (see
// contenders.mjs): the part of a client's cost that undici charges for
// taking an AbortSignal, which exact timeouts and aborts need.
// So does the memory pass: undici keeps per-signal state until finalization.
const SPEED_NAMES = [NAMES[0], SIGNAL_FLOOR, ...NAMES.slice(1), STACK_FLOOR];
// Memory is measured for the real contenders and the signal floor only.
const MEMORY_NAMES = SPEED_NAMES.filter((n) => n !== STACK_FLOOR);
const API_KEY = "bench-key";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function startEmulator() {
  const child = spawn(process.execPath, [join(root, "tests/emulator/server.mjs"), "--key", API_KEY, "--no-record"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      const m = /EMULATOR_URL=(\S+)/.exec(String(d));
      if (m) resolve(m[1]);
    });
    child.on("exit", (c) => reject(new Error(`emulator exited ${c}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

/** `width` workers share `total` calls; returns the raw figures. */
async function sample(call, total, width) {
  const lat = new Float64Array(total);
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const s = performance.now();
      await call();
      lat[i] = performance.now() - s;
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  const cpu = process.cpuUsage(cpu0);
  return { lat, wallMs: performance.now() - t0, cpuUs: cpu.user + cpu.system, calls: total };
}

function summary(samples) {
  const calls = samples.reduce((a, s) => a + s.calls, 0);
  const wallMs = samples.reduce((a, s) => a + s.wallMs, 0);
  const cpuUs = samples.reduce((a, s) => a + s.cpuUs, 0);
  const sorted = samples.flatMap((s) => Array.from(s.lat)).sort((a, b) => a - b);
  return { callsPerSec: calls / (wallMs / 1000), p50ms: pct(sorted, 50), p99ms: pct(sorted, 99), cpuUsPerCall: cpuUs / calls };
}

/** The contenders' calls in slices taken in turn, so that a machine that
 * speeds up or slows down during the run (a shared 2-core host does) weighs
 * on every contender alike. */
async function measure(calls, order, total, width, slices) {
  const per = Object.fromEntries(order.map((n) => [n, []]));
  for (let i = 0; i < slices; i++) {
    for (const name of i % 2 ? [...order].reverse() : order) per[name].push(await sample(calls[name], Math.ceil(total / slices), width));
  }
  return Object.fromEntries(order.map((n) => [n, summary(per[n])]));
}

function runChild(args, node = []) {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [...node, join(root, "bench/child.mjs"), ...args], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    c.stdout.on("data", (d) => (out += d));
    c.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop())) : reject(new Error(`child ${args[0]} ${args[1]} exited ${code}`))));
  });
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
function fileSize(rel) {
  const b = readFileSync(join(root, rel));
  return { raw: b.length, gzip: gz(b) };
}

const sum = (list) => list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));

/** pkg/ JS files below `dir`, if it exists (wasm-bindgen's snippets: JS
 * the glue imports). */
function filesUnder(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true }).filter((f) => f.endsWith(".js")).map((f) => join(dir, f));
}

const GLUE = "web glue (braintrust_ai_secrets.js and its snippet, read.js)";

function sizes() {
  const wasm = fileSize("pkg/braintrust_ai_secrets_bg.wasm");
  const glue = ["pkg/braintrust_ai_secrets.js", ...filesUnder("pkg/snippets")];
  const shipped = {
    wasm,
    "the wasm as the browser entries carry it (wasm-inline.js: gzip, base64)": fileSize("pkg/wasm-inline.js"),
    [GLUE]: sum(glue.map(fileSize)),
    "web entry (index.js + surface.js + errors.js, each gzipped)": sum(["pkg/index.js", "pkg/surface.js", "pkg/errors.js"].map(fileSize)),
    "node ESM entry (node.mjs; shares the web glue)": fileSize("pkg/node.mjs"),
    "node CJS bundle (node.cjs)": fileSize("pkg/node.cjs"),
    "sync module, loaded on first audit, rotation or CLI use (inlined wasm + glue)": sum(["pkg/sync/wasm-inline.js", "pkg/sync/braintrust_ai_secrets_sync.js"].map(fileSize)),
  };
  const browserShipped = sum([fileSize("pkg/wasm-inline.js"), shipped[GLUE]]);
  // The browser bundle of a page that makes one call, per client.
  const dir = mkdtempSync(join(tmpdir(), "bt-bundle-"));
  const pages = {
    "braintrust-ai-secrets": 'import { createAiSecret } from "braintrust-ai-secrets";\ncreateAiSecret({ name: "x" }, { apiKey: "k" }).then(console.log);\n',
    "@braintrust/api": 'import Braintrust from "@braintrust/api";\nnew Braintrust({ apiKey: "k" }).post("/v1/ai_secret", { body: { name: "x" } }).then(console.log);\n',
  };
  const bundles = {};
  try {
    for (const [name, src] of Object.entries(pages)) {
      // The entry sits in bench/ so that "braintrust-ai-secrets" resolves.
      const entry = join(root, "bench", `.page-${name.replace(/\W/g, "_")}.mjs`);
      const out = join(dir, name.replace(/\W/g, "_"));
      const meta = join(dir, `${name.replace(/\W/g, "_")}.meta.json`);
      writeFileSync(entry, src);
      try {
        // Split, so that what loads only on first use (the sync module) is a chunk the page never fetches.
        execFileSync(join(root, "node_modules/.bin/esbuild"), [entry, "--bundle", "--minify", "--format=esm", "--splitting", "--platform=browser", `--outdir=${out}`, `--metafile=${meta}`, "--log-level=error"], { cwd: root });
      } finally {
        rmSync(entry, { force: true });
      }
      // The page's entry and the chunks it imports statically (the wasm is inside them).
      const outputs = JSON.parse(readFileSync(meta, "utf8")).outputs;
      const loaded = new Set();
      const visit = (file) => {
        if (loaded.has(file)) return;
        loaded.add(file);
        for (const i of outputs[file].imports) if (i.kind === "import-statement" && outputs[i.path]) visit(i.path);
      };
      visit(Object.keys(outputs).find((f) => outputs[f].entryPoint && f.endsWith(".js")));
      const files = [...loaded].map((f) => readFileSync(join(root, f)));
      bundles[name] = { jsRaw: files.reduce((a, b) => a + b.length, 0), jsGzip: files.reduce((a, b) => a + gz(b), 0), lazyChunks: Object.keys(outputs).filter((f) => f.endsWith(".js") && !loaded.has(f)).length };
      bundles[name].totalGzip = bundles[name].jsGzip;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The stack floor's module (not shipped): what the stack alone costs a page.
  const floor = sum([FLOOR_FILES.wasm, FLOOR_FILES.glue].map((f) => {
    const b = readFileSync(f);
    return { raw: b.length, gzip: gz(b) };
  }));
  return { shipped, browserShipped, bundles, floor, providers: smoke ? undefined : providerCost(wasm.gzip, join(root, "pkg/braintrust_ai_secrets_bg.wasm")) };
}

/** What the provider table and checks (#25) cost in the shipped wasm: the
 * same module built without them (crates/wasm's `providers` feature off),
 * through the same wasm-bindgen and wasm-opt steps as the package. Not in a
 * smoke run: it is a release build of its own. */
function providerCost(withGzip, shippedWasm) {
  const targetDir = join(root, "target/bench-variant");
  execFileSync("cargo", ["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown", "-p", "braintrust-ai-secrets", "--no-default-features", "--target-dir", targetDir], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const out = mkdtempSync(join(tmpdir(), "bt-variant-"));
  try {
    execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", out, join(targetDir, "wasm32-unknown-unknown/release/braintrust_ai_secrets.wasm")], { cwd: root });
    const opt = join(out, "o.wasm");
    execFileSync(join(root, "node_modules/.bin/wasm-opt"), ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", join(out, "braintrust_ai_secrets_bg.wasm"), "-o", opt], { cwd: root });
    const without = readFileSync(opt);
    const withoutGzip = gz(without);
    const [a, b] = [sectionGzip(readFileSync(shippedWasm)), sectionGzip(without)];
    return { withGzip, withoutGzip, costGzip: withGzip - withoutGzip, codeCostGzip: a.code - b.code, dataCostGzip: a.data - b.data };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

buildFloor();
const emu = await startEmulator();
const results = { date: new Date().toISOString(), node: process.version, smoke, counts: N, sequential: {}, concurrent: {}, overhead: {}, cold: {}, memory: {}, size: sizes() };
try {
  const calls = {};
  for (const name of SPEED_NAMES) calls[name] = await makeContender(name, { baseURL: emu.url, apiKey: API_KEY });
  // Warm-up: Node's fetch needs ~1 500 calls before it is at speed.
  for (const name of SPEED_NAMES) await sample(calls[name], N.warmup, 8);
  const seq = Object.fromEntries(SPEED_NAMES.map((n) => [n, []]));
  const conc = Object.fromEntries(SPEED_NAMES.map((n) => [n, []]));
  for (let run = 0; run < N.runs; run++) {
    // Alternate the order so that no contender always runs first or last.
    const order = SPEED_NAMES.map((_, i) => SPEED_NAMES[(i + run) % SPEED_NAMES.length]);
    if (run % 2) order.reverse();
    const s = await measure(calls, order, N.seq, 1, N.slices);
    const c = await measure(calls, order, N.total, N.width, N.slices);
    for (const name of order) {
      seq[name].push(s[name]);
      conc[name].push(c[name]);
    }
    console.error(`bench: run ${run + 1}/${N.runs} done (${order.join(" → ")})`);
  }
  const summarise = (runs) => Object.fromEntries(["callsPerSec", "p50ms", "p99ms", "cpuUsPerCall"].map((k) => [k, median(runs.map((r) => r[k]))]));
  for (const name of SPEED_NAMES) {
    results.sequential[name] = summarise(seq[name]);
    results.concurrent[name] = summarise(conc[name]);
  }
  // Client overhead: sequential creates on an instant fetch, interleaved.
  const instant = {};
  for (const name of OVERHEAD_NAMES) instant[name] = await makeContender(name, { baseURL: emu.url, apiKey: API_KEY, fetch: instantFetch() });
  for (const name of OVERHEAD_NAMES) await sample(instant[name], N.warmup, 1);
  const over = await measure(instant, OVERHEAD_NAMES, N.overhead, 1, N.slices);
  for (const name of OVERHEAD_NAMES) {
    const cpu = over[name].cpuUsPerCall;
    results.overhead[name] = { cpuUsPerCall: cpu, overheadUs: cpu - over["raw fetch"].cpuUsPerCall, vsRaw: cpu / over["raw fetch"].cpuUsPerCall };
  }
  // Cold starts round-robin, order alternating, so that a slow spell of the
  // machine (process start times here vary by ±40 %) hits every contender.
  const cold = Object.fromEntries(NAMES.map((n) => [n, []]));
  for (let i = 0; i < N.cold; i++) {
    for (const name of i % 2 ? [...NAMES].reverse() : NAMES) cold[name].push((await runChild(["cold", name, emu.url, API_KEY])).ms);
  }
  for (const name of NAMES) results.cold[name] = { medianMs: median(cold[name]), runs: cold[name] };
  for (const name of MEMORY_NAMES) results.memory[name] = await runChild(["memory", name, emu.url, API_KEY, ...N.mem.map(String)], ["--expose-gc"]);
} finally {
  emu.stop();
}
// The CLI's apply of a manifest into an empty org, then again (nothing to do).
const applyEmu = await startEmulator();
try {
  results.apply = await benchApply(applyEmu.url, API_KEY, N.apply);
} finally {
  applyEmu.stop();
}

// Ratios to raw fetch: throughput and cold start as "× raw", CPU as "× raw".
const base = "raw fetch";
for (const kind of ["sequential", "concurrent"]) {
  for (const name of SPEED_NAMES) {
    const r = results[kind][name];
    r.throughputVsRaw = r.callsPerSec / results[kind][base].callsPerSec;
    r.cpuVsRaw = r.cpuUsPerCall / results[kind][base].cpuUsPerCall;
  }
}
for (const name of NAMES) results.cold[name].vsRaw = results.cold[name].medianMs / results.cold[base].medianMs;

const f = (x, d = 0) => x.toFixed(d);
const lines = [];
lines.push(`Node ${process.version}${smoke ? " (smoke run: tiny counts, figures not meaningful)" : ""}`);
lines.push("");
lines.push("| contender | seq calls/s | seq p50 / p99 ms | seq CPU µs/call | 64-conc calls/s | 64-conc p50 / p99 ms | 64-conc CPU µs/call | cold start ms |");
lines.push("|---|---|---|---|---|---|---|---|");
for (const name of SPEED_NAMES) {
  const s = results.sequential[name];
  const c = results.concurrent[name];
  const cold = results.cold[name];
  const coldCell = cold ? `${f(cold.medianMs, 1)} (${f(cold.vsRaw, 2)}×)` : "–";
  lines.push(`| ${name} | ${f(s.callsPerSec)} (${f(s.throughputVsRaw, 2)}×) | ${f(s.p50ms, 2)} / ${f(s.p99ms, 2)} | ${f(s.cpuUsPerCall)} (${f(s.cpuVsRaw, 2)}×) | ${f(c.callsPerSec)} (${f(c.throughputVsRaw, 2)}×) | ${f(c.p50ms, 2)} / ${f(c.p99ms, 2)} | ${f(c.cpuUsPerCall)} (${f(c.cpuVsRaw, 2)}×) | ${coldCell} |`);
}
lines.push("");
lines.push("| on an instant fetch (client overhead) | CPU µs/call | over raw fetch µs/call |");
lines.push("|---|---|---|");
for (const [name, o] of Object.entries(results.overhead)) lines.push(`| ${name} | ${f(o.cpuUsPerCall, 1)} (${f(o.vsRaw, 2)}×) | ${f(o.overheadUs, 1)} |`);
lines.push("");
// The middle mark tells warm-up (JIT code, pools: growth that stops) from a
// leak (growth that goes on).
const marks = N.mem.join(" → ");
lines.push(`| contender | RSS MB after ${marks} | JS heap MB after ${marks} |`);
lines.push("|---|---|---|");
for (const name of MEMORY_NAMES) {
  const m = results.memory[name];
  lines.push(`| ${name} | ${m.map((x) => x.rssMB).join(" → ")} | ${m.map((x) => x.heapUsedMB).join(" → ")} |`);
}
lines.push("");
lines.push("| shipped file | raw B | gzip -9 B |");
lines.push("|---|---|---|");
for (const [k, v] of Object.entries(results.size.shipped)) lines.push(`| ${k} | ${v.raw} | ${v.gzip} |`);
lines.push(`| browser: inlined wasm + web glue | ${results.size.browserShipped.raw} | ${results.size.browserShipped.gzip} |`);
lines.push(`| reference, not shipped: the stack floor's .wasm + web glue (bench/floor) | ${results.size.floor.raw} | ${results.size.floor.gzip} |`);
lines.push("");
lines.push("| one-call page, esbuild --bundle --minify --splitting: what it loads (the wasm inside) | raw B | gzip B (budget 56 320) | chunks loaded only on first use |");
lines.push("|---|---|---|---|");
for (const [k, v] of Object.entries(results.size.bundles)) lines.push(`| ${k} | ${v.jsRaw} | ${v.totalGzip} | ${v.lazyChunks} |`);
if (results.size.providers) {
  const p = results.size.providers;
  lines.push("");
  lines.push("| the provider table and checks (#25), in the wasm | gzip -9 B |");
  lines.push("|---|---|");
  lines.push(`| with (as shipped) / without / their cost (budget 4 096) | ${p.withGzip} / ${p.withoutGzip} / **${p.costGzip}** |`);
  lines.push(`| of which, each section gzipped alone: code (the checks) / data (the table, names and messages) | ${p.codeCostGzip} / ${p.dataCostGzip} |`);
}
lines.push("");
lines.push(`| CLI \`apply\` of a ${N.apply}-secret manifest | wall s | requests | fewest possible |`);
lines.push("|---|---|---|---|");
for (const r of results.apply) lines.push(`| ${r.run} | ${f(r.ms / 1000, 2)} | ${r.requests} | ${r.minimum} (${r.why}) |`);
const table = lines.join("\n");
results.table = table;
console.log(table);

const outFile = smoke ? join(root, "test-output/bench-smoke.json") : join(root, "bench/results/latest.json");
mkdirSync(join(outFile, ".."), { recursive: true });
writeFileSync(outFile, JSON.stringify(results, null, 2) + "\n");
console.error(`bench: wrote ${outFile.slice(root.length)}`);

// The bundler half of the matrix (#27): the packed package installed into a
// fresh app, bundled with no config by each bundler, and the one scenario
// (tests/runtimes/scenario.mjs) run against the emulator: browser bundles in
// headless Chromium, Node bundles and test runners as processes, Next.js in
// its client, server and edge forms. The tools are pinned in
// tests/runtimes/package.json; scripts/setup.sh installs them from npm.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { EXPECTED } from "../runtimes/scenario.mjs";
import { startEmulator, serveStatic, launchChromium, pageResult, freePort, KEY, uniq } from "./helpers.mjs";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const rt = join(root, "tests/runtimes");
const tools = join(rt, "node_modules");
const missing = existsSync(join(tools, "next")) ? false : "tests/runtimes/node_modules is missing: run scripts/setup.sh --browser";
// Inside tests/runtimes, so that the app finds the pinned tools by Node's
// resolution, as a user's app finds its own.
const app = join(rt, `.apps/bundlers-${process.pid}`);
const web = join(app, "web");
// Not tools/.bin on PATH: it holds the matrix's Node 18 as `node`.
// HOME outside the tools' folder: Next refuses a workspace root that holds it.
const home = mkdtempSync(join(tmpdir(), "bt-bundlers-home-"));
const env = { PATH: process.env.PATH, HOME: home, NEXT_TELEMETRY_DISABLED: "1", BROWSERSLIST_IGNORE_OLD_DATA: "1", NODE_ENV: "production" };
let emu, site, browser, tarball;

before(async () => {
  emu = await startEmulator({ keys: [KEY] });
  if (missing) return;
  mkdirSync(app, { recursive: true });
  const { stdout } = await run("npm", ["pack", "--silent", "--pack-destination", app], { cwd: join(root, "pkg") });
  tarball = join(app, stdout.trim());
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "bundler-app", private: true, type: "module" }));
  await run("npm", ["install", "--no-audit", "--no-fund", "--silent", "--no-package-lock", tarball], { cwd: app });
  cpSync(join(rt, "bundlers"), web, { recursive: true, filter: (f) => !f.includes("/next") });
  cpSync(join(rt, "bundlers/next"), join(app, "next"), { recursive: true });
  for (const dir of [app, join(app, "next")]) copyFileSync(join(rt, "scenario.mjs"), join(dir, "scenario.mjs"));
  // jest loads CommonJS only (without a flag): the scenario, as CommonJS.
  const cjs = readFileSync(join(rt, "scenario.mjs"), "utf8").replace("export async function scenario", "exports.scenario = async function scenario").replace("export const EXPECTED", "exports.EXPECTED");
  writeFileSync(join(web, "scenario.cjs"), cjs);
  // The browser pages of tests/browser, importing the installed package unbundled.
  mkdirSync(join(app, "tests/browser"), { recursive: true });
  for (const f of ["esm.html", "sw.html", "sw.mjs", "workers.html", "worker.mjs"]) {
    writeFileSync(join(app, "tests/browser", f), readFileSync(join(root, "tests/browser", f), "utf8").replaceAll("/pkg/", "/node_modules/braintrust-ai-secrets/"));
  }
  site = await serveStatic(app);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
  emu.close();
  if (!process.env.BT_KEEP_APPS) rmSync(app, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

const sh = (cmd, args, opts = {}) => run(cmd, args, { cwd: app, env: { ...env, ...opts.env }, maxBuffer: 1 << 24, timeout: 180000 });
const bin = (name) => join(tools, ".bin", name);

/** Opens `url` in Chromium with the emulator and a fresh name; returns the steps the page reports. */
const inBrowser = (url, label) => pageResult(browser, `${url}${url.includes("?") ? "&" : "?"}${new URLSearchParams({ emu: emu.url, name: uniq(label) })}`, { timeout: 30000 });

test("unbundled, from the installed package: a module page, a module service worker, dedicated and shared workers", { skip: missing }, async () => {
  const esm = await inBrowser(`${site.url}/tests/browser/esm.html?`, "installed-esm");
  assert.equal(esm.failure, undefined, esm.failure);
  assert.deepEqual(esm.auth, { instance: true, name: "AuthenticationError", status: 401 });
  const sw = await inBrowser(`${site.url}/tests/browser/sw.html?`, "installed-sw");
  assert.equal(sw.failure, undefined, sw.failure);
  assert.equal(sw.typed, true);
  assert.equal(sw.audit, "age 0", JSON.stringify(sw));
  const workers = await inBrowser(`${site.url}/tests/browser/workers.html?`, "installed-workers");
  assert.equal(workers.failure, undefined, workers.failure);
  assert.equal(workers.dedicated.typed && workers.shared.typed, true, JSON.stringify(workers));
});

/** A page at out/<row>/ that loads the bundle `file` as a module or a classic script. */
function page(row, file, type) {
  writeFileSync(join(app, "out", row, "index.html"), `<!doctype html><meta charset="utf-8"><script ${type === "module" ? 'type="module" ' : ""}src="./${file}"></script>\n`);
  return `${site.url}/out/${row}/index.html`;
}

const browserBuilds = {
  "esbuild (esm)": async (out) => (await sh(bin("esbuild"), ["web/browser-app.mjs", "--bundle", "--format=esm", `--outfile=${out}/app.js`, "--log-level=error"]), ["app.js", "module"]),
  "esbuild (default: iife)": async (out) => (await sh(bin("esbuild"), ["web/browser-app.mjs", "--bundle", `--outfile=${out}/app.js`, "--log-level=error"]), ["app.js", "classic"]),
  // Rollup resolves packages only through the node-resolve plugin; `browser: true` picks browser entries, as for any package.
  "Rollup 4 (+ node-resolve)": async (out) => (await sh(bin("rollup"), ["web/browser-app.mjs", "-d", out, "-p", "node-resolve={browser: true}", "--silent"]), ["browser-app.js", "module"]),
  "bun build": async (out) => (await sh(bin("bun"), ["build", "web/browser-app.mjs", "--outdir", out, "--target", "browser"]), ["browser-app.js", "module"]),
  "webpack 5": async (out) => (await sh(bin("webpack"), ["--mode", "production", "--entry", "./web/browser-app.mjs", "--output-path", out]), ["main.js", "classic"]),
  "Parcel 2 build": async (out) => (await sh(bin("parcel"), ["build", "web/index.html", "--dist-dir", out, "--no-cache", "--cache-dir", ".parcel-cache", "--public-url", "./"]), null),
  "Vite 6 build": async (out) => (await sh(process.execPath, [join(tools, "vite6/bin/vite.js"), "build", "web", "--outDir", out, "--base", "./", "--logLevel", "error"]), null),
  "Vite 7 build": async (out) => (await sh(process.execPath, [join(tools, "vite7/bin/vite.js"), "build", "web", "--outDir", out, "--base", "./", "--logLevel", "error"]), null),
};

for (const [row, build] of Object.entries(browserBuilds)) {
  test(`browser bundle, no config: ${row}`, { skip: missing }, async () => {
    const dir = row.replace(/\W+/g, "-");
    const out = join(app, "out", dir);
    mkdirSync(out, { recursive: true });
    const entry = await build(out);
    const url = entry ? page(dir, ...entry) : `${site.url}/out/${dir}/index.html`;
    assert.ok(!existsSync(join(out, "braintrust_ai_secrets_bg.wasm")), "no .wasm to copy");
    assert.deepEqual(await inBrowser(url, dir), EXPECTED);
  });
}

/**
 * Starts the server `cmd argsFor(port)` (NODE_ENV `mode`) and waits until it answers; returns its URL, its log and a stop().
 * A port taken between freePort() and the server's listen is not the code under test: that start is retried on another.
 */
async function startServer(cmd, argsFor, mode = "development") {
  let log = "";
  for (let tries = 0; tries < 3; tries++) {
    const port = await freePort();
    const child = spawn(cmd, argsFor(port), { cwd: app, env: { ...env, NODE_ENV: mode }, stdio: ["ignore", "pipe", "pipe"] });
    log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i++) {
      if (await fetch(url).then((r) => r.ok, () => false)) return { url, log: () => log, stop: () => child.kill("SIGKILL") };
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill("SIGKILL");
    if (!/EADDRINUSE|already in use/i.test(log)) break;
  }
  assert.fail(`the server did not start:\n${log}`);
}

const devServers = {
  "Vite 6 dev": [process.execPath, [join(tools, "vite6/bin/vite.js"), "web", "--host", "127.0.0.1", "--strictPort", "--port"]],
  "Vite 7 dev": [process.execPath, [join(tools, "vite7/bin/vite.js"), "web", "--host", "127.0.0.1", "--strictPort", "--port"]],
  "Vite 8 dev": [process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "web", "--host", "127.0.0.1", "--strictPort", "--port"]],
  "Parcel 2 dev": [bin("parcel"), ["serve", "web/index.html", "--no-cache", "--cache-dir", ".parcel-cache", "--no-hmr", "--dist-dir", "out/parcel-dev", "--host", "127.0.0.1", "--port"]],
};
for (const [row, [cmd, args]] of Object.entries(devServers)) {
  test(`dev server, no config: ${row}`, { skip: missing }, async () => {
    const server = await startServer(cmd, (p) => [...args, String(p)]);
    try {
      assert.deepEqual(await inBrowser(`${server.url}/index.html`, row.replace(/\W+/g, "-")), EXPECTED, server.log());
    } finally {
      server.stop();
    }
  });
}

test("Node bundle, no config: esbuild --platform=node, CommonJS and ESM output", { skip: missing }, async () => {
  for (const format of ["cjs", "esm"]) {
    const out = join(app, "out", `node.${format === "cjs" ? "cjs" : "mjs"}`);
    await sh(bin("esbuild"), ["web/node-app.mjs", "--bundle", "--platform=node", `--format=${format}`, `--outfile=${out}`, "--log-level=error"]);
    // Run from elsewhere: the bundle needs nothing beside it.
    const { stdout } = await run(process.execPath, [out, emu.url, uniq(`esbuild-node-${format}`)], { cwd: "/" });
    assert.deepEqual(JSON.parse(stdout), EXPECTED, format);
  }
});

test("test runners, no config: vitest and jest (Node environment)", { skip: missing }, async () => {
  const vars = (label) => ({ BT_EMU: emu.url, BT_NAME: uniq(label) });
  const vitest = await sh(bin("vitest"), ["run", "--root", "web", "scenario.vitest"], { env: vars("vitest") }).catch((e) => e);
  assert.match(String(vitest.stdout), /1 passed/, `${vitest.stdout}\n${vitest.stderr}`);
  const jest = await sh(bin("jest"), ["--rootDir", "web", "scenario.jest"], { env: vars("jest") }).catch((e) => e);
  assert.match(String(jest.stderr), /Tests:\s+1 passed/, `${jest.stdout}\n${jest.stderr}`);
});

test("Next.js 16, no config: next build, then a server component, a client component, a Node route and an edge route", { skip: missing }, async () => {
  const next = join(app, "next");
  await sh(bin("next"), ["build", next]).catch((e) => assert.fail(`next build failed:\n${e.stdout}\n${e.stderr}`));
  const server = await startServer(bin("next"), (p) => ["start", next, "-H", "127.0.0.1", "-p", String(p)], "production");
  const { url, log } = server;
  try {
    for (const form of ["node", "edge"]) {
      const r = await fetch(`${url}/api/${form}?${new URLSearchParams({ emu: emu.url, name: uniq(`next-${form}`) })}`);
      assert.deepEqual(await r.json(), EXPECTED, `${form}: ${log()}`);
    }
    // A server component: the steps rendered into the page's HTML.
    const html = await (await fetch(`${url}/server?${new URLSearchParams({ emu: emu.url, name: uniq("next-server-component") })}`)).text();
    const rendered = /<pre id="steps">(.*?)<\/pre>/s.exec(html)?.[1] ?? html.slice(0, 2000);
    const text = rendered.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    assert.deepEqual(JSON.parse(text), EXPECTED, `server component: ${text}\n${log()}`);
    assert.deepEqual(await inBrowser(`${url}/`, "next-client"), EXPECTED, log());
  } finally {
    server.stop();
  }
});

// attw: the `./braintrust_ai_secrets_bg.wasm` export is the binary itself, which has no types to resolve, and
// `./sync` an ES module imported for its effect in service workers, with nothing to require().
test("the packed package passes publint and attw (@arethetypeswrong/cli): the entry's types resolve for node10, node16 (CJS, ESM) and bundlers", { skip: missing }, async () => {
  const lint = await sh(process.execPath, [join(tools, "publint/src/cli.js"), "--strict", join(app, "node_modules/braintrust-ai-secrets")]).catch((e) => e);
  assert.equal(lint.code ?? 0, 0, `${lint.stdout}\n${lint.stderr}`);
  const types = await sh(process.execPath, [join(tools, "@arethetypeswrong/cli/dist/index.js"), tarball, "--format", "ascii", "--exclude-entrypoints", "./braintrust_ai_secrets_bg.wasm", "./sync"]).catch((e) => e);
  assert.equal(types.code ?? 0, 0, `${types.stdout}\n${types.stderr}`);
  assert.match(types.stdout, /No problems found/, types.stdout);
});

// Shared helpers of the node:test suites: the emulator, request counting,
// a static file server and headless Chromium.
import { test, before, describe } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import net from "node:net";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { startEmulator } from "../emulator/server.mjs";

export { startEmulator };
export const KEY = "test-key";

/** A port on 127.0.0.1 that was free a moment ago: the system's choice, so no server of this run holds it. */
export async function freePort() {
  const srv = net.createServer();
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

/** A URL on 127.0.0.1 where nothing listens (connection refused). */
export const refusedUrl = async () => `http://127.0.0.1:${await freePort()}`;

let n = 0;
/** A unique secret name per test, so counts stay per test. */
export const uniq = (prefix) => `${prefix}-${process.pid}-${++n}-${Date.now()}`;

/** API requests (no preflights) whose body or path mentions `needle`. */
export const sent = (emu, needle) => emu.apiRequests().filter((r) => r.body.includes(needle) || r.path.includes(needle) || r.query.includes(needle));

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };

/** Serves `dir` on 127.0.0.1; `routes` maps paths to {type, body}. */
export async function serveStatic(dir, routes = {}) {
  const server = http.createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (routes[path]) {
      res.writeHead(200, { "Content-Type": routes[path].type, ...routes[path].headers });
      return res.end(routes[path].body);
    }
    const file = normalize(join(dir, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(normalize(dir))) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

export const CHROMIUM_ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
];

/** Debian's Chromium through playwright-core, with a fresh profile. The
 * empty userDataDir makes Playwright create the profile in a temporary
 * directory of its own, which it removes when the browser closes. */
export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext("", {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Opens `url` in a new page of `browser`, waits for the page to set
 * `window.__result`, and returns it; a timeout reports the page's errors. */
export async function pageResult(browser, url, { timeout = 20000 } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout }).catch((e) => {
      throw new Error(`${e.message}\n${errors.join("\n")}`);
    });
    return await page.evaluate(() => window.__result);
  } finally {
    await page.close();
  }
}

/** Runs a scenario suite (tests/scenarios/<suite>.mjs) in a Chromium page
 * through tests/browser/scenarios.html; returns [{name, ok, result|error}]. */
export async function runSuiteInChromium(suite, emuUrl, refused = "", routes = {}) {
  const root = new URL("../..", import.meta.url).pathname;
  const site = await serveStatic(root, routes);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const q = new URLSearchParams({ suite, emu: emuUrl, refused });
    await page.goto(`${site.url}/tests/browser/scenarios.html?${q}`);
    await page.waitForFunction(() => window.__results !== undefined, null, { timeout: 120000 });
    return await page.evaluate(() => window.__results);
  } finally {
    await browser.close();
    await site.close();
  }
}

/** A scenario suite (tests/scenarios/<suite>.mjs: its `scenarios`,
 * `runScenario` and `makeContext`) as node:test tests, in Node and in
 * headless Chromium, against the emulator `emu()` returns. `context` is
 * added to each Node context; `routes` are served to the page; `skip`
 * skips both. Each scenario's note (what it checked) is a diagnostic. */
export function scenarioTests(suite, { scenarios, runScenario, makeContext }, m, emu, { context = {}, routes = {}, skip = false } = {}) {
  describe("node", { skip }, () => {
    for (const name of Object.keys(scenarios)) {
      test(name, async (t) => {
        const note = await runScenario({ ...makeContext(m, emu().url), ...context }, name);
        if (note) t.diagnostic(note);
      });
    }
  });
  describe("headless chromium", { skip }, () => {
    let results;
    before(async () => {
      results = await runSuiteInChromium(suite, emu().url, "", routes);
    });
    for (const name of Object.keys(scenarios)) {
      test(name, (t) => {
        const r = results.find((x) => x.name === name);
        assert.ok(r, "ran");
        assert.ok(r.ok, r.error);
        if (r.result) t.diagnostic(r.result);
      });
    }
  });
}

/** Every /v1 request the emulator saw conformed to the official spec (or the
 * spec file is absent, which the checker reports). */
export function assertSpecConformance(emu) {
  if (!emu.spec.available) {
    console.log(`# ${emu.spec.skipReason}`);
    return;
  }
  if (emu.violations.length) throw new Error(`requests that break the official spec:\n${emu.violations.join("\n")}`);
}

/** Prism on 127.0.0.1 with `args` (`["mock", spec]` or `["proxy", spec, upstream, "--errors"]`), started from
 * node_modules/.bin so that the PID is Prism's own. `output()` is what it has printed so far. */
export async function startPrism(args) {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const port = new URL(await refusedUrl()).port;
  const child = spawn(join(root, "node_modules/.bin/prism"), [...args, "--host", "127.0.0.1", "--port", port], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${output}`)), 60000);
    const onData = (d) => {
      output += d;
      if (/listening on/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`Prism exited (${code}):\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

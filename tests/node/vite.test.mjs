// A Vite production build of a page that imports the package by name, then
// that built page run in headless Chromium against the emulator.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { startEmulator, serveStatic, launchChromium, uniq, KEY, assertSpecConformance } from "./helpers.mjs";

let emu, site, browser, outDir;
before(async () => {
  emu = await startEmulator({ keys: [KEY] });
  outDir = await mkdtemp(join(tmpdir(), "bt-vite-"));
  await build({
    root: fileURLToPath(new URL("../vite-app", import.meta.url)),
    logLevel: "error",
    build: { outDir, emptyOutDir: true },
  });
  site = await serveStatic(outDir);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await emu?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

test("vite build emits the wasm, and the sync module loaded on first use, as assets", async () => {
  const assets = await readdir(join(outDir, "assets"));
  const wasm = assets.filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 2, assets.join(", "));
  assert.ok(wasm.some((f) => f.startsWith("braintrust_ai_secrets_sync_bg")), assets.join(", "));
  assert.ok(assets.some((f) => /^braintrust_ai_secrets_sync-.*\.js$/.test(f)), assets.join(", "));
  for (const f of wasm) assert.ok((await stat(join(outDir, "assets", f))).size > 1000);
});

test("the built page creates a secret in Chromium", async () => {
  const page = await browser.newPage();
  const name = uniq("vite");
  await page.goto(`${site.url}/index.html?emu=${encodeURIComponent(emu.url)}&name=${name}`);
  await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 20000 });
  const r = await page.evaluate(() => window.__result);
  assert.equal(r.failure, undefined, r.failure);
  assert.equal(r.created.name, name);
  assert.equal(r.authError, true);
  assert.equal(r.audited?.ageDays, 0, "the sync module loaded and audited");
  await page.close();
});

test("every request this suite sent conforms to the official spec", () => assertSpecConformance(emu));

// A Vite production build of a page that imports the package by name, then
// that built page run in headless Chromium against the emulator.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { startEmulator, serveStatic, launchChromium, pageResult, uniq, KEY, assertSpecConformance } from "./helpers.mjs";

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

test("vite build: the wasm comes inside the JS, and the sync module is a chunk of its own, loaded on first use", async () => {
  const assets = await readdir(join(outDir, "assets"));
  assert.deepEqual(assets.filter((f) => f.endsWith(".wasm")), [], "no .wasm asset: nothing for the bundler to copy");
  const chunks = assets.filter((f) => f.endsWith(".js"));
  assert.equal(chunks.length, 3, chunks.join(", "));
  const main = chunks.find((f) => f.startsWith("index-"));
  const lazy = chunks.filter((f) => f !== main);
  for (const f of chunks) assert.ok((await stat(join(outDir, "assets", f))).size > 1000, f);
  // The page's own chunk imports the others only dynamically.
  const src = await readFile(join(outDir, "assets", main), "utf8");
  for (const f of lazy) assert.ok(!new RegExp(`from"\\./${f.replace(/[.$]/g, "\\$&")}"`).test(src), `${f} is imported statically`);
});

test("the built page creates a secret in Chromium", async () => {
  const name = uniq("vite");
  const r = await pageResult(browser, `${site.url}/index.html?emu=${encodeURIComponent(emu.url)}&name=${name}`);
  assert.equal(r.failure, undefined, r.failure);
  assert.equal(r.created.name, name);
  assert.equal(r.authError, true);
  assert.equal(r.audited?.ageDays, 0, "the sync module loaded and audited");
});

test("every request this suite sent conforms to the official spec", () => assertSpecConformance(emu));

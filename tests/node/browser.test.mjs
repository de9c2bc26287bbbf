// The package in headless Chromium (Debian's), imported as a plain ES module
// from a statically served page: no bundler, no init call.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { startEmulator, serveStatic, launchChromium, uniq, sent, KEY, assertSpecConformance } from "./helpers.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
let emu, site, browser;
before(async () => {
  emu = await startEmulator({ keys: [KEY] });
  site = await serveStatic(root, { "/esm.html": { type: "text/html", body: await readFile(new URL("../browser/esm.html", import.meta.url)) } });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await emu?.close();
});

/** Opens tests/browser/esm.html from `base` in `page`, creating `name`; returns what the page reports. */
async function runEsmPage(page, base, name) {
  await page.goto(`${base}/esm.html?emu=${encodeURIComponent(emu.url)}&name=${name}`);
  await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 20000 });
  return page.evaluate(() => window.__result);
}

test("a <script type=module> page creates a secret and gets typed errors", async () => {
  const page = await browser.newPage();
  const name = uniq("esm");
  const r = await runEsmPage(page, site.url, name);
  assert.equal(r.failure, undefined, r.failure);
  assert.equal(r.created.name, name);
  assert.equal(r.created.preview_secret, "sk-…9876");
  assert.ok(!("secret" in r.created));
  assert.deepEqual(r.auth, { instance: true, name: "AuthenticationError", status: 401 });
  assert.deepEqual(r.validation, { instance: true, field: "baseURL" });
  const req = sent(emu, name)[0];
  assert.equal(req.headers.origin, site.url, "a real cross-origin browser fetch");
  await page.close();
});

test("a server that sends the .wasm with another MIME type gets one warning, and the page still works", async () => {
  // instantiateStreaming refuses such a response; the glue then falls back.
  const wasm = await readFile(new URL("../../pkg/braintrust_ai_secrets_bg.wasm", import.meta.url));
  const plain = await serveStatic(root, {
    "/esm.html": { type: "text/html", body: await readFile(new URL("../browser/esm.html", import.meta.url)) },
    "/pkg/braintrust_ai_secrets_bg.wasm": { type: "application/octet-stream", body: wasm },
  });
  const page = await browser.newPage();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  try {
    const name = uniq("mime");
    const r = await runEsmPage(page, plain.url, name);
    assert.equal(r.failure, undefined, r.failure);
    assert.equal(r.created.name, name);
    assert.equal(warnings.filter((w) => w.includes("`application/wasm` MIME type")).length, 1, warnings.join("\n"));
  } finally {
    await page.close();
    await plain.close();
  }
});

test("every request this suite sent conforms to the official spec", () => assertSpecConformance(emu));

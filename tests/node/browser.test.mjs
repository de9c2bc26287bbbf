// The package in headless Chromium (Debian's), imported as a plain ES module
// from a statically served page: no bundler, no init call.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { startEmulator, serveStatic, launchChromium, pageResult, uniq, sent, KEY, assertSpecConformance } from "./helpers.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
let emu, site, browser;
before(async () => {
  emu = await startEmulator({ keys: [KEY] });
  site = await serveStatic(root);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await emu?.close();
});

/** Opens tests/browser/<page> from the root site; returns what it reports. */
const runPage = (file, query = {}, base = site.url) => pageResult(browser, `${base}/tests/browser/${file}?${new URLSearchParams({ emu: emu.url, ...query })}`);

test("a <script type=module> page creates a secret and gets typed errors", async () => {
  const name = uniq("esm");
  const r = await runPage("esm.html", { name });
  assert.equal(r.failure, undefined, r.failure);
  assert.equal(r.created.name, name);
  assert.equal(r.created.preview_secret, "sk-…9876");
  assert.ok(!("secret" in r.created));
  assert.deepEqual(r.auth, { instance: true, name: "AuthenticationError", status: 401 });
  assert.deepEqual(r.validation, { instance: true, field: "baseURL" });
  const req = sent(emu, name)[0];
  assert.equal(req.headers.origin, site.url, "a real cross-origin browser fetch");
});

test("no top-level await: importing fetches nothing; concurrent first calls instantiate the wasm once; options are checked by the first call", async () => {
  const name = uniq("lazy");
  const r = await runPage("lazy.html", { name });
  assert.equal(r.failure, undefined, r.failure);
  assert.equal(r.instantiatedAtImport, 0, "nothing instantiated at import");
  assert.equal(r.early.instance, true);
  assert.equal(r.earlyName, "AWS_DEFAULT_CREDENTIALS", "canonicalName works before the module loads");
  assert.equal(r.instantiatedByName, 0, "canonicalName instantiates nothing");
  assert.match(r.early.message, /checkAiSecret needs the client's WebAssembly module, which is not loaded yet: `await ready\(\)` first/);
  assert.deepEqual(r.created, [`${name}-a`, `${name}-b`]);
  assert.deepEqual(r.refused, { instance: true, field: "baseURL" });
  assert.equal(r.instantiatedAfter, 1, "one instantiation for both first calls");
  assert.equal(r.wasmFetches, 0, "no .wasm fetched: it comes inside the package's JS");
  assert.equal(r.checkAfter, true);
});

test("a module service worker imports the package, creates a secret and audits (the sync module by `import \"braintrust-ai-secrets/sync\"`)", async () => {
  const name = uniq("sw");
  const r = await runPage("sw.html", { name });
  assert.equal(r.failure, undefined, r.failure);
  assert.deepEqual(r, { created: name, preview: "sk-…3579", typed: true, audit: "age 0" }, "the sync module, imported statically through braintrust-ai-secrets/sync");
});

test("dedicated and shared module workers import the package; a message posted at once is not lost", async () => {
  const name = uniq("worker");
  const r = await runPage("workers.html", { name });
  assert.equal(r.failure, undefined, r.failure);
  assert.deepEqual(r.dedicated, { created: `${name}-dedicated`, preview: "sk-…6420", typed: true });
  assert.deepEqual(r.shared, { created: `${name}-shared`, preview: "sk-…6420", typed: true });
});

test("a page whose policy forbids compiling wasm gets a BraintrustError saying what and how to fix it, for ready() and for a call", async () => {
  const policy = await serveStatic(root, {
    "/tests/browser/missing.html": {
      type: "text/html",
      body: await readFile(new URL("../browser/missing.html", import.meta.url)),
      headers: { "Content-Security-Policy": "script-src 'self' 'unsafe-inline'" },
    },
  });
  try {
    const r = await runPage("missing.html", {}, policy.url);
    for (const e of [r.ready, r.call]) {
      assert.equal(e.instance, true, JSON.stringify(e));
      assert.equal(e.name, "BraintrustError");
      assert.match(e.message, /^Could not load the client's WebAssembly module \(braintrust_ai_secrets_bg\.wasm, inlined in the package's wasm-inline\.js\) \(the page's Content-Security-Policy must allow 'wasm-unsafe-eval' in script-src\): CompileError: /);
    }
  } finally {
    await policy.close();
  }
});

test("in a page, a relative baseURL is resolved against its location (keyless proxy mode as the README shows)", async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${site.url}/tests/browser/esm.html?emu=${encodeURIComponent(emu.url)}&name=${uniq("rel")}`);
    await page.waitForFunction(() => window.__result !== undefined);
    const r = await page.evaluate(async () => {
      const m = await import("/pkg/index.js");
      const c = new m.BraintrustClient({ apiKey: null, baseURL: "/braintrust", credentials: "same-origin" });
      const e = await c.listAiSecrets().catch((x) => x);
      return { baseURL: c.baseURL, origin: location.origin, status: e.status, name: e.name };
    });
    assert.equal(r.baseURL, `${r.origin}/braintrust`);
    assert.deepEqual([r.name, r.status], ["NotFoundError", 404], "sent to this page's server");
  } finally {
    await page.close();
  }
});

test("every request this suite sent conforms to the official spec", () => assertSpecConformance(emu));

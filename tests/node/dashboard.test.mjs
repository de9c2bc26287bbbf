// The dashboard (www/) in headless Chromium, driven by Playwright against the
// emulator: the whole secret life cycle, error states, secret hygiene, the
// keyless proxy, keyboard use and a 375 px layout. Screenshots go to
// test-output/ (ignored by git).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startEmulator, launchChromium, KEY, assertSpecConformance } from "./helpers.mjs";
import { startDashboard } from "../../www/server.mjs";

const out = fileURLToPath(new URL("../../test-output/", import.meta.url));
const SECRET = "sk-E2E-SENTINEL-123456";
const ROTATED = "sk-E2E-ROTATED-SENTINEL-654321";
let emu, site, browser, page;
const bodies = [];

before(async () => {
  mkdirSync(out, { recursive: true });
  emu = await startEmulator({ keys: [KEY] });
  const user = emu.store.user(KEY);
  for (const [name, type] of [["openai-prod", "openai"], ["anthropic-prod", "anthropic"]]) {
    emu.store.create(emu.store.orgs[0], user, { name, type, secret: `sk-${type}-seed-${"x".repeat(16)}`, metadata: { env: "seed" } });
  }
  site = await startDashboard({ upstream: emu.url, proxyKey: KEY });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on("response", async (r) => {
    try {
      bodies.push(await r.text());
    } catch {}
  });
  await page.goto(`${site.url}/`);
  await page.waitForSelector("body[data-ready=true]");
});
after(async () => {
  await browser?.close();
  await site?.close();
  await emu?.close();
});

const apiCount = () => emu.apiRequests().length;
const stored = (name) => [...emu.store.secrets.values()].find((s) => s.name === name);
const rowOf = (name) => page.locator("#secrets-body tr", { hasText: name });

test("a wrong key shows the 401 message, in words", async () => {
  await page.getByLabel("API key", { exact: true }).fill("wrong-key");
  await page.getByRole("button", { name: "Connect" }).click();
  const err = page.locator("#connect-error");
  await err.waitFor({ state: "visible" });
  assert.equal(await err.innerText(), "The API key was rejected (401). (AuthenticationError)");
  await page.screenshot({ path: `${out}dashboard-error.png`, fullPage: true });
});

test("connect with the keyboard and list the secrets with their previews", async () => {
  await page.getByLabel("API key", { exact: true }).fill("");
  await page.getByLabel("API key", { exact: true }).focus();
  await page.keyboard.type(KEY);
  await page.keyboard.press("Enter");
  await rowOf("openai-prod").waitFor();
  assert.equal(await page.locator("#secrets-body tr").count(), 2);
  assert.equal(await rowOf("openai-prod").locator("td.preview").innerText(), "sk-…xxxx");
  assert.match(await page.locator("#conn-status").innerText(), /^Connected to http:\/\/127\.0\.0\.1/);
  await page.screenshot({ path: `${out}dashboard-list.png`, fullPage: true });
});

test("bad metadata JSON is caught before any request", async () => {
  const before = apiCount();
  await page.locator("#create").getByLabel("Name", { exact: true }).fill("never-sent");
  await page.locator("#create").getByLabel("Other metadata").fill("{bad json");
  await page.getByRole("button", { name: "Create" }).click();
  const err = page.locator("#c-metadata-error");
  await err.waitFor({ state: "visible" });
  assert.match(await err.innerText(), /^Metadata is not valid JSON/);
  assert.equal(await page.locator("#create").getByLabel("Other metadata").getAttribute("aria-invalid"), "true");
  await page.locator("#create").getByLabel("Other metadata").fill("[1, 2]");
  await page.getByRole("button", { name: "Create" }).click();
  assert.match(await err.innerText(), /must be a JSON object/);
  await page.locator("#create").getByLabel("Name", { exact: true }).fill("");
  await page.locator("#create").getByLabel("Other metadata").fill("");
  await page.getByRole("button", { name: "Create" }).click();
  assert.equal(await page.locator("#c-name-error").innerText(), "Name is required.");
  assert.equal(apiCount(), before, "nothing was sent");
});

test("create: the new secret is listed with its preview and its value is gone from the page", async () => {
  await page.locator("#create").getByLabel("Name", { exact: true }).fill("openai-e2e");
  await page.locator("#create").getByLabel("Type", { exact: true }).fill("openai");
  await page.locator("#create").getByLabel("Secret value").fill(SECRET);
  await page.getByRole("button", { name: "Show" }).first().click();
  assert.equal(await page.locator("#create").getByLabel("Secret value").getAttribute("type"), "text");
  await page.getByRole("button", { name: "Hide" }).click();
  await page.locator("#create").getByLabel("Other metadata").fill('{"team": "ml"}');
  await page.screenshot({ path: `${out}dashboard-create.png`, fullPage: true });
  await page.getByRole("button", { name: "Create" }).click();
  await page.locator("#create-notice", { hasText: "Saved openai-e2e" }).waitFor();
  await rowOf("openai-e2e").waitFor();
  assert.equal(await rowOf("openai-e2e").locator("td.preview").innerText(), "sk-…3456");
  assert.equal(stored("openai-e2e").secret, SECRET);
  assert.deepEqual(stored("openai-e2e").metadata, { team: "ml" });
  await assertNoSecretInPage(SECRET);
});

test("a Bedrock secret through the form: aws_access_key_id gets the suggestion and nothing is sent; fixed, created", async () => {
  const create = page.locator("#create");
  const before = apiCount();
  assert.equal(await page.locator("#providers option").count(), 23, "the 23 types, from the table");
  assert.equal(await page.locator('#providers option[value="xAI"]').count(), 1, "xAI, exact casing");
  await create.getByLabel("Name", { exact: true }).fill("aws-e2e");
  await create.getByLabel("Type", { exact: true }).fill("bedrock");
  // The form draws Bedrock's fields, region marked required, with help.
  await create.locator("#pf-region").waitFor();
  assert.match(await create.locator('[data-field="metadata.region"] label').innerText(), /region \(required\)/);
  assert.equal(await create.locator("#pf-auth_type option").count(), 4, "an enum is a select (default + 3)");
  await create.getByLabel("Secret value").fill(SECRET);
  await create.getByLabel("Other metadata").fill('{"aws_access_key_id": "AKIAE2E"}');
  await page.getByRole("button", { name: "Create" }).click();
  const regionError = create.locator("#pf-region-error");
  await regionError.waitFor({ state: "visible" });
  assert.match(await regionError.innerText(), /is required for bedrock/);
  assert.match(await page.locator("#create-error").innerText(), /metadata\.aws_access_key_id: is not a bedrock field: did you mean access_key/);
  assert.equal(apiCount(), before, "nothing sent");
  await page.screenshot({ path: `${out}dashboard-provider-error.png`, fullPage: true });
  // Fixing a field clears its error at once.
  await create.locator("#pf-region").fill("us-east-1");
  assert.equal(await regionError.isVisible(), false, "the error goes when the field is fixed");
  await create.locator("#pf-access_key").fill("AKIAE2E");
  await create.getByLabel("Other metadata").fill("");
  await create.getByLabel("Secret value").fill(SECRET);
  await page.getByRole("button", { name: "Create" }).click();
  await page.locator("#create-notice", { hasText: "Saved aws-e2e" }).waitFor();
  assert.deepEqual(stored("aws-e2e").metadata, { region: "us-east-1", access_key: "AKIAE2E" });
  // Azure with Entra auth: the secret becomes a JSON object editor.
  await create.getByLabel("Type", { exact: true }).fill("azure");
  await create.locator("#pf-auth_type").selectOption("entra_api");
  await create.locator("#cs-client_id").waitFor();
  assert.equal(await create.locator("#c-secret-field").isHidden(), true);
  await create.getByLabel("Type", { exact: true }).fill("");
  assert.equal(await create.locator("#c-secret-field").isHidden(), false, "back to a plain secret");
});

test("edit draws the type's fields filled from the stored metadata; a provider problem shows under its field", async () => {
  await page.getByRole("button", { name: "Edit aws-e2e" }).click();
  const dialog = page.locator("#edit-dialog");
  assert.equal(await dialog.locator("#ef-region").inputValue(), "us-east-1");
  assert.equal(await dialog.locator("#ef-access_key").inputValue(), "AKIAE2E");
  assert.equal(await dialog.getByLabel("Other metadata (JSON object; keys are merged)").inputValue(), "", "drawn keys are not repeated");
  const before = apiCount();
  await dialog.locator("#ef-api_base").fill("not a url");
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.locator("#ef-api_base-error").waitFor({ state: "visible" });
  assert.match(await dialog.locator("#ef-api_base-error").innerText(), /absolute URL/);
  assert.equal(apiCount(), before, "nothing sent");
  await dialog.locator("#ef-api_base").fill("https://bedrock.example/v1");
  await dialog.getByRole("button", { name: "Save" }).click();
  await page.locator("#list-notice", { hasText: "Updated aws-e2e" }).waitFor();
  assert.equal(stored("aws-e2e").metadata.api_base, "https://bedrock.example/v1");
});

test("the list marks a stored secret the proxy could not use", async () => {
  const user = emu.store.user(KEY);
  emu.store.create(emu.store.orgs[0], user, { name: "broken-bedrock", type: "bedrock", secret: "x", metadata: { aws_access_key_id: "A" } });
  await page.getByRole("button", { name: "Refresh" }).click();
  await rowOf("broken-bedrock").waitFor();
  assert.equal(await rowOf("broken-bedrock").locator(".badge").innerText(), "won't work in the proxy");
  assert.equal(await rowOf("openai-prod").locator(".badge").count(), 0);
});

test("the list shows each secret's age, a stale badge past 180 days, and sorts by age", async () => {
  stored("anthropic-prod").secret_updated_at = new Date(Date.now() - 200 * 86_400_000).toISOString();
  await page.getByRole("button", { name: "Refresh" }).click();
  await rowOf("anthropic-prod").locator(".badge.stale").waitFor();
  assert.equal(await rowOf("anthropic-prod").locator("td.age").innerText(), "200 days stale");
  assert.equal(await rowOf("openai-prod").locator("td.age").innerText(), "0 days");
  assert.equal(await rowOf("openai-prod").locator(".badge.stale").count(), 0);
  const firstRow = () => page.locator("#secrets-body tr").first().locator("td").first().innerText();
  assert.notEqual(await firstRow(), "anthropic-prod", "newest first, as listed");
  await page.getByRole("button", { name: "Age" }).click();
  assert.equal(await firstRow(), "anthropic-prod", "oldest value first");
  await page.getByRole("button", { name: "Age" }).click();
});

test("rotate replaces the stored value; the new value never stays in the page", async () => {
  await page.getByRole("button", { name: "Rotate openai-e2e" }).click();
  await page.getByLabel("New secret value").fill(ROTATED);
  await page.getByRole("button", { name: "Rotate", exact: true }).click();
  // The package's rotateAiSecret: both previews, and the value's new age.
  const notice = await page.locator("#list-notice", { hasText: "Rotated openai-e2e" }).innerText();
  assert.match(notice, /^Rotated openai-e2e: sk-…\w{4} → sk-…4321; its value is now 0 days old \(was 0 days\)\.$/);
  assert.equal(stored("openai-e2e").secret, ROTATED);
  assert.equal(await rowOf("openai-e2e").locator("td.preview").innerText(), "sk-…4321");
  await assertNoSecretInPage(ROTATED);
});

test("edit metadata (patch)", async () => {
  await page.getByRole("button", { name: "Edit openai-e2e" }).click();
  const meta = page.getByLabel("Other metadata (JSON object; keys are merged)");
  assert.deepEqual(JSON.parse(await meta.inputValue()), { team: "ml" });
  await meta.fill('{"team": "ml", "env": "prod"}');
  await page.getByRole("button", { name: "Save" }).click();
  await page.locator("#list-notice", { hasText: "Updated openai-e2e" }).waitFor();
  assert.deepEqual(stored("openai-e2e").metadata, { team: "ml", env: "prod" });
});

test("a scripted 429 shows the retry notice, then the result", async () => {
  emu.script.push({ match: { method: "POST" }, status: 429, headers: { "Retry-After": "2" }, body: "slow down" });
  await page.locator("#create").getByLabel("Name", { exact: true }).fill("rate-limited");
  await page.getByRole("button", { name: "Create" }).click();
  await page.locator("#create-notice", { hasText: "Rate limited, retrying in 2 s…" }).waitFor({ timeout: 5000 });
  await page.locator("#create-notice", { hasText: "Saved rate-limited" }).waitFor({ timeout: 10000 });
  assert.ok(stored("rate-limited"));
});

test("delete asks for confirmation, then removes the secret", async () => {
  await page.getByRole("button", { name: "Delete openai-e2e" }).click();
  assert.equal(await page.locator("#delete-dialog").isVisible(), true);
  await page.getByRole("button", { name: "Cancel" }).last().click();
  assert.ok(stored("openai-e2e"), "cancel keeps it");
  await page.getByRole("button", { name: "Delete openai-e2e" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.locator("#list-notice", { hasText: "Deleted openai-e2e" }).waitFor();
  assert.equal(stored("openai-e2e"), undefined);
  assert.equal(await rowOf("openai-e2e").count(), 0);
});

test("filter by type, and load more through the async iterator", async () => {
  const user = emu.store.user(KEY);
  for (let i = 0; i < 25; i++) emu.store.create(emu.store.orgs[0], user, { name: `bulk-${i}`, type: "groq" });
  await page.locator("#list").getByLabel("Type", { exact: true }).fill("groq");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.locator("#load-more").waitFor({ state: "visible" });
  assert.equal(await page.locator("#secrets-body tr").count(), 20);
  await page.getByRole("button", { name: "Load more" }).click();
  await page.locator("#secrets-body tr").nth(24).waitFor();
  assert.equal(await page.locator("#secrets-body tr").count(), 25);
  await page.locator("#list").getByLabel("Type", { exact: true }).fill("nothing-here");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.locator("#empty").waitFor({ state: "visible" });
  await page.locator("#list").getByLabel("Type", { exact: true }).fill("");
  await page.getByRole("button", { name: "Filter" }).click();
});

test("readable at 375 px: no horizontal scrolling", async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(100);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `page is ${width} px wide`);
  await page.screenshot({ path: `${out}dashboard-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
});

test("keyless proxy: no key in the page, the backend adds it", async () => {
  const p = await browser.newPage();
  await p.goto(`${site.url}/`);
  await p.waitForSelector("body[data-ready=true]");
  await p.getByLabel("Keyless proxy (same-origin backend with cookies)").check();
  assert.equal(await p.getByLabel("API key", { exact: true }).isVisible(), false);
  assert.equal(await p.getByLabel("Base URL").inputValue(), `${site.url}/proxy`);
  await p.getByRole("button", { name: "Connect" }).click();
  await p.locator("#secrets-body tr").first().waitFor();
  assert.match(await p.locator("#conn-status").innerText(), /keyless proxy/);
  const last = emu.apiRequests().at(-1);
  assert.equal(last.headers.authorization, `Bearer ${KEY}`, "added by the proxy");
  await p.close();
});

test("remember for this tab uses sessionStorage only, never localStorage or the URL", async () => {
  const p = await browser.newPage();
  await p.goto(`${site.url}/`);
  await p.waitForSelector("body[data-ready=true]");
  await p.getByLabel("API key", { exact: true }).fill(KEY);
  await p.getByLabel("Keep for this tab (sessionStorage, cleared when the tab closes)").check();
  await p.getByRole("button", { name: "Connect" }).click();
  await p.locator("#secrets-body tr").first().waitFor();
  await p.reload();
  await p.locator("#secrets-body tr").first().waitFor();
  assert.equal(await p.evaluate(() => localStorage.length), 0);
  assert.ok(!p.url().includes(KEY));
  await p.getByRole("button", { name: "Disconnect" }).click();
  assert.equal(await p.evaluate(() => sessionStorage.length), 0);
  await p.close();
});

async function assertNoSecretInPage(secret) {
  const html = await page.content();
  assert.ok(!html.includes(secret), "not in the DOM");
  const values = await page.evaluate(() => [...document.querySelectorAll("input, textarea")].map((e) => e.value).join("\n"));
  assert.ok(!values.includes(secret), "not in any field");
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.ok(!storage.includes(secret), "not in storage");
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.ok(!bodies.some((b) => b.includes(secret)), "not in any response the page received");
}

test("demo mode fills in the emulator's demo key; once connected, the Connect card folds to its status", async () => {
  const demo = await startDashboard({ upstream: emu.url, proxyKey: KEY, demoKey: KEY });
  const p = await browser.newPage();
  try {
    await p.goto(`${demo.url}/`);
    await p.waitForSelector("body[data-ready=true]");
    assert.equal(await p.getByLabel("API key", { exact: true }).inputValue(), KEY);
    await p.getByRole("button", { name: "Connect" }).click();
    await p.locator("#secrets-body tr").first().waitFor();
    assert.equal(await p.locator("#connect fieldset").isVisible(), false, "folded");
    assert.equal(await p.getByRole("button", { name: "Disconnect" }).isVisible(), true);
    await p.getByRole("button", { name: "Disconnect" }).click();
    assert.equal(await p.locator("#connect fieldset").isVisible(), true, "unfolded");
  } finally {
    await p.close();
    await demo.close();
  }
});

test("every request this suite sent conforms to the official spec", () => assertSpecConformance(emu));

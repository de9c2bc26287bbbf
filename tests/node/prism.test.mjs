// The client through Prism (`prism proxy --errors`), which validates every
// request and response against the official spec. Prism validates nothing on
// ai_secret with the spec as shipped, because of type-less {"nullable": true}
// schemas, so a temporary copy has each replaced by {} first.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as m from "braintrust-ai-secrets";
import { SPEC_PATH } from "../emulator/spec-check.mjs";
import { startEmulator, startPrism, KEY } from "./helpers.mjs";

const skip = existsSync(SPEC_PATH) ? false : `official spec not found at ${SPEC_PATH}`;

/** The ai_secret paths of the spec, with every {"nullable": true} made {}. */
function preparedSpec() {
  const spec = JSON.parse(readFileSync(SPEC_PATH, "utf8"));
  spec.paths = Object.fromEntries(Object.entries(spec.paths).filter(([p]) => p.startsWith("/v1/ai_secret")));
  let replaced = 0;
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object") {
      const keys = Object.keys(node);
      if (keys.length === 1 && node.nullable === true) {
        replaced++;
        return {};
      }
      return Object.fromEntries(keys.map((k) => [k, walk(node[k])]));
    }
    return node;
  };
  return { spec: walk(spec), replaced };
}

let emu, prism, prismUrl, specDir, prepared;
before(async () => {
  if (skip) return;
  emu = await startEmulator({ keys: [KEY] });
  specDir = mkdtempSync(join(tmpdir(), "bt-prism-"));
  const file = join(specDir, "ai_secret.openapi.json");
  prepared = preparedSpec();
  writeFileSync(file, JSON.stringify(prepared.spec));
  prism = await startPrism(["proxy", file, emu.url, "--errors"]);
  prismUrl = prism.url;
});
after(async () => {
  await prism?.stop();
  await emu?.close();
  if (specDir) rmSync(specDir, { recursive: true, force: true });
});

test("the prepared spec replaces the type-less nullable schemas", { skip }, () => {
  assert.ok(prepared.replaced > 0, "the shipped spec has {nullable: true} schemas");
});

test("Prism rejects a request that breaks the spec (it really validates)", { skip }, async () => {
  const r = await fetch(`${prismUrl}/v1/ai_secret`, { method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body: JSON.stringify({ name: 5 }) });
  assert.equal(r.status, 422, await r.text());
});

test("Prism rejects a response that breaks the spec", { skip }, async () => {
  emu.script.push({ status: 200, body: { id: "not-a-uuid", org_id: 5, name: "n" } });
  const c = new m.BraintrustClient({ apiKey: KEY, baseURL: prismUrl, maxRetries: 0 });
  const e = await c.createAiSecret({ name: "bad-response" }).catch((x) => x);
  assert.ok(e instanceof m.APIError && e.status >= 500, `${e}`);
});

test("every operation of the client passes Prism's request and response validation", { skip }, async () => {
  const c = new m.BraintrustClient({ apiKey: KEY, baseURL: prismUrl, maxRetries: 0 });
  await new Promise((r) => setTimeout(r, 500)); // let the last test's log lines arrive
  const from = prism.output().length;
  const sentBefore = emu.apiRequests().length;
  const made = await c.createAiSecret({ name: "prism-1", type: "openai", secret: "sk-prism-value-000001", metadata: { a: 1 } });
  assert.equal(made.name, "prism-1");
  assert.equal((await c.createAiSecret({ name: "prism-1" })).id, made.id);
  await c.replaceAiSecret({ name: "prism-1", type: "anthropic", secret: null });
  await c.replaceAiSecret({ name: "prism-2", org_name: null });
  assert.equal((await c.getAiSecret(made.id)).type, "anthropic");
  await c.updateAiSecret(made.id, { metadata: { b: 2 }, secret: "sk-prism-value-000002" });
  await c.updateAiSecret(made.id, { type: null });
  const page = await c.listAiSecrets({ limit: 1, ids: [made.id], ai_secret_type: ["anthropic", "openai"], ai_secret_name: "prism-1" });
  assert.equal(page.objects.length, 0, "type was set to null");
  const all = [];
  for await (const s of c.iterAiSecrets({ limit: 1 })) all.push(s.name);
  assert.deepEqual(all.sort(), ["prism-1", "prism-2"]);
  const back = await c.listAiSecrets({ limit: 1, ending_before: made.id });
  assert.ok(Array.isArray(back.objects));
  assert.equal((await c.deleteAiSecret(made.id)).id, made.id);
  assert.equal((await c.deleteAiSecretByName({ name: "prism-2" })).name, "prism-2");
  const seen = prism.output().slice(from);
  assert.doesNotMatch(seen, /violation|✖/i, seen);
  assert.equal(emu.apiRequests().length - sentBefore, 14, "every call reached the emulator through Prism");
});

// What is sent is what was given (#29): the body the emulator receives parses
// back to exactly the caller's input, for generated odd strings and objects
// and for the sizes that once came out changed, through the wasm in Node.
// crates/core/src/proptests.rs checks the same natively.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as m from "braintrust-ai-secrets";
import { startEmulator, KEY } from "./helpers.mjs";

let emu, client;
before(async () => {
  // Spec conformance is checked by the other suites; here its walk of
  // megabyte bodies would only cost time.
  emu = await startEmulator({ keys: [KEY], spec: { check: () => [], available: true } });
  client = new m.BraintrustClient({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 });
});
after(() => emu.close());

/** mulberry32: a seeded generator, so a failure replays. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

// Code points that break naive encoders: NUL and controls, DEL, NBSP, soft
// hyphen, the JSON-hostile separators, BOM, U+FFFD/U+FFFF, the last code
// point, an emoji, a combining mark, quote, backslash, slash, `<`.
const SPECIAL = [0x0, 0x1, 0x1f, 0x7f, 0xa0, 0xad, 0x2028, 0x2029, 0xfeff, 0xfffd, 0xffff, 0x10ffff, 0x1f600, 0x301, 0x22, 0x5c, 0x2f, 0x3c];

function codePoint(r) {
  switch (r.int(4)) {
    case 0: return r.pick(SPECIAL);
    case 1: return 0x20 + r.int(0x5f);
    case 2: { const c = r.int(0xd800); return c; }
    default: return 0x10000 + r.int(0x100000);
  }
}

/** Runs of odd code points, some long. */
function oddString(r, runs = 6) {
  let s = "";
  for (let i = r.int(runs + 1); i > 0; i--) s += String.fromCodePoint(codePoint(r)).repeat(1 + (r.next() < 0.2 ? r.int(5000) : r.int(4)));
  return s;
}

function oddNumber(r) {
  const view = new DataView(new ArrayBuffer(8));
  for (;;) {
    view.setUint32(0, r.int(2 ** 32));
    view.setUint32(4, r.int(2 ** 32));
    const n = r.pick([view.getFloat64(0), r.int(2 ** 31) - 2 ** 30, 2 ** 53 + r.int(9), -0, 5e-324, 1.7976931348623157e308]);
    if (Number.isFinite(n)) return n;
  }
}

function oddValue(r, depth) {
  const k = r.int(depth > 0 ? 7 : 4);
  if (k === 0) return null;
  if (k === 1) return r.next() < 0.5;
  if (k === 2) return oddNumber(r);
  if (k === 3) return oddString(r);
  if (k === 4) return Array.from({ length: r.int(5) }, () => oddValue(r, depth - 1));
  return oddObject(r, depth - 1);
}

function oddObject(r, depth) {
  const o = {};
  for (let i = r.int(6); i > 0; i--) o[r.next() < 0.1 ? "__proto__" : oddString(r, 2)] = oddValue(r, depth);
  return JSON.parse(JSON.stringify(o)); // "__proto__" as an own key, as JSON makes it
}

/** The one body a call sent, parsed. */
async function sentBody(call) {
  const seen = emu.apiRequests().length;
  const error = await call().then(() => undefined, (e) => e);
  const sent = emu.apiRequests().slice(seen);
  assert.equal(sent.length, 1, `one request (${error?.name}: ${error?.message})`);
  return JSON.parse(sent[0].body);
}
const asJson = (x) => JSON.parse(JSON.stringify(x));

test("generated odd strings, numbers and objects are sent exactly, by create, replace and update", async () => {
  const r = rng(29);
  for (let i = 0; i < 120; i++) {
    const params = { name: oddString(r) || "n", type: r.next() < 0.5 ? null : oddString(r, 2), secret: oddString(r), metadata: oddObject(r, 3) };
    assert.deepEqual(await sentBody(() => client.createAiSecret(params)), asJson(params), `create #${i}`);
    assert.deepEqual(await sentBody(() => client.replaceAiSecret(params)), asJson(params), `replace #${i}`);
    const patch = { metadata: oddObject(r, 2), secret: r.next() < 0.3 ? null : oddString(r) };
    assert.deepEqual(await sentBody(() => client.updateAiSecret("00000000-0000-4000-8000-000000000000", patch)), asJson(patch), `update #${i}`);
  }
});

test("the sizes that came out changed before: 2 MiB + 1 secret, 3,000,001-character name, 4 MB and 1,000,000-key metadata", async () => {
  // n characters (code points): é, an astral emoji, x, repeated.
  const big = (n) => "é😀x".repeat(Math.floor(n / 3)) + ["", "é", "é😀"][n % 3];
  const wide = {};
  for (let i = 0; i < 1_000_000; i++) wide[`k${i}`] = i;
  for (const params of [
    { name: "n", secret: big(2 * 1024 * 1024 + 1) },
    { name: big(3_000_001) },
    { name: "n", metadata: { blob: big(4_000_000), list: Array(1000).fill(big(10)) } },
    { name: "n", metadata: wide },
  ]) {
    // A small answer: the emulator need not store and echo megabytes.
    await fetch(`${emu.url}/_emulator/script`, { method: "POST", body: JSON.stringify({ responses: [{ status: 400, body: { error: "enough" } }] }) });
    const body = await sentBody(() => client.createAiSecret(params));
    // Field by field as JSON text: exact, metadata's key order included,
    // and quicker than a deep comparison of a million keys.
    assert.deepEqual(Object.keys(body).sort(), Object.keys(params).sort());
    for (const k of Object.keys(params)) assert.ok(JSON.stringify(body[k]) === JSON.stringify(params[k]), `${k} arrived exactly`);
  }
});

// The CLI end to end: `braintrust-ai-secrets` run as a real process (the
// package's `bin`) against the emulator over HTTP. Values travel by
// environment, file and stdin only; sentinels prove none reaches stdout,
// stderr or the process's argv.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator, KEY } from "./helpers.mjs";

const CLI = fileURLToPath(new URL("../../pkg/cli/main.mjs", import.meta.url));
const SENTINEL = "sk-CLI-SENTINEL-";
const value = (name, round) => `${SENTINEL}${name}-${round}-tail${round}`;
const dir = mkdtempSync(join(tmpdir(), "bt-cli-"));
let emu;
before(async () => { emu = await startEmulator({ keys: [KEY], orgs: ["acme"] }); });
after(() => emu.close());

/** Runs the CLI: `{ code, stdout, stderr, argv }`; `onStart(child)` sees it run. */
function cli(args, { env = {}, input, onStart } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, BRAINTRUST_API_KEY: KEY, BRAINTRUST_BASE_URL: emu.url, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.stdin.end(input ?? "");
    onStart?.(child);
    child.on("close", (code, signal) => {
      for (const text of [stdout, stderr, child.spawnargs.join(" ")]) assert.ok(!text.includes(SENTINEL), `a value leaked:\n${text}`);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const stored = () => [...emu.store.secrets.values()];
const byName = (n) => stored().filter((r) => r.name === n);
const posts = () => emu.apiRequests().filter((r) => r.method === "POST").length;
const writes = () => emu.apiRequests().filter((r) => r.method !== "GET").length;

/** A manifest of `n` secrets `s0…`: values from the environment (round `round`). */
function manifest(n, { round = 1, team = "ml", skip = [] } = {}) {
  const env = {};
  const lines = ["secrets:"];
  for (let i = 0; i < n; i++) {
    if (skip.includes(i)) continue;
    const name = `s${i}`;
    env[`V_${i}`] = value(name, i % 5 === 0 ? round : 1);
    lines.push(`  - name: ${name}`, "    type: openai", `    metadata: { team: ${i % 7 === 0 ? team : "ml"} }`, `    value: env:V_${i}`);
  }
  const file = join(dir, `m-${n}-${round}-${team}-${skip.length}.yaml`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return { file, env };
}

test("cli: plan changes nothing; apply of 50 creates them; a second apply finds nothing to do", async () => {
  const { file, env } = manifest(50);
  const plan = await cli(["plan", "-f", file], { env });
  assert.equal(plan.code, 0, plan.stderr);
  assert.match(plan.stdout, /Plan: 50 to create, 0 to update, 0 to rotate, 0 to delete, 0 unchanged\./);
  assert.equal(stored().length, 0, "plan writes nothing");
  const before = emu.apiRequests().length;
  const applied = await cli(["apply", "-f", file], { env });
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stdout, /Applied: 50 created, 0 updated, 0 rotated, 0 deleted, 0 failed \(51 requests/);
  assert.equal(emu.apiRequests().length - before, 51, "one list and one write per secret");
  assert.equal(stored().length, 50);
  assert.equal(byName("s3")[0].secret, value("s3", 1));
  const again = await cli(["apply", "-f", file], { env });
  assert.match(again.stdout, /Applied: 0 created, 0 updated, 0 rotated, 0 deleted, 0 failed \(1 request,/);
  assert.match((await cli(["plan", "-f", file], { env })).stdout, /No changes: 50 secrets already as the manifest says\./);
});

test("cli: plan shows update, rotate and prune; apply does exactly that", async () => {
  // s0, s7, … change team; s0, s5, … get new values; s49 is dropped.
  const { file, env } = manifest(50, { round: 2, team: "ops", skip: [49] });
  const plan = await cli(["plan", "-f", file, "--prune"], { env });
  assert.equal(plan.code, 0, plan.stderr);
  assert.match(plan.stdout, /^~ update s7: ~metadata\.team$/m);
  assert.match(plan.stdout, /^~ update s0: ~metadata\.team; ↻ rotate \(the value differs from the stored preview\)$/m);
  assert.match(plan.stdout, /^↻ rotate s5 \(the value differs from the stored preview\)$/m);
  assert.match(plan.stdout, /^- delete s49$/m);
  assert.match(plan.stdout, /Plan: 0 to create, 7 to update, 10 to rotate, 1 to delete, 34 unchanged\./);
  const applied = await cli(["apply", "-f", file, "--prune"], { env });
  assert.match(applied.stdout, /Applied: 0 created, 7 updated, 10 rotated, 1 deleted, 0 failed \(17 requests/);
  assert.equal(byName("s49").length, 0);
  assert.deepEqual(byName("s7")[0].metadata, { team: "ops" });
  assert.equal(byName("s5")[0].secret, value("s5", 2));
  assert.equal(byName("s0")[0].secret, value("s0", 2));
  assert.equal(byName("s1")[0].secret, value("s1", 1), "unchanged values are not rewritten");
  assert.match((await cli(["plan", "-f", file, "--prune"], { env })).stdout, /No changes/);
});

test("cli: an apply killed half-way, rerun, finishes with nothing lost or doubled", async () => {
  const { file, env } = manifest(80, { round: 3 });
  const planned = JSON.parse((await cli(["plan", "-f", file, "--json"], { env })).stdout).actions;
  const creates = planned.filter((a) => a.op === "create").length;
  assert.ok(creates === 31 && planned.length > creates, "creates, updates and rotations");
  await fetch(`${emu.url}/_emulator/config`, { method: "POST", body: JSON.stringify({ latencyMs: 40 }) });
  const postsBefore = posts();
  const writesBefore = writes();
  const killed = await cli(["apply", "-f", file, "--concurrency", "2"], {
    env,
    onStart: (child) => {
      const poll = setInterval(() => {
        if (stored().length >= 60) {
          clearInterval(poll);
          // argv of the running process: no value in it.
          try { assert.ok(!readFileSync(`/proc/${child.pid}/cmdline`, "utf8").includes(SENTINEL)); } catch (e) { if (e.code !== "ENOENT") throw e; }
          child.kill("SIGKILL");
        }
      }, 5);
    },
  });
  await fetch(`${emu.url}/_emulator/config`, { method: "POST", body: JSON.stringify({ latencyMs: 0 }) });
  assert.equal(killed.signal, "SIGKILL");
  const half = stored().length;
  assert.ok(half >= 60 && half < 80, `killed at ${half}`);
  const rerun = await cli(["apply", "-f", file], { env });
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.equal(stored().length, 80);
  for (let i = 0; i < 80; i++) assert.equal(byName(`s${i}`).length, 1, `s${i} once`);
  // Each write was sent once in all: the rerun sent only what was missing.
  assert.equal(posts() - postsBefore, creates, "each new secret POSTed once");
  assert.equal(writes() - writesBefore, planned.length, "every planned write exactly once");
  assert.match((await cli(["plan", "-f", file], { env })).stdout, /No changes/);
});

test("cli: a 429 storm during apply: every write lands, all pausing together", async () => {
  const { file, env } = manifest(90, { round: 4 });
  for (let i = 0; i < 12; i++) emu.script.push({ match: { method: "POST" }, status: 429, headers: { "Retry-After": "0.05" }, body: "slow down" });
  const applied = await cli(["apply", "-f", file, "--concurrency", "4", "--json"], { env });
  assert.equal(applied.code, 0, applied.stderr);
  const result = JSON.parse(applied.stdout);
  assert.equal(result.failed.length, 0);
  assert.equal(result.done.filter((d) => d.op === "create").length, 10);
  assert.equal(result.requests, 1 + result.done.length + 12, "each 429 cost one request, nothing more");
  assert.equal(emu.script.length, 0);
  assert.equal(stored().length, 90);
});

test("cli: a saved plan is applied as planned, resumes, and is refused once the org changed", async () => {
  const { file, env } = manifest(93, { round: 4 });
  const planFile = join(dir, "plan.json");
  const plan = await cli(["plan", "-f", file, "-o", planFile], { env });
  assert.match(plan.stdout, /Plan: 3 to create/);
  const saved = JSON.parse(readFileSync(planFile, "utf8"));
  assert.ok(!JSON.stringify(saved).includes(SENTINEL), "no value in a saved plan");
  const applied = await cli(["apply", "--plan", planFile], { env });
  assert.match(applied.stdout, /Applied: 3 created/);
  assert.deepEqual(JSON.parse(readFileSync(planFile, "utf8")).done.sort(), [0, 1, 2]);
  assert.match((await cli(["apply", "--plan", planFile], { env })).stdout, /Applied: 0 created/, "a rerun continues: nothing left");
  // Planned, then changed by someone else: refused, nothing written.
  const { file: f2, env: env2 } = manifest(94, { round: 4 });
  await cli(["plan", "-f", f2, "-o", planFile], { env: env2 });
  const other = byName("s90")[0];
  emu.store.patch(other, emu.store.user(KEY), { metadata: { by: "someone else" } });
  const refused = await cli(["apply", "--plan", planFile], { env: env2 });
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /the org changed since the plan was made/);
  assert.equal(byName("s93").length, 0);
});

test("cli: the manifest's problems are all reported with their lines, before anything is sent", async () => {
  const file = join(dir, "bad.yaml");
  writeFileSync(file, ["secrets:", "  - name: aws", "    type: bedrock", "    metadata:", "      aws_access_key_id: AKIA", "  - name: x", `    secret: ${SENTINEL}inline`, "    value: nope"].join("\n"));
  const before = emu.apiRequests().length;
  const r = await cli(["plan", "-f", file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\.yaml:5: secrets\[0\]\.metadata\.aws_access_key_id: is not a bedrock field: did you mean access_key/);
  assert.match(r.stderr, /bad\.yaml:4: secrets\[0\]\.metadata\.region: is required for bedrock/);
  assert.match(r.stderr, /bad\.yaml:7: secrets\[1\]\.secret: is not a secret's key/);
  assert.match(r.stderr, /bad\.yaml:8: secrets\[1\]\.value: must be env:NAME, file:PATH or stdin/);
  assert.equal(emu.apiRequests().length, before);
});

test("cli: a JSON manifest works as a YAML one, its problems with their lines too", async () => {
  const file = join(dir, "m.json");
  writeFileSync(file, JSON.stringify({ secrets: [{ name: "s3", type: "openai", metadata: { team: "ml" }, value: "env:V" }, { name: "j", type: "xai" }] }, null, 2));
  const bad = await cli(["plan", "-f", file], { env: { V: value("s3", 1) } });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /m\.json:13: secrets\[1\]\.type: .*did you mean "xAI"/);
  writeFileSync(file, JSON.stringify({ secrets: [{ name: "s3", type: "openai", metadata: { team: "ml" }, value: "env:V" }] }));
  const good = await cli(["plan", "-f", file], { env: { V: value("s3", 1) } });
  assert.equal(good.code, 0, good.stderr);
  assert.match(good.stdout, /No changes: 1 secret already as the manifest says\./);
  assert.match(good.stdout, /^  note: s\d+, s\d+, s\d+, s\d+, s\d+ and \d+ more is not in the manifest: kept \(prune deletes it\)$/m, "one note for the unmanaged ones");
});

test("cli: rotate from stdin shows both previews; set-metadata replaces; get, list, export; delete asks for --yes", async () => {
  const r = await cli(["rotate", "s1"], { input: `${SENTINEL}rotated-9999\n` });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /rotated s1 \(/);
  assert.match(r.stdout, /before\s+sk-…ail1/);
  assert.match(r.stdout, /after\s+sk-…9999/);
  assert.equal(byName("s1")[0].secret, `${SENTINEL}rotated-9999`);
  const m = await cli(["set-metadata", "s1", "--metadata", '{"team":"new"}']);
  assert.equal(m.code, 0, m.stderr);
  assert.deepEqual(byName("s1")[0].metadata, { team: "new" }, "the old keys are gone");
  assert.equal(byName("s1")[0].secret, `${SENTINEL}rotated-9999`, "the value is kept");
  const got = JSON.parse((await cli(["get", "s1", "--json"])).stdout);
  assert.equal(got.name, "s1");
  const listed = JSON.parse((await cli(["list", "--json", "--name", "s9"])).stdout);
  assert.ok(listed.length >= 1 && listed.every((s) => s.name.includes("s9")));
  const exported = await cli(["export"]);
  assert.match(exported.stdout, /- name: s1\n {4}type: openai\n {4}metadata:\n {6}team: new/);
  const refused = await cli(["delete", "s2"]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /--yes/);
  assert.equal(byName("s2").length, 1);
  assert.equal((await cli(["delete", "s2", "--yes"])).code, 0);
  assert.equal(byName("s2").length, 0);
  const created = await cli(["create", "fresh", "--type", "anthropic", "--value-from", "env:FRESH"], { env: { FRESH: `${SENTINEL}fresh-0000` } });
  assert.match(created.stdout, /created fresh .*preview sk-…0000/);
  const again = await cli(["create", "fresh", "--type", "anthropic", "--value-from", "env:FRESH"], { env: { FRESH: `${SENTINEL}fresh-1111` } });
  assert.equal(again.code, 2);
  assert.match(again.stderr, /fresh exists already \([0-9a-f-]{36}\): use rotate/);
  assert.equal(byName("fresh")[0].secret, `${SENTINEL}fresh-0000`, "unchanged");
});

test("cli: audit exits 0 when all is fresh and valid, 1 when anything is stale or invalid; usage errors exit 2", async () => {
  const fresh = await cli(["audit", "--max-age", "90d"]);
  assert.equal(fresh.code, 0, fresh.stdout + fresh.stderr);
  assert.match(fresh.stdout, /0 stale or invalid \(max age 90 days\)/);
  // A stored Bedrock secret without region would break the proxy's lookup.
  emu.store.create(emu.store.orgs[0], emu.store.user(KEY), { name: "bad-bedrock", type: "bedrock", metadata: {}, secret: `${SENTINEL}aws` });
  const invalid = await cli(["audit", "--json"]);
  assert.equal(invalid.code, 1);
  const entries = JSON.parse(invalid.stdout);
  assert.equal(entries[0].name, "bad-bedrock", "riskiest first");
  assert.ok(entries[0].problems.some((p) => p.field === "metadata.region"));
  emu.store.delete(byName("bad-bedrock")[0]);
  const old = byName("s3")[0];
  old.secret_updated_at = new Date(Date.now() - 200 * 86_400_000).toISOString();
  const stale = await cli(["audit"]);
  assert.equal(stale.code, 1);
  assert.match(stale.stdout, /^s3\s+openai\s+200d\s+STALE/m);
  assert.equal((await cli(["audit", "--max-age", "365d"])).code, 0);
  assert.equal((await cli(["nope"])).code, 2);
  assert.equal((await cli(["list", "--bogus"])).code, 2);
  const noKey = await cli(["list"], { env: { BRAINTRUST_API_KEY: "" } });
  assert.equal(noKey.code, 2);
  assert.match(noKey.stderr, /BRAINTRUST_API_KEY/);
});

test("cli on a terminal: aligned tables, a progress bar, a delete that asks (under script(1), a real pty)", async (t) => {
  if (spawnSync("script", ["--version"]).error) return t.skip("script(1) is not installed");
  // Async: the emulator answers from this process.
  const tty = (command, input = "") => new Promise((resolve) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], {
      cwd: dir,
      env: { PATH: process.env.PATH, BRAINTRUST_API_KEY: KEY, BRAINTRUST_BASE_URL: emu.url, V_X: `${SENTINEL}tty-value-7777` },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    // Typed once the question is on the screen, as a person would.
    if (input) child.stdout.on("data", () => { if (/\[y\/N\] /.test(out) && !child.answered) { child.answered = true; child.stdin.write(input); } });
    child.on("close", (code) => {
      assert.ok(!out.includes(SENTINEL), out);
      resolve({ code, out: out.replace(/\r/g, "") });
    });
  });
  const cliCmd = (args) => `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${args}`;
  const list = await tty(cliCmd("list --type anthropic"));
  assert.equal(list.code, 0, list.out);
  assert.match(list.out, /^NAME {2,}TYPE {2,}PREVIEW {2,}AGE {2,}ID$/m);
  assert.match(list.out, /^fresh {2,}anthropic {2,}sk-…0000 {2,}0d {2,}[0-9a-f-]{36}$/m);
  assert.ok(!/openai/.test(list.out), "filtered by type");
  const file = join(dir, "tty.yaml");
  writeFileSync(file, "secrets:\n  - { name: tty-a, type: openai, value: env:V_X }\n  - { name: tty-b, type: openai }\n");
  const applied = await tty(cliCmd(`apply -f ${file}`));
  assert.match(applied.out, /\[#{30}\] 2\/2/, "the bar reaches the end");
  assert.match(applied.out, /Applied: 2 created/);
  const kept = await tty(cliCmd("delete tty-b"), "n\n");
  assert.match(kept.out, /Delete tty-b \([0-9a-f-]{36}\)\? \[y\/N\] /);
  assert.match(kept.out, /kept\./);
  assert.equal(byName("tty-b").length, 1);
  const gone = await tty(cliCmd("delete tty-b"), "y\n");
  assert.match(gone.out, /deleted tty-b/);
  assert.equal(byName("tty-b").length, 0);
});

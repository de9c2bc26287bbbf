#!/usr/bin/env node
// braintrust-ai-secrets: the CLI. `braintrust-ai-secrets help` lists the
// commands. The API key comes from BRAINTRUST_API_KEY (or --api-key-from),
// and values from a hidden prompt, stdin, a file or an environment
// variable: never from the command line, which other users can read.

import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BraintrustClient, NotFoundError } from "../node.mjs";
import { SECRET_HEADERS, age, planText, secretRows, table } from "./format.mjs";
import { askValue, confirm, readSource, UsageError } from "./io.mjs";
import { exportManifest, loadManifest } from "./manifest.mjs";
import { listAll, makePlan, pendingOf, readPlan, run, savePlan, sharedBackoff } from "./sync.mjs";

const HELP = `Usage: braintrust-ai-secrets <command> [options]

Commands:
  list [--name N] [--type T]             the org's secrets (name, type, preview, age, id)
  get <id|name>                          one secret
  create <name> [--type T] [--metadata JSON] [--value-from SRC]
  rotate <id|name> [--value-from SRC]    change only the value; shows both previews
  set-metadata <id|name> --metadata JSON replace the whole metadata, keep the value
  delete <id|name> [--yes]               asks on a terminal; --yes otherwise
  audit [--max-age 180d]                 ages and provider problems; exit 1 if any is stale or invalid
  export [-o FILE]                       the org as a manifest, without any value
  plan -f FILE [--prune] [--rotate] [-o PLAN]   what apply would do; changes nothing
  apply -f FILE [--prune] [--rotate] [--plan PLAN] [--concurrency 4]

Options for every command:
  --json                 machine-readable output
  --base-url URL         default: BRAINTRUST_BASE_URL, then https://api.braintrust.dev
  --org NAME             the organization (org_name)
  --api-key-from SRC     default: env:BRAINTRUST_API_KEY
  --max-retries N        default: 5

SRC is env:NAME, file:PATH or stdin. A value is asked for (hidden) on a terminal and read from
stdin otherwise; it is never an argument. Exit codes: 0 done, 1 audit found problems or a write
failed, 2 bad usage or input, 3 the API refused.`;

const OPTIONS = {
  json: { type: "boolean" },
  "base-url": { type: "string" },
  org: { type: "string" },
  "api-key-from": { type: "string" },
  "max-retries": { type: "string" },
  name: { type: "string" },
  type: { type: "string" },
  metadata: { type: "string" },
  "value-from": { type: "string" },
  yes: { type: "boolean", short: "y" },
  "max-age": { type: "string" },
  file: { type: "string", short: "f" },
  out: { type: "string", short: "o" },
  prune: { type: "boolean" },
  rotate: { type: "boolean" },
  plan: { type: "string" },
  concurrency: { type: "string" },
  help: { type: "boolean", short: "h" },
};

const out = (text) => process.stdout.write(`${text}\n`);
const json = (v) => out(JSON.stringify(v, null, 2));

function count(v, flag, fallback) {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} must be a whole number; got ${JSON.stringify(v)}.`);
  return n;
}

function metadataOf(text) {
  if (text === undefined) return undefined;
  try {
    const m = JSON.parse(text);
    if (m === null || typeof m !== "object" || Array.isArray(m)) throw new Error();
    return m;
  } catch {
    throw new UsageError('--metadata must be a JSON object, such as \'{"api_base": "https://…"}\'.');
  }
}

async function clientFor(o, { gate } = {}) {
  const apiKey = await readSource(o["api-key-from"] ?? "env:BRAINTRUST_API_KEY", "the API key").catch((e) => {
    throw new UsageError(`${e.message} Set BRAINTRUST_API_KEY, or pass --api-key-from.`);
  });
  return new BraintrustClient({
    apiKey,
    ...(o["base-url"] ? { baseURL: o["base-url"] } : {}),
    ...(o.org ? { orgName: o.org } : {}),
    maxRetries: count(o["max-retries"], "max-retries", 5),
    ...(gate ? { fetch: gate } : {}),
  });
}

const need = (v, what) => {
  if (!v) throw new UsageError(`${what} is required (see \`braintrust-ai-secrets help\`).`);
  return v;
};

const commands = {
  async list(o) {
    const c = await clientFor(o);
    const all = (await listAll(c)).filter((s) => (!o.name || s.name.includes(o.name)) && (!o.type || s.type === o.type));
    o.json ? json(all) : out(table(SECRET_HEADERS, secretRows(all)));
  },
  async get(o, [idOrName]) {
    const s = await (await clientFor(o)).findAiSecret(need(idOrName, "the id or name"));
    o.json ? json(s) : out(table(SECRET_HEADERS, secretRows([s])));
  },
  async create(o, [name]) {
    const c = await clientFor(o);
    need(name, "the name");
    // POST answers an existing name with the stored secret, unmodified: say so instead of "created".
    const existing = await c.findAiSecret(name).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
    if (existing) throw new UsageError(`${name} exists already (${existing.id}): use rotate to change its value, set-metadata for its metadata.`);
    const secret = await askValue(o["value-from"], `value of ${name}`);
    const s = await c.createAiSecret({ name, type: o.type ?? null, metadata: metadataOf(o.metadata) ?? null, secret });
    o.json ? json(s) : out(`created ${s.name} (${s.id}), preview ${s.preview_secret ?? "none"}`);
  },
  async rotate(o, [idOrName]) {
    const c = await clientFor(o);
    const value = await askValue(o["value-from"], `new value of ${need(idOrName, "the id or name")}`);
    const r = await c.rotateAiSecret(idOrName, value);
    if (o.json) return json(r);
    out(`rotated ${r.name} (${r.id})`);
    out(table(["", "PREVIEW", "SET AT", "AGE"], [["before", r.before.preview_secret, r.before.secret_updated_at, age(r.before.secret_updated_at)], ["after", r.after.preview_secret, r.after.secret_updated_at, age(r.after.secret_updated_at)]]));
  },
  async "set-metadata"(o, [idOrName]) {
    const c = await clientFor(o);
    const s = await c.setAiSecretMetadata(need(idOrName, "the id or name"), need(metadataOf(o.metadata), "--metadata"));
    o.json ? json(s) : out(`set the metadata of ${s.name}: ${JSON.stringify(s.metadata)}`);
  },
  async delete(o, [idOrName]) {
    const c = await clientFor(o);
    const s = await c.findAiSecret(need(idOrName, "the id or name"));
    if (!(await confirm(`Delete ${s.name} (${s.id})?`, o.yes))) return out("kept.");
    await c.deleteAiSecret(s.id);
    o.json ? json({ deleted: s.id, name: s.name }) : out(`deleted ${s.name} (${s.id})`);
  },
  async audit(o) {
    const c = await clientFor(o);
    const m = /^(\d+)d?$/.exec(o["max-age"] ?? "180d");
    if (!m) throw new UsageError("--max-age is a number of days, such as 90d.");
    const entries = await c.auditAiSecrets({ maxAgeDays: Number(m[1]) });
    const failing = entries.filter((e) => e.stale || e.problems.length);
    if (o.json) json(entries);
    else {
      const status = (e) => [e.problems.length ? "INVALID" : "", e.stale ? "STALE" : "", e.neverRotated ? "never rotated" : ""].filter(Boolean).join(", ") || "ok";
      out(table(["NAME", "TYPE", "AGE", "STATUS", "PROBLEMS"], entries.map((e) => [e.name, e.type ?? "", e.ageDays == null ? "" : `${e.ageDays}d`, status(e), e.problems.map((p) => `${p.field}: ${p.message}`).join("; ")])));
      out(`${entries.length} secrets: ${failing.length} stale or invalid (max age ${m[1]} days).`);
    }
    if (failing.length) process.exitCode = 1;
  },
  async export(o) {
    const c = await clientFor(o);
    const text = exportManifest(await listAll(c), { orgName: o.org, json: o.json });
    o.out ? writeFileSync(o.out, text) : process.stdout.write(text);
  },
  async plan(o) {
    const { manifest, warnings } = loadManifest(need(o.file, "-f FILE"));
    const c = await clientFor({ org: manifest.org_name ?? undefined, ...o });
    const options = { prune: !!o.prune, rotate: !!o.rotate };
    const { plan } = await makePlan(c, manifest, options);
    if (o.out) savePlan(o.out, { version: 1, manifest: o.file, options, plan, done: [] });
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    o.json ? json(plan) : out(planText(plan));
  },
  async apply(o) {
    const saved = o.plan ? readPlan(o.plan) : undefined;
    const file = o.file ?? saved?.manifest;
    const { manifest } = loadManifest(need(file, "-f FILE"));
    const gate = sharedBackoff();
    const c = await clientFor({ org: manifest.org_name ?? undefined, ...o }, { gate });
    const options = saved?.options ?? { prune: !!o.prune, rotate: !!o.rotate };
    const { plan, desired } = await makePlan(c, manifest, options);
    const actions = saved ? await pendingOf(c, saved) : plan.actions;
    const stop = { requested: false };
    process.once("SIGINT", () => { stop.requested = true; process.stderr.write("\nstopping after the writes in flight…\n"); });
    const started = Date.now();
    const onDone = saved && ((a) => { saved.done.push(saved.plan.actions.indexOf(a)); savePlan(o.plan, saved); });
    const { done, failed } = await run(c, actions, { desired, concurrency: count(o.concurrency, "concurrency", 4) || 1, onDone, stop });
    const result = { done: done.map((a) => ({ op: a.op, name: a.name })), failed: failed.map((f) => ({ op: f.action.op, name: f.action.name, error: f.error.message })), requests: gate.requests, ms: Date.now() - started };
    if (o.json) json(result);
    else {
      for (const f of result.failed) out(`failed: ${f.op} ${f.name}: ${f.error}`);
      // Counted as the plan counts them: an update that rotates is both.
      const by = (op) => done.filter((a) => a.op === op || (op === "rotate" && a.op === "update" && a.rotate)).length;
      out(`Applied: ${by("create")} created, ${by("update")} updated, ${by("rotate")} rotated, ${by("delete")} deleted, ${failed.length} failed (${result.requests} request${result.requests === 1 ? "" : "s"}, ${(result.ms / 1000).toFixed(1)} s).`);
    }
    if (failed.length || stop.requested) process.exitCode = 1;
  },
};

async function main(argv) {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, ...rest] = positionals;
  if (!command || command === "help" || values.help) return out(HELP);
  const run = commands[command];
  if (!run) throw new UsageError(`unknown command \`${command}\`; see \`braintrust-ai-secrets help\`.`);
  await run(values, rest);
}

main(process.argv.slice(2)).catch((e) => {
  // Messages only: the library's are redacted, and no stack is printed.
  const usage = e instanceof UsageError || e?.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || e?.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" || e?.name === "ValidationError";
  process.stderr.write(`error: ${e?.message ?? e}${e?.name && !usage ? ` (${e.name})` : ""}\n`);
  process.exitCode = usage ? 2 : 3;
});

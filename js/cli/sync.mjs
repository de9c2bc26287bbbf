// plan and apply: the org's secrets against a manifest, through the core's
// planner (crates/core/src/sync/plan.rs). apply does what plan shows, a few
// writes at a time, all pausing together when the server says 429; a saved
// plan records each write done, so a rerun continues it, and is refused
// when the org changed since it was made.

import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
// The classes of the client itself (node.mjs is the CommonJS build under ESM names).
import { NotFoundError } from "../node.mjs";
import { changedSince, planSync } from "./core.mjs";
import { progress } from "./format.mjs";
import { readFrom, UsageError } from "./io.mjs";

/** Every stored secret of the client's org. */
export async function listAll(client) {
  const all = [];
  // Pages of 100: a short page is the last, so a small org takes one request.
  for await (const s of client.iterAiSecrets({ limit: 100 })) all.push(s);
  return all;
}

/** The manifest's secrets with their values read from their sources. */
async function targets(manifest) {
  const out = [];
  for (const s of manifest.secrets) {
    const value = s.value ? await readFrom(s.value, s.name) : undefined;
    out.push({ name: s.name, type: s.type, metadata: s.metadata, value });
  }
  return out;
}

/** The plan for `manifest` now: `{ plan, desired }`. */
export async function makePlan(client, manifest, options) {
  const desired = await targets(manifest);
  const current = await listAll(client);
  const plan = planSync(JSON.stringify(desired), JSON.stringify(current), JSON.stringify(options));
  return { plan, desired };
}

/** A fetch whose calls all wait while any of them was told 429, for as
 * long as the server asked; it counts the requests it sends. */
export function sharedBackoff(fetch = globalThis.fetch) {
  let until = 0;
  const gated = async (url, init) => {
    for (let wait = until - Date.now(); wait > 0; wait = until - Date.now()) await sleep(wait);
    gated.requests++;
    const res = await fetch(url, init);
    if (res.status === 429) {
      const ms = Number(res.headers.get("retry-after-ms")) || Number(res.headers.get("retry-after")) * 1000 || 1000;
      until = Math.max(until, Date.now() + Math.min(ms, 60_000));
    }
    return res;
  };
  gated.requests = 0;
  return gated;
}

function write(client, a, valueOf) {
  const value = valueOf(a.name);
  switch (a.op) {
    case "create":
      return client.createAiSecret({ name: a.name, type: a.type, metadata: a.metadata, ...(a.with_value ? { secret: value } : {}) });
    case "update":
      return client.replaceAiSecret({ name: a.name, type: a.type, metadata: a.metadata, ...(a.rotate ? { secret: value } : {}) });
    case "rotate":
      return client.updateAiSecret(a.id, { secret: value });
    case "delete":
      // Gone already (a retried delete, a rerun): what was asked is done.
      return client.deleteAiSecret(a.id).catch((e) => {
        if (!(e instanceof NotFoundError)) throw e;
      });
    default:
      throw new UsageError(`unknown action ${a.op} in the plan.`);
  }
}

/** Saved plans: the plan, its options and manifest, and the writes done. */
export function savePlan(file, saved) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

export function readPlan(file) {
  try {
    const saved = JSON.parse(readFileSync(file, "utf8"));
    if (saved?.version !== 1 || !Array.isArray(saved.plan?.actions)) throw new Error("not a saved plan");
    saved.done ??= [];
    return saved;
  } catch (e) {
    throw new UsageError(`cannot read the saved plan ${file} (${e.code ?? e.message}).`);
  }
}

/** The writes of a saved plan still to do, after checking that the org is
 * as it was when the plan was made (but for what the plan wrote itself). */
export async function pendingOf(client, saved) {
  const pending = saved.plan.actions.filter((_, i) => !saved.done.includes(i));
  const current = await listAll(client);
  // Every secret the plan saw or writes, but those it wrote already.
  const wrote = new Set(saved.plan.actions.filter((_, i) => saved.done.includes(i)).map((a) => a.name));
  const names = JSON.stringify([...new Set([...saved.plan.basis.map((b) => b.name), ...pending.map((a) => a.name)])].filter((n) => !wrote.has(n)));
  const why = changedSince(JSON.stringify(saved.plan.basis), JSON.stringify(current), names);
  if (why) throw new UsageError(`the org changed since the plan was made (${why}): run plan again.`);
  return pending;
}

/** Runs `actions` `concurrency` at a time. `onDone(action)` after each
 * write that took; stops starting writes once `stop.requested`. */
export async function run(client, actions, { desired, concurrency, onDone, stop }) {
  const valueOf = (name) => desired.find((d) => d.name === name)?.value;
  const bar = progress(actions.length);
  const failed = [];
  const done = [];
  let next = 0;
  const worker = async () => {
    while (next < actions.length && !stop.requested) {
      const a = actions[next++];
      try {
        await write(client, a, valueOf);
        done.push(a);
        onDone?.(a);
      } catch (e) {
        failed.push({ action: a, error: e });
      }
      bar.tick();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, actions.length) }, worker));
  bar.end();
  return { done, failed };
}

// The jobs done with secrets after they exist: rotate a value, set the whole
// metadata, audit the org. Each is a few of the resource's own calls, with
// the judging done by the core (crates/core/src/sync): whether a rotation
// took, and each secret's age, staleness and provider problems.

import classes, { NotFoundError, ValidationError, VerificationError } from "./errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The stored secret `idOrName` names: an id (a UUID) is fetched, a name
 * looked up in the client's org. */
export async function resolve(client, idOrName, options) {
  if (typeof idOrName !== "string" || idOrName === "") {
    throw new ValidationError("Invalid `idOrName`: must be a secret's id (a UUID) or its name.", { field: "idOrName" });
  }
  if (UUID.test(idOrName)) return client.getAiSecret(idOrName, options);
  return byName(client, idOrName, options);
}

async function byName(client, name, options) {
  const page = await client.listAiSecrets({ ai_secret_name: name }, options);
  const found = page.objects.find((s) => s.name === name);
  if (!found) {
    throw new NotFoundError(`No AI secret is named \`${name}\` in the client's organization (set orgName for another).`, { status: 404, attempts: 1 });
  }
  return found;
}

const times = (s) => ({ preview_secret: s.preview_secret ?? null, secret_updated_at: s.secret_updated_at ?? null });

/** Changes only the value (PATCH with `secret` alone: type and metadata are
 * untouched), then checks that `secret_updated_at` moved and the preview is
 * the new value's. Resolves to `{ id, name, type, before, after }`, the
 * previews and times on each side; rejects with a VerificationError when
 * the server's answer does not show the rotation. */
export async function rotate(client, idOrName, newSecret, options, syncModule) {
  if (typeof newSecret !== "string" || newSecret === "") {
    throw new ValidationError("Invalid `secret`: the new value must be a non-empty string.", { field: "secret" });
  }
  const before = await resolve(client, idOrName, options);
  const after = await client.updateAiSecret(before.id, { secret: newSecret }, options);
  const failed = (await syncModule()).verifyRotation(JSON.stringify(before), JSON.stringify(after), newSecret);
  if (failed) throw new classes[failed.class](failed.message);
  return { id: after.id, name: after.name, type: after.type ?? null, before: times(before), after: times(after) };
}

/** Sets the whole metadata (keys not given are removed), keeping the stored
 * value and type: a PUT without `secret`, checked like every write. PATCH
 * cannot do this: it deep-merges and cannot remove a key. */
export async function setMetadata(client, idOrName, metadata, options) {
  const found = await resolve(client, idOrName, options);
  // A PUT finds its secret by name in the client's org: make sure that is
  // this one, so that a secret of another org is never created beside it.
  if (UUID.test(idOrName) && (await byName(client, found.name, options).catch(() => null))?.id !== found.id) {
    throw new ValidationError(`Invalid \`idOrName\`: the secret ${found.id} is not the one named \`${found.name}\` in the client's organization; create the client with its orgName.`, { field: "idOrName" });
  }
  const after = await client.replaceAiSecret({ name: found.name, type: found.type ?? null, metadata }, options);
  if (after.id !== found.id) {
    throw new VerificationError(`The metadata of \`${found.name}\` was written to another secret (${after.id}); check the client's orgName.`);
  }
  return after;
}

/** Every secret of the org with its age, `stale` (older than `maxAgeDays`),
 * `neverRotated`, and what the provider check finds; riskiest first (the
 * judging is the sync module's, loaded on first use). */
export async function audit(client, params, options, syncModule) {
  const at = when(params); // refused before anything is sent
  const all = [];
  for await (const s of client.iterAiSecrets({ limit: 100 }, options)) all.push(s);
  return judged(all, at, syncModule);
}

/** The audit of secrets already listed (a dashboard's loaded rows). */
export async function auditStored(secrets, params, syncModule) {
  if (!Array.isArray(secrets)) throw new ValidationError("Invalid `secrets`: must be an array of AISecrets.", { field: "secrets" });
  return judged(secrets, when(params), syncModule);
}

async function judged(secrets, { maxAgeDays, nowMs }, syncModule) {
  return (await syncModule()).auditSecrets(JSON.stringify(secrets), nowMs, maxAgeDays);
}

function when(params = {}) {
  if (params === null || typeof params !== "object") throw new ValidationError("Invalid `params`: must be an object.", { field: "params" });
  const { maxAgeDays = 180, now = Date.now() } = params;
  if (typeof maxAgeDays !== "number" || !(maxAgeDays >= 0) || !Number.isFinite(maxAgeDays)) {
    throw new ValidationError("Invalid `maxAgeDays`: must be a number of days, 0 or more.", { field: "maxAgeDays" });
  }
  const nowMs = now instanceof Date ? now.getTime() : typeof now === "string" ? Date.parse(now) : now;
  if (typeof nowMs !== "number" || Number.isNaN(nowMs)) {
    throw new ValidationError("Invalid `now`: must be a Date, a time in milliseconds or an ISO date.", { field: "now" });
  }
  return { maxAgeDays, nowMs };
}

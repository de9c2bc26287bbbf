// The emulator's data: API keys, organizations and AI secrets, with the
// semantics of Braintrust's ai_secret resource. No HTTP here.
import { randomUUID } from "node:crypto";

/** A masked preview that never holds the whole secret. */
export function previewSecret(secret) {
  if (secret == null) return null;
  if (secret.length < 12) return "********";
  return `${secret.slice(0, 3)}…${secret.slice(-4)}`;
}

export class Store {
  constructor({ keys = ["test-key"], orgs = ["acme"] } = {}) {
    this.orgs = orgs.map((name) => ({ id: randomUUID(), name }));
    // Every key belongs to every org; its first org is its default.
    this.keys = new Map(keys.map((k) => [k, { userId: randomUUID() }]));
    this.secrets = new Map(); // id -> record (with the secret value)
    this.clock = 0; // keeps creation order strict even within one millisecond
  }

  user(key) {
    return this.keys.get(key);
  }

  /** The org a request acts in, or an error string. */
  org(orgName) {
    if (orgName == null) return this.orgs[0];
    return this.orgs.find((o) => o.name === orgName) ?? `Organization '${orgName}' not found`;
  }

  now() {
    const t = Math.max(Date.now(), this.clock + 1);
    this.clock = t;
    return new Date(t).toISOString();
  }

  /** The public view: every AISecret field, never the secret. */
  view(r) {
    const { secret, seq, ...pub } = r;
    return { ...pub, preview_secret: previewSecret(secret) };
  }

  findByName(orgId, name) {
    for (const r of this.secrets.values()) if (r.org_id === orgId && r.name === name) return r;
    return undefined;
  }

  create(org, user, body) {
    const existing = this.findByName(org.id, body.name);
    if (existing) return existing; // POST returns the existing secret unmodified
    const now = this.now();
    const hasSecret = body.secret != null;
    const r = {
      id: randomUUID(),
      created: now,
      updated_at: now,
      secret_updated_at: hasSecret ? now : null,
      org_id: org.id,
      name: body.name,
      type: body.type ?? null,
      metadata: body.metadata ?? null,
      secret_updated_by_user_id: hasSecret ? user.userId : null,
      secret: body.secret ?? null,
      seq: this.clock,
    };
    this.secrets.set(r.id, r);
    return r;
  }

  /** PUT: replace the named secret's fields; an omitted `secret` is kept. */
  replace(org, user, body) {
    const existing = this.findByName(org.id, body.name);
    if (!existing) return this.create(org, user, body);
    const now = this.now();
    existing.type = body.type ?? null;
    existing.metadata = body.metadata ?? null;
    existing.updated_at = now;
    if ("secret" in body) {
      existing.secret = body.secret;
      existing.secret_updated_at = now;
      existing.secret_updated_by_user_id = user.userId;
    }
    return existing;
  }

  /** PATCH: only the given fields change; metadata is deep-merged. */
  patch(r, user, body) {
    const now = this.now();
    if (body.name != null) r.name = body.name;
    if ("type" in body) r.type = body.type;
    if (body.metadata != null) r.metadata = deepMerge(r.metadata ?? {}, body.metadata);
    if ("secret" in body) {
      r.secret = body.secret;
      r.secret_updated_at = now;
      r.secret_updated_by_user_id = user.userId;
    }
    r.updated_at = now;
    return r;
  }

  delete(r) {
    this.secrets.delete(r.id);
    return r;
  }

  /** Newest first, as the spec says; ties broken by id for a stable order. */
  sorted(orgId) {
    return [...this.secrets.values()]
      .filter((r) => r.org_id === orgId)
      .sort((a, b) => b.seq - a.seq || (a.id < b.id ? -1 : 1));
  }
}

function deepMerge(base, patch) {
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    out[k] = v && typeof v === "object" && !Array.isArray(v) && out[k] && typeof out[k] === "object" && !Array.isArray(out[k])
      ? deepMerge(out[k], v)
      : v;
  }
  return out;
}

// What Braintrust's AI proxy does when it looks up an org's secrets: it
// parses every stored secret with its provider's schema, and one that fails
// makes the whole lookup fail. Written from the facts file
// (../shared/spec/provider-metadata.json) alone, apart from the client's
// Rust table, so the two check each other: the emulator's
// GET /_emulator/proxy-lookup reports which stored secrets would break it.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const FACTS_PATH = fileURLToPath(new URL("../../../shared/spec/provider-metadata.json", import.meta.url));

const isUrl = (s) => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};

const KINDS = {
  string: (v) => typeof v === "string",
  boolean: (v) => typeof v === "boolean",
  url: (v) => typeof v === "string" && isUrl(v),
  url_or_empty: (v) => v === "" || (typeof v === "string" && isUrl(v)),
  "string[]": (v) => Array.isArray(v) && v.every((x) => typeof x === "string"),
  "record<string,string>": (v) => v !== null && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string"),
  "record<string,ModelSpec>": (v) => v !== null && typeof v === "object" && !Array.isArray(v),
};

/** The proxy's parse of one stored secret: the problems that fail it. */
function parse(facts, record) {
  const type = record.type;
  if (typeof type !== "string" || !facts.types.includes(type)) return []; // not a provider secret
  const group = Object.entries(facts.metadata_by_type).find(([k]) => k.split("|").includes(type))[1];
  const meta = record.metadata ?? {};
  const fields = { ...facts.base_fields, ...group.fields };
  const problems = [];
  for (const [name, f] of Object.entries(fields)) {
    const v = meta[name];
    if (v === undefined || (v === null && f.nullish)) {
      if (f.required) problems.push(`${name} is required`);
      continue;
    }
    if (v === null) problems.push(`${name} is null`);
    else if (f.kind === "enum" ? !f.values.includes(v) : !KINDS[f.kind](v)) {
      if (!String(f.note ?? "").includes("dropped, not an error")) problems.push(`${name} is not a ${f.kind}`);
    } else if (f.min_length && v.length < f.min_length) problems.push(`${name} is too short`);
  }
  for (const spec of Object.values(KINDS["record<string,ModelSpec>"](meta.customModels) ? meta.customModels : {})) {
    for (const [k, values] of Object.entries(facts.ModelSpec.required)) {
      if (!values.includes(spec?.[k])) problems.push(`customModels: ${k}`);
    }
  }
  const authField = "authType" in group.fields ? "authType" : "auth_type";
  const auth = meta[authField] ?? group.fields[authField]?.default;
  for (const rule of group.rules ?? []) {
    // "auth_type X (the default): a is required", "… : a and b are required and not blank"
    const m = /^(?:auth_type|authType) (\w+)[^:]*: (.+?) (?:is|are) required/.exec(rule);
    if (m && m[1] === auth) {
      for (const name of m[2].split(" and ")) if (typeof meta[name] !== "string" || meta[name].trim() === "") problems.push(`${name} is required for ${auth}`);
    }
  }
  const shape = group.secret_by_auth_type?.[auth]?.json_object;
  if (shape && typeof record.secret === "string") {
    let o;
    try {
      o = JSON.parse(record.secret);
    } catch {}
    if (!o || typeof o !== "object" || Object.keys(shape).some((k) => typeof o[k] !== "string" || o[k] === "")) problems.push(`secret is not the ${auth} JSON object`);
  }
  return problems;
}

export class ProxyLookup {
  constructor(path = FACTS_PATH) {
    this.facts = existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
  }

  /** { available, ok, failing: [{ id, name, type, problems }] } for an org's records. */
  run(records) {
    if (!this.facts) return { available: false, ok: true, failing: [] };
    const failing = records.map((r) => ({ id: r.id, name: r.name, type: r.type, problems: parse(this.facts, r) })).filter((r) => r.problems.length);
    return { available: true, ok: failing.length === 0, failing };
  }
}

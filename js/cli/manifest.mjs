// Manifest files: YAML or JSON read into data for the core's check
// (crates/core/src/sync/manifest.rs), whose problem paths
// (`secrets[2].type`) are turned back into lines of the file; and an org's
// secrets written out as one.

import { readFileSync } from "node:fs";
import { isMap, isSeq, LineCounter, parseDocument, stringify } from "yaml";
import { checkManifest } from "./core.mjs";
import { UsageError } from "./io.mjs";

/** `secrets[2].metadata.region` → ["secrets", 2, "metadata", "region"]. */
function steps(path) {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** The line of the deepest step of `path` the document has: a key's own
 * line (`metadata:`), a list item's first line. */
function lineOf(doc, counter, path) {
  const at = steps(path);
  for (let n = at.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(at.slice(0, n - 1), true);
    const step = at[n - 1];
    const node = isMap(parent) ? parent.items.find((p) => (p.key?.value ?? p.key) === step)?.key : isSeq(parent) ? parent.items[step] : undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

/** The checked manifest of `file`: `{ manifest, warnings }`, each warning
 * with its line. Every problem at once, as `file:line: field: message`. */
export function loadManifest(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read the manifest ${file} (${e.code ?? e.message}).`);
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new UsageError(`${file}:${e.linePos?.[0]?.line ?? 1}: not valid YAML or JSON (${e.code.toLowerCase().replaceAll("_", " ")}).`);
  }
  const checked = checkManifest(JSON.stringify(doc.toJS() ?? null));
  const where = (p) => `${file}:${lineOf(doc, counter, p.field)}: ${p.field}: ${p.message}`;
  if (checked.errors.length) {
    const e = new UsageError(`the manifest has ${checked.errors.length} problem${checked.errors.length > 1 ? "s" : ""}:\n${checked.errors.map((p) => `  ${where(p)}`).join("\n")}`);
    throw e;
  }
  return { manifest: checked.manifest, warnings: checked.warnings.map(where) };
}

/** A manifest of `secrets` as they are stored, without any value. */
export function exportManifest(secrets, { orgName, json } = {}) {
  const data = {
    version: 1,
    ...(orgName ? { org_name: orgName } : {}),
    secrets: secrets.map((s) => ({ name: s.name, type: s.type ?? null, ...(s.metadata && Object.keys(s.metadata).length ? { metadata: s.metadata } : {}) })),
  };
  if (json) return `${JSON.stringify(data, null, 2)}\n`;
  return `# Exported by braintrust-ai-secrets. Values are never exported: give a secret
# \`value: env:NAME\`, \`file:PATH\` or \`stdin\` to manage its value with apply.
${stringify(data)}`;
}

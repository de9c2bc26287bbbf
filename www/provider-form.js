// The create form's provider part, drawn from the package's `providers`
// table: the selected type's fields with the right control, required
// markers and help, and a secret editor for auth types whose secret is a
// JSON object. Errors from the provider check land under their field.
import { providers } from "/pkg/index.js";

const schemaOf = (type) => providers.schemas.find((s) => s.types.includes(type));

/** The type list, from the table (exact casing: xAI). */
export function fillTypes(datalist) {
  datalist.replaceChildren(...providers.types.map((t) => Object.assign(document.createElement("option"), { value: t })));
}

function control(f) {
  if (f.kind === "enum" || f.kind === "boolean") {
    const select = document.createElement("select");
    const values = f.kind === "enum" ? f.values : ["true", "false"];
    const blank = f.default ? `default (${f.default})` : "—";
    select.append(Object.assign(document.createElement("option"), { value: "", textContent: blank }));
    for (const v of values) select.append(Object.assign(document.createElement("option"), { value: v, textContent: v }));
    return select;
  }
  if (f.kind === "string[]" || f.kind === "record<string,string>") {
    const area = document.createElement("textarea");
    area.rows = 2;
    area.placeholder = f.kind === "string[]" ? "one per line" : "name: value, one per line";
    return area;
  }
  const input = document.createElement("input");
  input.type = f.kind === "url" || f.kind === "url_or_empty" ? "url" : "text";
  input.spellcheck = false;
  if (f.kind.startsWith("url")) input.placeholder = "https://…";
  return input;
}

/** The names `renderFields` draws for `type`. */
export function drawnNames(type) {
  const schema = schemaOf(type);
  return schema ? [...schema.fields.map((f) => f.name), "models"] : [];
}

/** A stored value as a control shows it. */
function shown(f, v) {
  if (v === undefined || v === null) return "";
  if (f.kind === "string[]" && Array.isArray(v)) return v.join("\n");
  if (f.kind === "record<string,string>" && typeof v === "object") return Object.entries(v).map(([k, x]) => `${k}: ${x}`).join("\n");
  return String(v);
}

/** Draws `type`'s fields (and `models`) into `box`, ids starting `prefix`
 * and filled from `values`; empty for other types. */
export function renderFields(box, type, { prefix = "pf", values = {} } = {}) {
  box.replaceChildren();
  const schema = schemaOf(type);
  if (!schema) return;
  const fieldId = (name) => `${prefix}-${name}`;
  const models = providers.baseFields.find((f) => f.name === "models");
  for (const f of [...schema.fields, models]) {
    const wrap = document.createElement("div");
    wrap.className = "field";
    wrap.dataset.field = `metadata.${f.name}`;
    const label = document.createElement("label");
    label.htmlFor = fieldId(f.name);
    label.textContent = f.name;
    if (f.required) label.append(Object.assign(document.createElement("span"), { className: "req", textContent: " (required)" }));
    const c = control(f);
    c.id = fieldId(f.name);
    c.dataset.name = f.name;
    c.dataset.kind = f.kind;
    c.value = shown(f, values[f.name]);
    const err = Object.assign(document.createElement("p"), { className: "error", id: `${c.id}-error`, hidden: true });
    c.setAttribute("aria-describedby", err.id);
    // A field's error goes as soon as the field changes.
    c.addEventListener("input", () => clearProblem(wrap));
    wrap.append(label, c);
    if (f.help) wrap.append(Object.assign(document.createElement("small"), { className: "help", textContent: f.help }));
    wrap.append(err);
    box.append(wrap);
  }
}

/** The drawn fields' values as metadata (blank fields left out). */
export function readFields(box) {
  const meta = {};
  for (const c of box.querySelectorAll("[data-name]")) {
    const raw = c.value.trim();
    if (!raw) continue;
    const lines = raw.split("\n").map((l) => l.trim()).filter(Boolean);
    meta[c.dataset.name] =
      c.dataset.kind === "boolean" ? raw === "true"
        : c.dataset.kind === "string[]" ? lines
          : c.dataset.kind === "record<string,string>" ? Object.fromEntries(lines.map((l) => l.split(/:\s*/, 2)))
            : raw;
  }
  return meta;
}

/** The keys the secret must hold as a JSON object for this type and auth type, if any. */
export function secretKeys(type, box) {
  const schema = schemaOf(type);
  if (!schema?.authField) return null;
  const chosen = box.querySelector(`[data-name="${schema.authField}"]`)?.value;
  const auth = chosen || schema.fields.find((f) => f.name === schema.authField)?.default;
  return schema.secretShapes.find((s) => s.authType === auth)?.keys ?? null;
}

function clearProblem(wrap) {
  const err = wrap.querySelector("p.error");
  if (err) err.hidden = true;
  wrap.querySelector("[aria-invalid]")?.removeAttribute("aria-invalid");
}

/** Puts each problem under its field; returns those with no field drawn. */
export function showProblems(form, problems) {
  for (const wrap of form.querySelectorAll("[data-field]")) clearProblem(wrap);
  const rest = [];
  for (const p of problems) {
    const wrap = form.querySelector(`[data-field="${CSS.escape(p.field)}"]:not([hidden])`);
    const err = wrap?.querySelector("p.error");
    if (!err) {
      rest.push(p);
      continue;
    }
    err.textContent = p.message;
    err.hidden = false;
    wrap.querySelector("input, select, textarea")?.setAttribute("aria-invalid", "true");
  }
  return rest;
}

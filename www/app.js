// The AI-secrets dashboard: plain ES modules on top of the package. The API
// key lives in memory (sessionStorage only when the user opts in); secret
// values are read from their inputs, cleared at once, and never rendered.
import { BraintrustClient, ValidationError, auditStoredSecrets, checkAiSecret } from "/pkg/index.js";
import { drawnNames, fillTypes, readFields, renderFields, showProblems } from "./provider-form.js";
import { $, logger, parseMetadata, problemText, say, showError, withNotice, hideSecret, wireToggles } from "./feedback.js";
import { wireCreateForm } from "./create-form.js";

const STORE_KEY = "bt-dashboard-connection";
const PAGE = 20;

let client = null;
let rows = [];
let iterator = null;

// ---- connect -------------------------------------------------------------

function connectionFromForm() {
  const mode = document.querySelector("input[name=mode]:checked").value;
  return { mode, baseURL: $("base-url").value.trim(), apiKey: $("api-key").value, orgName: $("org-name").value.trim() };
}

function makeClient({ mode, baseURL, apiKey, orgName }) {
  if (mode === "proxy") {
    return new BraintrustClient({ apiKey: null, baseURL, orgName: orgName || null, credentials: "same-origin", logger, logLevel: "warn" });
  }
  return new BraintrustClient({ apiKey: apiKey || null, baseURL, orgName: orgName || null, logger, logLevel: "warn" });
}

function syncMode() {
  const proxy = document.querySelector("input[name=mode]:checked").value === "proxy";
  $("key-field").hidden = proxy;
  if (proxy && window.__btConfig?.proxyURL) $("base-url").value = window.__btConfig.proxyURL;
  else if (!proxy && window.__btConfig?.baseURL && $("base-url").value === window.__btConfig.proxyURL) $("base-url").value = window.__btConfig.baseURL;
}

async function connect(conn) {
  showError($("connect-error"), null);
  if (conn.mode === "key" && !conn.apiKey) return showError($("connect-error"), "API key is required (or choose the keyless proxy).");
  let next;
  try {
    next = makeClient(conn);
  } catch (e) {
    return showError($("connect-error"), e);
  }
  const button = $("connect-form").querySelector("button[type=submit]");
  button.disabled = true;
  try {
    await next.listAiSecrets({ limit: 1 });
  } catch (e) {
    return showError($("connect-error"), e);
  } finally {
    button.disabled = false;
  }
  client = next;
  if ($("remember").checked) sessionStorage.setItem(STORE_KEY, JSON.stringify(conn));
  else sessionStorage.removeItem(STORE_KEY);
  say($("conn-status"), `Connected to ${conn.baseURL}${conn.mode === "proxy" ? " (keyless proxy)" : ""}`);
  $("list").hidden = false;
  $("create").hidden = false;
  $("disconnect").hidden = false;
  // Connected: the card folds to its status and Disconnect.
  $("connect").classList.add("connected");
  await reload();
}

function disconnect() {
  client = null;
  sessionStorage.removeItem(STORE_KEY);
  $("api-key").value = "";
  $("remember").checked = false;
  $("list").hidden = true;
  $("create").hidden = true;
  $("disconnect").hidden = true;
  $("connect").classList.remove("connected");
  say($("conn-status"), "Not connected");
}

// ---- list ----------------------------------------------------------------

function cell(tr, label, text, cls) {
  const td = document.createElement("td");
  td.dataset.label = label;
  if (cls) td.className = cls;
  td.textContent = text ?? "—";
  tr.append(td);
  return td;
}

const when = (iso) => (iso ? new Date(iso).toLocaleString() : "—");
const days = (n) => (n == null ? "—" : `${n} day${n === 1 ? "" : "s"}`);

// Each loaded row's age and staleness, judged by the package's audit (the
// same rules as `braintrust-ai-secrets audit`); by id.
let ages = new Map();
let byAge = false;

async function judgeAges() {
  try {
    ages = new Map((await auditStoredSecrets(rows)).map((e) => [e.id, e]));
  } catch {
    ages = new Map(); // ages are extra: the list works without them
  }
  render();
}

function render() {
  const body = $("secrets-body");
  body.replaceChildren();
  const age = (s) => ages.get(s.id)?.ageDays ?? -1;
  const shown = byAge ? [...rows].sort((a, b) => age(b) - age(a)) : rows;
  $("sort-age").setAttribute("aria-pressed", String(byAge));
  for (const s of shown) {
    const tr = document.createElement("tr");
    tr.dataset.id = s.id;
    cell(tr, "Name", s.name);
    const typeCell = cell(tr, "Type", s.type);
    // A stored secret the proxy could not parse fails the org's whole lookup.
    const checked = checkAiSecret(s);
    if (!checked.ok) {
      const badge = Object.assign(document.createElement("span"), { className: "badge", textContent: "won't work in the proxy" });
      badge.title = checked.errors.map((p) => `${p.field}: ${p.message}`).join("\n");
      typeCell.append(" ", badge);
    }
    cell(tr, "Preview", s.preview_secret, "preview");
    const judged = ages.get(s.id);
    const ageCell = cell(tr, "Age", days(judged?.ageDays), "age");
    ageCell.title = `value set ${when(s.secret_updated_at ?? s.created)}`;
    if (judged?.stale) ageCell.append(" ", Object.assign(document.createElement("span"), { className: "badge stale", textContent: "stale", title: "Older than 180 days: rotate it." }));
    cell(tr, "Created", when(s.created));
    const actions = cell(tr, "", "", "actions-cell");
    for (const [label, fn, cls] of [["Edit", openEdit], ["Rotate", openRotate], ["Delete", openDelete, "danger-text"]]) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = `link ${cls ?? ""}`;
      b.textContent = label;
      b.setAttribute("aria-label", `${label} ${s.name}`);
      b.addEventListener("click", () => fn(s));
      actions.append(b);
    }
    body.append(tr);
  }
  $("empty").hidden = rows.length > 0 || !$("loading").hidden;
}

async function loadMore() {
  if (!iterator) return;
  $("loading").hidden = false;
  $("load-more").hidden = true;
  showError($("list-error"), null);
  render();
  let got = 0;
  try {
    await withNotice($("list-notice"), async () => {
      while (got < PAGE) {
        const { value, done } = await iterator.next();
        if (done) {
          iterator = null;
          break;
        }
        rows.push(value);
        got++;
      }
    });
  } catch (e) {
    iterator = null;
    showError($("list-error"), e);
  } finally {
    $("loading").hidden = true;
    $("load-more").hidden = !iterator;
    render();
    void judgeAges();
  }
}

async function reload() {
  if (!client) return;
  const query = { limit: PAGE };
  const name = $("filter-name").value.trim();
  const type = $("filter-type").value.trim();
  if (name) query.ai_secret_name = name;
  if (type) query.ai_secret_type = type;
  rows = [];
  iterator = client.iterAiSecrets(query)[Symbol.asyncIterator]();
  await loadMore();
}

// ---- edit, rotate, delete --------------------------------------------------

let current = null;

function openDialog(id, s) {
  current = s;
  const d = $(id);
  for (const el of d.querySelectorAll(".error")) el.hidden = true;
  d.showModal();
  return d;
}

function openEdit(s) {
  $("e-name").value = s.name;
  $("e-type").value = s.type ?? "";
  // The type's fields are drawn and filled; the JSON area holds the rest.
  renderFields($("e-provider-fields"), s.type ?? "", { prefix: "ef", values: s.metadata ?? {} });
  const drawn = drawnNames(s.type ?? "");
  const other = Object.fromEntries(Object.entries(s.metadata ?? {}).filter(([k]) => !drawn.includes(k)));
  $("e-metadata").value = Object.keys(other).length ? JSON.stringify(other, null, 2) : "";
  openDialog("edit-dialog", s);
}

function openRotate(s) {
  $("rotate-name").textContent = s.name;
  $("r-secret").value = "";
  openDialog("rotate-dialog", s);
}

function openDelete(s) {
  $("delete-name").textContent = s.name;
  openDialog("delete-dialog", s);
}

async function runDialog(ev, dialogId, errorId, action) {
  ev.preventDefault();
  const d = $(dialogId);
  const button = d.querySelector("button[type=submit]");
  button.disabled = true;
  showError($(errorId), null);
  try {
    const done = await withNotice($("list-notice"), action);
    if (done === false) return;
    d.close();
    await reload();
  } catch (e) {
    showError($(errorId), e);
  } finally {
    button.disabled = false;
  }
}

function saveEdit(ev) {
  return runDialog(ev, "edit-dialog", "edit-error", async () => {
    const name = $("e-name").value.trim();
    if (!name) {
      showError($("edit-error"), "Name is required.");
      return false;
    }
    const meta = parseMetadata($("e-metadata"), $("e-metadata-error"));
    if (!meta.ok) return false;
    const patch = { name, type: $("e-type").value.trim() || null };
    const metadata = { ...readFields($("e-provider-fields")), ...meta.value };
    if (Object.keys(metadata).length) patch.metadata = metadata;
    let s;
    try {
      s = await client.updateAiSecret(current.id, patch);
    } catch (e) {
      if (!(e instanceof ValidationError && e.problems)) throw e;
      const rest = showProblems($("edit-form"), e.problems);
      showError($("edit-error"), problemText(rest));
      return false;
    }
    say($("list-notice"), `Updated ${s.name}.`);
  });
}

function saveRotate(ev) {
  const input = $("r-secret");
  const secret = input.value;
  input.value = "";
  hideSecret(input);
  return runDialog(ev, "rotate-dialog", "rotate-error", async () => {
    if (!secret) {
      showError($("rotate-error"), "Secret value is required.");
      return false;
    }
    const was = ages.get(current.id)?.ageDays;
    const r = await client.rotateAiSecret(current.id, secret);
    say($("list-notice"), `Rotated ${r.name}: ${r.before.preview_secret ?? "no value"} → ${r.after.preview_secret ?? "?"}; its value is now 0 days old${was == null ? "" : ` (was ${days(was)})`}.`);
  });
}

function confirmDelete(ev) {
  return runDialog(ev, "delete-dialog", "delete-error", async () => {
    const s = await client.deleteAiSecret(current.id);
    say($("list-notice"), `Deleted ${s.name}.`);
  });
}

// ---- wiring ----------------------------------------------------------------

for (const b of document.querySelectorAll("dialog [data-close]")) b.addEventListener("click", () => b.closest("dialog").close());
for (const r of document.querySelectorAll("input[name=mode]")) r.addEventListener("change", syncMode);
$("connect-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  connect(connectionFromForm());
});
$("disconnect").addEventListener("click", disconnect);
$("filter-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  reload();
});
$("refresh").addEventListener("click", reload);
$("load-more").addEventListener("click", loadMore);
$("sort-age").addEventListener("click", () => { byAge = !byAge; render(); });
fillTypes($("providers"));
wireToggles();
wireCreateForm({ client: () => client, reload });
$("e-type").addEventListener("input", () => renderFields($("e-provider-fields"), $("e-type").value.trim(), { prefix: "ef", values: current?.metadata ?? {} }));
$("e-metadata").addEventListener("input", () => parseMetadata($("e-metadata"), $("e-metadata-error")));
$("edit-form").addEventListener("submit", saveEdit);
$("rotate-form").addEventListener("submit", saveRotate);
$("delete-form").addEventListener("submit", confirmDelete);

// Defaults from the server that serves the page (npm run demo), then any
// connection the user chose to keep for this tab.
const config = await fetch("./config.json").then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
window.__btConfig = config;
$("base-url").value = config.baseURL ?? "https://api.braintrust.dev";
if (config.baseURL) $("base-url-hint").textContent = config.hint ?? $("base-url-hint").textContent;
const saved = sessionStorage.getItem(STORE_KEY);
// The demo's emulator key is no secret: filled in, so Connect just works.
if (config.demoKey && !saved) $("api-key").value = config.demoKey;
if (saved) {
  const conn = JSON.parse(saved);
  document.querySelector(`input[name=mode][value=${conn.mode === "proxy" ? "proxy" : "key"}]`).checked = true;
  $("base-url").value = conn.baseURL;
  $("api-key").value = conn.apiKey ?? "";
  $("org-name").value = conn.orgName ?? "";
  $("remember").checked = true;
  syncMode();
  connect(conn);
}
document.body.dataset.ready = "true";

// The create form: the provider's fields and secret editor drawn for the
// chosen type, the secret read and cleared before anything can fail or wait.
import { ValidationError } from "/pkg/index.js";
import { readFields, renderFields, secretKeys, showProblems } from "./provider-form.js";
import { $, hideSecret, parseMetadata, problemText, say, showError, withNotice } from "./feedback.js";

async function create(ev, session) {
  ev.preventDefault();
  const form = $("create-form");
  const nameEl = $("c-name");
  const secretEl = $("c-secret");
  // Read the secret and clear the field before anything can fail or wait.
  const secret = secretEl.value;
  secretEl.value = "";
  hideSecret(secretEl);
  showError($("create-error"), null);
  showError($("c-name-error"), null);
  nameEl.removeAttribute("aria-invalid");
  say($("create-notice"), "");
  const name = nameEl.value.trim();
  if (!name) {
    nameEl.setAttribute("aria-invalid", "true");
    showError($("c-name-error"), "Name is required.");
    nameEl.focus();
    return;
  }
  const meta = parseMetadata($("c-metadata"), $("c-metadata-error"));
  if (!meta.ok) return $("c-metadata").focus();
  const type = $("c-type").value.trim() || null;
  const params = { name, type };
  const keys = secretKeys(type, $("c-provider-fields"));
  const secretValue = keys ? secretObject(keys) : secret;
  if (secretValue) params.secret = secretValue;
  const metadata = { ...readFields($("c-provider-fields")), ...meta.value };
  if (Object.keys(metadata).length) params.metadata = metadata;
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const s = await withNotice($("create-notice"), () => session.client().createAiSecret(params));
    say($("create-notice"), `Saved ${s.name}${s.preview_secret ? ` (${s.preview_secret})` : ""}.`);
    form.reset();
    syncProvider();
    await session.reload();
  } catch (e) {
    say($("create-notice"), "");
    // Provider problems go under their fields; the rest above the button.
    if (e instanceof ValidationError && e.problems) showError($("create-error"), problemText(showProblems(form, e.problems)));
    else showError($("create-error"), e);
  } finally {
    button.disabled = false;
  }
}

/** The secret as a JSON object of the keys the auth type needs; inputs cleared. */
function secretObject(keys) {
  const o = {};
  for (const k of keys) {
    const input = $(`cs-${k}`);
    o[k] = input?.value ?? "";
    if (input) input.value = "";
  }
  return Object.values(o).some(Boolean) ? JSON.stringify(o) : "";
}

/** Redraws the provider fields and the secret editor for the chosen type. */
function syncProvider() {
  const type = $("c-type").value.trim();
  renderFields($("c-provider-fields"), type);
  for (const c of $("c-provider-fields").querySelectorAll("select")) c.addEventListener("change", syncSecret);
  syncSecret();
}

function syncSecret() {
  const keys = secretKeys($("c-type").value.trim(), $("c-provider-fields"));
  $("c-secret-json").hidden = !keys;
  $("c-secret-field").hidden = Boolean(keys);
  $("c-secret-keys").replaceChildren(
    ...(keys ?? []).map((k) => {
      const wrap = Object.assign(document.createElement("div"), { className: "field" });
      const label = Object.assign(document.createElement("label"), { htmlFor: `cs-${k}`, textContent: k });
      const input = Object.assign(document.createElement("input"), { id: `cs-${k}`, type: "password", autocomplete: "off", spellcheck: false });
      wrap.append(label, input);
      return wrap;
    }),
  );
}

/** Wires the form; `session` gives the connected client and reloads the list. */
export function wireCreateForm(session) {
  $("create-form").addEventListener("submit", (ev) => create(ev, session));
  $("c-type").addEventListener("input", syncProvider);
  $("c-type").addEventListener("input", () => showError($("c-type-error"), null));
  // An error goes as soon as its field is edited.
  $("c-name").addEventListener("input", () => {
    showError($("c-name-error"), null);
    $("c-name").removeAttribute("aria-invalid");
  });
  $("c-metadata").addEventListener("input", () => parseMetadata($("c-metadata"), $("c-metadata-error")));
}

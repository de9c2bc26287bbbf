// What the dashboard tells the user: errors in words (with the class name
// beside them), notices, the retry notices the package's logger hook gives,
// and the masking of secret inputs.
import {
  ValidationError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
  InternalServerError, APIError, APIConnectionTimeoutError, APIConnectionError, APIUserAbortError,
  ResponseValidationError,
} from "/pkg/index.js";

export const $ = (id) => document.getElementById(id);
const LABELS = { name: "Name", type: "Type", secret: "Secret value", metadata: "Metadata", baseURL: "Base URL", apiKey: "API key", orgName: "Organization", id: "Secret id" };

let notice = null; // where "retrying in …" goes for the operation under way

/** Words for an error; the class name is shown small beside them. */
export function describe(e) {
  if (e instanceof ValidationError) {
    const label = LABELS[e.field] ?? e.field;
    const why = e.message.replace(/^Invalid `[^`]*`: /, "");
    return `${label} ${why.startsWith("is ") ? why : `: ${why}`}`.replace(/ :/, ":");
  }
  if (e instanceof AuthenticationError) return "The API key was rejected (401).";
  if (e instanceof PermissionDeniedError) return "This key is not allowed to do that (403).";
  if (e instanceof NotFoundError) return e.mayHaveSucceeded ? "It was already gone: an earlier attempt probably succeeded (404)." : "That secret no longer exists (404).";
  if (e instanceof RateLimitError) return "Rate limited by the server (429). Try again in a moment.";
  if (e instanceof InternalServerError) return `The server failed (${e.status}). Try again.`;
  if (e instanceof APIError) return `The server refused the request (${e.status}).`;
  if (e instanceof APIConnectionTimeoutError) return "The server did not answer in time.";
  if (e instanceof APIConnectionError) return "Could not reach the server. Check the base URL and your connection.";
  if (e instanceof APIUserAbortError) return "Cancelled.";
  if (e instanceof ResponseValidationError) return "The server sent a response this page does not understand.";
  return "Something went wrong.";
}

export function showError(el, e) {
  el.replaceChildren();
  if (!e) {
    el.hidden = true;
    return;
  }
  const text = document.createElement("span");
  text.textContent = typeof e === "string" ? e : describe(e);
  el.append(text);
  if (typeof e !== "string" && e?.name) {
    const cls = document.createElement("small");
    cls.textContent = ` (${e.name})`;
    el.append(cls);
  }
  el.hidden = false;
}

export function say(el, text) {
  if (!el) return;
  el.textContent = text;
  delete el.dataset.retry;
}

/** The package's logger hook: only used to tell the user about retries. */
export const logger = {
  debug() {}, info() {}, error() {},
  warn(_message, fields) {
    const secs = Math.max(1, Math.round((fields.delayMs ?? 0) / 1000));
    const why = fields.status === 429 ? "Rate limited" : fields.status ? `Server error ${fields.status}` : "Connection problem";
    if (!notice) return;
    say(notice, `${why}, retrying in ${secs} s…`);
    notice.dataset.retry = "true";
  },
};

/** Runs `fn` with `el` as the place for retry notices; a retry notice
 * still showing when `fn` settles is cleared, other messages stay. */
export async function withNotice(el, fn) {
  notice = el;
  try {
    return await fn();
  } finally {
    if (notice === el) notice = null;
    if (el.dataset.retry) say(el, "");
  }
}

export function parseMetadata(textarea, errorEl) {
  const raw = textarea.value.trim();
  textarea.removeAttribute("aria-invalid");
  errorEl.hidden = true;
  if (!raw) return { ok: true, value: undefined };
  try {
    const v = JSON.parse(raw);
    if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Error("Metadata must be a JSON object, like {\"team\": \"ml\"}.");
    return { ok: true, value: v };
  } catch (e) {
    textarea.setAttribute("aria-invalid", "true");
    showError(errorEl, e instanceof SyntaxError ? `Metadata is not valid JSON: ${e.message}` : e.message);
    return { ok: false };
  }
}

/** Provider problems not drawn under a field, as one line; or, when all
 * were, the hint to look above. */
export function problemText(rest) {
  if (!rest.length) return "Fix the fields marked above; nothing was sent.";
  return rest.map((p) => `${LABELS[p.field] ?? p.field}: ${p.message}`).join(" ");
}

/** Masks a secret input again (after its value was read and cleared). */
export function hideSecret(input) {
  input.type = "password";
  const toggle = document.querySelector(`.toggle[data-target="${input.id}"]`);
  if (toggle) {
    toggle.textContent = "Show";
    toggle.setAttribute("aria-pressed", "false");
  }
}

/** The Show/Hide buttons beside secret inputs. */
export function wireToggles() {
  for (const t of document.querySelectorAll(".toggle")) {
    t.addEventListener("click", () => {
      const input = $(t.dataset.target);
      const show = input.type === "password";
      input.type = show ? "text" : "password";
      t.textContent = show ? "Hide" : "Show";
      t.setAttribute("aria-pressed", String(show));
    });
  }
}

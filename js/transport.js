// The I/O half of the wasm shell: per attempt one fetch with its own timer
// and AbortController (so the timeout covers the body and an abort cancels
// the request), the body read under a size cap, and the backoff sleep. Every
// decision — retry or not, how long to wait, which error, what the result is —
// is the wasm core's: the call (a WasmCall's address, see src/wasm/handle.rs)
// is handed to its exports after each attempt.
// How an attempt ended (src/wasm/call.rs has the same numbers).
const CONNECTION = 0;
const TIMEOUT = 1;
const ABORTED = 2;
const TOO_LARGE = 3;
const RESPONSE = 4;
const REDIRECTED = 5;

const utf8 = new TextDecoder(); // stateless when not streaming, so shared

/** Drives the call at `call` to its result or its error, through the glue's
 * `callBegin`, `callSettle` and `callFree` exports, which `wasm` holds. */
export async function perform(wasm, call) {
  try {
    for (;;) {
      // { url, init, signal, fetch, timeoutMs, maxBody }, the same each
      // attempt; an APIUserAbortError once the caller has aborted. (The wasm
      // returns its errors: see WasmCall::settle in src/wasm/call.rs.)
      const request = wasm.callBegin(call);
      if (request instanceof Error) throw request;
      const r = await attempt(request);
      const next = wasm.callSettle(call, r.kind, r.status, r.headers, r.body);
      if (next instanceof Error) throw next;
      if (typeof next !== "number") return next;
      await sleep(next, request.signal);
    }
  } finally {
    wasm.callFree(call); // zeroes the request's key and secret in wasm memory; once, last
  }
}

async function attempt({ url, init, signal, fetch: ownFetch, timeoutMs, maxBody }) {
  const controller = new AbortController();
  // On abort the body's reader is cancelled too: after the headers, Node's
  // fetch links our signal to the body only through a WeakRef that a full
  // GC can clear (nodejs/node#55428).
  let reader;
  const abort = () => {
    controller.abort();
    reader?.cancel().catch(() => {});
  };
  const timer = setTimeout(abort, timeoutMs);
  signal?.addEventListener("abort", abort);
  init.signal = controller.signal;
  // Redirects are refused: one would re-send the body, secret and all, to
  // an address nobody configured. With `window: null`, Node's fetch then
  // skips copying the request: a fifth of a create's CPU.
  init.redirect = "error";
  init.window = null;
  let status;
  try {
    const res = await (ownFetch ?? fetch)(url, init);
    if (typeof res?.status !== "number" || !res.headers) return { kind: RESPONSE, status: res?.status };
    status = res.status;
    const text = await readBody(res, maxBody, (r) => (reader = r));
    // A cancelled reader ends as if the body were complete.
    if (controller.signal.aborted) throw controller.signal.reason;
    // Over the cap, readBody has already cancelled the body, or read it whole.
    if (text === undefined) return { kind: TOO_LARGE, status };
    return { kind: RESPONSE, status, headers: res.headers, body: text };
  } catch (cause) {
    const kind = signal?.aborted ? ABORTED : controller.signal.aborted ? TIMEOUT : redirected(cause) ? REDIRECTED : CONNECTION;
    return { kind, body: cause };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}

/** Whether fetch failed on a refused redirect, as Node's fetch (undici)
 * says; a browser reports a plain network error. */
function redirected(e) {
  return e?.cause?.message === "unexpected redirect";
}

/** The body as text, or undefined past `max` bytes (then not buffered);
 * a promise of it when it must still be read. `hold` gets the reader. */
function readBody(res, max, hold) {
  const declared = res.headers.get("content-length");
  const stream = typeof res.body?.getReader === "function" ? res.body : null;
  if (declared !== null && Number(declared) > max) {
    stream?.cancel().catch(() => {}); // never read: stop the download
    return undefined;
  }
  if (!stream) {
    // No body, or not a web stream (another fetch's Response). UTF-8 bytes
    // ≥ UTF-16 units, so a text longer than the cap in units is over it.
    return res.text().then((text) => (text.length > max ? undefined : text));
  }
  const reader = stream.getReader();
  hold(reader);
  return readAll(reader, max);
}

/** The body, chunk by chunk, stopping past `max` bytes (a Content-Length
 * can be absent, or understate a compressed body). Decoded once at the end:
 * most bodies are one chunk, decoded as it is. */
async function readAll(reader, max) {
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return utf8.decode(chunks[0]);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return utf8.decode(bytes);
}

/** Waits `ms`, or less if `signal` aborts; leaves no timer or listener behind. */
function sleep(ms, signal) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });
}

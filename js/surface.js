// The public JS surface, shared by every entry point: a thin layer over the
// wasm `WasmClient` (crates/wasm/src/client.rs), which validates, sends,
// retries and decodes. Here: the class names, argument routing, the async
// iterator and the official client's method names.

import classes, { BraintrustError, ValidationError } from "./errors.js";
import * as lifecycle from "./lifecycle.js";
import { WasmClient, checkAiSecret as check } from "./braintrust_ai_secrets.js";

// createAiSecret(params, options): these keys go to the call, the rest to the
// client (timeout and maxRetries are client options there).
const PER_CALL_KEYS = ["signal", "headers"];

/** The refusal of an option whose read threw: the throw becomes `cause` as a
 * copy of its name and message, scrubbed of the keys known so far. */
function unreadable(field, thrown, keys) {
  const text = (k) => {
    try {
      return String(thrown?.[k] ?? "");
    } catch {
      return "";
    }
  };
  const scrub = (s) => keys.reduce((out, key) => (typeof key === "string" && key.length >= 4 ? out.split(key).join("[REDACTED]") : out), s);
  const cause = new Error(scrub(typeof thrown === "string" ? thrown : text("message")));
  if (text("name")) cause.name = scrub(text("name"));
  return new ValidationError(`Invalid \`${field}\`: could not be read: reading it threw an exception (the cause).`, { field, cause });
}

/** Options with a relative `baseURL` (`"/braintrust"`) resolved against the
 * page's (or worker's) location, so that keyless proxy mode works as the
 * README shows. Where there is no location (Node, Workers) a relative URL
 * stays what it is, and is refused with the field named. Read through
 * property descriptors: a getter is not run here, but once, by the wasm. */
function onThisPage(options) {
  const href = globalThis.location?.href;
  if (typeof href !== "string" || options === null || typeof options !== "object") return options;
  try {
    const own = Object.getOwnPropertyDescriptor(options, "baseURL");
    // Only the relative forms (`/x`, `./x`, `../x`, `//host/x`): a bare
    // `api.example.com` is a missing scheme, refused as such.
    if (!own || !("value" in own) || typeof own.value !== "string" || !/^(\/|\.\.?\/)/.test(own.value)) return options;
    const copy = Object.defineProperties(Object.create(Object.getPrototypeOf(options)), Object.getOwnPropertyDescriptors(options));
    return Object.defineProperty(copy, "baseURL", { value: new URL(own.value, href).href, enumerable: true });
  } catch {
    return options; // an exotic object: the wasm's read reports it
  }
}

/** What the resource's calls return, as the official client's APIPromise:
 * awaited, the result; `asResponse()`, the response (its body unread);
 * `withResponse()`, both. Like the official one it is itself always
 * fulfilled and hands `then` on to the result, so asking only for the
 * response leaves no unhandled rejection behind. */
class APIPromise extends Promise {
  #raw;
  #result;
  #response;

  /** `raw` resolves to [result, response]. */
  constructor(raw) {
    super((resolve) => resolve(null));
    this.#raw = raw;
  }

  static wrap(raw) {
    return new APIPromise(raw);
  }

  #parsed() {
    return (this.#result ??= this.#raw.then((r) => r[0]));
  }

  then(onFulfilled, onRejected) {
    return this.#parsed().then(onFulfilled, onRejected);
  }

  catch(onRejected) {
    return this.#parsed().catch(onRejected);
  }

  finally(onFinally) {
    return this.#parsed().finally(onFinally);
  }

  // One Response per call, as the official client gives: asResponse() and
  // withResponse() hand out the same object.
  #responseOf([data, res]) {
    return (this.#response ??= freshResponse(res, data));
  }

  asResponse() {
    return this.#raw.then((r) => this.#responseOf(r));
  }

  async withResponse() {
    const r = await this.#raw;
    return { data: r[0], response: this.#responseOf(r) };
  }
}

/** A Response with the status and headers fetch gave and the result as its
 * JSON body, unread (the transport read the original; written only when
 * asked, so a call that never asks pays nothing for it). */
function freshResponse(res, data) {
  return new Response(JSON.stringify(data), { status: res?.status ?? 200, statusText: res?.statusText ?? "", headers: res?.headers ?? {} });
}

// The clients' own way to read a list query once, kept off the public API.
const READ_QUERY = Symbol("readQuery");

/** The API over the glue module, which `engine` (js/engine.js) loads on
 * first use; `loadSync` loads the sync module. */
export function makeSurface({ readEnv, engine, loadSync }) {
  const { life, trap } = engine;
  // The sync module, loaded once, when a call first needs it.
  let sync;
  const syncModule = () => (sync ??= loadSync().catch((e) => {
    sync = undefined;
    throw new BraintrustError(`Could not load the client's sync module (audits, rotation checks): ${e?.message ?? e}`, { cause: e });
  }));
  const makeCore = (options) => {
    try {
      return new WasmClient(onThisPage(options), readEnv(), classes); // throws a ValidationError
    } catch (e) {
      throw trap(e);
    }
  };

  class BraintrustClient {
    #options; #core; #generation;

    constructor(options = {}) {
      // Where the module loads at once (Node, Workers), options are checked
      // now; elsewhere (a page before its first call, or ready()), the
      // first call checks them, and rejects with the ValidationError.
      if (engine.readyNow()) this.#core = makeCore(options);
      this.#options = options;
      this.#generation = life.generation;
      /** The official client's names: `client.aiSecrets.create(...)`, etc. */
      this.aiSecrets = Object.freeze(new AiSecrets(this));
    }

    /** The official client's read-only settings. Getters on the prototype, so
     * that `JSON.stringify` and `util.inspect` of a client never show the key. */
    get baseURL() { return this.#now().baseURL; }
    get maxRetries() { return this.#now().maxRetries; }
    get timeout() { return this.#now().timeout; }
    get apiKey() { return this.#now().apiKey; }

    #now() {
      engine.requireNow("Reading a client's settings");
      return this.#live();
    }

    /** The wasm half, made on first use, and again from the same options on a fresh instance. */
    #live() {
      if (!this.#core || this.#generation !== life.generation) {
        this.#core = makeCore(this.#options);
        this.#generation = life.generation;
      }
      return this.#core;
    }

    // Every call goes through here, so that a trap is typed and counted.
    // The resource's calls resolve to [result, response], which APIPromise
    // unwraps.
    #call(method, args) {
      // A fresh instance knows no client: this one is made again.
      return engine.run(() => this.#live()[method](...args));
    }

    createAiSecret(params, options) { return APIPromise.wrap(this.#call("create", [params, options, true])); }
    replaceAiSecret(params, options) { return APIPromise.wrap(this.#call("replace", [params, options, true])); }
    getAiSecret(id, options) { return APIPromise.wrap(this.#call("retrieve", [id, options, true])); }
    // No patch sends `{}`, as the official client does.
    updateAiSecret(id, patch = {}, options) { return APIPromise.wrap(this.#call("update", [id, patch, options, true])); }
    deleteAiSecret(id, options) { return APIPromise.wrap(this.#call("delete", [id, options, true])); }
    deleteAiSecretByName(params, options) { return APIPromise.wrap(this.#call("deleteByName", [params, options, true])); }
    listAiSecrets(query, options) { return APIPromise.wrap(this.#call("list", [query, options, true])); }

    /** The stored secret `idOrName` names: an id (a UUID) is fetched, a name looked up in the client's org. */
    findAiSecret(idOrName, options) { return lifecycle.resolve(this, idOrName, options); }
    /** Changes only the value and checks it took: `{ id, name, type, before, after }`. */
    rotateAiSecret(idOrName, newSecret, options) { return lifecycle.rotate(this, idOrName, newSecret, options, syncModule); }
    /** Sets the whole metadata (a true replace), keeping the stored value. */
    setAiSecretMetadata(idOrName, metadata, options) { return lifecycle.setMetadata(this, idOrName, metadata, options); }
    /** Every secret with its age, `stale`, `neverRotated` and provider problems, riskiest first. */
    auditAiSecrets(params, options) { return lifecycle.audit(this, params, options, syncModule); }

    /** Every secret across pages, following `starting_after`. */
    async *iterAiSecrets(query, options) {
      // The caller's query read once and validated (a URLSearchParams or a
      // Map is refused, not read as no filter); pages extend this copy.
      let q = await this[READ_QUERY](query);
      if (q.ending_before != null) {
        throw new ValidationError("Invalid `ending_before`: iterAiSecrets walks forward with starting_after; use listAiSecrets for backward pages.", { field: "ending_before" });
      }
      for (;;) {
        const page = await this.listAiSecrets(q, options);
        yield* page.objects;
        const n = page.objects.length;
        if (n === 0 || (q.limit != null && n < q.limit)) return;
        q = { ...q, starting_after: page.objects[n - 1].id };
      }
    }

    toJSON() { return { client: "BraintrustClient" }; }

    // Node's util.inspect (and console.log) would call the getters above
    // when asked to (`getters: true`): it is shown the settings, the key as
    // [REDACTED]. A registered symbol, so browsers need nothing from Node.
    [Symbol.for("nodejs.util.inspect.custom")](depth, options, inspect) {
      if (!engine.readyNow()) return "BraintrustClient { (not loaded yet) }";
      const c = this.#live();
      const view = { baseURL: c.baseURL, maxRetries: c.maxRetries, timeout: c.timeout, apiKey: c.apiKey == null ? c.apiKey : "[REDACTED]", aiSecrets: this.aiSecrets };
      return `BraintrustClient ${inspect(view, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
    }

    /** The caller's list query read once and validated, as a plain object. */
    async [READ_QUERY](query) {
      return JSON.parse(await this.#call("listQuery", [query])) ?? {};
    }
  }

  // For the tests that look into the module's memory (zeroing, growth,
  // traps): the instance this entry runs on. A registered symbol, not enumerable.
  Object.defineProperty(BraintrustClient, Symbol.for("braintrust-ai-secrets.wasmMemory"), { value: () => engine.memory() });

  // Its name whatever a bundler or minifier calls the class (`require()`
  // gives the class itself, and stacks and inspect show the name).
  Object.defineProperty(BraintrustClient, "name", { value: "BraintrustClient" });

  // The official client's statics: `Braintrust.APIError`, `Braintrust.NotFoundError`, …
  for (const [name, cls] of Object.entries(classes)) BraintrustClient[name] = cls;

  // The official client's request options: a method given them where its
  // params would be takes them as options, as the official one does.
  const OFFICIAL_OPTIONS = ["method", "path", "query", "body", "headers", "maxRetries", "stream", "timeout", "httpAgent", "signal", "idempotencyKey", "defaultBaseURL", "__binaryResponse", "__streamClass"];
  const isRequestOptions = (v) => {
    try {
      if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
      const keys = Object.keys(v);
      return keys.length > 0 && keys.every((k) => OFFICIAL_OPTIONS.includes(k));
    } catch {
      return false; // unreadable: the call refuses it with the field named
    }
  };

  // Official-client shape. `list()` is awaitable (first page) and iterable (every item).
  class AiSecrets {
    #c;
    constructor(client) { this.#c = client; }
    create(params, options) { return this.#c.createAiSecret(params, options); }
    replace(params, options) { return this.#c.replaceAiSecret(params, options); }
    retrieve(id, options) { return this.#c.getAiSecret(id, options); }
    update(id, patch, options) {
      return options === undefined && isRequestOptions(patch) ? this.#c.updateAiSecret(id, {}, patch) : this.#c.updateAiSecret(id, patch, options);
    }
    delete(id, options) { return this.#c.deleteAiSecret(id, options); }
    findAndDelete(params, options) { return this.#c.deleteAiSecretByName(params, options); }
    list(query, options) {
      return options === undefined && isRequestOptions(query) ? new PagePromise(this.#c, {}, query) : new PagePromise(this.#c, query, options);
    }
  }

  class PagePromise {
    #c; #query; #options; #first; #call;
    constructor(client, query, options) { this.#c = client; this.#query = query; this.#options = options; }
    #page() {
      return (this.#first ??= (async () => {
        const q = await this.#c[READ_QUERY](this.#query);
        this.#call = this.#c.listAiSecrets(q, this.#options);
        return new AISecretsPage(this.#c, q, this.#options, await this.#call);
      })());
    }
    /** As the official APIPromise: the Response of the first page, body unread. */
    async asResponse() {
      await this.#page();
      return this.#call.asResponse();
    }
    async withResponse() {
      const data = await this.#page();
      return { data, response: await this.#call.asResponse() };
    }
    then(onFulfilled, onRejected) { return this.#page().then(onFulfilled, onRejected); }
    catch(onRejected) { return this.#page().catch(onRejected); }
    finally(onFinally) { return this.#page().finally(onFinally); }
    [Symbol.asyncIterator]() { return this.#c.iterAiSecrets(this.#query, this.#options)[Symbol.asyncIterator](); }
  }

  /** A page as the official client gives it: `objects`, and the way to the
   * pages after it (forwards by `starting_after`, or backwards when the
   * query had `ending_before`). */
  class AISecretsPage {
    #c; #query; #options;
    constructor(client, query, options, body) {
      this.#c = client; this.#query = query; this.#options = options;
      this.objects = body.objects ?? [];
    }
    getPaginatedItems() { return this.objects ?? []; }
    nextPageInfo() {
      const items = this.getPaginatedItems();
      if (!items.length) return null;
      const backwards = this.#query.ending_before != null;
      const id = (backwards ? items[0] : items[items.length - 1])?.id;
      if (!id) return null;
      return { params: backwards ? { ending_before: id } : { starting_after: id } };
    }
    hasNextPage() { return this.getPaginatedItems().length > 0 && this.nextPageInfo() !== null; }
    async getNextPage() {
      const info = this.nextPageInfo();
      if (!info) throw new BraintrustError("No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.");
      const { starting_after: _a, ending_before: _b, ...rest } = this.#query;
      return this.#c.aiSecrets.list({ ...rest, ...info.params }, this.#options);
    }
    async *iterPages() {
      let page = this;
      yield page;
      while (page.hasNextPage()) {
        page = await page.getNextPage();
        yield page;
      }
    }
    async *[Symbol.asyncIterator]() {
      for await (const page of this.iterPages()) yield* page.getPaginatedItems();
    }
  }

  /** One call, no set-up: `options` holds client options and request options. */
  function createAiSecret(params, options = {}) {
    if (options === null || typeof options !== "object") {
      return APIPromise.wrap(Promise.reject(new ValidationError("Invalid `options`: must be an object.", { field: "options" })));
    }
    const clientOptions = {};
    const requestOptions = {};
    // One read of each option, as the wasm reads them: a throw is a refusal.
    let field = "options";
    try {
      for (const k of Object.keys(options)) {
        field = k;
        (PER_CALL_KEYS.includes(k) ? requestOptions : clientOptions)[k] = options[k];
      }
    } catch (e) {
      return APIPromise.wrap(Promise.reject(unreadable(field, e, [clientOptions.apiKey, readEnv()?.BRAINTRUST_API_KEY])));
    }
    let client;
    try {
      client = new BraintrustClient(clientOptions);
    } catch (e) {
      return APIPromise.wrap(Promise.reject(e));
    }
    return client.createAiSecret(params, requestOptions);
  }

  /** `{ ok, errors, warnings }` for an AISecret-like value (a planned write,
   * or a stored secret): what Braintrust's AI proxy would make of it. */
  function checkAiSecret(value) {
    engine.requireNow("checkAiSecret");
    try {
      return check(value);
    } catch (e) {
      throw trap(e);
    }
  }

  /** The audit of secrets already listed: `[{ ageDays, stale, neverRotated, problems, … }]`, riskiest first. */
  const auditStoredSecrets = (secrets, params) => lifecycle.auditStored(secrets, params, syncModule);

  /** Loads the WebAssembly module now: resolves when it is ready, rejects
   * with a BraintrustError saying what could not be loaded from where. */
  const ready = () => engine.ready();

  return { BraintrustClient, createAiSecret, checkAiSecret, auditStoredSecrets, ready };
}

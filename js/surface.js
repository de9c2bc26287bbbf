// The public JS surface, shared by every entry point: a thin layer over the
// wasm `WasmClient` (crates/wasm/src/client.rs), which validates, sends,
// retries and decodes. Here: the class names, argument routing, the async
// iterator and the official client's method names.

import classes, { ValidationError } from "./errors.js";
import { WasmClient } from "./braintrust_ai_secrets.js";

// createAiSecret(params, options): these keys go to the call, the rest to the
// client (timeout and maxRetries are client options there).
const PER_CALL_KEYS = ["signal", "headers"];

/** The API over the glue module, which the entry has initialised. */
export function makeSurface(readEnv) {
  class BraintrustClient {
    #core;

    constructor(options = {}) {
      this.#core = new WasmClient(options, readEnv(), classes); // throws a ValidationError
      /** The official client's names: `client.aiSecrets.create(...)`, etc. */
      this.aiSecrets = Object.freeze(new AiSecrets(this));
    }

    createAiSecret(params, options) { return this.#core.create(params, options); }
    replaceAiSecret(params, options) { return this.#core.replace(params, options); }
    getAiSecret(id, options) { return this.#core.retrieve(id, options); }
    updateAiSecret(id, patch, options) { return this.#core.update(id, patch, options); }
    deleteAiSecret(id, options) { return this.#core.delete(id, options); }
    deleteAiSecretByName(params, options) { return this.#core.deleteByName(params, options); }
    listAiSecrets(query, options) { return this.#core.list(query, options); }

    /** Every secret across pages, following `starting_after`. */
    async *iterAiSecrets(query, options) {
      let q = query == null ? {} : { ...query };
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
  }

  // Official-client shape. `list()` is awaitable (first page) and iterable (every item).
  class AiSecrets {
    #c;
    constructor(client) { this.#c = client; }
    create(params, options) { return this.#c.createAiSecret(params, options); }
    replace(params, options) { return this.#c.replaceAiSecret(params, options); }
    retrieve(id, options) { return this.#c.getAiSecret(id, options); }
    update(id, patch, options) { return this.#c.updateAiSecret(id, patch, options); }
    delete(id, options) { return this.#c.deleteAiSecret(id, options); }
    findAndDelete(params, options) { return this.#c.deleteAiSecretByName(params, options); }
    list(query, options) { return new PagePromise(this.#c, query, options); }
  }

  class PagePromise {
    #c; #query; #options; #first;
    constructor(client, query, options) { this.#c = client; this.#query = query; this.#options = options; }
    #page() { return (this.#first ??= this.#c.listAiSecrets(this.#query, this.#options)); }
    then(onFulfilled, onRejected) { return this.#page().then(onFulfilled, onRejected); }
    catch(onRejected) { return this.#page().catch(onRejected); }
    finally(onFinally) { return this.#page().finally(onFinally); }
    [Symbol.asyncIterator]() { return this.#c.iterAiSecrets(this.#query, this.#options)[Symbol.asyncIterator](); }
  }

  /** One call, no set-up: `options` holds client options and request options. */
  async function createAiSecret(params, options = {}) {
    if (options === null || typeof options !== "object") {
      throw new ValidationError("Invalid `options`: must be an object.", { field: "options" });
    }
    const clientOptions = {};
    const requestOptions = {};
    for (const [k, v] of Object.entries(options)) {
      (PER_CALL_KEYS.includes(k) ? requestOptions : clientOptions)[k] = v;
    }
    return new BraintrustClient(clientOptions).createAiSecret(params, requestOptions);
  }

  return { BraintrustClient, createAiSecret };
}

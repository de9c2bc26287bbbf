// The public JS surface, shared by every entry point. It is a thin layer over
// the wasm `WasmClient`: argument routing, the async iterator and the
// official client's method names. Validation, request building, decoding and
// every retry decision are in Rust; transport.js does the I/O.

import classes, { BraintrustError, ValidationError } from "./errors.js";
// The glue's exports by name (not the whole module), so that bundlers drop
// what the page does not use, such as the other runtime's init function.
import { callBegin, callFree, callSettle, clientFree, clientNew, clientPrepare } from "./braintrust_ai_secrets.js";
import { perform } from "./transport.js";

// The wasm names a class by its position in errors.js's map (`ErrorClass`
// in src/core/error.rs), so the names are written once, here in JS.
const byNumber = Object.values(classes);
function makeError(classNumber, message, props) {
  const Cls = byNumber[classNumber] ?? BraintrustError;
  return new Cls(message, props);
}

// What js/transport.js drives a call with.
const calls = { callBegin, callSettle, callFree };

// createAiSecret(params, options): these keys go to the call, the rest to the
// client (timeout and maxRetries are client options there).
const PER_CALL_KEYS = ["signal", "headers"];

/** The API over the glue module, which the caller has initialised. */
export function makeSurface(readEnv) {
  // Each client's wasm half, by address (src/wasm/handle.rs), is freed when
  // the client is collected; calls in flight hold their own share of it.
  const cores = new FinalizationRegistry(clientFree);

  class BraintrustClient {
    #core;

    constructor(options = {}) {
      const core = clientNew(options, readEnv(), makeError);
      if (core instanceof Error) throw core; // a ValidationError
      this.#core = core;
      cores.register(this, core);
      /** The official client's names: `client.aiSecrets.create(...)`, etc. */
      this.aiSecrets = new AiSecrets(this);
      Object.freeze(this.aiSecrets);
    }

    // prepare() validates synchronously; the ValidationError it returns
    // becomes a rejection, and nothing is sent. (Not an `async` method:
    // returning perform's promise from one costs a promise and two ticks
    // per call.)
    #run(op, a, b, options) {
      let call;
      try {
        call = clientPrepare(this.#core, op, a, b, options);
      } catch (e) {
        return Promise.reject(e); // a trap in the wasm: still a rejection, never a throw
      }
      return call instanceof Error ? Promise.reject(call) : perform(calls, call);
    }
    createAiSecret(params, options) { return this.#run(0, params, undefined, options); }
    replaceAiSecret(params, options) { return this.#run(1, params, undefined, options); }
    getAiSecret(id, options) { return this.#run(2, id, undefined, options); }
    updateAiSecret(id, patch, options) { return this.#run(3, id, patch, options); }
    deleteAiSecret(id, options) { return this.#run(4, id, undefined, options); }
    deleteAiSecretByName(params, options) { return this.#run(5, params, undefined, options); }
    listAiSecrets(query, options) { return this.#run(6, query, undefined, options); }

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


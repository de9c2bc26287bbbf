// The WebAssembly module's life, shared by every client of one entry:
//
// - Loading: never at import (no top-level await, so the package loads
//   instantly in service workers, iife bundles and Workers). The first
//   client or call loads it: at once where the platform can (Node unpacks
//   the inlined module synchronously; Workers import it as a module), else
//   asynchronously (browsers unpack it with DecompressionStream), once,
//   every concurrent first call waiting for the same load. `ready()` loads it
//   early, for those who want a failure to show at start.
// - Traps: a trap (out of memory, or a bug) leaves the instance unfit for
//   long use (crates/wasm/src/trap.rs). The call that trapped fails with a
//   ClientInternalError, calls in flight finish on it, and once none is left
//   a fresh instance takes over; calls made meanwhile wait.

import { BraintrustError, ClientInternalError } from "./errors.js";
import { restart } from "./braintrust_ai_secrets.js";

/** `loadSync()` instantiates at once (or is absent); `loadAsync()` returns
 * a promise; `where` names what is loaded, for errors; `current()` gives the
 * loaded instance's exports (the glue's `initSync` returns them once loaded). */
export function makeEngine({ loadSync, loadAsync, where, current }) {
  const life = { ready: false, loading: undefined, generation: 0, inFlight: 0, trapped: false, idle: [] };
  const failed = (e) => {
    const message = String(e?.message ?? e);
    // The one refusal a page can fix itself: its policy forbids compiling wasm.
    const fix = /Content.Security.Policy/i.test(message) ? " (the page's Content-Security-Policy must allow 'wasm-unsafe-eval' in script-src)" : "";
    return new BraintrustError(`Could not load the client's WebAssembly module (${where})${fix}: ${e?.name ?? "Error"}: ${message.slice(0, 300)}`, { cause: e });
  };

  /** Whether the module is loaded, loading it at once if the platform can. */
  function readyNow() {
    if (life.ready) return true;
    if (!loadSync) return false;
    try {
      loadSync();
    } catch (e) {
      throw failed(e);
    }
    life.ready = true;
    return true;
  }

  /** Resolves once the module is loaded; rejects with a BraintrustError saying what could not be loaded. */
  function ready() {
    try {
      if (readyNow()) return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
    return (life.loading ??= loadAsync().then(
      () => {
        life.ready = true;
      },
      (e) => {
        life.loading = undefined; // a later call tries again
        throw failed(e);
      },
    ));
  }

  /** The error to report for `e`, thrown by the module: a trap is typed,
   * and the module restarts once the calls in flight are done. */
  function trap(e) {
    // A RangeError out of wasm is a stack overflow; JS code under the module
    // (js/read.js) turns its own into a ValidationError.
    if (!(e instanceof WebAssembly.RuntimeError || e instanceof RangeError)) return e;
    life.trapped = true;
    return new ClientInternalError(`The client's WebAssembly module failed (${e.name}: ${String(e.message).slice(0, 200)}); this call sent nothing. The module restarts by itself, so later calls work.`, { cause: e });
  }

  function settled() {
    if (--life.inFlight === 0 && life.idle.length) for (const resume of life.idle.splice(0)) resume();
  }

  /** Runs `start()` (which calls into the module and returns its promise)
   * once the module is loaded and not restarting, counting it in flight. */
  function run(start) {
    if (!life.ready) return ready().then(() => run(start)); // a failed load rejects, never throws
    if (life.trapped && life.inFlight > 0) return new Promise((resume) => life.idle.push(resume)).then(() => run(start));
    let p;
    try {
      if (life.trapped) {
        restart();
        life.trapped = false;
        life.generation++;
      }
      p = start();
    } catch (e) {
      return Promise.reject(trap(e));
    }
    life.inFlight++;
    return p.then(
      (v) => {
        settled();
        return v;
      },
      (e) => {
        settled();
        throw e;
      },
    );
  }

  /** For the sync functions (`checkAiSecret`): the module, or a clear error. */
  function requireNow(what) {
    if (readyNow()) return;
    throw new BraintrustError(`${what} needs the client's WebAssembly module, which is not loaded yet: \`await ready()\` first (any call loads it too).`);
  }

  /** The instance's linear memory, for the tests that look into it. */
  function memory() {
    requireNow("Reading the module's memory");
    return current().memory;
  }

  return { life, readyNow, ready, run, trap, requireNow, memory };
}

// The helpers the wasm shell (src/wasm/bindings.rs) imports: one call
// answers what a value is, or reads or writes one member, where
// wasm-bindgen's generic `Reflect`/`typeof` imports took several crossings
// each; others parse and write JSON text, make errors and call the logger,
// taking texts typed so the glue decodes them in place. They never throw (a
// throw would unwind through wasm frames without running Rust's drops), so
// the wasm imports nothing with `catch`.

const OBJECT_PROTOTYPE = Object.prototype;

/** The `Kind` of `v` (src/core/json.rs order): 0 undefined, 1 null,
 * 2 boolean, 3 number, 4 string, 5 array, 6 plain object, 7 anything else;
 * and 8 for a function (the core sees it as 7; the shell asks for fetch,
 * logger methods and listeners); `true` is 9, so that the shell reads a
 * flag (`signal.aborted`) in one call. */
export function kindOf(v) {
  switch (typeof v) {
    case "string": return 4;
    case "undefined": return 0;
    case "number": return 3;
    case "boolean": return v ? 9 : 2;
    case "function": return 8;
    case "object":
      if (v === null) return 1;
      try {
        if (Array.isArray(v)) return 5;
        const p = Object.getPrototypeOf(v);
        return p === null || p === OBJECT_PROTOTYPE ? 6 : 7;
      } catch {
        return 7; // a revoked Proxy
      }
    default:
      return 7;
  }
}

// Member names, decoded from wasm memory once each: the wasm names a member
// by its index here. The last slot is scratch, rewritten for each name past
// the first MAX_NAMES - 1 (header names come from callers, so the table is
// bounded); the wasm caches only the indices below it.
const names = [];
const MAX_NAMES = 64;

/** Files `name` and returns its index. */
export function intern(name) {
  const i = Math.min(names.length, MAX_NAMES - 1);
  names[i] = name;
  return i;
}

/** `kindOf(v[name])` in one call: checking a response's fields needs only their kinds. */
export function memberKind(v, k) {
  return kindOf(member(v, k));
}

/** `v[name]` for objects and functions, else (or when a getter throws) undefined. */
export function member(v, k) {
  if (v === null || (typeof v !== "object" && typeof v !== "function")) return undefined;
  try {
    return v[names[k]];
  } catch {
    return undefined;
  }
}

/** `o[name] = v` on a plain object the wasm made (results, errors, RequestInit). */
export function put(o, k, v) {
  o[names[k]] = v;
}
// The same, under one name per Rust signature (a wasm module may not import
// one name twice with different types): the glue converts a text or a number in
// place, so wasm makes no handle for it.
export { put as putText, put as putNumber };

/** `o[name]` = the text parsed as JSON, or the text itself when it is not JSON. */
export function putJsonOrText(o, k, text) {
  const v = parseJson(text);
  o[names[k]] = v === undefined ? text : v;
}

/** `make(classNumber, message, props)`, surface.js's error factory; what
 * it throws is returned instead (a throw would unwind through wasm frames). */
export function makeError(make, classNumber, message, props) {
  try {
    return make(classNumber, message, props);
  } catch (e) {
    return e;
  }
}

/** `logger[name](line, fields)` when that is a function; a logger that
 * throws is ignored. */
export function logTo(logger, k, line, fields) {
  try {
    const f = logger[names[k]];
    if (typeof f === "function") f.call(logger, line, fields);
  } catch {
    // a logger's failure is not the call's
  }
}

/** Removes `o[name]` if present (`delete` on an absent key would still turn
 * the object into a slow dictionary-mode one). */
export function remove(o, k) {
  const name = names[k];
  if (name in o) delete o[name];
}

/** `JSON.parse(text)`, or undefined (which JSON never parses to) when the
 * text is not JSON. */
export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `JSON.stringify(v)`: a string, or undefined for cycles, bigints and
 * values with no JSON text. */
export function jsonText(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
}

/** Own enumerable keys of a plain object or array. */
export function keysOf(v) {
  try {
    return Object.keys(v);
  } catch {
    return [];
  }
}

/** Every header as a flat list: name, value, name, value… */
export function headerList(h) {
  const out = [];
  try {
    for (const [k, v] of h) out.push(String(k), String(v)); // pairs stay aligned
  } catch {
    // not iterable: no headers to report
  }
  return out;
}

const encoder = new TextEncoder();

/** Encodes `text` from UTF-16 unit `from` into `buf` (a view of wasm
 * memory); returns `read + written * 2^32`. */
export function textInto(text, from, buf) {
  const r = encoder.encodeInto(from ? text.slice(from) : text, buf);
  return r.read + r.written * 4294967296;
}

/** `v` when it is a number, else NaN. */
export function numberOf(v) {
  return typeof v === "number" ? v : NaN;
}

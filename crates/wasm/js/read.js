// Reads a caller's value for the wasm shell (src/convert.rs): once, the way
// JSON.stringify reads it, inside one try. So a getter, a Proxy trap or a
// toJSON runs once per field, a throw is a refusal naming the field (never a
// field silently missing), `undefined` stays apart from `null`, `toJSON`
// results are what gets checked, and lone surrogates come out escaped (which
// the core refuses) instead of replaced. The root and each top-level object
// must be plain objects: a Map, a Date or a URLSearchParams would otherwise
// read as `{}` or a string. A sparse array is refused before anything is
// allocated for its holes.
//
// Returns { json, taken }: `taken` holds the top-level `jsKeys` values
// (functions, signals), left out of the JSON. Throws { field, why, thrown },
// `thrown` being what the caller's code threw, if it threw.

const PROTO = Object.prototype;
const QUERY_KEYS = ["query", "defaultQuery"];

function isPlain(v) {
  const p = Object.getPrototypeOf(v);
  return p === null || p === PROTO;
}

function kindOf(v) {
  if (Array.isArray(v)) return "an array";
  try {
    return `a non-plain object (${Object.prototype.toString.call(v).slice(8, -1)})`;
  } catch {
    return "a non-plain object";
  }
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

class Refusal {
  constructor(why) {
    this.why = why;
  }
}

// Before JSON.stringify writes a "null" for each hole: a sparse array's
// length says nothing of what the caller meant to send.
function noHoles(key, v) {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) throw new Refusal(`has a hole at index ${i} (a sparse array of length ${v.length}), which JSON would send as null: fill it, or put null there.`);
    }
  }
  return v;
}

/** The JSON of one member as JSON.stringify writes it (its toJSON called
 * with its key), without the braces; undefined when it has no JSON form. */
function member(key, raw) {
  const wrapper = { [key]: raw };
  // In a query object `undefined` removes a default parameter, as `null`
  // does (the official client's rule; in headers it keeps the default).
  const undefinedIsNull = QUERY_KEYS.includes(key);
  const text = JSON.stringify(wrapper, function (k, v) {
    // A top-level object that no toJSON changed must be a plain one.
    if (this === wrapper && v === raw && isObject(v) && !isPlain(v)) {
      throw new Refusal(`must be a plain object or null; got ${kindOf(v)}.`);
    }
    if (v === undefined && undefinedIsNull && this === raw) return null;
    return noHoles(k, v);
  });
  return text.length === 2 ? undefined : text.slice(1, -1);
}

export function readInput(value, what, jsKeys) {
  const taken = {};
  let field = what;
  try {
    if (value === undefined) return { json: "null", taken };
    if (isObject(value) && typeof value.toJSON === "function") value = value.toJSON("");
    if (!isObject(value)) return { json: JSON.stringify(value, noHoles) ?? "null", taken };
    if (!isPlain(value)) throw new Refusal(`must be a plain object; got ${kindOf(value)}.`);
    const parts = [];
    for (const key of Object.keys(value)) {
      field = key;
      const raw = value[key]; // the one read of this field
      if (jsKeys.includes(key)) {
        taken[key] = raw;
        continue;
      }
      // The root's own toJSON has answered already.
      if (key === "toJSON" && typeof raw === "function") continue;
      // A string or null (most fields) has no toJSON to call.
      const json = typeof raw === "string" || raw === null ? `${JSON.stringify(key)}:${JSON.stringify(raw)}` : member(key, raw);
      if (json !== undefined) parts.push(json);
      else if (raw !== undefined) {
        throw new Refusal("must be JSON-serialisable: it has no JSON form (a function, a symbol, or a toJSON that returned undefined).");
      }
    }
    return { json: `{${parts.join(",")}}`, taken };
  } catch (e) {
    if (e instanceof Refusal) throw { field, why: e.why };
    const why = e instanceof TypeError && /bigint|circular|cyclic/i.test(String(e.message))
      ? "must be JSON-serialisable (no cycles or bigints)."
      : e instanceof RangeError && /string length/i.test(String(e.message))
        ? "is too large: its JSON would be longer than the longest string this platform allows."
        : "could not be read: reading it threw an exception (the cause).";
    throw { field, why, thrown: e };
  }
}

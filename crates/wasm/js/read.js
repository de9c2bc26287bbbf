// Reads a caller's value for the wasm shell (src/convert.rs): once, the way
// JSON.stringify reads it, inside one try. So a getter or a Proxy trap runs
// once per field, a throw is a refusal naming the field (never a field
// silently missing), `undefined` stays apart from `null`, `toJSON` results
// are what gets checked, and lone surrogates come out escaped (which the
// core refuses) instead of replaced. The root and each top-level object
// must be plain objects: a Map, a Date or a URLSearchParams would otherwise
// read as `{}` or a string.
//
// Returns { json, taken }: `taken` holds the top-level `jsKeys` values
// (functions, signals), left out of the JSON. Throws { field, why }.

const PROTO = Object.prototype;

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

export function readInput(value, what, jsKeys) {
  const taken = {};
  if (value === undefined) return { json: "null", taken };
  let field = what;
  let root;
  let first = true;
  const refuse = (why) => {
    throw { field, why, refused: true };
  };
  try {
    const json = JSON.stringify(value, function (key, v) {
      if (first) {
        first = false;
        if (!isObject(v)) return v;
        if (!isPlain(v)) refuse(`must be a plain object; got ${kindOf(v)}.`);
        root = {};
        for (const k of Object.keys(v)) root[k] = v[k]; // one read of each field
        return root;
      }
      if (this !== root) return v;
      field = key;
      const raw = root[key];
      if (jsKeys.includes(key)) {
        taken[key] = raw;
        return undefined;
      }
      if (raw !== undefined && v === undefined) {
        refuse("must be JSON-serialisable: it has no JSON form (a function, a symbol, or a toJSON that returned undefined).");
      }
      if (v === raw && isObject(v) && !isPlain(v)) refuse(`must be a plain object or null; got ${kindOf(v)}.`);
      return v;
    });
    return { json: json ?? "null", taken };
  } catch (e) {
    if (e !== null && typeof e === "object" && e.refused === true) throw e;
    const why = e instanceof TypeError && /bigint|circular|cyclic/i.test(String(e.message))
      ? "must be JSON-serialisable (no cycles or bigints)."
      : "could not be read: reading it threw an exception.";
    throw { field, why, refused: true };
  }
}

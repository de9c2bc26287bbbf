//! Hand-written bindings to the few JS APIs the shell uses, and js/probe.js's
//! helpers for reading values and filling plain objects.
//!
//! No `js-sys` (0.15 KB gzip): linking it made every one of its bindings a
//! root for the linker (each has an exported descriptor that wasm-bindgen
//! removes only afterwards), so the data its JSPI task machinery refers to
//! (RefCell and closure panic messages, a source path) stayed in the shipped
//! module after that code was gone; wasm-opt drops code, never data.

use super::Local;
use crate::prelude::*;
use core::cell::Cell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A plain object the shell makes and fills.
    #[derive(Clone)]
    pub type Object;
    #[wasm_bindgen(constructor)]
    pub fn new() -> Object;

    #[derive(Clone)]
    pub type Function;

    pub type Array;
    #[wasm_bindgen(method, getter)]
    pub fn length(this: &Array) -> u32;
    #[wasm_bindgen(method, indexing_getter)]
    pub fn get(this: &Array, i: u32) -> JsValue;

    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    pub fn date_now() -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = random)]
    pub fn math_random() -> f64;
    #[wasm_bindgen(js_namespace = Date, js_name = parse)]
    fn date_parse(text: &str) -> f64;
    #[wasm_bindgen(js_name = parseFloat)]
    fn parse_float(text: &str) -> f64;
}

/// An HTTP-date (a `Retry-After`) as epoch ms, by the platform's `Date.parse`,
/// which reads all three of RFC 9110's formats.
pub fn parse_date(text: &str) -> Option<f64> {
    unless_nan(date_parse(text))
}

/// A decimal (a `Retry-After` or `retry-after-ms`) by JS's `parseFloat`.
pub fn parse_number(text: &str) -> Option<f64> {
    unless_nan(parse_float(text))
}

/// JS's "no number" (NaN) as `None`.
fn unless_nan(n: f64) -> Option<f64> {
    Some(n).filter(|n| !n.is_nan())
}

#[wasm_bindgen(module = "/js/probe.js")]
extern "C" {
    /// The `Kind` (src/core/json.rs order) as a number, in one call.
    #[wasm_bindgen(js_name = kindOf)]
    pub fn kind_of(v: &JsValue) -> u8;
    /// Files a member name; returns the index the functions below take.
    fn intern(name: &str) -> u32;
    /// `v[k]`, or `undefined` when `v` is not an object or the getter throws.
    fn member(v: &JsValue, k: u32) -> JsValue;
    /// `kindOf(v[k])`, without handing the member to wasm.
    #[wasm_bindgen(js_name = memberKind)]
    fn member_kind_of(v: &JsValue, k: u32) -> u8;
    /// `obj[k] = value` on an object the shell made.
    fn put(obj: &Object, k: u32, value: &JsValue);
    // `put` again with typed values (js/probe.js's aliases): the glue
    // converts them, so wasm makes and drops no `JsValue` of its own for
    // each (smaller, and one crossing instead of two).
    #[wasm_bindgen(js_name = putText)]
    fn put_str(obj: &Object, k: u32, value: &str);
    #[wasm_bindgen(js_name = putNumber)]
    fn put_f64(obj: &Object, k: u32, value: f64);
    /// `obj[k]` = `text` parsed as JSON, or `text` when it is not JSON.
    #[wasm_bindgen(js_name = putJsonOrText)]
    fn put_json_or_text(obj: &Object, k: u32, text: &str);
    /// surface.js's error factory `make(class, message, props)` (`class`: an
    /// `ErrorClass` number), or what it threw. The message crosses typed, as
    /// in `put_str`.
    #[wasm_bindgen(js_name = makeError)]
    pub fn make_error(make: &Function, class: u8, message: &str, props: &Object) -> JsValue;
    /// `logger[k](line, fields)` when that is a function; throws are ignored.
    #[wasm_bindgen(js_name = logTo)]
    fn log_to(logger: &Object, k: u32, line: &str, fields: &Object);
    /// Deletes `o[k]` if present.
    fn remove(o: &JsValue, k: u32);
    /// `JSON.parse` of a JS string, without copying it through wasm memory;
    /// `undefined` (which JSON never parses to) when it is not JSON. (No
    /// import uses `catch` any more: one that did linked wasm-bindgen's
    /// exception slot, an export and a read after each call.)
    #[wasm_bindgen(js_name = parseJson)]
    pub fn parse_json(text: &JsValue) -> JsValue;
    /// `JSON.stringify(v)`: a string, or `undefined` for cycles, bigints and
    /// values with no JSON text.
    #[wasm_bindgen(js_name = jsonText)]
    pub fn json_text(v: &JsValue) -> JsValue;
    /// `Object.keys(v)`, or an empty array.
    #[wasm_bindgen(js_name = keysOf)]
    pub fn keys_of(v: &JsValue) -> Array;
    /// Every header as a flat array: name, value, name, value…
    #[wasm_bindgen(js_name = headerList)]
    pub fn header_list(headers: &JsValue) -> Array;
    /// `TextEncoder.encodeInto(text.slice(from), buf)`, as `read + written * 2^32`.
    #[wasm_bindgen(js_name = textInto)]
    fn text_into(text: &JsValue, from: u32, buf: &mut [u8]) -> f64;
    /// `v` when it is a number, else NaN.
    #[wasm_bindgen(js_name = numberOf)]
    fn number_of(v: &JsValue) -> f64;
}

/// `kind_of`'s answer for a string.
const STRING: u8 = 4;

/// `v` as UTF-8 when it is a JS string (lone surrogates become U+FFFD, as
/// with `JsValue::as_string`). Encoded straight into wasm memory: `as_string`
/// had the glue allocate through two more exports (malloc, realloc) and
/// linked `Vec::into_boxed_slice`'s shrink path, which never runs.
pub fn text(v: &JsValue) -> Option<String> {
    if kind_of(v) != STRING {
        return None;
    }
    // UTF-16 units. The first pass has room for ASCII, a byte a unit; if
    // it stops short, the second has room for three bytes a unit left (the
    // most one takes), so it is the last. (Two at most, whatever JS answers:
    // a loop that could not end would hang the page.)
    let units = v.unchecked_ref::<Array>().length() as usize;
    let (mut buf, mut read, mut len, mut room) = (Vec::new(), 0, 0, units);
    for _ in 0..2 {
        if read >= units {
            break;
        }
        buf.resize(len + room, 0);
        let r = text_into(v, read as u32, buf.get_mut(len..).unwrap_or_default()) as u64;
        read += (r & 0xffff_ffff) as usize;
        len += (r >> 32) as usize;
        room = 3 * units.saturating_sub(read);
    }
    buf.truncate(len);
    // SAFETY: TextEncoder writes whole UTF-8 sequences only.
    Some(unsafe { String::from_utf8_unchecked(buf) })
}

/// `v` when it is a number other than NaN.
pub fn number(v: &JsValue) -> Option<f64> {
    unless_nan(number_of(v))
}

/// Member names by their index in js/probe.js's table: the name crosses
/// once, as it is filed, and each access after passes a number. (Decoding
/// the name on every access was a fifth of the shell's time per call; a
/// cached JS string handed over instead cost a clone and a drop, two
/// crossings, per access: 29 of each per create.) A `Cell`, taken and put
/// back, not a `RefCell`: no borrow can fail, so no panic path.
static NAMES: Local<Cell<Vec<(String, u32)>>> = Local(Cell::new(Vec::new()));
/// js/probe.js's last slot, rewritten for each name past its table's size.
/// Safe to hand out: the access that uses it is the next crossing, and no
/// JS runs between the two (a getter runs only after the name is looked up).
const SCRATCH: u32 = 63;

fn key(k: &str) -> u32 {
    let mut names = NAMES.0.take();
    let i = match names.iter().find(|(s, _)| s == k) {
        Some(&(_, i)) => i,
        None => {
            let i = intern(k);
            if i != SCRATCH {
                names.push((k.into(), i));
            }
            i
        }
    };
    // What `take` left there is an empty `Vec`: forgotten, not dropped, so
    // no drop code is linked for it (nothing is allocated to leak).
    core::mem::forget(NAMES.0.replace(names));
    i
}

/// `kind_of`'s answers for a function, and for `false` and `true`.
const FUNCTION: u8 = 8;
const FALSE: u8 = 2;
const TRUE: u8 = 9;

/// `typeof v === "function"`, through the one kind probe.
pub fn is_function(v: &JsValue) -> bool {
    kind_of(v) == FUNCTION
}

/// `v[k]`, or `undefined` when `v` is not an object or the getter throws.
pub fn get(v: &JsValue, k: &str) -> JsValue {
    member(v, key(k))
}

/// `obj[k] = value` on a plain object the shell made.
pub fn set(obj: &Object, k: &str, value: &JsValue) {
    put(obj, key(k), value)
}

/// `obj[k] = s` (a JS string).
pub fn set_str(obj: &Object, k: &str, s: &str) {
    put_str(obj, key(k), s)
}

/// `obj[k] = n` (a JS number).
pub fn set_f64(obj: &Object, k: &str, n: f64) {
    put_f64(obj, key(k), n)
}

/// `obj[k]` = `text` parsed as JSON, or `text` itself.
pub fn set_json_or_str(obj: &Object, k: &str, text: &str) {
    put_json_or_text(obj, key(k), text)
}

/// Tells `logger`'s method `k` (when it has one) `line` and `fields`.
pub fn log(logger: &Object, k: &str, line: &str, fields: &Object) {
    log_to(logger, key(k), line, fields)
}

/// `kind_of(v[k])` in one crossing.
pub fn member_kind(v: &JsValue, k: &str) -> u8 {
    member_kind_of(v, key(k))
}

/// `typeof v[k] === "function"`, in one crossing.
pub fn member_is_function(v: &JsValue, k: &str) -> bool {
    member_kind(v, k) == FUNCTION
}

/// `v[k]` when it is a boolean, in one crossing.
pub fn member_bool(v: &JsValue, k: &str) -> Option<bool> {
    match member_kind(v, k) {
        FALSE => Some(false),
        TRUE => Some(true),
        _ => None,
    }
}

/// Deletes `obj[k]` if present.
pub fn delete(obj: &JsValue, k: &str) {
    remove(obj, key(k))
}

//! JS values into the core's input, and the core's results into JS values.
//! Input crosses as JSON text written by js/read.js (one read of each
//! field, see there); results cross through `serde-wasm-bindgen`.

use crate::platform::get;
use bt_core::error::Error;
use bt_core::response::Decoded;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use zeroize::Zeroize;

#[wasm_bindgen(module = "/js/read.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = readInput)]
    fn read_input(value: &JsValue, what: &str, js_keys: Vec<JsValue>) -> Result<JsValue, JsValue>;
}

/// A caller's value read once: its JSON text, and the top-level values of
/// `js_keys` (functions, signals), which JSON cannot carry.
pub struct Input {
    pub json: String,
    pub taken: JsValue,
}

impl Input {
    /// The value JS gave for `key` (one of the `js_keys`), undefined when absent.
    pub fn taken(&self, key: &str) -> JsValue {
        get(&self.taken, key)
    }
}

impl Drop for Input {
    fn drop(&mut self) {
        // The JSON may hold a secret; the allocator zeroes the block too.
        self.json.zeroize();
    }
}

/// Reads `value` (`what` names it in errors: "params", "options", …).
pub fn read(value: &JsValue, what: &str, js_keys: &[&str]) -> Result<Input, Error> {
    let keys = js_keys.iter().map(|k| JsValue::from_str(k)).collect();
    match read_input(value, what, keys) {
        Ok(r) => Ok(Input { json: get(&r, "json").as_string().unwrap_or_default(), taken: get(&r, "taken") }),
        Err(e) => {
            let field = get(&e, "field").as_string().unwrap_or_else(|| what.to_string());
            let why = get(&e, "why").as_string().unwrap_or_else(|| "could not be read.".into());
            Err(Error::validation(field, why))
        }
    }
}

/// Whether a JS-only option (`fetch`, `logger`, `signal`) was left out: `undefined` and `null` are none.
pub fn is_absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

/// Rust values as plain JS objects: maps as objects, `None` as `null`
/// (absent fields are skipped by the types themselves).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, serde_wasm_bindgen::Error> {
    value.serialize(
        &serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true),
    )
}

/// A decoded result for the caller, as the platform's `JSON.parse` reads the
/// validated object's JSON. Measured against serde-wasm-bindgen's
/// `to_value`, which sets each field across the boundary, one string and a
/// native parse cost less per call, and numbers come out as JSON.parse reads
/// them (a large integer as the nearest double, not an error).
pub fn decoded(d: &Decoded) -> Result<JsValue, Error> {
    let text = match d {
        Decoded::Secret(s) => serde_json::to_string(s.as_ref()),
        Decoded::List(l) => serde_json::to_string(l),
    };
    let bad = |_| Error::ResponseValidation {
        status: 200,
        problem: "the decoded body could not be handed to JavaScript".into(),
        body: String::new(),
    };
    js_sys::JSON::parse(&text.map_err(|_| bad(()))?).map_err(|_| bad(()))
}

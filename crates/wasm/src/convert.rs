//! JS values into the core's input, and the core's results into JS values.
//! Input crosses as JSON text written by js/read.js (one read of each
//! field, see there); results cross through `serde-wasm-bindgen`.

use crate::errors::to_js_error;
use crate::platform::{get, prop, Props};
use crate::transport::clean_cause;
use bt_core::error::Error;
use bt_core::redact::Redactor;
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

/// Input refused: the error, and what the caller's code threw while it was
/// read (a getter, a `Proxy` trap, a `toJSON`), which becomes the error's
/// `cause` as a clean, redacted copy.
pub struct Refused {
    pub error: Error,
    pub thrown: Option<JsValue>,
}

impl From<Error> for Refused {
    fn from(error: Error) -> Self {
        Refused { error, thrown: None }
    }
}

impl Refused {
    /// The JS error, its cause scrubbed by `redactor`.
    pub fn to_js(&self, classes: &js_sys::Object, redactor: &Redactor) -> JsValue {
        to_js_error(classes, &self.error, 0, self.thrown.as_ref().map(|t| clean_cause(t, redactor)))
    }
}

/// Reads `value` (`what` names it in errors: "params", "options", …).
pub fn read(value: &JsValue, what: &str, js_keys: &[&str]) -> Result<Input, Refused> {
    let keys = js_keys.iter().map(|k| JsValue::from_str(k)).collect();
    match read_input(value, what, keys) {
        Ok(r) => {
            Ok(Input { json: prop(&r, Props::json).as_string().unwrap_or_default(), taken: prop(&r, Props::taken) })
        }
        Err(e) => {
            let field = get(&e, "field").as_string().unwrap_or_else(|| what.to_string());
            let why = get(&e, "why").as_string().unwrap_or_else(|| "could not be read.".into());
            let thrown = Some(get(&e, "thrown")).filter(|t| !is_absent(t));
            Err(Refused { error: Error::validation(field, why), thrown })
        }
    }
}

/// Whether a JS-only option (`fetch`, `logger`, `signal`) was left out: `undefined` and `null` are none.
pub fn is_absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

/// A Rust value as a plain JS object, through its JSON and the platform's
/// `JSON.parse`, which defines each key as an own property: a key that a
/// server chose (`constructor`, `__proto__`) can neither throw on a frozen
/// `Object.prototype` nor set a prototype, as assigning them would.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Option<JsValue> {
    js_sys::JSON::parse(&serde_json::to_string(value).ok()?).ok()
}

/// A checked result for the caller, as the platform's `JSON.parse` reads
/// its JSON: values as a raw `fetch` + `res.json()` would give them.
/// Measured against serde-wasm-bindgen's `to_value`, which sets each field
/// across the boundary, one string and a native parse cost less per call.
pub fn decoded(d: &Decoded) -> Result<JsValue, Error> {
    js_sys::JSON::parse(&d.0).map_err(|_| Error::ResponseValidation {
        status: 200,
        problem: "the checked body could not be handed to JavaScript".into(),
        body: String::new(),
    })
}

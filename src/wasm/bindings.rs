//! Hand-written bindings to the few JS APIs the shell uses (smaller than the
//! `web-sys` equivalents), and the get/set helpers for plain objects.

#[allow(unused_imports)]
use crate::prelude::*;

use js_sys::Object;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JS string, without copying it through wasm memory.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    pub fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;

    /// A fetch `Headers` object (any object with `get` and iteration).
    pub type Headers;
    #[wasm_bindgen(method, catch)]
    pub fn get(this: &Headers, name: &str) -> Result<Option<String>, JsValue>;
}

/// A JS string for a key. (wasm-bindgen's `enable-interning` would cache
/// these; it cost 3 KB gzip and no measurable time, so it is off.)
pub fn key(k: &str) -> JsValue {
    JsValue::from_str(k)
}

/// `obj[k] = value`, for building plain objects.
pub fn set(obj: &Object, k: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &key(k), value);
}

/// `v[k]`, or `undefined` when `v` is not an object or the getter throws.
pub fn get(v: &JsValue, k: &str) -> JsValue {
    if v.is_object() || v.is_function() {
        js_sys::Reflect::get(v, &key(k)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

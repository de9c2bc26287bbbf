//! Hand-written bindings to the few web APIs the shell uses. They bind the
//! *global* names (not `window.*`), so one build runs in windows, workers and
//! Node ≥ 18; and they are smaller than the `web-sys` equivalents.

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = fetch)]
    pub fn global_fetch(url: &str, init: &Object) -> Result<Promise, JsValue>;

    /// `JSON.parse` on a JS string, without copying it through wasm memory.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    pub fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(callback: &Function, ms: f64) -> JsValue;

    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(id: &JsValue);

    pub type AbortController;
    #[wasm_bindgen(constructor)]
    pub fn new() -> AbortController;
    #[wasm_bindgen(method, getter)]
    pub fn signal(this: &AbortController) -> AbortSignal;
    #[wasm_bindgen(method)]
    pub fn abort(this: &AbortController);

    /// Also describes a caller's signal, which is checked to be AbortSignal-like.
    pub type AbortSignal;
    #[wasm_bindgen(method, getter)]
    pub fn aborted(this: &AbortSignal) -> bool;
    #[wasm_bindgen(method, js_name = addEventListener)]
    pub fn add_event_listener(this: &AbortSignal, kind: &str, listener: &Function);
    #[wasm_bindgen(method, js_name = removeEventListener)]
    pub fn remove_event_listener(this: &AbortSignal, kind: &str, listener: &Function);

    pub type Response;
    #[wasm_bindgen(method, getter)]
    pub fn status(this: &Response) -> JsValue;
    #[wasm_bindgen(method, getter)]
    pub fn headers(this: &Response) -> Headers;
    #[wasm_bindgen(method, catch)]
    pub fn text(this: &Response) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, getter)]
    pub fn body(this: &Response) -> JsValue;

    pub type ReadableStream;
    #[wasm_bindgen(method, catch, js_name = getReader)]
    pub fn get_reader(this: &ReadableStream) -> Result<StreamReader, JsValue>;

    pub type StreamReader;
    #[wasm_bindgen(method, catch)]
    pub fn read(this: &StreamReader) -> Result<Promise, JsValue>;

    pub type TextDecoder;
    #[wasm_bindgen(constructor)]
    pub fn new() -> TextDecoder;
    #[wasm_bindgen(method)]
    pub fn decode(this: &TextDecoder, chunk: &JsValue, options: &JsValue) -> String;

    pub type Headers;
    #[wasm_bindgen(method, catch)]
    pub fn get(this: &Headers, name: &str) -> Result<Option<String>, JsValue>;
}

impl AbortController {
    /// `controller.abort` bound to the controller, usable as a timer or
    /// event callback without a Rust closure.
    pub fn abort_fn(&self) -> Function {
        let abort: Function = js_sys::Reflect::get(self, &JsValue::from_str("abort"))
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .unwrap_or_else(|| Function::new_no_args(""));
        abort.bind0(self)
    }
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

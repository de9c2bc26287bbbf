//! The platform's globals, found on `globalThis` (`js_sys::global()`), so
//! that one build runs in windows, workers, Node, Deno, Bun and Workers.

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `globalThis`, whatever the runtime calls it.
    pub type Global;

    #[wasm_bindgen(method, catch)]
    pub fn fetch(this: &Global, url: &str, init: &web_sys::RequestInit) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, js_name = setTimeout)]
    fn set_timeout(this: &Global, handler: &Function, ms: f64, arg: &JsValue) -> JsValue;

    #[wasm_bindgen(method, js_name = clearTimeout)]
    fn clear_timeout(this: &Global, id: &JsValue);
}

pub fn global() -> Global {
    js_sys::global().unchecked_into()
}

thread_local! {
    static REDIRECT: web_sys::RequestRedirect = redirect_support();
}

/// How fetch is asked to treat redirects: `"error"` where the platform
/// takes it; where it does not (Cloudflare Workers accept only "follow" and
/// "manual"), `"manual"`, and the transport refuses the 3xx itself. Found
/// once, by what the platform's `Request` accepts, not by sniffing names.
pub fn redirect_mode() -> web_sys::RequestRedirect {
    REDIRECT.with(|r| *r)
}

fn redirect_support() -> web_sys::RequestRedirect {
    let Ok(request) = get(&js_sys::global(), "Request").dyn_into::<Function>() else {
        return web_sys::RequestRedirect::Error;
    };
    let init = Object::new();
    let _ = js_sys::Reflect::set(&init, &"redirect".into(), &"error".into());
    let probe = js_sys::Array::of2(&"http://127.0.0.1/".into(), &init);
    match js_sys::Reflect::construct(&request, &probe) {
        Ok(_) => web_sys::RequestRedirect::Error,
        Err(_) => web_sys::RequestRedirect::Manual,
    }
}

/// A promise that resolves to `marker` after `ms`, and the timer behind it,
/// cleared on drop (so an attempt or a sleep leaves no timer behind).
pub struct Timer {
    pub promise: Promise,
    id: JsValue,
}

impl Timer {
    pub fn new(ms: f64, marker: &JsValue) -> Timer {
        let mut id = JsValue::UNDEFINED;
        let promise = Promise::new(&mut |resolve, _| id = global().set_timeout(&resolve, ms, marker));
        Timer { promise, id }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        global().clear_timeout(&self.id);
    }
}

#[wasm_bindgen]
extern "C" {
    /// Any JS value, read by the names of the properties the shell reads on
    /// every call (a Response, its headers, body and reader, a read's
    /// result, js/read.js's answer). The glue names them (`v.status`), so
    /// no key crosses the boundary as a string to decode each time; each
    /// read is caught, as [`get`]'s is: a custom fetch may answer anything,
    /// and a getter may throw.
    pub type Props;

    #[wasm_bindgen(method, structural, getter, catch)]
    pub fn status(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter = type, catch)]
    pub fn kind(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter, catch)]
    pub fn headers(this: &Props) -> Result<JsValue, JsValue>;
    /// `headers.get`, the function.
    #[wasm_bindgen(method, structural, getter = get, catch)]
    pub fn get_fn(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter, catch)]
    pub fn body(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter = getReader, catch)]
    pub fn get_reader(this: &Props) -> Result<JsValue, JsValue>;
    /// `reader.read`, the function.
    #[wasm_bindgen(method, structural, getter = read, catch)]
    pub fn read_fn(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter, catch)]
    pub fn done(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter, catch)]
    pub fn value(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter, catch)]
    pub fn json(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter, catch)]
    pub fn taken(this: &Props) -> Result<JsValue, JsValue>;
}

/// `v.<name>` through one of [`Props`]' readers: undefined when the read
/// throws (or `v` is null or undefined).
pub fn prop(v: &JsValue, read: fn(&Props) -> Result<JsValue, JsValue>) -> JsValue {
    read(v.unchecked_ref()).unwrap_or(JsValue::UNDEFINED)
}

/// `v.<name>` as a function, if it is one.
pub fn prop_fn(v: &JsValue, read: fn(&Props) -> Result<JsValue, JsValue>) -> Option<Function> {
    prop(v, read).dyn_into::<Function>().ok()
}

/// `v[key]`, or undefined when `v` is not an object or the read throws.
pub fn get(v: &JsValue, key: &str) -> JsValue {
    if !v.is_object() && !v.is_function() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `v[key]` as a function, if it is one.
pub fn method(v: &JsValue, key: &str) -> Option<Function> {
    get(v, key).dyn_into::<Function>().ok()
}

/// `o[key] = v` on an object the shell made, as `Reflect.set`: where a
/// frozen prototype forbids the key, it is left unset instead of throwing
/// through wasm. Objects keyed by someone else's names (headers) have no
/// prototype at all (see [`dictionary`]).
pub fn set(o: &Object, key: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(o, &JsValue::from_str(key), v);
}

/// An object without a prototype, for keys the shell does not choose: none
/// meets an inherited property, a frozen one or a setter.
pub fn dictionary() -> Object {
    Object::create(JsValue::NULL.unchecked_ref())
}

/// The clock, randomness and parsers the core's retry policy takes: JS's
/// own, which read `Retry-After` as `@braintrust/api` reads it.
pub struct Js;

impl bt_core::attempt::Platform for Js {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
    fn random(&self) -> f64 {
        js_sys::Math::random()
    }
    fn parse_number(&self, s: &str) -> Option<f64> {
        Some(js_sys::parse_float(s)).filter(|n| !n.is_nan())
    }
    fn parse_date(&self, s: &str) -> Option<f64> {
        Some(js_sys::Date::parse(s)).filter(|n| !n.is_nan())
    }
}

//! Turns `core::Error` into instances of the JS error classes. The classes
//! are defined once in JS (`js/errors.js`); the JS surface hands their
//! factory to each client it makes (no global state here), so every build
//! target shares one definition.

use super::bindings::{make_error as make, set, set_f64, set_json_or_str, set_str, Function, Object};
use crate::core::error::ErrorKind;
use crate::core::response::BODY_EXCERPT_BYTES;
use wasm_bindgen::prelude::*;

/// The JS error for `e` after `attempts` requests, made by `make_error`
/// (surface.js's `(className, message, props) => Error`); `cause` is attached
/// as `Error.cause` (already checked to hold no secret).
pub fn to_js(make_error: &Function, e: &ErrorKind, attempts: u32, cause: Option<JsValue>) -> JsValue {
    let props = Object::new();
    set_f64(&props, "attempts", attempts as f64);
    match e {
        ErrorKind::Validation { field, .. } => set_str(&props, "field", field),
        ErrorKind::Api(a) => {
            set_f64(&props, "status", a.status as f64);
            let headers = Object::new();
            for (k, v) in &a.headers {
                set_str(&headers, k, v);
            }
            set(&props, "headers", &headers);
            // Parsed when the (redacted) body is JSON and was not cut.
            if a.body.len() <= BODY_EXCERPT_BYTES {
                set_json_or_str(&props, "body", &a.body);
            } else {
                set_str(&props, "body", &a.body);
            }
            if let Some(id) = &a.request_id {
                set_str(&props, "requestId", id);
            }
            set(&props, "mayHaveSucceeded", &JsValue::from(a.may_have_succeeded));
        }
        ErrorKind::Connection { may_have_succeeded, .. } | ErrorKind::Timeout { may_have_succeeded, .. } => {
            set(&props, "mayHaveSucceeded", &JsValue::from(*may_have_succeeded));
        }
        ErrorKind::UserAbort => {}
        ErrorKind::ResponseValidation { status, body, .. } => {
            set_f64(&props, "status", *status as f64);
            set_str(&props, "body", body);
        }
    }
    if let Some(c) = cause {
        set(&props, "cause", &c);
    }
    make(make_error, e.class() as u8, &e.message(), &props)
}

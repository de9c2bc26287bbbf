//! The core's [`Error`] as an instance of the JS error classes, which
//! js/errors.js defines once; the JS surface hands their table (class name
//! to class) to each client it makes.

use crate::convert::to_js;
use crate::platform::{get, set};
use bt_core::error::Error;
use bt_core::providers::Problem;
use bt_core::response::BODY_EXCERPT_BYTES;
use js_sys::{Array, Function, Object, Reflect};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The properties of an error, as its class's constructor takes them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Props<'a> {
    attempts: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headers: Option<serde_json::Map<String, Value>>,
    /// Parsed when the (redacted) body is JSON and was not cut.
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    may_have_succeeded: Option<bool>,
    /// Every problem of a provider check, and its warnings.
    #[serde(skip_serializing_if = "Option::is_none")]
    problems: Option<&'a [Problem]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warnings: Option<&'a [Problem]>,
}

fn props(e: &Error, attempts: u32) -> Props<'_> {
    let mut p = Props {
        attempts,
        field: None,
        status: None,
        headers: None,
        body: None,
        request_id: None,
        may_have_succeeded: None,
        problems: None,
        warnings: None,
    };
    match e {
        Error::Validation { field, .. } => p.field = Some(field),
        Error::Provider { report, .. } => {
            p.field = report.errors.first().map(|e| e.field.as_str());
            p.problems = Some(&report.errors);
            p.warnings = Some(&report.warnings);
        }
        Error::Api(a) => {
            p.status = Some(a.status);
            p.headers = Some(a.headers.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect());
            let parsed = (a.body.len() <= BODY_EXCERPT_BYTES).then(|| serde_json::from_str(&a.body).ok()).flatten();
            p.body = Some(parsed.unwrap_or_else(|| Value::String(a.body.clone())));
            p.request_id = a.request_id.as_deref();
            p.may_have_succeeded = Some(a.may_have_succeeded);
        }
        Error::Connection { may_have_succeeded, .. } | Error::Timeout { may_have_succeeded, .. } => {
            p.may_have_succeeded = Some(*may_have_succeeded)
        }
        Error::UserAbort | Error::Unverified { .. } => {}
        Error::ResponseValidation { status, body, .. } => {
            p.status = Some(*status);
            p.body = Some(Value::String(body.clone()));
        }
    }
    p
}

/// The JS error for `e` after `attempts` requests, of the class `classes`
/// names for it; `cause` (already checked to hold no secret) becomes its
/// `cause`.
pub fn to_js_error(classes: &Object, e: &Error, attempts: u32, cause: Option<JsValue>) -> JsValue {
    let props = to_js(&props(e, attempts)).unwrap_or_else(|| Object::new().into());
    if let Some(c) = cause {
        set(props.unchecked_ref(), "cause", &c);
    }
    let message = JsValue::from_str(&e.message());
    let made = get(classes, e.class().name())
        .dyn_into::<Function>()
        .ok()
        .and_then(|class| Reflect::construct(&class, &Array::of2(&message, &props)).ok());
    made.unwrap_or_else(|| js_sys::Error::new(&e.message()).into())
}

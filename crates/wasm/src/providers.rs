//! The provider check for JS, without a client: the exported `checkAiSecret`
//! (js/surface.js). The table itself (`providers`) is written into the
//! package at build time (crates/core/examples/provider_table.rs), and
//! `canonicalName` is a lookup in it (js/provider-table.js).

use crate::convert::{read, to_js};
use bt_core::providers::{self, check_value, Report};
use wasm_bindgen::prelude::*;

/// Checks an AISecret-like value: `{ ok, errors, warnings }`. A value that
/// cannot be read is one error.
#[wasm_bindgen(js_name = checkAiSecret)]
pub fn check_ai_secret(value: JsValue) -> JsValue {
    let report = match read(&value, "value", &[]) {
        Ok(input) => match serde_json::from_str(&input.json) {
            Ok(v) => check_value(&v),
            Err(_) => Report { errors: vec![problem("value", "must be JSON data.")], warnings: vec![] },
        },
        Err(r) => Report { errors: vec![unreadable(&r.error)], warnings: vec![] },
    };
    #[derive(serde::Serialize)]
    struct Out<'a> {
        ok: bool,
        errors: &'a [providers::Problem],
        warnings: &'a [providers::Problem],
    }
    to_js(&Out { ok: report.errors.is_empty(), errors: &report.errors, warnings: &report.warnings })
        .unwrap_or(JsValue::NULL)
}

fn problem(field: &str, message: &str) -> providers::Problem {
    providers::Problem { field: field.to_string(), message: message.to_string() }
}

fn unreadable(e: &bt_core::Error) -> providers::Problem {
    match e {
        bt_core::Error::Validation { field, message } => problem(field, message),
        other => problem("value", &other.message()),
    }
}

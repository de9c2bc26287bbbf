//! The core's sync logic for JS (crates/core/src/sync): manifest checks,
//! plans, audits and rotation checks, for the CLI and the client's
//! `auditAiSecrets` and `rotateAiSecret`. A
//! module of its own, loaded on first use, so that the main one stays the
//! size a page that only creates secrets needs. Data crosses as JSON text
//! in and plain objects out; the values a plan compares are zeroed with
//! their text when it returns. A failed check is the core's error as
//! `{ class, message }`, its JS class by name (bt_core::ErrorClass);
//! thrown errors here are internal (input the shell itself wrote).

use bt_core::sync::{audit, manifest, plan, rotation, Stored};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use zeroize::Zeroize;

// As in the main module: every freed block is zeroed.
#[global_allocator]
static ALLOC: zeroizing_alloc::ZeroAlloc<std::alloc::System> = zeroizing_alloc::ZeroAlloc(std::alloc::System);

fn parse<T: DeserializeOwned>(json: &str, what: &str) -> Result<T, JsValue> {
    serde_json::from_str(json).map_err(|_| js_sys::Error::new(&format!("{what} is not what the API lists")).into())
}

/// A plain JS object, through JSON and the platform's `JSON.parse`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|_| js_sys::Error::new("unserialisable result"))?;
    js_sys::JSON::parse(&text)
}

/// `{ manifest, errors, warnings }` for a manifest's JSON text.
#[wasm_bindgen(js_name = checkManifest)]
pub fn check_manifest(json: &str) -> Result<JsValue, JsValue> {
    to_js(&manifest::check(json))
}

/// The plan for `desired` (targets with their values read) over `current`
/// (the listed secrets), with `options` `{ prune, rotate }`.
#[wasm_bindgen(js_name = planSync)]
pub fn plan_sync(mut desired: String, current: &str, options: &str) -> Result<JsValue, JsValue> {
    let made = (|| {
        let targets: Vec<plan::Target> = parse(&desired, "desired")?;
        let stored: Vec<Stored> = parse(current, "current")?;
        let opts: plan::Options = parse(options, "options")?;
        Ok::<_, JsValue>(plan::plan(&targets, &stored, opts))
    })();
    desired.zeroize();
    to_js(&made?)
}

/// The first way `current` differs from a saved plan's `basis` for the
/// secrets named `pending`, or null.
#[wasm_bindgen(js_name = changedSince)]
pub fn changed_since(basis: &str, current: &str, pending: &str) -> Result<Option<String>, JsValue> {
    let basis: Vec<plan::Basis> = parse(basis, "basis")?;
    let stored: Vec<Stored> = parse(current, "current")?;
    let names: Vec<String> = parse(pending, "pending")?;
    Ok(plan::changed_since(&basis, &stored, &names))
}

/// The audit of listed secrets at `now_ms`, riskiest first.
#[wasm_bindgen(js_name = auditSecrets)]
pub fn audit_secrets(current: &str, now_ms: f64, max_age_days: f64) -> Result<JsValue, JsValue> {
    let stored: Vec<Stored> = parse(current, "current")?;
    let date = |s: &str| Some(js_sys::Date::parse(s)).filter(|n| !n.is_nan());
    to_js(&audit::audit(&stored, now_ms, max_age_days, date))
}

/// Null when `after` shows the rotation to `value`; otherwise the error,
/// `{ class, message }` (a `VerificationError`).
#[wasm_bindgen(js_name = verifyRotation)]
pub fn verify_rotation(before: &str, after: &str, mut value: String) -> Result<JsValue, JsValue> {
    let checked = (|| {
        let before: Stored = parse(before, "before")?;
        let after: Stored = parse(after, "after")?;
        Ok::<_, JsValue>(rotation::verify(&before, &after, &value))
    })();
    value.zeroize();
    match checked? {
        Ok(()) => Ok(JsValue::NULL),
        Err(e) => {
            #[derive(Serialize)]
            struct Failed<'a> {
                class: &'a str,
                message: String,
            }
            to_js(&Failed { class: e.class().name(), message: e.message() })
        }
    }
}

//! `JsonView` over `JsValue`, reading members one at a time (js/probe.js)
//! so input is never copied wholesale into wasm.

use super::bindings::{get, json_text, keys_of, kind_of, member_kind, number, text, Array};
use crate::core::json::{JsonView, Kind};
use crate::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

pub struct Js(pub JsValue);

/// `Kind` from js/probe.js's `kindOf` number (its 8, a function, is
/// `Other`; its 9 is `true`).
fn kind(n: u8) -> Kind {
    match n {
        0 => Kind::Undefined,
        1 => Kind::Null,
        2 | 9 => Kind::Bool,
        3 => Kind::Number,
        4 => Kind::String,
        5 => Kind::Array,
        6 => Kind::Object,
        _ => Kind::Other,
    }
}

impl JsonView for Js {
    fn kind(&self) -> Kind {
        kind(kind_of(&self.0))
    }

    fn get(&self, key: &str) -> Self {
        Js(get(&self.0, key))
    }

    fn member_kind(&self, key: &str) -> Kind {
        kind(member_kind(&self.0, key))
    }

    fn keys(&self) -> Vec<String> {
        strings(&keys_of(&self.0))
    }

    fn as_string(&self) -> Option<String> {
        text(&self.0)
    }

    fn as_f64(&self) -> Option<f64> {
        number(&self.0)
    }

    fn length(&self) -> u32 {
        if self.kind() != Kind::Array {
            return 0;
        }
        self.0.unchecked_ref::<Array>().length()
    }

    fn item(&self, i: u32) -> Self {
        // Only called below `length`, so on an array.
        Js(self.0.unchecked_ref::<Array>().get(i))
    }

    fn to_json(&self) -> Option<String> {
        text(&json_text(&self.0))
    }
}

/// The strings of a JS array (others skipped).
fn strings(a: &Array) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..a.length() {
        if let Some(s) = text(&a.get(i)) {
            out.push(s);
        }
    }
    out
}

//! A read-only view of a JSON-like value. The wasm shell implements it over
//! `JsValue` (through js/probe.js, without copying whole objects); native tests
//! implement it over `serde_json::Value`. Validation and decoding are written
//! once against this trait.

/// The type of a value, as a caller would describe it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Absent key or JS `undefined`.
    Undefined,
    Null,
    Bool,
    Number,
    String,
    Array,
    /// A plain object: `{}` literal or `Object.create(null)`.
    Object,
    /// Anything else: functions, class instances (`Date`, `Map`), symbols, bigints.
    Other,
}

impl Kind {
    /// Words for error messages ("got a number").
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Undefined => "undefined",
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
            Kind::Other => "a non-plain object or function",
        }
    }
}

pub trait JsonView: Sized {
    fn kind(&self) -> Kind;
    /// The member `key` of an object (`Undefined` kind when missing).
    fn get(&self, key: &str) -> Self;
    /// `get(key).kind()`; the wasm view answers it in one crossing.
    fn member_kind(&self, key: &str) -> Kind {
        self.get(key).kind()
    }
    /// Own enumerable keys of an object, in order.
    fn keys(&self) -> Vec<String>;
    fn as_string(&self) -> Option<String>;
    fn as_f64(&self) -> Option<f64>;
    /// The length of an array (0 for anything else).
    fn length(&self) -> u32;
    /// Element `i` of an array, for `i` below `length()`. Read one at
    /// a time: a `Vec` of the elements cost its own drop and growth code.
    fn item(&self, i: u32) -> Self;
    /// Compact JSON text of the value, or `None` when it cannot be serialised
    /// (cycles, bigints).
    fn to_json(&self) -> Option<String>;
}

use crate::prelude::*;

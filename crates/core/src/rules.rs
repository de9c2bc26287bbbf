//! What a field accepts, as `deserialize_with` functions. Each reads the
//! field as JSON and answers with a sentence that names what was wanted and
//! the kind of value that came, never the value itself: serde's own
//! messages quote it (`invalid type: string "sk-…"`), and a value may be a
//! secret.

use crate::model::{JsonObject, Nullable};
use crate::secret::SecretString;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Words for the kind of a JSON value ("got a number").
pub fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(s) if s.is_empty() => "an empty string",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads a value and lets `pick` take what it accepts; anything else is
/// "`want`; got <kind>."
fn expect<'de, D, T>(d: D, want: &str, pick: impl FnOnce(Value) -> Result<T, Value>) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let v = Value::deserialize(d)?;
    pick(v).map_err(|v| D::Error::custom(format!("{want}; got {}.", describe(&v))))
}

fn nullable<T>(v: Value, some: impl FnOnce(Value) -> Result<T, Value>) -> Result<Nullable<T>, Value> {
    match v {
        Value::Null => Ok(Some(None)),
        v => some(v).map(|t| Some(Some(t))),
    }
}

fn string(v: Value) -> Result<String, Value> {
    match v {
        Value::String(s) => Ok(s),
        v => Err(v),
    }
}

fn non_empty(v: Value) -> Result<String, Value> {
    match v {
        Value::String(s) if !s.is_empty() => Ok(s),
        v => Err(v),
    }
}

fn object(v: Value) -> Result<JsonObject, Value> {
    match v {
        Value::Object(o) => Ok(o),
        v => Err(v),
    }
}

// Request bodies.

pub fn non_empty_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    expect(d, "must be a non-empty string", non_empty)
}

pub fn nullable_string<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<String>, D::Error> {
    expect(d, "must be a string or null", |v| nullable(v, string))
}

pub fn nullable_non_empty_string<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<String>, D::Error> {
    expect(d, "must be a non-empty string or null", |v| nullable(v, non_empty))
}

pub fn nullable_secret<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<SecretString>, D::Error> {
    expect(d, "must be a string or null", |v| nullable(v, |v| string(v).map(SecretString::new)))
}

pub fn nullable_object<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<JsonObject>, D::Error> {
    expect(d, "must be a plain object or null", |v| nullable(v, object))
}

// Responses: the same shapes, worded as what the spec promises.

pub fn response_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    expect(d, "should be a string", string)
}

pub fn response_nullable_string<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<String>, D::Error> {
    expect(d, "should be a string or null", |v| nullable(v, string))
}

pub fn response_nullable_object<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<JsonObject>, D::Error> {
    expect(d, "should be an object or null", |v| nullable(v, object))
}

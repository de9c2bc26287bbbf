//! What a field accepts, as `deserialize_with` functions. Each reads the
//! field straight from the JSON text and answers with a sentence that names
//! what was wanted and the kind of value that came, never the value itself:
//! serde's own messages quote it (`invalid type: string "sk-…"`), and a
//! value may be a secret.

use crate::model::{JsonText, Nullable};
use crate::secret::SecretString;
use serde::de::{self, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::Value;
use std::fmt;

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

/// Words for the kind of the JSON value `text` starts with.
pub fn describe_text(text: &str) -> &'static str {
    match text.trim_start().as_bytes() {
        [b'"', b'"', ..] => "an empty string",
        [b'"', ..] => "a string",
        [b'[', ..] => "an array",
        [b'{', ..] => "an object",
        [b't' | b'f', ..] => "a boolean",
        [b'n', ..] => "null",
        _ => "a number",
    }
}

/// A field as read: null, a string, or another kind, named. Strings are the
/// only values kept, so reading costs no more than the field itself.
enum Seen {
    Null,
    Str(String),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Seen {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Seen;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Seen, E> {
                Ok(Seen::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Seen, E> {
                Ok(Seen::Null)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Seen, E> {
                Ok(Seen::Str(s.to_string()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Seen, E> {
                Ok(Seen::Str(s))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Seen, E> {
                Ok(Seen::Other("a boolean"))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Seen, E> {
                Ok(Seen::Other("a number"))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Seen, E> {
                Ok(Seen::Other("a number"))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Seen, E> {
                Ok(Seen::Other("a number"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Seen, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Seen::Other("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Seen, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Seen::Other("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

impl Seen {
    fn kind(&self) -> &'static str {
        match self {
            Seen::Null => "null",
            Seen::Str(s) if s.is_empty() => "an empty string",
            Seen::Str(_) => "a string",
            Seen::Other(kind) => kind,
        }
    }
}

/// Reads a field and lets `pick` take what it accepts; anything else is
/// "`want`; got <kind>."
fn expect<'de, D, T>(d: D, want: &str, pick: impl FnOnce(Seen) -> Result<T, Seen>) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    pick(Seen::deserialize(d)?).map_err(|seen| D::Error::custom(format!("{want}; got {}.", seen.kind())))
}

fn nullable<T>(seen: Seen, some: impl FnOnce(String) -> Option<T>) -> Result<Nullable<T>, Seen> {
    match seen {
        Seen::Null => Ok(Some(None)),
        Seen::Str(s) => match some(s) {
            Some(t) => Ok(Some(Some(t))),
            None => Err(Seen::Str(String::new())),
        },
        other => Err(other),
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

// Request bodies.

pub fn non_empty_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    expect(d, "must be a non-empty string", |seen| match seen {
        Seen::Str(s) if !s.is_empty() => Ok(s),
        other => Err(other),
    })
}

pub fn nullable_string<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<String>, D::Error> {
    expect(d, "must be a string or null", |seen| nullable(seen, Some))
}

pub fn nullable_non_empty_string<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<String>, D::Error> {
    expect(d, "must be a non-empty string or null", |seen| nullable(seen, non_empty))
}

pub fn nullable_secret<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<SecretString>, D::Error> {
    expect(d, "must be a string or null", |seen| nullable(seen, |s| Some(SecretString::new(s))))
}

/// An object kept as its JSON text (see [`JsonText`]), or null.
pub fn nullable_object<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<JsonText>, D::Error> {
    let raw = Box::<RawValue>::deserialize(d)?;
    match raw.get().as_bytes().first() {
        Some(b'{') => Ok(Some(Some(JsonText::object(raw)))),
        Some(b'n') => Ok(Some(None)),
        _ => Err(D::Error::custom(format!("must be a plain object or null; got {}.", describe_text(raw.get())))),
    }
}

// Responses, for Rust callers that decode into `AISecret`: the same shapes,
// worded as what the spec promises.

pub fn response_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    expect(d, "should be a string", |seen| match seen {
        Seen::Str(s) => Ok(s),
        other => Err(other),
    })
}

pub fn response_nullable_string<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<String>, D::Error> {
    expect(d, "should be a string or null", |seen| nullable(seen, Some))
}

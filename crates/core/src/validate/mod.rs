//! Validation of what callers pass: client and request options
//! ([`options`]) and each operation's arguments ([`params`]). Every check
//! runs before any request is built, and every failure names the field.

pub mod base_url;
pub mod headers;
pub mod options;
pub mod params;
mod url_parts;

pub use options::{client_options, request_options, CheckMode, ClientConfig, Credentials, Env, RequestOptions};
pub use params::{id, is_uuid, list_query, Operation};

use crate::error::Error;
use crate::rules::describe;
use serde_json::Value;

/// A number option in `lo..=hi`, a whole one when `whole`; `None` when
/// absent. `want` says what it must be.
pub(crate) fn number_in(
    v: Option<&Value>,
    field: &str,
    want: &str,
    lo: f64,
    hi: f64,
    whole: bool,
) -> Result<Option<f64>, Error> {
    match v {
        None => Ok(None),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(n) if n >= lo && n <= hi && (!whole || n.fract() == 0.0) => Ok(Some(n)),
            _ => Err(Error::validation(field, format!("{want}."))),
        },
        Some(other) => Err(Error::validation(field, format!("{want}; got {}.", describe(other)))),
    }
}

/// An object or nothing (absent or `null`); anything else is "`want`; got <kind>."
pub(crate) fn optional_object<'a>(
    v: Option<&'a Value>,
    field: &str,
    want: &str,
) -> Result<Option<&'a serde_json::Map<String, Value>>, Error> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(other) => Err(Error::validation(field, format!("{want}; got {}.", describe(other)))),
    }
}

/// One of `choices` by its name, or nothing (absent or `null`).
pub(crate) fn one_of<T: Copy>(v: Option<&Value>, field: &str, choices: &[(&str, T)]) -> Result<Option<T>, Error> {
    let Some(given) = optional_string(v, field)? else { return Ok(None) };
    if let Some((_, t)) = choices.iter().find(|(name, _)| *name == given) {
        return Ok(Some(*t));
    }
    let names: Vec<String> = choices.iter().map(|(name, _)| format!("\"{name}\"")).collect();
    let (last, init) = names.split_last().map_or(("", &[][..]), |(l, i)| (l.as_str(), i));
    Err(Error::validation(field, format!("must be {} or {last}.", init.join(", "))))
}

/// A string or nothing (absent or `null`).
pub(crate) fn optional_string<'a>(v: Option<&'a Value>, field: &str) -> Result<Option<&'a str>, Error> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(Error::validation(field, format!("must be a string; got {}.", describe(other)))),
    }
}

//! Header names and values, checked before fetch sees them: fetch's own
//! error would quote the value, which may be a key.

use super::optional_object;
use crate::error::Error;
use crate::rules::describe;
use crate::secret::SecretString;
use serde_json::Value;

/// A header name as RFC 9110 allows (a token).
pub fn is_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A header value fetch accepts: visible ASCII, spaces and tabs, no CR/LF.
pub fn is_value(value: &str) -> bool {
    value.bytes().all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
}

/// Headers fetch refuses to send: taking them would fail every attempt
/// after the call had been reported as sent.
pub const REFUSED_BY_FETCH: &[&str] = &["transfer-encoding", "content-length", "expect", "upgrade", "keep-alive"];

/// A header object: names to strings, or to `null`, which removes a
/// default header (as in the official client). An `undefined` value is
/// absent from the JSON, so it keeps the default.
pub fn parse(v: Option<&Value>, field: &str) -> Result<Vec<(String, SecretString)>, Error> {
    let Some(map) = optional_object(v, field, "must be an object of header names to strings")? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::with_capacity(map.len());
    for (name, value) in map {
        if !is_name(name) {
            // Quoted only when it is printable ASCII: anything else would
            // reach a terminal or a log as it is.
            let shown =
                if name.bytes().all(|b| (0x20..0x7f).contains(&b)) { format!(" `{name}`") } else { String::new() };
            return Err(Error::validation(
                field,
                format!("has an invalid header name{shown}: a name is letters, digits and !#$%&'*+-.^_`|~ only."),
            ));
        }
        if REFUSED_BY_FETCH.iter().any(|h| h.eq_ignore_ascii_case(name)) {
            return Err(Error::validation(
                field,
                format!("header `{name}` is one fetch sets itself and refuses to send; remove it."),
            ));
        }
        match value {
            Value::Null => out.push((name.clone(), SecretString::default())),
            Value::String(s) if is_value(s) => out.push((name.clone(), SecretString::new(s.clone()))),
            Value::String(_) => {
                return Err(Error::validation(
                    field,
                    format!(
                    "header `{name}` has a value with characters not allowed in HTTP headers (control or non-ASCII)."
                ),
                ))
            }
            other => {
                return Err(Error::validation(
                    field,
                    format!("header `{name}` must be a string; got {}.", describe(other)),
                ))
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_are_rfc_9110_tokens() {
        for b in 0u8..=255 {
            let token = b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
            assert_eq!(is_name(&String::from_utf8_lossy(&[b])), token, "byte {b}");
        }
        assert!(is_name("X-Request-Id") && !is_name("") && !is_name("a b") && !is_name("é"));
        let named = |n: &str| parse(Some(&serde_json::json!({ n: "v" })), "headers").unwrap_err().message();
        assert_eq!(
            named("a b"),
            "Invalid `headers`: has an invalid header name `a b`: a name is letters, digits and !#$%&'*+-.^_`|~ only."
        );
        assert!(named("a\u{1b}[31m").starts_with("Invalid `headers`: has an invalid header name: "));
    }

    #[test]
    fn headers_fetch_refuses_are_refused_before_sending() {
        for name in ["Transfer-Encoding", "content-length", "Expect", "UPGRADE", "keep-alive"] {
            let v = serde_json::json!({ name: "x" });
            let e = parse(Some(&v), "headers").unwrap_err();
            assert!(e.message().contains("refuses to send"), "{e}");
        }
        assert_eq!(parse(Some(&serde_json::json!({"x-ok": "1"})), "headers").unwrap().len(), 1);
    }
}

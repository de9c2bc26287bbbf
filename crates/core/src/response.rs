//! Decodes responses: error statuses into [`Error::Api`], 2xx bodies into
//! the spec's types.

use crate::error::{cut, ApiError, Error, ELLIPSIS};
use crate::redact::Redactor;
use crate::request::Expect;
use crate::rules::describe;
use serde_json::Value;

/// Bodies quoted in errors are cut to this many bytes.
pub const BODY_EXCERPT_BYTES: usize = 2048;
/// Headers that carry a request id, most specific first.
pub const REQUEST_ID_HEADERS: &[&str] =
    &["x-bt-request-id", "x-request-id", "x-amzn-requestid", "x-bt-internal-trace-id"];

pub fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

/// Redacted and cut text for an error's `body`. Cut first to the excerpt
/// plus the longest needle (a needle starting inside the excerpt still fits
/// whole), so redaction never scans a large body.
pub fn excerpt(redactor: &Redactor, body: &str) -> String {
    // A JSON body is searched in its decoded strings: a server may echo a
    // secret with escapes (`\u0073k-…`, as Go and Python's ensure_ascii
    // write), which the text would hide.
    // Written again only when something was redacted: otherwise the text
    // stays as it came, numbers and all.
    let decoded = serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|mut v| redact_strings(&mut v, redactor).then(|| v.to_string()));
    let body = decoded.as_deref().unwrap_or(body);
    let (head, head_cut) = cut(body, BODY_EXCERPT_BYTES + redactor.longest() + 1);
    let clean = redactor.redact(head);
    let (short, was_cut) = cut(&clean, BODY_EXCERPT_BYTES);
    format!("{short}{}", if was_cut || head_cut { ELLIPSIS } else { "" })
}

/// Redacts every string and key of a JSON value in place; whether any
/// changed.
fn redact_strings(v: &mut Value, redactor: &Redactor) -> bool {
    let redact = |s: &mut String| {
        let clean = redactor.redact(s);
        let changed = clean != *s;
        *s = clean;
        changed
    };
    match v {
        Value::String(s) => redact(s),
        Value::Array(items) => items.iter_mut().fold(false, |any, x| redact_strings(x, redactor) | any),
        Value::Object(map) => {
            let mut any = false;
            for (mut k, mut x) in std::mem::take(map) {
                any |= redact_strings(&mut x, redactor) | redact(&mut k);
                map.insert(k, x);
            }
            any
        }
        _ => false,
    }
}

pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// The error for a non-2xx response.
pub fn api_error(status: u16, headers: &[(String, String)], body: &str, redactor: &Redactor) -> Error {
    let request_id = REQUEST_ID_HEADERS.iter().find_map(|h| header(headers, h)).map(|v| redactor.redact(v));
    // Names too: a server can echo a key or a secret as a header name.
    let headers = headers.iter().map(|(k, v)| (redactor.redact_header_name(k), redactor.redact(v))).collect();
    Error::Api(Box::new(ApiError {
        status,
        headers,
        body: excerpt(redactor, body),
        request_id,
        may_have_succeeded: false,
    }))
}

/// The error for a 2xx body that is not what the spec promises.
pub fn invalid_body(status: u16, problem: &str, body: &str, redactor: &Redactor) -> Error {
    let body = excerpt(redactor, body);
    let (quoted, was_cut) = cut(&body, 120);
    let shown = if body.is_empty() { "(empty)" } else { quoted };
    let problem = format!("{problem}; body: {shown}{}", if was_cut { ELLIPSIS } else { "" });
    Error::ResponseValidation { status, problem, body }
}

/// The error for a body over the `maxResponseBytes` cap.
pub fn too_large(status: u16, limit: u64) -> Error {
    Error::ResponseValidation {
        status,
        problem: format!("response body exceeds the {limit}-byte cap (maxResponseBytes); it was not read"),
        body: String::new(),
    }
}

/// The error for a redirect, which the transport refuses (a 307 or 308
/// would re-send the body, secret and all, to an address the caller never
/// set). Final: the server will redirect again. It may have done the work
/// first (303 See Other after a POST).
pub fn redirected() -> Error {
    Error::Connection {
        detail: "redirect not followed: set baseURL to the final address".into(),
        may_have_succeeded: true,
    }
}

/// An AISecret's optional fields, each a string or null (`metadata` aside).
const NULLABLE_STRINGS: &[&str] =
    &["created", "updated_at", "secret_updated_at", "type", "secret_updated_by_user_id", "preview_secret"];

/// Checks one object against the spec's `AISecret`: the required fields in
/// the spec's order, then the others; fields a newer server adds pass.
fn check_secret(v: &Value, at: &str) -> Result<(), String> {
    let Value::Object(o) = v else {
        let what = if at.is_empty() {
            "expected an AISecret object".to_string()
        } else {
            format!("`{at}` should be an AISecret object")
        };
        return Err(format!("{what}; got {}", describe(v)));
    };
    let dot = if at.is_empty() { String::new() } else { format!("{at}.") };
    for k in ["id", "org_id", "name"] {
        match o.get(k) {
            None => return Err(format!("`{dot}{k}` is missing")),
            Some(Value::String(_)) => {}
            Some(other) => return Err(format!("`{dot}{k}` should be a string; got {}", describe(other))),
        }
    }
    for k in NULLABLE_STRINGS {
        match o.get(*k) {
            None | Some(Value::Null | Value::String(_)) => {}
            Some(other) => return Err(format!("`{dot}{k}` should be a string or null; got {}", describe(other))),
        }
    }
    match o.get("metadata") {
        None | Some(Value::Null | Value::Object(_)) => Ok(()),
        Some(other) => Err(format!("`{dot}metadata` should be an object or null; got {}", describe(other))),
    }
}

/// Checks a parsed 2xx body against what the operation expects.
pub fn check(value: &Value, expect: Expect) -> Result<(), String> {
    match expect {
        Expect::AiSecret => check_secret(value, ""),
        Expect::List => match value {
            Value::Object(o) => match o.get("objects") {
                Some(Value::Array(items)) => {
                    items.iter().enumerate().try_for_each(|(i, item)| check_secret(item, &format!("objects[{i}]")))
                }
                Some(other) => Err(format!("`objects` should be an array; got {}", describe(other))),
                None => Err("`objects` is missing".into()),
            },
            other => Err(format!("expected an object with `objects`; got {}", describe(other))),
        },
    }
}

/// Removes a `secret` field from each AISecret of a checked body, should a
/// server send one: a result never holds a secret value. Whether it did.
fn strip_secrets(value: &mut Value, expect: Expect) -> bool {
    let strip = |v: &mut Value| v.as_object_mut().is_some_and(|o| o.shift_remove("secret").is_some());
    match expect {
        Expect::AiSecret => strip(value),
        Expect::List => match value.get_mut("objects") {
            Some(Value::Array(items)) => items.iter_mut().fold(false, |any, item| strip(item) | any),
            _ => false,
        },
    }
}

/// A 2xx body that is what the spec promises, as the JSON text to hand the
/// caller: the body itself (so fields a newer server adds, key order and
/// numbers arrive exactly as sent), or the body without any `secret`.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded(pub String);

/// A 2xx body: JSON of the expected shape, or a `ResponseValidationError`.
pub fn decode(status: u16, body: String, expect: Expect, redactor: &Redactor) -> Result<Decoded, Error> {
    let mut value: Value =
        serde_json::from_str(&body).map_err(|_| invalid_body(status, "response is not JSON", &body, redactor))?;
    check(&value, expect).map_err(|problem| invalid_body(status, &problem, &body, redactor))?;
    Ok(Decoded(if strip_secrets(&mut value, expect) { value.to_string() } else { body }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ok_secret() -> Value {
        json!({"id": "a", "org_id": "b", "name": "n", "type": null, "metadata": {"k": 1}, "created": "2024-01-01T00:00:00Z", "preview_secret": "sk-…ab", "future_field": 1})
    }

    fn decoded(body: &Value, expect: Expect) -> Value {
        let d = decode(200, body.to_string(), expect, &Redactor::new()).unwrap();
        serde_json::from_str(&d.0).unwrap()
    }

    #[test]
    fn accepts_spec_shapes_keeps_future_fields_and_drops_a_secret() {
        // A body without a secret is handed on as it came, byte for byte.
        let text = r#"{"id":"a", "org_id":"b","name":"n","metadata":{"x":1.4210229017588637e+117},"future_field":1}"#;
        assert_eq!(decode(200, text.into(), Expect::AiSecret, &Redactor::new()).unwrap().0, text);
        let mut s = ok_secret();
        s["secret"] = json!("sk-SENTINEL");
        let got = decoded(&s, Expect::AiSecret);
        assert_eq!(got, ok_secret(), "the secret dropped, all else kept, null stays null");
        let list = json!({"objects": [ok_secret(), s], "cursor": "c"});
        let got = decoded(&list, Expect::List);
        assert_eq!(got, json!({"objects": [ok_secret(), ok_secret()], "cursor": "c"}));
        assert!(!got.to_string().contains("SENTINEL"));
    }

    #[test]
    fn reports_what_is_wrong() {
        let check = |v: Value, e: Expect| check(&v, e);
        let mut s = ok_secret();
        s.as_object_mut().unwrap().remove("org_id");
        assert_eq!(check(s, Expect::AiSecret).unwrap_err(), "`org_id` is missing");
        let mut s = ok_secret();
        s["name"] = json!(3);
        assert_eq!(check(s, Expect::AiSecret).unwrap_err(), "`name` should be a string; got a number");
        assert_eq!(check(json!({"id": "x", "name": 5}), Expect::AiSecret).unwrap_err(), "`org_id` is missing");
        let mut s = ok_secret();
        s["metadata"] = json!("x");
        assert_eq!(check(s, Expect::AiSecret).unwrap_err(), "`metadata` should be an object or null; got a string");
        let mut s = ok_secret();
        s["created"] = json!(1);
        assert_eq!(check(s, Expect::AiSecret).unwrap_err(), "`created` should be a string or null; got a number");
        assert_eq!(check(json!([]), Expect::AiSecret).unwrap_err(), "expected an AISecret object; got an array");
        assert_eq!(
            check(json!({"objects": [ok_secret(), {"id": 1}]}), Expect::List).unwrap_err(),
            "`objects[1].id` should be a string; got a number"
        );
        assert_eq!(
            check(json!({"objects": [ok_secret(), {"id": "x", "name": "n"}]}), Expect::List).unwrap_err(),
            "`objects[1].org_id` is missing"
        );
        assert_eq!(
            check(json!({"objects": ["sk-SENTINEL"]}), Expect::List).unwrap_err(),
            "`objects[0]` should be an AISecret object; got a string"
        );
        assert!(check(json!({"objects": {}}), Expect::List).is_err());
    }

    #[test]
    fn api_errors_are_redacted_and_cut() {
        let mut r = Redactor::new();
        r.add("sk-SENTINEL-KEY");
        let body = format!("denied for sk-SENTINEL-KEY {}", "x".repeat(5000));
        let headers = vec![
            ("X-Request-Id".to_string(), "req-1".to_string()),
            ("X-Echo".to_string(), "sk-SENTINEL-KEY".to_string()),
            ("x-sk-sentinel-key".to_string(), "v".to_string()),
        ];
        let e = api_error(401, &headers, &body, &r);
        let Error::Api(a) = &e else { panic!() };
        assert_eq!(a.request_id.as_deref(), Some("req-1"));
        assert_eq!(a.headers[0].0, "x-request-id");
        assert_eq!(a.headers[2].0, "x-[REDACTED]", "a header name that echoes the key, in lower case");
        assert!(a.body.len() <= BODY_EXCERPT_BYTES + 3 && a.body.starts_with("denied for [REDACTED]"));
        assert!(!format!("{e:?}").contains("SENTINEL") && !e.message().contains("SENTINEL"));
        assert_eq!(e.class().name(), "AuthenticationError");
    }

    #[test]
    fn a_redirect_is_a_connection_error_that_says_what_to_do() {
        let e = redirected();
        assert!(e.may_have_succeeded());
        assert_eq!(
            e.message(),
            "Connection error: redirect not followed: set baseURL to the final address \
             (the request may have reached the server)"
        );
    }

    #[test]
    fn an_echo_with_json_escapes_is_redacted_too() {
        let mut r = Redactor::new();
        r.add("sk-SENTINEL<1>");
        let escaped: String = "sk-SENTINEL<1>".chars().map(|c| format!("\\u{:04x}", c as u32)).collect();
        let body = format!(r#"{{"error":"bad key {escaped}","{escaped}":1}}"#);
        let out = excerpt(&r, &body);
        assert_eq!(out, r#"{"error":"bad key [REDACTED]","[REDACTED]":1}"#);
    }

    #[test]
    fn invalid_bodies_quote_a_short_excerpt() {
        let e = decode(200, "<html>oops</html>".into(), Expect::AiSecret, &Redactor::new()).unwrap_err();
        assert_eq!(e.class().name(), "ResponseValidationError");
        assert_eq!(e.message(), "Unexpected response body (status 200): response is not JSON; body: <html>oops</html>");
    }
}

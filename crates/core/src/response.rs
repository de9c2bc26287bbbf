//! Decodes responses: error statuses into [`Error::Api`], 2xx bodies into
//! the spec's types.

use crate::error::{cut, ApiError, Error, ELLIPSIS};
use crate::input::field_path;
use crate::model::{AISecret, AISecretList};
use crate::redact::Redactor;
use crate::request::Expect;
use crate::rules::describe;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Bodies quoted in errors are cut to this many bytes.
pub const BODY_EXCERPT_BYTES: usize = 2048;
/// Headers that carry a request id, most specific first.
pub const REQUEST_ID_HEADERS: &[&str] =
    &["x-bt-request-id", "x-request-id", "x-amzn-requestid", "x-bt-internal-trace-id"];

/// A decoded 2xx body.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoded {
    Secret(Box<AISecret>),
    List(AISecretList),
}

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
    let decoded = serde_json::from_str::<Value>(body).ok().map(|mut v| {
        redact_strings(&mut v, redactor);
        v.to_string()
    });
    let body = decoded.as_deref().unwrap_or(body);
    let (head, head_cut) = cut(body, BODY_EXCERPT_BYTES + redactor.longest() + 1);
    let clean = redactor.redact(head);
    let (short, was_cut) = cut(&clean, BODY_EXCERPT_BYTES);
    format!("{short}{}", if was_cut || head_cut { ELLIPSIS } else { "" })
}

/// Redacts every string and key of a JSON value in place.
fn redact_strings(v: &mut Value, redactor: &Redactor) {
    match v {
        Value::String(s) => *s = redactor.redact(s),
        Value::Array(items) => items.iter_mut().for_each(|x| redact_strings(x, redactor)),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (k, mut x) in entries {
                redact_strings(&mut x, redactor);
                map.insert(redactor.redact(&k), x);
            }
        }
        _ => {}
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

/// `value` as `T`, or a sentence saying which field is wrong and how.
fn typed<T: DeserializeOwned>(value: Value, prefix: &str) -> Result<T, String> {
    serde_path_to_error::deserialize(value).map_err(|e: serde_path_to_error::Error<serde_json::Error>| {
        let path = e.path().to_string();
        let inner = e.inner().to_string();
        // serde words a missing field itself ("missing field `id`"), with the
        // path of the object that lacks it.
        if let Some(name) = inner.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
            let at = field_path("", &path);
            return format!("`{prefix}{at}{}{name}` is missing", if at.is_empty() { "" } else { "." });
        }
        format!("`{prefix}{}` {inner}", field_path("", &path)).replace(".;", ";").trim_end_matches('.').to_string()
    })
}

/// The spec's required `AISecret` fields, checked in the spec's order (serde
/// would report problems in the order the fields came).
fn missing_field(v: &Value, prefix: &str) -> Result<(), String> {
    for k in ["id", "org_id", "name"] {
        match v.get(k) {
            None => return Err(format!("`{prefix}{k}` is missing")),
            Some(Value::String(_)) => {}
            Some(other) => return Err(format!("`{prefix}{k}` should be a string; got {}", describe(other))),
        }
    }
    Ok(())
}

/// Checks a parsed 2xx body against what the operation expects.
pub fn check(value: Value, expect: Expect) -> Result<Decoded, String> {
    match expect {
        Expect::AiSecret => {
            if !value.is_object() {
                return Err(format!("expected an AISecret object; got {}", describe(&value)));
            }
            missing_field(&value, "")?;
            typed::<AISecret>(value, "").map(|s| Decoded::Secret(Box::new(s.without_secret())))
        }
        Expect::List => {
            match value.get("objects") {
                _ if !value.is_object() => {
                    return Err(format!("expected an object with `objects`; got {}", describe(&value)))
                }
                Some(Value::Array(items)) => {
                    for (i, item) in items.iter().enumerate() {
                        if item.is_object() {
                            missing_field(item, &format!("objects[{i}]."))?;
                        }
                    }
                }
                Some(other) => return Err(format!("`objects` should be an array; got {}", describe(other))),
                None => return Err("`objects` is missing".into()),
            }
            let mut list = typed::<AISecretList>(value, "")?;
            list.objects = list.objects.into_iter().map(AISecret::without_secret).collect();
            Ok(Decoded::List(list))
        }
    }
}

/// A 2xx body: JSON of the expected shape, or a `ResponseValidationError`.
pub fn decode(status: u16, body: &str, expect: Expect, redactor: &Redactor) -> Result<Decoded, Error> {
    let value: Value =
        serde_json::from_str(body).map_err(|_| invalid_body(status, "response is not JSON", body, redactor))?;
    check(value, expect).map_err(|problem| invalid_body(status, &problem, body, redactor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ok_secret() -> Value {
        json!({"id": "a", "org_id": "b", "name": "n", "type": null, "metadata": {"k": 1}, "created": "2024-01-01T00:00:00Z", "preview_secret": "sk-…ab", "future_field": 1})
    }

    #[test]
    fn accepts_spec_shapes_keeps_future_fields_and_drops_a_secret() {
        let mut s = ok_secret();
        s["secret"] = json!("sk-SENTINEL");
        let Ok(Decoded::Secret(got)) = check(s, Expect::AiSecret) else { panic!() };
        assert_eq!(got.extra.get("future_field"), Some(&json!(1)));
        assert_eq!(got.kind, Some(None), "null stays null");
        assert!(!serde_json::to_string(&got).unwrap().contains("SENTINEL"));
        let Ok(Decoded::List(l)) = check(json!({"objects": [ok_secret(), ok_secret()]}), Expect::List) else {
            panic!()
        };
        assert_eq!(l.objects.len(), 2);
        // Field order and values survive a round trip.
        assert_eq!(serde_json::to_value(&l.objects[0]).unwrap(), ok_secret());
    }

    #[test]
    fn reports_what_is_wrong() {
        let mut s = ok_secret();
        s.as_object_mut().unwrap().remove("org_id");
        assert_eq!(check(s, Expect::AiSecret).unwrap_err(), "`org_id` is missing");
        let mut s = ok_secret();
        s["name"] = json!(3);
        assert_eq!(check(s, Expect::AiSecret).unwrap_err(), "`name` should be a string; got a number");
        assert_eq!(check(json!({"id": "x", "name": 5}), Expect::AiSecret).unwrap_err(), "`org_id` is missing");
        let mut s = ok_secret();
        s["metadata"] = json!("x");
        assert!(check(s, Expect::AiSecret).unwrap_err().contains("metadata"));
        assert_eq!(check(json!([]), Expect::AiSecret).unwrap_err(), "expected an AISecret object; got an array");
        assert_eq!(
            check(json!({"objects": [ok_secret(), {"id": 1}]}), Expect::List).unwrap_err(),
            "`objects[1].id` should be a string; got a number"
        );
        assert_eq!(
            check(json!({"objects": [ok_secret(), {"id": "x", "name": "n"}]}), Expect::List).unwrap_err(),
            "`objects[1].org_id` is missing"
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
        let e = decode(200, "<html>oops</html>", Expect::AiSecret, &Redactor::new()).unwrap_err();
        assert_eq!(e.class().name(), "ResponseValidationError");
        assert_eq!(e.message(), "Unexpected response body (status 200): response is not JSON; body: <html>oops</html>");
    }
}

//! Decodes responses: error statuses into `ErrorKind::Api`, 2xx bodies checked
//! against the spec's `AISecret` shape.

use super::error::{ApiError, ErrorKind};
use super::json::{JsonView, Kind};
use super::model::{Shape, AI_SECRET};
use super::redact::Redactor;
use super::request::Expect;
use super::text::{cat, cut, ELLIPSIS};
use crate::prelude::*;

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
    let (head, head_cut) = cut(body, BODY_EXCERPT_BYTES + redactor.longest() + 1);
    let clean = redactor.redact(head);
    let (short, was_cut) = cut(&clean, BODY_EXCERPT_BYTES);
    let mut out = short.to_string();
    if was_cut || head_cut {
        out.push_str(ELLIPSIS);
    }
    out
}

pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// The error for a non-2xx response. Takes the headers to redact them in
/// place (a `map(..).collect()` into a new `Vec` cost 0.3 KB of wasm).
pub fn api_error(status: u16, mut headers: Vec<(String, String)>, body: &str, redactor: &Redactor) -> ErrorKind {
    let request_id = REQUEST_ID_HEADERS.iter().find_map(|h| header(&headers, h)).map(|v| redactor.redact(v));
    for (k, v) in &mut headers {
        k.make_ascii_lowercase();
        *v = redactor.redact(v);
    }
    ErrorKind::Api(ApiError { status, headers, body: excerpt(redactor, body), request_id, may_have_succeeded: false })
}

/// The error for a 2xx body that is not what the spec promises.
pub fn invalid_body(status: u16, problem: &str, body: &str, redactor: &Redactor) -> ErrorKind {
    let body = excerpt(redactor, body);
    let (quoted, was_cut) = cut(&body, 120);
    let mut problem = cat(&[problem, "; body: "]);
    problem.push_str(if body.is_empty() { "(empty)" } else { quoted });
    if was_cut {
        problem.push_str(ELLIPSIS);
    }
    ErrorKind::ResponseValidation { status, problem, body }
}

/// The error for a body over the `maxResponseBytes` cap.
pub fn too_large(status: u16, limit: u64) -> ErrorKind {
    ErrorKind::ResponseValidation {
        status,
        problem: cat(&[
            "response body exceeds the ",
            &super::text::uint(limit),
            "-byte cap (maxResponseBytes); it was not read",
        ]),
        body: String::new(),
    }
}

/// The error for a redirect, which the transport refuses (a 307 or 308
/// would re-send the body, secret and all, to an address the caller never
/// set). Final: the server will redirect again. It may have done the work
/// first (303 See Other after a POST).
pub fn redirected() -> ErrorKind {
    ErrorKind::Connection {
        detail: "redirect not followed: set baseURL to the final address".into(),
        may_have_succeeded: true,
    }
}

/// Checks one `AISecret`. `at` prefixes field names ("objects[3].").
fn check_ai_secret_at<V: JsonView>(v: &V, at: &str) -> Result<(), String> {
    if v.kind() != Kind::Object {
        return Err(cat(&[
            "expected ",
            if at.is_empty() { "an AISecret object" } else { super::text::trim_end_byte(at, b'.') },
            " to be an object; got ",
            v.kind().describe(),
        ]));
    }
    // One table, one loop: a loop per shape was 0.23 KB more raw wasm.
    for &(f, shape) in AI_SECRET {
        let k = v.member_kind(f);
        let want = match (shape, k) {
            (Shape::String, Kind::String)
            | (Shape::NullableString, Kind::String | Kind::Null | Kind::Undefined)
            | (Shape::NullableObject, Kind::Object | Kind::Null | Kind::Undefined) => continue,
            (Shape::String, Kind::Undefined) => return Err(cat(&["`", at, f, "` is missing"])),
            (Shape::String, _) => "a string",
            (Shape::NullableString, _) => "a string or null",
            (Shape::NullableObject, _) => "an object or null",
        };
        return Err(cat(&["`", at, f, "` should be ", want, "; got ", k.describe()]));
    }
    Ok(())
}

/// Checks a parsed 2xx body against what the operation expects.
pub fn check<V: JsonView>(v: &V, expect: Expect) -> Result<(), String> {
    match expect {
        Expect::AiSecret => check_ai_secret_at(v, ""),
        Expect::List => {
            if v.kind() != Kind::Object {
                return Err(cat(&["expected an object with `objects`; got ", v.kind().describe()]));
            }
            let objects = v.get("objects");
            if objects.kind() != Kind::Array {
                return Err(cat(&["`objects` should be an array; got ", objects.kind().describe()]));
            }
            for i in 0..objects.length() {
                let at = cat(&["objects[", &super::text::uint(i as u64), "]."]);
                check_ai_secret_at(&objects.item(i), &at)?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::v;
    use super::*;
    use serde_json::json;

    fn ok_secret() -> serde_json::Value {
        json!({"id": "a", "org_id": "b", "name": "n", "type": null, "metadata": {"k": 1}, "created": "2024-01-01T00:00:00Z", "preview_secret": "sk-…ab", "future_field": 1})
    }

    #[test]
    fn accepts_spec_shapes_and_future_fields() {
        assert_eq!(check(&v(ok_secret()), Expect::AiSecret), Ok(()));
        assert_eq!(check(&v(json!({"objects": [ok_secret(), ok_secret()]})), Expect::List), Ok(()));
    }

    #[test]
    fn reports_what_is_wrong() {
        let mut s = ok_secret();
        s.as_object_mut().unwrap().remove("org_id");
        assert_eq!(check(&v(s), Expect::AiSecret).unwrap_err(), "`org_id` is missing");
        let mut s = ok_secret();
        s["name"] = json!(3);
        assert_eq!(check(&v(s), Expect::AiSecret).unwrap_err(), "`name` should be a string; got a number");
        let mut s = ok_secret();
        s["metadata"] = json!("x");
        assert!(check(&v(s.clone()), Expect::AiSecret).unwrap_err().contains("metadata"));
        assert_eq!(
            check(&v(json!([])), Expect::AiSecret).unwrap_err(),
            "expected an AISecret object to be an object; got an array"
        );
        assert_eq!(
            check(&v(json!({"objects": [ok_secret(), {"id": 1}]})), Expect::List).unwrap_err(),
            "`objects[1].id` should be a string; got a number"
        );
        assert!(check(&v(json!({"objects": {}})), Expect::List).is_err());
    }

    #[test]
    fn api_errors_are_redacted_and_cut() {
        let mut r = Redactor::new();
        r.add("sk-SENTINEL-KEY");
        let body = cat(&["denied for sk-SENTINEL-KEY ", &"x".repeat(5000)]);
        let headers = vec![
            ("X-Request-Id".to_string(), "req-1".to_string()),
            ("X-Echo".to_string(), "sk-SENTINEL-KEY".to_string()),
        ];
        let e = api_error(401, headers, &body, &r);
        let ErrorKind::Api(a) = &e else { panic!() };
        assert_eq!(a.request_id.as_deref(), Some("req-1"));
        assert!(a.body.len() <= BODY_EXCERPT_BYTES + 3 && a.body.starts_with("denied for [REDACTED]"));
        assert!(!format!("{e:?}").contains("SENTINEL") && !e.message().contains("SENTINEL"));
        assert_eq!(e.class().name(), "AuthenticationError");
    }

    #[test]
    fn a_redirect_is_a_connection_error_that_says_what_to_do() {
        let e = redirected();
        assert_eq!(e.class(), crate::core::error::ErrorClass::APIConnectionError);
        assert!(e.may_have_succeeded());
        assert_eq!(
            e.message(),
            "Connection error: redirect not followed: set baseURL to the final address \
             (the request may have reached the server)"
        );
    }

    #[test]
    fn invalid_bodies_quote_a_short_excerpt() {
        let e = invalid_body(200, "response is not JSON", "<html>oops</html>", &Redactor::new());
        assert_eq!(e.class().name(), "ResponseValidationError");
        assert_eq!(e.message(), "Unexpected response body (status 200): response is not JSON; body: <html>oops</html>");
    }
}

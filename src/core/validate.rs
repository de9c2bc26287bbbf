//! Input validation. Every check runs before any request is built, and every
//! failure names the field and says what was wrong, never echoing a value.

use super::error::{Error, ErrorKind};
use super::json::{JsonView, Kind};
use super::log::Level;
use super::model::{Body, ListQuery, Rule, Schema, Val};
use super::secret::SecretString;
use super::text::{cat, has_byte, has_space_or_control, split_at_byte, trim_end_byte};
use crate::prelude::*;

pub const DEFAULT_BASE_URL: &str = "https://api.braintrust.dev";
pub const DEFAULT_TIMEOUT_MS: u64 = 60_000;
pub const DEFAULT_MAX_RETRIES: u32 = 2;
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 10 * 1024 * 1024;
/// Largest delay `setTimeout` honours; above it timers fire at once.
pub const MAX_TIMEOUT_MS: f64 = 2_147_483_647.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credentials {
    Omit,
    SameOrigin,
    Include,
}

impl Credentials {
    pub fn as_str(self) -> &'static str {
        match self {
            Credentials::Omit => "omit",
            Credentials::SameOrigin => "same-origin",
            Credentials::Include => "include",
        }
    }
}

/// A validated client configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct ClientConfig {
    pub api_key: Option<SecretString>,
    /// Absolute http(s) URL without a trailing slash.
    pub base_url: String,
    pub org_name: Option<String>,
    pub timeout_ms: u64,
    pub max_retries: u32,
    pub default_headers: Vec<(String, SecretString)>,
    pub credentials: Option<Credentials>,
    /// Response bodies larger than this are rejected, not buffered.
    pub max_response_bytes: u64,
    /// Threshold for the optional logger (the shell holds the logger itself).
    pub log_level: Level,
}

/// Per-call options; `None` falls back to the client's value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RequestOptions {
    pub timeout_ms: Option<u64>,
    pub max_retries: Option<u32>,
    pub headers: Vec<(String, SecretString)>,
    pub max_response_bytes: Option<u64>,
}

/// Environment defaults; the Node entry fills these, browsers leave them empty.
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub api_key: Option<SecretString>,
    pub base_url: Option<String>,
    pub api_url: Option<String>,
}

/// Keys the shell reads itself (functions and signals are JS-only).
pub const CLIENT_OPTION_KEYS: &[&str] = &[
    "apiKey",
    "baseURL",
    "orgName",
    "timeout",
    "maxRetries",
    "defaultHeaders",
    "fetch",
    "credentials",
    "maxResponseBytes",
    "logger",
    "logLevel",
];
pub const REQUEST_OPTION_KEYS: &[&str] = &["signal", "timeout", "maxRetries", "headers", "maxResponseBytes"];

/// "<want>got <kind>." for `field`: one out-of-line builder for the many
/// wrong-type errors (each inline `cat` cost its call site ~60 bytes).
#[inline(never)]
fn wrong(field: &str, want: &str, kind: Kind) -> Error {
    Error::validation(field, &cat(&[want, "got ", kind.describe(), "."]))
}

/// Rejects keys that are not in `allowed`, so that a typo such as `secert`
/// is an error instead of a secret silently dropped.
pub fn check_keys<V: JsonView>(value: &V, allowed: &[&str], what: &str) -> Result<(), Error> {
    // Borrowed, not consumed: a consuming loop links `IntoIter`'s drop.
    for key in &value.keys() {
        if !allowed.contains(&key.as_str()) {
            return Err(ErrorKind::Validation { field: key.clone(), message: expected_one_of(what, allowed) }.into());
        }
    }
    Ok(())
}

/// "unknown key in <what>; expected one of: a, b." (`[..].join` costs
/// 0.3 KB gzip of wasm for this one message.)
fn expected_one_of(what: &str, allowed: &[&str]) -> String {
    let mut m = cat(&["unknown key in ", what, "; expected one of: "]);
    for (i, a) in allowed.iter().enumerate() {
        if i > 0 {
            m.push_str(", ");
        }
        m.push_str(a);
    }
    m.push('.');
    m
}

fn expect_object<V: JsonView>(value: &V, field: &str) -> Result<(), Error> {
    match value.kind() {
        Kind::Object => Ok(()),
        k => Err(wrong(field, "must be an object; ", k)),
    }
}

/// Validates a request body against a schema table.
pub fn body<V: JsonView>(params: &V, schema: &Schema, what: &str) -> Result<Body, Error> {
    expect_object(params, what)?;
    check_keys(params, schema.names, what)?;
    let mut out = Body::default();
    for (&name, &rule) in schema.names.iter().zip(schema.rules) {
        let v = params.get(name);
        let kind = v.kind();
        if kind == Kind::Undefined {
            if rule == Rule::NonEmptyString {
                return Err(Error::validation(name, "is required and must be a non-empty string."));
            }
            continue;
        }
        let val = match (rule, kind) {
            (Rule::NullableString | Rule::NullableNonEmptyString | Rule::NullableObject, Kind::Null) => Val::Null,
            (Rule::NonEmptyString | Rule::NullableNonEmptyString | Rule::NullableString, Kind::String) => {
                let s = v.as_string().unwrap_or_default();
                if s.is_empty() && rule != Rule::NullableString {
                    return Err(Error::validation(name, "must be a non-empty string; got an empty string."));
                }
                Val::Str(SecretString::new(s))
            }
            (Rule::NullableObject, Kind::Object) => match v.to_json() {
                Some(j) => Val::Json(SecretString::new(j)),
                None => {
                    return Err(Error::validation(name, "must be JSON-serialisable (no cycles or bigints)."));
                }
            },
            (rule, k) => {
                let want = match rule {
                    Rule::NonEmptyString => "must be a non-empty string; ",
                    Rule::NullableNonEmptyString => "must be a non-empty string or null; ",
                    Rule::NullableString => "must be a string or null; ",
                    Rule::NullableObject => "must be a plain object or null; ",
                };
                return Err(wrong(name, want, k));
            }
        };
        out.fields.push((name, val));
    }
    Ok(out)
}

/// An absolute http(s) URL with a host, no query or fragment. Returns it
/// without trailing slashes, ready for `/v1/...` to be appended.
pub fn base_url(raw: &str, field: &str) -> Result<String, Error> {
    let bad = |why: &str| {
        Err(Error::validation(
            field,
            &cat(&["must be an absolute http(s) URL such as https://api.braintrust.dev; ", why]),
        ))
    };
    let rest = if let Some(r) = raw.strip_prefix("https://") {
        r
    } else if let Some(r) = raw.strip_prefix("http://") {
        r
    } else {
        return bad("it does not start with http:// or https://.");
    };
    let host = split_at_byte(rest, b'/').map_or(rest, |(host, _)| host);
    if host.is_empty() || host.starts_with(":") {
        return bad("it has no host.");
    }
    if has_byte(host, b'@') {
        return bad("credentials in the URL are not allowed; use apiKey.");
    }
    if has_byte(raw, b'?') || has_byte(raw, b'#') {
        return bad("it must not have a query or fragment.");
    }
    if has_space_or_control(raw) {
        return bad("it contains whitespace.");
    }
    Ok(trim_end_byte(raw, b'/').to_string())
}

fn optional_string<V: JsonView>(v: &V, field: &str) -> Result<Option<String>, Error> {
    match v.kind() {
        Kind::Undefined | Kind::Null => Ok(None),
        Kind::String => Ok(v.as_string()),
        k => Err(wrong(field, "must be a string; ", k)),
    }
}

const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Rounds a positive, bounded `n` up (no `f64::ceil` in `no_std`).
fn ceil(n: f64) -> u64 {
    let t = n as u64;
    if (t as f64) < n {
        t + 1
    } else {
        t
    }
}

/// A number option in `lo..=hi`, a whole one when `whole`; `None` when
/// absent. `want` says what it must be: one builder for the four number
/// options (each with its own match cost 0.1-0.2 KB of wasm).
fn number_in<V: JsonView>(v: &V, field: &str, want: &str, lo: f64, hi: f64, whole: bool) -> Result<Option<f64>, Error> {
    match (v.kind(), v.as_f64()) {
        (Kind::Undefined, _) => Ok(None),
        // False for NaN. (Whole by a round trip: no `f64::fract` in `no_std`;
        // `lo >= 0`, so the cast is exact for whole numbers.)
        (Kind::Number, Some(n)) if n >= lo && n <= hi && (!whole || (n as u64) as f64 == n) => Ok(Some(n)),
        (Kind::Number, _) => Err(Error::validation(field, &cat(&[want, "."]))),
        (k, _) => Err(wrong(field, &cat(&[want, "; "]), k)),
    }
}

fn timeout<V: JsonView>(v: &V) -> Result<Option<u64>, Error> {
    let want = "must be a positive number of milliseconds, at most 2147483647 (about 24.8 days)";
    Ok(number_in(v, "timeout", want, f64::MIN_POSITIVE, MAX_TIMEOUT_MS, false)?.map(ceil))
}

fn max_retries<V: JsonView>(v: &V) -> Result<Option<u32>, Error> {
    Ok(number_in(v, "maxRetries", "must be an integer from 0 to 1000", 0.0, 1000.0, true)?.map(|n| n as u32))
}

fn max_response_bytes<V: JsonView>(v: &V) -> Result<Option<u64>, Error> {
    let want = "must be a positive integer number of bytes (at most 2^53 - 1)";
    Ok(number_in(v, "maxResponseBytes", want, 1.0, MAX_SAFE_INTEGER, true)?.map(|n| n as u64))
}

fn log_level<V: JsonView>(v: &V) -> Result<Level, Error> {
    match v.kind() {
        Kind::Undefined => Ok(Level::Warn),
        Kind::String => match v.as_string().as_deref().and_then(Level::parse) {
            Some(l) => Ok(l),
            None => Err(Error::validation("logLevel", "must be \"debug\", \"info\", \"warn\", \"error\" or \"off\".")),
        },
        k => Err(wrong("logLevel", "must be a string; ", k)),
    }
}

/// A header name as RFC 9110 allows (a token).
pub fn header_name(name: &str) -> bool {
    // `matches!`, not `b"…".contains`: a byte-slice search links `memchr`.
    !name.is_empty()
        && name.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'!' | b'#'
                        | b'$'
                        | b'%'
                        | b'&'
                        | b'\''
                        | b'*'
                        | b'+'
                        | b'-'
                        | b'.'
                        | b'^'
                        | b'_'
                        | b'`'
                        | b'|'
                        | b'~'
                )
        })
}

/// A header value fetch accepts: visible ASCII, spaces and tabs, no CR/LF.
/// Checked here because fetch's own error would quote the value.
pub fn header_value(value: &str) -> bool {
    value.bytes().all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
}

fn headers<V: JsonView>(v: &V, field: &str) -> Result<Vec<(String, SecretString)>, Error> {
    match v.kind() {
        Kind::Undefined | Kind::Null => return Ok(Vec::new()),
        Kind::Object => {}
        k => return Err(wrong(field, "must be an object of header names to strings; ", k)),
    }
    let mut out = Vec::new();
    // Borrowed, as in `check_keys`.
    for name in &v.keys() {
        if !header_name(name) {
            return Err(Error::validation(field, &cat(&["has an invalid header name `", name, "`."])));
        }
        let value = v.get(name);
        match value.kind() {
            // `null`/`undefined` remove a default header, as in the official client.
            Kind::Undefined | Kind::Null => out.push((name.clone(), SecretString::default())),
            Kind::String => {
                let s = SecretString::new(value.as_string().unwrap_or_default());
                if !header_value(s.expose()) {
                    return Err(Error::validation(
                        field,
                        &cat(&[
                            "header `",
                            name,
                            "` has a value with characters not allowed in HTTP headers (control or non-ASCII).",
                        ]),
                    ));
                }
                out.push((name.clone(), s));
            }
            k => return Err(wrong(field, &cat(&["header `", name, "` must be a string; "]), k)),
        }
    }
    Ok(out)
}

fn api_key<V: JsonView>(v: &V, env: &Env) -> Result<Option<SecretString>, Error> {
    let key = match v.kind() {
        // Absent: fall back to the environment. `null`: keyless on purpose.
        Kind::Undefined => return Ok(env.api_key.clone().filter(|k| !k.is_empty())),
        Kind::Null => return Ok(None),
        Kind::String => SecretString::new(v.as_string().unwrap_or_default()),
        k => return Err(wrong("apiKey", "must be a string; ", k)),
    };
    if key.is_empty() {
        return Err(Error::validation("apiKey", "must not be empty; omit it or pass null for keyless (proxy) mode."));
    }
    if !header_value(key.expose()) || key.expose().starts_with(" ") || key.expose().ends_with(" ") {
        return Err(Error::validation(
            "apiKey",
            "contains characters not allowed in an HTTP header (control, non-ASCII or surrounding spaces).",
        ));
    }
    Ok(Some(key))
}

/// Validates client options and applies environment defaults.
pub fn client_options<V: JsonView>(opts: &V, env: &Env) -> Result<ClientConfig, Error> {
    if opts.kind() != Kind::Undefined && opts.kind() != Kind::Null {
        expect_object(opts, "options")?;
        check_keys(opts, CLIENT_OPTION_KEYS, "client options")?;
    }
    // Values that own nothing first: an early return after a `String` or a
    // `Vec` must drop it, and each such drop path costs code.
    let timeout_ms = timeout(&opts.get("timeout"))?.unwrap_or(DEFAULT_TIMEOUT_MS);
    let max_retries = max_retries(&opts.get("maxRetries"))?.unwrap_or(DEFAULT_MAX_RETRIES);
    let max_response_bytes = max_response_bytes(&opts.get("maxResponseBytes"))?.unwrap_or(DEFAULT_MAX_RESPONSE_BYTES);
    let log_level = log_level(&opts.get("logLevel"))?;
    let credentials = match optional_string(&opts.get("credentials"), "credentials")?.as_deref() {
        None => None,
        Some("omit") => Some(Credentials::Omit),
        Some("same-origin") => Some(Credentials::SameOrigin),
        Some("include") => Some(Credentials::Include),
        Some(_) => return Err(Error::validation("credentials", "must be \"omit\", \"same-origin\" or \"include\".")),
    };
    let org_name = optional_string(&opts.get("orgName"), "orgName")?;
    if org_name.as_deref() == Some("") {
        return Err(Error::validation("orgName", "must not be empty; omit it to use the key's organization."));
    }
    let base_url = match optional_string(&opts.get("baseURL"), "baseURL")? {
        Some(url) => base_url(&url, "baseURL")?,
        None => match (&env.base_url, &env.api_url) {
            (Some(u), _) if !u.is_empty() => base_url(u, "BRAINTRUST_BASE_URL")?,
            (_, Some(u)) if !u.is_empty() => base_url(u, "BRAINTRUST_API_URL")?,
            _ => DEFAULT_BASE_URL.to_string(),
        },
    };
    Ok(ClientConfig {
        api_key: api_key(&opts.get("apiKey"), env)?,
        default_headers: headers(&opts.get("defaultHeaders"), "defaultHeaders")?,
        base_url,
        org_name,
        timeout_ms,
        max_retries,
        credentials,
        max_response_bytes,
        log_level,
    })
}

/// Validates per-call options.
pub fn request_options<V: JsonView>(opts: &V) -> Result<RequestOptions, Error> {
    if opts.kind() == Kind::Undefined || opts.kind() == Kind::Null {
        return Ok(RequestOptions::default());
    }
    expect_object(opts, "options")?;
    check_keys(opts, REQUEST_OPTION_KEYS, "request options")?;
    Ok(RequestOptions {
        timeout_ms: timeout(&opts.get("timeout"))?,
        max_retries: max_retries(&opts.get("maxRetries"))?,
        max_response_bytes: max_response_bytes(&opts.get("maxResponseBytes"))?,
        // Last: see `client_options`.
        headers: headers(&opts.get("headers"), "headers")?,
    })
}

/// A UUID in its canonical 8-4-4-4-12 hex form.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// An object id for a path segment.
pub fn id<V: JsonView>(v: &V, field: &str) -> Result<String, Error> {
    match v.as_string() {
        Some(s) if is_uuid(&s) => Ok(s),
        Some(_) => Err(Error::validation(field, "must be a UUID such as 3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f.")),
        None => Err(wrong(field, "must be a UUID string; ", v.kind())),
    }
}

/// Query keys of GET /v1/ai_secret.
pub const LIST_QUERY_KEYS: &[&str] =
    &["limit", "starting_after", "ending_before", "ids", "ai_secret_name", "ai_secret_type", "org_name"];

fn string_or_array<V: JsonView>(v: &V, field: &str, uuid: bool) -> Result<Vec<String>, Error> {
    let one = |x: &V| -> Result<String, Error> {
        if uuid {
            id(x, field)
        } else {
            match x.as_string() {
                Some(s) => Ok(s),
                None => Err(wrong(field, "must be a string or an array of strings; ", x.kind())),
            }
        }
    };
    match v.kind() {
        Kind::Undefined | Kind::Null => Ok(Vec::new()),
        Kind::Array => {
            // A loop, not `.map(one).collect()`: the `Result` adapter costs
            // 0.4 KB of wasm.
            let n = v.length();
            let mut out = Vec::with_capacity(n as usize);
            for i in 0..n {
                out.push(one(&v.item(i))?);
            }
            Ok(out)
        }
        _ => Ok(vec![one(v)?]),
    }
}

/// Validates a list query.
pub fn list_query<V: JsonView>(q: &V) -> Result<Box<ListQuery>, Error> {
    // Boxed here and filled in place: built on the stack and then boxed, it
    // was stored into the box field by field.
    let mut out = Box::<ListQuery>::default();
    if q.kind() == Kind::Undefined || q.kind() == Kind::Null {
        return Ok(out);
    }
    expect_object(q, "query")?;
    check_keys(q, LIST_QUERY_KEYS, "list query")?;
    let limit = q.get("limit");
    // Filled in place, so an early return drops one `ListQuery` instead of
    // each field so far on a path of its own.
    if limit.kind() != Kind::Null {
        let want = "must be a non-negative integer (at most 2^53 - 1)";
        out.limit = number_in(&limit, "limit", want, 0.0, MAX_SAFE_INTEGER, true)?.map(|n| n as u64);
    }
    let cursor = |name: &str| -> Result<Option<String>, Error> {
        let v = q.get(name);
        match v.kind() {
            Kind::Undefined | Kind::Null => Ok(None),
            _ => id(&v, name).map(Some),
        }
    };
    out.starting_after = cursor("starting_after")?;
    out.ending_before = cursor("ending_before")?;
    if out.starting_after.is_some() && out.ending_before.is_some() {
        return Err(Error::validation(
            "ending_before",
            "cannot be combined with starting_after; pass only one cursor.",
        ));
    }
    out.ids = string_or_array(&q.get("ids"), "ids", true)?;
    out.ai_secret_name = optional_string(&q.get("ai_secret_name"), "ai_secret_name")?;
    out.ai_secret_type = string_or_array(&q.get("ai_secret_type"), "ai_secret_type", false)?;
    out.org_name = optional_string(&q.get("org_name"), "org_name")?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::model::{CREATE_AI_SECRET, DELETE_AI_SECRET, PATCH_AI_SECRET};
    use super::super::testing::v;
    use super::*;
    use serde_json::json;

    fn field_of(r: Result<impl core::fmt::Debug, Error>) -> String {
        match r {
            Err(e) => match e.kind() {
                ErrorKind::Validation { field, .. } => field.clone(),
                other => panic!("expected a validation error, got {other:?}"),
            },
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn create_accepts_the_spec_fields() {
        let b = body(
            &v(json!({"name":"n","type":"openai","secret":"s","metadata":{"a":1},"org_name":null})),
            CREATE_AI_SECRET,
            "params",
        )
        .unwrap();
        assert_eq!(
            b.to_json().expose(),
            r#"{"name":"n","type":"openai","metadata":{"a":1},"secret":"s","org_name":null}"#
        );
    }

    #[test]
    fn create_rejects_bad_names() {
        assert_eq!(field_of(body(&v(json!({})), CREATE_AI_SECRET, "params")), "name");
        assert_eq!(field_of(body(&v(json!({"name": ""})), CREATE_AI_SECRET, "params")), "name");
        assert_eq!(field_of(body(&v(json!({"name": 5})), CREATE_AI_SECRET, "params")), "name");
        assert_eq!(field_of(body(&v(json!({"name": null})), CREATE_AI_SECRET, "params")), "name");
    }

    #[test]
    fn create_rejects_wrong_types_per_field() {
        for (k, bad) in [
            ("type", json!(1)),
            ("secret", json!(true)),
            ("org_name", json!([])),
            ("metadata", json!("x")),
            ("metadata", json!([1])),
        ] {
            let mut p = json!({"name": "n"});
            p[k] = bad;
            assert_eq!(field_of(body(&v(p), CREATE_AI_SECRET, "params")), k);
        }
    }

    #[test]
    fn header_names_are_rfc_9110_tokens() {
        for b in 0u8..=255 {
            let token = b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
            assert_eq!(header_name(&String::from_utf8_lossy(&[b])), token, "byte {b}");
        }
        assert!(header_name("X-Request-Id") && !header_name("") && !header_name("a b") && !header_name("é"));
    }

    #[test]
    fn unknown_keys_are_named() {
        let e = body(&v(json!({"name":"n","secert":"sk-SENTINEL"})), CREATE_AI_SECRET, "params").unwrap_err();
        assert_eq!(e.class().name(), "ValidationError");
        assert!(matches!(e.kind(), ErrorKind::Validation { field, .. } if field == "secert"));
        assert!(!e.message().contains("SENTINEL"));
        let names = CREATE_AI_SECRET.names;
        assert_eq!(
            e.message(),
            ["Invalid `secert`: unknown key in params; expected one of: ", &names.join(", "), "."].concat()
        );
    }

    #[test]
    fn params_must_be_an_object() {
        assert_eq!(field_of(body(&v(json!("n")), CREATE_AI_SECRET, "params")), "params");
        assert_eq!(field_of(body(&crate::core::testing::V(None), CREATE_AI_SECRET, "params")), "params");
    }

    #[test]
    fn patch_and_delete_schemas() {
        let p = body(&v(json!({"secret": null})), PATCH_AI_SECRET, "patch").unwrap();
        assert_eq!(p.to_json().expose(), r#"{"secret":null}"#);
        assert_eq!(body(&v(json!({})), PATCH_AI_SECRET, "patch").unwrap().to_json().expose(), "{}");
        assert_eq!(field_of(body(&v(json!({"name": ""})), PATCH_AI_SECRET, "patch")), "name");
        assert_eq!(field_of(body(&v(json!({"org_name": "x"})), PATCH_AI_SECRET, "patch")), "org_name");
        assert_eq!(field_of(body(&v(json!({"org_name": "x"})), DELETE_AI_SECRET, "params")), "name");
    }

    #[test]
    fn base_urls() {
        assert_eq!(base_url("https://api.braintrust.dev/", "baseURL").unwrap(), "https://api.braintrust.dev");
        assert_eq!(base_url("http://127.0.0.1:8000/api//", "baseURL").unwrap(), "http://127.0.0.1:8000/api");
        for bad in [
            "",
            "api.braintrust.dev",
            "ftp://x",
            "https://",
            "https:///x",
            "http://:80",
            "https://u:p@h",
            "https://h/?q",
            "https://h/#f",
            "https://h/ x",
            "/relative",
        ] {
            assert_eq!(field_of(base_url(bad, "baseURL")), "baseURL", "{bad}");
        }
    }

    #[test]
    fn client_options_defaults_and_env() {
        let c = client_options(&crate::core::testing::V(None), &Env::default()).unwrap();
        assert_eq!(c.base_url, DEFAULT_BASE_URL);
        assert_eq!((c.timeout_ms, c.max_retries, c.api_key.is_none()), (60_000, 2, true));
        let env = Env {
            api_key: Some(SecretString::new("env-key".into())),
            base_url: None,
            api_url: Some("http://h:1/".into()),
        };
        let c = client_options(&v(json!({})), &env).unwrap();
        assert_eq!(c.api_key.unwrap().expose(), "env-key");
        assert_eq!(c.base_url, "http://h:1");
        let env2 = Env { base_url: Some("http://a".into()), ..env.clone() };
        assert_eq!(client_options(&v(json!({})), &env2).unwrap().base_url, "http://a");
        // explicit null opts out of the environment key
        assert!(client_options(&v(json!({"apiKey": null})), &env).unwrap().api_key.is_none());
        assert_eq!(
            field_of(client_options(&v(json!({})), &Env { base_url: Some("nope".into()), ..Env::default() })),
            "BRAINTRUST_BASE_URL"
        );
    }

    #[test]
    fn client_options_reject_bad_values() {
        let cases = [
            (json!({"timeout": 0}), "timeout"),
            (json!({"timeout": -1}), "timeout"),
            (json!({"timeout": "5"}), "timeout"),
            (json!({"timeout": 1e12}), "timeout"),
            (json!({"maxRetries": -1}), "maxRetries"),
            (json!({"maxRetries": 1.5}), "maxRetries"),
            (json!({"apiKey": 5}), "apiKey"),
            (json!({"apiKey": ""}), "apiKey"),
            (json!({"apiKey": "a\nb"}), "apiKey"),
            (json!({"baseURL": "x"}), "baseURL"),
            (json!({"credentials": "all"}), "credentials"),
            (json!({"apikey": "k"}), "apikey"),
            (json!({"defaultHeaders": {"X-A": 1}}), "defaultHeaders"),
            (json!({"defaultHeaders": {"bad name": "v"}}), "defaultHeaders"),
            (json!({"defaultHeaders": {"x-a": "v\r\n"}}), "defaultHeaders"),
            (json!({"orgName": 3}), "orgName"),
            (json!({"maxResponseBytes": 0}), "maxResponseBytes"),
            (json!({"maxResponseBytes": 1.5}), "maxResponseBytes"),
            (json!({"logLevel": "loud"}), "logLevel"),
        ];
        for (opts, f) in cases {
            assert_eq!(field_of(client_options(&v(opts.clone()), &Env::default())), f, "{opts}");
        }
    }

    #[test]
    fn number_errors_say_the_range_and_what_came() {
        let message = |opts: serde_json::Value| client_options(&v(opts), &Env::default()).unwrap_err().message();
        assert_eq!(
            message(json!({"timeout": 1e12})),
            "Invalid `timeout`: must be a positive number of milliseconds, at most 2147483647 (about 24.8 days)."
        );
        assert_eq!(
            message(json!({"maxRetries": "3"})),
            "Invalid `maxRetries`: must be an integer from 0 to 1000; got a string."
        );
        assert!(message(json!({"maxResponseBytes": 0.5})).ends_with("(at most 2^53 - 1)."));
        let q = list_query(&v(json!({"limit": null}))).unwrap();
        assert_eq!(q.limit, None);
        // The smallest positive timeout rounds up to 1 ms.
        assert_eq!(client_options(&v(json!({"timeout": 0.001})), &Env::default()).unwrap().timeout_ms, 1);
    }

    #[test]
    fn api_key_errors_never_echo_the_key() {
        let e = client_options(&v(json!({"apiKey": "sk-SENTINEL\n"})), &Env::default()).unwrap_err();
        assert!(!e.message().contains("SENTINEL") && !format!("{e:?}").contains("SENTINEL"));
        let c = client_options(&v(json!({"apiKey": "sk-SENTINEL"})), &Env::default()).unwrap();
        assert!(!format!("{c:?}").contains("SENTINEL"));
    }

    #[test]
    fn request_options() {
        let r = super::request_options(&v(json!({"timeout": 10.2, "maxRetries": 0, "headers": {"x-a": "1"}}))).unwrap();
        assert_eq!((r.timeout_ms, r.max_retries, r.headers.len()), (Some(11), Some(0), 1));
        assert_eq!(field_of(super::request_options(&v(json!({"retries": 1})))), "retries");
    }

    #[test]
    fn uuids_and_list_queries() {
        assert!(is_uuid("3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f"));
        assert!(!is_uuid("3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5"));
        assert!(!is_uuid("../../v1/ai_secret?x=1-aaaa-aaaa-aaaaaaaaaaaa"));
        let id = "3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f";
        let q = list_query(&v(json!({"limit": 7, "ids": [id, id], "ai_secret_type": "openai"}))).unwrap();
        assert_eq!((q.limit, q.ids.len(), q.ai_secret_type.len()), (Some(7), 2, 1));
        assert_eq!(field_of(list_query(&v(json!({"starting_after": id, "ending_before": id})))), "ending_before");
        assert_eq!(field_of(list_query(&v(json!({"ids": ["nope"]})))), "ids");
        assert_eq!(field_of(list_query(&v(json!({"limit": -1})))), "limit");
        assert_eq!(field_of(list_query(&v(json!({"limt": 1})))), "limt");
    }
}

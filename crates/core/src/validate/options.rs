//! Client options (`new BraintrustClient(options)`) and per-call options.
//! The functions and objects only JS can hold (`fetch`, `logger`, `signal`)
//! are checked by the wasm crate; the rest arrives here as JSON.

use super::base_url::base_url;
use super::url_parts::{query_params, request_path, QueryParams};
use super::{headers, number_in, one_of, optional_string};
use crate::error::Error;
use crate::input::{object_with_keys, parse_value};
use crate::log::Level;
use crate::secret::SecretString;
use serde_json::{Map, Value};

pub const DEFAULT_BASE_URL: &str = "https://api.braintrust.dev";
pub const DEFAULT_TIMEOUT_MS: u64 = 60_000;
pub const DEFAULT_MAX_RETRIES: u32 = 2;
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 10 * 1024 * 1024;
/// Largest delay `setTimeout` honours; above it timers fire at once.
pub const MAX_TIMEOUT_MS: f64 = 2_147_483_647.0;
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Every key of client options, JS-only ones included.
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
    "validateMetadata",
    "defaultQuery",
    // The official client's: accepted, and unused (fetch has no agents).
    "httpAgent",
];
/// Every key of per-call options.
pub const REQUEST_OPTION_KEYS: &[&str] = &[
    "signal",
    "timeout",
    "maxRetries",
    "headers",
    "maxResponseBytes",
    "validateMetadata",
    "query",
    // The official client's names: `path`, `idempotencyKey` and
    // `defaultBaseURL` (the base URL when the client was given none) are honoured;
    // `stream` and `__binaryResponse` have nothing to change on these JSON
    // endpoints; `httpAgent` and `__streamClass` stay JS values the shell
    // takes and fetch has no use for; `method` and `body` are refused.
    "path",
    "idempotencyKey",
    "defaultBaseURL",
    "stream",
    "__binaryResponse",
    "httpAgent",
    "__streamClass",
    "method",
    "body",
];

/// What a write does with the provider check's findings (`validateMetadata`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CheckMode {
    /// Refuse what the proxy would reject; log the warnings.
    #[default]
    Strict,
    /// Log everything, refuse nothing.
    Warn,
    Off,
}

fn check_mode(v: Option<&Value>) -> Result<Option<CheckMode>, Error> {
    one_of(v, "validateMetadata", &[("strict", CheckMode::Strict), ("warn", CheckMode::Warn), ("off", CheckMode::Off)])
}

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
    /// Where `base_url` came from: `baseURL` or an environment variable.
    pub base_url_field: &'static str,
    /// Whether `base_url` was given (option or environment), not the default:
    /// a call's `defaultBaseURL` applies only when it was not.
    pub base_url_given: bool,
    pub validate_metadata: CheckMode,
    /// Added to every request's query (`defaultQuery`).
    pub default_query: QueryParams,
}

/// Per-call options; `None` falls back to the client's value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RequestOptions {
    pub timeout_ms: Option<u64>,
    pub max_retries: Option<u32>,
    pub headers: Vec<(String, SecretString)>,
    pub max_response_bytes: Option<u64>,
    pub validate_metadata: Option<CheckMode>,
    pub query: QueryParams,
    /// Replaces the operation's path (`/v1/...`), as the official option does.
    pub path: Option<String>,
    /// The official `defaultBaseURL`: the base URL of this call when the
    /// client has none of its own.
    pub default_base_url: Option<String>,
    pub idempotency_key: Option<SecretString>,
}

/// Environment defaults; the Node entry fills these, browsers leave them empty.
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub api_key: Option<SecretString>,
    pub base_url: Option<String>,
    pub api_url: Option<String>,
}

fn timeout(v: Option<&Value>) -> Result<Option<u64>, Error> {
    let want = "must be a positive number of milliseconds, at most 2147483647 (about 24.8 days)";
    Ok(number_in(v, "timeout", want, f64::MIN_POSITIVE, MAX_TIMEOUT_MS, false)?.map(|n| n.ceil() as u64))
}

fn max_retries(v: Option<&Value>) -> Result<Option<u32>, Error> {
    Ok(number_in(v, "maxRetries", "must be an integer from 0 to 1000", 0.0, 1000.0, true)?.map(|n| n as u32))
}

fn max_response_bytes(v: Option<&Value>) -> Result<Option<u64>, Error> {
    let want = "must be a positive integer number of bytes (at most 2^53 - 1)";
    Ok(number_in(v, "maxResponseBytes", want, 1.0, MAX_SAFE_INTEGER, true)?.map(|n| n as u64))
}

fn log_level(v: Option<&Value>) -> Result<Level, Error> {
    match optional_string(v, "logLevel")? {
        None => Ok(Level::Warn),
        Some(s) => Level::parse(s).ok_or_else(|| {
            Error::validation("logLevel", "must be \"debug\", \"info\", \"warn\", \"error\" or \"off\".")
        }),
    }
}

fn credentials(v: Option<&Value>) -> Result<Option<Credentials>, Error> {
    let choices =
        [("omit", Credentials::Omit), ("same-origin", Credentials::SameOrigin), ("include", Credentials::Include)];
    one_of(v, "credentials", &choices)
}

fn api_key(v: Option<&Value>, env: &Env) -> Result<Option<SecretString>, Error> {
    let key = match v {
        // Absent: fall back to the environment. `null`: keyless on purpose.
        None => return Ok(env.api_key.clone().filter(|k| !k.is_empty())),
        Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) => SecretString::new(s.clone()),
        Some(other) => {
            return Err(Error::validation(
                "apiKey",
                format!("must be a string; got {}.", crate::rules::describe(other)),
            ))
        }
    };
    if key.is_empty() {
        return Err(Error::validation("apiKey", "must not be empty; omit it or pass null for keyless (proxy) mode."));
    }
    let k = key.expose();
    if !headers::is_value(k) || k.starts_with(' ') || k.ends_with(' ') {
        return Err(Error::validation(
            "apiKey",
            "contains characters not allowed in an HTTP header (control, non-ASCII or surrounding spaces).",
        ));
    }
    Ok(Some(key))
}

/// The options object as a map (absent and `null` are no options).
fn options_map(json: &str, allowed: &[&str], what: &str) -> Result<Map<String, Value>, Error> {
    match parse_value(json, "options")? {
        Value::Null => Ok(Map::new()),
        v => object_with_keys(&v, allowed, what).cloned().map_err(|e| match e {
            Error::Validation { field, message } if field == what => Error::validation("options", message),
            e => e,
        }),
    }
}

/// Validates client options (their JSON: `fetch` and `logger` are the
/// shell's) and applies environment defaults.
pub fn client_options(json: &str, env: &Env) -> Result<ClientConfig, Error> {
    let o = options_map(json, CLIENT_OPTION_KEYS, "client options")?;
    let org_name = optional_string(o.get("orgName"), "orgName")?.map(str::to_string);
    if org_name.as_deref() == Some("") {
        return Err(Error::validation("orgName", "must not be empty; omit it to use the key's organization."));
    }
    let (url, base_url_field) = match optional_string(o.get("baseURL"), "baseURL")? {
        Some(url) => (Some(url), "baseURL"),
        None => match (&env.base_url, &env.api_url) {
            (Some(u), _) if !u.is_empty() => (Some(u.as_str()), "BRAINTRUST_BASE_URL"),
            (_, Some(u)) if !u.is_empty() => (Some(u.as_str()), "BRAINTRUST_API_URL"),
            _ => (None, "baseURL"),
        },
    };
    let base_url_given = url.is_some();
    let base_url = match url {
        Some(u) => base_url(u, base_url_field)?,
        None => DEFAULT_BASE_URL.to_string(),
    };
    Ok(ClientConfig {
        timeout_ms: timeout(o.get("timeout"))?.unwrap_or(DEFAULT_TIMEOUT_MS),
        max_retries: max_retries(o.get("maxRetries"))?.unwrap_or(DEFAULT_MAX_RETRIES),
        max_response_bytes: max_response_bytes(o.get("maxResponseBytes"))?.unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
        log_level: log_level(o.get("logLevel"))?,
        credentials: credentials(o.get("credentials"))?,
        api_key: api_key(o.get("apiKey"), env)?,
        default_headers: headers::parse(o.get("defaultHeaders"), "defaultHeaders")?,
        base_url,
        base_url_field,
        base_url_given,
        org_name,
        validate_metadata: check_mode(o.get("validateMetadata"))?.unwrap_or_default(),
        default_query: query_params(o.get("defaultQuery"), "defaultQuery")?,
    })
}

/// Validates per-call options (their JSON: `signal` is the shell's).
pub fn request_options(json: &str) -> Result<RequestOptions, Error> {
    let o = options_map(json, REQUEST_OPTION_KEYS, "request options")?;
    for (key, instead) in [("method", "the method is the operation's"), ("body", "pass the body as the call's params")]
    {
        if o.get(key).is_some_and(|v| !v.is_null()) {
            return Err(Error::validation(key, format!("is not a per-call option here: {instead}.")));
        }
    }
    Ok(RequestOptions {
        timeout_ms: timeout(o.get("timeout"))?,
        max_retries: max_retries(o.get("maxRetries"))?,
        max_response_bytes: max_response_bytes(o.get("maxResponseBytes"))?,
        headers: headers::parse(o.get("headers"), "headers")?,
        validate_metadata: check_mode(o.get("validateMetadata"))?,
        query: query_params(o.get("query"), "query")?,
        path: request_path(o.get("path"))?,
        default_base_url: optional_string(o.get("defaultBaseURL"), "defaultBaseURL")?
            .map(|u| base_url(u, "defaultBaseURL"))
            .transpose()?,
        idempotency_key: optional_string(o.get("idempotencyKey"), "idempotencyKey")?
            .map(|k| SecretString::new(k.to_string())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::testing::field_of;
    use serde_json::json;

    fn opts(v: serde_json::Value) -> String {
        v.to_string()
    }

    #[test]
    fn choices_say_what_they_accept() {
        let e = client_options(r#"{"credentials": "all"}"#, &Env::default()).unwrap_err();
        assert_eq!(e.message(), "Invalid `credentials`: must be \"omit\", \"same-origin\" or \"include\".");
        let e = request_options(r#"{"validateMetadata": "loose"}"#).unwrap_err();
        assert_eq!(e.message(), "Invalid `validateMetadata`: must be \"strict\", \"warn\" or \"off\".");
        assert_eq!(
            request_options(r#"{"validateMetadata": "warn"}"#).unwrap().validate_metadata,
            Some(CheckMode::Warn)
        );
        let e = request_options(r#"{"query": [1]}"#).unwrap_err();
        assert_eq!(e.message(), "Invalid `query`: must be an object of query parameters; got an array.");
    }

    #[test]
    fn client_options_defaults_and_env() {
        let c = client_options("null", &Env::default()).unwrap();
        assert_eq!(c.base_url, DEFAULT_BASE_URL);
        assert_eq!((c.timeout_ms, c.max_retries, c.api_key.is_none()), (60_000, 2, true));
        let env = Env {
            api_key: Some(SecretString::new("env-key".into())),
            base_url: None,
            api_url: Some("http://h:1/".into()),
        };
        let c = client_options("{}", &env).unwrap();
        assert_eq!(c.api_key.unwrap().expose(), "env-key");
        assert_eq!(c.base_url, "http://h:1");
        let env2 = Env { base_url: Some("http://a".into()), ..env.clone() };
        assert_eq!(client_options("{}", &env2).unwrap().base_url, "http://a");
        // explicit null opts out of the environment key
        assert!(client_options(r#"{"apiKey":null}"#, &env).unwrap().api_key.is_none());
        assert_eq!(
            field_of(client_options("{}", &Env { base_url: Some("nope".into()), ..Env::default() })),
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
            (json!({"timeout": null}), "timeout"),
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
            (json!("x"), "options"),
        ];
        for (o, f) in cases {
            assert_eq!(field_of(client_options(&opts(o.clone()), &Env::default())), f, "{o}");
        }
    }

    #[test]
    fn number_errors_say_the_range_and_what_came() {
        let message = |o: serde_json::Value| client_options(&opts(o), &Env::default()).unwrap_err().message();
        assert_eq!(
            message(json!({"timeout": 1e12})),
            "Invalid `timeout`: must be a positive number of milliseconds, at most 2147483647 (about 24.8 days)."
        );
        assert_eq!(
            message(json!({"maxRetries": "3"})),
            "Invalid `maxRetries`: must be an integer from 0 to 1000; got a string."
        );
        assert!(message(json!({"maxResponseBytes": 0.5})).ends_with("(at most 2^53 - 1)."));
        // The smallest positive timeout rounds up to 1 ms.
        assert_eq!(client_options(r#"{"timeout":0.001}"#, &Env::default()).unwrap().timeout_ms, 1);
    }

    #[test]
    fn api_key_errors_never_echo_the_key() {
        let e = client_options(&opts(json!({"apiKey": "sk-SENTINEL\n"})), &Env::default()).unwrap_err();
        assert!(!e.message().contains("SENTINEL") && !format!("{e:?}").contains("SENTINEL"));
        let c = client_options(&opts(json!({"apiKey": "sk-SENTINEL"})), &Env::default()).unwrap();
        assert!(!format!("{c:?}").contains("SENTINEL"));
    }

    #[test]
    fn request_options_and_header_removal() {
        let r = request_options(r#"{"timeout":10.2,"maxRetries":0,"headers":{"x-a":"1","x-b":null}}"#).unwrap();
        assert_eq!((r.timeout_ms, r.max_retries, r.headers.len()), (Some(11), Some(0), 2));
        assert!(r.headers[1].1.is_empty(), "null removes a default header");
        assert_eq!(field_of(request_options(r#"{"retries":1}"#)), "retries");
    }
}

//! Client options (`new BraintrustClient(options)`) and per-call options.
//! The functions and objects only JS can hold (`fetch`, `logger`, `signal`)
//! are checked by the wasm crate; the rest arrives here as JSON.

use super::{headers, number_in, optional_string};
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
];
/// Every key of per-call options.
pub const REQUEST_OPTION_KEYS: &[&str] = &["signal", "timeout", "maxRetries", "headers", "maxResponseBytes"];

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
}

/// The ports the Fetch standard's "bad port" list blocks
/// (<https://fetch.spec.whatwg.org/#bad-port>): the platform's fetch refuses
/// them without sending anything.
const FETCH_BAD_PORTS: &[u16] = &[
    1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
    111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
    540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
    6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
];

impl ClientConfig {
    /// Refuses a base URL on a port the platform's fetch blocks: every
    /// attempt would fail without sending anything, and be retried for
    /// nothing. A custom `fetch` may reach any port, so the shell asks only
    /// when it uses the platform's.
    pub fn refuse_fetch_bad_port(&self) -> Result<(), Error> {
        let rest = self.base_url.split_once("://").map_or("", |(_, r)| r);
        let host = rest.split('/').next().unwrap_or("");
        match port(host).and_then(|p| p.parse::<u16>().ok()) {
            Some(p) if FETCH_BAD_PORTS.contains(&p) => Err(Error::validation(
                self.base_url_field,
                format!("uses port {p}, which fetch blocks (the Fetch standard's bad ports): nothing could be sent. Use another port."),
            )),
            _ => Ok(()),
        }
    }
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

/// An absolute http(s) URL with a host, no credentials, query or fragment.
/// Returns it without trailing slashes, ready for `/v1/...` to be appended.
pub fn base_url(raw: &str, field: &str) -> Result<String, Error> {
    let bad = |why: &str| {
        Err(Error::validation(field, format!("must be an absolute http(s) URL such as {DEFAULT_BASE_URL}; {why}")))
    };
    let Some(rest) = raw.strip_prefix("https://").or_else(|| raw.strip_prefix("http://")) else {
        return bad("it does not start with http:// or https://.");
    };
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return bad("it has no host.");
    }
    if host.contains('@') {
        return bad("credentials in the URL are not allowed; use apiKey.");
    }
    if raw.contains(['?', '#']) {
        return bad("it must not have a query or fragment.");
    }
    if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("it contains whitespace.");
    }
    if let Some(port) = port(host) {
        if !port.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p)) {
            return bad("its port must be a number from 1 to 65535.");
        }
    }
    Ok(raw.trim_end_matches('/').to_string())
}

/// The port of `host[:port]` (IPv6 literals in brackets), if one is given.
fn port(host: &str) -> Option<&str> {
    let after = host.rfind(']').map_or(host, |i| &host[i + 1..]);
    after.rfind(':').map(|i| &after[i + 1..]).filter(|p| !p.is_empty())
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
    Ok(match optional_string(v, "credentials")? {
        None => None,
        Some("omit") => Some(Credentials::Omit),
        Some("same-origin") => Some(Credentials::SameOrigin),
        Some("include") => Some(Credentials::Include),
        Some(_) => return Err(Error::validation("credentials", "must be \"omit\", \"same-origin\" or \"include\".")),
    })
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
        org_name,
    })
}

/// Validates per-call options (their JSON: `signal` is the shell's).
pub fn request_options(json: &str) -> Result<RequestOptions, Error> {
    let o = options_map(json, REQUEST_OPTION_KEYS, "request options")?;
    Ok(RequestOptions {
        timeout_ms: timeout(o.get("timeout"))?,
        max_retries: max_retries(o.get("maxRetries"))?,
        max_response_bytes: max_response_bytes(o.get("maxResponseBytes"))?,
        headers: headers::parse(o.get("headers"), "headers")?,
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
    fn base_urls() {
        assert_eq!(base_url("https://api.braintrust.dev/", "baseURL").unwrap(), "https://api.braintrust.dev");
        assert_eq!(base_url("http://127.0.0.1:8000/api//", "baseURL").unwrap(), "http://127.0.0.1:8000/api");
        assert_eq!(base_url("http://[::1]:8080", "baseURL").unwrap(), "http://[::1]:8080");
        assert_eq!(base_url("http://[::1]", "baseURL").unwrap(), "http://[::1]");
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
            "http://127.0.0.1:99999",
            "http://h:0",
            "http://h:8x",
            "http://[::1]:70000/v",
        ] {
            assert_eq!(field_of(base_url(bad, "baseURL")), "baseURL", "{bad}");
        }
    }

    #[test]
    fn ports_fetch_blocks_are_refused_when_asked() {
        let config = |url: &str| client_options(&format!(r#"{{"baseURL":"{url}"}}"#), &Env::default()).unwrap();
        for url in ["http://127.0.0.1:6000", "http://h:1/api", "https://[::1]:10080"] {
            let e = config(url).refuse_fetch_bad_port().unwrap_err();
            assert_eq!(field_of(Err::<(), _>(e.clone())), "baseURL", "{url}");
            assert!(e.message().contains("fetch blocks"), "{e}");
        }
        for url in ["http://127.0.0.1:6001", "http://h", "https://h:443", "http://h:8080/6000"] {
            assert!(config(url).refuse_fetch_bad_port().is_ok(), "{url}");
        }
        let env = Env { base_url: Some("http://h:6000".into()), ..Env::default() };
        let e = client_options("{}", &env).unwrap().refuse_fetch_bad_port();
        assert_eq!(field_of(e), "BRAINTRUST_BASE_URL");
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

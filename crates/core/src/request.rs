//! Builds HTTP requests as data: method, URL, headers and body.

use crate::model::{CreateAISecret, ListQuery};
use crate::redact::Redactor;
use crate::secret::SecretString;
use crate::validate::{ClientConfig, Operation, RequestOptions};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

/// Everything but RFC 3986's unreserved characters is encoded.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

const COLLECTION: &str = "/v1/ai_secret";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// What a successful response body must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    AiSecret,
    List,
}

#[derive(Clone, Debug)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    /// Path without the query, safe for logs and error messages.
    pub path: String,
    pub headers: Vec<(String, SecretString)>,
    pub body: Option<SecretString>,
    pub expect: Expect,
    /// Scrubs this request's key, secret and header values from any text.
    pub redactor: Redactor,
    /// Whether each attempt says its retry number in [`RETRY_COUNT_HEADER`],
    /// as the official client does: not when the caller set that header
    /// (its value is then sent as given) or removed it with `null`.
    pub counts_retries: bool,
}

/// The official client's header of an attempt's retry number (0 for the first).
pub const RETRY_COUNT_HEADER: &str = "x-stainless-retry-count";

impl HttpRequest {
    /// The [`RETRY_COUNT_HEADER`] value of attempt `attempt` (1-based), if sent.
    pub fn retry_count(&self, attempt: u32) -> Option<String> {
        self.counts_retries.then(|| attempt.saturating_sub(1).to_string())
    }
}

fn encode(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

/// `?k=v&k=v…` in a fixed order; arrays repeat their parameter.
fn query_string(q: &ListQuery) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(l) = q.limit {
        pairs.push(("limit", l.to_string()));
    }
    for (k, v) in [
        ("starting_after", &q.starting_after),
        ("ending_before", &q.ending_before),
        ("ai_secret_name", &q.ai_secret_name),
        ("org_name", &q.org_name),
    ] {
        if let Some(v) = v {
            pairs.push((k, encode(v)));
        }
    }
    pairs.extend(q.ids.iter().map(|id| ("ids", encode(id))));
    pairs.extend(q.ai_secret_type.iter().map(|t| ("ai_secret_type", encode(t))));
    let joined: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    if joined.is_empty() {
        String::new()
    } else {
        format!("?{}", joined.join("&"))
    }
}

/// `query` with the client's `defaultQuery` and the call's `query` after it:
/// a call's value replaces a default, and `null` removes it.
fn with_extra_query(query: String, config: &ClientConfig, opts: &RequestOptions) -> String {
    let mut extra: Vec<(&str, &str)> = Vec::new();
    for (k, v) in config.default_query.iter().chain(opts.query.iter()) {
        extra.retain(|(name, _)| name != k);
        if let Some(v) = v {
            extra.push((k, v));
        }
    }
    if extra.is_empty() {
        return query;
    }
    let joined: Vec<String> = extra.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
    format!("{query}{}{}", if query.is_empty() { "?" } else { "&" }, joined.join("&"))
}

/// Compact JSON of a body. Where the buffer grows, the old block held a
/// prefix of the secret: the wasm module's allocator (zeroizing-alloc) wipes
/// every block it frees, reallocations included.
fn json_body<T: Serialize>(body: &T) -> SecretString {
    // Serialising these types cannot fail: string keys, no custom errors.
    SecretString::new(serde_json::to_string(body).unwrap_or_default())
}

/// Puts `value` under `name`, replacing any header of that name whatever its
/// case; an empty value removes it.
/// Sets a header by its lower-case name, as the official client hands them
/// to fetch (a custom fetch sees `init.headers["content-type"]`).
fn set_header(headers: &mut Vec<(String, SecretString)>, name: &str, value: SecretString) {
    headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    if !value.is_empty() {
        headers.push((name.to_ascii_lowercase(), value));
    }
}

fn item_path(id: &str) -> String {
    format!("{COLLECTION}/{}", encode(id))
}

/// The body of a create or replace: `org_name` defaults to the client's.
fn create_body(mut b: CreateAISecret, org: Option<&String>, redactor: &mut Redactor) -> SecretString {
    if b.org_name.is_none() {
        b.org_name = org.cloned().map(Some);
    }
    if let Some(Some(s)) = &b.secret {
        redactor.add(s.expose());
    }
    json_body(&b)
}

impl ClientConfig {
    /// Scrubs what every request of this client carries: the key and the
    /// default header values. For text met before a request exists (what a
    /// caller's getter threw).
    pub fn redactor(&self) -> Redactor {
        let mut r = Redactor::new();
        if let Some(key) = &self.api_key {
            r.add(key.expose());
        }
        for (_, v) in &self.default_headers {
            r.add(v.expose());
        }
        r
    }
}

pub fn build(config: &ClientConfig, op: Operation, opts: &RequestOptions) -> HttpRequest {
    let mut redactor = Redactor::new();
    let org = config.org_name.as_ref();
    let collection = || COLLECTION.to_string();
    let (method, path, query, body, expect) = match op {
        Operation::Create(b) => {
            (Method::Post, collection(), None, Some(create_body(b, org, &mut redactor)), Expect::AiSecret)
        }
        Operation::Replace(b) => {
            (Method::Put, collection(), None, Some(create_body(b, org, &mut redactor)), Expect::AiSecret)
        }
        Operation::Retrieve(id) => (Method::Get, item_path(&id), None, None, Expect::AiSecret),
        Operation::Update(id, b) => {
            if let Some(Some(s)) = &b.secret {
                redactor.add(s.expose());
            }
            (Method::Patch, item_path(&id), None, Some(json_body(&b)), Expect::AiSecret)
        }
        Operation::Delete(id) => (Method::Delete, item_path(&id), None, None, Expect::AiSecret),
        Operation::DeleteByName(mut b) => {
            if b.org_name.is_none() {
                b.org_name = org.cloned().map(Some);
            }
            (Method::Delete, collection(), None, Some(json_body(&b)), Expect::AiSecret)
        }
        Operation::List(mut q) => {
            if q.org_name.is_none() {
                q.org_name = org.cloned();
            }
            (Method::Get, collection(), Some(query_string(&q)), None, Expect::List)
        }
    };

    let mut headers: Vec<(String, SecretString)> = Vec::new();
    if let Some(key) = &config.api_key {
        redactor.add(key.expose());
        headers.push(("authorization".into(), SecretString::new(format!("Bearer {}", key.expose()))));
    }
    if body.is_some() {
        headers.push(("content-type".into(), SecretString::new("application/json".into())));
    }
    let mut counts_retries = true;
    for (k, v) in config.default_headers.iter().chain(opts.headers.iter()) {
        redactor.add(v.expose());
        set_header(&mut headers, k, v.clone());
        counts_retries &= !k.eq_ignore_ascii_case(RETRY_COUNT_HEADER);
    }
    // A call's `path` (the official request option) replaces the operation's.
    let path = opts.path.clone().unwrap_or(path);
    if let Some(key) = &opts.idempotency_key {
        set_header(&mut headers, "idempotency-key", key.clone());
    }
    let base = match &opts.default_base_url {
        Some(default) if !config.base_url_given => default,
        _ => &config.base_url,
    };
    let url = format!("{base}{path}{}", with_extra_query(query.unwrap_or_default(), config, opts));
    HttpRequest { method, url, path, headers, body, expect, redactor, counts_retries }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{client_options, request_options, Env};
    use serde_json::json;

    fn config(opts: serde_json::Value) -> ClientConfig {
        client_options(&opts.to_string(), &Env::default()).unwrap()
    }

    fn header<'a>(r: &'a HttpRequest, name: &str) -> Option<&'a str> {
        r.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.expose())
    }

    fn create(cfg: &ClientConfig, params: serde_json::Value, opts: &RequestOptions) -> HttpRequest {
        build(cfg, Operation::create(&params.to_string()).unwrap(), opts)
    }

    #[test]
    fn default_query_and_a_calls_query_go_after_the_operations_own() {
        let cfg = config(json!({"baseURL": "http://h", "defaultQuery": {"apiVersion": "foo", "hello": "world"}}));
        let none = RequestOptions::default();
        assert_eq!(create(&cfg, json!({"name": "n"}), &none).url, "http://h/v1/ai_secret?apiVersion=foo&hello=world");
        let ro = request_options(r#"{"query": {"hello": null, "bar": 1, "a b": "c&d"}}"#).unwrap();
        assert_eq!(
            create(&cfg, json!({"name": "n"}), &ro).url,
            "http://h/v1/ai_secret?apiVersion=foo&bar=1&a%20b=c%26d"
        );
        let list = build(&cfg, Operation::list(r#"{"limit": 2}"#).unwrap(), &none);
        assert_eq!(list.url, "http://h/v1/ai_secret?limit=2&apiVersion=foo&hello=world");
        assert!(request_options(r#"{"query": {"x": [1]}}"#).is_err());
        assert!(client_options(r#"{"defaultQuery": "a=b"}"#, &Env::default()).is_err());
    }

    #[test]
    fn the_official_path_and_idempotency_key_options() {
        let cfg = config(json!({"baseURL": "http://h"}));
        let ro = request_options(r#"{"path": "/_other", "idempotencyKey": "k-1"}"#).unwrap();
        let r = build(&cfg, Operation::retrieve(r#""3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f""#).unwrap(), &ro);
        assert_eq!(
            (r.url.as_str(), r.path.as_str(), header(&r, "idempotency-key")),
            ("http://h/_other", "/_other", Some("k-1"))
        );
        for bad in [r#"{"path": "x"}"#, r#"{"path": "/a?b"}"#, r#"{"method": "get"}"#, r#"{"body": {}}"#] {
            assert!(request_options(bad).is_err(), "{bad}");
        }
        assert!(request_options(r#"{"stream": false, "__binaryResponse": false, "method": null}"#).is_ok());
    }

    #[test]
    fn the_retry_count_header_counts_unless_the_caller_set_or_removed_it() {
        let id = || Operation::retrieve(r#""3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f""#).unwrap();
        let plain = build(&config(json!({})), id(), &RequestOptions::default());
        assert_eq!((plain.retry_count(1), plain.retry_count(3)), (Some("0".into()), Some("2".into())));
        let set = build(
            &config(json!({})),
            id(),
            &request_options(r#"{"headers": {"X-Stainless-Retry-Count": "42"}}"#).unwrap(),
        );
        assert_eq!((set.retry_count(2), header(&set, RETRY_COUNT_HEADER)), (None, Some("42")));
        let removed = build(
            &config(json!({"defaultHeaders": {"x-stainless-retry-count": null}})),
            id(),
            &RequestOptions::default(),
        );
        assert_eq!((removed.retry_count(2), header(&removed, RETRY_COUNT_HEADER)), (None, None));
    }

    #[test]
    fn default_base_url_applies_only_when_the_client_has_none() {
        let ro = request_options(r#"{"defaultBaseURL": "http://h:5000/option"}"#).unwrap();
        let id = || Operation::retrieve(r#""3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f""#).unwrap();
        let url = |cfg: &ClientConfig| build(cfg, id(), &ro).url;
        assert_eq!(url(&config(json!({}))), "http://h:5000/option/v1/ai_secret/3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f");
        assert!(url(&config(json!({"baseURL": "http://h:5000/client"}))).starts_with("http://h:5000/client/v1/"));
        let env = Env { base_url: Some("http://h:5000/env".into()), ..Env::default() };
        assert!(url(&client_options("{}", &env).unwrap()).starts_with("http://h:5000/env/v1/"));
        let e = request_options(r#"{"defaultBaseURL": "nope"}"#).unwrap_err();
        assert_eq!(crate::error::testing::field_of(Err::<(), _>(e)), "defaultBaseURL");
    }

    #[test]
    fn components_keep_only_unreserved_bytes() {
        assert_eq!(encode("aZ09-._~"), "aZ09-._~");
        assert_eq!(encode("a b/é?&=+"), "a%20b%2F%C3%A9%3F%26%3D%2B");
    }

    #[test]
    fn create_request_on_the_wire() {
        let cfg = config(json!({"apiKey": "sk-key", "baseURL": "https://host/api/", "orgName": "acme"}));
        let r = create(&cfg, json!({"name": "n", "secret": "s3cr3t-value"}), &RequestOptions::default());
        assert_eq!(r.method.as_str(), "POST");
        assert_eq!(r.url, "https://host/api/v1/ai_secret");
        assert_eq!(header(&r, "authorization"), Some("Bearer sk-key"));
        assert_eq!(header(&r, "content-type"), Some("application/json"));
        assert_eq!(r.headers.len(), 2);
        assert_eq!(r.body.as_ref().unwrap().expose(), r#"{"name":"n","secret":"s3cr3t-value","org_name":"acme"}"#);
        let r = create(&cfg, json!({"name": "n", "org_name": "other"}), &RequestOptions::default());
        assert_eq!(r.body.unwrap().expose(), r#"{"name":"n","org_name":"other"}"#);
    }

    #[test]
    fn keyless_mode_sends_no_authorization() {
        let r =
            create(&config(json!({"baseURL": "http://127.0.0.1:1"})), json!({"name": "n"}), &RequestOptions::default());
        assert_eq!(header(&r, "authorization"), None);
    }

    #[test]
    fn request_headers_override_defaults_case_insensitively() {
        let cfg = config(json!({"apiKey": "k-1234", "defaultHeaders": {"X-Team": "a", "x-remove": "z"}}));
        let opts = request_options(&json!({"headers": {"x-team": "b", "X-Remove": null}}).to_string()).unwrap();
        let r = create(&cfg, json!({"name": "n"}), &opts);
        assert_eq!(header(&r, "x-team"), Some("b"));
        assert_eq!(header(&r, "x-remove"), None);
    }

    #[test]
    fn redactor_knows_key_and_secret() {
        let cfg = config(json!({"apiKey": "sk-KEY-SENTINEL"}));
        let r = create(&cfg, json!({"name": "n", "secret": "SECRET-SENTINEL"}), &RequestOptions::default());
        let out = r.redactor.redact("echo sk-KEY-SENTINEL and SECRET-SENTINEL");
        assert_eq!(out, "echo [REDACTED] and [REDACTED]");
        assert!(!format!("{r:?}").contains("SENTINEL"));
    }

    #[test]
    fn item_paths_and_queries_are_encoded() {
        let cfg = config(json!({"orgName": "a&b"}));
        let id = "3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f";
        let r = build(&cfg, Operation::retrieve(&json!(id).to_string()).unwrap(), &RequestOptions::default());
        assert_eq!(r.url, format!("https://api.braintrust.dev/v1/ai_secret/{id}"));
        assert!(r.body.is_none() && header(&r, "content-type").is_none());
        let q = json!({"limit": 7, "ids": [id, id], "ai_secret_type": ["open ai", "x/y"], "ai_secret_name": "é?"});
        let r = build(&cfg, Operation::list(&q.to_string()).unwrap(), &RequestOptions::default());
        assert_eq!(
            r.url,
            format!("https://api.braintrust.dev/v1/ai_secret?limit=7&ai_secret_name=%C3%A9%3F&org_name=a%26b&ids={id}&ids={id}&ai_secret_type=open%20ai&ai_secret_type=x%2Fy")
        );
        assert_eq!(r.path, "/v1/ai_secret");
        assert_eq!(r.expect, Expect::List);
    }
}

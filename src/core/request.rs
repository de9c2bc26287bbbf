//! Builds HTTP requests as data: method, URL, headers and body.

use super::model::{Body, ListQuery, Val};
use super::redact::Redactor;
use super::secret::SecretString;
use super::text::ascii;
use super::validate::{ClientConfig, RequestOptions};
use crate::prelude::*;

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

/// One call of the ai_secret resource, with validated input.
#[derive(Clone, Debug, PartialEq)]
pub enum Operation {
    Create(Body),
    Replace(Body),
    Retrieve(String),
    Update(String, Body),
    Delete(String),
    DeleteByName(Body),
    /// Boxed: the biggest variant by far, and an `Operation` is moved a few
    /// times on its way to `build` (each move of a big enum is code in wasm).
    List(Box<ListQuery>),
}

/// What a successful response body must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    AiSecret,
    List,
}

impl Operation {
    pub fn method(&self) -> Method {
        match self {
            Operation::Create(_) => Method::Post,
            Operation::Replace(_) => Method::Put,
            Operation::Retrieve(_) | Operation::List(_) => Method::Get,
            Operation::Update(..) => Method::Patch,
            Operation::Delete(_) | Operation::DeleteByName(_) => Method::Delete,
        }
    }

    pub fn expect(&self) -> Expect {
        match self {
            Operation::List(_) => Expect::List,
            _ => Expect::AiSecret,
        }
    }
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
}

const COLLECTION: &str = "/v1/ai_secret";

/// Appends `s` percent-encoded: everything but RFC 3986 unreserved characters.
pub fn push_encoded(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(ascii(b));
        } else {
            out.push('%');
            out.push(ascii(HEX[(b >> 4) as usize]));
            out.push(ascii(HEX[(b & 15) as usize]));
        }
    }
}

/// `?k=v&k=v…` in a fixed order, written straight into one string.
fn query_string(q: &ListQuery) -> String {
    let mut out = String::new();
    let mut add = |k: &str, v: &str| {
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(k);
        out.push('=');
        push_encoded(&mut out, v);
    };
    if let Some(l) = q.limit {
        add("limit", &super::text::uint(l));
    }
    let singles = [
        ("starting_after", &q.starting_after),
        ("ending_before", &q.ending_before),
        ("ai_secret_name", &q.ai_secret_name),
        ("org_name", &q.org_name),
    ];
    for (k, v) in singles {
        if let Some(v) = v {
            add(k, v);
        }
    }
    for id in &q.ids {
        add("ids", id);
    }
    for t in &q.ai_secret_type {
        add("ai_secret_type", t);
    }
    out
}

/// Puts `value` under `name`, replacing any header of that name whatever its
/// case; an empty value removes it.
fn set_header(headers: &mut Vec<(String, SecretString)>, name: &str, value: SecretString) {
    headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    if !value.is_empty() {
        headers.push((name.to_string(), value));
    }
}

pub fn build(config: &ClientConfig, op: Operation, opts: &RequestOptions) -> HttpRequest {
    let method = op.method();
    let expect = op.expect();
    let org = &config.org_name;
    let with_org = |mut b: Body| {
        if let Some(org) = org {
            b.default_field("org_name", Val::Str(SecretString::new(org.clone())));
        }
        b
    };
    let (path, query, body) = match op {
        Operation::Create(b) | Operation::Replace(b) | Operation::DeleteByName(b) => {
            (COLLECTION.to_string(), String::new(), Some(with_org(b)))
        }
        Operation::Retrieve(id) | Operation::Delete(id) => (item_path(&id), String::new(), None),
        Operation::Update(id, b) => (item_path(&id), String::new(), Some(b)),
        Operation::List(mut q) => {
            if q.org_name.is_none() {
                q.org_name = org.clone();
            }
            (COLLECTION.to_string(), query_string(&q), None)
        }
    };

    let mut redactor = Redactor::new();
    let mut headers: Vec<(String, SecretString)> = Vec::new();
    if let Some(key) = &config.api_key {
        redactor.add(key.expose());
        let mut v = String::from("Bearer ");
        v.push_str(key.expose());
        headers.push(("Authorization".into(), SecretString::new(v)));
    }
    if body.is_some() {
        headers.push(("Content-Type".into(), SecretString::new("application/json".into())));
    }
    for (k, v) in config.default_headers.iter().chain(opts.headers.iter()) {
        redactor.add(v.expose());
        set_header(&mut headers, k, v.clone());
    }
    if let Some(Val::Str(secret)) = body.as_ref().and_then(|b| b.get("secret")) {
        redactor.add(secret.expose());
    }
    let mut url = config.base_url.clone();
    url.push_str(&path);
    url.push_str(&query);
    HttpRequest { method, url, path, headers, body: body.map(|b| b.to_json()), expect, redactor }
}

fn item_path(id: &str) -> String {
    let mut p = String::from(COLLECTION);
    p.push('/');
    push_encoded(&mut p, id);
    p
}

#[cfg(test)]
mod tests {
    use super::super::model::CREATE_AI_SECRET;
    use super::super::testing::v;
    use super::super::validate::{body, client_options, list_query, Env};
    use super::*;
    use serde_json::json;

    fn config(opts: serde_json::Value) -> ClientConfig {
        client_options(&v(opts), &Env::default()).unwrap()
    }

    fn header<'a>(r: &'a HttpRequest, name: &str) -> Option<&'a str> {
        r.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.expose())
    }

    fn create(cfg: &ClientConfig, params: serde_json::Value, opts: &RequestOptions) -> HttpRequest {
        build(cfg, Operation::Create(body(&v(params), CREATE_AI_SECRET, "params").unwrap()), opts)
    }

    #[test]
    fn components_keep_only_unreserved_bytes() {
        let encoded = |s: &str| {
            let mut out = String::from("x");
            push_encoded(&mut out, s);
            out
        };
        assert_eq!(encoded("aZ09-._~"), "xaZ09-._~");
        assert_eq!(encoded("a b/é?&=+"), "xa%20b%2F%C3%A9%3F%26%3D%2B");
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
        let opts =
            crate::core::validate::request_options(&v(json!({"headers": {"x-team": "b", "X-Remove": null}}))).unwrap();
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
        let id = "3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f".to_string();
        let r = build(&cfg, Operation::Retrieve(id.clone()), &RequestOptions::default());
        assert_eq!(r.url, "https://api.braintrust.dev/v1/ai_secret/3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f");
        assert!(r.body.is_none() && header(&r, "content-type").is_none());
        let q = list_query(&v(
            json!({"limit": 7, "ids": [id, id], "ai_secret_type": ["open ai", "x/y"], "ai_secret_name": "é?"}),
        ))
        .unwrap();
        let r = build(&cfg, Operation::List(q), &RequestOptions::default());
        assert_eq!(
            r.url,
            "https://api.braintrust.dev/v1/ai_secret?limit=7&ai_secret_name=%C3%A9%3F&org_name=a%26b&ids=3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f&ids=3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f&ai_secret_type=open%20ai&ai_secret_type=x%2Fy"
        );
        assert_eq!(r.path, "/v1/ai_secret");
    }
}

//! The base URL: an absolute http(s) URL the platform's fetch can reach.

use super::options::{ClientConfig, DEFAULT_BASE_URL};
use crate::error::Error;

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

/// An absolute http(s) URL with a host, no credentials, query or fragment.
/// Returns it without trailing slashes, ready for `/v1/...` to be appended.
pub fn base_url(raw: &str, field: &str) -> Result<String, Error> {
    let bad = |why: &str| {
        Err(Error::validation(field, format!("must be an absolute http(s) URL such as {DEFAULT_BASE_URL}; {why}")))
    };
    let Some(rest) = raw.strip_prefix("https://").or_else(|| raw.strip_prefix("http://")) else {
        if raw.starts_with('/') || raw.starts_with('.') {
            return bad(
                "a relative URL is resolved only in a page or worker, against its location; here there is none.",
            );
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::testing::field_of;
    use crate::validate::{client_options, Env};

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
}

//! Scrubs keys and secrets out of text that may reach a user: response
//! bodies and headers quoted in errors, and causes of transport errors.

use super::secret::SecretString;
use super::text::push_json_string;

pub const REDACTED: &str = "[REDACTED]";
pub const WITHHELD: &str = "[REDACTED: text withheld]";
/// Needles shorter than this are not searched for: replacing every "a" in a
/// body would destroy it, and such values are not secrets worth the name.
pub const MIN_NEEDLE: usize = 4;
/// JSON keys whose string values are always masked.
const SECRET_KEYS: &[&str] = &["secret", "api_key", "apiKey", "authorization", "Authorization", "token"];

#[derive(Clone, Debug, Default)]
pub struct Redactor {
    needles: Vec<SecretString>,
}

impl Redactor {
    pub fn new() -> Self {
        Redactor::default()
    }

    /// Adds a value to scrub, in its raw and its JSON-escaped forms.
    pub fn add(&mut self, value: &str) {
        if value.len() < MIN_NEEDLE {
            return;
        }
        let mut quoted = String::new();
        push_json_string(&mut quoted, value);
        let escaped = &quoted[1..quoted.len() - 1];
        if escaped != value {
            self.needles.push(SecretString::new(escaped.to_string()));
        }
        self.needles.push(SecretString::new(value.to_string()));
    }

    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_string();
        for n in &self.needles {
            if out.contains(n.expose()) {
                out = out.replace(n.expose(), REDACTED);
            }
        }
        // A needle that overlaps the marker ("D]ab" in "D]abab") can be
        // rebuilt by the replacement itself: then withhold the whole text.
        if self.needles.iter().any(|n| out.contains(n.expose())) {
            return WITHHELD.to_string();
        }
        mask_bearer(&mask_json_keys(&out))
    }
}

/// Replaces the string value after `"secret":` (and friends) with REDACTED.
fn mask_json_keys(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while let Some(q) = rest.find('"') {
        for key in SECRET_KEYS {
            let after_key = &rest[q + 1..];
            if let Some(tail) = after_key.strip_prefix(key).and_then(|t| t.strip_prefix('"')) {
                let value = tail.trim_start().strip_prefix(':').map(str::trim_start);
                if let Some(v) = value.and_then(|v| v.strip_prefix('"')) {
                    if let Some(end) = string_end(v) {
                        let consumed = rest.len() - v.len();
                        out.push_str(&rest[..consumed]);
                        out.push_str(REDACTED);
                        rest = &v[end..];
                        continue 'scan;
                    }
                }
            }
        }
        out.push_str(&rest[..=q]);
        rest = &rest[q + 1..];
    }
    out.push_str(rest);
    out
}

/// Index of the closing quote of a JSON string body, honouring escapes.
fn string_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// Masks the token after "Bearer " so a server echoing headers leaks nothing.
fn mask_bearer(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("Bearer ") {
        let start = i + "Bearer ".len();
        out.push_str(&rest[..start]);
        let token_len = rest[start..]
            .find(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == ',')
            .unwrap_or(rest.len() - start);
        if token_len > 0 {
            out.push_str(REDACTED);
        }
        rest = &rest[start + token_len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubs_needles_raw_and_escaped() {
        let mut r = Redactor::new();
        r.add("sk-SENTINEL\"q");
        let out = r.redact(r#"{"error":"bad sk-SENTINEL\"q", "raw": sk-SENTINEL"q}"#);
        assert!(!out.contains("SENTINEL"), "{out}");
    }

    #[test]
    fn a_needle_rebuilt_by_the_marker_withholds_the_text() {
        let mut r = Redactor::new();
        r.add("D]ab");
        assert_eq!(r.redact("x D]abab"), WITHHELD);
    }

    #[test]
    fn short_needles_are_ignored() {
        let mut r = Redactor::new();
        r.add("abc");
        assert_eq!(r.redact("abcabc"), "abcabc");
    }

    #[test]
    fn masks_secret_keys_and_bearer_tokens() {
        let r = Redactor::new();
        assert_eq!(r.redact(r#"{"secret" : "x\"y", "name":"n"}"#), r#"{"secret" : "[REDACTED]", "name":"n"}"#);
        assert_eq!(r.redact("auth was Bearer abc.def, bad"), "auth was Bearer [REDACTED], bad");
        assert_eq!(r.redact(r#"{"secret_name":"keep"}"#), r#"{"secret_name":"keep"}"#);
        assert_eq!(r.redact(r#"unterminated "secret":"abc"#), r#"unterminated "secret":"abc"#);
    }
}

//! Scrubs keys and secrets out of text that may reach a user: response
//! bodies and headers quoted in errors, and causes of transport errors.

use crate::secret::SecretString;

pub const REDACTED: &str = "[REDACTED]";
pub const WITHHELD: &str = "[REDACTED: text withheld]";
/// Needles shorter than this are not searched for: replacing every "a" in a
/// body would destroy it, and such values are not secrets worth the name.
pub const MIN_NEEDLE: usize = 4;

/// JSON keys, quoted, whose string values are always masked.
const SECRET_KEYS: &[&str] =
    &["\"secret\"", "\"api_key\"", "\"apiKey\"", "\"authorization\"", "\"Authorization\"", "\"token\""];

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
        // serde_json escapes as JSON.stringify does, so this is the form a
        // JSON server echoes.
        let quoted = serde_json::to_string(value).unwrap_or_default();
        let escaped = quoted.strip_prefix('"').and_then(|q| q.strip_suffix('"')).unwrap_or(value);
        if escaped != value {
            self.needles.push(SecretString::new(escaped.to_string()));
        }
        self.needles.push(SecretString::new(value.to_string()));
    }

    /// Length of the longest value scrubbed, in bytes.
    pub fn longest(&self) -> usize {
        self.needles.iter().map(|n| n.expose().len()).max().unwrap_or(0)
    }

    /// A header name, which fetch gives in lower case: the values are
    /// searched for in lower case too.
    pub fn redact_header_name(&self, name: &str) -> String {
        let mut out = name.to_ascii_lowercase();
        for n in &self.needles {
            out = out.replace(&n.expose().to_ascii_lowercase(), REDACTED);
        }
        self.redact(&out)
    }

    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_string();
        for n in &self.needles {
            out = out.replace(n.expose(), REDACTED);
        }
        // A needle that overlaps the marker ("D]ab" in "D]abab") can be
        // rebuilt by the replacement itself: then withhold the whole text.
        if self.needles.iter().any(|n| out.contains(n.expose())) {
            return WITHHELD.to_string();
        }
        for key in SECRET_KEYS {
            out = mask_after(&out, key, true);
        }
        mask_after(&out, "Bearer ", false)
    }
}

/// Masks the value after each `marker` in `text`: with `json`, a JSON
/// string after the colon (and JSON whitespace), up to its closing quote or
/// the end of the text; else a token, up to ASCII whitespace, a quote or a
/// comma (masking more, never less).
fn mask_after(text: &str, marker: &str, json: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(marker) {
        let bytes = rest.as_bytes();
        let mut at = i + marker.len();
        if json {
            while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r' | b':') {
                at += 1;
            }
            if bytes.get(at) != Some(&b'"') {
                out.push_str(&rest[..at]);
                rest = &rest[at..];
                continue;
            }
            at += 1;
        }
        let value_start = at;
        // By bytes: every delimiter is ASCII, so a char boundary.
        let mut escaped = false;
        while at < bytes.len() {
            let b = bytes[at];
            if json {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => break,
                    _ => {}
                }
            } else if b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b',') {
                break;
            }
            at += 1;
        }
        out.push_str(&rest[..value_start]);
        if at > value_start {
            out.push_str(REDACTED);
        }
        rest = &rest[at..];
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
        assert_eq!(r.redact(r#"unterminated "secret":"abc"#), r#"unterminated "secret":"[REDACTED]"#);
        assert_eq!(r.redact(r#"{"secret":null,"secret":""}"#), r#"{"secret":null,"secret":""}"#);
        assert_eq!(r.redact("{\"token\"\n\t:\r \"t1\"}"), "{\"token\"\n\t:\r \"[REDACTED]\"}");
        for (text, masked) in [
            ("Bearer sk-1\tx", "Bearer [REDACTED]\tx"),
            ("Bearer sk-1\"x", "Bearer [REDACTED]\"x"),
            ("Bearer sk-1'x", "Bearer [REDACTED]'x"),
            ("Bearer sk-1é\u{a0}x y", "Bearer [REDACTED] y"),
            ("Bearer ", "Bearer "),
        ] {
            assert_eq!(r.redact(text), masked, "{text:?}");
        }
    }
}

//! Scrubs keys and secrets out of text that may reach a user: response
//! bodies and headers quoted in errors, and causes of transport errors.

use super::secret::SecretString;
use super::text::{find, push_json_string, replace_all, split_at_byte};
use crate::prelude::*;

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
        let escaped = quoted.strip_prefix("\"").and_then(|q| q.strip_suffix("\"")).unwrap_or(value);
        if escaped != value {
            self.needles.push(SecretString::new(escaped.to_string()));
        }
        self.needles.push(SecretString::new(value.to_string()));
    }

    /// Length of the longest value scrubbed, in bytes.
    pub fn longest(&self) -> usize {
        // A loop: `map(..).max()` came out of line as an iterator fold.
        let mut longest = 0;
        for n in &self.needles {
            longest = longest.max(n.expose().len());
        }
        longest
    }

    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_string();
        for n in &self.needles {
            out = replace_all(&out, n.expose(), REDACTED);
        }
        // A needle that overlaps the marker ("D]ab" in "D]abab") can be
        // rebuilt by the replacement itself: then withhold the whole text.
        if self.needles.iter().any(|n| find(&out, n.expose()).is_some()) {
            return WITHHELD.to_string();
        }
        mask_bearer(&mask_json_keys(&out))
    }
}

// The scanners below never index or slice by position (`split_once`,
// `strip_*`, `get`): a panicking path would pull `core::fmt` into the wasm.

/// Replaces the string value after `"secret":` (and friends) with REDACTED.
fn mask_json_keys(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = split_at_byte(rest, b'"') {
        out.push_str(before);
        out.push('"');
        rest = after;
        for key in SECRET_KEYS {
            let Some(tail) = after.strip_prefix(key).and_then(|t| t.strip_prefix("\"")) else { continue };
            // JSON's whitespace is ASCII.
            let Some(value) =
                tail.trim_ascii_start().strip_prefix(":").and_then(|v| v.trim_ascii_start().strip_prefix("\""))
            else {
                continue;
            };
            let Some(closing) = string_end(value) else { continue };
            // `key": "` as written, the marker, then on from the closing quote.
            out.push_str(after.strip_suffix(value).unwrap_or(""));
            out.push_str(REDACTED);
            rest = closing;
            break;
        }
    }
    out.push_str(rest);
    out
}

/// The rest of a JSON string body from its closing quote, honouring escapes.
/// By bytes: `"` and `\` are ASCII, and no byte of a multi-byte character
/// is (a char walk linked UTF-8 decoding for this one loop).
fn string_end(s: &str) -> Option<&str> {
    let mut escaped = false;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => return s.get(i..),
            _ => {}
        }
    }
    None
}

/// Masks the token after "Bearer " so a server echoing headers leaks nothing.
fn mask_bearer(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    const BEARER: &str = "Bearer ";
    while let Some(i) = find(rest, BEARER) {
        out.push_str(rest.get(..i + BEARER.len()).unwrap_or(""));
        let after = rest.get(i + BEARER.len()..).unwrap_or("");
        // By bytes: an ASCII delimiter is a char boundary. A token runs to
        // ASCII whitespace, a quote or a comma (masking more, never less).
        let end = after
            .bytes()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b','))
            .unwrap_or(after.len());
        if end > 0 {
            out.push_str(REDACTED);
        }
        rest = after.get(end..).unwrap_or("");
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
        // JSON whitespace around the colon, and every token delimiter.
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

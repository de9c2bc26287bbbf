//! Tiny text helpers. They exist so that wasm paths never pull in
//! `core::fmt` (`format!`, `{}`), which costs several KB of wasm.
//!
//! Patterns are `&str`, never `char` (`strip_prefix("\"")`, not
//! `strip_prefix('"')`): a char pattern is UTF-8-encoded at run time, and
//! that links char encoding into the wasm (0.19 KB gzip with `String::push`
//! of non-ASCII chars, see `ELLIPSIS` and `ascii`).

use crate::prelude::*;

/// Decimal representation of an unsigned integer.
pub fn uint(n: u64) -> String {
    let mut out = String::new();
    push_uint(&mut out, n);
    out
}

/// Appends `n` in decimal, without a `String` of its own.
pub fn push_uint(out: &mut String, mut n: u64) {
    // Iterators, not indices: no bounds check, so no panic path (whose
    // location data would stay in the wasm).
    let mut digits = [0u8; 20]; // u64::MAX has 20
    let mut used = 0;
    for d in digits.iter_mut().rev() {
        *d = b'0' + (n % 10) as u8;
        n /= 10;
        used += 1;
        if n == 0 {
            break;
        }
    }
    for &d in digits.iter().skip(digits.len() - used) {
        out.push(ascii(d));
    }
}

/// Appends `s` to `out` as a JSON string literal, quotes included, escaped
/// as `JSON.stringify` (and serde_json) escape it: `"`, `\\` and controls,
/// nothing else. So the redactor's escaped form of a secret is the form a
/// JSON server echoes. By bytes: every escaped byte is ASCII, and no byte of
/// a multi-byte character is.
pub fn push_json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b != b'"' && b != b'\\' && b >= 0x20 {
            continue;
        }
        out.push_str(s.get(start..i).unwrap_or(""));
        out.push('\\');
        match b {
            b'"' | b'\\' => out.push(ascii(b)),
            0x08 => out.push('b'),
            0x0c => out.push('f'),
            b'\n' => out.push('n'),
            b'\r' => out.push('r'),
            b'\t' => out.push('t'),
            _ => {
                out.push_str("u00");
                out.push(ascii(HEX[(b >> 4) as usize]));
                out.push(ascii(HEX[(b & 15) as usize]));
            }
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or(""));
    out.push('"');
}

/// `s.split_once(c)` for an ASCII `c`, by bytes: std's char searcher pulls
/// `memchr` into the wasm. (An ASCII byte in UTF-8 is always that character.)
pub fn split_at_byte(s: &str, c: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == c)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// The first line of `s` with more than ASCII whitespace, trimmed; "" if
/// none. A loop over `split_at_byte`: a splitting iterator came out of line
/// (`FromFn`) for this and one other caller.
pub fn first_text_line(s: &str) -> &str {
    let mut rest = Some(s);
    while let Some(r) = rest {
        let (line, more) = match split_at_byte(r, b'\n') {
            Some((line, more)) => (line, Some(more)),
            None => (r, None),
        };
        let line = line.trim_ascii();
        if !line.is_empty() {
            return line;
        }
        rest = more;
    }
    ""
}

/// `s.trim_end_matches(c)` for an ASCII `c`, by bytes.
pub fn trim_end_byte(s: &str, c: u8) -> &str {
    let mut end = s.len();
    while end > 0 && s.as_bytes()[end - 1] == c {
        end -= 1;
    }
    // `get`, not `[..end]`: a slice's panic path links `core::fmt` (3 KB
    // gzip). An ASCII byte ends a char, so `end` is a boundary anyway.
    s.get(..end).unwrap_or(s)
}

/// `s.contains(c)` for an ASCII `c`, by bytes.
pub fn has_byte(s: &str, c: u8) -> bool {
    s.bytes().any(|b| b == c)
}

/// `s.chars().any(|c| c.is_whitespace() || c.is_control())`, read from the
/// UTF-8 bytes: Unicode's White_Space and control characters are few, so a
/// match on their encodings replaces char decoding and std's whitespace
/// table (0.19 KB gzip of wasm for the one check that used them).
pub fn has_space_or_control(s: &str) -> bool {
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    for (i, &c) in b.iter().enumerate() {
        let (x, y) = (at(i + 1), at(i + 2));
        let hit = match c {
            // ASCII controls, whitespace and DEL.
            0..=0x20 | 0x7f => true,
            // U+0080..=U+00A0: the C1 controls (U+0085 among them) and NBSP.
            0xc2 => x <= 0xa0,
            // U+1680
            0xe1 => x == 0x9a && y == 0x80,
            // U+2000..=U+200A, U+2028, U+2029, U+202F; U+205F
            0xe2 => (x == 0x80 && (y <= 0x8a || matches!(y, 0xa8 | 0xa9 | 0xaf))) || (x == 0x81 && y == 0x9f),
            // U+3000
            0xe3 => x == 0x80 && y == 0x80,
            _ => false,
        };
        if hit {
            return true;
        }
    }
    false
}

/// Marks text that was cut. Pushed as a `&str`: `String::push` of a
/// non-ASCII char links UTF-8 encoding (0.07 KB gzip of wasm).
pub const ELLIPSIS: &str = "…";

/// An ASCII byte as a `char`. The mask (a no-op on ASCII) tells the
/// compiler the char is one byte long, so `String::push` stays a byte push
/// instead of linking UTF-8 encoding for the general case.
pub fn ascii(b: u8) -> char {
    (b & 0x7f) as char
}

/// Concatenates parts without `format!`.
pub fn cat(parts: &[&str]) -> String {
    // A loop, as `map(..).sum()` came out of line as an iterator fold.
    let mut len = 0;
    for p in parts {
        len += p.len();
    }
    let mut s = String::with_capacity(len);
    for p in parts {
        s.push_str(p);
    }
    s
}

/// Byte offset of the first `needle` in `hay`. A plain scan: std's substring
/// searcher carries a panicking slice path that pulls `core::fmt` into the
/// wasm, and the texts searched here are short (cut before they are searched).
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    if n.is_empty() {
        return None;
    }
    hay.as_bytes().windows(n.len()).position(|w| w == n)
}

/// `hay` with every `needle` replaced by `with`.
pub fn replace_all(hay: &str, needle: &str, with: &str) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut rest = hay;
    while let Some(i) = find(rest, needle) {
        out.push_str(rest.get(..i).unwrap_or(""));
        out.push_str(with);
        rest = rest.get(i + needle.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Cuts `s` to at most `max` bytes on a char boundary; says whether it cut.
pub fn cut(s: &str, max: usize) -> (&str, bool) {
    if s.len() <= max {
        return (s, false);
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    (s.get(..end).unwrap_or(""), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_splitting_matches_std() {
        for s in ["", ",", ",,", "a,b", "a,,b,,", "é,✓,😀,", "no"] {
            assert_eq!(split_at_byte(s, b','), s.split_once(','), "{s}");
            assert_eq!(has_byte(s, b','), s.contains(','), "{s}");
            assert_eq!(trim_end_byte(s, b','), s.trim_end_matches(','), "{s}");
        }
    }

    #[test]
    fn space_or_control_matches_std_for_every_char() {
        let std = |s: &str| s.chars().any(|c| c.is_whitespace() || c.is_control());
        let mut buf = [0u8; 4];
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let one = c.encode_utf8(&mut buf);
            assert_eq!(has_space_or_control(one), std(one), "U+{:04X}", c as u32);
        }
        for s in [
            "",
            "https://api.braintrust.dev",
            "a b",
            "é\u{2003}",
            "✓\u{3000}✓",
            "\u{1680}x",
            "x\u{85}",
            "\u{a1}\u{2030}",
        ] {
            assert_eq!(has_space_or_control(s), std(s), "{s:?}");
        }
    }

    #[test]
    fn first_text_line_matches_std() {
        for s in ["", "\n", " \n\t\n", "a", "\n  a b \nc", "x\n", "\r\n\r\nline\r\n", "é\n✓"] {
            let std = s.split('\n').map(str::trim_ascii).find(|l| !l.is_empty()).unwrap_or("");
            assert_eq!(first_text_line(s), std, "{s:?}");
        }
    }

    #[test]
    fn uint_formats_like_display() {
        for n in [0u64, 7, 10, 404, 65535, u64::MAX] {
            assert_eq!(uint(n), n.to_string());
        }
    }

    #[test]
    fn json_strings_round_trip_through_serde() {
        for s in
            ["", "plain", "q\"uote", "back\\slash", "nl\n\t\r", "\u{1}\u{1f}", "é✓😀", "\u{2028}", "a\u{2029}b\u{2027}"]
        {
            let mut out = String::new();
            push_json_string(&mut out, s);
            let back: String = serde_json::from_str(&out).unwrap();
            assert_eq!(back, s);
        }
        // Byte for byte what serde_json writes, which is what JSON.stringify writes.
        for s in ["é\"\u{1}\u{2028}\u{2027}x", "\u{8}\u{c}\u{7f}\\\u{1f}", "tail\n", "\"lead"] {
            let mut out = String::new();
            push_json_string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn find_and_replace_all_match_std() {
        for (h, n) in [("abcabc", "bc"), ("aaa", "aa"), ("é✓é", "✓"), ("x", "xy"), ("", "a"), ("abc", "")] {
            assert_eq!(find(h, n), if n.is_empty() { None } else { h.find(n) }, "{h} {n}");
            if !n.is_empty() {
                assert_eq!(replace_all(h, n, "[R]"), h.replace(n, "[R]"));
            }
        }
    }

    #[test]
    fn cut_respects_char_boundaries() {
        assert_eq!(cut("abc", 5), ("abc", false));
        assert_eq!(cut("abcdef", 3), ("abc", true));
        assert_eq!(cut("aé", 2), ("a", true));
    }
}

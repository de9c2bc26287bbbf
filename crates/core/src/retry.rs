//! When to retry and how long to wait. Pure: the clock and the random
//! source are arguments, so the policy is tested exactly.

/// How an attempt ended, as far as retrying is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Status(u16),
    Connection,
    Timeout,
}

/// Whether the outcome is worth another attempt. `should_retry` is the
/// `x-should-retry` response header, which overrides the status rule.
pub fn is_retryable(outcome: Outcome, should_retry: Option<&str>) -> bool {
    match should_retry.map(str::trim_ascii) {
        Some(v) if v.eq_ignore_ascii_case("true") => return true,
        Some(v) if v.eq_ignore_ascii_case("false") => return false,
        _ => {}
    }
    match outcome {
        Outcome::Connection | Outcome::Timeout => true,
        Outcome::Status(s) => matches!(s, 408 | 409 | 429) || s >= 500,
    }
}

const INITIAL_MS: f64 = 500.0;
const MAX_BACKOFF_MS: f64 = 8_000.0;
const MAX_RETRY_AFTER_MS: f64 = 60_000.0;

/// Delay before retry number `retry` (0 for the first retry), in ms.
/// `retry-after-ms`, else `retry-after` (seconds or an HTTP-date) when it
/// asks for 0 < t ≤ 60 s; else 0.5 s × 2^retry capped at 8 s, minus up to
/// 25 % jitter (`random` in [0, 1)).
///
/// The platform reads the header values, as it gives the clock: `number`
/// parses a decimal and `date` an HTTP-date to epoch ms. The wasm shell
/// passes JS's `parseFloat` and `Date.parse`, which read them as
/// `@braintrust/api` does, `Date.parse` in all three forms RFC 9110 says a
/// recipient must accept. (Parsers of our own, for decimals and the one
/// IMF-fixdate form, cost 0.5 KB gzip of wasm.)
pub fn delay_ms(
    retry: u32,
    retry_after_ms: Option<&str>,
    retry_after: Option<&str>,
    now_ms: f64,
    random: f64,
    number: impl Fn(&str) -> Option<f64>,
    date: impl Fn(&str) -> Option<f64>,
) -> f64 {
    let asked = retry_after_ms.and_then(|v| number(v.trim_ascii())).or_else(|| {
        let v = retry_after?.trim_ascii();
        match number(v) {
            Some(secs) => Some(secs * 1000.0),
            None => date(v).map(|at| at - now_ms),
        }
    });
    if let Some(ms) = asked {
        if ms > 0.0 && ms <= MAX_RETRY_AFTER_MS {
            return ms;
        }
    }
    let base = (INITIAL_MS * (1u32 << retry.min(16)) as f64).min(MAX_BACKOFF_MS);
    let jitter = 1.0 - 0.25 * random.clamp(0.0, 1.0);
    base * jitter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retryable_outcomes() {
        for s in [408, 409, 429, 500, 502, 503, 599] {
            assert!(is_retryable(Outcome::Status(s), None), "{s}");
        }
        for s in [400, 401, 403, 404, 422] {
            assert!(!is_retryable(Outcome::Status(s), None), "{s}");
        }
        assert!(is_retryable(Outcome::Connection, None));
        assert!(is_retryable(Outcome::Timeout, None));
        assert!(!is_retryable(Outcome::Status(503), Some("false")));
        assert!(is_retryable(Outcome::Status(400), Some("true")));
        assert!(is_retryable(Outcome::Status(503), Some("maybe")));
    }

    /// Stand-ins for the platform's parsers: Rust's own for numbers, and
    /// one known date.
    fn number(s: &str) -> Option<f64> {
        s.parse().ok()
    }

    fn one_date(s: &str) -> Option<f64> {
        (s == "Sun, 06 Nov 1994 08:49:40 GMT").then_some(784_111_780_000.0)
    }

    #[test]
    fn exponential_backoff_with_jitter() {
        assert_eq!(delay_ms(0, None, None, 0.0, 0.0, number, one_date), 500.0);
        assert_eq!(delay_ms(1, None, None, 0.0, 0.0, number, one_date), 1000.0);
        assert_eq!(delay_ms(5, None, None, 0.0, 0.0, number, one_date), 8000.0);
        assert_eq!(delay_ms(40, None, None, 0.0, 0.0, number, one_date), 8000.0);
        assert_eq!(delay_ms(0, None, None, 0.0, 1.0, number, one_date), 375.0);
    }

    #[test]
    fn retry_after_headers() {
        assert_eq!(delay_ms(0, Some("250"), Some("9"), 0.0, 0.5, number, one_date), 250.0);
        assert_eq!(delay_ms(0, None, Some("2"), 0.0, 0.5, number, one_date), 2000.0);
        assert_eq!(delay_ms(0, None, Some("120"), 0.0, 0.0, number, one_date), 500.0, "over 60 s falls back");
        assert_eq!(delay_ms(0, None, Some("0"), 0.0, 0.0, number, one_date), 500.0, "zero falls back");
        let now = 784_111_777_000.0;
        let date = Some(" Sun, 06 Nov 1994 08:49:40 GMT ");
        assert_eq!(delay_ms(0, None, date, now, 0.0, number, one_date), 3000.0, "trimmed, then parsed");
        assert_eq!(delay_ms(0, None, date, now + 4000.0, 0.0, number, one_date), 500.0, "a date past falls back");
        assert_eq!(delay_ms(0, None, Some("garbage"), now, 0.0, number, one_date), 500.0, "no date falls back");
        // A number is never taken for a date.
        assert_eq!(delay_ms(0, None, Some("1.5"), now, 0.0, number, |_| Some(now + 9000.0)), 1500.0);
        // Negative, infinite or NaN asks fall back.
        for v in ["-1", "inf", "NaN"] {
            assert_eq!(delay_ms(0, Some(v), None, now, 0.0, number, one_date), 500.0, "{v}");
        }
    }
}

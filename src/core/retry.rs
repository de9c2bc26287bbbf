//! When to retry and how long to wait. Pure: the clock and the random
//! source are arguments, so the policy is tested exactly.

use super::text::{find, has_byte, parse_decimal, split_at_byte};

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
pub fn delay_ms(retry: u32, retry_after_ms: Option<&str>, retry_after: Option<&str>, now_ms: f64, random: f64) -> f64 {
    let asked = retry_after_ms.and_then(|v| parse_decimal(v.trim_ascii())).or_else(|| {
        let v = retry_after?.trim_ascii();
        match parse_decimal(v) {
            Some(secs) => Some(secs * 1000.0),
            None => parse_http_date(v).map(|at| at - now_ms),
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

fn int(s: &str) -> Option<i64> {
    match parse_decimal(s) {
        Some(v) if !has_byte(s, b'.') && v < 1e9 => Some(v as i64),
        _ => None,
    }
}

const MONTHS: &str = "JanFebMarAprMayJunJulAugSepOctNovDec";

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) to epoch ms.
pub fn parse_http_date(s: &str) -> Option<f64> {
    let rest = split_at_byte(s, b',')?.1.strip_prefix(" ")?;
    let (day, rest) = split_at_byte(rest, b' ')?;
    let (name, rest) = split_at_byte(rest, b' ')?;
    let (year, rest) = split_at_byte(rest, b' ')?;
    let (time, zone) = split_at_byte(rest, b' ')?;
    let day = int(day)?;
    // A search in one string, not a 12-arm `match`: 0.2 KB less wasm.
    let month = match find(MONTHS, name) {
        Some(i) if name.len() == 3 && i % 3 == 0 => (i / 3 + 1) as i64,
        _ => return None,
    };
    let year = int(year)?;
    let (h, ms) = split_at_byte(time, b':')?;
    let (m, sec) = split_at_byte(ms, b':')?;
    let (h, m, sec) = (int(h)?, int(m)?, int(sec)?);
    if zone != "GMT" || !(1..=31).contains(&day) || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 86_400 + h * 3600 + m * 60 + sec) * 1000) as f64)
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

    #[test]
    fn exponential_backoff_with_jitter() {
        assert_eq!(delay_ms(0, None, None, 0.0, 0.0), 500.0);
        assert_eq!(delay_ms(1, None, None, 0.0, 0.0), 1000.0);
        assert_eq!(delay_ms(5, None, None, 0.0, 0.0), 8000.0);
        assert_eq!(delay_ms(40, None, None, 0.0, 0.0), 8000.0);
        assert_eq!(delay_ms(0, None, None, 0.0, 1.0), 375.0);
    }

    #[test]
    fn retry_after_headers() {
        assert_eq!(delay_ms(0, Some("250"), Some("9"), 0.0, 0.5), 250.0);
        assert_eq!(delay_ms(0, None, Some("2"), 0.0, 0.5), 2000.0);
        assert_eq!(delay_ms(0, None, Some("120"), 0.0, 0.0), 500.0, "over 60 s falls back");
        assert_eq!(delay_ms(0, None, Some("0"), 0.0, 0.0), 500.0, "zero falls back");
        let now = parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(now, 784_111_777_000.0);
        assert_eq!(delay_ms(0, None, Some("Sun, 06 Nov 1994 08:49:40 GMT"), now, 0.0), 3000.0);
        assert_eq!(delay_ms(0, None, Some("garbage"), now, 0.0), 500.0);
    }

    #[test]
    fn http_dates_name_every_month_exactly() {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let mut last = 0.0;
        for m in months {
            let at = parse_http_date(&["Sat, 01 ", m, " 2022 00:00:00 GMT"].concat()).unwrap();
            assert!(at > last, "{m}");
            last = at;
        }
        assert_eq!(parse_http_date("Sat, 01 Jan 2022 00:00:00 GMT"), Some(1_640_995_200_000.0));
        assert_eq!(parse_http_date("Thu, 01 Dec 2022 00:00:00 GMT"), Some(1_669_852_800_000.0));
        for bad in ["anF", "JanF", "Ja", "", "jan", "ebM"] {
            assert_eq!(parse_http_date(&["Sat, 01 ", bad, " 2022 00:00:00 GMT"].concat()), None, "{bad}");
        }
        for bad in ["00:00", "00:00:00:00", "00::00", "24:00:00", "00:60:00", "0a:00:00"] {
            assert_eq!(parse_http_date(&["Sat, 01 Jan 2022 ", bad, " GMT"].concat()), None, "{bad}");
        }
        // Exactly five fields after the weekday, the last one GMT.
        for bad in [
            "Sat, 01 Jan 2022 00:00:00 GMT x",
            "Sat, 01 Jan 2022 00:00:00",
            "Sat, 01 Jan 2022 00:00:00 UTC",
            "Sat, 01  Jan 2022 00:00:00 GMT",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad}");
        }
    }
}

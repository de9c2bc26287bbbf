//! What the optional logger is told. Lines name the method, the path (never
//! the query, whose values may be sensitive), the status, the attempt and the
//! delay; never headers or bodies.

use super::text::{cat, push_uint};
use crate::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Debug,
    Info,
    Warn,
    Error,
    Off,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "debug" => Level::Debug,
            "info" => Level::Info,
            "warn" => Level::Warn,
            "error" => Level::Error,
            "off" => Level::Off,
            _ => return None,
        })
    }

    /// The logger method to call.
    pub fn method(self) -> &'static str {
        match self {
            Level::Debug => "debug",
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Error | Level::Off => "error",
        }
    }
}

/// One event of a call's life.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Event<'a> {
    Sending { attempt: u32 },
    Succeeded { status: u16, attempt: u32, elapsed_ms: u64 },
    Retrying { outcome: &'a str, attempt: u32, of: u32, delay_ms: u64 },
    Failed { class: &'a str, attempts: u32 },
}

impl Event<'_> {
    pub fn level(&self) -> Level {
        match self {
            Event::Sending { .. } => Level::Debug,
            Event::Succeeded { .. } => Level::Info,
            Event::Retrying { .. } => Level::Warn,
            Event::Failed { .. } => Level::Error,
        }
    }

    pub fn line(&self, method: &str, path: &str) -> String {
        let mut out = cat(&[method, " ", path, ": "]);
        // Numbers are appended in place: a `String` per number, as `cat`
        // would need, costs its allocation and drop code at every use.
        let o = &mut out;
        match *self {
            Event::Sending { attempt } => {
                o.push_str("sending (attempt ");
                push_uint(o, attempt as u64);
                o.push(')');
            }
            Event::Succeeded { status, attempt, elapsed_ms } => {
                push_uint(o, status as u64);
                o.push_str(" in ");
                push_uint(o, elapsed_ms);
                o.push_str(" ms (attempt ");
                push_uint(o, attempt as u64);
                o.push(')');
            }
            Event::Retrying { outcome, attempt, of, delay_ms } => {
                o.push_str(outcome);
                o.push_str(" (attempt ");
                push_uint(o, attempt as u64);
                o.push_str(" of ");
                push_uint(o, of as u64);
                o.push_str("); retrying in ");
                push_uint(o, delay_ms);
                o.push_str(" ms");
            }
            Event::Failed { class, attempts } => {
                o.push_str("failed with ");
                o.push_str(class);
                o.push_str(" after ");
                push_uint(o, attempts as u64);
                o.push_str(if attempts == 1 { " attempt" } else { " attempts" });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_name_method_path_status_attempt_and_delay() {
        let m = "POST";
        let p = "/v1/ai_secret";
        assert_eq!(Event::Sending { attempt: 1 }.line(m, p), "POST /v1/ai_secret: sending (attempt 1)");
        assert_eq!(
            Event::Succeeded { status: 200, attempt: 2, elapsed_ms: 12 }.line(m, p),
            "POST /v1/ai_secret: 200 in 12 ms (attempt 2)"
        );
        assert_eq!(
            Event::Retrying { outcome: "503", attempt: 1, of: 3, delay_ms: 500 }.line(m, p),
            "POST /v1/ai_secret: 503 (attempt 1 of 3); retrying in 500 ms"
        );
        assert_eq!(
            Event::Failed { class: "InternalServerError", attempts: 3 }.line(m, p),
            "POST /v1/ai_secret: failed with InternalServerError after 3 attempts"
        );
    }

    #[test]
    fn levels_order_and_parse() {
        assert!(Level::Debug < Level::Warn && Level::Error < Level::Off);
        assert_eq!(Level::parse("warn"), Some(Level::Warn));
        assert_eq!(Level::parse("verbose"), None);
        assert_eq!(Event::Retrying { outcome: "x", attempt: 1, of: 2, delay_ms: 1 }.level(), Level::Warn);
    }
}

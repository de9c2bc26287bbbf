//! What the optional logger is told. Lines name the method, the path (never
//! the query, whose values may be sensitive), the status, the attempt and the
//! delay; never headers or bodies.

use serde::Serialize;

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
    Sending {
        attempt: u32,
    },
    Succeeded {
        status: u16,
        attempt: u32,
        elapsed_ms: u64,
    },
    Retrying {
        outcome: &'a str,
        status: Option<u16>,
        attempt: u32,
        of: u32,
        delay_ms: u64,
    },
    Failed {
        class: &'a str,
        attempts: u32,
    },
    /// A provider-check finding the write was sent with (crate::providers).
    Checked {
        field: &'a str,
        message: &'a str,
    },
}

/// The logger's second argument.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fields<'a> {
    pub method: &'a str,
    pub path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempt: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempts: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<u64>,
    /// The field a provider-check finding is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'a str>,
}

impl<'e> Event<'e> {
    pub fn level(&self) -> Level {
        match self {
            Event::Sending { .. } => Level::Debug,
            Event::Succeeded { .. } => Level::Info,
            Event::Retrying { .. } | Event::Checked { .. } => Level::Warn,
            Event::Failed { .. } => Level::Error,
        }
    }

    pub fn line(&self, method: &str, path: &str) -> String {
        let what = match *self {
            Event::Sending { attempt } => format!("sending (attempt {attempt})"),
            Event::Succeeded { status, attempt, elapsed_ms } => {
                format!("{status} in {elapsed_ms} ms (attempt {attempt})")
            }
            Event::Retrying { outcome, attempt, of, delay_ms, .. } => {
                format!("{outcome} (attempt {attempt} of {of}); retrying in {delay_ms} ms")
            }
            Event::Failed { class, attempts } => {
                format!("failed with {class} after {attempts} attempt{}", if attempts == 1 { "" } else { "s" })
            }
            Event::Checked { field, message } => format!("`{field}` {message}"),
        };
        format!("{method} {path}: {what}")
    }

    pub fn fields<'a>(&self, method: &'a str, path: &'a str) -> Fields<'a>
    where
        'e: 'a,
    {
        let mut f = Fields {
            method,
            path,
            status: None,
            attempt: None,
            attempts: None,
            delay_ms: None,
            elapsed_ms: None,
            field: None,
        };
        match *self {
            Event::Sending { attempt } => f.attempt = Some(attempt),
            Event::Succeeded { status, attempt, elapsed_ms } => {
                (f.status, f.attempt, f.elapsed_ms) = (Some(status), Some(attempt), Some(elapsed_ms))
            }
            Event::Retrying { status, attempt, delay_ms, .. } => {
                (f.status, f.attempt, f.delay_ms) = (status, Some(attempt), Some(delay_ms))
            }
            Event::Failed { attempts, .. } => f.attempts = Some(attempts),
            Event::Checked { field, .. } => f.field = Some(field),
        }
        f
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
        let retrying = Event::Retrying { outcome: "503", status: Some(503), attempt: 1, of: 3, delay_ms: 500 };
        assert_eq!(retrying.line(m, p), "POST /v1/ai_secret: 503 (attempt 1 of 3); retrying in 500 ms");
        assert_eq!(
            serde_json::to_string(&retrying.fields(m, p)).unwrap(),
            r#"{"method":"POST","path":"/v1/ai_secret","status":503,"attempt":1,"delayMs":500}"#
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
    }
}

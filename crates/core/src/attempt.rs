//! One call's attempts: after each, the verdict (the decoded result, a
//! delay before the next attempt, or the final error). The shell does the
//! I/O and reports how each attempt ended; every decision is made here.

use crate::error::Error;
use crate::redact::Redactor;
use crate::request::HttpRequest;
use crate::response::{self, Decoded};
use crate::retry::{self, Outcome as RetryOutcome};

/// How an attempt ended, as the shell saw it.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A response, its body read whole (decoded as UTF-8).
    Response { status: u16, headers: Vec<(String, String)>, body: String },
    /// fetch resolved to something that is not a Response.
    NotAResponse,
    /// The body was over the cap; it was not read.
    TooLarge { status: u16 },
    /// The attempt ran out of time (headers or body).
    Timeout,
    /// The caller's signal fired.
    Aborted,
    /// fetch refused a redirect.
    Redirected,
    /// fetch, or the body's read, rejected.
    Connection(FetchFailure),
}

/// What a rejected fetch said, read by the shell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FetchFailure {
    pub message: Option<String>,
    /// `code` of the error or of its `cause` (Node's `ECONNREFUSED`).
    pub code: Option<String>,
    pub cause_message: Option<String>,
    /// Every other text the rejection carries (stacks): the rejection is
    /// kept as the error's `cause` only when none of them holds a secret.
    pub other_texts: Vec<String>,
}

/// Codes that prove the request never left: nothing can have happened.
const NOT_SENT_CODES: &[&str] =
    &["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "ERR_INVALID_URL"];

impl FetchFailure {
    /// The error's detail, whether the rejection may be kept as its cause,
    /// and whether the request may have reached the server.
    fn describe(&self, redactor: &Redactor) -> (String, bool, bool) {
        let message = self.message.as_deref().unwrap_or("fetch failed");
        let mut detail = redactor.redact(message);
        if let Some(c) = &self.code {
            detail.push_str(&format!(" ({})", redactor.redact(c)));
        } else if let Some(m) = self.cause_message.as_deref().filter(|m| !m.is_empty()) {
            detail.push_str(&format!(": {}", redactor.redact(m)));
        }
        let texts = self.message.iter().chain(&self.cause_message).chain(&self.other_texts);
        let clean = texts.into_iter().all(|t| redactor.redact(t) == *t);
        let sent = !self.code.as_deref().is_some_and(|c| NOT_SENT_CODES.contains(&c));
        (detail, clean, sent)
    }
}

/// The platform's clock, randomness and parsers (the wasm crate gives JS's
/// `Date.now`, `Math.random`, `parseFloat` and `Date.parse`).
pub trait Platform {
    fn now_ms(&self) -> f64;
    fn random(&self) -> f64;
    fn parse_number(&self, s: &str) -> Option<f64>;
    fn parse_date(&self, s: &str) -> Option<f64>;
}

/// What to do after an attempt.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    Done(Decoded),
    /// Wait, then try again. `outcome` and `status` are for the log line.
    Retry {
        delay_ms: f64,
        outcome: String,
        status: Option<u16>,
    },
    /// The call's error; `keep_cause` when the rejection holds no secret.
    Fail {
        error: Error,
        keep_cause: bool,
    },
}

/// The state of one call across its attempts.
#[derive(Debug)]
pub struct Attempts {
    pub max_retries: u32,
    pub timeout_ms: u64,
    pub max_body: u64,
    pub is_delete: bool,
    attempts: u32,
    /// Whether an earlier attempt may have done the work (lost response).
    earlier_may_have_succeeded: bool,
}

impl Attempts {
    pub fn new(max_retries: u32, timeout_ms: u64, max_body: u64, is_delete: bool) -> Attempts {
        Attempts { max_retries, timeout_ms, max_body, is_delete, attempts: 0, earlier_may_have_succeeded: false }
    }

    /// Requests sent so far.
    pub fn count(&self) -> u32 {
        self.attempts
    }

    /// Counts the attempt about to be sent; returns its number.
    pub fn begin(&mut self) -> u32 {
        self.attempts += 1;
        self.attempts
    }

    fn fail(error: Error) -> Verdict {
        Verdict::Fail { error, keep_cause: false }
    }

    /// The delay before the next attempt, or `None` when this outcome is final.
    fn next_delay(&self, outcome: RetryOutcome, headers: &[(String, String)], p: &dyn Platform) -> Option<f64> {
        let header = |name: &str| response::header(headers, name);
        if self.attempts > self.max_retries || !retry::is_retryable(outcome, header("x-should-retry")) {
            return None;
        }
        Some(retry::delay_ms(
            self.attempts - 1,
            header("retry-after-ms"),
            header("retry-after"),
            p.now_ms(),
            p.random(),
            |s| p.parse_number(s),
            |s| p.parse_date(s),
        ))
    }

    /// The verdict on the attempt that ended with `outcome`.
    pub fn settle(&mut self, outcome: Outcome, req: &HttpRequest, p: &dyn Platform) -> Verdict {
        let (error, retry_as, headers, keep_cause) = match outcome {
            Outcome::Aborted => return Self::fail(Error::UserAbort),
            Outcome::Redirected => return Self::fail(response::redirected()),
            Outcome::TooLarge { status } => return Self::fail(response::too_large(status, self.max_body)),
            Outcome::NotAResponse => {
                return Self::fail(Error::Connection {
                    detail: "fetch resolved to something that is not a Response".into(),
                    may_have_succeeded: true,
                })
            }
            Outcome::Response { status, body, .. } if response::is_success(status) => {
                return match response::decode(status, body, req.expect, &req.redactor) {
                    Ok(d) => Verdict::Done(d),
                    Err(e) => Self::fail(e),
                };
            }
            Outcome::Response { status, headers, body } => {
                let mut e = response::api_error(status, &headers, &body, &req.redactor);
                if let Error::Api(a) = &mut e {
                    a.may_have_succeeded = self.is_delete && status == 404 && self.earlier_may_have_succeeded;
                }
                (e, RetryOutcome::Status(status), headers, false)
            }
            Outcome::Timeout => (
                Error::Timeout { timeout_ms: self.timeout_ms, may_have_succeeded: true },
                RetryOutcome::Timeout,
                Vec::new(),
                false,
            ),
            Outcome::Connection(f) => {
                let (detail, clean, sent) = f.describe(&req.redactor);
                (Error::Connection { detail, may_have_succeeded: sent }, RetryOutcome::Connection, Vec::new(), clean)
            }
        };
        // Retry hints are read from the headers as they came: redacted first,
        // a value that happens to hold a secret could mask the hint.
        let delay = self.next_delay(retry_as, &headers, p);
        self.earlier_may_have_succeeded |= match retry_as {
            RetryOutcome::Status(s) => s >= 500,
            _ => error.may_have_succeeded(),
        };
        match delay {
            None => Verdict::Fail { error, keep_cause },
            Some(delay_ms) => {
                let (outcome, status) = match retry_as {
                    RetryOutcome::Status(s) => (s.to_string(), Some(s)),
                    RetryOutcome::Connection => ("connection error".into(), None),
                    RetryOutcome::Timeout => ("timed out".into(), None),
                };
                Verdict::Retry { delay_ms, outcome, status }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::build;
    use crate::validate::{client_options, Env, Operation, RequestOptions};

    struct Fixed;
    impl Platform for Fixed {
        fn now_ms(&self) -> f64 {
            0.0
        }
        fn random(&self) -> f64 {
            0.0
        }
        fn parse_number(&self, s: &str) -> Option<f64> {
            s.parse().ok()
        }
        fn parse_date(&self, _: &str) -> Option<f64> {
            None
        }
    }

    fn req(op: Operation) -> HttpRequest {
        build(
            &client_options(r#"{"apiKey":"sk-KEY-SENTINEL"}"#, &Env::default()).unwrap(),
            op,
            &RequestOptions::default(),
        )
    }

    fn status(status: u16, headers: &[(&str, &str)]) -> Outcome {
        let headers = headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Outcome::Response { status, headers, body: "busy".into() }
    }

    #[test]
    fn retries_until_max_then_fails_with_the_last_error() {
        let r = req(Operation::create(r#"{"name":"n"}"#).unwrap());
        let mut a = Attempts::new(2, 1000, 100, false);
        for expected in [500.0, 1000.0] {
            a.begin();
            assert!(
                matches!(a.settle(status(503, &[]), &r, &Fixed), Verdict::Retry { delay_ms, .. } if delay_ms == expected)
            );
        }
        a.begin();
        let Verdict::Fail { error, .. } = a.settle(status(503, &[]), &r, &Fixed) else { panic!() };
        assert_eq!(error.class().name(), "InternalServerError");
        assert_eq!(a.count(), 3);
    }

    #[test]
    fn hints_and_final_outcomes() {
        let r = req(Operation::create(r#"{"name":"n"}"#).unwrap());
        let mut a = Attempts::new(2, 1000, 100, false);
        a.begin();
        assert!(
            matches!(a.settle(status(429, &[("Retry-After-Ms", "250")]), &r, &Fixed), Verdict::Retry { delay_ms, .. } if delay_ms == 250.0)
        );
        a.begin();
        assert!(matches!(a.settle(status(503, &[("x-should-retry", "false")]), &r, &Fixed), Verdict::Fail { .. }));
        for outcome in [Outcome::Aborted, Outcome::Redirected, Outcome::TooLarge { status: 200 }, status(404, &[])] {
            let mut a = Attempts::new(5, 1000, 100, false);
            a.begin();
            assert!(matches!(a.settle(outcome, &r, &Fixed), Verdict::Fail { .. }));
        }
    }

    #[test]
    fn a_retried_delete_that_finds_nothing_may_have_succeeded() {
        let r = req(Operation::delete(r#""3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f""#).unwrap());
        let mut a = Attempts::new(2, 1000, 100, true);
        a.begin();
        assert!(matches!(a.settle(Outcome::Connection(FetchFailure::default()), &r, &Fixed), Verdict::Retry { .. }));
        a.begin();
        let Verdict::Fail { error, .. } = a.settle(status(404, &[]), &r, &Fixed) else { panic!() };
        assert!(error.may_have_succeeded() && error.message().contains("may already"));
    }

    #[test]
    fn a_rejection_that_quotes_the_key_is_redacted_and_not_kept() {
        let r = req(Operation::create(r#"{"name":"n"}"#).unwrap());
        let mut a = Attempts::new(0, 1000, 100, false);
        a.begin();
        let f = FetchFailure {
            message: Some("bad header Bearer sk-KEY-SENTINEL".into()),
            code: Some("ECONNREFUSED".into()),
            ..FetchFailure::default()
        };
        let Verdict::Fail { error, keep_cause } = a.settle(Outcome::Connection(f), &r, &Fixed) else { panic!() };
        assert!(!keep_cause && !error.message().contains("SENTINEL") && !error.may_have_succeeded());
    }
}

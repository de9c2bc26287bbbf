//! The one error type of the library. The wasm crate maps each variant to a
//! JS `Error` subclass by [`ErrorClass`], whose names are the official
//! client's.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// Bad input, rejected before any request was sent. `field` is a path
    /// such as `metadata.api_base` or `options.timeout`.
    Validation { field: String, message: String },
    /// The server answered with a non-2xx status.
    Api(Box<ApiError>),
    /// fetch rejected: refused, DNS, CORS, reset, a refused redirect.
    Connection { detail: String, may_have_succeeded: bool },
    /// An attempt ran out of time (headers or body).
    Timeout { timeout_ms: u64, may_have_succeeded: bool },
    /// The caller's `AbortSignal` fired.
    UserAbort,
    /// A 2xx response whose body is not what the spec promises.
    ResponseValidation { status: u16, problem: String, body: String },
    /// A write the AI proxy could not use (crate::providers): every problem,
    /// found before anything was sent. `patch` when the write merges
    /// metadata (PATCH), which cannot remove a key.
    Provider { report: Box<crate::providers::Report>, patch: bool },
    /// A write the server answered as done, whose effect could not be seen
    /// in its answer (a rotation whose `secret_updated_at` did not move).
    Unverified { message: String },
}

/// A non-2xx response. `body` and `headers` are already redacted and cut.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    pub status: u16,
    /// Lower-case names, in the order they came.
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub request_id: Option<String>,
    /// Set when an earlier attempt may have done what this one reports as
    /// missing (a retried DELETE answered 404).
    pub may_have_succeeded: bool,
}

impl Error {
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Validation { field: field.into(), message: message.into() }
    }

    /// The JS class this error becomes.
    pub fn class(&self) -> ErrorClass {
        match self {
            Error::Validation { .. } | Error::Provider { .. } => ErrorClass::ValidationError,
            Error::Api(e) => ErrorClass::for_status(e.status),
            Error::Connection { .. } => ErrorClass::APIConnectionError,
            Error::Timeout { .. } => ErrorClass::APIConnectionTimeoutError,
            Error::UserAbort => ErrorClass::APIUserAbortError,
            Error::ResponseValidation { .. } => ErrorClass::ResponseValidationError,
            Error::Unverified { .. } => ErrorClass::VerificationError,
        }
    }

    /// Whether the request may have taken effect on the server.
    pub fn may_have_succeeded(&self) -> bool {
        match self {
            Error::Connection { may_have_succeeded, .. } | Error::Timeout { may_have_succeeded, .. } => {
                *may_have_succeeded
            }
            Error::Api(e) => e.may_have_succeeded,
            _ => false,
        }
    }

    /// A sentence for `Error.message`. Never holds a key or a secret: the
    /// parts it quotes from responses are redacted before they get here.
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Validation { field, message } => write!(f, "Invalid `{field}`: {message}"),
            Error::Provider { report, patch } => {
                let mut problems = report.errors.iter();
                if let Some(first) = problems.next() {
                    write!(f, "Invalid `{}`: {}", first.field, first.message)?;
                }
                for p in problems {
                    write!(f, " Also `{}`: {}", p.field, p.message)?;
                }
                if *patch {
                    f.write_str(" (An update merges metadata into what is stored and cannot remove a key: use replaceAiSecret to set the whole metadata.)")?;
                }
                f.write_str(" The AI proxy could not use this secret; nothing was sent (validateMetadata: \"warn\" or \"off\" sends it anyway).")
            }
            Error::Api(e) => {
                write!(f, "{} {}", e.status, status_reason(e.status))?;
                let first = e.body.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
                if first.is_empty() {
                    f.write_str(" (empty body)")?;
                } else {
                    let (excerpt, was_cut) = cut(first, 200);
                    write!(f, ": {excerpt}{}", if was_cut { ELLIPSIS } else { "" })?;
                }
                if e.may_have_succeeded {
                    f.write_str(". An earlier attempt may already have succeeded (a retried delete may find the object already deleted)")?;
                }
                Ok(())
            }
            Error::Connection { detail, may_have_succeeded } => {
                write!(f, "Connection error: {detail}")?;
                if *may_have_succeeded {
                    f.write_str(" (the request may have reached the server)")?;
                }
                Ok(())
            }
            Error::Timeout { timeout_ms, may_have_succeeded } => write!(
                f,
                "Request timed out after {timeout_ms} ms{}",
                if *may_have_succeeded {
                    " (the request was sent and may have reached the server)"
                } else {
                    " (the request did not reach the server)"
                }
            ),
            Error::UserAbort => f.write_str("Request was aborted by the caller"),
            Error::ResponseValidation { status, problem, .. } => {
                write!(f, "Unexpected response body (status {status}): {problem}")
            }
            Error::Unverified { message } => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

pub const ELLIPSIS: &str = "…";

/// `s` cut to at most `max` bytes on a character boundary, and whether it was cut.
pub fn cut(s: &str, max: usize) -> (&str, bool) {
    if s.len() <= max {
        return (s, false);
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    (&s[..end], true)
}

/// The JS error classes. The wasm crate looks each up by [`ErrorClass::name`]
/// in the class table js/errors.js defines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorClass {
    ValidationError,
    APIError,
    BadRequestError,
    AuthenticationError,
    PermissionDeniedError,
    NotFoundError,
    ConflictError,
    UnprocessableEntityError,
    RateLimitError,
    InternalServerError,
    APIConnectionError,
    APIConnectionTimeoutError,
    APIUserAbortError,
    ResponseValidationError,
    VerificationError,
}

impl ErrorClass {
    /// The class's JS name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorClass::ValidationError => "ValidationError",
            ErrorClass::APIError => "APIError",
            ErrorClass::BadRequestError => "BadRequestError",
            ErrorClass::AuthenticationError => "AuthenticationError",
            ErrorClass::PermissionDeniedError => "PermissionDeniedError",
            ErrorClass::NotFoundError => "NotFoundError",
            ErrorClass::ConflictError => "ConflictError",
            ErrorClass::UnprocessableEntityError => "UnprocessableEntityError",
            ErrorClass::RateLimitError => "RateLimitError",
            ErrorClass::InternalServerError => "InternalServerError",
            ErrorClass::APIConnectionError => "APIConnectionError",
            ErrorClass::APIConnectionTimeoutError => "APIConnectionTimeoutError",
            ErrorClass::APIUserAbortError => "APIUserAbortError",
            ErrorClass::ResponseValidationError => "ResponseValidationError",
            ErrorClass::VerificationError => "VerificationError",
        }
    }

    /// The class for an HTTP error status.
    pub fn for_status(status: u16) -> ErrorClass {
        match status {
            400 => ErrorClass::BadRequestError,
            401 => ErrorClass::AuthenticationError,
            403 => ErrorClass::PermissionDeniedError,
            404 => ErrorClass::NotFoundError,
            409 => ErrorClass::ConflictError,
            422 => ErrorClass::UnprocessableEntityError,
            429 => ErrorClass::RateLimitError,
            s if s >= 500 => ErrorClass::InternalServerError,
            _ => ErrorClass::APIError,
        }
    }
}

fn status_reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        s if s >= 500 => "Server Error",
        _ => "Error",
    }
}

/// Helpers for the crate's tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::Error;

    /// The field a validation error names; panics on anything else.
    pub fn field_of<T: std::fmt::Debug>(r: Result<T, Error>) -> String {
        match r {
            Err(Error::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, body: &str) -> Error {
        Error::Api(Box::new(ApiError {
            status,
            headers: vec![],
            body: body.into(),
            request_id: None,
            may_have_succeeded: false,
        }))
    }

    #[test]
    fn statuses_map_to_classes() {
        let cases = [
            (400, "BadRequestError"),
            (401, "AuthenticationError"),
            (403, "PermissionDeniedError"),
            (404, "NotFoundError"),
            (409, "ConflictError"),
            (422, "UnprocessableEntityError"),
            (429, "RateLimitError"),
            (500, "InternalServerError"),
            (503, "InternalServerError"),
            (418, "APIError"),
            (302, "APIError"),
        ];
        for (status, class) in cases {
            assert_eq!(api(status, "").class().name(), class, "{status}");
        }
    }

    #[test]
    fn api_message_quotes_first_body_line_cut_short() {
        assert_eq!(api(401, "\nInvalid API key\nmore").message(), "401 Unauthorized: Invalid API key");
        assert_eq!(api(500, "").message(), "500 Internal Server Error (empty body)");
        let long = "x".repeat(500);
        let m = api(400, &long).message();
        assert!(m.len() < 230 && m.ends_with('…'), "{m}");
        let wide = "é".repeat(300);
        assert!(api(400, &wide).message().ends_with('…'), "cut on a character boundary");
    }

    #[test]
    fn timeout_says_whether_request_may_have_arrived() {
        let sent = Error::Timeout { timeout_ms: 50, may_have_succeeded: true };
        assert!(sent.message().contains("may have reached the server"));
        assert!(sent.may_have_succeeded());
        let unsent = Error::Timeout { timeout_ms: 50, may_have_succeeded: false };
        assert!(unsent.message().contains("did not reach"));
    }

    #[test]
    fn validation_names_the_field() {
        let e = Error::validation("name", "must be a non-empty string; got a number.");
        assert_eq!(e.class().name(), "ValidationError");
        assert_eq!(e.message(), "Invalid `name`: must be a non-empty string; got a number.");
    }
}

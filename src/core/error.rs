//! The one error type of the library. The wasm shell maps each variant to a
//! JS `Error` subclass (see `class`).

use super::text::{cat, first_text_line, uint};
use crate::prelude::*;

/// The error of every fallible call: what went wrong is its `ErrorKind`
/// (`kind()`, or through `Deref`). Boxed so that a `Result` carries one
/// pointer: every `?` moved the whole 36-byte enum, in wasm code, at each of
/// the validation chain's dozens of steps.
#[derive(Clone, Debug, PartialEq)]
pub struct Error(Box<ErrorKind>);

impl Error {
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    pub fn validation(field: &str, message: &str) -> Error {
        ErrorKind::Validation { field: field.into(), message: message.into() }.into()
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }
}

impl core::ops::Deref for Error {
    type Target = ErrorKind;

    fn deref(&self) -> &ErrorKind {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// Bad input, rejected before any request was sent.
    Validation { field: String, message: String },
    /// The server answered with a non-2xx status.
    Api(ApiError),
    /// `fetch` rejected: refused, DNS, CORS, reset.
    Connection { detail: String, may_have_succeeded: bool },
    /// An attempt ran out of time (headers or body).
    Timeout { timeout_ms: u64, may_have_succeeded: bool },
    /// The caller's `AbortSignal` fired.
    UserAbort,
    /// A 2xx response whose body is not what the spec promises.
    ResponseValidation { status: u16, problem: String, body: String },
}

/// A non-2xx response. `body` and `headers` are already redacted and cut.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub request_id: Option<String>,
    /// Set when an earlier attempt may have done what this one reports as
    /// missing (a retried DELETE answered 404).
    pub may_have_succeeded: bool,
}

impl ErrorKind {
    /// The JS class this error becomes.
    pub fn class(&self) -> ErrorClass {
        match self {
            ErrorKind::Validation { .. } => ErrorClass::ValidationError,
            ErrorKind::Api(e) => status_class(e.status),
            ErrorKind::Connection { .. } => ErrorClass::APIConnectionError,
            ErrorKind::Timeout { .. } => ErrorClass::APIConnectionTimeoutError,
            ErrorKind::UserAbort => ErrorClass::APIUserAbortError,
            ErrorKind::ResponseValidation { .. } => ErrorClass::ResponseValidationError,
        }
    }

    /// Whether the request may have taken effect on the server.
    pub fn may_have_succeeded(&self) -> bool {
        match self {
            ErrorKind::Connection { may_have_succeeded, .. } | ErrorKind::Timeout { may_have_succeeded, .. } => {
                *may_have_succeeded
            }
            ErrorKind::Api(e) => e.may_have_succeeded,
            _ => false,
        }
    }

    /// A sentence for `Error.message`. Never holds a key or a secret: the
    /// parts it quotes from responses are redacted before they get here.
    pub fn message(&self) -> String {
        match self {
            ErrorKind::Validation { field, message } => cat(&["Invalid `", field, "`: ", message]),
            ErrorKind::Api(e) => {
                let mut m = cat(&[&uint(e.status as u64), " ", status_reason(e.status)]);
                let first = first_text_line(&e.body);
                if first.is_empty() {
                    m.push_str(" (empty body)");
                } else {
                    let (excerpt, was_cut) = super::text::cut(first, 200);
                    m.push_str(": ");
                    m.push_str(excerpt);
                    if was_cut {
                        m.push_str(super::text::ELLIPSIS);
                    }
                }
                if e.may_have_succeeded {
                    m.push_str(". An earlier attempt may already have succeeded (a retried delete may find the object already deleted)");
                }
                m
            }
            ErrorKind::Connection { detail, may_have_succeeded } => {
                let mut m = cat(&["Connection error: ", detail]);
                if *may_have_succeeded {
                    m.push_str(" (the request may have reached the server)");
                }
                m
            }
            ErrorKind::Timeout { timeout_ms, may_have_succeeded } => {
                let mut m = cat(&["Request timed out after ", &uint(*timeout_ms), " ms"]);
                m.push_str(if *may_have_succeeded {
                    " (the request was sent and may have reached the server)"
                } else {
                    " (the request did not reach the server)"
                });
                m
            }
            ErrorKind::UserAbort => "Request was aborted by the caller".into(),
            ErrorKind::ResponseValidation { status, problem, .. } => {
                cat(&["Unexpected response body (status ", &uint(*status as u64), "): ", problem])
            }
        }
    }
}

/// The JS error classes, numbered as js/errors.js lists them in its
/// `classes` map: the wasm hands surface.js the number, not the name, so
/// the names are written once, in JS. (`name` is for native code and tests;
/// the wasm never links it.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum ErrorClass {
    ValidationError = 1,
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
        }
    }
}

/// The JS class for an HTTP error status.
pub fn status_class(status: u16) -> ErrorClass {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, body: &str) -> ErrorKind {
        ErrorKind::Api(ApiError {
            status,
            headers: vec![],
            body: body.into(),
            request_id: None,
            may_have_succeeded: false,
        })
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
    }

    #[test]
    fn timeout_says_whether_request_may_have_arrived() {
        let sent = ErrorKind::Timeout { timeout_ms: 50, may_have_succeeded: true };
        assert!(sent.message().contains("may have reached the server"));
        assert!(sent.may_have_succeeded());
        let unsent = ErrorKind::Timeout { timeout_ms: 50, may_have_succeeded: false };
        assert!(unsent.message().contains("did not reach"));
    }

    #[test]
    fn results_carry_one_pointer() {
        // What the boxing is for (see `Error`): a wider error would be moved
        // word by word at every `?`.
        assert_eq!(core::mem::size_of::<Error>(), core::mem::size_of::<usize>());
        assert_eq!(core::mem::size_of::<Result<(), Error>>(), core::mem::size_of::<usize>());
    }

    #[test]
    fn validation_names_the_field() {
        let e = Error::validation("name", "must be a non-empty string; got a number.");
        assert_eq!(e.class().name(), "ValidationError");
        assert_eq!(e.message(), "Invalid `name`: must be a non-empty string; got a number.");
    }
}

//! The core of the braintrust-ai-secrets client for Braintrust's `ai_secret`
//! API. Pure Rust with no I/O: it knows HTTP only as data
//! ([`request::HttpRequest`] in, [`attempt::Response`] out), and takes the
//! clock, randomness and the platform's number and date parsers as arguments.
//!
//! - [`model`]: the API's objects as serde types.
//! - [`input`] and [`validate`]: caller input (JSON text) into those types,
//!   with errors that name the field path.
//! - [`providers`]: what the AI proxy expects of each provider type, and
//!   the check of `(type, metadata, secret)` before a write.
//! - [`request`]: method, URL, headers and body of each operation.
//! - [`attempt`]: the verdict on each attempt (result, retry or error), with
//!   [`retry`], [`response`] and [`redact`] under it.
//! - [`sync`]: manifests, plans, audits and rotation checks (the CLI's logic).
//!
//! The wasm crate (`crates/wasm`) is the only code that touches JS values.

pub mod attempt;
pub mod error;
pub mod input;
pub mod log;
pub mod model;
pub mod providers;
pub mod redact;
pub mod request;
pub mod response;
pub mod retry;
pub mod rules;
pub mod secret;
pub mod sync;
pub mod validate;

pub use error::{Error, ErrorClass};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;

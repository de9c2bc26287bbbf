//! The pure core: no I/O, no JS. Everything here is tested natively.

pub mod error;
pub mod json;
pub mod log;
pub mod model;
pub mod redact;
pub mod request;
pub mod response;
pub mod retry;
pub mod secret;
pub mod text;
pub mod validate;

/// `JsonView` over `serde_json::Value` (tests, fuzzing).
#[cfg(any(test, feature = "serde-view"))]
pub mod testing;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;

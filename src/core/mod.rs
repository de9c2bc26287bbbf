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

#[cfg(test)]
pub(crate) mod testing;

//! Client for Braintrust's `ai_secret` API.
//!
//! `core` is pure Rust with no I/O: validation, request building, response
//! decoding, error classification, retry policy and redaction. `wasm` is the
//! thin WebAssembly shell that owns `fetch`, timers and the JS surface.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

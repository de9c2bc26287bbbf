//! The WebAssembly shell: converts between `JsValue` and the core, owns
//! `fetch`, timers and `AbortController`, and exposes the JS surface.
//! It holds no business rules; those live in `crate::core`.

mod bindings;
mod client;
mod errors;
mod fetch;
mod view;

pub use client::WasmClient;
pub use errors::register_error_factory;

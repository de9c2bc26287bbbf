//! The WebAssembly shell: converts between `JsValue` and the core, owns
//! `fetch`, timers and `AbortController`, and exposes the JS surface.
//! It holds no business rules; those live in `crate::core`.

mod bindings;
mod client;
mod errors;
mod fetch;
mod view;

pub use client::WasmClient;

// Single-threaded wasm: talc is a few KB smaller than dlmalloc.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
pub use errors::register_error_factory;

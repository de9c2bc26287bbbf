//! The WebAssembly shell: converts between `JsValue` and the core and
//! exposes the JS surface. Its I/O half is js/transport.js (fetch, timers,
//! AbortController, the capped body read), which asks a `WasmCall` after each
//! attempt what to do next. It holds no business rules; those live in
//! `crate::core`.

mod bindings;
mod call;
mod client;
mod errors;
mod view;

pub use call::WasmCall;
pub use client::WasmClient;

// Single-threaded wasm: talc is a few KB smaller than dlmalloc.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
pub use errors::register_error_factory;

//! The WebAssembly shell: converts between `JsValue` and the core and
//! exposes the JS surface. Its I/O half is js/transport.js (fetch, timers,
//! AbortController, the capped body read), which asks a `WasmCall` after each
//! attempt what to do next. It holds no business rules; those live in
//! `crate::core`. JS holds clients and calls by address (handle.rs).

mod bindings;
mod call;
mod client;
mod errors;
mod handle;
mod view;

pub use call::{call_begin, call_free, call_settle, WasmCall};
pub use client::WasmClient;

// Single-threaded wasm: a size-class allocator (src/heap.rs), 0.26 KB gzip
// smaller than talc, and O(1).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static HEAP: crate::heap::Global = crate::heap::Global::new();

/// A static for the module's one thread (no_std has no `thread_local!`).
pub(crate) struct Local<T>(pub(crate) T);

// SAFETY: wasm32 without the atomics feature runs one thread, so a `Local`
// is never reached from two threads.
#[cfg(not(target_feature = "atomics"))]
unsafe impl<T> Sync for Local<T> {}

//! Client for Braintrust's `ai_secret` API.
//!
//! `core` is pure Rust with no I/O: validation, request building, response
//! decoding, error classification, retry policy and redaction. `wasm` is the
//! thin WebAssembly shell that owns `fetch`, timers and the JS surface.
//!
//! With the `no-std` feature (the shipped wasm) the crate links no std:
//! std's panic hook alone pulls `core::fmt` into the module. Test builds link
//! std for their harness, so the feature stays off there.

#![cfg_attr(all(target_arch = "wasm32", feature = "no-std"), no_std)]

extern crate alloc;

mod prelude;

pub mod core;

#[cfg(any(test, target_arch = "wasm32"))]
mod heap;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// Without std the module needs its own panic handler: trap.
#[cfg(all(target_arch = "wasm32", feature = "no-std"))]
#[panic_handler]
fn panic(_: &::core::panic::PanicInfo) -> ! {
    ::core::arch::wasm32::unreachable()
}

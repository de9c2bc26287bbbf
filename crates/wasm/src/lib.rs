//! The WebAssembly shell of braintrust-ai-secrets: the only code that
//! touches JS values. It reads caller input once into the core's types
//! ([`convert`]), sends requests with the platform's fetch, timers and
//! `AbortController` ([`transport`]), runs the attempt loop the core's
//! verdicts drive ([`call`]) and turns the core's errors into the JS error
//! classes ([`errors`]). It holds no business rules.

mod call;
mod client;
mod convert;
mod errors;
mod platform;
#[cfg(feature = "providers")]
mod providers;
mod transport;
mod trap;

pub use client::WasmClient;
#[cfg(feature = "providers")]
pub use providers::check_ai_secret;
pub use trap::restart;

// Every freed block is zeroed, so no copy of a key or secret that a string
// left behind when it grew or was passed in survives in wasm memory.
#[global_allocator]
static ALLOC: zeroizing_alloc::ZeroAlloc<std::alloc::System> = zeroizing_alloc::ZeroAlloc(std::alloc::System);

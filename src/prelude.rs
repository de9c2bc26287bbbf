//! The `alloc` names the crate uses everywhere. The crate is `no_std` (the
//! shipped wasm then carries no std panic machinery or `core::fmt`), so these
//! come from `alloc` instead of the std prelude.

pub use alloc::boxed::Box;
pub use alloc::string::{String, ToString};
pub use alloc::vec;
pub use alloc::vec::Vec;

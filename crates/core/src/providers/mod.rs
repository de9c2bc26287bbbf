//! Braintrust's provider types: what the AI proxy expects of each type's
//! `metadata` and `secret` ([`table`]), and the check that runs before any
//! write is sent ([`check`]).

pub mod check;
pub mod model_spec;
pub mod table;

pub use check::{check, check_value, Problem, Report, Scope};
pub use table::{canonical_name, provider, Provider, PROVIDERS, TYPES};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

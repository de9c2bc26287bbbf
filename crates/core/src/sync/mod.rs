//! Keeping an org's secrets fresh and in line with a manifest: the logic of
//! the CLI's `plan`, `apply` and `audit` and of the client's
//! `rotateAiSecret`, `setAiSecretMetadata` and `auditAiSecrets`. Pure, as
//! the rest of the core: the shell lists, reads value sources and sends.
//!
//! - [`manifest`]: a manifest (JSON text, from JSON or YAML) into checked
//!   desired secrets, every problem with its path.
//! - [`plan`]: desired against current, into the fewest writes.
//! - [`audit`]: age, staleness and provider problems of stored secrets.
//! - [`preview`]: whether a value is what a stored `preview_secret` masks.
//! - [`rotation`]: whether a rotation took.

pub mod audit;
pub mod manifest;
pub mod plan;
pub mod preview;
pub mod rotation;

use serde::Deserialize;
use serde_json::{Map, Value};

/// A stored secret as the planner and the audit see it (a listed AISecret;
/// other fields are ignored).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Stored {
    pub id: String,
    pub name: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub metadata: Option<Map<String, Value>>,
    #[serde(default)]
    pub preview_secret: Option<String>,
    #[serde(default)]
    pub created: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default)]
    pub secret_updated_at: Option<String>,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;

//! The API's objects, as the spec (`/v1/ai_secret`) defines them. Field
//! names are the wire names. Request bodies keep "omitted" and `null` apart
//! all the way to the wire: a [`Nullable`] field is `None` when omitted
//! (and not serialised), `Some(None)` when `null`.

use crate::rules;
use crate::secret::SecretString;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

/// A JSON object with its keys in the order they came.
pub type JsonObject = serde_json::Map<String, Value>;

/// A JSON object kept as the text it came as, and sent as that text: its
/// numbers, escapes and key order go out byte for byte, and reading it
/// costs one pass that builds nothing.
#[derive(Clone, Debug)]
pub struct JsonText(Box<RawValue>);

impl JsonText {
    /// `raw`, an object's text. Its escapes are not decoded here: the text
    /// it came in was checked for lone surrogates as a whole
    /// ([`crate::input::parse`]).
    pub fn object(raw: Box<RawValue>) -> JsonText {
        JsonText(raw)
    }

    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// The object, parsed.
    pub fn parse(&self) -> JsonObject {
        match serde_json::from_str(self.get()) {
            Ok(Value::Object(o)) => o,
            _ => JsonObject::new(),
        }
    }
}

impl PartialEq for JsonText {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Serialize for JsonText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// `None`: omitted; `Some(None)`: `null`; `Some(Some(v))`: a value.
pub type Nullable<T> = Option<Option<T>>;

/// `CreateAISecret`: the body of POST and PUT /v1/ai_secret.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateAISecret {
    /// Required.
    #[serde(deserialize_with = "rules::non_empty_string")]
    pub name: String,
    #[serde(
        rename = "type",
        default,
        deserialize_with = "rules::nullable_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Nullable<String>,
    #[serde(default, deserialize_with = "rules::nullable_object", skip_serializing_if = "Option::is_none")]
    pub metadata: Nullable<JsonText>,
    /// Omitted in a replace keeps the stored secret; `null` clears it.
    #[serde(default, deserialize_with = "rules::nullable_secret", skip_serializing_if = "Option::is_none")]
    pub secret: Nullable<SecretString>,
    #[serde(default, deserialize_with = "rules::nullable_string", skip_serializing_if = "Option::is_none")]
    pub org_name: Nullable<String>,
}

impl CreateAISecret {
    pub const FIELDS: &'static [&'static str] = &["name", "type", "metadata", "secret", "org_name"];
}

/// `PatchAISecret`: the body of PATCH /v1/ai_secret/{id}. Omitted fields
/// are left as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatchAISecret {
    #[serde(default, deserialize_with = "rules::nullable_non_empty_string", skip_serializing_if = "Option::is_none")]
    pub name: Nullable<String>,
    #[serde(
        rename = "type",
        default,
        deserialize_with = "rules::nullable_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Nullable<String>,
    #[serde(default, deserialize_with = "rules::nullable_object", skip_serializing_if = "Option::is_none")]
    pub metadata: Nullable<JsonText>,
    #[serde(default, deserialize_with = "rules::nullable_secret", skip_serializing_if = "Option::is_none")]
    pub secret: Nullable<SecretString>,
}

impl PatchAISecret {
    pub const FIELDS: &'static [&'static str] = &["name", "type", "metadata", "secret"];
}

/// `DeleteAISecret`: the body of DELETE /v1/ai_secret (delete by name).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteAISecret {
    #[serde(deserialize_with = "rules::non_empty_string")]
    pub name: String,
    #[serde(default, deserialize_with = "rules::nullable_string", skip_serializing_if = "Option::is_none")]
    pub org_name: Nullable<String>,
}

impl DeleteAISecret {
    pub const FIELDS: &'static [&'static str] = &["name", "org_name"];
}

/// The query of GET /v1/ai_secret. Arrays are sent as the parameter
/// repeated, as the spec says (not comma-joined).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ListQuery {
    pub limit: Option<u64>,
    pub starting_after: Option<String>,
    pub ending_before: Option<String>,
    pub ids: Vec<String>,
    pub ai_secret_name: Option<String>,
    pub ai_secret_type: Vec<String>,
    pub org_name: Option<String>,
}

impl ListQuery {
    pub const FIELDS: &'static [&'static str] =
        &["limit", "starting_after", "ending_before", "ids", "ai_secret_name", "ai_secret_type", "org_name"];
}

/// `AISecret`, as the API returns it, for Rust callers (fields a newer server
/// adds are skipped). The wasm shell hands JS the checked body itself, new
/// fields and all (see [`crate::response::decode`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AISecret {
    #[serde(deserialize_with = "rules::response_string")]
    pub id: String,
    #[serde(deserialize_with = "rules::response_string")]
    pub org_id: String,
    #[serde(deserialize_with = "rules::response_string")]
    pub name: String,
    #[serde(default, deserialize_with = "rules::response_nullable_string", skip_serializing_if = "Option::is_none")]
    pub created: Nullable<String>,
    #[serde(default, deserialize_with = "rules::response_nullable_string", skip_serializing_if = "Option::is_none")]
    pub updated_at: Nullable<String>,
    #[serde(default, deserialize_with = "rules::response_nullable_string", skip_serializing_if = "Option::is_none")]
    pub secret_updated_at: Nullable<String>,
    #[serde(
        rename = "type",
        default,
        deserialize_with = "rules::response_nullable_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Nullable<String>,
    #[serde(default, deserialize_with = "rules::response_nullable_string", skip_serializing_if = "Option::is_none")]
    pub secret_updated_by_user_id: Nullable<String>,
    #[serde(default, deserialize_with = "rules::response_nullable_string", skip_serializing_if = "Option::is_none")]
    pub preview_secret: Nullable<String>,
    #[serde(default, deserialize_with = "rules::nullable_object", skip_serializing_if = "Option::is_none")]
    pub metadata: Nullable<JsonText>,
}

/// A page of GET /v1/ai_secret.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AISecretList {
    pub objects: Vec<AISecret>,
}

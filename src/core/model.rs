//! The spec's request and response schemas, as data. Validation and body
//! building walk these tables, so each schema is written once.

use super::secret::SecretString;
use super::text::push_json_string;
use crate::prelude::*;

/// What a request-body field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A string with at least one character; required.
    NonEmptyString,
    /// A non-empty string or `null`.
    NullableNonEmptyString,
    /// Any string or `null`.
    NullableString,
    /// A plain object or `null`.
    NullableObject,
}

/// A request body's schema: its fields in order, and what each accepts. Two
/// parallel lists, so that the names are also the list of keys a body may
/// have (built from a list of pairs, that list cost 0.1 KB of wasm).
#[derive(Debug)]
pub struct Schema {
    pub names: &'static [&'static str],
    pub rules: &'static [Rule],
}

const fn schema(names: &'static [&'static str], rules: &'static [Rule]) -> Schema {
    assert!(names.len() == rules.len(), "a schema has one rule per name");
    Schema { names, rules }
}

use Rule::{NonEmptyString, NullableNonEmptyString, NullableObject, NullableString};

/// `CreateAISecret`: the body of POST and PUT /v1/ai_secret.
pub const CREATE_AI_SECRET: &Schema = &schema(
    &["name", "type", "metadata", "secret", "org_name"],
    &[NonEmptyString, NullableString, NullableObject, NullableString, NullableString],
);

/// `PatchAISecret`: the body of PATCH /v1/ai_secret/{id}.
pub const PATCH_AI_SECRET: &Schema = &schema(
    &["name", "type", "metadata", "secret"],
    &[NullableNonEmptyString, NullableString, NullableObject, NullableString],
);

/// `DeleteAISecret`: the body of DELETE /v1/ai_secret.
pub const DELETE_AI_SECRET: &Schema = &schema(&["name", "org_name"], &[NonEmptyString, NullableString]);

/// What a response field must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A string, present.
    String,
    /// A string or `null`, or absent.
    NullableString,
    /// An object or `null`, or absent.
    NullableObject,
}

/// `AISecret`: the fields a response is checked for, and their shapes.
pub const AI_SECRET: &[(&str, Shape)] = &[
    ("id", Shape::String),
    ("org_id", Shape::String),
    ("name", Shape::String),
    ("created", Shape::NullableString),
    ("updated_at", Shape::NullableString),
    ("secret_updated_at", Shape::NullableString),
    ("type", Shape::NullableString),
    ("secret_updated_by_user_id", Shape::NullableString),
    ("preview_secret", Shape::NullableString),
    ("metadata", Shape::NullableObject),
];

/// A validated field value. Omitted fields are simply not in the `Body`, so
/// "omitted" and `null` stay distinct all the way to the wire.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    Null,
    Str(SecretString),
    /// Already-serialised JSON (metadata objects).
    Json(SecretString),
}

/// A validated request body, fields in schema order. Every string is zeroed
/// on drop because any of them may be a secret.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Body {
    pub fields: Vec<(&'static str, Val)>,
}

impl Body {
    pub fn get(&self, name: &str) -> Option<&Val> {
        self.fields.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Sets a field unless the caller gave it (used for the client's `orgName`).
    pub fn default_field(&mut self, name: &'static str, value: Val) {
        if !self.contains(name) {
            self.fields.push((name, value));
        }
    }

    /// Compact JSON text.
    pub fn to_json(&self) -> SecretString {
        let mut out = String::with_capacity(64);
        out.push('{');
        for (i, (k, v)) in self.fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_string(&mut out, k);
            out.push(':');
            match v {
                Val::Null => out.push_str("null"),
                Val::Str(s) => push_json_string(&mut out, s.expose()),
                Val::Json(j) => out.push_str(j.expose()),
            }
        }
        out.push('}');
        SecretString::new(out)
    }
}

/// Query of GET /v1/ai_secret. Arrays are sent as the parameter repeated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListQuery {
    pub limit: Option<u64>,
    pub starting_after: Option<String>,
    pub ending_before: Option<String>,
    pub ids: Vec<String>,
    pub ai_secret_name: Option<String>,
    pub ai_secret_type: Vec<String>,
    pub org_name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_serialises_compactly_and_keeps_null_distinct_from_omitted() {
        let body = Body {
            fields: vec![
                ("name", Val::Str(SecretString::new("a\"b".into()))),
                ("secret", Val::Null),
                ("metadata", Val::Json(SecretString::new("{\"k\":[1,2]}".into()))),
            ],
        };
        let json = body.to_json();
        assert_eq!(json.expose(), r#"{"name":"a\"b","secret":null,"metadata":{"k":[1,2]}}"#);
        let parsed: serde_json::Value = serde_json::from_str(json.expose()).unwrap();
        assert!(parsed.get("type").is_none());
    }

    #[test]
    fn debug_of_a_body_hides_values() {
        let body = Body { fields: vec![("secret", Val::Str(SecretString::new("sk-SENTINEL".into())))] };
        assert!(!format!("{body:?}").contains("SENTINEL"));
    }
}

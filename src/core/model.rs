//! The spec's request and response schemas, as data. Validation and body
//! building walk these tables, so each schema is written once.

use super::secret::SecretString;
use super::text::push_json_string;
use crate::prelude::*;

/// What a request-body field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A string with at least one character.
    NonEmptyString,
    /// A non-empty string or `null`.
    NullableNonEmptyString,
    /// Any string or `null`.
    NullableString,
    /// A plain object or `null`.
    NullableObject,
}

#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub rule: Rule,
    pub required: bool,
}

const fn field(name: &'static str, rule: Rule, required: bool) -> FieldSpec {
    FieldSpec { name, rule, required }
}

/// `CreateAISecret`: the body of POST and PUT /v1/ai_secret.
pub const CREATE_AI_SECRET: &[FieldSpec] = &[
    field("name", Rule::NonEmptyString, true),
    field("type", Rule::NullableString, false),
    field("metadata", Rule::NullableObject, false),
    field("secret", Rule::NullableString, false),
    field("org_name", Rule::NullableString, false),
];

/// `PatchAISecret`: the body of PATCH /v1/ai_secret/{id}.
pub const PATCH_AI_SECRET: &[FieldSpec] = &[
    field("name", Rule::NullableNonEmptyString, false),
    field("type", Rule::NullableString, false),
    field("metadata", Rule::NullableObject, false),
    field("secret", Rule::NullableString, false),
];

/// `DeleteAISecret`: the body of DELETE /v1/ai_secret.
pub const DELETE_AI_SECRET: &[FieldSpec] =
    &[field("name", Rule::NonEmptyString, true), field("org_name", Rule::NullableString, false)];

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

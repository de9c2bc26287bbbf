//! Each operation's arguments: bodies, ids and the list query.

use super::{number_in, optional_string};
use crate::error::Error;
use crate::input::{object_with_keys, parse, parse_value};
use crate::model::{CreateAISecret, DeleteAISecret, JsonText, ListQuery, PatchAISecret};
use crate::providers::{self, Report, Scope};
use crate::rules::describe;
use crate::secret::SecretString;
use crate::validate::CheckMode;
use serde_json::Value;

/// One call of the ai_secret resource, with validated input.
#[derive(Clone, Debug, PartialEq)]
pub enum Operation {
    Create(CreateAISecret),
    Replace(CreateAISecret),
    Retrieve(String),
    Update(String, PatchAISecret),
    Delete(String),
    DeleteByName(DeleteAISecret),
    List(ListQuery),
}

impl Operation {
    /// `create(params)` from the params' JSON.
    pub fn create(params: &str) -> Result<Operation, Error> {
        Ok(Operation::Create(parse(params, CreateAISecret::FIELDS, &["name"], "params")?))
    }

    pub fn replace(params: &str) -> Result<Operation, Error> {
        Ok(Operation::Replace(parse(params, CreateAISecret::FIELDS, &["name"], "params")?))
    }

    pub fn retrieve(id_json: &str) -> Result<Operation, Error> {
        Ok(Operation::Retrieve(id(&parse_value(id_json, "id")?, "id")?))
    }

    pub fn update(id_json: &str, patch: &str) -> Result<Operation, Error> {
        let id = id(&parse_value(id_json, "id")?, "id")?;
        Ok(Operation::Update(id, parse(patch, PatchAISecret::FIELDS, &[], "patch")?))
    }

    pub fn delete(id_json: &str) -> Result<Operation, Error> {
        Ok(Operation::Delete(id(&parse_value(id_json, "id")?, "id")?))
    }

    pub fn delete_by_name(params: &str) -> Result<Operation, Error> {
        Ok(Operation::DeleteByName(parse(params, DeleteAISecret::FIELDS, &["name"], "params")?))
    }

    pub fn list(query: &str) -> Result<Operation, Error> {
        Ok(Operation::List(list_query(&parse_value(query, "query")?)?))
    }

    /// What the provider check finds in a write's `type`, `metadata` and
    /// `secret` (crate::providers); `None` for reads and deletes.
    pub fn provider_report(&self) -> Option<Report> {
        let (kind, metadata, secret, scope) = match self {
            Operation::Create(b) | Operation::Replace(b) => (&b.kind, &b.metadata, &b.secret, Scope::Whole),
            Operation::Update(_, p) => (&p.kind, &p.metadata, &p.secret, Scope::Patch),
            _ => return None,
        };
        let metadata = metadata.as_ref().and_then(|m| m.as_ref().map(JsonText::parse));
        // The secret is only borrowed: no copy of it outlives the check.
        let secret = secret.as_ref().and_then(|s| s.as_ref().map(SecretString::expose));
        Some(providers::check(kind.as_ref().and_then(|k| k.as_deref()), metadata.as_ref(), secret, scope))
    }

    /// The refusal for `report`'s errors under `mode`, if it refuses.
    pub fn provider_refusal(&self, report: &Report, mode: CheckMode) -> Option<Error> {
        (mode == CheckMode::Strict && !report.errors.is_empty())
            .then(|| Error::Provider { report: Box::new(report.clone()), patch: matches!(self, Operation::Update(..)) })
    }

    /// Whether a retried call may find its work already done (a 404 after a
    /// lost response to a delete).
    pub fn is_delete(&self) -> bool {
        matches!(self, Operation::Delete(_) | Operation::DeleteByName(_))
    }
}

/// A UUID in its canonical 8-4-4-4-12 hex form.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// An object id for a path segment.
pub fn id(v: &Value, field: &str) -> Result<String, Error> {
    match v {
        Value::String(s) if is_uuid(s) => Ok(s.clone()),
        Value::String(_) => {
            Err(Error::validation(field, "must be a UUID such as 3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f."))
        }
        other => Err(Error::validation(field, format!("must be a UUID string; got {}.", describe(other)))),
    }
}

fn string_or_list(v: Option<&Value>, field: &str, uuid: bool) -> Result<Vec<String>, Error> {
    let one = |x: &Value| -> Result<String, Error> {
        if uuid {
            return id(x, field);
        }
        match x {
            Value::String(s) => Ok(s.clone()),
            other => Err(Error::validation(
                field,
                format!("must be a string or an array of strings; got {}.", describe(other)),
            )),
        }
    };
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(one).collect(),
        Some(x) => Ok(vec![one(x)?]),
    }
}

/// Validates a list query (absent or `null` is no filter).
pub fn list_query(q: &Value) -> Result<ListQuery, Error> {
    if q.is_null() {
        return Ok(ListQuery::default());
    }
    let o = object_with_keys(q, ListQuery::FIELDS, "query")?;
    let limit = match o.get("limit") {
        Some(Value::Null) | None => None,
        v => {
            let want = "must be a non-negative integer (at most 2^53 - 1)";
            number_in(v, "limit", want, 0.0, 9_007_199_254_740_991.0, true)?.map(|n| n as u64)
        }
    };
    let cursor = |name: &str| -> Result<Option<String>, Error> {
        match o.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => id(v, name).map(Some),
        }
    };
    let starting_after = cursor("starting_after")?;
    let ending_before = cursor("ending_before")?;
    if starting_after.is_some() && ending_before.is_some() {
        return Err(Error::validation(
            "ending_before",
            "cannot be combined with starting_after; pass only one cursor.",
        ));
    }
    Ok(ListQuery {
        limit,
        starting_after,
        ending_before,
        ids: string_or_list(o.get("ids"), "ids", true)?,
        ai_secret_name: optional_string(o.get("ai_secret_name"), "ai_secret_name")?.map(str::to_string),
        ai_secret_type: string_or_list(o.get("ai_secret_type"), "ai_secret_type", false)?,
        org_name: optional_string(o.get("org_name"), "org_name")?.map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::testing::field_of;
    use serde_json::json;

    #[test]
    fn create_accepts_the_spec_fields_and_sends_them_in_order() {
        let Operation::Create(b) =
            Operation::create(r#"{"org_name":null,"secret":"s","name":"n","type":"openai","metadata":{"a":1}}"#)
                .unwrap()
        else {
            panic!()
        };
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"name":"n","type":"openai","metadata":{"a":1},"secret":"s","org_name":null}"#
        );
    }

    #[test]
    fn create_rejects_bad_names_and_wrong_types_per_field() {
        for p in [json!({}), json!({"name": ""}), json!({"name": 5}), json!({"name": null})] {
            assert_eq!(field_of(Operation::create(&p.to_string())), "name", "{p}");
        }
        for (k, bad) in [
            ("type", json!(1)),
            ("secret", json!(true)),
            ("org_name", json!([])),
            ("metadata", json!("x")),
            ("metadata", json!([1])),
        ] {
            let mut p = json!({"name": "n"});
            p[k] = bad;
            assert_eq!(field_of(Operation::create(&p.to_string())), k);
        }
    }

    #[test]
    fn unknown_keys_are_named_without_their_value() {
        let e = Operation::create(r#"{"name":"n","secert":"sk-SENTINEL"}"#).unwrap_err();
        assert_eq!(e.class().name(), "ValidationError");
        assert!(matches!(&e, Error::Validation { field, .. } if field == "secert"));
        assert_eq!(
            e.message(),
            format!("Invalid `secert`: unknown key in params; expected one of: {}.", CreateAISecret::FIELDS.join(", "))
        );
        assert!(!e.message().contains("SENTINEL"));
    }

    #[test]
    fn patch_and_delete_bodies() {
        let Operation::Update(_, p) = Operation::update(r#""3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f""#, "{}").unwrap()
        else {
            panic!()
        };
        assert_eq!(serde_json::to_string(&p).unwrap(), "{}");
        let id = r#""3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f""#;
        assert_eq!(field_of(Operation::update(id, r#"{"name":""}"#)), "name");
        assert_eq!(field_of(Operation::update(id, r#"{"org_name":"x"}"#)), "org_name");
        assert_eq!(field_of(Operation::update(r#""nope""#, "{}")), "id");
        assert_eq!(field_of(Operation::delete_by_name(r#"{"org_name":"x"}"#)), "name");
        assert_eq!(field_of(Operation::create(r#""n""#)), "params");
    }

    #[test]
    fn uuids_and_list_queries() {
        assert!(is_uuid("3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f"));
        assert!(!is_uuid("3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5"));
        assert!(!is_uuid("../../v1/ai_secret?x=1-aaaa-aaaa-aaaaaaaaaaaa"));
        let id = "3f2c1a9e-8d4b-4c2a-9e1f-0a1b2c3d4e5f";
        let q = list_query(&json!({"limit": 7, "ids": [id, id], "ai_secret_type": "openai"})).unwrap();
        assert_eq!((q.limit, q.ids.len(), q.ai_secret_type.len()), (Some(7), 2, 1));
        assert_eq!(list_query(&json!({"limit": null})).unwrap().limit, None);
        assert_eq!(field_of(list_query(&json!({"starting_after": id, "ending_before": id}))), "ending_before");
        assert_eq!(field_of(list_query(&json!({"ids": ["nope"]}))), "ids");
        assert_eq!(field_of(list_query(&json!({"limit": -1}))), "limit");
        assert_eq!(field_of(list_query(&json!({"limt": 1}))), "limt");
        assert_eq!(field_of(list_query(&json!(5))), "query");
    }
}

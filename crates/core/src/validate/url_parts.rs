//! The per-call `path` option and the query options (`defaultQuery`, a
//! call's `query`): the parts of a request's URL a caller may set.

use super::{optional_object, optional_string};
use crate::error::Error;
use crate::rules::describe;
use serde_json::Value;

/// Extra query parameters (`defaultQuery`, a call's `query`): scalars as
/// text; `None` (a `null`) removes one a default set.
pub type QueryParams = Vec<(String, Option<String>)>;

/// A `path` option: absolute (`/v1/...`), without a query or fragment.
pub(super) fn request_path(v: Option<&Value>) -> Result<Option<String>, Error> {
    match optional_string(v, "path")? {
        None => Ok(None),
        Some(p) if p.starts_with('/') && !p.contains(['?', '#']) && !p.chars().any(char::is_whitespace) => {
            Ok(Some(p.to_string()))
        }
        Some(_) => Err(Error::validation(
            "path",
            "must start with / (such as /v1/ai_secret), without a query, fragment or spaces.",
        )),
    }
}

pub(super) fn query_params(v: Option<&Value>, field: &str) -> Result<QueryParams, Error> {
    let Some(o) = optional_object(v, field, "must be an object of query parameters")? else {
        return Ok(Vec::new());
    };
    o.iter()
        .map(|(k, v)| {
            let text = match v {
                Value::Null => None,
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                Value::Bool(b) => Some(b.to_string()),
                other => {
                    return Err(Error::validation(
                        format!("{field}.{k}"),
                        format!("must be a string, number, boolean or null; got {}.", describe(other)),
                    ))
                }
            };
            Ok((k.clone(), text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_are_absolute_without_query_or_spaces() {
        assert_eq!(request_path(Some(&json!("/v1/x"))).unwrap().as_deref(), Some("/v1/x"));
        assert_eq!(request_path(None).unwrap(), None);
        for bad in ["v1/x", "/v1/x?a=1", "/v1/x#f", "/v1/ x"] {
            let e = request_path(Some(&json!(bad))).unwrap_err();
            assert!(e.message().starts_with("Invalid `path`: must start with /"), "{bad}: {}", e.message());
        }
    }

    #[test]
    fn query_scalars_become_text_and_null_removes() {
        let q = query_params(Some(&json!({"a": "x", "b": 2, "c": true, "d": null})), "query").unwrap();
        let want = [("a", Some("x")), ("b", Some("2")), ("c", Some("true")), ("d", None)];
        let got: Vec<_> = q.iter().map(|(k, v)| (k.as_str(), v.as_deref())).collect();
        assert_eq!(got, want);
        let e = query_params(Some(&json!({"a": [1]})), "defaultQuery").unwrap_err();
        assert_eq!(e.message(), "Invalid `defaultQuery.a`: must be a string, number, boolean or null; got an array.");
    }
}

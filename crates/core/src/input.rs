//! Caller input into typed values. The wasm crate hands over JSON text,
//! written by the platform's `JSON.stringify` after one read of each field
//! (see crates/wasm/js/read.js); native callers pass their own. Every
//! failure is a `ValidationError` that names the field path and the kind of
//! value found, never the value.

use crate::error::Error;
use crate::rules::{describe, describe_text};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// JSON text as a value. Text that is not JSON is refused as `what`, except
/// a lone UTF-16 surrogate (`JSON.stringify` escapes one as `\ud800`), which
/// has no UTF-8 form: sending it replaced would send other text than given.
pub fn parse_value(json: &str, what: &str) -> Result<Value, Error> {
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(json)).map_err(|e| {
        let path = field_path(what, &e.path().to_string());
        let why = e.inner().to_string();
        if why.contains("surrogate") || why.contains("hex escape") {
            Error::validation(path, "is not valid Unicode: it holds a lone UTF-16 surrogate, which has no UTF-8 form.")
        } else {
            Error::validation(path, "must be JSON data.")
        }
    })
}

/// The field a serde path names (`metadata.a[0]`), or `what` for the root.
pub fn field_path(what: &str, path: &str) -> String {
    if path.is_empty() || path == "." {
        what.to_string()
    } else {
        path.to_string()
    }
}

/// Checks that `value` is an object with only `allowed` keys, so that a
/// typo such as `secert` is an error instead of a secret silently dropped.
pub fn object_with_keys<'a>(
    value: &'a Value,
    allowed: &[&str],
    what: &str,
) -> Result<&'a serde_json::Map<String, Value>, Error> {
    let Value::Object(o) = value else {
        return Err(Error::validation(what, format!("must be an object; got {}.", describe(value))));
    };
    if let Some(unknown) = o.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(Error::validation(
            unknown.as_str(),
            format!("unknown key in {what}; expected one of: {}.", allowed.join(", ")),
        ));
    }
    Ok(o)
}

/// The message of a serde_json error without its " at line 1 column 9".
fn message_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&at).map_or_else(|| text.clone(), str::to_string)
}

/// JSON text of an object with only `allowed` keys into `T`, by its serde
/// rules, in one pass over the text (`T` refuses unknown fields). `required`
/// fields must be present.
pub fn parse<T: DeserializeOwned>(json: &str, allowed: &[&str], required: &[&str], what: &str) -> Result<T, Error> {
    // JSON.stringify writes `\u` escapes only for control characters and lone
    // surrogates: such text is parsed whole first, which finds any lone
    // surrogate with its path. Fields kept as text (metadata) are not
    // decoded otherwise.
    if json.contains("\\u") {
        parse_value(json, what)?;
    }
    let kind = describe_text(json);
    if kind != "an object" {
        return Err(Error::validation(what, format!("must be an object; got {kind}.")));
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let typed =
        serde_path_to_error::deserialize(&mut de).map_err(|e: serde_path_to_error::Error<serde_json::Error>| {
            let path = e.path().to_string();
            let why = message_of(e.inner());
            // serde words these itself, naming the key.
            let named =
                |prefix: &str| why.strip_prefix(prefix).and_then(|r| r.split_once('`')).map(|(k, _)| k.to_string());
            if let Some(unknown) = named("unknown field `") {
                return Error::validation(
                    unknown,
                    format!("unknown key in {what}; expected one of: {}.", allowed.join(", ")),
                );
            }
            if let Some(missing) = named("missing field `").filter(|k| required.contains(&k.as_str())) {
                return Error::validation(missing, "is required and must be a non-empty string.");
            }
            if let Some(twice) = named("duplicate field `") {
                return Error::validation(twice, "appears twice.");
            }
            if e.inner().is_syntax() || e.inner().is_eof() {
                return Error::validation(field_path(what, &path), "must be JSON data.");
            }
            // Every field rule words its own message (crate::rules).
            Error::validation(field_path(what, &path), why)
        })?;
    de.end().map_err(|_| Error::validation(what, "must be JSON data."))?;
    Ok(typed)
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::testing::field_of;
    use crate::model::{CreateAISecret, PatchAISecret};

    fn create(json: &str) -> Result<CreateAISecret, Error> {
        parse(json, CreateAISecret::FIELDS, &["name"], "params")
    }

    #[test]
    fn field_errors_name_the_field_and_the_kind_never_the_value() {
        let e = create(r#"{"name":"n","metadata":"sk-SENTINEL"}"#).unwrap_err();
        assert_eq!(e.message(), "Invalid `metadata`: must be a plain object or null; got a string.");
        let e = create(r#"{"name":5,"secret":"sk-SENTINEL"}"#).unwrap_err();
        assert_eq!(e.message(), "Invalid `name`: must be a non-empty string; got a number.");
        assert_eq!(
            create(r#"{"name":""}"#).unwrap_err().message(),
            "Invalid `name`: must be a non-empty string; got an empty string."
        );
        assert_eq!(create("{}").unwrap_err().message(), "Invalid `name`: is required and must be a non-empty string.");
        assert_eq!(create(r#""n""#).unwrap_err().message(), "Invalid `params`: must be an object; got a string.");
    }

    #[test]
    fn lone_surrogates_are_refused_with_their_path() {
        let e = create(r#"{"name":"a\ud800b"}"#).unwrap_err();
        assert_eq!(field_of(Err::<(), _>(e.clone())), "name");
        assert!(e.message().contains("not valid Unicode"), "{e}");
        assert_eq!(field_of(create(r#"{"name":"n","metadata":{"a":["\udc00"]}}"#)), "metadata.a[0]");
        // A pair is one character, and fine.
        assert_eq!(create(r#"{"name":"\ud83d\ude00"}"#).unwrap().name, "😀");
    }

    #[test]
    fn omitted_and_null_stay_apart() {
        let p: PatchAISecret = parse(r#"{"secret":null}"#, PatchAISecret::FIELDS, &[], "patch").unwrap();
        assert_eq!(p.secret, Some(None));
        assert_eq!(p.metadata, None);
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"secret":null}"#);
    }
}

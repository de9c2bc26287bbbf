//! A manifest: the secrets an org should have, by name, with each one's
//! type, metadata and where its value comes from. Never the value itself:
//! `value` names a source (`env:OPENAI_API_KEY`, `file:./key.txt`, `stdin`)
//! that the shell reads.
//!
//! ```yaml
//! org_name: acme          # optional
//! secrets:
//!   - name: OPENAI_API_KEY
//!     type: openai
//!     metadata: { organization_id: org-1 }
//!     value: env:OPENAI_API_KEY
//! ```
//!
//! Every problem is reported at once, with its path (`secrets[2].type`),
//! which the shell turns into a line of the file.

use crate::error::Error;
use crate::providers::{check_value, Problem};
use crate::rules::describe;
use crate::validate::{optional_object, optional_string};
use serde::Serialize;
use serde_json::{Map, Value};

/// Where a secret's value comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "from", content = "ref", rename_all = "lowercase")]
pub enum Source {
    /// An environment variable of the process that applies.
    Env(String),
    /// A file's contents, without one trailing newline.
    File(String),
    /// Standard input (at most one secret may use it).
    Stdin,
}

impl Source {
    pub fn parse(s: &str) -> Option<Source> {
        if s == "stdin" {
            return Some(Source::Stdin);
        }
        match s.split_once(':')? {
            ("env", name) if is_env_name(name) => Some(Source::Env(name.to_string())),
            ("file", path) if !path.is_empty() => Some(Source::File(path.to_string())),
            _ => None,
        }
    }
}

fn is_env_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// One secret as the manifest wants it. An absent `type` or `metadata` is
/// `null`: a manifest says the whole of each secret it lists.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Desired {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub metadata: Option<Map<String, Value>>,
    pub value: Option<Source>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Manifest {
    pub org_name: Option<String>,
    pub secrets: Vec<Desired>,
}

/// What checking a manifest found: the manifest when nothing was wrong,
/// and the provider check's warnings either way.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Checked {
    pub manifest: Option<Manifest>,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

const TOP_KEYS: &[&str] = &["version", "org_name", "secrets"];
const SECRET_KEYS: &[&str] = &["name", "type", "metadata", "value"];

/// Checks a manifest given as JSON text (a YAML one as the JSON of its data).
pub fn check(json: &str) -> Checked {
    let mut out = Checked::default();
    let mut errors = Vec::new();
    let mut error = |field: String, message: String| errors.push(Problem { field, message });
    let root: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(_) => {
            error("manifest".into(), "is not JSON or YAML data.".into());
            out.errors = errors;
            return out;
        }
    };
    let Value::Object(top) = &root else {
        error("manifest".into(), format!("must be a mapping with `secrets`; got {}.", describe(&root)));
        out.errors = errors;
        return out;
    };
    for k in top.keys().filter(|k| !TOP_KEYS.contains(&k.as_str())) {
        error(k.clone(), format!("is not a manifest key; expected one of: {}.", TOP_KEYS.join(", ")));
    }
    if let Some(v) = top.get("version").filter(|v| v.as_u64() != Some(1)) {
        error("version".into(), format!("must be 1 (the only version); got {}.", describe(v)));
    }
    let org_name = match top.get("org_name") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(v) => {
            error("org_name".into(), format!("must be a non-empty string; got {}.", describe(v)));
            None
        }
    };
    let list = match top.get("secrets") {
        Some(Value::Array(a)) => a.as_slice(),
        None => {
            error("secrets".into(), "is required: the list of secrets the org should have.".into());
            &[]
        }
        Some(v) => {
            error("secrets".into(), format!("must be a list; got {}.", describe(v)));
            &[]
        }
    };
    let mut secrets = Vec::with_capacity(list.len());
    let mut stdin_at: Option<usize> = None;
    for (i, item) in list.iter().enumerate() {
        let at = |field: &str| format!("secrets[{i}].{field}");
        let Value::Object(o) = item else {
            error(
                format!("secrets[{i}]"),
                format!("must be a mapping with name, type, metadata, value; got {}.", describe(item)),
            );
            continue;
        };
        for k in o.keys().filter(|k| !SECRET_KEYS.contains(&k.as_str())) {
            let hint = if k == "secret" {
                " A manifest never holds a value: use value: env:NAME, file:PATH or stdin."
            } else {
                ""
            };
            error(at(k), format!("is not a secret's key; expected one of: {}.{hint}", SECRET_KEYS.join(", ")));
        }
        let name = match o.get("name") {
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            None => {
                error(at("name"), "is required.".into());
                String::new()
            }
            Some(v) => {
                error(at("name"), format!("must be a non-empty string; got {}.", describe(v)));
                String::new()
            }
        };
        if let Some(first) = secrets.iter().position(|d: &Desired| !name.is_empty() && d.name == name) {
            error(
                at("name"),
                format!("`{name}` is listed twice (first as secrets[{first}]); names are unique in an org."),
            );
        }
        // The option helpers' rules, each problem kept instead of returned.
        let kind = optional_string(o.get("type"), &at("type"))
            .map(|k| k.map(str::to_string))
            .unwrap_or_else(|e| kept(&mut error, e));
        let metadata = optional_object(o.get("metadata"), &at("metadata"), "must be a mapping")
            .map(|m| m.cloned())
            .unwrap_or_else(|e| kept(&mut error, e));
        let value = match o.get("value") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => match Source::parse(s) {
                Some(Source::Stdin) if stdin_at.is_some() => {
                    let first = stdin_at.unwrap_or_default();
                    error(
                        at("value"),
                        format!("stdin is already the value of secrets[{first}]; one secret at most can read it."),
                    );
                    None
                }
                Some(src) => {
                    if src == Source::Stdin {
                        stdin_at = Some(i);
                    }
                    Some(src)
                }
                None => {
                    error(
                        at("value"),
                        "must be env:NAME, file:PATH or stdin (where to read the value; never the value itself)."
                            .into(),
                    );
                    None
                }
            },
            Some(v) => {
                error(at("value"), format!("must be env:NAME, file:PATH or stdin; got {}.", describe(v)));
                None
            }
        };
        // What the AI proxy would make of it, as every write is checked.
        let planned = serde_json::json!({ "type": kind, "metadata": metadata });
        let report = check_value(&planned);
        for p in report.errors {
            error(at(&p.field), p.message);
        }
        out.warnings.extend(report.warnings.into_iter().map(|p| Problem { field: at(&p.field), message: p.message }));
        secrets.push(Desired { name, kind, metadata, value });
    }
    if errors.is_empty() {
        out.manifest = Some(Manifest { org_name, secrets });
    }
    out.errors = errors;
    out
}

/// A validation helper's refusal as one more problem (and no value).
fn kept<T>(error: &mut impl FnMut(String, String), e: Error) -> Option<T> {
    if let Error::Validation { field, message } = e {
        error(field, message);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(json: &str) -> Vec<String> {
        check(json).errors.into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_good_manifest_is_read_whole() {
        let c = check(
            r#"{"org_name": "acme", "secrets": [
                {"name": "OPENAI_API_KEY", "type": "openai", "metadata": {"organization_id": "org-1"}, "value": "env:OPENAI_KEY"},
                {"name": "ANTHROPIC_API_KEY", "type": "anthropic", "value": "file:./k.txt"},
                {"name": "plain", "value": "stdin"}]}"#,
        );
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        let m = c.manifest.unwrap();
        assert_eq!(m.org_name.as_deref(), Some("acme"));
        assert_eq!(m.secrets[0].value, Some(Source::Env("OPENAI_KEY".into())));
        assert_eq!(m.secrets[1].value, Some(Source::File("./k.txt".into())));
        assert_eq!(m.secrets[2].value, Some(Source::Stdin));
        assert_eq!(m.secrets[2].kind, None);
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let json = r#"{"secrets": [
            {"name": "a", "type": "bedrock", "metadata": {"aws_access_key_id": "x"}, "value": "env:A"},
            {"name": "a", "secret": "sk-live", "value": "sk-live-value"},
            {"name": "", "value": "stdin"}, {"name": "c", "value": "stdin"}, 5], "extra": 1}"#;
        let found = fields(json);
        for want in [
            "extra",
            "secrets[0].metadata.aws_access_key_id",
            "secrets[0].metadata.region",
            "secrets[1].secret",
            "secrets[1].name",
            "secrets[1].value",
            "secrets[2].name",
            "secrets[3].value",
            "secrets[4]",
        ] {
            assert!(found.iter().any(|f| f == want), "{want} not in {found:?}");
        }
        assert!(check(json).manifest.is_none());
        // The value is never quoted back: it might be one.
        assert!(check(json).errors.iter().all(|p| !p.message.contains("sk-live")));
    }

    #[test]
    fn wrong_kinds_say_what_was_found() {
        let c = check(r#"{"secrets": [{"name": "a", "type": 5, "metadata": [1]}]}"#);
        let said: Vec<(&str, &str)> = c.errors.iter().map(|p| (p.field.as_str(), p.message.as_str())).collect();
        assert_eq!(
            said[..2],
            [
                ("secrets[0].type", "must be a string; got a number."),
                ("secrets[0].metadata", "must be a mapping; got an array.")
            ]
        );
    }

    #[test]
    fn wrong_roots_and_versions_are_named() {
        assert_eq!(fields("[]"), ["manifest"]);
        assert_eq!(fields("{}"), ["secrets"]);
        assert_eq!(fields(r#"{"version": 2, "secrets": []}"#), ["version"]);
        assert!(fields(r#"{"version": 1, "secrets": []}"#).is_empty());
        assert_eq!(fields("not json"), ["manifest"]);
    }
}

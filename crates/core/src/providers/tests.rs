//! The table against ../shared/spec/provider-metadata.json (the facts read
//! from the proxy's source), and the check driven by it: for every type, a
//! minimal and a full valid secret pass, and each missing required field,
//! wrong enum, known wrong name and wrong kind is an error.

use super::model_spec;
use super::table::{Field, Kind, BASE_FIELDS, CANONICAL_NAMES, PROVIDERS, TYPES};
use super::{check, provider, Scope};
use crate::model::JsonObject;
use serde_json::{json, Value};

fn facts() -> Option<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/spec/provider-metadata.json");
    match std::fs::read_to_string(path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("the facts file is JSON")),
        Err(_) => {
            eprintln!("provider facts not found at {path}: the comparison is skipped");
            None
        }
    }
}

/// The facts' schema for `kind`.
fn facts_for<'a>(facts: &'a Value, kind: &str) -> &'a Value {
    let groups = facts["metadata_by_type"].as_object().unwrap();
    groups.iter().find(|(k, _)| k.split('|').any(|t| t == kind)).map(|(_, v)| v).unwrap()
}

fn assert_field_matches(f: &Field, fact: &Value, what: &str) {
    assert_eq!(f.kind.name(), fact["kind"], "{what}: kind");
    assert_eq!(f.required, fact["required"] == json!(true), "{what}: required");
    assert_eq!(f.nullish, fact["nullish"] == json!(true), "{what}: nullish");
    assert_eq!(
        f.default.map(str::to_string),
        fact.get("default").map(|d| d.to_string().trim_matches('"').to_string()),
        "{what}: default"
    );
    assert_eq!(f.non_empty, fact.get("min_length") == Some(&json!(1)), "{what}: min_length");
    if let Kind::Enum(values) = f.kind {
        assert_eq!(json!(values), fact["values"], "{what}: enum values");
    }
}

#[test]
fn the_table_agrees_with_the_facts() {
    let Some(facts) = facts() else { return };
    assert_eq!(json!(TYPES), facts["types"], "the types, exact casing, in order");
    let base = facts["base_fields"].as_object().unwrap();
    assert_eq!(BASE_FIELDS.iter().map(|f| f.name).collect::<Vec<_>>(), base.keys().collect::<Vec<_>>());
    for f in BASE_FIELDS {
        assert_field_matches(f, &base[f.name], f.name);
    }
    for kind in TYPES {
        let p = provider(kind).unwrap_or_else(|| panic!("{kind} has a schema"));
        let fact = facts_for(&facts, kind);
        let fields = fact["fields"].as_object().unwrap();
        assert_eq!(p.fields.iter().map(|f| f.name).collect::<Vec<_>>(), fields.keys().collect::<Vec<_>>(), "{kind}");
        for f in p.fields {
            assert_field_matches(f, &fields[f.name], &format!("{kind}.{}", f.name));
            let lenient = fields[f.name]["note"].as_str().is_some_and(|n| n.contains("dropped, not an error"));
            assert_eq!(f.lenient, lenient, "{kind}.{}: lenient", f.name);
        }
        let shapes = fact.get("secret_by_auth_type").and_then(Value::as_object).cloned().unwrap_or_default();
        assert_eq!(p.secret_shapes.len(), shapes.len(), "{kind}: secret shapes");
        for s in p.secret_shapes {
            let keys: Vec<&String> = shapes[s.auth_type]["json_object"].as_object().unwrap().keys().collect();
            assert_eq!(json!(s.keys), json!(keys), "{kind}: secret for {}", s.auth_type);
        }
        let wrong = fact.get("known_wrong_names").and_then(Value::as_object).cloned().unwrap_or_default();
        assert_eq!(
            p.wrong_names.iter().map(|(w, _)| *w).collect::<Vec<_>>(),
            wrong.keys().collect::<Vec<_>>(),
            "{kind}"
        );
        for r in fact.get("rules").and_then(Value::as_array).into_iter().flatten() {
            // "auth_type X (…): a and b are required" rules are in auth_requires.
            let r = r.as_str().unwrap();
            if let Some(req) = p
                .auth_requires
                .iter()
                .find(|a| r.contains(&format!(" {} ", a.auth_type)) || r.contains(&format!(" {}:", a.auth_type)))
            {
                assert!(req.fields.iter().all(|f| r.contains(f)), "{kind}: {r}");
            } else {
                assert!(!r.contains("required"), "{kind}: a rule the table lacks: {r}");
            }
        }
    }
    let names: Vec<(String, String)> = facts["canonical_names"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    assert_eq!(CANONICAL_NAMES.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>(), names);
    let spec = &facts["ModelSpec"];
    assert_eq!(json!(model_spec::MODEL_FORMATS), spec["required"]["format"]);
    assert_eq!(json!(model_spec::MODEL_FLAVORS), spec["required"]["flavor"]);
    assert_eq!(json!(model_spec::MODEL_BOOLEANS), spec["nullish_booleans"]);
    assert_eq!(json!(model_spec::MODEL_NUMBERS), spec["nullish_numbers"]);
    assert_eq!(json!(model_spec::MODEL_STRINGS), spec["nullish_strings"]);
    assert_eq!(json!(model_spec::MODEL_STRING_LISTS), spec["nullish_string_arrays"]);
    assert_eq!(json!(model_spec::MODEL_TYPE_LISTS), spec["nullish_type_arrays"]);
}

fn valid(k: Kind) -> Value {
    match k {
        Kind::String => json!("x"),
        Kind::Boolean => json!(true),
        Kind::Url | Kind::UrlOrEmpty => json!("https://example.com/v1"),
        Kind::StringList => json!(["a"]),
        Kind::StringMap => json!({"x-h": "v"}),
        Kind::ModelSpecs => json!({"my-model": {"format": "openai", "flavor": "chat", "max_input_tokens": 5}}),
        Kind::Enum(values) => json!(values[0]),
    }
}

fn invalid(k: Kind) -> Value {
    match k {
        Kind::String => json!(5),
        Kind::Boolean => json!("yes"),
        Kind::Url | Kind::UrlOrEmpty => json!("not a url"),
        Kind::StringList => json!("a"),
        Kind::StringMap => json!({"x-h": 1}),
        Kind::ModelSpecs => json!([1]),
        Kind::Enum(_) => json!("bogus"),
    }
}

/// Required fields, and what the default auth type requires.
fn minimal(kind: &str) -> JsonObject {
    let p = provider(kind).unwrap();
    let mut m: JsonObject =
        p.fields.iter().filter(|f| f.required).map(|f| (f.name.to_string(), valid(f.kind))).collect();
    let auth = p.auth_field.and_then(|a| {
        m.get(a)
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| p.fields.iter().find(|f| f.name == a)?.default.map(str::to_string))
    });
    for r in p.auth_requires.iter().filter(|r| Some(r.auth_type) == auth.as_deref()) {
        for f in r.fields {
            m.insert(f.to_string(), json!("x"));
        }
    }
    m
}

fn errors(kind: &str, m: &JsonObject, secret: Option<&str>) -> Vec<String> {
    check(Some(kind), Some(m), secret, Scope::Whole)
        .errors
        .into_iter()
        .map(|p| format!("{}: {}", p.field, p.message))
        .collect()
}

#[test]
fn every_type_minimal_and_full_secrets_pass_and_each_wrong_field_fails() {
    for kind in TYPES {
        let p = provider(kind).unwrap();
        let min = minimal(kind);
        assert_eq!(errors(kind, &min, Some("sk")), Vec::<String>::new(), "{kind}: minimal");
        let mut full = min.clone();
        for f in BASE_FIELDS.iter().chain(p.fields) {
            full.entry(f.name.to_string()).or_insert_with(|| valid(f.kind));
        }
        let auth = p.auth_field.and_then(|a| full.get(a)).and_then(Value::as_str).map(str::to_string);
        let secret = p
            .secret_shapes
            .iter()
            .find(|s| Some(s.auth_type) == auth.as_deref())
            .map(|s| json!(s.keys.iter().map(|k| (k.to_string(), json!("v"))).collect::<JsonObject>()).to_string());
        assert_eq!(errors(kind, &full, secret.as_deref().or(Some("sk"))), Vec::<String>::new(), "{kind}: full");
        for f in p.fields.iter().filter(|f| f.required) {
            let mut m = min.clone();
            m.remove(f.name);
            let e = errors(kind, &m, None);
            assert!(
                e.iter().any(|e| e.starts_with(&format!("metadata.{}: is required for {kind}", f.name))),
                "{kind}: {e:?}"
            );
        }
        for f in BASE_FIELDS.iter().chain(p.fields) {
            let mut m = min.clone();
            m.insert(f.name.to_string(), invalid(f.kind));
            let e = check(Some(kind), Some(&m), None, Scope::Whole);
            let found = if f.lenient { &e.warnings } else { &e.errors };
            assert!(found.iter().any(|p| p.field == format!("metadata.{}", f.name)), "{kind}.{}: {e:?}", f.name);
            if let Kind::Enum(values) = f.kind {
                assert!(
                    e.errors.iter().any(|p| p.message == format!("must be one of {}.", values.join(", "))),
                    "{e:?}"
                );
            }
        }
        for (wrong, meant) in p.wrong_names {
            let mut m = min.clone();
            m.insert(wrong.to_string(), json!("x"));
            let e = errors(kind, &m, None);
            assert!(e.contains(&format!("metadata.{wrong}: is not a {kind} field: did you mean {meant}?")), "{e:?}");
            assert!(!kind.starts_with(['a', 'e', 'i', 'o', 'u']), "the article above");
        }
    }
}

#[test]
fn the_errors_say_the_fix() {
    let m = |v: Value| v.as_object().unwrap().clone();
    let e = errors("bedrock", &m(json!({"aws_access_key_id": "AKIA", "aws_secret_access_key": "x"})), None);
    assert_eq!(
        e,
        [
            "metadata.aws_access_key_id: is not a bedrock field: did you mean access_key (the secret access key goes in secret)?",
            "metadata.aws_secret_access_key: is not a bedrock field: did you mean secret: the secret access key is the secret value, not metadata?",
            "metadata.region: is required for bedrock: the AWS region, such as us-east-1.",
            "metadata.access_key: is required for bedrock when auth_type is iam_credentials.",
        ],
        "several problems at once"
    );
    let e = check(Some("xai"), None, None, Scope::Whole);
    assert_eq!(e.errors[0].message, "\"xai\" is unknown: did you mean \"xAI\"? (types are case-sensitive)");
    let e = errors("vertex", &m(json!({"project": "p", "auth_type": "service_account_key"})), None);
    assert!(e.contains(&"metadata.auth_type: is not a vertex field: did you mean authType?".to_string()), "{e:?}");
    let e = errors("vertex", &m(json!({"project": "p", "authType": "key"})), None);
    assert_eq!(e, ["metadata.authType: must be one of access_token, oauth_bearer, service_account_key, workload_identity_federation."]);
    let azure = m(json!({"api_base": "https://x.openai.azure.com", "auth_type": "entra_api"}));
    assert_eq!(
        errors("azure", &azure, Some("plain-key")),
        ["secret: must be a JSON object with client_id, client_secret, tenant_id and scope (non-empty strings) when auth_type is entra_api."]
    );
    let entra = json!({"client_id": "a", "client_secret": "b", "tenant_id": "c", "scope": "d"}).to_string();
    assert!(errors("azure", &azure, Some(&entra)).is_empty());
    let e = errors("openai", &m(json!({"api_base": "localhost:8000", "models": "gpt-4o"})), None);
    assert_eq!(
        e,
        [
            "metadata.api_base: must be an absolute URL such as https://example.com/v1, or empty.",
            "metadata.models: must be a list of strings."
        ]
    );
    // Unknown keys pass (the proxy keeps them) with a warning; custom types too.
    let r = check(Some("openai"), Some(&m(json!({"team": "ml"}))), None, Scope::Whole);
    assert!(r.errors.is_empty() && r.warnings[0].field == "metadata.team");
    let r = check(Some("my-llm"), Some(&m(json!({"x": 1}))), None, Scope::Whole);
    assert!(r.errors.is_empty() && r.warnings[0].field == "type");
    // A patch checks what it sends: no required fields, no default auth type.
    let r = check(Some("bedrock"), Some(&m(json!({"session_token": "t"}))), None, Scope::Patch);
    assert!(r.errors.is_empty(), "{r:?}");
    assert!(PROVIDERS.iter().all(|p| !p.types.is_empty()));
}

#[test]
fn nothing_quotes_a_value() {
    let m =
        json!({"region": "sk-SENTINEL", "access_key": 5, "api_base": "sk-SENTINEL2", "models": ["sk-SENTINEL3", 1]});
    let r = check(Some("bedrock"), m.as_object(), Some("sk-SENTINEL4"), Scope::Whole);
    let shown = format!("{r:?}");
    assert!(!shown.contains("SENTINEL"), "{shown}");
}

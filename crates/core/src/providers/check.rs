//! Checks `(type, metadata, secret)` against the provider table, so that a
//! secret the proxy cannot parse (which fails the org's whole secret lookup)
//! is never saved by accident. Every problem is reported, with its field
//! path and, where it can be known, the fix. Nothing here quotes a value.

use super::model_spec::{
    MODEL_BOOLEANS, MODEL_FLAVORS, MODEL_FORMATS, MODEL_NUMBERS, MODEL_STRINGS, MODEL_STRING_LISTS, MODEL_TYPE_LISTS,
};
use super::table::{provider, Field, Kind, Provider, BASE_FIELDS, TYPES};
use crate::model::JsonObject;
use crate::rules::describe;
use serde::Serialize;
use serde_json::Value;

/// One problem: the field path and what is wrong, with the fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

/// What a check found: errors the proxy would fail on, warnings it would not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Report {
    fn error(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Problem { field: field.into(), message: message.into() });
    }
    fn warn(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Problem { field: field.into(), message: message.into() });
    }
}

/// What is being checked: a whole secret (create, replace, a stored one) or
/// a patch, which sends only some fields and is merged into what is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Whole,
    Patch,
}

/// Names longer than this are never near-misses of a field name.
const MAX_NAME: usize = 40;

/// `s` in lower case without `_` and `-`, into `buf` (`authType`,
/// `auth_type` and `AuthType` are one name to a person); `None` when longer
/// than [`MAX_NAME`]. On the stack: this runs for every unknown key.
fn fold<'b>(s: &str, buf: &'b mut [u8; MAX_NAME]) -> Option<&'b [u8]> {
    let mut n = 0;
    for b in s.bytes().filter(|b| *b != b'_' && *b != b'-') {
        *buf.get_mut(n)? = b.to_ascii_lowercase();
        n += 1;
    }
    Some(&buf[..n])
}

/// Edit distance of two short byte strings.
fn distance(a: &[u8], b: &[u8]) -> usize {
    let mut row = [0usize; MAX_NAME + 1];
    for (j, r) in row.iter_mut().enumerate().take(b.len() + 1) {
        *r = j;
    }
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (prev + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The known name `name` most likely means, if any: the same folded, or
/// within two edits of a name longer than four characters.
fn near_miss<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let (mut nb, mut kb) = ([0u8; MAX_NAME], [0u8; MAX_NAME]);
    let f = fold(name, &mut nb)?;
    let mut best: Option<(&'a str, usize)> = None;
    for k in known {
        let Some(g) = fold(k, &mut kb) else { continue };
        if g.len().abs_diff(f.len()) > 2 {
            continue;
        }
        let d = if g == f { 0 } else { distance(g, f) };
        if (d == 0 || (d <= 2 && k.len() > 4)) && best.is_none_or(|(_, b)| d < b) {
            best = Some((k, d));
        }
    }
    best.map(|(k, _)| k)
}

fn is_url(s: &str) -> bool {
    // What `new URL(s)` accepts, for the usual cases: a scheme, then `//`
    // and a host.
    let Some((scheme, rest)) = s.split_once("://") else { return false };
    let scheme_ok = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    scheme_ok && !host.is_empty() && !s.chars().any(char::is_whitespace)
}

/// Checks one value against a field's kind; the problem's message, if any.
fn kind_problem(kind: Kind, v: &Value) -> Option<String> {
    let got = describe(v);
    match (kind, v) {
        (Kind::String, Value::String(_)) | (Kind::Boolean, Value::Bool(_)) => None,
        (Kind::String, _) => Some(format!("must be a string; got {got}.")),
        (Kind::Boolean, _) => Some(format!("must be true or false; got {got}.")),
        (Kind::Url, Value::String(s)) if is_url(s) => None,
        (Kind::UrlOrEmpty, Value::String(s)) if s.is_empty() || is_url(s) => None,
        (Kind::Url, _) => Some("must be an absolute URL such as https://example.com/v1.".into()),
        (Kind::UrlOrEmpty, _) => Some("must be an absolute URL such as https://example.com/v1, or empty.".into()),
        (Kind::StringList, Value::Array(items)) if items.iter().all(Value::is_string) => None,
        (Kind::StringList, _) => Some("must be a list of strings.".into()),
        (Kind::StringMap, Value::Object(o)) if o.values().all(Value::is_string) => None,
        (Kind::StringMap, _) => Some("must be an object whose values are strings.".into()),
        (Kind::ModelSpecs, Value::Object(_)) => None,
        (Kind::ModelSpecs, _) => Some(format!("must be an object of model specs by model name; got {got}.")),
        (Kind::Enum(values), Value::String(s)) if values.contains(&s.as_str()) => None,
        (Kind::Enum(values), _) => Some(format!("must be one of {}.", values.join(", "))),
    }
}

/// `customModels`: each entry a ModelSpec.
fn check_model_specs(specs: &JsonObject, report: &mut Report) {
    for (name, spec) in specs {
        let at = format!("metadata.customModels.{name}");
        let Value::Object(spec) = spec else {
            report.error(at, format!("must be a model spec object; got {}.", describe(spec)));
            continue;
        };
        for (key, values) in [("format", MODEL_FORMATS), ("flavor", MODEL_FLAVORS)] {
            match spec.get(key) {
                Some(Value::String(s)) if values.contains(&s.as_str()) => {}
                _ => report.error(format!("{at}.{key}"), format!("is required: one of {}.", values.join(", "))),
            }
        }
        for (key, v) in spec {
            let ok = match key.as_str() {
                "format" | "flavor" => true,
                k if MODEL_BOOLEANS.contains(&k) => v.is_null() || v.is_boolean(),
                k if MODEL_NUMBERS.contains(&k) => v.is_null() || v.is_number(),
                k if MODEL_STRINGS.contains(&k) => v.is_null() || v.is_string(),
                k if MODEL_STRING_LISTS.contains(&k) => {
                    v.is_null() || v.as_array().is_some_and(|a| a.iter().all(Value::is_string))
                }
                k if MODEL_TYPE_LISTS.contains(&k) => {
                    v.is_null()
                        || v.as_array()
                            .is_some_and(|a| a.iter().all(|t| t.as_str().is_some_and(|t| TYPES.contains(&t))))
                }
                _ => true,
            };
            if !ok {
                report.error(format!("{at}.{key}"), format!("has the wrong kind of value ({}).", describe(v)));
            }
        }
    }
}

/// One known field's value.
fn check_field(f: &Field, v: &Value, report: &mut Report) {
    let at = format!("metadata.{}", f.name);
    if v.is_null() {
        if !f.nullish {
            report.error(at, "must not be null: omit it to use the default, or give a value.");
        }
        return;
    }
    if let Some(problem) = kind_problem(f.kind, v) {
        if f.lenient {
            report.warn(at, format!("{problem} The proxy ignores it."));
        } else {
            report.error(at, problem);
        }
        return;
    }
    if f.non_empty && v.as_str().is_some_and(|s| s.trim().is_empty()) {
        report.error(at, "must not be empty.");
    }
    if let (Kind::ModelSpecs, Value::Object(o)) = (f.kind, v) {
        check_model_specs(o, report);
    }
}

/// The secret as a JSON object with `keys`, each a non-empty string.
fn check_secret_shape(secret: &str, keys: &[&str], auth: &str, auth_field: &str, report: &mut Report) {
    // Read as a Value, as response bodies are: one JSON reader in the module.
    let fits = serde_json::from_str::<Value>(secret)
        .is_ok_and(|v| keys.iter().all(|k| v.get(*k).and_then(Value::as_str).is_some_and(|s| !s.is_empty())));
    if !fits {
        report.error(
            "secret",
            format!("must be a JSON object with {} (non-empty strings) when {auth_field} is {auth}.", and_list(keys)),
        );
    }
}

fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The type's problems: unknown, or a near-miss of a known one.
fn check_type(kind: &str, report: &mut Report) -> Option<&'static Provider> {
    if let Some(p) = provider(kind) {
        return Some(p);
    }
    if let Some(meant) = near_miss(kind, TYPES.iter().copied()) {
        report.error("type", format!("\"{kind}\" is unknown: did you mean \"{meant}\"? (types are case-sensitive)"));
    } else {
        report.warn(
            "type",
            format!("\"{kind}\" is not one of Braintrust's provider types; custom providers are usually stored as an existing format (such as openai) with customModels."),
        );
    }
    None
}

/// Checks a secret's `type`, `metadata` and `secret` (`None`: not given, so
/// not checked; in a patch, not changed).
pub fn check(kind: Option<&str>, metadata: Option<&JsonObject>, secret: Option<&str>, scope: Scope) -> Report {
    let mut report = Report::default();
    let provider = kind.and_then(|k| check_type(k, &mut report));
    let empty = JsonObject::new();
    let meta = metadata.unwrap_or(&empty);
    let own: &[Field] = provider.map_or(&[], |p| p.fields);
    let known = || BASE_FIELDS.iter().chain(own.iter());

    for (key, v) in meta {
        if let Some(f) = known().find(|f| f.name == key) {
            check_field(f, v, &mut report);
            continue;
        }
        let at = format!("metadata.{key}");
        let Some(p) = provider else {
            continue; // no type known: nothing to compare with
        };
        let name = kind.unwrap_or_default();
        let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        if let Some((_, meant)) = p.wrong_names.iter().find(|(w, _)| *w == key) {
            report.error(at, format!("is not {article} {name} field: did you mean {meant}?"));
        } else if let Some(meant) = near_miss(key, known().map(|f| f.name)) {
            report.error(at, format!("is not {article} {name} field: did you mean {meant}?"));
        } else {
            report.warn(at, format!("is not a field the proxy knows for {name}; it is kept as it is."));
        }
    }

    let Some(p) = provider else { return report };
    let name = kind.unwrap_or_default();
    if scope == Scope::Whole {
        for f in own.iter().filter(|f| f.required && !meta.contains_key(f.name)) {
            report.error(format!("metadata.{}", f.name), format!("is required for {name}{}.", hint(f)));
        }
    }
    // The auth type in force: given, or the default (a patch leaves the
    // stored one, which is not known here).
    let Some(auth_field) = p.auth_field else { return report };
    let given = meta.get(auth_field).and_then(Value::as_str);
    let default = own.iter().find(|f| f.name == auth_field).and_then(|f| f.default);
    let Some(auth) = given.or(if scope == Scope::Whole { default } else { None }) else { return report };
    if scope == Scope::Whole {
        for r in p.auth_requires.iter().filter(|r| r.auth_type == auth) {
            for field in r.fields {
                let blank = meta.get(*field).and_then(Value::as_str).is_none_or(|s| s.trim().is_empty());
                if blank {
                    report.error(
                        format!("metadata.{field}"),
                        format!("is required for {name} when {auth_field} is {auth}."),
                    );
                }
            }
        }
    }
    if let (Some(shape), Some(secret)) = (p.secret_shapes.iter().find(|s| s.auth_type == auth), secret) {
        check_secret_shape(secret, shape.keys, auth, auth_field, &mut report);
    }
    report
}

fn hint(f: &Field) -> String {
    f.help.map(|h| format!(": {h}")).unwrap_or_default()
}

/// Checks an AISecret-like value (a planned write, or a stored secret,
/// which has no `secret`), as `checkAiSecret` does; other fields (`id`,
/// `name`, …) are ignored.
pub fn check_value(value: &Value) -> Report {
    let mut report = Report::default();
    let Value::Object(o) = value else {
        report.error("value", format!("must be an object with type, metadata and secret; got {}.", describe(value)));
        return report;
    };
    let kind = match o.get("type") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.as_str()),
        Some(other) => {
            report.error("type", format!("must be a string; got {}.", describe(other)));
            None
        }
    };
    let metadata = match o.get("metadata") {
        None | Some(Value::Null) => None,
        Some(Value::Object(o)) => Some(o),
        Some(other) => {
            report.error("metadata", format!("must be an object; got {}.", describe(other)));
            None
        }
    };
    let secret = o.get("secret").and_then(Value::as_str);
    let found = check(kind, metadata, secret, Scope::Whole);
    report.errors.extend(found.errors);
    report.warnings.extend(found.warnings);
    report
}

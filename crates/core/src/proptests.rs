//! Property tests over open-ended input: validation, query encoding, retry
//! delays, response decoding and redaction. No panics, no wrong acceptance.

use crate::redact::Redactor;
use crate::request::{build, Expect};
use crate::response::check;
use crate::retry::delay_ms;
use crate::validate::{client_options, list_query, Env, Operation, RequestOptions};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        ".{0,12}".prop_map(Value::String),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Objects whose keys are mostly the schema's, sometimes not.
fn params() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        4 => prop::sample::select(vec!["name", "type", "metadata", "secret", "org_name"]).prop_map(str::to_string),
        1 => "[a-z_]{1,8}",
    ];
    prop::collection::btree_map(key, value(), 0..6).prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>()))
}

/// The schema rule, written independently of the validator.
fn fits_create(p: &Value) -> bool {
    let o = p.as_object().unwrap();
    let nullable_string = |k: &str| o.get(k).is_none_or(|x| x.is_null() || x.is_string());
    o.keys().all(|k| ["name", "type", "metadata", "secret", "org_name"].contains(&k.as_str()))
        && o.get("name").and_then(Value::as_str).is_some_and(|n| !n.is_empty())
        && nullable_string("type")
        && nullable_string("secret")
        && nullable_string("org_name")
        && o.get("metadata").is_none_or(|x| x.is_null() || x.is_object())
}

fn fits_ai_secret(x: &Value) -> bool {
    let Some(o) = x.as_object() else { return false };
    ["id", "org_id", "name"].iter().all(|k| o.get(*k).is_some_and(Value::is_string))
        && ["created", "updated_at", "secret_updated_at", "type", "secret_updated_by_user_id", "preview_secret"]
            .iter()
            .all(|k| o.get(*k).is_none_or(|x| x.is_null() || x.is_string()))
        && o.get("metadata").is_none_or(|x| x.is_null() || x.is_object())
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}
proptest! {
    #[test]
    fn create_validation_accepts_exactly_the_schema(p in params()) {
        let result = Operation::create(&p.to_string());
        prop_assert_eq!(result.is_ok(), fits_create(&p), "{}", p);
        if let Ok(Operation::Create(b)) = result {
            let sent: Value = serde_json::to_value(&b).unwrap();
            prop_assert_eq!(sent, p, "the body on the wire is the input, omitted stays omitted");
        }
    }

    #[test]
    fn validation_never_panics_on_any_value(x in value()) {
        let _ = Operation::create(&x.to_string());
        let _ = client_options(&x.to_string(), &Env::default());
        let _ = list_query(&x);
    }

    #[test]
    fn list_queries_round_trip_through_percent_encoding(
        name in ".{0,16}",
        types in prop::collection::vec(".{0,8}", 0..4),
        limit in prop::option::of(0u64..1_000_000),
    ) {
        let mut q = json!({"ai_secret_name": name, "ai_secret_type": types});
        if let Some(l) = limit { q["limit"] = json!(l); }
        let cfg = client_options("{}", &Env::default()).unwrap();
        let req = build(&cfg, Operation::list(&q.to_string()).unwrap(), &RequestOptions::default());
        prop_assert_eq!(req.expect, Expect::List);
        let qs = req.url.split_once('?').map(|(_, q)| q.to_string()).unwrap_or_default();
        prop_assert!(qs.bytes().all(|c| c.is_ascii_alphanumeric() || b"-._~%=&".contains(&c)), "{}", qs);
        let pairs: Vec<(String, String)> = qs.split('&').filter(|s| !s.is_empty()).map(|kv| {
            let (k, v) = kv.split_once('=').unwrap();
            (k.to_string(), percent_decode(v))
        }).collect();
        let mut want = Vec::new();
        if let Some(l) = limit { want.push(("limit".to_string(), l.to_string())); }
        want.push(("ai_secret_name".to_string(), name));
        want.extend(types.into_iter().map(|t| ("ai_secret_type".to_string(), t)));
        prop_assert_eq!(pairs, want);
    }
    #[test]
    fn retry_delays_are_bounded(retry in 0u32..100, random in 0.0f64..1.0, ms in prop::option::of(".{0,10}"), after in prop::option::of(".{0,30}")) {
        let d = delay_ms(retry, ms.as_deref(), after.as_deref(), 1e12, random, |v: &str| v.parse().ok(), |_| None);
        prop_assert!(d.is_finite() && d > 0.0 && d <= 60_000.0, "{}", d);
        let base = (500.0 * 2f64.powi(retry.min(16) as i32)).min(8_000.0);
        let plain = delay_ms(retry, None, None, 1e12, random, |v: &str| v.parse().ok(), |_| None);
        prop_assert!(plain <= base && plain >= 0.75 * base, "{} vs {}", plain, base);
    }

    #[test]
    fn retry_after_ms_in_range_is_used_as_is(ms in 1u32..=60_000, retry in 0u32..10) {
        prop_assert_eq!(delay_ms(retry, Some(&ms.to_string()), Some("1"), 0.0, 0.5, |v: &str| v.parse().ok(), |_| None), ms as f64);
    }

    #[test]
    fn decoding_accepts_exactly_ai_secrets(x in value(), extra in value()) {
        prop_assert_eq!(check(&x, Expect::AiSecret).is_ok(), fits_ai_secret(&x));
        let list = json!({"objects": [x.clone(), extra.clone()]});
        prop_assert_eq!(check(&list, Expect::List).is_ok(), fits_ai_secret(&x) && fits_ai_secret(&extra));
    }

    #[test]
    fn well_formed_secrets_with_extra_fields_decode(id in "[0-9a-f-]{36}", name in ".{0,20}", extra in value()) {
        let s = json!({"id": id, "org_id": "o", "name": name, "future": extra});
        prop_assert!(check(&s, Expect::AiSecret).is_ok());
    }

    #[test]
    fn redaction_removes_every_needle(prefix in ".{0,40}", needle in ".{4,24}", suffix in ".{0,40}") {
        let mut r = Redactor::new();
        r.add(&needle);
        let out = r.redact(&[prefix.as_str(), needle.as_str(), suffix.as_str(), needle.as_str()].concat());
        prop_assert!(!out.contains(&needle), "{:?} in {:?}", needle, out);
    }
}

/// Odd text: any scalar value (controls, U+2028, BOM, astral), repeated into
/// runs so that long strings come up.
fn odd_text() -> impl Strategy<Value = String> {
    prop::collection::vec((any::<char>(), 1usize..2000), 0..8)
        .prop_map(|runs| runs.into_iter().map(|(c, n)| c.to_string().repeat(n)).collect())
}

/// The body a create sends, parsed back.
fn sent_body(params: &Value) -> Value {
    let cfg = client_options("{}", &Env::default()).unwrap();
    let req = build(&cfg, Operation::create(&params.to_string()).unwrap(), &RequestOptions::default());
    serde_json::from_str(req.body.as_ref().unwrap().expose()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    #[test]
    fn large_and_odd_values_are_sent_exactly(
        name in odd_text().prop_filter("non-empty", |s| !s.is_empty()),
        secret in odd_text(),
        keys in prop::collection::vec(odd_text(), 0..40),
        number in any::<f64>().prop_filter("finite", |n| n.is_finite()),
    ) {
        let metadata: Map<String, Value> = keys.into_iter().enumerate()
            .map(|(i, k)| (k, if i % 2 == 0 { json!(number) } else { json!([i, null, {"k": "v"}]) }))
            .collect();
        let p = json!({"name": name, "secret": secret, "metadata": metadata});
        prop_assert_eq!(sent_body(&p), p);
    }
}

/// The sizes that came out changed before (#29): a secret just over 2 MiB, a
/// 3,000,001-character name, metadata of about 4 MB and of 1,000,000 keys.
#[test]
fn very_large_values_are_sent_exactly() {
    let big = |n: usize| "é😀x".chars().cycle().take(n).collect::<String>();
    let wide: Map<String, Value> = (0..1_000_000).map(|i| (format!("k{i}"), json!(i))).collect();
    for p in [
        json!({"name": "n", "secret": big(2 * 1024 * 1024 + 1)}),
        json!({"name": big(3_000_001)}),
        json!({"name": "n", "metadata": {"blob": big(4_000_000), "list": vec![big(10); 1000]}}),
        json!({"name": "n", "metadata": wide}),
    ] {
        assert_eq!(sent_body(&p), p);
    }
}

//! Properties of planning: applying `plan(desired, current)` to `current`
//! gives `desired`, and `plan(x, x)` is empty.

use super::plan::{plan, Action, Options, Target};
use super::Stored;
use crate::secret::SecretString;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// The emulator's (and, by its shape, Braintrust's) preview.
fn preview(v: &str) -> String {
    if v.len() < 12 {
        "********".into()
    } else {
        format!("{}…{}", &v[..3], &v[v.len() - 4..])
    }
}

/// A stored secret as the server keeps it, with its value.
#[derive(Clone, Debug)]
struct Record {
    stored: Stored,
    value: Option<String>,
}

fn record(
    id: usize,
    name: &str,
    kind: Option<String>,
    metadata: Option<Map<String, Value>>,
    value: Option<String>,
) -> Record {
    let stored = Stored {
        id: format!("id-{id}"),
        name: name.into(),
        kind,
        metadata,
        preview_secret: value.as_deref().map(preview),
        ..Stored::default()
    };
    Record { stored, value }
}

/// The server's semantics for each action (crate::sync::plan's doc).
fn apply(mut state: Vec<Record>, p: &[Action], desired: &[Target]) -> Vec<Record> {
    let value_of = |name: &str| {
        desired.iter().find(|t| t.name == name).and_then(|t| t.value.as_ref()).map(|v| v.expose().to_string())
    };
    for (n, a) in p.iter().enumerate() {
        match a {
            Action::Create { name, kind, metadata, with_value } => {
                let value = if *with_value { value_of(name) } else { None };
                state.push(record(1000 + n, name, kind.clone(), metadata.clone(), value));
            }
            Action::Update { id, kind, metadata, rotate, .. } => {
                let r = state.iter_mut().find(|r| &r.stored.id == id).unwrap();
                r.stored.kind = kind.clone();
                r.stored.metadata = metadata.clone();
                if rotate.is_some() {
                    r.value = value_of(&r.stored.name);
                    r.stored.preview_secret = r.value.as_deref().map(preview);
                }
            }
            Action::Rotate { id, .. } => {
                let r = state.iter_mut().find(|r| &r.stored.id == id).unwrap();
                r.value = value_of(&r.stored.name);
                r.stored.preview_secret = r.value.as_deref().map(preview);
            }
            Action::Delete { id, .. } => state.retain(|r| &r.stored.id != id),
        }
    }
    state
}

fn metadata() -> impl Strategy<Value = Option<Map<String, Value>>> {
    proptest::option::of(proptest::collection::btree_map("[a-c]", 0..3u8, 0..3))
        .prop_map(|m| m.map(|m| m.into_iter().map(|(k, v)| (k, json!(v))).collect()))
}

fn kind() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof![
        Just("openai".to_string()),
        Just("anthropic".to_string()),
        Just("custom-x".to_string())
    ])
}

/// Values long enough to preview, differing in their last characters.
fn value() -> impl Strategy<Value = Option<String>> {
    proptest::option::of("[a-d]{0,3}").prop_map(|v| v.map(|tail| format!("sk-value-{tail:x>6}")))
}

fn names() -> impl Strategy<Value = Vec<String>> {
    proptest::sample::subsequence(vec!["a", "b", "c", "d", "e"], 0..5)
        .prop_map(|v| v.into_iter().map(String::from).collect())
}

fn same(m: &Option<Map<String, Value>>) -> Option<&Map<String, Value>> {
    m.as_ref().filter(|m| !m.is_empty())
}

proptest! {
    #[test]
    fn applying_a_plan_gives_what_was_desired(
        want in names().prop_flat_map(|n| { let k = n.len(); (Just(n), proptest::collection::vec((kind(), metadata(), value()), k)) }),
        have in names().prop_flat_map(|n| { let k = n.len(); (Just(n), proptest::collection::vec((kind(), metadata(), value()), k)) }),
        rotate in any::<bool>(),
    ) {
        let desired: Vec<Target> = want.0.iter().zip(want.1).map(|(name, (kind, metadata, value))| Target {
            name: name.clone(), kind, metadata, value: value.map(SecretString::new),
        }).collect();
        let current: Vec<Record> = have.0.iter().zip(have.1).enumerate()
            .map(|(i, (name, (kind, metadata, value)))| record(i, name, kind, metadata, value)).collect();
        let stored: Vec<Stored> = current.iter().map(|r| r.stored.clone()).collect();
        let p = plan(&desired, &stored, Options { prune: true, rotate });
        let after = apply(current, &p.actions, &desired);
        prop_assert_eq!(after.len(), desired.len());
        for t in &desired {
            let r = after.iter().find(|r| r.stored.name == t.name).unwrap();
            prop_assert_eq!(&r.stored.kind, &t.kind);
            prop_assert_eq!(same(&r.stored.metadata), same(&t.metadata));
            if let Some(v) = &t.value {
                // Exactly the value, or (not forced) one its preview cannot tell apart.
                prop_assert!(r.value.as_deref() == Some(v.expose()) || (!rotate && r.stored.preview_secret.as_deref() == Some(preview(v.expose()).as_str())));
            }
        }
        // And a second plan finds nothing to do (unless rotation is forced).
        let again = plan(&desired, &after.iter().map(|r| r.stored.clone()).collect::<Vec<_>>(), Options { prune: true, rotate: false });
        prop_assert!(again.actions.is_empty(), "{:?}", again.actions);
    }

    #[test]
    fn a_plan_of_what_is_there_is_empty(
        want in names().prop_flat_map(|n| { let k = n.len(); (Just(n), proptest::collection::vec((kind(), metadata(), value()), k)) }),
    ) {
        let desired: Vec<Target> = want.0.iter().zip(want.1.clone()).map(|(name, (kind, metadata, value))| Target {
            name: name.clone(), kind, metadata, value: value.map(SecretString::new),
        }).collect();
        let stored: Vec<Stored> = want.0.iter().zip(want.1).enumerate()
            .map(|(i, (name, (kind, metadata, value)))| record(i, name, kind, metadata, value).stored).collect();
        let p = plan(&desired, &stored, Options { prune: true, rotate: false });
        prop_assert!(p.actions.is_empty(), "{:?}", p.actions);
        prop_assert_eq!(p.unchanged.len(), desired.len());
    }
}

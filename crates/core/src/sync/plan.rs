//! The plan: what to write so that an org's secrets are what a manifest
//! says, in the fewest requests. Each secret is one write at most:
//!
//! - `create`: POST, with the value when the manifest gives one;
//! - `update`: PUT with the whole type and metadata (PATCH deep-merges and
//!   cannot remove a key; a PUT without `secret` keeps the stored one), and
//!   the value too when it also rotates;
//! - `rotate`: PATCH with only the secret, when asked (`rotate`), when the
//!   value does not fit the stored `preview_secret`, or when none is stored;
//! - `delete`: only with `prune`, for secrets the manifest does not list.
//!
//! Reapplied, a plan finds nothing to do: what it wrote is what it compares.

use super::preview::fits;
use super::Stored;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A desired secret with its value read (the shell reads the sources).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Target {
    pub name: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub metadata: Option<Map<String, Value>>,
    #[serde(default)]
    pub value: Option<crate::secret::SecretString>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Options {
    /// Delete stored secrets the manifest does not list.
    #[serde(default)]
    pub prune: bool,
    /// Rotate every secret the manifest gives a value for.
    #[serde(default)]
    pub rotate: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// `rotate` was asked.
    Forced,
    /// The value does not fit the stored `preview_secret`.
    PreviewDiffers,
    /// No value is stored.
    NoStoredValue,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Add,
    Remove,
    Change,
}

/// One field an update changes: `type`, or a metadata key (`metadata.api_base`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub field: String,
    pub change: ChangeKind,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Action {
    Create {
        name: String,
        #[serde(rename = "type")]
        kind: Option<String>,
        metadata: Option<Map<String, Value>>,
        with_value: bool,
    },
    Update {
        name: String,
        id: String,
        #[serde(rename = "type")]
        kind: Option<String>,
        metadata: Option<Map<String, Value>>,
        changes: Vec<Change>,
        rotate: Option<Reason>,
    },
    Rotate {
        name: String,
        id: String,
        reason: Reason,
    },
    Delete {
        name: String,
        id: String,
    },
}

impl Action {
    pub fn name(&self) -> &str {
        match self {
            Action::Create { name, .. }
            | Action::Update { name, .. }
            | Action::Rotate { name, .. }
            | Action::Delete { name, .. } => name,
        }
    }
}

/// What a plan was made against: each stored secret's id and times. An
/// apply of a saved plan refuses when the org no longer looks like this.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Basis {
    pub id: String,
    pub name: String,
    pub updated_at: Option<String>,
    pub secret_updated_at: Option<String>,
}

impl Basis {
    pub fn of(s: &Stored) -> Basis {
        Basis {
            id: s.id.clone(),
            name: s.name.clone(),
            updated_at: s.updated_at.clone(),
            secret_updated_at: s.secret_updated_at.clone(),
        }
    }
}

/// Something the plan did not do that its reader should know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    pub name: String,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Plan {
    pub actions: Vec<Action>,
    /// Listed secrets already as the manifest says.
    pub unchanged: Vec<String>,
    pub notes: Vec<Note>,
    pub basis: Vec<Basis>,
}

fn empty_is_none(m: &Option<Map<String, Value>>) -> Option<&Map<String, Value>> {
    m.as_ref().filter(|m| !m.is_empty())
}

/// The metadata keys that differ, in the desired order, then the removed.
fn metadata_changes(want: Option<&Map<String, Value>>, have: Option<&Map<String, Value>>) -> Vec<Change> {
    let empty = Map::new();
    let (want, have) = (want.unwrap_or(&empty), have.unwrap_or(&empty));
    let field = |k: &String| format!("metadata.{k}");
    let mut out: Vec<Change> = want
        .iter()
        .filter_map(|(k, v)| match have.get(k) {
            None => Some(Change { field: field(k), change: ChangeKind::Add }),
            Some(old) if old != v => Some(Change { field: field(k), change: ChangeKind::Change }),
            Some(_) => None,
        })
        .collect();
    out.extend(
        have.keys().filter(|k| !want.contains_key(*k)).map(|k| Change { field: field(k), change: ChangeKind::Remove }),
    );
    out
}

/// Whether `target`'s value should be written over `stored`'s.
fn rotation(target: &Target, stored: &Stored, opts: Options, notes: &mut Vec<Note>) -> Option<Reason> {
    let value = target.value.as_ref()?;
    if opts.rotate {
        return Some(Reason::Forced);
    }
    let Some(preview) = stored.preview_secret.as_deref() else { return Some(Reason::NoStoredValue) };
    match fits(value.expose(), preview) {
        Some(true) => None,
        Some(false) => Some(Reason::PreviewDiffers),
        None => {
            notes.push(Note {
                name: target.name.clone(),
                message: "the stored preview shows nothing to compare the value with: pass rotate to write it".into(),
            });
            None
        }
    }
}

/// The writes that make `current` what `desired` says.
pub fn plan(desired: &[Target], current: &[Stored], opts: Options) -> Plan {
    let mut out = Plan { basis: current.iter().map(Basis::of).collect(), ..Plan::default() };
    for t in desired {
        let Some(s) = current.iter().find(|s| s.name == t.name) else {
            out.actions.push(Action::Create {
                name: t.name.clone(),
                kind: t.kind.clone(),
                metadata: t.metadata.clone(),
                with_value: t.value.is_some(),
            });
            continue;
        };
        let mut changes = Vec::new();
        if t.kind != s.kind {
            let change = match (&t.kind, &s.kind) {
                (Some(_), None) => ChangeKind::Add,
                (None, Some(_)) => ChangeKind::Remove,
                _ => ChangeKind::Change,
            };
            changes.push(Change { field: "type".into(), change });
        }
        changes.extend(metadata_changes(empty_is_none(&t.metadata), empty_is_none(&s.metadata)));
        let rotate = rotation(t, s, opts, &mut out.notes);
        let (name, id) = (t.name.clone(), s.id.clone());
        match (changes.is_empty(), rotate) {
            (true, None) => out.unchanged.push(name),
            (true, Some(reason)) => out.actions.push(Action::Rotate { name, id, reason }),
            (false, rotate) => out.actions.push(Action::Update {
                name,
                id,
                kind: t.kind.clone(),
                metadata: t.metadata.clone(),
                changes,
                rotate,
            }),
        }
    }
    for s in current.iter().filter(|s| !desired.iter().any(|t| t.name == s.name)) {
        if opts.prune {
            out.actions.push(Action::Delete { name: s.name.clone(), id: s.id.clone() });
        } else {
            out.notes
                .push(Note { name: s.name.clone(), message: "is not in the manifest: kept (prune deletes it)".into() });
        }
    }
    out
}

/// Whether `current` is still what `basis` recorded for the secrets named
/// `pending` (those the plan's remaining actions write; a name it creates
/// must still be absent): the first difference, in words.
pub fn changed_since<S: AsRef<str>>(basis: &[Basis], current: &[Stored], pending: &[S]) -> Option<String> {
    for name in pending.iter().map(AsRef::as_ref) {
        let now = current.iter().find(|s| s.name == name);
        let then = basis.iter().find(|b| b.name == name);
        match (then, now) {
            (None, None) => {}
            (None, Some(_)) => return Some(format!("`{name}` was created since the plan was made")),
            (Some(_), None) => return Some(format!("`{name}` was deleted since the plan was made")),
            (Some(b), Some(s)) if *b != Basis::of(s) => {
                return Some(format!("`{name}` was changed since the plan was made"))
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::SecretString;
    use serde_json::json;

    fn target(name: &str, kind: Option<&str>, metadata: Value, value: Option<&str>) -> Target {
        Target {
            name: name.into(),
            kind: kind.map(str::to_string),
            metadata: metadata.as_object().cloned(),
            value: value.map(|v| SecretString::new(v.into())),
        }
    }

    fn stored(name: &str, kind: Option<&str>, metadata: Value, preview: Option<&str>) -> Stored {
        Stored {
            id: format!("id-{name}"),
            name: name.into(),
            kind: kind.map(str::to_string),
            metadata: metadata.as_object().cloned(),
            preview_secret: preview.map(str::to_string),
            ..Stored::default()
        }
    }

    fn ops(p: &Plan) -> Vec<String> {
        p.actions
            .iter()
            .map(|a| {
                let op = match a {
                    Action::Create { .. } => "create",
                    Action::Update { rotate: Some(_), .. } => "update+rotate",
                    Action::Update { .. } => "update",
                    Action::Rotate { .. } => "rotate",
                    Action::Delete { .. } => "delete",
                };
                format!("{op} {}", a.name())
            })
            .collect()
    }

    #[test]
    fn each_secret_gets_at_most_one_write() {
        let desired = [
            target("new", Some("openai"), json!({}), Some("sk-new-value-0001")),
            target("same", Some("openai"), json!({"a": 1}), Some("sk-same-value-1111")),
            target("meta", Some("openai"), json!({"a": 2, "b": 1}), None),
            target("key", Some("openai"), json!(null), Some("sk-rotated-9999")),
            target("both", None, json!({}), Some("sk-both-value-2222")),
        ];
        let current = [
            stored("same", Some("openai"), json!({"a": 1}), Some("sk-…1111")),
            stored("meta", Some("openai"), json!({"a": 1, "c": 3}), Some("sk-…0000")),
            stored("key", Some("openai"), json!({}), Some("sk-…1234")),
            stored("both", Some("openai"), json!({}), None),
            stored("old", None, json!(null), None),
        ];
        let p = plan(&desired, &current, Options::default());
        assert_eq!(ops(&p), ["create new", "update meta", "rotate key", "update+rotate both"]);
        assert_eq!(p.unchanged, ["same"]);
        assert_eq!(p.notes[0].name, "old");
        let Action::Update { changes, .. } = &p.actions[1] else { panic!() };
        let fields: Vec<_> = changes.iter().map(|c| (c.field.as_str(), c.change)).collect();
        assert_eq!(
            fields,
            [("metadata.a", ChangeKind::Change), ("metadata.b", ChangeKind::Add), ("metadata.c", ChangeKind::Remove)]
        );

        let pruned = plan(&desired, &current, Options { prune: true, rotate: true });
        // "meta" has no value in the manifest: forcing rotation cannot rotate it.
        assert_eq!(
            ops(&pruned),
            ["create new", "rotate same", "update meta", "rotate key", "update+rotate both", "delete old"]
        );
    }

    #[test]
    fn a_saved_plan_sees_what_changed_since() {
        let current = [stored("a", None, json!(null), None)];
        let p = plan(
            &[target("a", Some("openai"), json!({}), None), target("b", None, json!({}), None)],
            &current,
            Options::default(),
        );
        let names: Vec<&str> = p.actions.iter().map(Action::name).collect();
        assert_eq!(changed_since(&p.basis, &current, &names), None);
        let mut moved = current[0].clone();
        moved.updated_at = Some("later".into());
        assert!(changed_since(&p.basis, &[moved], &names).unwrap().contains("`a` was changed"));
        let with_b = [current[0].clone(), stored("b", None, json!(null), None)];
        assert!(changed_since(&p.basis, &with_b, &names).unwrap().contains("`b` was created"));
        assert!(changed_since(&p.basis, &[], &names).unwrap().contains("`a` was deleted"));
    }
}

//! The audit of an org's secrets: each one's age (since its value was last
//! set), whether it is stale or was never rotated, and what the provider
//! check finds in its type and metadata; riskiest first.

use super::Stored;
use crate::providers::{check_value, Problem};
use serde::Serialize;

const DAY_MS: f64 = 86_400_000.0;

/// Braintrust's UI warns about provider keys older than six months.
pub const DEFAULT_MAX_AGE_DAYS: f64 = 180.0;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub preview_secret: Option<String>,
    pub secret_updated_at: Option<String>,
    /// Whole days since the value was set (since creation when it never
    /// was); `None` when neither time can be read.
    pub age_days: Option<u64>,
    pub stale: bool,
    /// The value was never set again after the secret was created (or never set).
    pub never_rotated: bool,
    /// What the AI proxy could not use.
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Entry {
    /// Whether a CI gate should fail on this one.
    pub fn failing(&self) -> bool {
        self.stale || !self.problems.is_empty()
    }
}

/// Audits `secrets` at `now_ms`; `parse_date` reads the API's ISO times
/// (the platform's `Date.parse`).
pub fn audit(
    secrets: &[Stored],
    now_ms: f64,
    max_age_days: f64,
    parse_date: impl Fn(&str) -> Option<f64>,
) -> Vec<Entry> {
    let mut out: Vec<Entry> = secrets
        .iter()
        .map(|s| {
            let set_at = s.secret_updated_at.as_deref().or(s.created.as_deref()).and_then(&parse_date);
            let age_days = set_at.map(|t| ((now_ms - t).max(0.0) / DAY_MS).floor() as u64);
            let never_rotated = match (&s.secret_updated_at, &s.created) {
                (None, _) => true,
                (Some(at), Some(created)) => parse_date(at).zip(parse_date(created)).is_some_and(|(a, c)| a <= c),
                (Some(_), None) => false,
            };
            let stored = serde_json::json!({ "type": s.kind, "metadata": s.metadata });
            let report = check_value(&stored);
            Entry {
                id: s.id.clone(),
                name: s.name.clone(),
                kind: s.kind.clone(),
                preview_secret: s.preview_secret.clone(),
                secret_updated_at: s.secret_updated_at.clone(),
                stale: age_days.is_some_and(|d| d as f64 > max_age_days),
                age_days,
                never_rotated,
                problems: report.errors,
                warnings: report.warnings,
            }
        })
        .collect();
    // Invalid first, then stale, then the oldest; names break ties.
    out.sort_by(|a, b| {
        (b.problems.is_empty().then_some(0).is_none(), b.stale, b.age_days)
            .cmp(&(a.problems.is_empty().then_some(0).is_none(), a.stale, a.age_days))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn day(n: f64) -> f64 {
        n * DAY_MS
    }

    fn parse(s: &str) -> Option<f64> {
        s.strip_prefix('d').and_then(|d| d.parse::<f64>().ok()).map(day)
    }

    fn stored(name: &str, created: &str, set: Option<&str>, kind: Option<&str>, metadata: serde_json::Value) -> Stored {
        Stored {
            id: format!("id-{name}"),
            name: name.into(),
            kind: kind.map(str::to_string),
            metadata: metadata.as_object().cloned(),
            created: Some(created.into()),
            secret_updated_at: set.map(str::to_string),
            ..Stored::default()
        }
    }

    #[test]
    fn ages_staleness_and_problems_riskiest_first() {
        let secrets = [
            stored("fresh", "d0", Some("d390"), Some("openai"), json!({})),
            stored("old", "d0", Some("d0"), Some("openai"), json!({})),
            stored("broken", "d395", Some("d395"), Some("bedrock"), json!({})),
            stored("older", "d0", Some("d10"), None, json!(null)),
            stored("empty", "d100", None, None, json!(null)),
        ];
        let a = audit(&secrets, day(400.5), DEFAULT_MAX_AGE_DAYS, parse);
        let names: Vec<_> = a.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["broken", "old", "older", "empty", "fresh"]);
        let by = |n: &str| a.iter().find(|e| e.name == n).unwrap();
        assert_eq!((by("old").age_days, by("old").stale, by("old").never_rotated), (Some(400), true, true));
        assert_eq!((by("older").age_days, by("older").never_rotated), (Some(390), false));
        assert_eq!((by("fresh").age_days, by("fresh").stale), (Some(10), false));
        assert!(by("empty").never_rotated && by("empty").stale);
        assert!(by("broken").problems.iter().any(|p| p.field == "metadata.region"));
        assert!(by("broken").failing() && !by("fresh").failing());
        assert!(!audit(&secrets, day(400.5), 1000.0, parse).iter().any(|e| e.stale));
    }
}

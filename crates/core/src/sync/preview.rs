//! Braintrust shows a stored secret only as `preview_secret`, its start and
//! end around a mask (`sk-…4567`). A value can be compared with it by those
//! visible ends: enough to tell a changed key from the stored one without
//! ever reading the stored one.

/// Whether `value` is what `preview` masks: `Some(false)` when its visible
/// start or end differ, `Some(true)` when they fit, `None` when the preview
/// shows nothing to compare (fully masked, as for a short secret).
pub fn fits(value: &str, preview: &str) -> Option<bool> {
    let split = ["…", "..."].iter().find_map(|mask| preview.split_once(mask));
    let (head, tail) = match split {
        Some((h, t)) => (h, t.trim_start_matches('.')),
        None if preview.chars().all(|c| c == '*') => return None,
        None => return Some(value == preview),
    };
    if head.is_empty() && tail.is_empty() {
        return None;
    }
    Some(value.len() >= head.len() + tail.len() && value.starts_with(head) && value.ends_with(tail))
}

#[cfg(test)]
mod tests {
    use super::fits;

    #[test]
    fn previews_compare_by_their_visible_ends() {
        assert_eq!(fits("sk-node-test-1234567", "sk-…4567"), Some(true));
        assert_eq!(fits("sk-node-test-1234568", "sk-…4567"), Some(false));
        assert_eq!(fits("xx-node-test-1234567", "sk-…4567"), Some(false));
        assert_eq!(fits("sk-4567", "sk-...4567"), Some(true));
        assert_eq!(fits("short", "********"), None);
        assert_eq!(fits("anything", "…"), None);
        // The ends may not overlap: "sk-567" cannot be "sk-" + … + "4567".
        assert_eq!(fits("sk-567", "sk-…4567"), Some(false));
    }
}

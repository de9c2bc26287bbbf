//! Whether a rotation took: the stored secret's `secret_updated_at` moved
//! and, where the previews can tell, its `preview_secret` is the new
//! value's, not the old one's.

use super::preview::fits;
use super::Stored;
use crate::error::Error;

pub fn verify(before: &Stored, after: &Stored, value: &str) -> Result<(), Error> {
    let unverified = |why: &str| {
        Err(Error::Unverified { message: format!("The rotation of `{}` could not be verified: {why}", after.name) })
    };
    if after.id != before.id {
        return unverified("the server answered with another secret.");
    }
    if after.secret_updated_at.is_none() || after.secret_updated_at == before.secret_updated_at {
        return unverified("secret_updated_at did not change, so the stored value may be the old one.");
    }
    if let Some(preview) = after.preview_secret.as_deref() {
        if fits(value, preview) == Some(false) {
            return unverified("the stored preview_secret is not the new value's.");
        }
        // Unchanged previews are expected only when the new value fits the old one.
        let old = before.preview_secret.as_deref();
        if old == Some(preview) && old.and_then(|p| fits(value, p)) == Some(false) {
            return unverified("preview_secret did not change.");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(at: Option<&str>, preview: Option<&str>) -> Stored {
        Stored {
            id: "i".into(),
            name: "openai".into(),
            secret_updated_at: at.map(str::to_string),
            preview_secret: preview.map(str::to_string),
            ..Stored::default()
        }
    }

    #[test]
    fn a_rotation_takes_when_the_time_moved_and_the_preview_is_the_new_values() {
        let before = stored(Some("2026-01-01T00:00:00Z"), Some("sk-…1111"));
        assert!(verify(&before, &stored(Some("2026-12-01T00:00:00Z"), Some("sk-…2222")), "sk-new-key-2222").is_ok());
        let same_time = verify(&before, &stored(Some("2026-01-01T00:00:00Z"), Some("sk-…2222")), "sk-new-key-2222");
        assert!(same_time.unwrap_err().message().contains("secret_updated_at did not change"));
        let old_preview = verify(&before, &stored(Some("2026-12-01T00:00:00Z"), Some("sk-…1111")), "sk-new-key-2222");
        assert!(old_preview.unwrap_err().message().contains("not the new value's"));
        // A new value with the old one's visible ends: the same preview is right.
        assert!(verify(&before, &stored(Some("2026-12-01T00:00:00Z"), Some("sk-…1111")), "sk-other-1111").is_ok());
    }
}

//! Signer ids typed on the command line are matched exactly (`Roster::get`),
//! never guessed.
//! A miss names the close candidates ("did you mean"), so the wrong
//! "Johnson" is never signed on by a typo.

use crate::model::Roster;

use crate::names::{fold, id_base};

/// The hint for a signer typed where an id belongs: the close ids, or the
/// one Member the text names by name (`"Brad Sherman"`) or bioguide
/// (`S000344`), as a `--from` row would.
pub fn hint(roster: &Roster, text: &str) -> Option<String> {
    use super::resolve::{Reference, Resolution, describe, resolve};
    if let Some(ids) = did_you_mean(roster, text) {
        return Some(ids);
    }
    let r = Reference {
        bioguide: Some(text),
        name: Some(text),
        ..Reference::default()
    };
    match resolve(roster, &r) {
        // The text is tried as both: the one it is not fits no one.
        Resolution::One(s) | Resolution::Disagree(s, _) => {
            Some(format!("did you mean {}?", describe(s)))
        }
        _ => None,
    }
}

/// The most ids one "did you mean" offers: a common surname (eight
/// Johnsons) would otherwise fill the line, and the user reads five at a glance.
const MAX_OFFERED: usize = 5;

/// "did you mean `a` or `b`?" for an id not in the roster, if anything is close.
pub fn did_you_mean(roster: &Roster, id: &str) -> Option<String> {
    let hits = suggestions(roster, id);
    if hits.is_empty() {
        return None;
    }
    let list: Vec<String> = hits
        .iter()
        .take(MAX_OFFERED)
        .map(|h| format!("`{h}`"))
        .collect();
    Some(format!("did you mean {}?", list.join(" or ")))
}

/// Ids a mistyped id may have meant: ids within
/// [`MAX_EDITS`](crate::diag::MAX_EDITS) edits, and ids for
/// the same surname (`garcia` → `garcia-il`, `garcia-tx`; `velázquez` →
/// `velazquez`). Suggestions only: nothing is ever picked for the user.
pub fn suggestions<'r>(roster: &'r Roster, id: &str) -> Vec<&'r str> {
    let wanted = id_base(id);
    // `sanchez-ca`: a state suffix the roster does not use (its only
    // Sánchez is `sanchez`) is dropped, and the surname looked up.
    let wanted = match wanted.rsplit_once('-') {
        Some((base, st)) if st.len() == 2 && !roster.signers.iter().any(|s| s.id.0 == wanted) => {
            base.to_string()
        }
        _ => wanted,
    };
    let mut hits: Vec<&str> = roster
        .signers
        .iter()
        .filter(|s| {
            let sid = s.id.0.as_str();
            id_base(&s.sort_as) == wanted
                || sid
                    .strip_prefix(&wanted)
                    .is_some_and(|r| r.starts_with('-'))
        })
        .map(|s| s.id.0.as_str())
        .collect();
    let ids = roster.signers.iter().map(|s| s.id.0.as_str());
    if let Some(near) = crate::diag::suggest(&fold(id), ids)
        && !hits.contains(&near)
    {
        hits.insert(0, near);
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{Signer, SignerId};

    fn roster(rows: &[(&str, &str)]) -> Roster {
        let mut r = Roster::default();
        for (id, sort_as) in rows {
            r.push(Signer::house(id, sort_as, sort_as));
        }
        r
    }

    #[test]
    fn exact_or_suggestions() {
        let r = roster(&[
            ("velazquez", "Velázquez"),
            ("johnson-ga", "Johnson"),
            ("johnson-sd", "Johnson"),
            ("garcia-il", "García"),
        ]);
        assert!(
            r.get(&SignerId("velazquez".into())).is_some(),
            "exact ids match"
        );
        let hint = |id| did_you_mean(&r, id);
        assert_eq!(
            hint("johnson").as_deref(),
            Some("did you mean `johnson-ga` or `johnson-sd`?")
        );
        assert_eq!(
            hint("velázquez").as_deref(),
            Some("did you mean `velazquez`?")
        );
        assert_eq!(hint("garcia").as_deref(), Some("did you mean `garcia-il`?"));
        assert_eq!(hint("zzz"), None, "nothing close: no guess");
    }
}

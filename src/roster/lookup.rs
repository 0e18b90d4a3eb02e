//! Signer ids typed on the command line: matched exactly, never guessed.
//! A miss names the close candidates ("did you mean"), so the wrong
//! "Johnson" is never signed on by a typo.

use crate::model::{Roster, Signer, SignerId};

use super::names::{fold, id_base};

/// The signer with exactly this id, or a one-line error with suggestions
/// (see [`suggestions`]).
pub fn lookup<'r>(roster: &'r Roster, id: &str) -> Result<&'r Signer, String> {
    if let Some(s) = roster.get(&SignerId(id.to_string())) {
        return Ok(s);
    }
    let mut msg = format!("unknown signer `{id}`: no such id in signers.toml");
    if let Some(hint) = did_you_mean(roster, id) {
        msg.push_str(&format!("\n  = help: {hint}"));
    }
    Err(msg)
}

/// "did you mean `a` or `b`?" for an id not in the roster, if anything is close.
pub fn did_you_mean(roster: &Roster, id: &str) -> Option<String> {
    let hits = suggestions(roster, id);
    if hits.is_empty() {
        return None;
    }
    let list: Vec<String> = hits.iter().take(5).map(|h| format!("`{h}`")).collect();
    Some(format!("did you mean {}?", list.join(" or ")))
}

/// Ids a mistyped id may have meant: ids within edit distance 2, and ids for
/// the same surname (`garcia` → `garcia-il`, `garcia-tx`; `velázquez` →
/// `velazquez`). Suggestions only: nothing is ever picked for the user.
pub fn suggestions<'r>(roster: &'r Roster, id: &str) -> Vec<&'r str> {
    let wanted = id_base(id);
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
        assert_eq!(lookup(&r, "velazquez").unwrap().sort_as, "Velázquez");
        let err = lookup(&r, "johnson").unwrap_err();
        assert!(
            err.ends_with("did you mean `johnson-ga` or `johnson-sd`?"),
            "{err}"
        );
        let err = lookup(&r, "velázquez").unwrap_err();
        assert!(err.ends_with("did you mean `velazquez`?"), "{err}");
        let err = lookup(&r, "garcia").unwrap_err();
        assert!(err.ends_with("did you mean `garcia-il`?"), "{err}");
        assert!(lookup(&r, "zzz").unwrap_err().ends_with("signers.toml"));
    }
}

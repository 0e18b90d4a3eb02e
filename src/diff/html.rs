//! The HTML view of a [`Report`]: `templates/diff.html`, a self-contained
//! page to e-mail to an office — removed words struck through in `<del>`,
//! added words in `<ins>`, each changed part under its label.
//!
//! Every string is settled here so the template only loops and branches;
//! askama escapes it all, and nothing from TOML is marked safe.

use std::path::Path;

use askama::Template;

use super::report::{Basis, Group, Report};
use super::text::{CONTEXT, short};
use super::{Piece, collapsed};
use crate::error::Error;
use crate::model::{Roster, SignerId};

/// The page.
#[derive(Template)]
#[template(path = "diff.html")]
struct DiffPage {
    title: String,
    letter_id: String,
    letter_title: String,
    current: String,
    groups: Vec<GroupView>,
    notes: Vec<String>,
}

/// One group of signers on the same approved text.
struct GroupView {
    /// Their names, "Brad Sherman; Judy Chu".
    signers: String,
    signed: String,
    text: String,
    found: String,
    missing: String,
    summary: String,
    parts: Vec<PartView>,
}

/// One changed part.
struct PartView {
    label: String,
    pieces: Vec<PieceView>,
}

/// One piece: `kind` is "same", "del", "ins" or "gap".
struct PieceView {
    kind: &'static str,
    text: String,
}

/// The page as a string. Signers are named as the roster prints them: the
/// page goes to offices, who know "Brad Sherman", not `sherman`.
pub fn render(r: &Report, roster: &Roster) -> String {
    let page = DiffPage {
        title: format!("What changed in “{}”", r.title),
        letter_id: r.letter.clone(),
        letter_title: r.title.clone(),
        current: short(&r.current),
        groups: r.groups.iter().map(|g| group(g, roster)).collect(),
        // Backticks mark ids in the terminal; on a page they are noise.
        notes: r.notes.iter().map(|n| n.replace('`', "")).collect(),
    };
    page.render()
        .expect("the template only formats plain strings")
}

/// Writes the page to `path` atomically, through the output guard
/// ([`crate::output::write`]).
pub fn write(
    r: &Report,
    roster: &Roster,
    path: &Path,
    guard: &crate::output::Guard,
) -> Result<crate::output::Written, Error> {
    crate::output::write(path, render(r, roster).as_bytes(), guard)
}

/// The signers' printed names (an id the roster lacks stays as it is).
fn names(ids: &[String], roster: &Roster) -> String {
    ids.iter()
        .map(|id| {
            roster
                .get(&SignerId(id.clone()))
                .map_or(id.as_str(), |s| s.name.as_str())
        })
        .collect::<Vec<_>>()
        // Not a comma: "Frank Pallone, Jr." holds one.
        .join("; ")
}

fn group(g: &Group, roster: &Roster) -> GroupView {
    let redline = g.basis.redline();
    GroupView {
        signers: names(&g.signers, roster),
        signed: g
            .dates
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        text: short(&g.fingerprint),
        found: match &g.basis {
            Basis::Git { commit, .. } => format!(
                "The approved text was not kept; it was found in git, commit {}.",
                &commit[..commit.len().min(12)]
            ),
            _ => String::new(),
        },
        missing: match &g.basis {
            Basis::Missing(why) => format!("No redline: {}.", why.replace('`', "")),
            _ => String::new(),
        },
        summary: redline.map_or_else(String::new, |r| match r.parts.is_empty() {
            true => "No words changed.".to_string(),
            false => format!("Changed: {}.", r.summary()),
        }),
        parts: redline.map_or_else(Vec::new, |r| {
            r.parts
                .iter()
                .map(|p| PartView {
                    label: p.label.clone(),
                    pieces: collapsed(&p.pieces, CONTEXT)
                        .iter()
                        .flat_map(piece)
                        .collect(),
                })
                .collect()
        }),
    }
}

fn piece(p: &Piece) -> Vec<PieceView> {
    let view = |kind, text: &str| PieceView {
        kind,
        text: text.to_string(),
    };
    match p {
        Piece::Same(s) => vec![view("same", s)],
        Piece::Gap => vec![view("gap", "…")],
        Piece::Changed { old, new } => [("del", old), ("ins", new)]
            .into_iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(k, t)| view(k, t))
            .collect(),
    }
}

//! The HTML view of [`LetterStatus`]: `templates/status.html`, a
//! self-contained page for the office screen, written atomically.
//!
//! Every string is settled here so the template only loops and branches;
//! askama escapes it all, and nothing from TOML is marked safe.

use std::path::Path;

use askama::Template;
use chrono::{DateTime, FixedOffset};

use super::{LetterStatus, Row, deadline_text, when_text};
use crate::error::Error;
use crate::model::Standing;

/// The page.
#[derive(Template)]
#[template(path = "status.html")]
struct StatusPage {
    title: String,
    as_of: String,
    letters: Vec<LetterView>,
}

/// One letter's section.
struct LetterView {
    id: String,
    title: String,
    deadline: String,
    signed: usize,
    total: usize,
    bar_max: usize,
    summary: String,
    ready: bool,
    /// Shown with their ids as `<code>`.
    reasons: Vec<crate::ledger::Reason>,
    rows: Vec<RowView>,
}

/// One signer's table row.
struct RowView {
    name: String,
    lead: bool,
    seat: String,
    state: &'static str,
    class: &'static str,
    when: String,
    by: String,
    note: String,
    /// For a stale signature, what changed since; empty otherwise.
    changed: String,
}

/// The page as a string.
pub fn render(all: &[LetterStatus], now: DateTime<FixedOffset>) -> String {
    let as_of = now.format("%Y-%m-%d %H:%M %:z").to_string();
    let page = StatusPage {
        title: format!("Sign-on status as of {as_of}"),
        as_of,
        letters: all.iter().map(|s| letter(s, now)).collect(),
    };
    page.render()
        .expect("the template only formats plain strings")
}

/// Writes the page to `path` through [`crate::output::write`]: a temporary
/// file renamed into place, so a screen refreshing it never shows half a page.
pub fn write(
    all: &[LetterStatus],
    now: DateTime<FixedOffset>,
    path: &Path,
    guard: &crate::output::Guard,
) -> Result<crate::output::Written, Error> {
    crate::output::write(path, render(all, now).as_bytes(), guard)
}

fn letter(s: &LetterStatus, now: DateTime<FixedOffset>) -> LetterView {
    LetterView {
        id: s.id.clone(),
        title: s.title.clone(),
        deadline: deadline_text(s),
        signed: s.totals.signed,
        total: s.totals.total,
        // `<progress max="0">` is invalid HTML.
        bar_max: s.totals.total.max(1),
        summary: s.totals.summary(),
        ready: s.gate.is_ok(),
        reasons: s.gate.as_ref().err().cloned().unwrap_or_default(),
        rows: s.rows.iter().map(|r| row(r, now)).collect(),
    }
}

fn row(r: &Row, now: DateTime<FixedOffset>) -> RowView {
    RowView {
        name: r.name.clone(),
        lead: r.lead,
        seat: r.seat.clone(),
        state: r.state_text(),
        class: match r.standing {
            Standing::Signed { verified: true } => "signed",
            Standing::Signed { verified: false } => "unverified",
            Standing::Stale => "stale",
            Standing::Declined => "declined",
            Standing::Withdrawn => "withdrawn",
            Standing::NoAnswer => "no-answer",
        },
        when: when_text(r.at, now),
        by: crate::validate::text::visible(r.by.as_deref().unwrap_or_default(), false),
        note: crate::validate::text::visible(r.note.as_deref().unwrap_or_default(), true),
        changed: r.changed.as_ref().map(|c| c.text()).unwrap_or_default(),
    }
}

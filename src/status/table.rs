//! The terminal view of [`LetterStatus`]: a table per letter, or one line a
//! letter for the overview. Columns are padded by display width, so an
//! accented name ("Velázquez") lines up; the state is always in words, and
//! color, when asked for, only repeats it.

use anstyle::{AnsiColor, Style};
use chrono::{DateTime, FixedOffset};

use super::{LetterStatus, Row, days_text, deadline_text, when_text};
use crate::diag::plural;
use crate::grid::{Cell, cell, grid};
use crate::model::Standing;

fn num(n: usize) -> Cell {
    cell(n.to_string()).right()
}

/// One letter: title, deadline, a row per signer, totals and the final gate.
pub fn letter(s: &LetterStatus, now: DateTime<FixedOffset>, color: bool) -> String {
    let mut out = format!("{}: {}\n{}\n\n", s.id, s.title, deadline_text(s));
    let head = ["", "Signer", "Seat", "State", "When", "By"].map(cell);
    let body = s.rows.iter().map(|r| signer_row(r, now, color));
    let rows: Vec<Vec<Cell>> = std::iter::once(head.into()).chain(body).collect();
    out.push_str(&grid(&rows, ""));
    out.push('\n');
    out.push_str(&s.totals.summary());
    out.push('\n');
    out.push_str(&changed(s));
    match &s.gate {
        Ok(()) => out.push_str("ready to go final\n"),
        Err(reasons) => out.push_str(&list("not ready to go final", reasons)),
    }
    out
}

/// What changed for each stale signature, and the command that shows it.
fn changed(s: &LetterStatus) -> String {
    let lines: Vec<String> = s
        .rows
        .iter()
        .filter_map(|r| Some(format!("{}: {}", r.name, r.changed.as_ref()?.text())))
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    let head = format!(
        "changed since the stale signatures (`signon diff {}`)",
        s.id
    );
    list(&head, &lines)
}

/// A heading and its items, one a line, as the table's report lists them.
/// Not a [`crate::diag::Diagnostic`]'s notes: this is the report itself, on
/// standard output, and `note:` before the heading and before every item
/// read as noise in a table a coordinator scans every day.
fn list(head: &str, items: &[impl std::fmt::Display]) -> String {
    let mut out = format!("{head}:\n");
    for item in items {
        out.push_str(&format!("  - {item}\n"));
    }
    out
}

fn signer_row(r: &Row, now: DateTime<FixedOffset>, color: bool) -> Vec<Cell> {
    let state = cell(r.state_text()).styled(color.then(|| ansi(r.standing)));
    vec![
        cell(if r.lead { "lead" } else { "" }),
        cell(r.name.as_str()),
        cell(r.seat.as_str()),
        state,
        cell(when_text(r.at, now)),
        // Written by hand, `by` may hold a control character: never raw.
        cell(crate::validate::text::visible(
            r.by.as_deref().unwrap_or_default(),
            false,
        )),
    ]
}

/// Every letter, one line each, in the order given.
pub fn overview(all: &[LetterStatus], color: bool) -> String {
    if all.is_empty() {
        return "no letters in `letters/`: start one with `signon new ID`\n".to_string();
    }
    let head = [
        "Letter",
        "Deadline",
        "Left",
        "Signed",
        "Stale",
        "Declined",
        "Withdrawn",
        "No answer",
        "Of",
        "Final",
    ];
    let mut rows = vec![head.map(cell).into()];
    rows.extend(all.iter().map(|s| overview_row(s, color)));
    grid(&rows, "")
}

/// One letter's line of the overview.
fn overview_row(s: &LetterStatus, color: bool) -> Vec<Cell> {
    let t = &s.totals;
    let final_cell = match &s.gate {
        Ok(()) => cell("ready").styled(color.then_some(GREEN)),
        Err(r) => cell(format!("not ready ({})", plural(r.len(), "reason"))),
    };
    let deadline = s.deadline.map(|d| d.to_string());
    vec![
        cell(s.id.as_str()),
        cell(deadline.unwrap_or_else(|| "none".into())),
        cell(s.days_left.map(days_text).unwrap_or_default()),
        num(t.signed),
        num(t.stale),
        num(t.declined),
        num(t.withdrawn),
        num(t.no_answer),
        num(t.total),
        final_cell,
    ]
}

const GREEN: Style = AnsiColor::Green.on_default();

fn ansi(s: Standing) -> Style {
    match s {
        Standing::Signed { .. } => GREEN,
        Standing::Stale => AnsiColor::Yellow.on_default(),
        Standing::Declined | Standing::Withdrawn => AnsiColor::Red.on_default(),
        Standing::NoAnswer => Style::new().dimmed(),
    }
}

//! The terminal view of [`LetterStatus`]: a table per letter, or one line a
//! letter for the overview. Columns are padded by display width, so an
//! accented name ("Velázquez") lines up; the state is always in words, and
//! color, when asked for, only repeats it.

use anstyle::{AnsiColor, Style};
use chrono::{DateTime, FixedOffset};
use unicode_width::UnicodeWidthStr as _;

use super::{LetterStatus, Row, days_text, deadline_text, when_text};
use crate::diag::plural;
use crate::model::Standing;

/// One cell: its text, an optional terminal style, and alignment.
pub(super) struct Cell {
    text: String,
    color: Option<Style>,
    right: bool,
}

pub(super) fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        color: None,
        right: false,
    }
}

fn num(n: usize) -> Cell {
    Cell {
        right: true,
        ..cell(n.to_string())
    }
}

/// One letter: title, deadline, a row per signer, totals and the final gate.
pub fn letter(s: &LetterStatus, now: DateTime<FixedOffset>, color: bool) -> String {
    let mut out = format!("{}: {}\n{}\n\n", s.id, s.title, deadline_text(s));
    let head = ["", "Signer", "Seat", "State", "When", "By"].map(cell);
    let body = s.rows.iter().map(|r| signer_row(r, now, color));
    out.push_str(&grid(std::iter::once(head.into()).chain(body).collect()));
    out.push('\n');
    out.push_str(&s.totals.summary());
    out.push('\n');
    out.push_str(&changed(s));
    match &s.gate {
        Ok(()) => out.push_str("ready to go final\n"),
        Err(reasons) => {
            out.push_str("not ready to go final:\n");
            reasons
                .iter()
                .for_each(|r| out.push_str(&format!("  - {r}\n")));
        }
    }
    out
}

/// What changed for each stale signature, and the command that shows it.
fn changed(s: &LetterStatus) -> String {
    let lines: String = s
        .rows
        .iter()
        .filter_map(|r| Some(format!("  - {}: {}\n", r.name, r.changed.as_ref()?.text())))
        .collect();
    if lines.is_empty() {
        return lines;
    }
    format!(
        "changed since the stale signatures (`signon diff {}`):\n{lines}",
        s.id
    )
}

fn signer_row(r: &Row, now: DateTime<FixedOffset>, color: bool) -> Vec<Cell> {
    let state = Cell {
        color: color.then(|| ansi(r.standing)),
        ..cell(r.state_text())
    };
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
    grid(rows)
}

/// One letter's line of the overview.
fn overview_row(s: &LetterStatus, color: bool) -> Vec<Cell> {
    let t = &s.totals;
    let final_cell = match &s.gate {
        Ok(()) => Cell {
            color: color.then_some(GREEN),
            ..cell("ready")
        },
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

/// Lays rows out in columns two spaces apart, padded by display width, with
/// no trailing spaces.
pub(super) fn grid(rows: Vec<Vec<Cell>>) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|x| x.text.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (c, x) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - x.text.width());
            let text = match x.color {
                Some(style) => format!("{}{}{}", style.render(), x.text, style.render_reset()),
                None => x.text.clone(),
            };
            let sep = if c == 0 { "" } else { "  " };
            if x.right {
                line.push_str(&format!("{sep}{pad}{text}"));
            } else {
                line.push_str(&format!("{sep}{text}{pad}"));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_names_line_up() {
        let rows = vec![
            vec![cell("Nydia M. Velázquez"), cell("x")],
            vec![cell("Nydia M. Velazquez"), cell("y")],
        ];
        let out = grid(rows);
        let cols: Vec<usize> = out.lines().map(|l| l.width()).collect();
        assert_eq!(cols[0], cols[1], "{out}");
    }
}

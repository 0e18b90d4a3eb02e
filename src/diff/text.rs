//! The terminal view of a [`Report`]: per group of signers, each changed
//! part under its label, unchanged words collapsed to a few on each side of
//! a change. With color, removed words are red and struck through, added
//! words green and underlined; without, they are marked `[-removed-]` and
//! `{+added+}` (wdiff's markers), so the redline survives copy and paste.

use anstyle::{AnsiColor, Color, Style};

use super::report::{Basis, Group, Report};
use super::{Piece, Redline, collapsed};

/// Words of context kept on each side of a change.
pub const CONTEXT: usize = 6;

const REMOVED: Style = Style::new()
    .fg_color(Some(Color::Ansi(AnsiColor::Red)))
    .strikethrough();
const ADDED: Style = Style::new()
    .fg_color(Some(Color::Ansi(AnsiColor::Green)))
    .underline();
const LABEL: Style = Style::new().bold();

/// The whole report as text.
pub fn render(r: &Report, color: bool) -> String {
    let mut out = format!("{}: {}\n", r.letter, r.title);
    out.push_str(&format!("current text {}\n", short(&r.current)));
    if r.groups.is_empty() && r.notes.is_empty() {
        out.push_str(&format!(
            "\nno stale signatures on `{}`: everyone who signed approved the current text\n",
            r.letter
        ));
    }
    for g in &r.groups {
        out.push('\n');
        out.push_str(&group(g, color));
    }
    if !r.notes.is_empty() {
        out.push('\n');
    }
    for n in &r.notes {
        out.push_str(&format!("{n}\n"));
    }
    out
}

/// "sherman, chu — signed 2025-02-03, text sha256:ab12…", then the redline.
fn group(g: &Group, color: bool) -> String {
    let dates: Vec<String> = g.dates.iter().map(|d| d.to_string()).collect();
    let mut out = format!(
        "{} — signed {}, text {}\n",
        g.signers.join(", "),
        dates.join(", "),
        short(&g.fingerprint)
    );
    if let Basis::Git { commit, .. } = &g.basis {
        out.push_str(&format!(
            "the approved text was not kept; found in git, commit {}\n",
            &commit[..commit.len().min(12)]
        ));
    }
    let Some(redline) = g.basis.redline() else {
        if let Basis::Missing(why) = &g.basis {
            out.push_str(&format!("no redline: {why}\n"));
        }
        return out;
    };
    out.push_str(&parts(redline, color));
    out
}

/// A redline alone: "changed: …", then each changed part under its label,
/// as `signon diff` prints it (also what `signon remind` quotes).
pub fn parts(redline: &Redline, color: bool) -> String {
    let mut out = String::new();
    if redline.parts.is_empty() {
        out.push_str("no words changed: only the markup or the order of the parts\n");
    } else {
        out.push_str(&format!("changed: {}\n", redline.summary()));
    }
    for part in &redline.parts {
        let label = paint(&part.label, LABEL, color);
        out.push_str(&format!("\n  {label}\n    "));
        for piece in collapsed(&part.pieces, CONTEXT) {
            out.push_str(&piece_text(&piece, color).replace('\n', "\n    "));
        }
        out.push('\n');
    }
    out
}

fn piece_text(p: &Piece, color: bool) -> String {
    match p {
        Piece::Same(s) => s.clone(),
        Piece::Gap => "…".to_string(),
        Piece::Changed { old, new } if color => {
            let del = if old.is_empty() {
                String::new()
            } else {
                paint(old, REMOVED, true)
            };
            let ins = if new.is_empty() {
                String::new()
            } else {
                paint(new, ADDED, true)
            };
            // Colors alone do not part two words: "renewoppose" reads as one.
            let apart = !del.is_empty()
                && !ins.is_empty()
                && !old.ends_with(char::is_whitespace)
                && !new.starts_with(char::is_whitespace);
            del + if apart { " " } else { "" } + &ins
        }
        Piece::Changed { old, new } => {
            let del = if old.is_empty() {
                String::new()
            } else {
                format!("[-{old}-]")
            };
            let ins = if new.is_empty() {
                String::new()
            } else {
                format!("{{+{new}+}}")
            };
            del + &ins
        }
    }
}

fn paint(text: &str, style: Style, color: bool) -> String {
    if color {
        format!("{style}{text}{style:#}")
    } else {
        text.to_string()
    }
}

/// A shortened fingerprint's length: `sha256:` and twelve hex digits, as
/// git shortens a commit: plenty to tell a letter's versions apart.
const SHORT: usize = "sha256:".len() + 12;

/// "sha256:9db8cf4af8af…": enough to tell versions apart at a glance.
pub fn short(fingerprint: &str) -> String {
    match fingerprint.get(..SHORT) {
        Some(head) if fingerprint.len() > SHORT => format!("{head}…"),
        _ => fingerprint.to_string(),
    }
}

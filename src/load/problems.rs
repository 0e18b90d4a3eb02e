//! What a letter or `signers.toml` that does not parse is told: the toml
//! crate's errors as diagnostics, worded for people (a date in another
//! form, a misspelt key, a repeated one), and the markers an unresolved git
//! merge leaves, found before the parser trips over them.

use std::sync::Arc;

use crate::diag::{Diagnostic, Source};

/// Lines left by an unresolved git merge (`<<<<<<<`, `=======`, `>>>>>>>`):
/// one clear error at the start of each conflict, instead of the dozen syntax
/// errors the markers would otherwise cause.
pub(super) fn conflict_markers(source: &Arc<Source>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in source.text.split_inclusive('\n') {
        if opens_conflict(line) {
            let end = offset + line.trim_end().len();
            out.push(
                Diagnostic::error(source, offset..end, "unresolved merge conflict")
                    .with_label("git left this marker when two copies of the file were merged")
                    .with_hint("keep each side's text whole, one after the other, and delete the three marker lines (`<<<<<<<`, `=======`, `>>>>>>>`)")
                    .with_hint("in the ledger git may split the conflict inside an event: keep each side's `[[signoff]]` events whole; both coordinators' events belong"),
            );
        }
        offset += line.len();
    }
    out
}

/// Whether a line is the `<<<<<<<` that opens a conflict an unresolved git
/// merge left (with or without its line ending): the one test, for loading
/// and for the ledger's writer, which refuses to append to such a file.
pub(crate) fn opens_conflict(line: &str) -> bool {
    line.starts_with("<<<<<<< ") || line.trim_end() == "<<<<<<<"
}

/// A toml error as a diagnostic: its first line as the message, its span as the place.
pub(crate) fn diagnostic(source: &Arc<Source>, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().unwrap_or(0..0);
    let message = e.message().trim();
    let message = message.lines().next().unwrap_or("invalid TOML");
    let typed = source.text.get(span.clone()).unwrap_or_default();
    if let Some(iso) = other_date_form(typed) {
        // toml would say "string values must be quoted": wrong advice for
        // a date, which must be written year-month-day instead.
        return Diagnostic::error(source, span, format!("write dates as `{iso}`"))
            .with_label("a TOML date is year-month-day, without quotes");
    }
    let mut diag = match message {
        // toml says only "duplicate key": name it, since the caret may sit on
        // any key of a repeated table.
        "duplicate key" => {
            let key = source.text.get(span.clone()).unwrap_or_default();
            Diagnostic::error(source, span.clone(), format!("duplicate key `{key}`"))
                .with_label("defined earlier in this file")
        }
        _ => Diagnostic::error(source, span.clone(), lowercase_first(message)),
    };
    if let Some(hint) = unknown_key_hint(message) {
        diag = diag.with_hint(hint);
    }
    if message.contains("expected a TOML datetime") {
        diag = diag.with_hint("write dates without quotes, like `date = 2025-02-06`");
    }
    diag
}

/// A date typed in another form (`12/10/2026`, `10.12.2026`, `2026/12/10`)
/// as the TOML date it means: month first when the year is last, as in the
/// United States.
fn other_date_form(typed: &str) -> Option<String> {
    let parts: Vec<&str> = typed.trim().split(['/', '.', '-']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = match (a.len(), c.len()) {
        (4, _) => (num(a)?, num(b)?, num(c)?),
        (_, 4) => (num(c)?, num(a)?, num(b)?),
        _ => return None,
    };
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// For serde's "unknown field `x`, expected one of `a`, `b`", a "did you
/// mean" hint from the expected names.
fn unknown_key_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (wrong, expected) = rest.split_once('`')?;
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    crate::diag::suggest(wrong, names.iter().copied()).map(|s| format!("did you mean `{s}`?"))
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if !s.starts_with("TOML") => c.to_lowercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

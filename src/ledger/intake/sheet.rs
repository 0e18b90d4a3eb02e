//! The CSV side of a responses file: its rows as the csv crate reads them,
//! where each starts in the text, and its reading errors as diagnostics.

use std::sync::Arc;

use crate::diag::{Diagnostic, Source};

/// The rows that are not blank, and a diagnostic for each of the wrong
/// length; `Err` when the file cannot be read on.
pub(super) fn records(
    src: &Arc<Source>,
    mut reader: csv::Reader<&[u8]>,
) -> Result<(Vec<csv::StringRecord>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (mut records, mut diags) = (Vec::new(), Vec::new());
    for record in reader.records() {
        match record {
            Ok(r) if r.iter().all(str::is_empty) => {}
            Ok(r) => records.push(r),
            Err(e) => {
                diags.push(csv_error(src, &e));
                // After a row of the wrong length reading goes on; after
                // anything else the rest cannot be trusted.
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    return Err(diags);
                }
            }
        }
    }
    Ok((records, diags))
}

/// A reading error at its row.
pub(super) fn csv_error(src: &Arc<Source>, e: &csv::Error) -> Diagnostic {
    let why = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} cells but the header has {expected_len}"),
        _ => format!("unreadable CSV: {e}"),
    };
    let hint = "quote a cell that holds a comma: `\"Garcia, Sylvia\"`";
    match e.position() {
        Some(p) => {
            let (start, _) = record_start(&src.text, Some(p));
            let d = Diagnostic::error(src, start..line_end(&src.text, start), why);
            match e.kind() {
                csv::ErrorKind::UnequalLengths { .. } => d.with_hint(hint),
                _ => d,
            }
        }
        None => Diagnostic::bare(Some(src), why),
    }
}

/// Where a record starts in `text` and its 1-based line. The csv crate puts
/// a record after a `\r\n` (Excel's, Python's line end) at the `\n`, and
/// after a blank line at the blank line: the row proper starts after them.
pub(super) fn record_start(text: &str, pos: Option<&csv::Position>) -> (usize, usize) {
    let at = pos.map_or(0, |p| p.byte() as usize).min(text.len());
    let rest = &text[at..];
    let start = at + rest.len() - rest.trim_start_matches(['\r', '\n']).len();
    let line = text.as_bytes()[..start]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    (start, line)
}

/// The byte offset where the line holding `start` ends.
pub(super) fn line_end(text: &str, start: usize) -> usize {
    let start = start.min(text.len());
    text[start..]
        .find(['\r', '\n'])
        .map_or(text.len(), |i| start + i)
}

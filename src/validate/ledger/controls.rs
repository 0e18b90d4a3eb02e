//! Control characters and right-to-left marks in an event's `by` and `note`,
//! which `status` and `log` print: written by hand (`by = "X\u001b[2JY"`),
//! they would reach a terminal raw. Each is an error at its value.

use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Diagnostic, Source};
use crate::load::raw;
use crate::validate::text;

/// Reports a control character or a right-to-left mark in `e`'s `by` or
/// `note` (a note may run over lines); `header` is the event's header span.
pub(super) fn check(
    src: &Arc<Source>,
    e: &raw::SignOff,
    header: Range<usize>,
    diags: &mut Vec<Diagnostic>,
) {
    for (key, value, lines) in [("by", &e.by, false), ("note", &e.note, true)] {
        let Some(value) = value else { continue };
        let Some((_, c)) = text::unprintable(value, lines) else {
            continue;
        };
        let at = value_span(&src.text, header.clone(), key);
        diags.push(
            Diagnostic::error(
                src,
                at,
                format!("{} `{}` in `{key}`", text::what_mark(c), c.escape_unicode()),
            )
            .with_hint("remove it: `by` and `note` are printable text"),
        );
    }
}

/// The span of `key`'s value in the event whose header is `header`: the
/// rest of its `key = …` line, or the header when it is not found (a key
/// written as part of an inline table).
fn value_span(text: &str, header: Range<usize>, key: &str) -> Range<usize> {
    let mut at = text[header.end..]
        .find('\n')
        .map_or(text.len(), |n| header.end + n + 1);
    for line in text[at..].split_inclusive('\n') {
        let body = line.trim_start();
        if body.starts_with('[') {
            break;
        }
        let rest = body.strip_prefix(key).map(str::trim_start);
        if let Some(value) = rest.and_then(|r| r.strip_prefix('=')) {
            let start = at + (line.len() - value.trim_start().len());
            let end = at + line.trim_end().len();
            return start..end.max(start);
        }
        at += line.len();
    }
    header
}

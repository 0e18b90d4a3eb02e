//! A torn tail: the last `[[signoff]]` of `signers.toml` cut short by a crash
//! or a full disk during a write.
//!
//! Events are appended at the end, so damage from an interrupted write can
//! only be there: a partial event that does not parse, or parses but lacks a
//! required key. It is reported with its line and how to repair it — never
//! dropped silently, since the event it was recording may matter — and no
//! event is appended after it until someone has looked.
//!
//! A file holding git conflict markers is never torn: two coordinators'
//! events merged by git look like a cut event, but "delete to the end"
//! would throw both away. The conflict is reported instead (`load`).

use std::sync::Arc;

use crate::diag::{Diagnostic, Source};
use crate::load::raw;

mod written;
pub(super) use written::as_written;

/// The keys an event cannot do without.
const REQUIRED: [&str; 4] = ["letter", "signer", "status", "at"];

/// Where the incomplete last event starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Torn {
    /// Byte offset of the start of its `[[signoff]]` line.
    pub offset: usize,
    /// Its 1-based line.
    pub line: usize,
}

impl Torn {
    fn headline(&self) -> String {
        format!(
            "the last sign-off event at line {} is incomplete — was a write interrupted?",
            self.line
        )
    }

    fn hints(&self) -> [String; 2] {
        [
            format!(
                "to repair: delete from line {} to the end of the file, then record that event again (e.g. `signon sign LETTER SIGNER`)",
                self.line
            ),
            "the events above it are intact; `signon check` confirms the repair".to_string(),
        ]
    }

    /// The refusal of an append to a ledger cut short.
    pub fn refusal(&self) -> Diagnostic {
        let [a, b] = self.hints();
        let message = format!("refusing to append to `signers.toml`: {}", self.headline());
        Diagnostic::bare(None, message).with_hint(a).with_hint(b)
    }

    /// The diagnostic `check` reports, pointing at the event.
    pub fn diagnostic(&self, src: &Arc<Source>) -> Diagnostic {
        let end = src.text[self.offset..]
            .find('\n')
            .map_or(src.text.len(), |n| self.offset + n);
        let [a, b] = self.hints();
        Diagnostic::error(src, self.offset..end, self.headline())
            .with_label("this event is cut short")
            .with_hint(a)
            .with_hint(b)
    }
}

/// Finds a torn last event in the text of `signers.toml`.
///
/// The tail from the last table header is parsed on its own, which is cheap
/// however long the ledger grows. Only when it looks torn is the whole file
/// parsed, to rule out a header that merely sits inside a multi-line string.
pub fn torn_tail(text: &str) -> Option<Torn> {
    if conflict_line(text).is_some() {
        return None;
    }
    let offset = last_header(text)?;
    let tail = &text[offset..];
    // A write cut short leaves a prefix of what signon writes; anything else
    // at the end (a comment, garbage, a control character, an unknown key)
    // is an ordinary mistake, reported where it is — never a tear whose
    // repair would delete the whole events above it.
    if !as_written(tail) {
        return None;
    }
    let header = tail.lines().next().unwrap_or("").trim();
    let torn = if header.starts_with("[[signoff]]") {
        incomplete(tail)
    } else {
        // A header cut short ("[[sign") can only be a torn event at the very end.
        tail.trim_end() == header && "[[signoff]]".starts_with(header)
    };
    if !torn || parses(text) {
        return None;
    }
    let line = text[..offset].matches('\n').count() + 1;
    Some(Torn { offset, line })
}

/// The 1-based line of the first `<<<<<<<` marker an unresolved git merge
/// left in `text`, recognized as `load` recognizes it.
pub(super) fn conflict_line(text: &str) -> Option<usize> {
    text.lines()
        .position(crate::load::problems::opens_conflict)
        .map(|i| i + 1)
}

/// True when the whole file loads without a problem.
fn parses(text: &str) -> bool {
    let source = Source::new(
        std::path::Path::new(crate::load::SIGNERS_FILE),
        text.to_string(),
    );
    <raw::SignersFile as crate::load::FileKind>::parse(&source)
        .1
        .is_empty()
}

/// True when a `[[signoff]]` tail is cut short: it lacks a required key, or
/// does not parse because of its last line. A write cut short leaves a
/// prefix of a good event, so an error further up (a key given twice where
/// a merge mixed two events) is an ordinary mistake, not a torn write.
fn incomplete(tail: &str) -> bool {
    let table = match toml::from_str::<toml::Table>(tail) {
        Ok(table) => table,
        Err(e) => {
            let last_line = tail.trim_end().rfind('\n').map_or(0, |i| i + 1);
            return e.span().is_none_or(|s| s.end >= last_line);
        }
    };
    let event = table
        .get("signoff")
        .and_then(|v| v.as_array())
        .and_then(|a| a.last())
        .and_then(|v| v.as_table());
    let Some(e) = event else { return true };
    // A value cut short can still parse, as another type (`at = 2` of
    // `at = 2025-…`): wrong on the last line, it is torn too.
    let last = tail
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .trim_start();
    REQUIRED.iter().any(|k| match e.get(*k) {
        None => true,
        Some(v) => {
            let right = if *k == "at" {
                v.is_datetime()
            } else {
                v.is_str()
            };
            !right && last.starts_with(k)
        }
    })
}

/// The byte offset of the last line that starts (after indentation) with `[`.
fn last_header(text: &str) -> Option<usize> {
    let mut found = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            found = Some(start + (line.len() - line.trim_start().len()));
        }
        start += line.len();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "[signers.a]\nname = \"A\"\nchamber = \"house\"\n\n\
        [[signoff]]\nletter = \"l\"\nsigner = \"a\"\nstatus = \"signed\"\nat = 2025-02-01T12:00:00Z\n";

    #[test]
    fn complete_files_are_not_torn() {
        assert_eq!(torn_tail(HEAD), None);
        assert_eq!(
            torn_tail("[signers.a]\nname = \"A\"\nchamber = \"house\"\n"),
            None
        );
        assert_eq!(torn_tail(""), None);
    }

    #[test]
    fn cut_events_are_torn_at_their_header() {
        let cuts = [
            "\n[[signoff]]\nletter = \"l\"\nsig",
            "\n[[signoff]]\nletter = \"l\"\nsigner = \"a\"\n",
            "\n[[signoff]]\nletter = \"l\"\nsigner = \"a\"\nstatus = \"signed\"\nat = 2025-02-0",
            "\n[[signoff]]\nletter = \"l\"\nsigner = \"a\"\nnote = \"half a no",
            "\n[[signoff]]\n",
            "\n[[sign",
            "\n[[signoff]]\nletter = \"l\"\nsigner = \"a\"\nstatus = \"signed\"\nat = 2",
        ];
        for cut in cuts {
            let text = format!("{HEAD}{cut}");
            assert_eq!(
                torn_tail(&text),
                Some(Torn {
                    offset: HEAD.len() + 1,
                    line: 11
                }),
                "{cut:?}"
            );
        }
    }

    #[test]
    fn ordinary_mistakes_are_not_torn() {
        let typo = format!(
            "{HEAD}\n[[signoff]]\nletter = \"l\"\nsigner = \"a\"\nstatus = \"signed\"\nat = 2025-02-01T12:00:00Z\nstauts = 1\n"
        );
        assert_eq!(torn_tail(&typo), None);
        let roster = "[signers.a]\nname = \"A\n";
        assert_eq!(torn_tail(roster), None);
        // Two events mixed into one (conflict markers deleted by hand).
        let mixed = format!(
            "{HEAD}\n[[signoff]]\nletter = \"l\"\nsigner = \"a\"\nsigner = \"b\"\nstatus = \"signed\"\nat = 2025-02-01T12:00:00Z\n"
        );
        assert_eq!(torn_tail(&mixed), None);
    }

    /// Text after a whole last event that signon never writes is a mistake
    /// at its place, not a tear: "delete to the end" would take the event.
    #[test]
    fn stray_text_after_the_last_event_is_not_torn() {
        let strays = [
            "# c \u{1b}[2J\n",
            "garbage\n",
            "\0",
            "\u{7f}\n",
            "stauts = \"signed\"\n",
            "note = \"a\u{1b}b",
            "\n[[signoff]]\nletter = \"l\" garb",
            "\n[[signoff]]\nat = 2025 x",
            "\n[[signoff]]\nletter = \"l\" # a comment\n",
        ];
        for stray in strays {
            assert_eq!(torn_tail(&format!("{HEAD}{stray}")), None, "{stray:?}");
        }
    }

    /// Two coordinators' events merged by git: the conflict sits inside the
    /// last event, which must not be taken for a torn write and cut.
    #[test]
    fn merge_conflicts_are_not_torn() {
        let merged = format!(
            "{HEAD}\n[[signoff]]\nletter = \"l\"\n<<<<<<< HEAD\nsigner = \"a\"\n=======\n\
             signer = \"b\"\n>>>>>>> 6d58345\nstatus = \"signed\"\nat = 2025-02-01T12:00:00Z\n"
        );
        assert_eq!(torn_tail(&merged), None);
        assert_eq!(conflict_line(&merged), Some(13));
        assert_eq!(conflict_line(HEAD), None);
    }
}

//! Diagnostics: the one type every stage and command uses to report a
//! problem, in a file or not, and its rendering as `path:line:col: error:
//! message` plus a source snippet.
//!
//! Every error, warning and note a user sees goes through [`Diagnostic`]:
//! commands print them with [`crate::Context::warn`] and `main` prints a
//! failed command's through [`crate::Error::render`], in color or not (see
//! [`paint`]). Lines and columns are computed from byte offsets by
//! codespan-reporting over the line starts a [`Source`] computes once.

mod paint;
mod source;

use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use paint::Painted;
pub use source::Source;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something the user may want to know; never a problem.
    Note,
    /// Reported, but the command still succeeds.
    Warning,
    /// The input is invalid: exit code 1.
    Error,
}

/// One problem, with where it is and how to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file it is in; `None` for problems not tied to a file.
    pub source: Option<Arc<Source>>,
    /// Byte range in the file.
    pub span: Option<Range<usize>>,
    /// What is wrong: lowercase, no final period, values in backticks.
    pub message: String,
    /// A short note printed under the caret.
    pub label: Option<Box<str>>,
    /// `help:` lines.
    pub hints: Vec<String>,
    /// `note:` lines: facts behind the message, such as each reason a
    /// command was refused. (A boxed slice: rarely set, and it keeps a
    /// `Result<_, Diagnostic>` within clippy's size for an error.)
    pub notes: Box<[String]>,
}

impl Diagnostic {
    /// An error at a span of a file.
    pub fn error(source: &Arc<Source>, span: Range<usize>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, Some(source), Some(span), message)
    }

    /// A warning at a span of a file.
    pub fn warning(source: &Arc<Source>, span: Range<usize>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, Some(source), Some(span), message)
    }

    /// An error about a whole file or no file at all.
    pub fn bare(path: Option<&Arc<Source>>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, None, message)
    }

    /// A warning tied to no place in a file.
    pub fn bare_warning(message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, None, None, message)
    }

    /// A note tied to no place in a file: news, not a problem.
    pub fn note(message: impl Into<String>) -> Self {
        Self::new(Severity::Note, None, None, message)
    }

    fn new(
        severity: Severity,
        source: Option<&Arc<Source>>,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            source: source.cloned(),
            span,
            message: message.into(),
            label: None,
            hints: Vec::new(),
            notes: Box::default(),
        }
    }

    /// Adds the note printed under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into().into_boxed_str());
        self
    }

    /// Adds a `help:` line.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Adds `note:` lines, one a fact.
    pub fn with_notes(mut self, notes: impl IntoIterator<Item = impl Into<String>>) -> Self {
        let mut all = std::mem::take(&mut self.notes).into_vec();
        all.extend(notes.into_iter().map(Into::into));
        self.notes = all.into_boxed_slice();
        self
    }

    /// Adds a "did you mean" hint when a close candidate exists.
    pub fn with_suggestion<'a>(
        self,
        wrong: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        match suggest(wrong, candidates) {
            Some(s) => self.with_hint(format!("did you mean `{s}`?")),
            None => self,
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line, plain: `path:line:col: error: message`.
    pub fn headline(&self) -> String {
        paint::headline(self, false)
    }

    /// The whole diagnostic, styled for a terminal when `color` is on.
    pub fn paint(&self, color: bool) -> Painted<'_> {
        Painted::one(self, color)
    }
}

/// Plain text, for files, logs and tests.
impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.paint(false).fmt(f)
    }
}

/// `text` with every control character (C0, DEL, C1) shown as a visible
/// escape such as `\u{1b}`, except the newline, the tab and the carriage
/// return of a CRLF line end: text from a file or the command line must never
/// reach a terminal as a command to it.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escaped(text, 0..0).0
}

/// [`escape_controls`], with `span` (byte offsets in `text`) moved to the
/// same characters in the escaped text.
pub(crate) fn escaped(text: &str, span: Range<usize>) -> (Cow<'_, str>, Range<usize>) {
    let raw = |i: usize, c: char| {
        !c.is_control()
            || c == '\n'
            || c == '\t'
            || (c == '\r' && text.as_bytes().get(i + 1) == Some(&b'\n'))
    };
    if text.char_indices().all(|(i, c)| raw(i, c)) {
        return (Cow::Borrowed(text), span);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let (mut start, mut end) = (None, None);
    for (i, c) in text.char_indices() {
        if i >= span.start && start.is_none() {
            start = Some(out.len());
        }
        if i >= span.end && end.is_none() {
            end = Some(out.len());
        }
        if raw(i, c) {
            out.push(c);
        } else {
            out.extend(c.escape_unicode());
        }
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (Cow::Owned(out), start..end)
}

/// Renders diagnostics in order, errors and warnings alike, plain.
pub fn render_all(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| d.to_string()).collect()
}

/// Every diagnostic, then a count: "found 2 errors and 1 warning" (plain).
pub fn report(diags: &[Diagnostic]) -> String {
    Painted::report(diags, false).to_string()
}

/// Sorts diagnostics into reading order: file by file, in the order the
/// files first appear, and within a file by place (a problem about the
/// whole file first). The sort is stable: problems at one place keep the
/// order the checks found them in.
pub fn in_line_order(diags: &mut [Diagnostic]) {
    let mut files: Vec<*const Source> = Vec::new();
    for d in diags.iter() {
        let ptr = d.source.as_ref().map_or(std::ptr::null(), Arc::as_ptr);
        if !files.contains(&ptr) {
            files.push(ptr);
        }
    }
    diags.sort_by_key(|d| {
        let ptr = d.source.as_ref().map_or(std::ptr::null(), Arc::as_ptr);
        let file = files.iter().position(|f| *f == ptr);
        (file, d.span.as_ref().map(|s| s.start))
    });
}

/// "found 2 errors and 1 warning": the last line of a report.
pub(crate) fn summary(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let mut summary = format!("found {}", plural(errors, "error"));
    if warnings > 0 {
        summary.push_str(&format!(" and {}", plural(warnings, "warning")));
    }
    summary
}

/// A count and its noun, the noun plural unless the count is one: `1 error`,
/// `2 errors`. The one copy: `check`'s summary and `status`'s table count with it.
pub fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// How far a typo may be from what was meant, in single-character edits:
/// two catches a swapped pair of letters or two slips; at three, short ids
/// and keys that merely look alike would be offered.
pub const MAX_EDITS: usize = 2;

/// The closest candidate within [`MAX_EDITS`] edits, if any; a candidate
/// shorter than that only when the typo is nearer than its length.
pub fn suggest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(wrong, c), c))
        .filter(|&(d, c)| d <= MAX_EDITS && d < c.chars().count().max(2))
        .min()
        .map(|(_, c)| c)
}

/// A path as shown to the user: relative to the working directory when inside it.
pub fn display_path(path: &Path) -> String {
    // Read once: signon never changes directory, and `status` shows a path
    // for every file it reads (a system call each, a hundred a season).
    static CWD: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let cwd = CWD.get_or_init(|| std::env::current_dir().unwrap_or_default());
    let shown: PathBuf = path
        .strip_prefix(cwd)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf());
    shown.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swapped_pair_of_letters_is_still_suggested() {
        assert_eq!(suggest("shermna", ["schiff", "sherman"]), Some("sherman"));
    }

    #[test]
    fn three_edits_away_is_too_far_to_suggest() {
        assert_eq!(suggest("shxrmxx", ["sherman"]), None);
    }
}

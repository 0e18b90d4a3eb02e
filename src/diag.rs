//! Diagnostics: the one type every stage uses to report a problem in a file,
//! and its rendering as `path:line:col: error: message` plus a source snippet.
//!
//! Lines and columns are computed from byte offsets by codespan-reporting, and
//! the snippet (source line, caret, hints) is drawn by it too; this module only
//! puts the grep-friendly location first, as compilers do in their short form.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::{Files, SimpleFile};
use codespan_reporting::term::{self, Chars, Config};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Reported, but the command still succeeds.
    Warning,
    /// The input is invalid: exit code 1.
    Error,
}

/// A file's text, kept so diagnostics can quote it.
#[derive(Debug)]
pub struct Source {
    /// The path as shown to the user (relative to the working directory).
    pub name: String,
    /// The whole text.
    pub text: String,
}

impl Source {
    /// Wraps a file's text under the name shown to the user.
    pub fn new(path: &Path, text: String) -> Arc<Source> {
        Arc::new(Source {
            name: display_path(path),
            text,
        })
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let file = SimpleFile::new(&self.name, &self.text);
        let offset = offset.min(self.text.len());
        match file.location((), offset) {
            Ok(loc) => (loc.line_number, loc.column_number),
            Err(_) => (1, 1),
        }
    }
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
    pub label: Option<String>,
    /// `help:` lines.
    pub hints: Vec<String>,
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
        }
    }

    /// Adds the note printed under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a `help:` line.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
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

    /// The first line: `path:line:col: error: message`.
    pub fn headline(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let line = match (&self.source, &self.span) {
            (Some(src), Some(span)) => {
                let (line, col) = src.line_col(span.start);
                format!("{}:{line}:{col}: {kind}: {}", src.name, self.message)
            }
            (Some(src), None) => format!("{}: {kind}: {}", src.name, self.message),
            _ => format!("{kind}: {}", self.message),
        };
        escape_controls(&line).into_owned()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline())?;
        let (Some(src), Some(span)) = (&self.source, &self.span) else {
            for hint in &self.hints {
                writeln!(f, "  = help: {}", escape_controls(hint))?;
            }
            return Ok(());
        };
        f.write_str(&snippet(self, src, span.clone()))
    }
}

/// The source line, caret and hints, drawn by codespan-reporting. Its own
/// header and `-->` locus lines are dropped: our headline replaces both.
///
/// Control characters in the quoted line are shown as escapes (`\u{1b}`), the
/// caret moved with them: a file must never drive the terminal it is checked in.
fn snippet(d: &Diagnostic, src: &Source, span: Range<usize>) -> String {
    let end = span.end.clamp(span.start, src.text.len());
    let start = span.start.min(end);
    let (text, span) = escaped(&src.text, start..end);
    let file = SimpleFile::new(src.name.as_str(), text.as_ref());
    let label = Label::primary((), span)
        .with_message(escape_controls(d.label.as_deref().unwrap_or_default()));
    let cs = CsDiagnostic::error()
        .with_message(escape_controls(&d.message))
        .with_label(label)
        .with_notes(
            d.hints
                .iter()
                .map(|h| format!("help: {}", escape_controls(h)))
                .collect(),
        );
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let rendered = term::emit_into_string(&config, &file, &cs).unwrap_or_default();
    rendered
        .lines()
        .skip(2)
        .fold(String::new(), |mut acc, line| {
            acc.push_str(line);
            acc.push('\n');
            acc
        })
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
fn escaped(text: &str, span: Range<usize>) -> (Cow<'_, str>, Range<usize>) {
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

/// Renders diagnostics in order, errors and warnings alike.
pub fn render_all(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| d.to_string()).collect()
}

/// Every diagnostic, then a count: "found 2 errors and 1 warning".
pub fn report(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let mut summary = format!("found {}", count(errors, "error"));
    if warnings > 0 {
        summary.push_str(&format!(" and {}", count(warnings, "warning")));
    }
    format!("{}{summary}\n", render_all(diags))
}

/// The closest candidate within edit distance 2, if any.
pub fn suggest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(wrong, c), c))
        .filter(|&(d, c)| d < 3 && d < c.chars().count().max(2))
        .min()
        .map(|(_, c)| c)
}

/// A path as shown to the user: relative to the working directory when inside it.
pub fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let shown: PathBuf = path
        .strip_prefix(&cwd)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf());
    shown.display().to_string()
}

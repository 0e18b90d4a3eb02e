//! Drawing diagnostics: our headline (`path:line:col: error: message`, the
//! grep-friendly short form compilers print), then codespan-reporting's
//! snippet — source line, caret, label, `help:` and `note:` lines — styled
//! with anstyle when the stream takes colors, plain otherwise.
//!
//! Control characters from a file or the command line are shown as escapes
//! (`\u{1b}`), the caret moved with them: a file must never drive the
//! terminal it is checked in. The only escape sequences written are anstyle's
//! own, and only when `color` is on.

use std::fmt;
use std::io::{self, Write};
use std::ops::Range;

use anstyle::{AnsiColor, Style};
use codespan_reporting::diagnostic::Severity as CsSeverity;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, LabelStyle};
use codespan_reporting::term::{self, Chars, Config, WriteStyle};

use super::{Diagnostic, Severity, Source, escape_controls, escaped, summary};

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const NOTE: Style = AnsiColor::Cyan.on_default().bold();
const BORDER: Style = AnsiColor::Blue.on_default().bold();
const STRONG: Style = Style::new().bold();

/// Diagnostics ready to print: `Display` draws them, styled or plain.
pub struct Painted<'a> {
    diags: &'a [Diagnostic],
    color: bool,
    summary: bool,
}

impl<'a> Painted<'a> {
    /// One diagnostic.
    pub(super) fn one(d: &'a Diagnostic, color: bool) -> Self {
        Self::all(std::slice::from_ref(d), color)
    }

    /// Every diagnostic, in order.
    pub fn all(diags: &'a [Diagnostic], color: bool) -> Self {
        Painted {
            diags,
            color,
            summary: false,
        }
    }

    /// Every diagnostic, then the count of errors and warnings.
    pub fn report(diags: &'a [Diagnostic], color: bool) -> Self {
        Painted {
            summary: true,
            ..Self::all(diags, color)
        }
    }
}

impl fmt::Display for Painted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.diags {
            writeln!(f, "{}", headline(d, self.color))?;
            f.write_str(&snippet(d, self.color))?;
        }
        if self.summary {
            writeln!(f, "{}", summary(self.diags))?;
        }
        Ok(())
    }
}

/// `path:line:col: error: message`, the place and the message escaped.
pub(super) fn headline(d: &Diagnostic, color: bool) -> String {
    let (kind, style) = match d.severity {
        Severity::Error => ("error", ERROR),
        Severity::Warning => ("warning", WARNING),
        Severity::Note => ("note", NOTE),
    };
    let place = match (&d.source, &d.span) {
        (Some(src), Some(span)) => {
            let (line, col) = src.line_col(span.start);
            format!("{}:{line}:{col}: ", src.name)
        }
        (Some(src), None) => format!("{}: ", src.name),
        _ => String::new(),
    };
    let paint = |style: Style, text: &str| match color {
        true => format!("{}{text}{}", style.render(), style.render_reset()),
        false => text.to_string(),
    };
    format!(
        "{}{}{}",
        paint(STRONG, &escape_controls(&place)),
        paint(style, kind),
        paint(STRONG, &format!(": {}", escape_controls(&d.message))),
    )
}

/// The lines under the headline, drawn by codespan-reporting: the source
/// line and caret when the diagnostic has a span, then its hints and notes.
fn snippet(d: &Diagnostic, color: bool) -> String {
    let notes = d
        .hints
        .iter()
        .map(|h| format!("help: {}", escape_controls(h)));
    let notes = notes.chain(
        d.notes
            .iter()
            .map(|n| format!("note: {}", escape_controls(n))),
    );
    if d.span.is_none() {
        // Nothing to quote: the notes under the headline, aligned as
        // codespan-reporting aligns them under a one-digit gutter, and no
        // blank line, so a one-line refusal stays short.
        let bullet = match color {
            true => format!("{}={}", BORDER.render(), BORDER.render_reset()),
            false => "=".to_string(),
        };
        return notes.map(|n| format!("  {bullet} {n}\n")).collect();
    }
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    // The message is ours (the headline); codespan's header line is left
    // empty and dropped by `Body`.
    let mut cs = CsDiagnostic::new(severity).with_notes(notes.collect());
    let escaped_copy;
    let mut file = &Source::named(String::new(), String::new());
    if let (Some(src), Some(span)) = (&d.source, &d.span) {
        let (view, span) = quoted(src, span);
        escaped_copy = view;
        file = escaped_copy.as_ref().unwrap_or(src.as_ref());
        let label = escape_controls(d.label.as_deref().unwrap_or_default()).into_owned();
        cs = cs.with_label(Label::primary((), span).with_message(label));
    }
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let mut body = Body::new(color, config.chars.snippet_start.clone());
    // Writing into memory cannot fail, and the span is clamped to the text.
    let _ = term::emit_to_write_style(&mut body, &config, file, &cs);
    String::from_utf8_lossy(&body.out).into_owned()
}

/// The text to quote and the span in it: the file's own text, or, when it
/// holds control characters, an escaped copy with the span moved along.
fn quoted(src: &Source, span: &Range<usize>) -> (Option<Source>, Range<usize>) {
    let end = span.end.clamp(span.start, src.text.len());
    let start = span.start.min(end);
    let (text, span) = escaped(&src.text, start..end);
    match text {
        std::borrow::Cow::Borrowed(_) => (None, span),
        std::borrow::Cow::Owned(text) => (Some(Source::named(src.name.clone(), text)), span),
    }
}

/// What codespan-reporting writes, a line at a time, minus the two lines
/// our headline replaces: its header (known by `set_header`) and the
/// locus under it (known by the `-->` it draws in the border's style).
struct Body {
    out: Vec<u8>,
    line: Vec<u8>,
    color: bool,
    start: String,
    in_border: bool,
    header: bool,
    locus: bool,
}

impl Body {
    fn new(color: bool, start: String) -> Self {
        Body {
            out: Vec::new(),
            line: Vec::new(),
            color,
            start,
            in_border: false,
            header: false,
            locus: false,
        }
    }

    fn style(&mut self, style: Style) -> io::Result<()> {
        if self.color {
            write!(self.line, "{}", style.render())?;
        }
        Ok(())
    }

    fn end_line(&mut self) {
        if !self.header && !self.locus {
            self.out.append(&mut self.line);
        }
        self.line.clear();
        (self.header, self.locus) = (false, false);
    }
}

impl Write for Body {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.in_border && buf == self.start.as_bytes() {
            self.locus = true;
        }
        for piece in buf.split_inclusive(|&b| b == b'\n') {
            self.line.extend_from_slice(piece);
            if piece.ends_with(b"\n") {
                self.end_line();
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl WriteStyle for Body {
    fn set_header(&mut self, _: CsSeverity) -> io::Result<()> {
        self.header = true;
        Ok(())
    }

    fn set_header_message(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn set_line_number(&mut self) -> io::Result<()> {
        self.style(BORDER)
    }

    fn set_note_bullet(&mut self) -> io::Result<()> {
        self.style(BORDER)
    }

    fn set_source_border(&mut self) -> io::Result<()> {
        self.in_border = true;
        self.style(BORDER)
    }

    fn set_label(&mut self, severity: CsSeverity, style: LabelStyle) -> io::Result<()> {
        let style = match (style, severity) {
            (LabelStyle::Secondary, _) => BORDER,
            (_, CsSeverity::Bug | CsSeverity::Error) => ERROR,
            (_, CsSeverity::Warning) => WARNING,
            _ => NOTE,
        };
        self.style(style)
    }

    fn reset(&mut self) -> io::Result<()> {
        self.in_border = false;
        if self.color {
            write!(self.line, "{}", anstyle::Reset.render())?;
        }
        Ok(())
    }
}

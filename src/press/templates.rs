//! The askama template structs of the press outputs — `templates/press.md`,
//! `press.html`, `press.txt` and `letter.txt` — and the filters the plain
//! text ones wrap with. Each struct borrows its model; the templates only
//! loop and branch.
//!
//! Escaping follows the format: `.html` escapes for HTML and `.md` for
//! Markdown (see [`super::markdown`] and `askama.toml`); `.txt` prints
//! text as it is, which is what plain text means.

use askama::Template;

use super::release::Release;
use crate::compose::{Composed, SignatureBlock};
use crate::error::Error;

/// `templates/press.md`.
#[derive(Template)]
#[template(path = "press.md")]
pub struct PressMarkdown<'a> {
    /// The press release.
    pub release: &'a Release,
}

/// `templates/press.html`: a self-contained page extending `base.html`.
#[derive(Template)]
#[template(path = "press.html")]
pub struct PressPage<'a> {
    /// The page `<title>`.
    pub title: String,
    /// The press release.
    pub release: &'a Release,
}

/// `templates/press.txt`: wrapped at 72 columns.
#[derive(Template)]
#[template(path = "press.txt")]
pub struct PressText<'a> {
    /// The press release.
    pub release: &'a Release,
}

/// `templates/letter.txt`: the letter as plain text, wrapped at 72 columns.
#[derive(Template)]
#[template(path = "letter.txt")]
pub struct LetterText<'a> {
    /// The letter.
    pub letter: &'a Composed,
    /// The signatures to print: signed the current text (no marked gaps,
    /// no stale signatures; plain text has no way to mark them).
    pub signatures: Vec<&'a SignatureBlock>,
}

/// Renders a template, naming the letter and the output if it fails.
pub(crate) fn render(template: &impl Template, id: &str, what: &str) -> Result<String, Error> {
    template
        .render()
        .map_err(|e| Error::message(format!("failed to render `{id}` as {what}: {e}")))
}

/// Filters for the plain-text templates.
// `filter_fn` generates `pub` items of its own inside this private module.
#[allow(unreachable_pub)]
mod filters {
    use std::fmt::Display;

    use crate::model::Span;
    use crate::press::wrap as lines;

    /// A paragraph of spans as plain text: `_italic_`, `*bold*`, the
    /// conventions of plain-text email.
    #[askama::filter_fn]
    pub(super) fn plain(spans: &[Span], _: &dyn askama::Values) -> askama::Result<String> {
        Ok(spans
            .iter()
            .map(|s| match (s.style.bold, s.style.italic) {
                (true, true) => format!("*_{}_*", s.text),
                (true, false) => format!("*{}*", s.text),
                (false, true) => format!("_{}_", s.text),
                (false, false) => s.text.clone(),
            })
            .collect())
    }

    /// Wraps at 72 columns; the first line starts with `first`, the
    /// others with `rest`.
    #[askama::filter_fn]
    pub(super) fn wrap<T: Display>(
        text: T,
        _: &dyn askama::Values,
        first: &str,
        rest: &str,
    ) -> askama::Result<String> {
        Ok(lines::wrap(&text.to_string(), first, rest))
    }

    /// An id as a Markdown code span (`press.md`): marked safe, as
    /// [`code_span`](crate::press::markdown::code_span) already made it
    /// print as itself.
    #[askama::filter_fn]
    pub(super) fn code<T: Display>(
        text: T,
        _: &dyn askama::Values,
    ) -> askama::Result<askama::filters::Safe<String>> {
        let span = crate::press::markdown::code_span(&text.to_string());
        Ok(askama::filters::Safe(span))
    }

    /// Wraps after a label ("cc: ", "Enclosure: ") with a hanging indent
    /// as wide; an entry after the first (`first` false) gets only the
    /// indent, so a list of entries lines up under the first.
    #[askama::filter_fn]
    pub(super) fn labelled<T: Display, F: std::borrow::Borrow<bool>>(
        text: T,
        _: &dyn askama::Values,
        label: &str,
        first: F,
    ) -> askama::Result<String> {
        let indent = " ".repeat(label.chars().count() + 1);
        let start = if *first.borrow() {
            format!("{label} ")
        } else {
            indent.clone()
        };
        Ok(lines::wrap(&text.to_string(), &start, &indent))
    }

    /// Wraps as a numbered list item: "3. " then a hanging indent.
    #[askama::filter_fn]
    pub(super) fn numbered<T: Display>(
        text: T,
        _: &dyn askama::Values,
        n: usize,
    ) -> askama::Result<String> {
        let marker = format!("{n}. ");
        let indent = " ".repeat(marker.len());
        Ok(lines::wrap(&text.to_string(), &marker, &indent))
    }
}

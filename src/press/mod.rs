//! Stage 5, press: the letter's words outside the letter, for the day it
//! goes out: the press-release draft (`signon press`), the signer list for
//! partner organizations (`signon export`) and the letter as plain text for
//! an email (`signon render --text`).
//!
//! Like the renderers, these start from the [`Composed`] letter — its
//! typography, its signature order — and never re-validate; the signer
//! list keeps only those who signed the current text.

pub mod export;
pub mod markdown;
pub mod release;
pub mod signers;
pub mod templates;
pub mod wrap;

use crate::compose::Composed;
use crate::error::Error;
use release::Release;

/// The formats of the press release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReleaseFormat {
    /// Markdown, escaped for Markdown.
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// Plain text wrapped at 72 columns.
    Text,
}

/// The press release in one format.
pub fn release(release: &Release, id: &str, format: ReleaseFormat) -> Result<String, Error> {
    use templates::{PressMarkdown, PressPage, PressText, render};
    match format {
        ReleaseFormat::Markdown => render(&PressMarkdown { release }, id, "Markdown"),
        ReleaseFormat::Html => {
            let title = match release.not_final {
                Some(_) => format!("{} (press release draft)", release.headline),
                None => format!("{} (press release)", release.headline),
            };
            render(&PressPage { title, release }, id, "HTML")
        }
        ReleaseFormat::Text => render(&PressText { release }, id, "text"),
    }
}

/// The letter as plain text, wrapped at 72 columns: what `render --text`
/// writes.
pub fn letter_text(letter: &Composed) -> Result<String, Error> {
    let signatures = letter
        .signatures
        .iter()
        .filter(|s| !s.missing && !s.stale)
        .collect();
    let page = templates::LetterText { letter, signatures };
    templates::render(&page, &letter.id, "text")
}

//! Stage 5b, render PDF: a [`Composed`] letter becomes print-ready PDF bytes.
//!
//! Two steps, as in typst's layout/export split: [`layout::layout`] is pure
//! and turns the letter into pages of positioned text runs (golden-testable as
//! text), and `paint`, with its helpers (`content`, `images`, `marks`,
//! `meta`, `save`, `structure`, `watermark`), is the only code that touches
//! printpdf: printpdf builds the document and its fonts, `content` writes
//! the pages' content streams from the same ops. The web page
//! ([`crate::render::html`]) reads the same layout for its lines
//! (`render::lines`) and fonts (`webfont`). Fonts are the
//! shipped Liberation Serif and Noto Serif Armenian ([`crate::fonts`], a
//! leaf validation also asks), compiled in and subset,
//! and the metadata is pinned to the letter, so the same input always gives
//! byte-identical output.

use std::fmt;

use crate::compose::Composed;

mod caps;
mod content;
mod flow;
mod furniture;
mod grid;
// The shipped fonts are a leaf both validation and this renderer use.
pub(crate) use crate::fonts;
mod images;
mod justify;
pub mod layout;
mod letter;
mod linebreak;
mod marks;
mod meta;
mod page;
mod paint;
pub mod role;
mod save;
mod sfnt;
mod structure;
mod subset;
#[cfg(test)]
mod tests;
mod watermark;
pub mod webfont;
mod xmp;

pub use super::Paper;
pub use fonts::Face;
pub use linebreak::hyphenation_points;

/// How to render the PDF. Margins are one inch on any paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PdfOptions {
    /// The paper size.
    pub paper: Paper,
}

/// Width and height of `paper` in points.
pub(crate) fn size_pt(paper: Paper) -> (f32, f32) {
    let (w, h) = paper.size_mm();
    ((w * 72.0 / 25.4) as f32, (h * 72.0 / 25.4) as f32)
}

/// Why a letter could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// No shipped font has a glyph for `ch`.
    MissingGlyph {
        /// The character.
        ch: char,
        /// The text it was in.
        text: String,
    },
    /// A shipped font could not be subset or embedded (a build defect).
    Font(String),
    /// A signature block is taller than a page can hold: it would be drawn
    /// off the page.
    BlockTooTall {
        /// The signer's roster id.
        id: String,
        /// The printed name.
        name: String,
    },
    /// lopdf could not serialize the document.
    Write(String),
}

impl PdfError {
    pub(crate) fn missing(ch: char, text: &str) -> PdfError {
        PdfError::MissingGlyph {
            ch,
            text: text.to_string(),
        }
    }
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::MissingGlyph { ch, text } => {
                write!(
                    f,
                    "no font has U+{:04X} `{ch}` (in {text:?})",
                    u32::from(*ch)
                )
            }
            PdfError::Font(msg) => write!(f, "failed to embed font {msg}"),
            PdfError::BlockTooTall { id, .. } => {
                write!(f, "the signature block of `{id}` is taller than a page")
            }
            PdfError::Write(msg) => write!(f, "failed to write the PDF: {msg}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// A letter laid out, with the font subsets its PDF and its web page
/// share: `signon render` lays a letter out and cuts its faces once.
pub struct Typeset {
    /// The pages.
    pub layout: layout::Layout,
    /// Each face drawn, cut to what the PDF and the page draw in it.
    faces: std::collections::BTreeMap<Face, subset::FaceSubset>,
}

/// Lays `c` out and cuts the faces it draws.
pub fn typeset(c: &Composed, opts: &PdfOptions) -> Result<Typeset, PdfError> {
    let layout = layout::layout(c, opts)?;
    let faces = subset::faces(&layout)?;
    Ok(Typeset { layout, faces })
}

/// Renders `c` to PDF bytes: layout, then paint.
pub fn render(c: &Composed, opts: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    paint(c, &typeset(c, opts)?)
}

/// Paints `c`, typeset as `t`, to PDF bytes.
pub fn paint(c: &Composed, t: &Typeset) -> Result<Vec<u8>, PdfError> {
    paint::paint(t, &meta::Meta::of(c, env!("CARGO_PKG_VERSION")))
}

/// The signature grid of a letter with `blocks` signature blocks, as the
/// PDF sets it: its columns, their gutter and the space to sign above each
/// name, pt. The web page sets the same grid.
pub fn signature_grid(blocks: usize) -> (usize, f32, f32) {
    let (columns, gutter) = grid::grid(blocks);
    (columns, gutter, grid::SIG_SPACE)
}

impl From<fonts::MissingGlyph> for PdfError {
    fn from(m: fonts::MissingGlyph) -> Self {
        PdfError::MissingGlyph {
            ch: m.ch,
            text: m.text,
        }
    }
}

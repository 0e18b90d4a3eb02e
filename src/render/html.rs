//! Stage 5a, render HTML: the letter as one self-contained HTML page (askama templates
//! `templates/base.html` and `templates/letter.html`).
//!
//! The template struct borrows from [`Composed`]; the template only loops and
//! branches. All text is auto-escaped: nothing from TOML is marked safe.

use std::collections::BTreeMap;

use askama::Template;
use base64::Engine;

use super::Paper;
use super::lines::{self, PageSection};
use super::pdf::Typeset;
use super::pdf::layout::{Anchor, Layout};
use super::pdf::webfont::{self, WebFont};
use super::print::PrintHead;
use crate::compose::{Composed, SignatureMark};
use crate::error::Error;
use crate::model::SignatureImage;

/// `templates/letter.html`: the fields it reads.
#[derive(Template)]
#[template(path = "letter.html")]
pub struct LetterPage<'a> {
    /// The page `<title>`.
    pub title: String,
    /// The CSS `@page` size.
    pub paper: &'static str,
    /// The letterhead's first line: the page's single `<h1>`.
    pub heading: &'a str,
    /// The letterhead's other lines.
    pub letterhead_rest: &'a [String],
    /// `letterhead = "none"`: the letterhead's room is kept and its lines
    /// (those of [`Composed::blank_letterhead`]) hidden, so the text starts
    /// where it does under a printed letterhead.
    pub blank: bool,
    /// The letter.
    pub letter: &'a Composed,
    /// Some signing space holds an image or a conformed signature: their
    /// style is needed.
    pub signed_marks: bool,
    /// The signature grid's columns, gutter and space to sign, pt: the
    /// PDF's ([`super::pdf::signature_grid`]).
    pub grid: (usize, f32, f32),
    /// Each signature image's `data:` URL by path, encoded once however
    /// many signers share it.
    pub images: BTreeMap<&'a str, String>,
    /// The PDF's faces, subset to what the page draws in each.
    pub fonts: Vec<WebFont>,
    /// The CSS family of the text, then of its Armenian fallback.
    pub families: [&'static str; 2],
    /// The continuation header of printed pages 2+ (`templates/print.css`).
    pub print: PrintHead,
    /// The sections, their running text in the PDF's lines.
    pub sections: Vec<PageSection<'a>>,
    /// Where the PDF's pages begin (`Layout::breaks`): a printed page
    /// begins there too.
    pub breaks: &'a [Anchor],
}

impl<'a> LetterPage<'a> {
    /// The page for a composed letter laid out as `layout` on the given
    /// paper, with the faces `fonts`.
    pub fn new(
        letter: &'a Composed,
        layout: &'a Layout,
        paper: Paper,
        fonts: Vec<WebFont>,
    ) -> Self {
        let blank = !letter.blank_letterhead.is_empty();
        let lines = match blank {
            true => &letter.blank_letterhead,
            false => &letter.letterhead,
        };
        let (heading, rest) = match lines.split_first() {
            Some((first, rest)) => (first.as_str(), rest),
            // A letterhead is never empty after validation; the title keeps
            // the page's one <h1> anyway.
            None => (letter.title.as_str(), &[][..]),
        };
        let title = if letter.draft {
            format!("{} (draft)", letter.title)
        } else {
            letter.title.clone()
        };
        LetterPage {
            title,
            paper: paper.css(),
            heading,
            letterhead_rest: rest,
            blank,
            letter,
            grid: super::pdf::signature_grid(letter.signatures.len()),
            signed_marks: letter
                .signatures
                .iter()
                .any(|s| s.mark != SignatureMark::Blank),
            images: data_urls(letter),
            fonts,
            families: [webfont::TEXT_FAMILY, webfont::ARMENIAN_FAMILY],
            print: PrintHead::new(letter),
            sections: lines::sections(letter, &layout.running, &layout.breaks),
            breaks: &layout.breaks,
        }
    }

    /// Whether a printed page begins at signature block `block` (the PDF
    /// shares the grid's last rows out between its last two pages).
    pub fn row_break(&self, block: usize) -> bool {
        self.breaks.contains(&Anchor::Row { block })
    }

    /// Whether a printed page begins at entry `cc` of the cc list.
    pub fn cc_break(&self, cc: usize) -> bool {
        self.breaks.contains(&Anchor::Cc { cc })
    }

    /// Whether a printed page begins at entry `enclosure` of the enclosures.
    pub fn enclosure_break(&self, enclosure: usize) -> bool {
        self.breaks.contains(&Anchor::Enclosure { enclosure })
    }

    /// The `data:` URL of a signature image shown on this page.
    pub fn data_url(&self, image: &SignatureImage) -> &str {
        self.images
            .get(image.path.as_str())
            .map_or("", String::as_str)
    }
}

/// Every signature image of the letter as a `data:` URL (base64).
fn data_urls(letter: &Composed) -> BTreeMap<&str, String> {
    let mut urls = BTreeMap::new();
    for image in letter.signatures.iter().filter_map(|s| s.mark.image()) {
        urls.entry(image.path.as_str()).or_insert_with(|| {
            let b64 = base64::engine::general_purpose::STANDARD.encode(&image.file);
            format!("data:{};base64,{b64}", image.mime())
        });
    }
    urls
}

/// The letter as an HTML page in the faces the PDF laid out as `layout`
/// (on `paper`) draws, its running text in the PDF's lines
/// (`render::lines`).
pub fn letter(letter: &Composed, t: &Typeset, paper: Paper) -> Result<String, Error> {
    let fonts = webfont::web_fonts(t)
        .map_err(|e| Error::message(format!("cannot make the web page's fonts: {e}")))?;
    LetterPage::new(letter, &t.layout, paper, fonts)
        .render()
        .map_err(|e| Error::message(format!("failed to render `{}` as HTML: {e}", letter.id)))
}

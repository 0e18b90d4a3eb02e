//! The letter as one self-contained HTML page (askama templates
//! `templates/base.html` and `templates/letter.html`).
//!
//! The template struct borrows from [`Composed`]; the template only loops and
//! branches. All text is auto-escaped: nothing from TOML is marked safe.

use askama::Template;

use super::Paper;
use crate::compose::Composed;
use crate::error::Error;

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
    /// Some signature is marked missing or stale: the draft banner says
    /// what the marks mean.
    pub marked: bool,
    /// The letter.
    pub letter: &'a Composed,
}

impl<'a> LetterPage<'a> {
    /// The page for a composed letter on the given paper.
    pub fn new(letter: &'a Composed, paper: Paper) -> Self {
        let (heading, rest) = match letter.letterhead.split_first() {
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
            marked: letter.signatures.iter().any(|s| s.missing || s.stale),
            letter,
        }
    }
}

/// The letter as an HTML page.
pub fn letter(letter: &Composed, paper: Paper) -> Result<String, Error> {
    LetterPage::new(letter, paper)
        .render()
        .map_err(|e| Error::Message(format!("failed to render `{}` as HTML: {e}", letter.id)))
}

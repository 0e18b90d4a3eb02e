//! The letter's body, checked: sections with their paragraphs, asks and
//! quotes, each paragraph's inline markup (`*emphasis*`, `**strong**`) read
//! and an unclosed marker warned about at its place in the file.

use toml::Spanned;

use super::letter::Cx;
use super::roster::text_field;
use super::text;
use crate::diag::Diagnostic;
use crate::load::raw;
use crate::model::{Paragraph, Quote, Section};

/// How much of a paragraph an unclosed-marker warning quotes from the
/// marker on: enough words to find the place, short enough for one line.
const EXCERPT_CHARS: usize = 30;

impl Cx<'_> {
    /// The sections, each ask numbered on from the last section's.
    pub(super) fn sections(&mut self, raw: &[Spanned<raw::Section>]) -> Vec<Section> {
        let mut next_ask = 1;
        raw.iter()
            .map(|s| {
                let section = self.section(s.get_ref(), next_ask);
                next_ask += section.asks.len();
                section
            })
            .collect()
    }

    fn section(&mut self, s: &raw::Section, asks_start: usize) -> Section {
        // A heading may be left out, but one given must say something.
        if let Some(heading) = &s.heading {
            text_field(self.src, heading, self.diags);
        }
        let paragraphs = match &s.body {
            Some(body) => {
                text_field(self.src, body, self.diags);
                text::paragraphs(body.get_ref())
                    .iter()
                    .map(|p| self.markup(p, body))
                    .collect()
            }
            None => Vec::new(),
        };
        let quotes = s.quotes.iter().map(|q| self.quote(q.get_ref())).collect();
        let asks = s.asks.iter().map(|a| self.spanned_markup(a)).collect();
        Section {
            heading: s.heading.as_ref().map(|h| text::collapse(h.get_ref())),
            paragraphs,
            quotes,
            asks_start,
            asks,
        }
    }

    fn quote(&mut self, q: &raw::Quote) -> Quote {
        Quote {
            text: self.spanned_markup(&q.text),
            source: q.source.as_ref().map(|s| text::collapse(s.get_ref())),
            pull: q.pull,
        }
    }

    fn spanned_markup(&mut self, value: &Spanned<String>) -> Paragraph {
        text_field(self.src, value, self.diags);
        self.markup(&text::collapse(value.get_ref()), value)
    }

    /// Inline markup of one paragraph; an unclosed marker is a warning and the
    /// text is kept as written.
    fn markup(&mut self, para: &str, value: &Spanned<String>) -> Paragraph {
        text::inline(para).unwrap_or_else(|at| {
            let excerpt: String = para[at..].chars().take(EXCERPT_CHARS).collect();
            let marker = if para[at..].starts_with("**") {
                "**"
            } else {
                "*"
            };
            let place = marker_place(&self.src.text, value.span(), &para[at..]);
            self.diags.push(
                Diagnostic::warning(
                    self.src,
                    place.unwrap_or(value.span()),
                    format!("unclosed `{marker}` before `{excerpt}`"),
                )
                .with_label(format!("this `{marker}` is never closed"))
                .with_hint("close it, or write `\\\\*` in TOML for a literal asterisk"),
            );
            vec![crate::model::Span {
                text: para.to_string(),
                style: Default::default(),
            }]
        })
    }
}

/// Where the unclosed marker at the start of `rest` (a paragraph's tail,
/// whitespace collapsed) is in the file: the marker and the word after it
/// found in the value's raw text, the marker alone marked. None when the
/// raw text spells it otherwise (a TOML escape), and the whole value is.
fn marker_place(
    file: &str,
    span: std::ops::Range<usize>,
    rest: &str,
) -> Option<std::ops::Range<usize>> {
    let word = rest.split_whitespace().next()?;
    let marker = word.len() - word.trim_start_matches('*').len();
    let raw = file.get(span.clone())?;
    let i = raw.find(word)?;
    Some(span.start + i..span.start + i + marker)
}

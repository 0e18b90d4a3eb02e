//! Soft hyphens (U+00AD) in the letter page's running text, at the points
//! the PDF's own hyphenator allows: a browser then hyphenates the printed
//! page where the PDF may, with no dictionary of its own (the page sets
//! `hyphens: manual`), and a soft hyphen never shows unless a line breaks
//! there.
//!
//! Only running text gets them: paragraphs, quotations and asks. Names,
//! addresses, headings and signature blocks stay as typed, and so does a
//! word that is an address of some kind (a URL, an e-mail address, a path),
//! where a hyphen would change what a reader types. As in the PDF, the last
//! word of a paragraph stays whole and capitalised words are never split.

use std::ops::Range;

use super::pdf::hyphenation_points;
use crate::compose::{Composed, Paragraph, Quote, Section, Span};

/// The invisible break point a browser shows as a hyphen at a line's end.
pub(crate) const SOFT_HYPHEN: char = '\u{ad}';

/// The letter with soft hyphens in its running text.
pub(crate) fn composed(c: &Composed) -> Composed {
    Composed {
        sections: c.sections.iter().map(section).collect(),
        ..c.clone()
    }
}

fn section(s: &Section) -> Section {
    let quote = |q: &Quote| Quote {
        text: paragraph(&q.text),
        ..q.clone()
    };
    Section {
        paragraphs: s.paragraphs.iter().map(|p| paragraph(p)).collect(),
        quotes: s.quotes.iter().map(quote).collect(),
        asks: s.asks.iter().map(|a| paragraph(a)).collect(),
        ..s.clone()
    }
}

/// A paragraph's spans with soft hyphens. The points are found in the
/// whole text, as the PDF does, so a word whose style changes midway is
/// still one word.
fn paragraph(spans: &[Span]) -> Paragraph {
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    let mut points = points(&text).into_iter().peekable();
    let mut start = 0;
    spans
        .iter()
        .map(|span| {
            let end = start + span.text.len();
            let mut out = String::with_capacity(span.text.len() + 8);
            let mut at = start;
            while let Some(p) = points.next_if(|&p| p < end) {
                out.push_str(&text[at..p]);
                out.push(SOFT_HYPHEN);
                at = p;
            }
            out.push_str(&text[at..end]);
            start = end;
            Span {
                text: out,
                style: span.style,
            }
        })
        .collect()
}

/// Byte offsets in `text` where a soft hyphen goes, ascending. Like the
/// PDF (`linebreak::fragment`), the text is cut at UAX #14 opportunities and
/// each piece but the last is hyphenated on its own.
fn points(text: &str) -> Vec<usize> {
    let verbatim = verbatim_words(text);
    let mut out = Vec::new();
    let mut prev = 0;
    for (pos, _) in unicode_linebreak::linebreaks(text) {
        let piece = text[prev..pos].trim_end();
        let inside = |r: &Range<usize>| r.start <= prev && prev < r.end;
        if pos < text.len() && !verbatim.iter().any(inside) {
            out.extend(hyphenation_points(piece).into_iter().map(|p| prev + p));
        }
        prev = pos;
    }
    out
}

/// The byte ranges of the words (between white space) that are typed as
/// they are: URLs, e-mail addresses, domains and paths.
fn verbatim_words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                if is_verbatim(&text[s..i]) {
                    out.push(s..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A URL, an e-mail address, a domain ("state.gov") or a path or piece of
/// code: anything a reader might copy and type.
fn is_verbatim(word: &str) -> bool {
    let inner_dot = word
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'.' && w[1].is_ascii_lowercase());
    inner_dot
        || word.contains("://")
        || word.starts_with("www.")
        || word.contains(['@', '/', '\\', '_', '=', '<', '>', '{', '}', '|', '`', '~'])
}

#[cfg(test)]
mod tests {
    use super::{SOFT_HYPHEN, paragraph};
    use crate::compose::{Span, Style};

    fn plain(text: &str) -> Vec<Span> {
        vec![Span {
            text: text.to_string(),
            style: Style::default(),
        }]
    }

    /// The paragraph's text with each soft hyphen shown as `|`.
    fn shown(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| s.text.replace(SOFT_HYPHEN, "|"))
            .collect::<Vec<_>>()
            .join("+")
    }

    #[test]
    fn long_lowercase_words_get_the_pdfs_points() {
        let p = paragraph(&plain("accountability and diversifying, then more"));
        assert_eq!(
            shown(&p),
            "ac|count|abil|ity and di|ver|si|fy|ing, then more"
        );
    }

    #[test]
    fn removing_the_soft_hyphens_gives_the_text_back() {
        let text = "Investing in this transition will allow Armenia to fulfill its goal.";
        let p = paragraph(&plain(text));
        assert_eq!(p[0].text.replace(SOFT_HYPHEN, ""), text);
    }

    #[test]
    fn the_last_word_and_capitalised_words_stay_whole() {
        let p = paragraph(&plain("Azerbaijan Department requires accountability"));
        assert_eq!(shown(&p), "Azerbaijan Department re|quires accountability");
    }

    #[test]
    fn urls_addresses_and_paths_stay_whole() {
        let text = "see https://www.congress.gov/legislation and aide@example.house.gov \
                    or signatures/pallone.png and state.gov today";
        let p = paragraph(&plain(text));
        assert_eq!(p[0].text, text);
    }

    #[test]
    fn a_word_across_two_styles_is_hyphenated_as_one() {
        let italic = Style {
            bold: false,
            italic: true,
        };
        let spans = vec![
            Span {
                text: "a pre".to_string(),
                style: italic,
            },
            Span {
                text: "condition of peace".to_string(),
                style: Style::default(),
            },
        ];
        assert_eq!(shown(&paragraph(&spans)), "a pre+|con|di|tion of peace");
    }
}

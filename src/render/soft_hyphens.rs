//! Soft hyphens (U+00AD) in the letter page's running text, at the points
//! the PDF's own hyphenator allows: a browser then hyphenates the printed
//! page where the PDF may, with no dictionary of its own (the page sets
//! `hyphens: manual`), and a soft hyphen never shows unless a line breaks
//! there.
//!
//! Only running text gets them: paragraphs, quotations and asks. Names,
//! addresses, headings and signature blocks stay as typed. The points are
//! the PDF's own (`render::pdf::hyphenation_points`): never in a word with
//! a capital (a name) or a digit, nor in a URL or an e-mail address, where
//! a hyphen would change what a reader types; and, as in the PDF, the last
//! word of a paragraph stays whole.

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

/// Byte offsets in `text` where a soft hyphen goes, ascending: each word's
/// (between white space) hyphenation points, as the PDF's line breaker
/// finds them, except in the paragraph's last piece between UAX #14 break
/// opportunities, which the PDF never hyphenates.
fn points(text: &str) -> Vec<usize> {
    let last = unicode_linebreak::linebreaks(text)
        .map(|(pos, _)| pos)
        .filter(|&pos| pos < text.len())
        .last()
        .unwrap_or(0);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let word = hyphenation_points(&text[s..i]).into_iter().map(|p| s + p);
                out.extend(word.filter(|&p| p < last));
                start = None;
            }
            _ => {}
        }
    }
    out
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
    fn urls_and_email_addresses_stay_whole() {
        let text = "see https://www.congress.gov/legislation and aide@example.house.gov \
                    or www.state.gov/travel today";
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

//! The web page's running text (paragraphs, quotations, asks), line by line
//! as the PDF set it, and where the PDF's pages begin.
//!
//! Each line is a `<span>`. Printed, and on a screen as wide as the paper,
//! each is a block of its own, never wrapped, with the PDF's word and
//! letter spacing and its hyphen (`templates/letter.html`): the page shows
//! the PDF's lines, hyphenated where and only where the PDF is (a browser's
//! own greedy lines ran a page longer than signon's total fit). On a
//! narrower screen the spans run together and the browser wraps the text
//! anew, unhyphenated. signon adds no soft hyphens, and drops those (and
//! zero-width spaces) the letter's text holds, as the PDF does: a word
//! copied from the page or its printout comes back as the PDF's text does,
//! whole but where a line ends in its hyphen. A printed page begins where
//! the PDF's does (`break-before: page`, `templates/print.css`).

use super::pdf::layout::{Anchor, SetLine};
use crate::compose::{Composed, Paragraph, Span, Style};
use crate::fonts;

/// One section of the letter as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSection<'a> {
    /// The bold heading.
    pub heading: Option<&'a str>,
    /// A printed page begins with the heading.
    pub page_break: bool,
    /// The body paragraphs.
    pub paragraphs: Vec<Vec<PageLine>>,
    /// The quotations, each with its source.
    pub quotes: Vec<(Vec<PageLine>, Option<&'a str>)>,
    /// The number of the first ask.
    pub asks_start: usize,
    /// The asks.
    pub asks: Vec<Vec<PageLine>>,
}

/// One line of running text as the PDF set it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLine {
    /// Its styled text, as the PDF draws it.
    pub spans: Vec<Span>,
    /// It ends inside a word: printed, it ends with a hyphen.
    pub hyphen: bool,
    /// A printed page begins with it.
    pub page_break: bool,
    /// The line's spacing as CSS custom properties for the print style
    /// (`--ws`, `--ls`, pt); empty for a line set at its natural width.
    pub spacing: String,
}

/// The letter's sections, their running text cut into the lines of
/// `running` (the PDF layout's, in the same order: section by section its
/// paragraphs, then its quotations, then its asks), with the page breaks
/// of `breaks`.
pub fn sections<'a>(
    c: &'a Composed,
    running: &[Vec<SetLine>],
    breaks: &[Anchor],
) -> Vec<PageSection<'a>> {
    let mut set = running.iter().enumerate();
    let mut lines = |p: &Paragraph| {
        let (para, lines) = set.next().unzip();
        let mut out = split(p, lines);
        for (line, l) in out.iter_mut().enumerate() {
            let anchor = para.map(|para| Anchor::Line { para, line });
            l.page_break = anchor.is_some_and(|a| breaks.contains(&a));
        }
        out
    };
    c.sections
        .iter()
        .enumerate()
        .map(|(section, s)| PageSection {
            heading: s.heading.as_deref(),
            page_break: breaks.contains(&Anchor::Heading { section }),
            paragraphs: s.paragraphs.iter().map(&mut lines).collect(),
            quotes: s
                .quotes
                .iter()
                .map(|q| (lines(&q.text), q.source.as_deref()))
                .collect(),
            asks_start: s.asks_start,
            asks: s.asks.iter().map(&mut lines).collect(),
        })
        .collect()
}

/// `spans` cut where `set` breaks its lines; one line when there is no
/// setting (a paragraph the PDF had no lines for).
///
/// What the PDF never draws ([`fonts::dropped`]) is left out: the layout's
/// character counts leave it out too.
fn split(spans: &[Span], set: Option<&Vec<SetLine>>) -> Vec<PageLine> {
    let set = set.map_or(&[][..], Vec::as_slice);
    let mut lines = vec![line(set.first())];
    let mut counted = 0;
    for span in spans {
        let mut text = String::new();
        for ch in span.text.chars().filter(|&c| !fonts::dropped(c)) {
            let at = lines.len() - 1;
            // The next character starts a new line.
            if at + 1 < set.len() && counted == set[at].next {
                push(&mut lines, &mut text, span.style);
                lines.push(line(set.get(at + 1)));
            }
            counted += 1;
            text.push(ch);
        }
        push(&mut lines, &mut text, span.style);
    }
    lines
}

/// Ends the text gathered so far as a span of the last line.
fn push(lines: &mut [PageLine], text: &mut String, style: Style) {
    if let Some(last) = lines.last_mut().filter(|_| !text.is_empty()) {
        last.spans.push(Span {
            text: std::mem::take(text),
            style,
        });
    }
}

impl PageLine {
    /// The classes of a hyphenated line's hyphen: bold (`hb`) and italic
    /// (`hi`) when the word it ends is.
    pub fn hyphen_face(&self) -> &'static str {
        match self.spans.last().map(|s| (s.style.bold, s.style.italic)) {
            Some((true, true)) => " hb hi",
            Some((true, false)) => " hb",
            Some((false, true)) => " hi",
            _ => "",
        }
    }
}

/// An empty line with the spacing of `set`.
fn line(set: Option<&SetLine>) -> PageLine {
    let (hyphen, spacing) = set.map_or((false, String::new()), |s| (s.hyphen, spacing(s)));
    PageLine {
        spans: Vec::new(),
        hyphen,
        page_break: false,
        spacing,
    }
}

/// The CSS spacing of a set line. The PDF widens each space by
/// `word_space` and each gap between two letters of a word by
/// `letter_space`; CSS `letter-spacing` follows every character, spaces
/// too, so the word spacing gives back the two it adds around each space.
fn spacing(s: &SetLine) -> String {
    if s.word_space == 0.0 && s.letter_space == 0.0 {
        return String::new();
    }
    let word = s.word_space - 2.0 * s.letter_space;
    format!("--ws:{word:.3}pt;--ls:{:.3}pt", s.letter_space)
}

#[cfg(test)]
mod tests {
    use super::{SetLine, split};
    use crate::compose::{Span, Style};

    fn set(next: usize, hyphen: bool) -> SetLine {
        SetLine {
            next,
            hyphen,
            word_space: 0.0,
            letter_space: 0.0,
        }
    }

    fn texts(lines: &[super::PageLine]) -> Vec<String> {
        let text = |l: &super::PageLine| l.spans.iter().map(|s| s.text.as_str()).collect();
        lines.iter().map(text).collect()
    }

    #[test]
    fn a_paragraph_is_cut_where_the_pdf_broke_its_lines() {
        let spans = vec![Span {
            text: "one two\u{ad}three four".to_string(),
            style: Style::default(),
        }];
        // "one two" | "three four": the break after "two" is inside the
        // word two-three, at its soft hyphen.
        let lines = split(&spans, Some(&vec![set(7, true), set(17, false)]));
        assert_eq!(texts(&lines), ["one two", "three four"]);
        assert!(lines[0].hyphen && !lines[1].hyphen);
    }

    #[test]
    fn a_style_across_a_break_is_closed_and_opened_again() {
        let bold = Style {
            bold: true,
            italic: false,
        };
        let spans = vec![
            Span {
                text: "plain ".to_string(),
                style: Style::default(),
            },
            Span {
                text: "bold words".to_string(),
                style: bold,
            },
        ];
        let lines = split(&spans, Some(&vec![set(11, false), set(16, false)]));
        assert_eq!(texts(&lines), ["plain bold ", "words"]);
        assert_eq!(lines[1].spans[0].style, bold);
    }

    #[test]
    fn with_no_setting_the_paragraph_is_one_line() {
        let spans = vec![Span {
            text: "a b c".to_string(),
            style: Style::default(),
        }];
        assert_eq!(texts(&split(&spans, None)), ["a b c"]);
    }

    #[test]
    fn spacing_gives_back_what_letter_spacing_adds_around_a_space() {
        let s = SetLine {
            next: 3,
            hyphen: false,
            word_space: 1.0,
            letter_space: 0.05,
        };
        assert_eq!(super::spacing(&s), "--ws:0.900pt;--ls:0.050pt");
    }
}

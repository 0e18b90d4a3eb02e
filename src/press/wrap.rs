//! Line wrapping for the plain-text outputs, at 72 display columns.
//!
//! textwrap does the work, built with `unicode-width` so that the curly
//! quotes and dashes of typeset text count one column each.

use textwrap::{Options, WordSplitter, WrapAlgorithm};

/// The width of plain text meant for an email body.
pub const WIDTH: usize = 72;

/// Wraps `text` to [`WIDTH`]: the first line starts with `first`, the others
/// with `rest`. Words break only at ASCII spaces, so a no-break space holds
/// `Section 907` together; a word longer than the line overflows it, and a
/// hyphenated word stays whole (plain text is not hyphenated).
pub fn wrap(text: &str, first: &str, rest: &str) -> String {
    // One space between words: plain text never needs a line break or a
    // run of spaces inside a paragraph.
    let words: Vec<&str> = text.split([' ', '\n']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return first.trim_end().to_string();
    }
    let options = Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit);
    textwrap::fill(&words.join(" "), options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_72_chars_counting_curly_quotes_as_one() {
        let text = "\u{201C}word\u{201D} ".repeat(20);
        let out = wrap(&text, "", "");
        for line in out.lines() {
            assert!(line.chars().count() <= WIDTH, "{line}");
        }
        // 6 chars a word and a space: 10 words fit in 72 (69 chars); at two
        // columns a curly quote, only 8 would.
        assert_eq!(out.lines().next().unwrap().chars().count(), 69);
    }

    #[test]
    fn hanging_indent_and_no_break_space() {
        let text = format!("{} Section\u{a0}907", "x".repeat(60));
        assert_eq!(
            wrap(&text, "1. ", "   "),
            format!("1. {}\n   Section\u{a0}907", "x".repeat(60))
        );
    }

    #[test]
    fn long_words_overflow_and_empty_text_keeps_the_marker() {
        let long = "y".repeat(80);
        assert_eq!(wrap(&long, "    ", "    "), format!("    {long}"));
        assert_eq!(wrap("", "1. ", "   "), "1.");
    }
}

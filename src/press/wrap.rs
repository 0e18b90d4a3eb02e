//! Line wrapping for the plain-text outputs, at 72 columns counted in
//! `char`s.
//!
//! textwrap's own width counts every character from U+1100 up as two
//! columns (it is built without `unicode-width`), which would wrap the
//! curly quotes and dashes of typeset text early; so the words are measured
//! here and only textwrap's first-fit algorithm is borrowed.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

/// The width of plain text meant for an email body.
pub const WIDTH: usize = 72;

/// A word and the spaces after it, measured in chars.
#[derive(Debug)]
struct Word<'a> {
    text: &'a str,
    spaces: usize,
}

impl Fragment for Word<'_> {
    fn width(&self) -> f64 {
        self.text.chars().count() as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.spaces as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wraps `text` to [`WIDTH`]: the first line starts with `first`, the others
/// with `rest`. Words break only at ASCII spaces, so a no-break space holds
/// `Section 907` together; a word longer than the line overflows it.
pub fn wrap(text: &str, first: &str, rest: &str) -> String {
    let words = words(text);
    if words.is_empty() {
        return first.trim_end().to_string();
    }
    let widths = [
        WIDTH.saturating_sub(first.chars().count()) as f64,
        WIDTH.saturating_sub(rest.chars().count()) as f64,
    ];
    let lines = wrap_first_fit(&words, &widths);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(if i == 0 { first } else { rest });
        for (j, word) in line.iter().enumerate() {
            out.push_str(word.text);
            if j + 1 < line.len() {
                out.push_str(&" ".repeat(word.spaces));
            }
        }
    }
    out
}

/// Splits on runs of ASCII spaces (and line breaks, which plain text never
/// needs inside a paragraph), keeping one space between words.
fn words(text: &str) -> Vec<Word<'_>> {
    text.split([' ', '\n'])
        .filter(|w| !w.is_empty())
        .map(|w| Word { text: w, spaces: 1 })
        .collect()
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

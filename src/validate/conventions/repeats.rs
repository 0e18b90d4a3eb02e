//! A paragraph, quote or ask that repeats one earlier in the letter word for
//! word: a slip of copy and paste that a reader notices at once and a
//! drafter, rereading the part they edit, does not (issue #17: three
//! paragraphs repeated on page 2 of a letter passed `check`).
//!
//! Texts are compared by their words in order, case and punctuation kept,
//! white space and line breaks ignored: a re-wrapped copy is still a copy,
//! a reworded one is not. Texts under [`MIN_WORDS`] words are left out, so
//! that "Thank you." twice is not a slip.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use crate::diag::{Diagnostic, Source};
use crate::load::raw;

/// Below this many words a repeat is a formula, not a slip.
const MIN_WORDS: usize = 8;

/// One printed text of the letter: what it is and its words in the file.
struct Text {
    kind: &'static str,
    words: Vec<Range<usize>>,
}

/// Warns at each text that repeats an earlier one, naming the first's line.
pub(super) fn check(src: &Arc<Source>, file: &raw::LetterFile, diags: &mut Vec<Diagnostic>) {
    let mut first: HashMap<Vec<&str>, &Text> = HashMap::new();
    let texts = texts(&src.text, file);
    for text in &texts {
        let key: Vec<&str> = text.words.iter().map(|w| &src.text[w.clone()]).collect();
        if key.len() < MIN_WORDS {
            continue;
        }
        let Some(earlier) = first.get(&key) else {
            first.insert(key, text);
            continue;
        };
        let (line, _) = src.line_col(earlier.words[0].start);
        let what = if earlier.kind == text.kind {
            "one"
        } else {
            earlier.kind
        };
        diags.push(
            Diagnostic::warning(
                src,
                first_line(&src.text, &text.words),
                format!(
                    "this {} repeats the {what} on line {line} word for word",
                    text.kind
                ),
            )
            .with_label(format!("the same {} words", key.len()))
            .with_hint("delete the repeat, or reword it if both places need the point"),
        );
    }
}

/// The letter's paragraphs, quotes and asks, in the order of the file.
fn texts(text: &str, file: &raw::LetterFile) -> Vec<Text> {
    let mut out = Vec::new();
    for section in &file.section {
        let s = section.get_ref();
        for para in s.body.iter().flat_map(|b| paragraphs(text, b.span())) {
            out.push(Text {
                kind: "paragraph",
                words: super::words_in(text, para),
            });
        }
        for q in &s.quotes {
            let words = super::words_in(text, q.get_ref().text.span());
            out.push(Text {
                kind: "quote",
                words,
            });
        }
        for ask in s.asks.iter().map(Spanned::span) {
            let words = super::words_in(text, ask);
            out.push(Text { kind: "ask", words });
        }
    }
    out.sort_by_key(|t| t.words.first().map(|w| w.start));
    out
}

/// A body's paragraphs: the runs of lines between blank lines, as spans of
/// the file's text.
fn paragraphs(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = span.start;
    let mut at = span.start;
    for line in text
        .get(span.clone())
        .unwrap_or_default()
        .split_inclusive('\n')
    {
        if line.trim().is_empty() {
            out.push(start..at);
            start = at + line.len();
        }
        at += line.len();
    }
    out.push(start..span.end);
    out
}

/// From a text's first word to the end of its first line, or to its last
/// word: what the caret underlines.
fn first_line(text: &str, words: &[Range<usize>]) -> Range<usize> {
    let start = words[0].start;
    let end = words
        .iter()
        .take_while(|w| !text[start..w.end].contains('\n'));
    start..end.last().map_or(words[0].end, |w| w.end)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::load::Loaded;

    /// The repeat warnings of a letter whose one section is `section`.
    fn messages(section: &str) -> Vec<String> {
        let text = format!(
            "[letter]\ntitle = \"t\"\ndate = 2025-02-06\nsalutation = \"Dear:\"\n\n[[section]]\n{section}"
        );
        let loaded = Loaded::<raw::LetterFile>::parse(Source::new(Path::new("l.toml"), text));
        // Only the missing recipient and signatories: the parts are read.
        assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
        let mut diags = Vec::new();
        check(&loaded.source, &loaded.value, &mut diags);
        diags.into_iter().map(|d| d.message).collect()
    }

    const EIGHT: &str = "one two three four five six seven eight";

    #[test]
    fn an_ask_repeating_a_paragraph_names_its_kind() {
        let section = format!("body = \"{EIGHT}\"\nasks = [\"{EIGHT}\"]\n");
        assert_eq!(
            messages(&section),
            ["this ask repeats the paragraph on line 7 word for word"]
        );
    }

    #[test]
    fn a_quote_repeating_a_quote_is_caught() {
        let q = format!("[[section.quotes]]\ntext = \"{EIGHT}\"\n");
        assert_eq!(
            messages(&format!("body = \"x\"\n{q}{q}")),
            ["this quote repeats the one on line 9 word for word"]
        );
    }

    #[test]
    fn seven_words_may_repeat() {
        let seven = "one two three four five six seven";
        let section = format!("body = \"\"\"\n{seven}\n\n{seven}\n\"\"\"\n");
        assert!(messages(&section).is_empty());
    }

    #[test]
    fn a_changed_word_is_not_a_repeat() {
        let other = EIGHT.replace("five", "FIVE");
        let section = format!("body = \"\"\"\n{EIGHT}\n\n{other}\n\"\"\"\n");
        assert!(messages(&section).is_empty());
    }
}

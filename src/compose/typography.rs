//! Typography for printed text, shared by the HTML and the PDF output:
//! straight quotes become curly ones, `--` and `---` become en and em dashes,
//! `...` becomes an ellipsis. Non-breaking spaces pass through untouched.
//!
//! Signer names, titles and roles come through here too, as they print; the
//! roster file keeps them as written, and `check` shows them so.

use std::borrow::Cow;

use crate::model::Span;

/// Smartens one line of plain text.
pub fn smarten(text: &str) -> String {
    smarten_after(None, text)
}

/// Smartens a paragraph of styled spans. The character before each span is
/// carried over from the previous one, so a quote mark that opens or closes
/// an italic word still faces the right way.
pub(crate) fn smarten_spans(spans: &[Span]) -> Vec<Span> {
    let mut prev = None;
    spans
        .iter()
        .map(|span| {
            let text = smarten_after(prev, &span.text);
            prev = text.chars().last().or(prev);
            Span {
                text,
                style: span.style,
            }
        })
        .collect()
}

/// Smartens `text`, which follows the character `prev` (None: start of text).
fn smarten_after(prev: Option<char>, text: &str) -> String {
    // Dashes and ellipses first: a quote after `--` then sees the dash.
    // Most text has none of them, and no quote mark either: it is copied
    // once rather than rebuilt three times.
    let mut text = Cow::Borrowed(text);
    if text.contains('-') {
        text = Cow::Owned(text.replace("---", "\u{2014}").replace("--", "\u{2013}"));
    }
    if text.contains("...") {
        text = Cow::Owned(text.replace("...", "\u{2026}"));
    }
    if !text.contains(['"', '\'']) {
        return text.into_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev = prev;
    for (i, &c) in chars.iter().enumerate() {
        let smart = match c {
            '"' if opens(prev) => '\u{201C}',
            '"' => '\u{201D}',
            '\'' if opens(prev) && !elides(&chars[i + 1..]) => '\u{2018}',
            '\'' => '\u{2019}',
            other => other,
        };
        out.push(smart);
        prev = Some(smart);
    }
    out
}

/// A quote mark after this character opens a quotation: at the start, after
/// a space (a non-breaking one too), an opening bracket, a dash or another
/// opening quote.
fn opens(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '\u{2013}' | '\u{2014}' | '-' | '/')
                || matches!(c, '\u{2018}' | '\u{201C}')
        }
    }
}

/// A word-initial `'` that stands for left-out letters rather than opening a
/// quotation: `'90s`, `rock 'n' roll`. (`'tis` and `'em` are too rare in
/// letters to Congress to guess at.)
fn elides(rest: &[char]) -> bool {
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let n_apostrophe = matches!(rest, ['n', '\'', next, ..] if next.is_whitespace());
    digits == 2 || n_apostrophe
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Style;

    #[test]
    fn quotes_dashes_and_ellipsis() {
        assert_eq!(
            smarten(r#""Don't," he said -- 'no'..."#),
            "\u{201C}Don\u{2019}t,\u{201D} he said \u{2013} \u{2018}no\u{2019}\u{2026}"
        );
    }

    #[test]
    fn em_dash_before_en_dash() {
        assert_eq!(smarten("a---b--c"), "a\u{2014}b\u{2013}c");
        assert_eq!(smarten("pages 10--12"), "pages 10\u{2013}12");
    }

    #[test]
    fn apostrophes_in_words_and_years() {
        assert_eq!(smarten("Artsakh's people"), "Artsakh\u{2019}s people");
        assert_eq!(smarten("the 1990s"), "the 1990s");
        assert_eq!(smarten("the '90s"), "the \u{2019}90s");
        assert_eq!(smarten("rock 'n' roll"), "rock \u{2019}n\u{2019} roll");
        assert_eq!(smarten("the Members' letter"), "the Members\u{2019} letter");
    }

    #[test]
    fn quotes_after_dashes_and_brackets_open() {
        assert_eq!(
            smarten(r#"peace---"a just one" ("so")"#),
            "peace\u{2014}\u{201C}a just one\u{201D} (\u{201C}so\u{201D})"
        );
        assert_eq!(
            smarten(r#""'Yes,' she said""#),
            "\u{201C}\u{2018}Yes,\u{2019} she said\u{201D}"
        );
    }

    #[test]
    fn non_breaking_spaces_are_kept() {
        assert_eq!(
            smarten("Section\u{a0}907 \"x\"\u{a0}\"y\""),
            "Section\u{a0}907 \u{201C}x\u{201D}\u{a0}\u{201C}y\u{201D}"
        );
    }

    #[test]
    fn quotes_face_the_right_way_across_spans() {
        let span = |text: &str, italic| Span {
            text: text.into(),
            style: Style {
                italic,
                bold: false,
            },
        };
        let out = smarten_spans(&[
            span("the \"", false),
            span("precondition", true),
            span("\" of it", false),
        ]);
        let texts: Vec<&str> = out.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["the \u{201C}", "precondition", "\u{201D} of it"]);
        assert!(out[1].style.italic);
    }
}

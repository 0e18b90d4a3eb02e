//! Escaping for the Markdown press release (`templates/press.md`), wired to
//! the `.md` extension in `askama.toml`, so that every value a template
//! prints is escaped the way `.html` values are, with nothing to forget.
//!
//! A name or a sentence from TOML must print as itself, not become markup:
//! `*`, `_`, `` ` ``, `[`, `]`, `<`, `>`, `#`, `|`, `~`, `&` and `\` are
//! backslash-escaped wherever they occur, and a value that starts like a
//! list item, a heading underline or an ordered-list number (`- `, `+`,
//! `=`, `2025.`) has that start escaped. Other punctuation (`.`, `(`, `-`
//! inside words) stays as written, so the Markdown still reads as text.

use std::fmt::{self, Write};

/// The askama escaper for `.md` templates.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markdown;

impl askama::filters::Escaper for Markdown {
    fn write_escaped_str<W: Write>(&self, mut dest: W, string: &str) -> fmt::Result {
        dest.write_str(&escape(string))
    }
}

/// Escapes one value for Markdown text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // An ordered-list number at the start: escape the `.` or `)` after it.
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in text.chars().enumerate() {
        let starts_block = i == 0 && matches!(c, '-' | '+' | '=');
        let ends_number = i == digits && digits > 0 && matches!(c, '.' | ')');
        let markup = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        );
        if starts_block || ends_number || markup {
            out.push('\\');
        }
        // A line break inside a value would end a list item or a quote.
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// `text` as a Markdown code span, printed as it is: fenced by a run of
/// backticks longer than any inside it, padded when it starts or ends with
/// one (CommonMark 6.1). Nothing in a code span needs escaping.
pub fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    let text = text.replace('\n', " ");
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::{code_span, escape};

    #[test]
    fn code_spans_hold_backticks_and_need_no_escapes() {
        assert_eq!(code_span("garcia_il"), "`garcia_il`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("a *b* _c_ [d](e) <f> `g` #h |i| ~j~ &amp; \\"),
            r"a \*b\* \_c\_ \[d\](e) \<f\> \`g\` \#h \|i\| \~j\~ \&amp; \\"
        );
    }

    #[test]
    fn block_starts_are_escaped_and_ordinary_text_is_not() {
        assert_eq!(escape("- item"), r"\- item");
        assert_eq!(escape("2025. A year"), r"2025\. A year");
        assert_eq!(escape("1) first"), r"1\) first");
        assert_eq!(
            escape("Rep. Frank Pallone, Jr. (D-NJ)"),
            "Rep. Frank Pallone, Jr. (D-NJ)"
        );
        assert_eq!(
            escape("Jesús G. \"Chuy\" García"),
            "Jesús G. \"Chuy\" García"
        );
        assert_eq!(escape("907"), "907");
    }
}

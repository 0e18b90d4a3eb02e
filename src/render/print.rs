//! Printing the letter page: the words `templates/print.css` puts in the
//! page margins (the continuation header of pages 2 and later), as CSS
//! strings.
//!
//! A browser fills page-margin boxes only from CSS `content`, so these
//! words from the letter are written into the style sheet, escaped for a
//! CSS string inside an HTML `<style>` element.

use std::fmt;

use crate::compose::Composed;

/// The continuation header's words, ready for `content:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintHead {
    /// Whom the letter is to, [`Composed::running_head`], as the PDF's
    /// header says it: the header's first line.
    pub head: CssString,
    /// The date as printed: its second line.
    pub date: CssString,
}

impl PrintHead {
    /// The header of `letter`'s pages 2 and later.
    pub fn new(letter: &Composed) -> Self {
        PrintHead {
            head: CssString(letter.running_head.clone()),
            date: CssString(letter.date_text.clone()),
        }
    }
}

/// Text written as a quoted CSS string. Quotes, backslashes, control
/// characters and the characters HTML gives a meaning to (`<`, `>`, `&`)
/// are written as CSS hex escapes, so the string can neither end early nor
/// close the `<style>` element it sits in: that is why askama may print it
/// without HTML escaping, which would be wrong inside `<style>` (a browser
/// shows `&amp;` there as it is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CssString(pub String);

impl fmt::Display for CssString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            if c.is_control() || matches!(c, '"' | '\'' | '\\' | '<' | '>' | '&') {
                // The space ends the escape, so a hex digit after it is text.
                write!(f, "\\{:x} ", u32::from(c))?;
            } else {
                write!(f, "{c}")?;
            }
        }
        f.write_str("\"")
    }
}

impl askama::filters::HtmlSafe for CssString {}

#[cfg(test)]
mod tests {
    use super::CssString;

    #[test]
    fn quotes_and_markup_are_escaped_in_a_css_string() {
        let s = CssString(r#"Ali "the" Díaz\ </style> & co"#.to_string());
        assert_eq!(
            s.to_string(),
            r#""Ali \22 the\22  Díaz\5c  \3c /style\3e  \26  co""#
        );
    }

    #[test]
    fn a_line_break_is_escaped() {
        assert_eq!(CssString("a\nb".to_string()).to_string(), r#""a\a b""#);
    }
}

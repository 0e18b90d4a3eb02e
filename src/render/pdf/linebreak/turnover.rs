//! Turnover lines: a name, a role, a title or a quotation's source too long
//! for its column, set as a typesetter sets them. The break goes after a
//! comma where one fits ("Vice Co-Chair, Congressional Armenian Caucus"
//! turns after "Co-Chair,"), else at the last space that fits, and never
//! inside a word: no hyphen is added and a word's own hyphen does not
//! break ("Díaz-Balart" stays whole). A last line of a single word takes
//! one more from the line before when that fits. The lines after the first
//! are meant to hang under an indent, so the `measure` of each is given.

use super::fragment::Frag;
use super::{Line, Styled, build_line, is_space};
use crate::compose::Span;
use crate::render::pdf::PdfError;

/// Breaks `spans` into lines: the first at most `first` pt wide, the others
/// at most `rest` pt (narrower by the hanging indent).
pub(crate) fn turnover_lines(
    spans: &[Span],
    size: f32,
    first: f32,
    rest: f32,
) -> Result<Vec<Line>, PdfError> {
    let s = Styled::new(spans, size)?;
    let starts = word_starts(&s.text);
    let mut ranges = Vec::new();
    let mut start = 0;
    while start < s.text.len() {
        let measure = if ranges.is_empty() { first } else { rest };
        let end = line_end(&s, &starts, start, measure)?;
        ranges.push((start, end));
        start = end;
    }
    no_lone_word(&s, &mut ranges, rest)?;
    let count = ranges.len();
    ranges
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| build_line(&s, &[frag(&s.text, a, b)], i + 1 == count))
        .collect()
}

/// Byte offsets where a word starts after a space.
fn word_starts(text: &str) -> Vec<usize> {
    let mut prev = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if prev == Some(' ') && c != ' ' {
            out.push(i);
        }
        prev = Some(c);
    }
    out
}

/// Where the line starting at `start` ends (the next line's start): the
/// whole rest when it fits, else after the last comma that fits, else at
/// the last space that fits, else inside a first word wider than the line.
fn line_end(s: &Styled, starts: &[usize], start: usize, measure: f32) -> Result<usize, PdfError> {
    if s.width(start, trimmed(&s.text, start, s.text.len()))? <= measure {
        return Ok(s.text.len());
    }
    let mut fits = Vec::new();
    for &p in starts.iter().filter(|&&p| p > start) {
        if s.width(start, trimmed(&s.text, start, p))? > measure {
            break;
        }
        fits.push(p);
    }
    let comma = fits
        .iter()
        .rev()
        .find(|&&p| s.text[..trimmed(&s.text, start, p)].ends_with(','));
    match comma.or(fits.last()) {
        Some(&p) => Ok(p),
        None => cut(s, start, measure),
    }
}

/// Where a word too wide for the line is cut between characters (a
/// 300-letter word in a hostile letter): after the last one that fits, and
/// after one character at least.
fn cut(s: &Styled, start: usize, measure: f32) -> Result<usize, PdfError> {
    let mut end = start;
    for (i, c) in s.text[start..].char_indices() {
        let next = start + i + c.len_utf8();
        if end > start && (c == ' ' || s.width(start, next)? > measure) {
            break;
        }
        end = next;
    }
    Ok(end)
}

/// Moves one word down when the last line holds a single word and the line
/// before ends at a space rather than a comma, as long as it fits.
fn no_lone_word(s: &Styled, ranges: &mut [(usize, usize)], rest: f32) -> Result<(), PdfError> {
    let n = ranges.len();
    if n < 2 {
        return Ok(());
    }
    let (a, b) = ranges[n - 2];
    let last = &s.text[ranges[n - 1].0..];
    let before = &s.text[a..trimmed(&s.text, a, b)];
    if last.contains(' ') || before.ends_with(',') {
        return Ok(());
    }
    let Some(cut) = before.rfind(' ').map(|i| a + i + 1) else {
        return Ok(());
    };
    if cut > a && s.width(cut, s.text.len())? <= rest {
        ranges[n - 2].1 = cut;
        ranges[n - 1].0 = cut;
    }
    Ok(())
}

/// End of `text[start..end]` without its trailing spaces.
fn trimmed(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end_matches(is_space).len()
}

/// The fragment that stands for a whole line `a..b`.
fn frag(text: &str, a: usize, b: usize) -> Frag {
    Frag {
        start: a,
        end: trimmed(text, a, b),
        hyphen: false,
        width: 0.0,
        space: 0.0,
        inner: 0.0,
        hyphen_width: 0.0,
    }
}

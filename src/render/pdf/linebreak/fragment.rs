//! Where a paragraph may break: its text cut into fragments at UAX #14
//! opportunities and hyphenation points, each measured in the real font,
//! and words too wide for the line cut between characters. Apart from
//! `fit`, which chooses among these breaks, and `linebreak` itself, which
//! builds the lines.
//!
//! Three rules change UAX #14's opportunities: a URL or e-mail address
//! breaks only at its own punctuation (`hyphen::address_breaks`), never
//! where UAX #14 would put it; no line begins with an em or en dash (the
//! dash stays with the word before it); and the paragraph's last word is
//! never hyphenated (a syllable alone on the last line looks bad).

use super::hyphen::{address_breaks, hyphenation_points, is_address};
use super::{Styled, is_space};
use crate::render::pdf::PdfError;
use crate::render::pdf::fonts::{self, Face};

/// A breakable unit: a word or part of one, with its trailing spaces.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frag {
    pub(super) start: usize,
    /// End of the text before the trailing spaces.
    pub(super) end: usize,
    /// Ends inside a word, at a hyphenation point: a break here draws "-".
    pub(super) hyphen: bool,
    /// Widths in pt: the text, its trailing spaces, the spaces inside it
    /// (a dash held to the word before it), and the hyphen a break adds.
    pub(super) width: f32,
    pub(super) space: f32,
    pub(super) inner: f32,
    pub(super) hyphen_width: f32,
}

/// Splits the text at its break opportunities, and at its hyphenation
/// points when `hyphenate`.
pub(super) fn fragments(s: &Styled, measure: f32, hyphenate: bool) -> Result<Vec<Frag>, PdfError> {
    let hyphen = fonts::width(Face::Regular, "-", s.size)?;
    let space = fonts::width(Face::Regular, " ", s.size)?;
    let mut out = Vec::new();
    let mut prev = 0;
    for pos in opportunities(&s.text) {
        let seg = &s.text[prev..pos];
        let end = prev + seg.trim_end_matches(' ').len();
        let inner = seg[..end - prev].chars().filter(|&c| is_space(c)).count() as f32 * space;
        let trailing = s.width(end, pos)?;
        let points = if !hyphenate || pos == s.text.len() {
            Vec::new()
        } else {
            points_in(&s.text, prev, end)
        };
        let mut starts = std::iter::once(prev)
            .chain(points.iter().copied())
            .peekable();
        while let Some(a) = starts.next() {
            let (b, last) = starts.peek().map_or((end, true), |&b| (b, false));
            let frag = Frag {
                start: a,
                end: b,
                hyphen: !last,
                width: s.width(a, b)?,
                space: if last { trailing } else { 0.0 },
                inner: if last { inner } else { 0.0 },
                hyphen_width: if last { 0.0 } else { hyphen },
            };
            force_break(s, frag, measure, &mut out)?;
        }
        prev = pos;
    }
    Ok(out)
}

/// Byte offsets where a line may end in `text`: UAX #14's, except inside
/// addresses (which break at their own points instead) and before a dash.
fn opportunities(text: &str) -> Vec<usize> {
    let addresses = address_ranges(text);
    let inside = |pos: usize| addresses.iter().any(|r| r.start < pos && pos < r.end);
    let mut out: Vec<usize> = unicode_linebreak::linebreaks(text)
        .map(|(pos, _)| pos)
        .filter(|&pos| !inside(pos) && !text[pos..].starts_with(['—', '–']))
        .collect();
    for r in &addresses {
        out.extend(
            address_breaks(&text[r.clone()])
                .into_iter()
                .map(|b| r.start + b),
        );
    }
    out.sort_unstable();
    out
}

/// The byte ranges of the words (between spaces) that are addresses.
fn address_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    words(text)
        .filter(|r| is_address(&text[r.clone()]))
        .collect()
}

/// The byte ranges of the words of `text`, between spaces.
fn words(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    text.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .map(move |w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            start..start + w.len()
        })
}

/// Hyphenation points strictly inside `start..end`, found in the whole word
/// around it: "well-known" breaks at "-" by UAX #14 and each part has its
/// own points, but the rules (no digits, no addresses) see the whole word.
fn points_in(text: &str, start: usize, end: usize) -> Vec<usize> {
    // After the white space before the word, however many bytes it takes
    // (a thin space is three).
    let from = text[..start]
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| end + i);
    hyphenation_points(&text[from..to])
        .into_iter()
        .map(|p| from + p)
        .filter(|&p| start < p && p < end)
        .collect()
}

/// Pushes `f`, cut between characters if it is wider than the line.
fn force_break(s: &Styled, f: Frag, max: f32, out: &mut Vec<Frag>) -> Result<(), PdfError> {
    if f.width + f.hyphen_width <= max {
        out.push(f);
        return Ok(());
    }
    let mut start = f.start;
    let mut cut = start;
    for (i, ch) in s.text[f.start..f.end].char_indices() {
        let next = f.start + i + ch.len_utf8();
        if next > start && cut > start && s.width(start, next)? > max {
            out.push(Frag {
                start,
                end: cut,
                hyphen: false,
                width: s.width(start, cut)?,
                space: 0.0,
                inner: 0.0,
                hyphen_width: 0.0,
            });
            start = cut;
        }
        cut = next;
    }
    let width = s.width(start, f.end)?;
    out.push(Frag { start, width, ..f });
    Ok(())
}

//! Where a paragraph may break: its text cut into textwrap fragments at
//! UAX #14 opportunities and hyphenation points, each measured in the real
//! font, and words too wide for the line cut between characters. Apart from
//! `linebreak` itself, which chooses among these breaks and builds the lines.

use textwrap::core::Fragment;

use super::Styled;
use crate::render::pdf::PdfError;
use crate::render::pdf::fonts::{self, Face};

/// Spaces may shrink to this fraction of their width before a line is
/// counted as full; justification then stretches (or slightly shrinks) them.
const SHRINK: f64 = 0.8;

/// A breakable unit: a word or part of one, with its trailing spaces.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frag {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Ends inside a word, at a hyphenation point.
    pub(super) hyphen: bool,
    /// Widths in units of a quarter em (about one space), which suits
    /// textwrap's penalties, tuned for monospace cells.
    width: f64,
    ws: f64,
    penalty: f64,
}

impl Fragment for Frag {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        self.ws
    }
    fn penalty_width(&self) -> f64 {
        self.penalty
    }
}

/// Splits the text at UAX #14 opportunities and hyphenation points.
pub(super) fn fragments(s: &Styled, measure: f32) -> Result<Vec<Frag>, PdfError> {
    let unit = f64::from(s.size) / 4.0;
    let hyphen = f64::from(fonts::width(Face::Regular, "-", s.size)?) / unit;
    let mut out = Vec::new();
    let mut prev = 0;
    for (pos, _) in unicode_linebreak::linebreaks(&s.text) {
        let seg = &s.text[prev..pos];
        let end = prev + seg.trim_end_matches(' ').len();
        let ws = s.width(end, pos)? as f64 / unit * SHRINK;
        // The last word stays whole: a syllable alone on the last line looks bad.
        let points = if pos == s.text.len() {
            Vec::new()
        } else {
            hyphenation_points(&s.text[prev..end])
        };
        let mut starts = std::iter::once(prev)
            .chain(points.iter().map(|p| prev + p))
            .peekable();
        while let Some(a) = starts.next() {
            let (b, last) = starts.peek().map_or((end, true), |&b| (b, false));
            let w = s.width(a, b)? as f64 / unit;
            let ws = if last { ws } else { 0.0 };
            let penalty = if last { 0.0 } else { hyphen };
            let frag = Frag {
                start: a,
                end: b,
                hyphen: !last,
                width: w,
                ws,
                penalty,
            };
            force_break(s, frag, f64::from(measure) / unit, &mut out)?;
        }
        prev = pos;
    }
    Ok(out)
}

/// Byte offsets inside `word` where it may be hyphenated: only in runs of
/// letters that start lowercase, and never next to other characters.
pub(super) fn hyphenation_points(word: &str) -> Vec<usize> {
    let mut points = Vec::new();
    let mut i = 0;
    while i < word.len() {
        let rest = &word[i..];
        let letters = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if letters == 0 {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let run = &rest[..letters];
        // hypher (without `alloc`) panics past 45 bytes; no real word is that long.
        let fits = (5..=40).contains(&run.len());
        if fits && run.chars().next().is_some_and(char::is_lowercase) {
            let mut at = i;
            let syllables = hypher::hyphenate_bounded(run, hypher::Lang::English, 2, 3);
            for syl in syllables {
                at += syl.len();
                points.push(at);
            }
            points.pop();
        }
        i += letters;
    }
    points
}

/// Pushes `f`, cut between characters if it is wider than the line.
fn force_break(s: &Styled, f: Frag, max: f64, out: &mut Vec<Frag>) -> Result<(), PdfError> {
    if f.width + f.penalty <= max {
        out.push(f);
        return Ok(());
    }
    let unit = f64::from(s.size) / 4.0;
    let mut start = f.start;
    let mut cut = start;
    for (i, ch) in s.text[f.start..f.end].char_indices() {
        let next = f.start + i + ch.len_utf8();
        if next > start && cut > start && s.width(start, next)? as f64 / unit > max {
            let width = s.width(start, cut)? as f64 / unit;
            out.push(Frag {
                start,
                end: cut,
                hyphen: false,
                width,
                ws: 0.0,
                penalty: 0.0,
            });
            start = cut;
        }
        cut = next;
    }
    let width = s.width(start, f.end)? as f64 / unit;
    out.push(Frag { start, width, ..f });
    Ok(())
}

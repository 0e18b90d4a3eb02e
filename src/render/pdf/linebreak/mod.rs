//! Line breaking: a paragraph of styled spans becomes lines of face runs.
//!
//! Break opportunities come from UAX #14 (`unicode-linebreak`, so NBSP holds),
//! hyphenation points from `hyphen` (English, lowercase words only: names,
//! acronyms, numbers and addresses are never split), and the breaks are
//! chosen by `fit`, TeX's total fit over fragments measured in the real
//! font. A word too long for the line and with no break point is cut
//! between characters. Cutting the text into fragments is in `fragment`;
//! this file builds the lines.

mod bidi;
mod fit;
mod fragment;
mod hyphen;
mod turnover;

pub use hyphen::hyphenation_points;
pub(crate) use turnover::turnover_lines;

use crate::compose::Span;

use super::PdfError;
use super::fonts::{self, Face};
use fragment::{Frag, fragments};

/// One line: runs of one face each, with natural (unjustified) positions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// The runs, left to right.
    pub(crate) pieces: Vec<Piece>,
    /// Natural width in pt.
    pub(crate) width: f32,
    /// Stretchable spaces in the line.
    pub(crate) spaces: usize,
    /// Letter gaps in the line: pairs of adjacent characters within a word,
    /// which tracking may widen (see `flow::justify`).
    pub(crate) gaps: usize,
    /// The paragraph's last line (set ragged).
    pub(crate) last: bool,
    /// Characters of the paragraph's text (as [`fonts::clean`] leaves it)
    /// before the next line: where the web page breaks its printed line.
    pub(crate) next: usize,
    /// The line ends inside a word, with a hyphen.
    pub(crate) hyphen: bool,
}

/// A run of one face within a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    /// The face.
    pub(crate) face: Face,
    /// The text, ending in "-" where the line ends in a hyphenated word.
    pub(crate) text: String,
    /// Natural offset from the line start, pt.
    pub(crate) x: f32,
    /// Stretchable spaces before this run in the line.
    pub(crate) spaces_before: usize,
    /// Letter gaps before this run's first character in the line.
    pub(crate) gaps_before: usize,
}

/// A paragraph's text with a face resolved for every character.
struct Styled {
    text: String,
    /// (byte start, face) of each face run, ascending.
    runs: Vec<(usize, Face)>,
    size: f32,
    /// Bidi levels of the text's bytes, when any of it is right to left.
    levels: Option<Vec<unicode_bidi::Level>>,
}

impl Styled {
    fn new(spans: &[Span], size: f32) -> Result<Styled, PdfError> {
        let mut text = String::new();
        let mut runs: Vec<(usize, Face)> = Vec::new();
        for span in spans {
            for ch in fonts::clean(&span.text).chars() {
                let face = fonts::face_for(span.style, ch)
                    .ok_or_else(|| PdfError::missing(ch, &span.text))?;
                if runs.last().is_none_or(|&(_, f)| f != face) {
                    runs.push((text.len(), face));
                }
                text.push(ch);
            }
        }
        let levels = bidi::levels(&text);
        Ok(Styled {
            text,
            runs,
            size,
            levels,
        })
    }

    /// Face runs intersecting `start..end`, clipped to it. Found by binary
    /// search: every fragment asks, and a paragraph of many short emphases
    /// has as many runs as words (a scan made a long one quadratic).
    fn pieces(&self, start: usize, end: usize) -> impl Iterator<Item = (Face, &str)> {
        let first = self.run_at(start);
        self.runs[first..]
            .iter()
            .enumerate()
            .take_while(move |(_, r)| r.0 < end)
            .filter_map(move |(i, &(s, face))| {
                let e = self
                    .runs
                    .get(first + i + 1)
                    .map_or(self.text.len(), |r| r.0);
                let (s, e) = (s.max(start), e.min(end));
                (s < e).then(|| (face, &self.text[s..e]))
            })
    }

    fn width(&self, start: usize, end: usize) -> Result<f32, PdfError> {
        self.pieces(start, end)
            .map(|(f, t)| Ok(fonts::width(f, t, self.size)?))
            .sum()
    }

    /// The index of the run holding byte `pos` (0 when there is none).
    fn run_at(&self, pos: usize) -> usize {
        self.runs.partition_point(|r| r.0 <= pos).saturating_sub(1)
    }

    fn face_at(&self, pos: usize) -> Face {
        self.runs
            .get(self.run_at(pos))
            .map_or(Face::Regular, |r| r.1)
    }
}

/// Breaks `spans` into lines at most `measure` pt wide at `size` pt.
pub(crate) fn break_lines(spans: &[Span], size: f32, measure: f32) -> Result<Vec<Line>, PdfError> {
    let styled = Styled::new(spans, size)?;
    let whole = fragments(&styled, measure, false)?;
    if whole.is_empty() {
        return Ok(Vec::new());
    }
    // Words are hyphenated only when the first pass finds no setting.
    let (frags, ends) = match fit::first_pass(&whole, measure) {
        Some(ends) => (whole, ends),
        None => {
            let frags = fragments(&styled, measure, true)?;
            let ends = fit::breaks(&frags, measure);
            (frags, ends)
        }
    };
    let count = ends.len();
    let (mut start, mut chars, mut counted) = (0, 0, 0);
    ends.iter()
        .enumerate()
        .map(|(i, &end)| {
            let mut line = build_line(&styled, &frags[start..end], i + 1 == count)?;
            let next = frags.get(end).map_or(styled.text.len(), |f| f.start);
            chars += styled.text[counted..next].chars().count();
            (line.next, counted) = (chars, next);
            start = end;
            Ok(line)
        })
        .collect()
}

/// Turns the chosen fragments into a line of face runs.
fn build_line(s: &Styled, frags: &[Frag], last: bool) -> Result<Line, PdfError> {
    let mut line = Line {
        pieces: Vec::new(),
        width: 0.0,
        spaces: 0,
        gaps: 0,
        last,
        next: 0,
        hyphen: !last && frags.last().is_some_and(|f| f.hyphen),
    };
    // The whole line so far: a word may go on across a change of face
    // ("trade" bold, "." not), and its letter gap with it.
    let mut all = String::new();
    for (face, text) in line_parts(s, frags, last) {
        let spaces = text.chars().filter(|&c| is_space(c)).count();
        let w = fonts::width(face, &text, s.size)?;
        all.push_str(&text);
        line.pieces.push(Piece {
            face,
            x: line.width,
            spaces_before: line.spaces,
            gaps_before: letter_gaps(&all) - letter_gaps(&text),
            text,
        });
        line.width += w;
        line.spaces += spaces;
    }
    line.gaps = letter_gaps(&all);
    Ok(line)
}

/// The chosen fragments' text as face runs in visual order (right-to-left
/// runs reversed, see `bidi`), with a hyphen (in the face of the letter
/// before it) where the line ends inside a word.
fn line_parts(s: &Styled, frags: &[Frag], last: bool) -> Vec<(Face, String)> {
    let (first, tail) = (frags[0], frags[frags.len() - 1]);
    let mut parts: Vec<(Face, String)> = match &s.levels {
        Some(levels) => bidi::visual(&s.text, levels, first.start..tail.end, |i| s.face_at(i)),
        None => s
            .pieces(first.start, tail.end)
            .map(|(f, t)| (f, t.to_string()))
            .collect(),
    };
    if tail.hyphen && !last {
        let face = s.face_at(tail.end.saturating_sub(1));
        match parts.last_mut() {
            Some((f, t)) if *f == face => t.push('-'),
            _ => parts.push((face, "-".to_string())),
        }
    }
    parts
}

/// Pairs of adjacent characters in `text` that are both not spaces.
pub(crate) fn letter_gaps(text: &str) -> usize {
    let mut chars = text.chars().map(is_space);
    let Some(mut prev) = chars.next() else {
        return 0;
    };
    chars
        .filter(|&space| {
            let gap = !prev && !space;
            prev = space;
            gap
        })
        .count()
}

/// Spaces that justification stretches (NBSP too: it only forbids a break).
pub(crate) fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

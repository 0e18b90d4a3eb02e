//! Line breaking: a paragraph of styled spans becomes lines of face runs.
//!
//! Break opportunities come from UAX #14 (`unicode-linebreak`, so NBSP holds),
//! hyphenation points from `hypher` (English, lowercase words only: names and
//! other capitalised words are never split), and the breaks are chosen by
//! `textwrap`'s optimal-fit over fragments measured in the real font. A word
//! too long for the line and with no break point is cut between characters.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};

use crate::compose::Span;

use super::PdfError;
use super::fonts::{self, Face};

/// Spaces may shrink to this fraction of their width before a line is
/// counted as full; justification then stretches (or slightly shrinks) them.
const SHRINK: f64 = 0.8;

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
        Ok(Styled { text, runs, size })
    }

    /// Face runs intersecting `start..end`, clipped to it.
    fn pieces(&self, start: usize, end: usize) -> impl Iterator<Item = (Face, &str)> {
        self.runs
            .iter()
            .enumerate()
            .filter_map(move |(i, &(s, face))| {
                let e = self.runs.get(i + 1).map_or(self.text.len(), |r| r.0);
                let (s, e) = (s.max(start), e.min(end));
                (s < e).then(|| (face, &self.text[s..e]))
            })
    }

    fn width(&self, start: usize, end: usize) -> Result<f32, PdfError> {
        self.pieces(start, end)
            .map(|(f, t)| fonts::width(f, t, self.size))
            .sum()
    }

    fn face_at(&self, pos: usize) -> Face {
        self.runs
            .iter()
            .rev()
            .find(|r| r.0 <= pos)
            .map_or(Face::Regular, |r| r.1)
    }
}

/// A breakable unit: a word or part of one, with its trailing spaces.
#[derive(Debug, Clone, Copy)]
struct Frag {
    start: usize,
    end: usize,
    hyphen: bool,
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

/// Breaks `spans` into lines at most `measure` pt wide at `size` pt.
pub(crate) fn break_lines(spans: &[Span], size: f32, measure: f32) -> Result<Vec<Line>, PdfError> {
    let styled = Styled::new(spans, size)?;
    let frags = fragments(&styled, measure)?;
    if frags.is_empty() {
        return Ok(Vec::new());
    }
    let unit = f64::from(size) / 4.0;
    let widths = [f64::from(measure) / unit];
    let penalties = Penalties {
        overflow_penalty: 10_000_000,
        hyphen_penalty: 30,
        ..Penalties::new()
    };
    let chosen = wrap_optimal_fit(&frags, &widths, &penalties)
        .unwrap_or_else(|_| wrap_first_fit(&frags, &widths));
    let count = chosen.len();
    chosen
        .iter()
        .enumerate()
        .map(|(i, line)| build_line(&styled, line, i + 1 == count))
        .collect()
}

/// Splits the text at UAX #14 opportunities and hyphenation points.
fn fragments(s: &Styled, measure: f32) -> Result<Vec<Frag>, PdfError> {
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
fn hyphenation_points(word: &str) -> Vec<usize> {
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

/// Turns the chosen fragments into a line of face runs.
fn build_line(s: &Styled, frags: &[Frag], last: bool) -> Result<Line, PdfError> {
    let (first, tail) = (frags[0], frags[frags.len() - 1]);
    let mut parts: Vec<(Face, String)> = s
        .pieces(first.start, tail.end)
        .map(|(f, t)| (f, t.to_string()))
        .collect();
    if tail.hyphen && !last {
        let face = s.face_at(tail.end.saturating_sub(1));
        match parts.last_mut() {
            Some((f, t)) if *f == face => t.push('-'),
            _ => parts.push((face, "-".to_string())),
        }
    }
    let mut line = Line {
        pieces: Vec::new(),
        width: 0.0,
        spaces: 0,
        gaps: 0,
        last,
    };
    // The whole line so far: a word may go on across a change of face
    // ("trade" bold, "." not), and its letter gap with it.
    let mut all = String::new();
    for (face, text) in parts {
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

/// Pairs of adjacent characters in `text` that are both not spaces.
pub(crate) fn letter_gaps(text: &str) -> usize {
    let spaces: Vec<bool> = text.chars().map(is_space).collect();
    spaces.windows(2).filter(|w| !w[0] && !w[1]).count()
}

/// Spaces that justification stretches (NBSP too: it only forbids a break).
pub(crate) fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

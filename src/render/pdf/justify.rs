//! Setting one line: where a broken paragraph's line goes and how its
//! slack is shared (justification: wider word spaces, then at most a
//! trace of letter-spacing), and the turnover lines of names, roles,
//! titles and quotation sources. `flow` stacks the lines this makes.

use crate::compose::Style;

use super::PdfError;
use super::flow::{Align, Pen, baseline, run, span};
use super::fonts::{self, Face};
use super::linebreak::{Line, turnover_lines};
use super::page::{Run, SetLine};

/// Where `line` breaks and how the pen justifies it.
pub(crate) fn set_line(line: &Line, pen: Pen) -> SetLine {
    let (word_space, letter_space) = justify(line, pen);
    SetLine {
        next: line.next,
        hyphen: line.hyphen,
        word_space,
        letter_space,
    }
}

/// Spaces alone stretch a justified line up to this multiple of their
/// natural width: the stretch the line breaker counts as badness 100 (see
/// `linebreak::fit`).
const WORD_MAX: f32 = 1.5;
/// Beyond that, tracking may widen the words of a line by at most this
/// fraction of their width, and the spaces take the rest: letter-spacing a
/// justified line shows (issue #14 found one word 3.1% wide), looser word
/// spaces much less, and the line breaker's demerits keep those rare.
const LETTER_MAX: f32 = 0.005;

/// Runs of one line, aligned within the pen's measure, at baseline `y`.
/// Justified lines share the slack among their spaces; a last line that only
/// fits with shrunk spaces is justified too.
pub(crate) fn line_runs(line: &Line, pen: Pen, y: f32) -> Vec<Run> {
    let slack = pen.measure - line.width;
    let (word_space, letter_space) = justify(line, pen);
    let shift = match pen.align {
        Align::Left | Align::Justify => 0.0,
        Align::Right => slack,
    };
    let runs = line.pieces.iter().map(|p| Run {
        x: pen.x
            + shift
            + p.x
            + word_space * p.spaces_before as f32
            + letter_space * p.gaps_before as f32,
        size: pen.size,
        word_space,
        letter_space,
        ..run(0.0, y, p.face, &p.text)
    });
    runs.collect()
}

/// How a line shares its slack: (extra pt per space, extra pt per letter
/// gap). The spaces take it alone up to `WORD_MAX`, then tracking takes what
/// it can up to `LETTER_MAX` of the words' width, and the spaces the rest.
/// Shrinking is done by the spaces only.
fn justify(line: &Line, pen: Pen) -> (f32, f32) {
    let slack = pen.measure - line.width;
    let stretch = pen.align == Align::Justify && (!line.last || slack < 0.0) && line.spaces > 0;
    if !stretch {
        return (0.0, 0.0);
    }
    let spaces = line.spaces as f32;
    let gaps = line.gaps as f32;
    let space = fonts::width(Face::Regular, " ", pen.size).unwrap_or(pen.size / 4.0);
    let beyond = slack - (WORD_MAX - 1.0) * space * spaces;
    let words = line.width - space * spaces;
    let letter_space = if beyond > 0.0 && line.gaps > 0 {
        beyond.min(LETTER_MAX * words) / gaps
    } else {
        0.0
    };
    ((slack - letter_space * gaps) / spaces, letter_space)
}

/// A name, role, title or source set as turnover lines: one line when it
/// fits the pen (aligned as the pen says); else broken after a comma where
/// one fits, never hyphenated, set flush left with the lines after the
/// first `indent` pt in. Each line's runs sit at the baseline of a line box
/// whose top is 0.
pub(crate) fn turnover(text: &str, pen: Pen, indent: f32) -> Result<Vec<Vec<Run>>, PdfError> {
    let spans = [span(text, Style::default())];
    let lines = turnover_lines(&spans, pen.size, pen.measure, pen.measure - indent)?;
    let single = lines.len() == 1;
    let runs = lines.iter().enumerate().map(|(i, line)| {
        let pen = match (single, i) {
            (true, _) => pen,
            (false, 0) => Pen {
                align: Align::Left,
                ..pen
            },
            (false, _) => Pen {
                align: Align::Left,
                x: pen.x + indent,
                measure: pen.measure - indent,
                ..pen
            },
        };
        line_runs(line, pen, -baseline(pen.lead))
    });
    Ok(runs.collect())
}

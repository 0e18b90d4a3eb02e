//! Page furniture, set apart from the letter's flow: the running head of
//! pages 2+ and the DRAFT mark. Both are artifacts (a reader of the tagged
//! PDF skips them), and both are computed once and stamped on each page.

use crate::compose::{Composed, Style, words};

use super::PdfError;
use super::flow::{Align, Pen, line_runs, span};
use super::fonts::{self, Face};
use super::linebreak::break_lines;
use super::page::{MARGIN, Run, WATERMARK_ANGLE};
use super::role::{Join, Role};

/// The running head's size and leading, pt.
const HEAD_SIZE: f32 = 11.0;
const HEAD_LEAD: f32 = 13.0;
/// Space between the running head and the text, pt.
const HEAD_GAP: f32 = 14.0;

/// The running head of pages 2+: who the letter is to (wrapped within the
/// margins, as many lines as it takes), the date, and the page number.
pub(crate) struct Head {
    /// The addressee's and the date's lines, `y` relative to the head's top.
    runs: Vec<Run>,
    /// Baseline of the page number's line, relative to the head's top.
    number_y: f32,
    /// Height from the top margin to the first line of text, pt.
    pub(crate) height: f32,
}

impl Head {
    /// Sets `c.running_head` and the date once, for a text block `measure`
    /// pt wide.
    pub(crate) fn new(c: &Composed, measure: f32) -> Result<Head, PdfError> {
        let pen = Pen {
            x: MARGIN,
            measure,
            align: Align::Left,
            size: HEAD_SIZE,
            lead: HEAD_LEAD,
        };
        let mut runs = Vec::new();
        let mut lines = 0;
        for text in [c.running_head.as_str(), c.date_text.as_str()] {
            for line in break_lines(&[span(text, Style::default())], HEAD_SIZE, measure)? {
                let y = -(lines as f32 + 0.8) * HEAD_LEAD;
                runs.extend(line_runs(&line, pen, y).into_iter().map(header));
                lines += 1;
            }
        }
        Ok(Head {
            runs,
            number_y: -(lines as f32 + 0.8) * HEAD_LEAD,
            height: (lines + 1) as f32 * HEAD_LEAD + HEAD_GAP,
        })
    }

    /// The head of page `number`, its top at `top`.
    pub(crate) fn runs(&self, number: usize, top: f32) -> impl Iterator<Item = Run> + '_ {
        let page = header(Run {
            x: MARGIN,
            y: self.number_y,
            face: Face::Regular,
            size: HEAD_SIZE,
            text: words::page(number),
            word_space: 0.0,
            letter_space: 0.0,
            grey: false,
            role: Role::Untagged,
            join: Join::None,
        });
        self.runs
            .iter()
            .cloned()
            .chain(std::iter::once(page))
            .map(move |r| Run { y: top + r.y, ..r })
    }
}

/// `run` as part of the running head: a pagination artifact.
fn header(run: Run) -> Run {
    Run {
        role: Role::Header,
        ..run
    }
}

/// "DRAFT" in light grey, centred in the top margin, clear of the text:
/// the word a reader of the text (pdftotext, a screen reader skipping
/// artifacts aside) finds on every page of a draft.
pub(crate) fn draft_label(width: f32, height: f32) -> Run {
    let size = 28.0;
    let w = fonts::width(Face::Bold, words::DRAFT, size).unwrap_or(0.0);
    Run {
        x: (width - w) / 2.0,
        y: height - MARGIN / 2.0 - size / 3.0,
        face: Face::Bold,
        size,
        text: words::DRAFT.to_string(),
        word_space: 0.0,
        letter_space: 0.0,
        grey: true,
        role: Role::Watermark,
        join: Join::None,
    }
}

/// Size of the slanted DRAFT mark, pt: some 5.6 in along its slant, in the
/// middle of the page, unmistakable from across a desk.
const DRAFT_SIZE: f32 = 120.0;

/// "DRAFT" large and light, slanted through the middle of a `width` ×
/// `height` page. It is painted before anything else, so under the text: it
/// never hides a letter of it.
pub(crate) fn draft_mark(width: f32, height: f32) -> Run {
    let w = fonts::width(Face::Bold, words::DRAFT, DRAFT_SIZE).unwrap_or(0.0);
    // The word's middle (half its width along, half a capital up) on the
    // page's centre: the origin is that far back along the slant.
    let (sin, cos) = WATERMARK_ANGLE.to_radians().sin_cos();
    let (along, up) = (w / 2.0, DRAFT_SIZE * 0.33);
    Run {
        x: width / 2.0 - (along * cos - up * sin),
        y: height / 2.0 - (along * sin + up * cos),
        size: DRAFT_SIZE,
        ..draft_label(width, height)
    }
}

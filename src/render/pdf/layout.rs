//! PDF layout, pure: a [`Composed`] letter becomes pages of positioned runs.
//!
//! The letter is first laid out as one flow of items (lines, rows of
//! signature blocks, gaps), each saying whether a page may break before it;
//! pagination then fills pages greedily and backs up to the last allowed
//! break, which is how widows, orphans, headings, the closing and the
//! signature blocks are kept together. Coordinates are PDF points from the
//! bottom-left corner; a run's `y` is its baseline.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::compose::{Composed, words};
use crate::model::SignatureImage;

use super::fonts::Face;
use super::linebreak::{is_space, letter_gaps, visual_text};
use super::role::{Join, Node, Role};
use super::{PdfError, PdfOptions, flow, letter};

/// One inch, the margin on every side.
pub(crate) const MARGIN: f32 = 72.0;
/// Continuation-page header: three lines and a gap.
const HEADER_SIZE: f32 = 11.0;
const HEADER_LEAD: f32 = 13.0;
const HEADER_HEIGHT: f32 = 3.0 * HEADER_LEAD + 14.0;

/// A laid-out letter.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Page width, pt.
    pub width: f32,
    /// Page height, pt.
    pub height: f32,
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// The structure elements the runs' roles name, in reading order.
    pub tree: Vec<Node>,
}

/// One page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// Text runs, in reading order.
    pub runs: Vec<Run>,
    /// Horizontal rules.
    pub rules: Vec<Rule>,
    /// Signature images.
    pub images: Vec<ImageBox>,
}

/// An image placed on the page: which one, and the box it fills (its aspect
/// kept by the layout).
#[derive(Debug, Clone, PartialEq)]
pub struct ImageBox {
    /// The image (shared by every box that shows it).
    pub image: Arc<SignatureImage>,
    /// Left edge, pt from the page's left.
    pub x: f32,
    /// Bottom edge, pt from the page's bottom.
    pub y: f32,
    /// Width, pt.
    pub width: f32,
    /// Height, pt.
    pub height: f32,
    /// Its `Figure` element.
    pub role: Role,
    /// Its alternative text: "Signature of <name>".
    pub alt: String,
}

/// A run of text in one face on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Left edge, pt from the page's left.
    pub x: f32,
    /// Baseline, pt from the page's bottom.
    pub y: f32,
    /// The face.
    pub face: Face,
    /// Font size, pt.
    pub size: f32,
    /// The text, exactly as it should extract.
    pub text: String,
    /// Extra width added to each space (and NBSP), pt: justification.
    pub word_space: f32,
    /// Extra width between adjacent letters of a word, pt: the tracking
    /// that takes part of the slack of a loose justified line.
    pub letter_space: f32,
    /// Light grey instead of black (the DRAFT mark).
    pub grey: bool,
    /// Its structure element, or the kind of artifact it is.
    pub role: Role,
    /// Its part in a word hyphenated across lines.
    pub join: Join,
}

impl Run {
    /// The run's right edge, pt from the page's left: where its last glyph
    /// ends, justification included.
    pub fn right(&self) -> f32 {
        let spaces = self.text.chars().filter(|&c| is_space(c)).count();
        let gaps = letter_gaps(&self.text) as f32;
        let width = super::fonts::width(self.face, &self.text, self.size).unwrap_or(0.0);
        self.x + width + self.word_space * spaces as f32 + self.letter_space * gaps
    }

    /// How far justification stretched this run's spaces: their justified
    /// width over their natural width (below 1 where they shrank). This is
    /// the measure of issue #5; tracking never widens the space between
    /// words, so it does not enter into it.
    pub fn space_stretch(&self) -> f32 {
        let space = super::fonts::width(self.face, " ", self.size).unwrap_or(1.0);
        (space + self.word_space) / space
    }
}

/// A horizontal rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end, pt.
    pub x1: f32,
    /// Right end, pt.
    pub x2: f32,
    /// Vertical position of the rule's centre line, pt.
    pub y: f32,
    /// Thickness, pt.
    pub thickness: f32,
}

/// The page frame: paper size and the text block inside the margins.
#[derive(Debug, Clone, Copy)]
struct Frame {
    width: f32,
    height: f32,
    measure: f32,
}

/// Lays out `c` on the paper in `opts`.
pub fn layout(c: &Composed, opts: &PdfOptions) -> Result<Layout, PdfError> {
    let (width, height) = super::size_pt(opts.paper);
    let frame = Frame {
        width,
        height,
        measure: width - 2.0 * MARGIN,
    };
    let (items, tree) = letter::letter(c, frame.measure)?;
    let body = height - 2.0 * MARGIN;
    let ranges = paginate(&items, body, body - HEADER_HEIGHT);
    let pages = ranges
        .into_iter()
        .enumerate()
        .map(|(i, range)| place(c, frame, i + 1, &items[range]))
        .collect();
    Ok(Layout {
        width,
        height,
        pages,
        tree,
    })
}

/// Splits the flow into pages: fill greedily, then back up to the last item
/// a page may break before. A run of kept items taller than a page breaks
/// where it overflows rather than vanishing.
fn paginate(items: &[flow::Item], first: f32, other: f32) -> Vec<Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    while start < items.len() {
        while !pages.is_empty() && items.get(start).is_some_and(|i| i.gap) {
            start += 1; // no gap at the top of a continuation page
        }
        let avail = if pages.is_empty() { first } else { other };
        let mut used = 0.0;
        let mut end = start;
        while end < items.len() && used + items[end].height <= avail + 0.01 {
            used += items[end].height;
            end += 1;
        }
        if end < items.len() {
            let mut b = end;
            while b > start && items[b].keep_with_prev {
                b -= 1;
            }
            end = if b > start { b } else { end.max(start + 1) };
        }
        if start < end {
            pages.push(start..end);
        }
        start = end;
    }
    pages
}

/// Places one page's items top-down, with the continuation header and the
/// DRAFT mark.
fn place(c: &Composed, frame: Frame, number: usize, items: &[flow::Item]) -> Page {
    let mut page = Page::default();
    let mut top = frame.height - MARGIN;
    if c.draft {
        page.runs.push(draft_mark(frame));
    }
    if number > 1 {
        top = header(c, number, top, &mut page);
    }
    for item in items {
        page.runs.extend(item.runs.iter().map(|r| Run {
            y: top + r.y,
            ..r.clone()
        }));
        page.rules
            .extend(item.rules.iter().map(|r| Rule { y: top + r.y, ..*r }));
        page.images.extend(item.images.iter().map(|b| ImageBox {
            y: top + b.y,
            ..b.clone()
        }));
        top -= item.height;
    }
    page
}

/// "DRAFT" in light grey, centred in the top margin, clear of the text.
fn draft_mark(frame: Frame) -> Run {
    let size = 28.0;
    let w = super::fonts::width(Face::Bold, words::DRAFT, size).unwrap_or(0.0);
    Run {
        x: (frame.width - w) / 2.0,
        y: frame.height - MARGIN / 2.0 - size / 3.0,
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

/// The small header of pages 2+: addressee, date, page number.
fn header(c: &Composed, number: usize, top: f32, page: &mut Page) -> f32 {
    let name = c
        .recipients
        .first()
        .map(|r| r.name.as_str())
        .unwrap_or_default();
    let lines = [visual_text(name), c.date_text.clone(), words::page(number)];
    for (i, text) in lines.into_iter().enumerate() {
        page.runs.push(Run {
            x: MARGIN,
            y: top - (i as f32 + 0.8) * HEADER_LEAD,
            face: Face::Regular,
            size: HEADER_SIZE,
            text,
            word_space: 0.0,
            letter_space: 0.0,
            grey: false,
            role: Role::Header,
            join: Join::None,
        });
    }
    top - HEADER_HEIGHT
}

impl Layout {
    /// A stable, readable text form for golden tests: one line per run or
    /// rule, numbers rounded to 0.1 pt.
    pub fn snapshot(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "paper {:.1} x {:.1}", self.width, self.height)?;
        for (i, page) in self.pages.iter().enumerate() {
            let n = i + 1;
            for r in &page.runs {
                write!(f, "p{n} {:.1} {:.1} {:?} {:.1}", r.x, r.y, r.face, r.size)?;
                if r.word_space != 0.0 {
                    write!(f, " ws{:+.2}", r.word_space)?;
                }
                if r.letter_space != 0.0 {
                    write!(f, " ls{:+.2}", r.letter_space)?;
                }
                let grey = if r.grey { " grey" } else { "" };
                writeln!(f, "{grey} {:?}", r.text)?;
            }
            for r in &page.rules {
                writeln!(
                    f,
                    "p{n} rule {:.1}..{:.1} {:.1} w{:.1}",
                    r.x1, r.x2, r.y, r.thickness
                )?;
            }
            for b in &page.images {
                writeln!(
                    f,
                    "p{n} image {:.1} {:.1} {:.1}x{:.1} {:?}",
                    b.x, b.y, b.width, b.height, b.image.path
                )?;
            }
        }
        Ok(())
    }
}

//! PDF layout, pure: a [`Composed`] letter becomes pages of positioned runs.
//!
//! The letter is first laid out as one flow of items (lines, rows of
//! signature blocks, gaps), each saying whether a page may break before it;
//! pagination then fills pages greedily and backs up to the last allowed
//! break, which is how widows, orphans, headings, the closing and the
//! signature blocks are kept together. Coordinates are PDF points from the
//! bottom-left corner; a run's `y` is its baseline.

use std::ops::Range;

use crate::compose::Composed;

use super::fonts::Face;
use super::linebreak::visual_text;
use super::page::MARGIN;
pub use super::page::{ImageBox, Layout, Page, Rule, Run};
use super::role::{Join, Role};
use super::{PdfError, PdfOptions, flow, letter};

/// Continuation-page header: three lines and a gap.
const HEADER_SIZE: f32 = 11.0;
const HEADER_LEAD: f32 = 13.0;
const HEADER_HEIGHT: f32 = 3.0 * HEADER_LEAD + 14.0;

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
    let w = super::fonts::width(Face::Bold, "DRAFT", size).unwrap_or(0.0);
    Run {
        x: (frame.width - w) / 2.0,
        y: frame.height - MARGIN / 2.0 - size / 3.0,
        face: Face::Bold,
        size,
        text: "DRAFT".to_string(),
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
    let lines = [
        visual_text(name),
        c.date_text.clone(),
        format!("Page {number}"),
    ];
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

//! PDF layout, pure: a [`Composed`] letter becomes pages of positioned runs.
//!
//! The letter is first laid out as one flow of items (lines, rows of
//! signature blocks, gaps), each saying whether a page may break before it;
//! pagination then fills pages greedily and backs up to the last allowed
//! break, which is how widows, orphans, headings, the closing (with the last
//! two lines of text) and the signature blocks are kept together; the rows
//! of the grid are then shared out between the last two pages. The running
//! head and the DRAFT mark come from `furniture`. Coordinates are PDF points
//! from the bottom-left corner; a run's `y` is its baseline.

use std::ops::Range;

use crate::compose::Composed;

use super::furniture::{Head, draft_label, draft_mark};
use super::page::MARGIN;
pub use super::page::{Anchor, ImageBox, Layout, Page, Rule, Run, SetLine};
use super::{PdfError, PdfOptions, flow, letter};

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
    let head = Head::new(c, frame.measure)?;
    let body = height - 2.0 * MARGIN;
    let letter::Flowed {
        items,
        tree,
        running,
        anchors,
    } = letter::letter(c, frame.measure, body - head.height)?;
    let ranges = paginate(&items, body, body - head.height);
    let breaks = breaks(&ranges, &items, &anchors);
    let pages = ranges
        .into_iter()
        .enumerate()
        .map(|(i, range)| place(c, frame, &head, i + 1, &items[range]))
        .collect();
    Ok(Layout {
        width,
        height,
        pages,
        tree,
        running,
        breaks,
    })
}

/// The anchors that begin pages 2, 3, …: each page's first item (its gaps
/// are dropped) when it has one.
fn breaks(
    ranges: &[Range<usize>],
    items: &[flow::Item],
    anchors: &[(usize, Anchor)],
) -> Vec<Anchor> {
    let first = |r: &Range<usize>| r.clone().find(|&i| !items[i].gap);
    let anchor = |i: usize| {
        let at = anchors.binary_search_by_key(&i, |&(item, _)| item).ok()?;
        Some(anchors[at].1)
    };
    ranges
        .iter()
        .skip(1)
        .filter_map(first)
        .filter_map(anchor)
        .collect()
}

/// Splits the flow into pages: fill greedily, then back up to the last item
/// a page may break before. A run of kept items taller than a page breaks
/// where it overflows rather than vanishing. Linear in the items: each is
/// measured once and backed over at most once.
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
    balance(items, &mut pages, other);
    pages
}

/// Evens out the rows of the signature grid between the last two pages
/// when the last page opens with rows: rows move over from the page before
/// (never the first row, which stays with the closing) while it holds two
/// more than the last page and the last page has room. A lone block no
/// longer ends the letter when the rows can be shared.
fn balance(items: &[flow::Item], pages: &mut [Range<usize>], avail: f32) {
    let [.., prev, last] = pages else {
        return;
    };
    let count = |r: &Range<usize>| items[r.clone()].iter().filter(|i| i.row).count();
    if !items[last.start].row {
        return;
    }
    let mut used: f32 = items[last.clone()].iter().map(|i| i.height).sum();
    let (mut on_prev, mut on_last) = (count(prev), count(last));
    while on_prev >= on_last + 2 {
        // The last row of the previous page, and the gap before it.
        let Some(row) = (prev.start..prev.end).rev().find(|&i| items[i].row) else {
            return;
        };
        let height: f32 = items[row..prev.end]
            .iter()
            .filter(|i| !i.gap)
            .map(|i| i.height)
            .sum();
        if items[row].keep_with_prev || used + height > avail + 0.01 {
            return;
        }
        used += height;
        prev.end = row;
        last.start = row;
        on_prev -= 1;
        on_last += 1;
    }
}

/// Places one page's items top-down, under the DRAFT mark and, on pages
/// 2+, the running head.
fn place(c: &Composed, frame: Frame, head: &Head, number: usize, items: &[flow::Item]) -> Page {
    let mut page = Page::default();
    let mut top = frame.height - MARGIN;
    if c.draft {
        page.runs.push(draft_label(frame.width, frame.height));
        page.watermark = Some(draft_mark(frame.width, frame.height));
    }
    if number > 1 {
        page.runs.extend(head.runs(number, top));
        top -= head.height;
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

//! The flow: a vertical list of items (lines, signature rows, gaps) before
//! pagination, and the paragraph setter that fills it.
//!
//! Each item has its runs placed relative to its top and says whether a
//! page may break before it: that is how `layout` keeps widows, orphans,
//! headings and signature blocks together. What goes into the flow, and with
//! which sizes and indents, is `letter`'s business.

use crate::compose::{Span, Style};

use super::PdfError;
use super::fonts::Face;
use super::justify::set_line;
pub(crate) use super::justify::{line_runs, turnover};
use super::linebreak::break_lines;
use super::page::join_hyphenated;
use super::page::{Anchor, ImageBox, MARGIN, Rule, Run, SetLine};
use super::role::{Join, Kind, Node, Role};

/// Body text size and leading, pt.
pub(crate) const SIZE: f32 = 12.0;
pub(crate) const LEAD: f32 = 14.0;

/// One unit of the flow.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    /// Height, pt.
    pub(crate) height: f32,
    /// Runs with `y` relative to the item's top (negative: below it).
    pub(crate) runs: Vec<Run>,
    /// Rules with `y` relative to the item's top.
    pub(crate) rules: Vec<Rule>,
    /// Images with `y` (their bottom) relative to the item's top.
    pub(crate) images: Vec<ImageBox>,
    /// A page may not break before this item.
    pub(crate) keep_with_prev: bool,
    /// Vertical space only (dropped at the top of a page).
    pub(crate) gap: bool,
    /// A row of the signature grid: pagination balances the last two
    /// pages of rows.
    pub(crate) row: bool,
}

/// Horizontal alignment of a paragraph's lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Align {
    Left,
    Right,
    /// Flush both sides, the last line ragged.
    Justify,
}

/// Where and how a paragraph is set.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pen {
    pub(crate) x: f32,
    pub(crate) measure: f32,
    pub(crate) align: Align,
    pub(crate) size: f32,
    pub(crate) lead: f32,
}

/// The flow being built.
pub(crate) struct Flow {
    items: Vec<Item>,
    /// Width of the text block, pt.
    pub(crate) measure: f32,
    gap: f32,
    /// Caps the next gap (after a heading, which sits close to its text).
    cap: Option<f32>,
    keep: bool,
    /// The structure elements opened so far, in reading order.
    tree: Vec<Node>,
    /// The element that `para` sets its lines into.
    at: u32,
    /// The lines of each paragraph of running text, as [`Flow::running`]
    /// set them.
    running: Vec<Vec<SetLine>>,
    /// Items the web page can begin a page at, by index, ascending.
    anchors: Vec<(usize, Anchor)>,
}

/// What a flow holds when the letter is in it.
pub(crate) struct Flowed {
    pub(crate) items: Vec<Item>,
    pub(crate) tree: Vec<Node>,
    pub(crate) running: Vec<Vec<SetLine>>,
    pub(crate) anchors: Vec<(usize, Anchor)>,
}

impl Flow {
    pub(crate) fn new(measure: f32) -> Flow {
        Flow {
            items: Vec::new(),
            measure,
            gap: 0.0,
            cap: None,
            keep: false,
            tree: Vec::new(),
            at: 0,
            running: Vec::new(),
            anchors: Vec::new(),
        }
    }

    /// The items, the structure tree their runs refer to, and the lines of
    /// the running text.
    pub(crate) fn into_items(self) -> Flowed {
        Flowed {
            items: self.items,
            tree: self.tree,
            running: self.running,
            anchors: self.anchors,
        }
    }

    /// How many items the flow holds: with [`Flow::anchor`], marks where
    /// the next item goes.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// Names the first item pushed since the flow held `from` items (gaps
    /// aside) as `anchor`.
    pub(crate) fn anchor(&mut self, from: usize, anchor: Anchor) {
        if let Some(i) = contents_since(&self.items, from).next() {
            self.anchors.push((i, anchor));
        }
    }

    /// Opens a structure element under `parent` (`None`: the document) and
    /// makes it the one `para` sets into; returns its id.
    pub(crate) fn open(&mut self, kind: Kind, parent: Option<u32>) -> u32 {
        self.tree.push(Node { kind, parent });
        self.at = self.tree.len() as u32 - 1;
        self.at
    }

    /// A full-measure pen for body text.
    pub(crate) fn pen(&self, align: Align) -> Pen {
        Pen {
            x: MARGIN,
            measure: self.measure,
            align,
            size: SIZE,
            lead: LEAD,
        }
    }

    /// Asks for at least `h` pt of space before the next item.
    pub(crate) fn gap(&mut self, h: f32) {
        self.gap = self.gap.max(h);
    }

    /// Keeps the next item on the page of the last one, with at most `cap`
    /// pt between them.
    pub(crate) fn keep_next(&mut self, cap: Option<f32>) {
        self.keep = true;
        self.cap = cap;
    }

    /// Appends an item, preceded by the pending gap.
    pub(crate) fn push(&mut self, height: f32, runs: Vec<Run>, rules: Vec<Rule>, keep: bool) {
        let keep_with_prev = keep || std::mem::take(&mut self.keep);
        let gap = self.cap.take().map_or(self.gap, |cap| self.gap.min(cap));
        if gap > 0.0 && !self.items.is_empty() {
            let (runs, rules) = (Vec::new(), Vec::new());
            self.items.push(Item {
                height: gap,
                runs,
                rules,
                images: Vec::new(),
                keep_with_prev,
                gap: true,
                row: false,
            });
        }
        self.gap = 0.0;
        self.items.push(Item {
            height,
            runs,
            rules,
            images: Vec::new(),
            keep_with_prev,
            gap: false,
            row: false,
        });
    }

    /// Marks the last item pushed as a row of the signature grid.
    pub(crate) fn mark_row(&mut self) {
        if let Some(item) = self.items.last_mut() {
            item.row = true;
        }
    }

    /// Keeps the next item with the last `lines` lines before it: no page
    /// break falls among them, so it never starts a page without them.
    pub(crate) fn keep_with_last(&mut self, lines: usize) {
        let mut seen = 0;
        for item in self.items.iter_mut().rev() {
            if !item.gap {
                seen += 1;
            }
            if seen >= lines {
                break;
            }
            item.keep_with_prev = true;
        }
        self.keep = true;
    }

    /// Places images in the last item pushed (a row of signature blocks).
    pub(crate) fn attach_images(&mut self, images: Vec<ImageBox>) {
        if let Some(item) = self.items.last_mut() {
            item.images.extend(images);
        }
    }

    /// Sets `spans` as a paragraph of running text (a paragraph, a
    /// quotation, an ask), as [`Flow::para`] does, and keeps where its lines
    /// break for the web page.
    pub(crate) fn running(
        &mut self,
        spans: &[Span],
        pen: Pen,
        label: Option<Run>,
    ) -> Result<(), PdfError> {
        let from = self.items.len();
        let lines = self.para(spans, pen, label)?;
        let para = self.running.len();
        self.running.push(lines);
        let anchors = contents_since(&self.items, from)
            .enumerate()
            .map(|(line, i)| (i, Anchor::Line { para, line }));
        self.anchors.extend(anchors);
        Ok(())
    }

    /// Sets `spans` as a paragraph, `label` (a list number) beside its first
    /// line; a page break never leaves a single line of it alone. Returns
    /// where its lines break.
    pub(crate) fn para(
        &mut self,
        spans: &[Span],
        pen: Pen,
        label: Option<Run>,
    ) -> Result<Vec<SetLine>, PdfError> {
        let lines = break_lines(spans, pen.size, pen.measure)?;
        let breaks = lines.iter().map(|line| set_line(line, pen)).collect();
        let n = lines.len();
        let mut set: Vec<Vec<Run>> = lines
            .iter()
            .map(|line| tagged(line_runs(line, pen, -baseline(pen.lead)), self.at))
            .collect();
        let source: String = spans.iter().map(|s| s.text.as_str()).collect();
        join_hyphenated(&mut set, &source);
        for (i, mut runs) in set.into_iter().enumerate() {
            if i == 0 {
                runs.splice(0..0, label.clone());
            }
            self.push(pen.lead, runs, Vec::new(), i > 0 && (i < 2 || n - i < 2));
        }
        Ok(breaks)
    }

    /// `text` as turnover lines (see [`turnover`]), each line an item kept
    /// with the one before, in the element `open` made last.
    pub(crate) fn turnover(&mut self, text: &str, pen: Pen, indent: f32) -> Result<(), PdfError> {
        for (i, runs) in turnover(text, pen, indent)?.into_iter().enumerate() {
            let runs = tagged(runs, self.at);
            self.push(pen.lead, runs, Vec::new(), i > 0);
        }
        Ok(())
    }

    /// One plain string as a left-aligned body paragraph.
    pub(crate) fn plain(&mut self, text: &str, style: Style) -> Result<(), PdfError> {
        self.para(&[span(text, style)], self.pen(Align::Left), None)?;
        Ok(())
    }
}

/// The indexes of `items` from `from` on, gaps aside.
fn contents_since(items: &[Item], from: usize) -> impl Iterator<Item = usize> + '_ {
    (from..items.len()).filter(|&i| !items[i].gap)
}

/// Baseline below the top of a line box of height `lead`.
pub(crate) fn baseline(lead: f32) -> f32 {
    lead * 0.78
}

/// A body-size run.
pub(crate) fn run(x: f32, y: f32, face: Face, text: &str) -> Run {
    let text = text.to_string();
    Run {
        x,
        y,
        face,
        size: SIZE,
        text,
        word_space: 0.0,
        letter_space: 0.0,
        grey: false,
        role: Role::Untagged,
        join: Join::None,
    }
}

/// `runs` as the content of structure element `node`.
pub(crate) fn tagged(runs: Vec<Run>, node: u32) -> Vec<Run> {
    let role = Role::Node(node);
    runs.into_iter().map(|r| Run { role, ..r }).collect()
}

pub(crate) fn span(text: &str, style: Style) -> Span {
    Span {
        text: text.to_string(),
        style,
    }
}

//! The design of the letter: what goes into the flow, in which order, with
//! which sizes, indents and gaps.
//!
//! Page 1 opens with the centred letterhead in letter-spaced capitals over a
//! short rule, then the date, the inside addresses, the "Re:" line and the
//! salutation; the sections follow (bold headings, justified paragraphs,
//! quotations indented on both sides with their source flush right, numbered
//! asks with a hanging indent), then the closing, the signature grid (two
//! columns, three past 40 signers; 0.8 in a two-line row) and the cc and
//! enclosure lines. `templates/letter.html` sets the web page with the same
//! sizes, gaps and indents: change both together.

use std::sync::Arc;

use crate::compose::{Composed, Section, SignatureBlock, SignatureMark, Style, words};
use crate::model::SignatureImage;

use super::PdfError;
use super::caps::{self, CapsPen};
pub(crate) use super::flow::Flowed;
use super::flow::{Align, Flow, LEAD, Pen, SIZE, baseline, run, span, tagged, turnover};
use super::fonts::{self, Face};
use super::page::{Anchor, ImageBox, MARGIN, Rule, Run};
use super::role::{Kind, Role};

/// Gap between paragraphs and other blocks.
const PARA: f32 = 12.0;
/// Room for a handwritten signature above the printed name, from the foot
/// of the line above (the closing, or the last line of the block above) to
/// the top of the name's line. Rows follow with no further gap, so a
/// two-line block takes 29.6 + 2 × 14 = 57.6 pt (0.8 in, pdflatex's grid
/// fits the same ten rows a page), and the clear space between the
/// descenders above and the capitals of the name is 33.1 pt (0.46 in).
pub(crate) const SIG_SPACE: f32 = 29.6;
const GUTTER: f32 = 36.0;
/// Past this many blocks the grid has three columns (2 in wide, 18 pt
/// apart) instead of two (3 in, 36 pt apart). Measured at 40 signers, three
/// columns saved no page: the 40-signer fixture took 4 pages either way
/// (grid rows 1 + 10 + 9 against 1 + 7 + 6), and with a one-page body 3
/// pages either way; and they narrow the space to sign by a third and turn
/// a long lead role over. Past 40, two columns (20 a continuation page)
/// need a third page of grid where three columns (30 a page) do not.
const THREE_COLUMNS_PAST: usize = 40;
const QUOTE_INDENT: f32 = 36.0;
const ASK_INDENT: f32 = 36.0;
/// The hanging indent of turnover lines (names, roles, titles), one em.
const HANG: f32 = 12.0;
const BOLD: Style = Style {
    bold: true,
    italic: false,
};

/// Lays the whole letter out as one flow, with the structure tree its runs
/// belong to: each line of the date, the addresses, the salutation and the
/// closing is a paragraph of its own.
/// A signature block taller than `page` pt (the room on a continuation
/// page) is refused.
pub(crate) fn letter(c: &Composed, measure: f32, page: f32) -> Result<Flowed, PdfError> {
    let mut f = Flow::new(measure);
    letterhead(&mut f, &c.letterhead)?;
    blank_letterhead(&mut f, &c.blank_letterhead)?;
    f.gap(18.0);
    para(&mut f, &c.date_text)?;
    for r in &c.recipients {
        f.gap(LEAD);
        // A long name or title turns over under a hanging indent, so that
        // its second line does not read as an address line.
        for line in std::iter::once(&r.name).chain(&r.title) {
            f.open(Kind::P, None);
            f.turnover(line, f.pen(Align::Left), HANG)?;
        }
        for line in &r.address {
            para(&mut f, line)?;
        }
    }
    f.gap(LEAD);
    labelled(&mut f, words::RE, c.subject.as_slice())?;
    f.gap(LEAD);
    para(&mut f, &c.salutation)?;
    // Under no printed letterhead (`none`) the section headings open the
    // outline: H1, so that no heading level is skipped (PDF/UA).
    let level = match c.letterhead.is_empty() {
        true => Kind::H1,
        false => Kind::H2,
    };
    for (i, s) in c.sections.iter().enumerate() {
        section(&mut f, (i, s), level)?;
    }
    f.gap(PARA);
    // The closing never starts a page: the last two lines of text go with it.
    f.keep_with_last(2);
    para(&mut f, &c.closing)?;
    signatures(&mut f, &c.signatures, page)?;
    f.gap(2.0 * LEAD);
    // Nor do the cc and enclosure lines leave the grid for a page alone.
    f.keep_next(None);
    labelled(&mut f, words::CC, &c.cc)?;
    f.gap(LEAD);
    labelled(&mut f, c.labels().enclosures, &c.enclosures)?;
    Ok(f.into_items())
}

/// One plain line as a paragraph of the document.
fn para(f: &mut Flow, text: &str) -> Result<(), PdfError> {
    f.open(Kind::P, None);
    f.plain(text, Style::default())
}

/// The letterhead's first line, and its line height.
const HEAD_LINE: (CapsPen, f32) = (
    CapsPen {
        size: 16.0,
        tracking: 0.06,
    },
    20.0,
);
/// Its other lines, smaller.
const HEAD_REST: (CapsPen, f32) = (
    CapsPen {
        size: 10.5,
        tracking: 0.08,
    },
    13.0,
);
/// The short centred rule under the letterhead (2.5 in), its thickness and
/// its distance below the last line.
const HEAD_RULE: f32 = 180.0;
const HEAD_RULE_WIDTH: f32 = 0.75;
const HEAD_RULE_GAP: f32 = 8.0;

/// The centred letterhead, as the web page's: letter-spaced capitals, the
/// first line (the page's heading) larger, a short rule under them.
fn letterhead(f: &mut Flow, lines: &[String]) -> Result<(), PdfError> {
    let centre = MARGIN + f.measure / 2.0;
    for (i, text) in lines.iter().enumerate() {
        let (pen, lead) = if i == 0 { HEAD_LINE } else { HEAD_REST };
        let node = f.open(if i == 0 { Kind::H1 } else { Kind::P }, None);
        for runs in caps::centred_lines(text, pen, centre, f.measure)? {
            let runs = runs.into_iter().map(|r| Run {
                y: -baseline(lead),
                ..r
            });
            f.push(lead, tagged(runs.collect(), node), Vec::new(), i > 0);
        }
    }
    if !lines.is_empty() {
        let rule = Rule {
            x1: centre - HEAD_RULE / 2.0,
            x2: centre + HEAD_RULE / 2.0,
            y: -(HEAD_RULE_GAP + HEAD_RULE_WIDTH / 2.0),
            thickness: HEAD_RULE_WIDTH,
        };
        let height = HEAD_RULE_GAP + HEAD_RULE_WIDTH;
        f.push(height, Vec::new(), vec![rule], true);
    }
    Ok(())
}

/// The room `lines` would take as a letterhead, left blank (`letterhead =
/// "none"`): measured by setting them aside, so it stays the printed
/// letterhead's height whatever its design.
fn blank_letterhead(f: &mut Flow, lines: &[String]) -> Result<(), PdfError> {
    if lines.is_empty() {
        return Ok(());
    }
    let mut aside = Flow::new(f.measure);
    letterhead(&mut aside, lines)?;
    let height = aside.into_items().items.iter().map(|i| i.height).sum();
    // A spacer, not a gap: gaps are dropped at the top of a page.
    f.push(height, Vec::new(), Vec::new(), false);
    Ok(())
}

/// Entries set after a label with a hanging indent ("Re:", "cc:").
fn labelled(f: &mut Flow, label: &str, entries: &[String]) -> Result<(), PdfError> {
    let indent = fonts::width(Face::Regular, label, SIZE)? + 6.0;
    for (i, entry) in entries.iter().enumerate() {
        let pen = Pen {
            x: MARGIN + indent,
            measure: f.measure - indent,
            ..f.pen(Align::Left)
        };
        let node = f.open(Kind::P, None);
        let label = (i == 0).then(|| Run {
            role: Role::Node(node),
            // The space ends the label as a word for text extraction; it
            // moves nothing (the entry is placed by the indent).
            ..run(MARGIN, -baseline(LEAD), Face::Regular, &format!("{label} "))
        });
        f.para(&[span(entry, Style::default())], pen, label)?;
    }
    Ok(())
}

/// Section number `i`: its heading, paragraphs, quotations and asks. A
/// paragraph that ends in a colon leads in to what follows (a quotation,
/// the asks) and is kept with it.
fn section(f: &mut Flow, (i, s): (usize, &Section), level: Kind) -> Result<(), PdfError> {
    if let Some(heading) = &s.heading {
        f.gap(PARA);
        f.open(level, None);
        let from = f.len();
        f.para(&[span(heading, BOLD)], f.pen(Align::Left), None)?;
        f.anchor(from, Anchor::Heading { section: i });
        f.keep_next(Some(3.0));
    }
    for p in &s.paragraphs {
        f.gap(PARA);
        f.open(Kind::P, None);
        f.running(p, f.pen(Align::Justify), None)?;
        if p.last().is_some_and(|s| s.text.trim_end().ends_with(':')) {
            f.keep_next(None);
        }
    }
    let quote = Pen {
        x: MARGIN + QUOTE_INDENT,
        measure: f.measure - 2.0 * QUOTE_INDENT,
        ..f.pen(Align::Justify)
    };
    for q in &s.quotes {
        f.gap(PARA);
        let bq = f.open(Kind::BlockQuote, None);
        f.open(Kind::P, Some(bq));
        f.running(&q.text, quote, None)?;
        if let Some(source) = &q.source {
            f.keep_next(None);
            f.open(Kind::P, Some(bq));
            let text = format!("\u{2014}\u{a0}{source}");
            // Flush right on one line; turned over flush left under the
            // dash when longer.
            let dash = fonts::width(Face::Regular, "\u{2014}\u{a0}", SIZE)?;
            let right = Pen {
                align: Align::Right,
                ..quote
            };
            f.turnover(&text, right, dash)?;
        }
    }
    asks(f, s)
}

/// Numbered asks, the numbers hanging in the indent; numbering runs on
/// across sections from `asks_start`.
fn asks(f: &mut Flow, s: &Section) -> Result<(), PdfError> {
    let ask = Pen {
        x: MARGIN + ASK_INDENT,
        measure: f.measure - ASK_INDENT,
        ..f.pen(Align::Justify)
    };
    let list = (!s.asks.is_empty()).then(|| f.open(Kind::L { numbered: true }, None));
    for (i, text) in s.asks.iter().enumerate() {
        f.gap(if i == 0 { PARA } else { 6.0 });
        let label = format!("{}.", s.asks_start + i);
        // An en space (half an em) between number and text: the web page's
        // list marker is the number, a full stop and U+2002.
        let x = ask.x - SIZE / 2.0 - fonts::width(Face::Regular, &label, SIZE)?;
        let item = f.open(Kind::LI, list);
        let number = f.open(Kind::Lbl, Some(item));
        f.open(Kind::LBody, Some(item));
        let label = Run {
            role: Role::Node(number),
            ..run(x, -baseline(LEAD), Face::Regular, &label)
        };
        f.running(text, ask, Some(label))?;
    }
    Ok(())
}

/// How many columns the grid of `blocks` signature blocks has, and their
/// gutter, pt: the web page's grid asks too (`templates/letter.html`).
pub(crate) fn grid(blocks: usize) -> (usize, f32) {
    if blocks > THREE_COLUMNS_PAST {
        (3, GUTTER / 2.0)
    } else {
        (2, GUTTER)
    }
}

/// The grid's columns for `blocks` blocks on a `measure` pt text block:
/// how many, their gutter and their width.
fn columns(blocks: usize, measure: f32) -> (usize, f32, f32) {
    let (columns, gutter) = grid(blocks);
    let width = (measure - gutter * (columns - 1) as f32) / columns as f32;
    (columns, gutter, width)
}

/// Two columns of blocks (three past [`THREE_COLUMNS_PAST`]), leads first:
/// a row never splits, and the first row stays with the closing so that
/// "Sincerely," never ends a page alone. Rows stand one under the other
/// with no gap: the signing space is the space between them.
fn signatures(f: &mut Flow, blocks: &[SignatureBlock], page: f32) -> Result<(), PdfError> {
    let (columns, gutter, col) = columns(blocks.len(), f.measure);
    let list = (!blocks.is_empty()).then(|| f.open(Kind::L { numbered: false }, None));
    for (i, pair) in blocks.chunks(columns).enumerate() {
        if i == 0 {
            f.gap(4.0);
        }
        let (mut runs, mut images, mut height) = (Vec::new(), Vec::new(), 0.0f32);
        for (j, b) in pair.iter().enumerate() {
            let item = f.open(Kind::LI, list);
            let body = f.open(Kind::LBody, Some(item));
            let x = MARGIN + j as f32 * (col + gutter);
            // The mark is printed above the name: it is read first.
            match &b.mark {
                SignatureMark::Image(image) => images.push(ImageBox {
                    role: Role::Node(f.open(Kind::Figure, Some(body))),
                    alt: format!("Signature of {}", b.name),
                    ..image_box(image, x, col)
                }),
                SignatureMark::Conformed(text) => runs.push(Run {
                    role: Role::Node(f.open(Kind::P, Some(body))),
                    ..conformed(text, x)
                }),
                SignatureMark::Blank => {}
            }
            let (r, h) = block(f, body, b, x, col)?;
            if h > page {
                return Err(PdfError::BlockTooTall {
                    id: b.id.clone(),
                    name: b.name.clone(),
                });
            }
            runs.extend(r);
            height = height.max(h);
        }
        let from = f.len();
        f.push(height, runs, Vec::new(), i == 0);
        f.anchor(from, Anchor::Row { block: i * columns });
        f.mark_row();
        f.attach_images(images);
    }
    Ok(())
}

/// The widest a signature image is drawn (3 in), leaving the column's
/// right for the long names it may share a row with.
const SIG_MAX_WIDTH: f32 = 216.0;
/// Clearance between an image's foot and the printed name.
const SIG_FOOT: f32 = 2.0;

/// A signature image scaled into the signing space above the name, aspect
/// kept, standing on the name line at the column's left.
fn image_box(image: &Arc<SignatureImage>, x: f32, width: f32) -> ImageBox {
    let (w, h) = (image.width.max(1) as f32, image.height.max(1) as f32);
    let room = SIG_SPACE - SIG_FOOT;
    let scale = (width.min(SIG_MAX_WIDTH) / w).min(room / h);
    ImageBox {
        image: image.clone(),
        x,
        y: -room,
        width: w * scale,
        height: h * scale,
        role: Role::Untagged,
        alt: String::new(),
    }
}

/// "/s/ Name" in italic, on a line in the signing space.
fn conformed(text: &str, x: f32) -> Run {
    run(x, -(SIG_SPACE - 10.0), Face::Italic, text)
}

/// One signature block: signature space (with a note in drafts), then name,
/// title and, for leads, the role; any of them may wrap in the column. Each
/// is a paragraph of the list item body `body`.
fn block(
    f: &mut Flow,
    body: u32,
    b: &SignatureBlock,
    x: f32,
    width: f32,
) -> Result<(Vec<Run>, f32), PdfError> {
    let mut runs = Vec::new();
    if let Some(note) = b.note() {
        runs.push(Run {
            size: 10.0,
            role: Role::Node(f.open(Kind::P, Some(body))),
            ..run(x, -(SIG_SPACE - 8.0), Face::Italic, note)
        });
    }
    let mut top = SIG_SPACE;
    let pen = Pen {
        x,
        measure: width,
        align: Align::Left,
        size: SIZE,
        lead: LEAD,
    };
    for text in [Some(&b.name), Some(&b.title), b.role.as_ref()]
        .into_iter()
        .flatten()
    {
        let node = f.open(Kind::P, Some(body));
        for line in turnover(text, pen, HANG)? {
            let line = line.into_iter().map(|r| Run { y: r.y - top, ..r });
            runs.extend(tagged(line.collect(), node));
            top += LEAD;
        }
    }
    Ok((runs, top))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{SIG_FOOT, SIG_SPACE, image_box};
    use crate::model::{Pixels, SignatureImage};

    fn image(width: u32, height: u32) -> Arc<SignatureImage> {
        Arc::new(SignatureImage {
            path: "signatures/x.jpg".into(),
            width,
            height,
            pixels: Pixels::Jpeg { components: 3 },
            file: Vec::new(),
        })
    }

    #[test]
    fn a_wide_signature_fills_the_height_of_the_space() {
        let b = image_box(&image(600, 200), 72.0, 216.0);
        let room = SIG_SPACE - SIG_FOOT;
        assert!((b.width - 3.0 * room).abs() < 1e-3 && (b.height - room).abs() < 1e-3);
        // It stands on the name line, inside the signing space.
        assert_eq!(b.y, -room);
        assert!(b.y + b.height <= 0.0 && -b.y <= SIG_SPACE);
    }

    #[test]
    fn a_very_wide_signature_is_held_to_the_column_and_keeps_its_aspect() {
        let b = image_box(&image(4000, 100), 72.0, 150.0);
        assert_eq!(b.width, 150.0);
        assert!((b.height - 150.0 / 40.0).abs() < 1e-4);
    }
}

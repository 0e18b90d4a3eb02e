//! The design of the letter: what goes into the flow, in which order, with
//! which sizes, indents and gaps.
//!
//! Page 1 opens with the centred letterhead over a thin rule, then the date,
//! the inside addresses, the "Re:" line and the salutation; the sections
//! follow (bold headings, justified paragraphs, quotations indented on both
//! sides, numbered asks with a hanging indent), then the closing, the
//! two-column signature grid and the cc and enclosure lines.

use std::sync::Arc;

use crate::compose::{Composed, Section, SignatureBlock, SignatureMark, Style};
use crate::model::SignatureImage;

use super::PdfError;
use super::flow::{Align, Flow, Item, LEAD, Pen, SIZE, baseline, run, span, tagged, turnover};
use super::fonts::{self, Face};
use super::layout::{ImageBox, MARGIN, Rule, Run};
use super::role::{Kind, Node, Role};

/// Gap between paragraphs and other blocks.
const PARA: f32 = 12.0;
/// Room for a handwritten signature above the printed name (0.5 in).
const SIG_SPACE: f32 = 36.0;
const GUTTER: f32 = 36.0;
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
pub(crate) fn letter(c: &Composed, measure: f32) -> Result<(Vec<Item>, Vec<Node>), PdfError> {
    let mut f = Flow::new(measure);
    letterhead(&mut f, &c.letterhead)?;
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
    labelled(&mut f, "Re:", c.subject.as_slice())?;
    f.gap(LEAD);
    para(&mut f, &c.salutation)?;
    for s in &c.sections {
        section(&mut f, s)?;
    }
    f.gap(PARA);
    para(&mut f, &c.closing)?;
    signatures(&mut f, &c.signatures)?;
    f.gap(2.0 * LEAD);
    labelled(&mut f, "cc:", &c.cc)?;
    f.gap(LEAD);
    let enclosures = if c.enclosures.len() > 1 {
        "Enclosures:"
    } else {
        "Enclosure:"
    };
    labelled(&mut f, enclosures, &c.enclosures)?;
    Ok(f.into_items())
}

/// One plain line as a paragraph of the document.
fn para(f: &mut Flow, text: &str) -> Result<(), PdfError> {
    f.open(Kind::P, None);
    f.plain(text, Style::default())
}

/// First line larger and bold, the rest small, a thin rule under them.
fn letterhead(f: &mut Flow, lines: &[String]) -> Result<(), PdfError> {
    for (i, text) in lines.iter().enumerate() {
        let (size, lead, bold) = if i == 0 {
            (16.0, 20.0, true)
        } else {
            (11.0, 13.0, false)
        };
        let pen = Pen {
            size,
            lead,
            ..f.pen(Align::Center)
        };
        f.open(if i == 0 { Kind::H1 } else { Kind::P }, None);
        f.para(
            &[span(
                text,
                Style {
                    bold,
                    italic: false,
                },
            )],
            pen,
            None,
        )?;
    }
    if !lines.is_empty() {
        let rule = Rule {
            x1: MARGIN,
            x2: MARGIN + f.measure,
            y: -6.0,
            thickness: 0.6,
        };
        f.push(8.0, Vec::new(), vec![rule], true);
    }
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

fn section(f: &mut Flow, s: &Section) -> Result<(), PdfError> {
    if let Some(heading) = &s.heading {
        f.gap(PARA);
        f.open(Kind::H2, None);
        f.para(&[span(heading, BOLD)], f.pen(Align::Left), None)?;
        f.keep_next(Some(3.0));
    }
    for p in &s.paragraphs {
        f.gap(PARA);
        f.open(Kind::P, None);
        f.para(p, f.pen(Align::Justify), None)?;
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
        f.para(&q.text, quote, None)?;
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
        let x = ask.x - 8.0 - fonts::width(Face::Regular, &label, SIZE)?;
        let item = f.open(Kind::LI, list);
        let number = f.open(Kind::Lbl, Some(item));
        f.open(Kind::LBody, Some(item));
        let label = Run {
            role: Role::Node(number),
            ..run(x, -baseline(LEAD), Face::Regular, &label)
        };
        f.para(text, ask, Some(label))?;
    }
    Ok(())
}

/// Two columns of blocks: a row never splits, and the first row stays with
/// the closing so that "Sincerely," never ends a page alone.
fn signatures(f: &mut Flow, blocks: &[SignatureBlock]) -> Result<(), PdfError> {
    let col = (f.measure - GUTTER) / 2.0;
    let list = (!blocks.is_empty()).then(|| f.open(Kind::L { numbered: false }, None));
    for (i, pair) in blocks.chunks(2).enumerate() {
        f.gap(if i == 0 { 4.0 } else { LEAD });
        let (mut runs, mut images, mut height) = (Vec::new(), Vec::new(), 0.0f32);
        for (j, b) in pair.iter().enumerate() {
            let item = f.open(Kind::LI, list);
            let body = f.open(Kind::LBody, Some(item));
            let x = MARGIN + j as f32 * (col + GUTTER);
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
            runs.extend(r);
            height = height.max(h);
        }
        f.push(height, runs, Vec::new(), i == 0);
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
    let note = match (b.missing, b.stale) {
        (true, _) => Some("(not yet signed)"),
        (false, true) => Some("(signature predates text change)"),
        _ => None,
    };
    if let Some(note) = note {
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

    use super::{SIG_SPACE, image_box};
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
        assert_eq!((b.width, b.height), (102.0, 34.0));
        // It stands on the name line, inside the signing space.
        assert_eq!(b.y, -34.0);
        assert!(b.y + b.height <= 0.0 && -b.y <= SIG_SPACE);
    }

    #[test]
    fn a_very_wide_signature_is_held_to_the_column_and_keeps_its_aspect() {
        let b = image_box(&image(4000, 100), 72.0, 150.0);
        assert_eq!(b.width, 150.0);
        assert!((b.height - 150.0 / 40.0).abs() < 1e-4);
    }
}

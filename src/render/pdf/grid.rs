//! The signature grid: blocks of name, title and role in two columns
//! (three past [`THREE_COLUMNS_PAST`]), leads first, each under the space
//! to sign, with a signature image or conformed signature in that space
//! when the letter prints them. `templates/letter.html` sets the same grid
//! (`render::pdf::signature_grid`).

use std::sync::Arc;

use crate::compose::{SignatureBlock, SignatureMark};
use crate::model::SignatureImage;

use super::PdfError;
use super::flow::{Align, Flow, LEAD, Pen, SIZE, run, tagged, turnover};
use super::fonts::Face;
use super::page::{Anchor, ImageBox, MARGIN, Run};
use super::role::{Kind, Role};

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
/// The hanging indent of turnover lines (names, roles, titles), one em.
pub(crate) const HANG: f32 = 12.0;

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
pub(crate) fn signatures(
    f: &mut Flow,
    blocks: &[SignatureBlock],
    page: f32,
) -> Result<(), PdfError> {
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

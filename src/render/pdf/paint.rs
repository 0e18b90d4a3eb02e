//! PDF painting: a [`Layout`] becomes printpdf ops, and they a document.
//!
//! Every run is placed at its own point (`Td`, see `page_ops`) and drawn as
//! glyph ids of a font subset we make ourselves (printpdf without
//! `text_layout` would embed whole fonts); each glyph carries its text, from
//! which printpdf writes the ToUnicode map, so the text extracts exactly.
//! printpdf builds the document from the ops; the pages' content streams
//! are written from the same ops by `content`, which is faster.
//! Kerning and justification are `TJ` offsets: `Tw` does nothing for
//! two-byte (Identity-H) fonts. Resource names, subset tags, dates and the
//! document id (see `meta`) are all derived from the input, so the output
//! is byte-for-byte reproducible.

use std::collections::BTreeMap;

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, XObjectId,
};

use rustc_hash::FxHashMap;

use super::content;
use super::fonts::{self, Face, Glyph};
use super::linebreak::is_space;
use super::marks::{Mark, Marker, layout_artifact};
use super::meta::{Meta, set_info};
use super::page::{Page, Rule, Run};
use super::role::{Join, Node, Role};
use super::subset::FaceSubset;
use super::{PdfError, Typeset};

/// Paints `t`'s layout into a PDF document.
pub(crate) fn paint(t: &Typeset, meta: &Meta) -> Result<Vec<u8>, PdfError> {
    paint_with(t, meta, Streams::Ours)
}

/// Who writes the pages' content streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Streams {
    /// [`content::take`], from the same ops.
    Ours,
    /// printpdf, from every op: what `Ours` is tested against.
    #[cfg(test)]
    Printpdf,
}

/// Paints `t`'s layout, the content streams written as `streams` says.
pub(super) fn paint_with(t: &Typeset, meta: &Meta, streams: Streams) -> Result<Vec<u8>, PdfError> {
    let layout = &t.layout;
    let mut doc = PdfDocument::new(&meta.title);
    let (fonts, codes) = embed(&mut doc, &t.faces)?;
    let images = super::images::embed(&mut doc, layout);
    let drafts = super::watermark::embed(&mut doc, layout);
    let mut ops = Vec::with_capacity(layout.pages.len());
    let mut marks = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        let shaped = page
            .runs
            .iter()
            .map(|r| fonts::shape(r.face, &r.text))
            .collect::<Result<Vec<_>, _>>()?;
        let (page_ops, page_marks) =
            page_ops(page, &shaped, &fonts, &layout.tree, &images, &drafts);
        ops.push(page_ops);
        marks.push(page_marks);
    }
    let ours = match streams {
        Streams::Ours => Some(content::take(
            &mut ops,
            &codes,
            &doc.resources.xobjects.map,
        )?),
        #[cfg(test)]
        Streams::Printpdf => None,
    };
    let (w, h) = (Mm::from(Pt(layout.width)), Mm::from(Pt(layout.height)));
    doc.with_pages(ops.into_iter().map(|o| PdfPage::new(w, h, o)).collect());
    set_info(&mut doc, meta);
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut lo = doc.to_lopdf_document(&opts, &mut Vec::new());
    if let Some(written) = ours {
        content::replace(&mut lo, written)?;
    }
    super::save::save(lo, t, meta, &marks)
}

/// Registers every face the PDF draws, cut as `faces` cut it, under a fixed
/// resource name; and the code of each character in each.
fn embed(
    doc: &mut PdfDocument,
    faces: &BTreeMap<Face, FaceSubset>,
) -> Result<(BTreeMap<Face, FontId>, content::Codes), PdfError> {
    let mut out = BTreeMap::new();
    let mut codes = content::Codes::default();
    for (&face, FaceSubset { subset, chars }) in faces {
        let mut font = ParsedFont::from_bytes(&subset.bytes, 0, &mut Vec::new())
            .ok_or_else(|| PdfError::Font(format!("{}: subset does not parse", face.ps_name())))?;
        let face_codes: FxHashMap<char, u16> = chars
            .iter()
            .filter_map(|(&ch, &gid)| Some((ch, subset.gid(gid)?)))
            .collect();
        // The subset has no cmap: printpdf learns here which glyph draws
        // each character it is shown, and writes ToUnicode from it.
        font.codepoint_to_glyph = face_codes
            .iter()
            .map(|(&ch, &code)| (u32::from(ch), code))
            .collect();
        font.font_name = Some(subset.name.clone());
        // printpdf's own ids are random; "F0".."F5" keep the bytes stable.
        let id = FontId(format!("F{}", face as usize));
        codes.insert(id.0.clone(), face_codes);
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(font));
        out.insert(face, id);
    }
    Ok((out, codes))
}

/// A horizontal rule as a stroked line.
fn rule_ops(r: &Rule) -> [Op; 2] {
    let ends = [(r.x1, r.y), (r.x2, r.y)].map(|(x, y)| LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    });
    let line = Line {
        points: ends.to_vec(),
        is_closed: false,
    };
    [
        Op::SetOutlineThickness {
            pt: Pt(r.thickness),
        },
        Op::DrawLine { line },
    ]
}

/// The content of one page: rules first (an artifact), then one text
/// object; and what each of its MCIDs belongs to.
fn page_ops(
    page: &Page,
    shaped: &[Vec<Glyph>],
    fonts: &BTreeMap<Face, FontId>,
    tree: &[Node],
    images: &BTreeMap<String, XObjectId>,
    drafts: &super::watermark::Marks,
) -> (Vec<Op>, Vec<Mark>) {
    // The slanted DRAFT mark first, under everything else.
    let mut ops = page
        .watermark
        .as_ref()
        .map_or_else(Vec::new, |run| drafts.ops(run));
    if !page.rules.is_empty() {
        ops.extend(layout_artifact(
            page.rules.iter().flat_map(rule_ops).collect(),
        ));
    }
    let figures = page.images.iter().filter_map(|b| match b.role {
        Role::Node(n) => Some((n, b.alt.clone())),
        _ => None,
    });
    let mut marker = Marker::new(tree, figures.collect());
    ops.push(Op::StartTextSection);
    let mut state: Option<(Face, u32, bool)> = None;
    // `Tc`, in pt: the run's tracking (see `text_items`).
    let mut tracking = 0.0;
    // Where the last `Td` put the start of the line (`BT` puts it at the
    // origin). `Td` moves from there: two numbers a run where `Tm` wrote
    // six, four of them always `1 0 0 1`. The sums a viewer makes are
    // within 0.0001 pt of the layout's points (pdftotext -bbox).
    let mut line_start = (0.0f32, 0.0f32);
    for (i, (run, glyphs)) in page.runs.iter().zip(shaped).enumerate() {
        let font = &fonts[&run.face];
        if state.is_none_or(|(_, _, grey)| grey != run.grey) {
            let percent = if run.grey { 0.75 } else { 0.0 };
            ops.push(Op::SetFillColor {
                col: Color::Greyscale(Greyscale::new(percent, None)),
            });
        }
        let key = (run.face, run.size.to_bits(), run.grey);
        if state.is_none_or(|(f, s, _)| (f, s) != (key.0, key.1)) {
            let handle = PdfFontHandle::External(font.clone());
            ops.push(Op::SetFont {
                font: handle,
                size: Pt(run.size),
            });
        }
        state = Some(key);
        if run.letter_space != tracking {
            tracking = run.letter_space;
            ops.push(Op::SetCharacterSpacing {
                multiplier: tracking,
            });
        }
        ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(run.x - line_start.0),
                y: Pt(run.y - line_start.1),
            },
        });
        line_start = (run.x, run.y);
        let mut items = text_items(run, glyphs);
        if ends_line(run, page.runs.get(i + 1)) {
            // A space after the line's last glyph, as Typst writes: text
            // taken from the structure tree keeps the word boundary, and
            // the next line is placed by its own `Td`, so nothing moves.
            match items.last_mut() {
                Some(TextItem::Text(s)) => s.push(' '),
                _ => items.push(TextItem::Text(" ".to_string())),
            }
        }
        marker.show(&mut ops, run, items);
    }
    marker.close(&mut ops);
    marker.reserve(None);
    ops.push(Op::EndTextSection);
    // Each signature image is a `Figure` read before the name under it.
    for b in &page.images {
        let Some(drawn) = super::images::op(b, images) else {
            continue;
        };
        let id = match b.role {
            Role::Node(n) => marker.figure_id(n),
            _ => None,
        };
        ops.extend(match id {
            Some(mcid) => super::marks::figure(vec![drawn], mcid),
            None => layout_artifact(vec![drawn]),
        });
    }
    (ops, marker.marks)
}

/// Whether `run` is the last of its line in its element, and content
/// (artifacts are not read): the next run is on another line or of another
/// element. A line ending in a hyphenated word's first half continues it.
fn ends_line(run: &Run, next: Option<&Run>) -> bool {
    matches!(run.role, Role::Node(_))
        && !matches!(run.join, Join::Head(_) | Join::Both(_))
        && next.is_none_or(|n| n.y != run.y || n.role != run.role)
}

/// The run as `TJ` items: the text, split where kerning or a stretched
/// space moves the pen. printpdf encodes each piece through the subset's
/// cmap and builds the ToUnicode map from the same characters. Tracking is
/// the `Tc` that `page_ops` sets, so the text is not cut up per letter.
pub(super) fn text_items(run: &Run, glyphs: &[Glyph]) -> Vec<TextItem> {
    let em = 1000.0 / run.size;
    let mut items = Vec::new();
    let mut text = String::new();
    for (i, g) in glyphs.iter().enumerate() {
        text.push(fonts::drawn(g.ch));
        let next = glyphs.get(i + 1).map(|n| n.ch);
        let stretch = if is_space(g.ch) { run.word_space } else { 0.0 };
        // `Tc` tracks every glyph, spaces too; take it back wherever no
        // letter of the same word follows, so that words keep their spacing.
        let untrack = match next {
            Some(n) if is_space(g.ch) || is_space(n) => run.letter_space,
            _ => 0.0,
        };
        // Tenths of a thousandth of an em (0.0012 pt at 12 pt): far below a
        // device pixel, and it keeps the content stream short (hundredths
        // cost the example 125 bytes, what the line-end spaces add).
        // Carrying the rounding error on would keep it from adding up along
        // a line (it stays under 0.01 pt), but the varied numbers it makes
        // compress worse: 300 bytes more.
        let offset = ((g.kern + (stretch - untrack) * em) * 10.0).round() / 10.0;
        if offset != 0.0 {
            items.push(TextItem::Text(std::mem::take(&mut text)));
            items.push(TextItem::Offset(-offset));
        }
    }
    if !text.is_empty() {
        items.push(TextItem::Text(text));
    }
    items
}

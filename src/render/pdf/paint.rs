//! PDF painting: a [`Layout`] becomes PDF bytes. The only printpdf user.
//!
//! Every run is placed at its own point (`Td`, see `page_ops`) and drawn as
//! glyph ids of a font subset we make ourselves (printpdf without
//! `text_layout` would embed whole fonts); each glyph carries its text, from
//! which printpdf writes the ToUnicode map, so the text extracts exactly.
//! Kerning and justification are `TJ` offsets: `Tw` does nothing for
//! two-byte (Identity-H) fonts. Resource names, subset tags, dates and the
//! document id (see `meta`) are all derived from the input, so the output
//! is byte-for-byte reproducible.

use std::collections::BTreeMap;

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, XObjectId,
};

use super::fonts::{self, Face, Glyph};
use super::linebreak::is_space;
use super::marks::{Mark, Marker, layout_artifact};
use super::meta::{Meta, pin_trailer_id, set_info, set_page_boxes};
use super::page::{Page, Rule, Run};
use super::role::{Join, Node, Role};
use super::subset::FaceSubset;
use super::{PdfError, Typeset};

/// Paints `t`'s layout into a PDF document.
pub(crate) fn paint(t: &Typeset, meta: &Meta) -> Result<Vec<u8>, PdfError> {
    let layout = &t.layout;
    let shaped: Vec<Vec<Vec<Glyph>>> = layout
        .pages
        .iter()
        .map(|p| {
            p.runs
                .iter()
                .map(|r| fonts::shape(r.face, &r.text))
                .collect()
        })
        .collect::<Result<_, _>>()?;
    let mut doc = PdfDocument::new(&meta.title);
    let embedded = embed(&mut doc, &t.faces)?;
    let images = super::images::embed(&mut doc, layout);
    let drafts = super::watermark::embed(&mut doc, layout);
    let (w, h) = (Mm::from(Pt(layout.width)), Mm::from(Pt(layout.height)));
    let mut marks = Vec::with_capacity(layout.pages.len());
    let pages = layout
        .pages
        .iter()
        .zip(&shaped)
        .map(|(page, glyphs)| {
            let (ops, page_marks) =
                page_ops(page, glyphs, &embedded, &layout.tree, &images, &drafts);
            marks.push(page_marks);
            PdfPage::new(w, h, ops)
        })
        .collect();
    doc.with_pages(pages);
    set_info(&mut doc, meta);
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut lo = doc.to_lopdf_document(&opts, &mut Vec::new());
    compress(&mut lo);
    super::structure::tag(&mut lo, &layout.tree, &marks);
    super::structure::name_cid_maps(&mut lo);
    super::meta::describe(&mut lo, meta, super::structure::ua_ready(layout));
    set_page_boxes(&mut lo, layout.width, layout.height);
    pin_trailer_id(&mut lo, &meta.id);
    // The streams and some room for the objects around them: the bytes
    // grow once or not at all rather than a dozen times.
    let streams: usize = lo
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .map(|s| s.content.len())
        .sum();
    let mut bytes = Vec::with_capacity(streams + 32 * 1024);
    // The structure tree adds some two hundred small objects, written
    // plainly. Object streams would pack them to a fifth (the example 32 KB
    // instead of 43), but cost 13% more instructions (33.0 M instead of
    // 29.2 M): the render time is the tighter budget.
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(bytes)
}

/// Deflates every stream at the fast level, through zlib-rs (pure Rust: no
/// system libz to load at start-up, which cost more than it saved). printpdf's
/// own `optimize` uses the best level, which cost a third of a render; the
/// fast level leaves the four-page example near 43 KB with its structure
/// tree, and a two-page letter (25 KB) well under its 40 KB budget. One compressor
/// serves every stream, reset between them: setting one up zeroes some
/// 400 KB of tables, which for the ten streams of a letter was a tenth of a
/// render's instructions.
fn compress(doc: &mut lopdf::Document) {
    let mut z = flate2::Compress::new(flate2::Compression::fast(), true);
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        z.reset();
        if let Some(packed) = deflate(&mut z, &stream.content)
            && packed.len() < stream.content.len()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}

/// `data` deflated whole, in the zlib format, by a freshly reset `z`.
fn deflate(z: &mut flate2::Compress, data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let read = usize::try_from(z.total_in()).ok()?;
        let status = z
            .compress_vec(&data[read..], &mut out, flate2::FlushCompress::Finish)
            .ok()?;
        match status {
            flate2::Status::StreamEnd => return Some(out),
            // The output is full: give it room and go on.
            _ => out.reserve(out.capacity().max(64)),
        }
    }
}

/// Registers every face the PDF draws, cut as `faces` cut it, under a fixed
/// resource name.
fn embed(
    doc: &mut PdfDocument,
    faces: &BTreeMap<Face, FaceSubset>,
) -> Result<BTreeMap<Face, FontId>, PdfError> {
    let mut out = BTreeMap::new();
    for (&face, FaceSubset { subset, chars }) in faces {
        let mut font = ParsedFont::from_bytes(&subset.bytes, 0, &mut Vec::new())
            .ok_or_else(|| PdfError::Font(format!("{}: subset does not parse", face.ps_name())))?;
        // The subset has no cmap: printpdf learns here which glyph draws
        // each character of the text items, and writes ToUnicode from it.
        font.codepoint_to_glyph = chars
            .iter()
            .filter_map(|(&ch, &gid)| Some((u32::from(ch), subset.gid(gid)?)))
            .collect();
        font.font_name = Some(subset.name.clone());
        // printpdf's own ids are random; "F0".."F5" keep the bytes stable.
        let id = FontId(format!("F{}", face as usize));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(font));
        out.insert(face, id);
    }
    Ok(out)
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

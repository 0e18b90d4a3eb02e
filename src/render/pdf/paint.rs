//! PDF painting: a [`Layout`] becomes PDF bytes. The only printpdf user.
//!
//! Every run is placed absolutely (`Tm`) and drawn as glyph ids of a font
//! subset we make ourselves (printpdf without `text_layout` would embed whole
//! fonts); each glyph carries its text, from which printpdf writes the
//! ToUnicode map, so the text extracts exactly. Kerning and justification are
//! `TJ` offsets: `Tw` does nothing for two-byte (Identity-H) fonts. Resource
//! names, subset tags, dates and the document id are all derived from the
//! input, so the output is byte-for-byte reproducible.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, TextMatrix,
};

use crate::compose::Composed;

use super::PdfError;
use super::fonts::{self, Face, Glyph};
use super::layout::{Layout, Page, Rule, Run};
use super::linebreak::is_space;

/// The document information pinned into the PDF.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Meta {
    pub(crate) title: String,
    pub(crate) author: String,
    pub(crate) subject: String,
    pub(crate) creator: String,
    /// Creation and modification date (midnight UTC).
    pub(crate) date: NaiveDate,
    /// Seeds the document id.
    pub(crate) id: String,
}

impl Meta {
    /// Metadata of letter `c`, written by signon `version`.
    pub(crate) fn of(c: &Composed, version: &str) -> Meta {
        Meta {
            title: c.title.clone(),
            author: c.authors.clone(),
            subject: c.summary.clone(),
            creator: format!("signon {version}"),
            date: c.date,
            id: c.id.clone(),
        }
    }
}

/// Paints `layout` into a PDF document.
pub(crate) fn paint(layout: &Layout, meta: &Meta) -> Result<Vec<u8>, PdfError> {
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
    let embedded = embed(&mut doc, layout, &shaped)?;
    let (w, h) = (Mm::from(Pt(layout.width)), Mm::from(Pt(layout.height)));
    let pages = layout
        .pages
        .iter()
        .zip(&shaped)
        .map(|(page, glyphs)| PdfPage::new(w, h, page_ops(page, glyphs, &embedded)))
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
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Font(format!("cannot write the PDF: {e}")))?;
    Ok(pin_trailer_id(bytes, &meta.id))
}

/// Deflates every stream at the fast level, through zlib-rs (pure Rust: no
/// system libz to load at start-up, which cost more than it saved). printpdf's
/// own `optimize` uses the best level, which cost a third of a render; the
/// fast level leaves the four-page example near 29 KB, and a two-page letter
/// well under its 40 KB budget.
fn compress(doc: &mut lopdf::Document) {
    use std::io::Write as _;
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        if z.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(packed) = z.finish()
            && packed.len() < stream.content.len()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}

/// Subsets every face used and registers it under a fixed resource name.
fn embed(
    doc: &mut PdfDocument,
    layout: &Layout,
    shaped: &[Vec<Vec<Glyph>>],
) -> Result<BTreeMap<Face, FontId>, PdfError> {
    let mut used: BTreeMap<Face, BTreeSet<u16>> = BTreeMap::new();
    let runs = layout.pages.iter().flat_map(|p| &p.runs);
    for (run, glyphs) in runs.zip(shaped.iter().flatten()) {
        used.entry(run.face)
            .or_default()
            .extend(glyphs.iter().map(|g| g.gid));
    }
    let mut out = BTreeMap::new();
    for (face, gids) in used {
        let subset = super::subset::subset(face, &gids)?;
        let mut font = ParsedFont::from_bytes(&subset.bytes, 0, &mut Vec::new())
            .ok_or_else(|| PdfError::Font(format!("{}: subset does not parse", face.ps_name())))?;
        font.font_name = Some(subset.name);
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

/// The content of one page: rules first, then one text object.
fn page_ops(page: &Page, shaped: &[Vec<Glyph>], fonts: &BTreeMap<Face, FontId>) -> Vec<Op> {
    let mut ops: Vec<Op> = page.rules.iter().flat_map(rule_ops).collect();
    ops.push(Op::StartTextSection);
    let mut state: Option<(Face, u32, bool)> = None;
    // `Tc`, in pt: the run's tracking (see `text_items`).
    let mut tracking = 0.0;
    for (run, glyphs) in page.runs.iter().zip(shaped) {
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
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(run.x), Pt(run.y)),
        });
        ops.push(Op::ShowText {
            items: text_items(run, glyphs),
        });
    }
    ops.push(Op::EndTextSection);
    ops
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
        // Hundredths of a thousandth of an em: far below a device pixel,
        // and it keeps the content stream short.
        let offset = ((g.kern + (stretch - untrack) * em) * 100.0).round() / 100.0;
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

fn set_info(doc: &mut PdfDocument, meta: &Meta) {
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.creator = meta.creator.clone();
    info.producer = meta.creator.clone();
    let when = midnight_utc(meta.date);
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
    info.identifier = document_id(&meta.id);
}

fn midnight_utc(d: NaiveDate) -> printpdf::OffsetDateTime {
    let date = printpdf::Date {
        year: d.year(),
        month: d.month() as u8,
        day: d.day() as u8,
    };
    let time = printpdf::Time {
        hour: 0,
        minute: 0,
        second: 0,
        millisecond: 0,
    };
    let offset = printpdf::Offset {
        hours: 0,
        minutes: 0,
        seconds: 0,
        milliseconds: 0,
    };
    printpdf::OffsetDateTime::new_in_offset(date, time, offset)
}

/// 32 hex digits from two FNV-1a hashes of the letter id.
fn document_id(id: &str) -> String {
    let fnv = |seed: u64| {
        id.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    format!(
        "{:016X}{:016X}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x8422_2325_cbf2_9ce4)
    )
}

/// printpdf writes a random trailer `/ID` (two 32-letter strings). Replace
/// both, in place and at equal length, with the id derived from the letter,
/// so nothing else in the file moves.
fn pin_trailer_id(mut bytes: Vec<u8>, id: &str) -> Vec<u8> {
    let fixed = document_id(id);
    let Some(at) = bytes.windows(4).rposition(|w| w == b"/ID[") else {
        return bytes;
    };
    let mut i = at + 4;
    for _ in 0..2 {
        let len = bytes[i..]
            .iter()
            .position(|&b| b == b')')
            .unwrap_or(0)
            .saturating_sub(1);
        if bytes.get(i) != Some(&b'(') || len != fixed.len() {
            break;
        }
        bytes[i + 1..i + 1 + len].copy_from_slice(fixed.as_bytes());
        i += len + 2;
    }
    bytes
}

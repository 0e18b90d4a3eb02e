//! The pages' content streams, written here; printpdf builds the rest.
//!
//! printpdf serializes an op through lopdf objects: every glyph of a text
//! became its own lookup, map entry and `String` (for the ToUnicode map),
//! and each byte of its code was written through `format!`. That was a
//! quarter of a render's instructions. [`take`] writes the same bytes
//! directly: the frequent operators by hand, those with a name or a
//! dictionary (`Tf`, `Do`, `BDC`) through lopdf's own content encoder. A
//! test holds every page to what printpdf writes for the same ops
//! (`tests/paint.rs`).
//!
//! printpdf still makes the fonts, whose widths and ToUnicode maps come from
//! the glyphs that the ops show. It is handed their usage: one `ShowText` a
//! font naming each glyph once, which gives it the same glyph-to-text map as
//! the whole letter would. [`replace`] then puts the real streams in.

use std::collections::BTreeMap;
use std::io::Write as _;

use lopdf::Object::{Name, Real};
use lopdf::content::{Content, Operation};
use printpdf::{CurTransMat, Op, PdfFontHandle, TextItem, XObject, XObjectId, XObjectTransform};
use rustc_hash::FxHashMap;

use super::PdfError;

/// The code of each character, by font resource name: the glyph id in that
/// face's subset (Identity-H codes are glyph ids).
pub(super) type Codes = FxHashMap<String, FxHashMap<char, u16>>;

/// The XObjects a page may place, as registered with printpdf.
pub(super) type XObjects = BTreeMap<XObjectId, XObject>;

/// The content streams of the pages drawn by `pages`, one a page: the
/// bytes printpdf would write for them. What is left in `pages` for
/// printpdf is the fonts' [`Writer::usage`], on the first.
pub(super) fn take(
    pages: &mut [Vec<Op>],
    codes: &Codes,
    xobjects: &XObjects,
) -> Result<Vec<Vec<u8>>, PdfError> {
    let mut w = Writer {
        out: Vec::new(),
        font: None,
        shown: Vec::new(),
    };
    let mut streams = Vec::with_capacity(pages.len());
    for ops in pages.iter() {
        w.out = Vec::with_capacity(ops.len() * 24);
        // As printpdf, each page starts with no font chosen.
        w.font = None;
        for op in ops {
            w.op(op, codes, xobjects)?;
        }
        streams.push(std::mem::take(&mut w.out));
    }
    pages.iter_mut().for_each(Vec::clear);
    if let Some(first) = pages.first_mut() {
        *first = w.usage();
    }
    Ok(streams)
}

struct Writer<'c> {
    out: Vec<u8>,
    /// The font the last `Tf` chose, as an index into `shown`.
    font: Option<usize>,
    /// Each font chosen so far, with its codes and the glyphs shown in it.
    shown: Vec<Shown<'c>>,
}

/// A font and the glyphs shown in it.
struct Shown<'c> {
    handle: PdfFontHandle,
    codes: Option<&'c FxHashMap<char, u16>>,
    /// By code, the character the glyph last drew (`None`: not shown).
    chars: Vec<Option<char>>,
}

impl<'c> Writer<'c> {
    /// The ops from which printpdf learns each font's glyphs: for each font
    /// shown in, one `ShowText` of one character a glyph. Were two
    /// characters drawn by one glyph (no shipped face has such a pair), the
    /// last shown would be kept, as printpdf keeps it.
    fn usage(self) -> Vec<Op> {
        let mut ops = vec![Op::StartTextSection];
        for font in self.shown {
            let text: String = font.chars.into_iter().flatten().collect();
            if text.is_empty() {
                continue;
            }
            let size = printpdf::Pt(10.0);
            ops.push(Op::SetFont {
                font: font.handle,
                size,
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(text)],
            });
        }
        ops.push(Op::EndTextSection);
        ops
    }

    fn op(&mut self, op: &Op, codes: &'c Codes, xobjects: &XObjects) -> Result<(), PdfError> {
        match op {
            Op::StartTextSection => self.operator(&[], "BT"),
            Op::EndTextSection => self.operator(&[], "ET"),
            Op::SetFont { font, size } => {
                let name = font_name(font);
                self.choose(font, codes.get(name));
                let operands = vec![Name(name.as_bytes().to_vec()), Real(size.0)];
                self.encoded(Operation::new("Tf", operands));
            }
            Op::SetTextCursor { pos } => self.operator(&[pos.x.0, pos.y.0], "Td"),
            Op::SetCharacterSpacing { multiplier } => self.operator(&[*multiplier], "Tc"),
            Op::SetOutlineThickness { pt } => self.operator(&[pt.0], "w"),
            Op::SetFillColor { col } => self.operator(&col.into_vec(), fill_operator(col)),
            Op::ShowText { items } => self.show(items)?,
            Op::DrawLine { line } => self.line(line)?,
            Op::UseXobject { id, transform } => self.place(id, transform, xobjects),
            Op::BeginMarkedContentWithProperties { tag, properties } => {
                let operands = vec![Name(tag.as_bytes().to_vec()), properties.to_lopdf()];
                self.encoded(Operation::new("BDC", operands));
            }
            Op::EndMarkedContent => self.operator(&[], "EMC"),
            other => return Err(unwritten(&format!("{other:?}"))),
        }
        Ok(())
    }

    /// A stroked line: `m`, an `l` a further point, `S` (`h S` closed).
    fn line(&mut self, line: &printpdf::Line) -> Result<(), PdfError> {
        let mut points = line.points.iter();
        let Some(first) = points.next() else {
            return Ok(());
        };
        self.operator(&[first.p.x.0, first.p.y.0], "m");
        for p in points {
            if p.bezier {
                return Err(unwritten("a curve"));
            }
            self.operator(&[p.p.x.0, p.p.y.0], "l");
        }
        if line.is_closed {
            self.operator(&[], "h");
        }
        self.operator(&[], "S");
        Ok(())
    }

    /// XObject `id` placed by `transform`, as printpdf places one: its
    /// matrices multiplied into one `cm`, inside `q` … `Q`.
    fn place(&mut self, id: &XObjectId, transform: &XObjectTransform, xobjects: &XObjects) {
        let size = (!transform.no_auto_scale)
            .then(|| xobjects.get(id).and_then(XObject::get_width_height))
            .flatten();
        let matrix = transform
            .get_ctms(size)
            .iter()
            .fold(CurTransMat::Identity.as_array(), |m, t| {
                CurTransMat::combine_matrix(m, t.as_array())
            });
        self.operator(&[], "q");
        self.operator(&matrix, "cm");
        self.encoded(Operation::new("Do", vec![Name(id.0.as_bytes().to_vec())]));
        self.operator(&[], "Q");
    }

    /// Starts the next operation: operations are separated by a newline,
    /// as lopdf's encoder separates them.
    fn next(&mut self) {
        if !self.out.is_empty() {
            self.out.push(b'\n');
        }
    }

    /// An operator with real-number operands, each written as lopdf writes
    /// a real (Rust's shortest form: `1`, `0.75`).
    fn operator(&mut self, operands: &[f32], name: &str) {
        self.next();
        for n in operands {
            let _ = write!(self.out, "{n} ");
        }
        self.out.extend_from_slice(name.as_bytes());
    }

    /// An operation encoded by lopdf itself: the rare ones with a name or
    /// a dictionary (`Tf`, `Do`, `BDC`), whose escaping is lopdf's to get
    /// right.
    fn encoded(&mut self, op: Operation) {
        let bytes = Content {
            operations: vec![op],
        }
        .encode()
        .unwrap_or_default();
        self.next();
        self.out.extend_from_slice(&bytes);
    }

    /// `items` as printpdf shows them: one hexadecimal string a piece of
    /// text, its characters' two-byte codes (0 for one the font lacks), and
    /// the offsets between; `Tj` for a lone piece.
    fn show(&mut self, items: &[TextItem]) -> Result<(), PdfError> {
        if items.is_empty() {
            return Ok(());
        }
        self.next();
        let lone = matches!(items, [TextItem::Text(_)]);
        if !lone {
            self.out.push(b'[');
        }
        for (i, item) in items.iter().enumerate() {
            match item {
                TextItem::Text(text) => self.codes(text)?,
                TextItem::Offset(n) if i == 0 => {
                    let _ = write!(self.out, "{n}");
                }
                TextItem::Offset(n) => {
                    let _ = write!(self.out, " {n}");
                }
                TextItem::GlyphIds(_) => return Err(unwritten("glyph ids")),
            }
        }
        self.out
            .extend_from_slice(if lone { b" Tj" } else { b"] TJ" });
        Ok(())
    }

    /// Makes `font` the current font, the first time with its `codes`.
    fn choose(&mut self, font: &PdfFontHandle, codes: Option<&'c FxHashMap<char, u16>>) {
        let known = self.shown.iter().position(|s| s.handle == *font);
        self.font = Some(known.unwrap_or(self.shown.len()));
        if known.is_none() {
            self.shown.push(Shown {
                handle: font.clone(),
                codes,
                chars: Vec::new(),
            });
        }
    }

    /// `text` as a hexadecimal string of the current font's codes (0 for a
    /// character it lacks), each glyph noted as shown. Identity-H codes are
    /// glyph ids, as printpdf writes them for a TrueType face (all the
    /// shipped faces are). Text in no font, or in one without codes, is
    /// refused: printpdf would write it as WinAnsi, which this does not.
    fn codes(&mut self, text: &str) -> Result<(), PdfError> {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let font = self.font.and_then(|i| self.shown.get_mut(i));
        let Some((codes, chars)) = font.and_then(|f| Some((f.codes?, &mut f.chars))) else {
            return Err(unwritten("text in a font without codes"));
        };
        self.out.push(b'<');
        for ch in text.chars() {
            let code = codes.get(&ch).copied();
            if let Some(at) = code.map(usize::from) {
                if chars.len() <= at {
                    chars.resize(at + 1, None);
                }
                chars[at] = Some(ch);
            }
            let code = code.unwrap_or(0);
            for byte in code.to_be_bytes() {
                self.out.push(HEX[usize::from(byte >> 4)]);
                self.out.push(HEX[usize::from(byte & 0xF)]);
            }
        }
        self.out.push(b'>');
        Ok(())
    }
}

fn font_name(font: &PdfFontHandle) -> &str {
    match font {
        PdfFontHandle::External(id) => &id.0,
        PdfFontHandle::Builtin(b) => b.get_pdf_id(),
    }
}

fn fill_operator(col: &printpdf::Color) -> &'static str {
    match col {
        printpdf::Color::Rgb(_) => "rg",
        printpdf::Color::Cmyk(_) | printpdf::Color::SpotColor(_) => "k",
        printpdf::Color::Greyscale(_) => "g",
    }
}

/// An op the painter does not draw with (a defect, not a user's error).
fn unwritten(what: &str) -> PdfError {
    PdfError::Write(format!("the content stream has no writer for {what}"))
}

/// Puts `streams`, one a page in order, in as the pages' contents.
pub(super) fn replace(doc: &mut lopdf::Document, streams: Vec<Vec<u8>>) -> Result<(), PdfError> {
    let pages = doc.get_pages();
    if pages.len() != streams.len() {
        return Err(PdfError::Write(format!(
            "{} content streams for {} pages",
            streams.len(),
            pages.len()
        )));
    }
    for (page, bytes) in pages.into_values().zip(streams) {
        let contents = doc
            .get_dictionary(page)
            .and_then(|d| d.get(b"Contents"))
            .and_then(lopdf::Object::as_reference)
            .and_then(|id| doc.get_object_mut(id))
            .and_then(lopdf::Object::as_stream_mut)
            .map_err(|e| PdfError::Write(e.to_string()))?;
        contents.set_content(bytes);
    }
    Ok(())
}

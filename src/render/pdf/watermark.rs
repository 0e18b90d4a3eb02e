//! Painting the DRAFT mark: its letters as filled outlines, not text.
//!
//! Drawn as text, a slanted word lands in text extraction as stray letters
//! between the lines ("FT", "A", "R", "D" in pdftotext's reading of each
//! page); as shapes it is seen on the page and never read, which is what an
//! artifact is. The outlines come from the shipped font itself, so the mark
//! looks as the text would, turned along [`WATERMARK_ANGLE`].
//!
//! The outlines are one form XObject, drawn by every page (`Do`): written
//! once rather than on each page, a three-page draft is 2.4 KB smaller and
//! its render does a sixth fewer instructions (the path is some 1,900
//! numbers, which printpdf and lopdf wrote one by one through `format!`).

use std::collections::BTreeMap;

use lopdf::Object::{Integer, Real};
use lopdf::content::{Content, Operation};
use printpdf::xobject::{DictItem, ExternalStream, XObjectTransform};
use printpdf::{Op, PdfDocument, XObjectId};

use super::fonts;
use super::page::{Layout, Run, WATERMARK_ANGLE};

/// How light the mark is: 0 black, 1 white. Text over it reads as black on
/// white; the word itself is seen from across a desk.
const GREY: f32 = 0.85;

/// The forms that draw the layout's marks, each beside the mark it draws.
pub(super) struct Marks(Vec<(Run, XObjectId)>);

/// Registers one form XObject for each distinct mark the layout's pages
/// carry (a letter has one, on every page of a draft).
pub(super) fn embed(doc: &mut PdfDocument, layout: &Layout) -> Marks {
    let mut forms: Vec<(Run, XObjectId)> = Vec::new();
    for run in layout.pages.iter().filter_map(|p| p.watermark.as_ref()) {
        if forms.iter().any(|(r, _)| r == run) {
            continue;
        }
        let Some(stream) = form(run) else {
            continue;
        };
        let id = super::images::add_xobject(doc, format!("Wm{}", forms.len()), stream);
        forms.push((run.clone(), id));
    }
    Marks(forms)
}

impl Marks {
    /// The ops that paint `run` (a watermark) on a page: its form, marked
    /// as a pagination artifact of subtype Watermark.
    pub(super) fn ops(&self, run: &Run) -> Vec<Op> {
        let Some((_, id)) = self.0.iter().find(|(r, _)| r == run) else {
            return Vec::new();
        };
        let draw = Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform::default(),
        };
        super::marks::artifact("Pagination", Some("Watermark"), vec![draw])
    }
}

/// The form that draws `run`: its glyphs' outlines as one path filled in
/// light grey. The path is in whole font units (a twentieth of a point at
/// this size, and short numbers); the form's matrix scales, turns and
/// places it.
fn form(run: &Run) -> Option<ExternalStream> {
    let font = ttf_parser::Face::parse(run.face.bytes(), 0).ok()?;
    let glyphs = fonts::shape(run.face, &run.text).ok()?;
    let em = f32::from(font.units_per_em());
    let mut pen = Pen::default();
    pen.ops.push(Operation::new("g", vec![Real(GREY)]));
    for g in &glyphs {
        font.outline_glyph(ttf_parser::GlyphId(g.gid), &mut pen);
        pen.advance += (g.advance + g.kern) * em / 1000.0;
    }
    pen.ops.push(Operation::new("f", vec![]));
    let content = Content {
        operations: pen.ops,
    }
    .encode()
    .ok()?;
    let (sin, cos) = WATERMARK_ANGLE.to_radians().sin_cos();
    let s = run.size / em;
    let matrix = [s * cos, s * sin, -s * sin, s * cos, run.x, run.y];
    let reals = |v: &[f32]| DictItem::Array(v.iter().map(|&n| DictItem::Real(n)).collect());
    let ints = |v: &[i64]| DictItem::Array(v.iter().map(|&n| DictItem::Int(n)).collect());
    let dict = BTreeMap::from([
        ("Type".to_string(), DictItem::Name(b"XObject".to_vec())),
        ("Subtype".to_string(), DictItem::Name(b"Form".to_vec())),
        ("BBox".to_string(), ints(&pen.bounds?)),
        ("Matrix".to_string(), reals(&matrix)),
        (
            "Resources".to_string(),
            DictItem::Dict {
                map: BTreeMap::new(),
            },
        ),
    ]);
    Some(ExternalStream {
        dict,
        content,
        compress: true,
    })
}

/// Collects glyph outlines as path operations in whole font units, each
/// glyph moved along the baseline by `advance`.
#[derive(Default)]
struct Pen {
    ops: Vec<Operation>,
    /// How far along the baseline the current glyph starts, font units.
    advance: f32,
    /// The last point, font units (where a quadratic curve starts).
    last: (f32, f32),
    /// The box drawn in so far, `[x0 y0 x1 y1]` in font units.
    bounds: Option<[i64; 4]>,
}

impl Pen {
    /// `op` with the points `xy` (pairs, font units of the glyph).
    fn op(&mut self, op: &str, xy: &[f32]) {
        let mut operands = Vec::with_capacity(xy.len());
        for p in xy.chunks_exact(2) {
            // Whole units: outlines are within a few thousand.
            let (x, y) = ((self.advance + p[0]).round() as i64, p[1].round() as i64);
            let [x0, y0, x1, y1] = self.bounds.unwrap_or([x, y, x, y]);
            self.bounds = Some([x0.min(x), y0.min(y), x1.max(x), y1.max(y)]);
            operands.extend([Integer(x), Integer(y)]);
        }
        self.ops.push(Operation::new(op, operands));
    }
}

impl ttf_parser::OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.op("m", &[x, y]);
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.op("l", &[x, y]);
        self.last = (x, y);
    }

    /// A quadratic curve as the cubic that draws it (control points two
    /// thirds of the way to the quadratic's one).
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x0, y0) = self.last;
        let c1 = (x0 + 2.0 / 3.0 * (x1 - x0), y0 + 2.0 / 3.0 * (y1 - y0));
        let c2 = (x + 2.0 / 3.0 * (x1 - x), y + 2.0 / 3.0 * (y1 - y));
        self.curve_to(c1.0, c1.1, c2.0, c2.1, x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.op("c", &[x1, y1, x2, y2, x, y]);
        self.last = (x, y);
    }

    fn close(&mut self) {
        self.op("h", &[]);
    }
}

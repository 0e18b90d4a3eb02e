//! Painting the DRAFT mark: its letters as filled outlines, not text.
//!
//! Drawn as text, a slanted word lands in text extraction as stray letters
//! between the lines ("FT", "A", "R", "D" in pdftotext's reading of each
//! page); as shapes it is seen on the page and never read, which is what an
//! artifact is. The outlines come from the shipped font itself, so the mark
//! looks as the text would, turned along [`WATERMARK_ANGLE`].

use std::collections::BTreeMap;

use printpdf::{
    Color, CurTransMat, DictItem, Greyscale, LinePoint, Op, PaintMode, Point, Polygon, PolygonRing,
    Pt, WindingOrder,
};

use super::fonts;
use super::page::{Run, WATERMARK_ANGLE};

/// How light the mark is: 0 black, 1 white. Text over it reads as black on
/// white; the word itself is seen from across a desk.
const GREY: f32 = 0.85;

/// The ops that paint `run` (a watermark): a filled path in light grey,
/// marked as a pagination artifact of subtype Watermark.
pub(super) fn ops(run: &Run) -> Vec<Op> {
    let (Ok(font), Ok(glyphs)) = (
        ttf_parser::Face::parse(run.face.bytes(), 0),
        fonts::shape(run.face, &run.text),
    ) else {
        return Vec::new();
    };
    let em = f32::from(font.units_per_em());
    let mut pen = Pen {
        rings: Vec::new(),
        advance: 0.0,
        last: (0.0, 0.0),
    };
    for g in &glyphs {
        font.outline_glyph(ttf_parser::GlyphId(g.gid), &mut pen);
        pen.advance += (g.advance + g.kern) * em / 1000.0;
    }
    // The path is in whole font units (a twentieth of a point at this
    // size, and short numbers in the page's content); the matrix scales,
    // turns and places it.
    let (sin, cos) = WATERMARK_ANGLE.to_radians().sin_cos();
    let s = run.size / em;
    let matrix = CurTransMat::Raw([s * cos, s * sin, -s * sin, s * cos, run.x, run.y]);
    let polygon = Polygon {
        rings: pen.rings,
        mode: PaintMode::Fill,
        winding_order: WindingOrder::NonZero,
    };
    let map = BTreeMap::from([
        ("Type".to_string(), DictItem::Name(b"Pagination".to_vec())),
        ("Subtype".to_string(), DictItem::Name(b"Watermark".to_vec())),
    ]);
    vec![
        Op::BeginMarkedContentWithProperties {
            tag: "Artifact".to_string(),
            properties: DictItem::Dict { map },
        },
        Op::SaveGraphicsState,
        Op::SetTransformationMatrix { matrix },
        Op::SetFillColor {
            col: Color::Greyscale(Greyscale::new(GREY, None)),
        },
        Op::DrawPolygon { polygon },
        Op::RestoreGraphicsState,
        Op::EndMarkedContent,
    ]
}

/// Collects glyph outlines as rings in font units, each glyph moved along
/// the baseline by `advance`.
struct Pen {
    rings: Vec<PolygonRing>,
    /// How far along the baseline the current glyph starts, font units.
    advance: f32,
    /// The last point, font units (where a quadratic curve starts).
    last: (f32, f32),
}

impl Pen {
    fn point(&self, x: f32, y: f32, bezier: bool) -> LinePoint {
        LinePoint {
            p: Point {
                x: Pt((self.advance + x).round()),
                y: Pt(y.round()),
            },
            bezier,
        }
    }

    fn push(&mut self, point: LinePoint) {
        if let Some(ring) = self.rings.last_mut() {
            ring.points.push(point);
        }
    }
}

impl ttf_parser::OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        let points = vec![self.point(x, y, false)];
        self.rings.push(PolygonRing { points });
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.push(self.point(x, y, false));
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
        self.push(self.point(x1, y1, true));
        self.push(self.point(x2, y2, true));
        self.push(self.point(x, y, false));
        self.last = (x, y);
    }

    fn close(&mut self) {}
}

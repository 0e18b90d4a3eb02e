//! Fonts: coverage, fallback, kerning, subsetting.

use std::collections::BTreeSet;

use crate::compose::Style;
use crate::render::pdf::fonts::*;
use crate::render::pdf::subset::subset;

#[test]
fn liberation_has_latin_typography_but_not_u2011() {
    for ch in "éáñçüß’“”—–…\u{a0}\u{2010}".chars() {
        assert!(covers(ch), "{ch:?}");
    }
    assert_eq!(
        glyph(Face::Regular, '\u{2011}'),
        glyph(Face::Regular, '\u{2010}')
    );
    assert!(covers('\u{2011}'), "drawn as U+2010");
    assert!(covers('\u{ad}') && covers('\u{200b}'), "dropped by `clean`");
    assert!(!covers('\u{4e2d}'), "no CJK");
}

#[test]
fn every_liberation_style_draws_printable_ascii() {
    // `covers` answers for ASCII without looking: this is why it may.
    for ch in ' '..='~' {
        for face in &Face::ALL[..4] {
            assert!(glyph(*face, ch).is_some(), "{face:?} lacks {ch:?}");
        }
    }
}

#[test]
fn armenian_falls_back_to_noto() {
    let bold = Style {
        bold: true,
        italic: false,
    };
    assert_eq!(face_for(Style::default(), 'Հ'), Some(Face::Armenian));
    assert_eq!(face_for(bold, 'Հ'), Some(Face::ArmenianBold));
    assert_eq!(face_for(bold, 'a'), Some(Face::Bold));
    assert!(covers('Հ'));
}

#[test]
fn kerning_comes_from_the_kern_table() {
    let av = width(Face::Regular, "AV", 1000.0).unwrap();
    let a = width(Face::Regular, "A", 1000.0).unwrap();
    let v = width(Face::Regular, "V", 1000.0).unwrap();
    assert!(av < a + v, "{av} vs {}", a + v);
    // Times metrics: a space is 250/1000 em.
    assert_eq!(width(Face::Regular, " ", 12.0).unwrap(), 3.0);
}

#[test]
fn missing_glyph_names_the_character() {
    let err =
        crate::render::pdf::PdfError::from(width(Face::Regular, "ok 中 ok", 12.0).unwrap_err());
    assert_eq!(err.to_string(), "no font has U+4E2D `中` (in \"ok 中 ok\")");
}

#[test]
fn subset_is_small_and_tagged_deterministically() {
    let gids: BTreeSet<u16> = shape(Face::Regular, "Hello, world")
        .unwrap()
        .iter()
        .map(|g| g.gid)
        .collect();
    let a = subset(Face::Regular, &gids).unwrap();
    // The tag is six capitals (ISO 32000-1, 9.6.4) that follow the glyphs:
    // another set of glyphs, another tag; the same set, the same tag.
    let (tag, base) = a.name.split_at(6);
    assert!(tag.bytes().all(|b| b.is_ascii_uppercase()), "{}", a.name);
    assert_eq!(base, "+LiberationSerif");
    let fewer: BTreeSet<u16> = gids.iter().copied().skip(1).collect();
    let other = subset(Face::Regular, &fewer).unwrap();
    assert_ne!(other.name, a.name, "the tag follows the glyph set");
    assert_eq!(subset(Face::Regular, &gids).unwrap().name, a.name);
    assert!(a.bytes.len() < 20_000, "{}", a.bytes.len());
}

#[test]
fn subset_without_hinting_keeps_every_outline() {
    let text = "Velázquez García “Chuy” — Ñandú, Hello! 0123";
    let gids: BTreeSet<u16> = shape(Face::Regular, text)
        .unwrap()
        .iter()
        .map(|g| g.gid)
        .collect();
    let sub = subset(Face::Regular, &gids).unwrap();
    let small = ttf_parser::Face::parse(&sub.bytes, 0).expect("subset parses");
    let full = ttf_parser::Face::parse(
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/fonts/LiberationSerif-Regular.ttf"
        )),
        0,
    )
    .unwrap();
    assert!(small.tables().glyf.is_some());
    assert!(
        small
            .raw_face()
            .table(ttf_parser::Tag::from_bytes(b"fpgm"))
            .is_none(),
        "hinting dropped"
    );
    let name = ttf_parser::Tag::from_bytes(b"name");
    assert!(small.raw_face().table(name).is_none(), "name dropped");
    assert!(small.tables().cmap.is_none(), "the PDF maps text itself");
    for ch in text.chars() {
        let a = full.glyph_index(ch).unwrap();
        let b = ttf_parser::GlyphId(sub.gid(a.0).unwrap());
        assert_eq!(
            full.glyph_bounding_box(a),
            small.glyph_bounding_box(b),
            "{ch}"
        );
        assert_eq!(
            full.glyph_hor_advance(a),
            small.glyph_hor_advance(b),
            "{ch}"
        );
        assert_eq!(outline(&full, a), outline(&small, b), "{ch}");
    }
}

/// Every point of a glyph's outline, in drawing order.
fn outline(face: &ttf_parser::Face<'_>, id: ttf_parser::GlyphId) -> Vec<(f32, f32)> {
    struct Points(Vec<(f32, f32)>);
    impl ttf_parser::OutlineBuilder for Points {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push((x, y));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push((x, y));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.extend([(x1, y1), (x, y)]);
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.extend([(x1, y1), (x2, y2), (x, y)]);
        }
        fn close(&mut self) {}
    }
    let mut points = Points(Vec::new());
    face.outline_glyph(id, &mut points);
    points.0
}

#[test]
fn the_liberation_styles_agree_on_latin_and_punctuation() {
    // `covers` asks only the regular face in these ranges: this is why it may.
    for range in SAME_IN_EVERY_STYLE {
        for ch in range.clone() {
            let have: Vec<bool> = Face::ALL[..4]
                .iter()
                .map(|f| glyph(*f, ch).is_some())
                .collect();
            assert!(have.iter().all(|&h| h == have[0]), "{ch:?}: {have:?}");
        }
    }
}

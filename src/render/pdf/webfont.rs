//! The PDF's faces for the web page: each face the letter uses, cut down to
//! the characters it draws in it, as a font a browser loads from a `data:`
//! URL. The page then prints in the PDF's faces on any machine, Noto Serif
//! Armenian included, and makes no request.
//!
//! Which face draws which characters is read off the PDF layout of the same
//! letter: the two media share one design and the page prints the PDF's
//! lines (`render::lines`), so the layout knows. Each face also keeps the
//! hyphen a printed line ends with (drawn by the print style, in the face
//! of the line's last letter), and the regular face the digits and words
//! of the continuation header ("Page 12").
//!
//! The subsets are the PDF's own, the very same cut (`subset::faces`:
//! typst's subsetter, hinting dropped), with what a browser needs and a PDF
//! does not: a Unicode `cmap` (format 4, `sfnt::cmap`) to find the glyphs,
//! the face's `OS/2` metrics that place a line's baseline, its `name`
//! (copyright and licence), and a `kern` table with the face's pairs among
//! the kept glyphs, so the page's words are as wide as the PDF's. For the
//! example letter they are half the bytes allsorts' subsets were, made in a
//! third of the instructions.

use std::collections::BTreeMap;

use base64::Engine;

use super::fonts::{self, Face};
use super::subset::FaceSubset;
use super::{PdfError, Typeset};

/// One face of the page as a CSS `@font-face`.
#[derive(Debug, Clone, PartialEq)]
pub struct WebFont {
    /// The CSS family: the page's text family, or its Armenian fallback.
    pub family: &'static str,
    /// CSS `font-weight`: 400 or 700.
    pub weight: u16,
    /// CSS `font-style`: `normal` or `italic`.
    pub style: &'static str,
    /// The subset font, `data:font/ttf;base64,…`.
    pub url: String,
}

/// The family the page's text is set in. Its own name, not "Liberation
/// Serif": a machine with that font installed must still use the page's.
pub const TEXT_FAMILY: &str = "signon Liberation Serif";
/// The family Armenian letters fall back to.
pub const ARMENIAN_FAMILY: &str = "signon Noto Serif Armenian";

/// The faces the letter typeset as `t` uses, each as `t` cut it. Cut once
/// for the PDF and the page (`subset::faces`).
pub fn web_fonts(t: &Typeset) -> Result<Vec<WebFont>, PdfError> {
    t.faces
        .iter()
        .map(|(&face, cut)| {
            let bytes = subset_font(face, cut)?;
            let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
            let (family, weight, style) = css(face);
            Ok(WebFont {
                family,
                weight,
                style,
                url: format!("data:font/ttf;base64,{b64}"),
            })
        })
        .collect()
}

/// `face`, cut to what the letter draws, with the tables a browser needs
/// and a PDF does not. A browser finds glyphs through the `cmap`, places
/// the baseline by `OS/2` and kerns by `kern`, and `name` carries the
/// face's copyright and licence; the last two are the face's own.
fn subset_font(face: Face, cut: &FaceSubset) -> Result<Vec<u8>, PdfError> {
    let fail = |e: &str| PdfError::Font(format!("{} for the web page: {e}", face.ps_name()));
    let FaceSubset { subset, chars } = cut;
    let new = |g: u16| subset.gid(g);
    let cmap: Vec<(char, u16)> = chars
        .iter()
        .filter_map(|(&c, &g)| Some((c, new(g)?)))
        .collect();
    let ttf = ttf_parser::Face::parse(face.bytes(), 0).map_err(|e| fail(&e.to_string()))?;
    let own = |tag: &[u8; 4]| {
        let table = ttf.raw_face().table(ttf_parser::Tag::from_bytes(tag));
        table
            .map(|t| (*tag, t.to_vec()))
            .ok_or_else(|| fail("a table is missing"))
    };
    let mut tables = vec![
        (*b"cmap", super::sfnt::cmap(&cmap)),
        own(b"OS/2")?,
        own(b"name")?,
    ];
    // The PDF kerns, so the page gets the same pairs, or its lines would be
    // wider than the PDF's.
    tables.extend(kern_table(&ttf, new).map(|k| (*b"kern", k)));
    super::sfnt::with_tables(&subset.bytes, tables).ok_or_else(|| fail("the subset does not read"))
}

/// A `kern` table with the face's pairs between the kept glyphs, numbered
/// as `new` numbers them (the first value of a repeated pair wins).
fn kern_table(ttf: &ttf_parser::Face<'_>, new: impl Fn(u16) -> Option<u16>) -> Option<Vec<u8>> {
    let mut pairs = BTreeMap::new();
    for p in fonts::kern_pairs(ttf) {
        if let (Some(l), Some(r)) = (new(p.left().0), new(p.right().0)) {
            pairs.entry((l, r)).or_insert(p.value);
        }
    }
    super::sfnt::kern(&pairs)
}

/// The CSS family, weight and style of a face.
fn css(face: Face) -> (&'static str, u16, &'static str) {
    match face {
        Face::Regular => (TEXT_FAMILY, 400, "normal"),
        Face::Bold => (TEXT_FAMILY, 700, "normal"),
        Face::Italic => (TEXT_FAMILY, 400, "italic"),
        Face::BoldItalic => (TEXT_FAMILY, 700, "italic"),
        Face::Armenian => (ARMENIAN_FAMILY, 400, "normal"),
        Face::ArmenianBold => (ARMENIAN_FAMILY, 700, "normal"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::subset::face_subset;
    use super::Face;

    /// `face` cut to `text`'s characters, for a browser.
    fn subset_font(face: Face, text: &str) -> Vec<u8> {
        let cut = face_subset(face, text.chars()).unwrap();
        super::subset_font(face, &cut).unwrap()
    }

    /// The subset as a browser reads it: through its cmap.
    fn glyph_of(font: &[u8], ch: char) -> Option<u16> {
        let face = ttf_parser::Face::parse(font, 0).unwrap();
        face.glyph_index(ch).map(|g| g.0)
    }

    #[test]
    fn a_subset_maps_its_characters_and_no_others() {
        let font = subset_font(Face::Regular, "Azé’");
        for ch in "Azé’".chars() {
            assert!(glyph_of(&font, ch).is_some_and(|g| g > 0), "{ch}");
        }
        assert_eq!(glyph_of(&font, 'q'), None);
        let face = ttf_parser::Face::parse(&font, 0).unwrap();
        // .notdef, four letters, and the parts é is built of.
        assert!(face.number_of_glyphs() <= 7, "{}", face.number_of_glyphs());
        // Most of it is the `name` table: the fonts' copyright and licence.
        assert!(font.len() < 6_000, "{} bytes", font.len());
    }

    #[test]
    fn a_subset_kerns_as_the_full_face_does() {
        let font = subset_font(Face::Regular, "AVTo.");
        let kern = |font: &[u8], pair: [char; 2]| {
            let face = ttf_parser::Face::parse(font, 0).unwrap();
            let [l, r] = pair.map(|c| face.glyph_index(c).unwrap());
            let sub = face
                .tables()
                .kern
                .unwrap()
                .subtables
                .into_iter()
                .next()
                .unwrap();
            sub.glyphs_kerning(l, r)
        };
        for pair in [['A', 'V'], ['T', 'o'], ['V', '.']] {
            let full = kern(Face::Regular.bytes(), pair);
            assert!(full.is_some_and(|k| k != 0), "{pair:?}");
            assert_eq!(kern(&font, pair), full, "{pair:?}");
        }
    }

    #[test]
    fn an_armenian_subset_keeps_its_metrics_for_the_baseline() {
        let font = subset_font(Face::Armenian, "Հայաստան");
        let face = ttf_parser::Face::parse(&font, 0).unwrap();
        let full = ttf_parser::Face::parse(Face::Armenian.bytes(), 0).unwrap();
        assert!(face.tables().os2.is_some(), "OS/2 kept");
        assert_eq!(face.ascender(), full.ascender());
        assert!(glyph_of(&font, 'Հ').is_some());
    }
}

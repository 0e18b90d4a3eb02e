//! One design in both media (issue #15): the web page carries the PDF's
//! faces as subset fonts in `data:` URLs, each mapping the characters the
//! page draws in it, and fetches nothing.

use std::fs;
use std::path::Path;

use base64::Engine;

use crate::support::*;

/// One `@font-face` of a page: family, weight, style and the font's bytes.
struct Face {
    family: String,
    weight: String,
    style: String,
    font: Vec<u8>,
}

/// Every `@font-face` rule of the page, its font decoded.
fn faces(html: &str) -> Vec<Face> {
    let value = |rule: &str, key: &str| {
        let at = rule
            .find(key)
            .unwrap_or_else(|| panic!("no {key} in {rule}"))
            + key.len();
        rule[at..]
            .split(';')
            .next()
            .unwrap()
            .trim()
            .trim_matches('"')
            .to_string()
    };
    html.split("@font-face {")
        .skip(1)
        .map(|rest| {
            let rule = &rest[..rest.find('}').unwrap()];
            let url = value(rule, "src: url(data:font/ttf;base64,");
            let b64 = url.split(')').next().unwrap();
            Face {
                family: value(rule, "font-family:"),
                weight: value(rule, "font-weight:"),
                style: value(rule, "font-style:"),
                font: base64::engine::general_purpose::STANDARD
                    .decode(b64)
                    .unwrap(),
            }
        })
        .collect()
}

/// Whether `font`'s cmap maps `ch` to a glyph other than .notdef.
fn maps(font: &[u8], ch: char) -> bool {
    let face = ttf_parser::Face::parse(font, 0).expect("a font a browser can read");
    face.glyph_index(ch).is_some_and(|g| g.0 != 0)
}

fn render_html(ws: &Path) -> String {
    let out = signon(ws, &["render", RUBIO, "--html", "out/rubio.html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    fs::read_to_string(ws.join("out/rubio.html")).unwrap()
}

fn family<'a>(faces: &'a [Face], family: &str, weight: &str, style: &str) -> &'a Face {
    faces
        .iter()
        .find(|f| f.family == family && f.weight == weight && f.style == style)
        .unwrap_or_else(|| panic!("no {family} {weight} {style}"))
}

#[test]
fn the_page_embeds_the_faces_it_draws_with_their_characters() {
    let ws = example();
    let faces = faces(&render_html(ws.path()));
    let regular = family(&faces, "signon Liberation Serif", "400", "normal");
    for ch in "Dear Secretary Rubio: Azerbaijan’s — 0123456789".chars() {
        assert!(maps(&regular.font, ch), "regular face lacks {ch:?}");
    }
    // Headings are bold, "precondition" italic: those faces come too, each
    // with its own letters only.
    let bold = family(&faces, "signon Liberation Serif", "700", "normal");
    assert!("A moment for".chars().all(|c| maps(&bold.font, c)));
    let italic = family(&faces, "signon Liberation Serif", "400", "italic");
    assert!("precondition".chars().all(|c| maps(&italic.font, c)));
    assert!(!maps(&italic.font, 'D'), "only the italic text's letters");
    assert!(
        faces
            .iter()
            .all(|f| f.family != "signon Noto Serif Armenian")
    );
}

#[test]
fn armenian_text_brings_noto_serif_armenian_into_the_page() {
    let ws = example();
    let path = ws.path().join("letters/2025-02-06-rubio.toml");
    let letter = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        letter.replacen("and Baku still", "and Baku (Բաքու) still", 1),
    )
    .unwrap();
    let faces = faces(&render_html(ws.path()));
    let armenian = family(&faces, "signon Noto Serif Armenian", "400", "normal");
    for ch in "Բաքու".chars() {
        assert!(maps(&armenian.font, ch), "Armenian face lacks {ch:?}");
    }
}

#[test]
fn the_page_fetches_nothing() {
    let ws = example();
    let html = render_html(ws.path());
    assert!(html.contains("@font-face"));
    for fetch in ["url(http", "url(//", "src=\"http", "href=\"http", "@import"] {
        assert!(!html.contains(fetch), "the page fetches: {fetch}");
    }
}

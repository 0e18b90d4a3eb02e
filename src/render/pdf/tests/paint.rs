//! Painting: reproducible bytes, small files, embedded subsets.

use super::{Letter, sample};
use crate::render::pdf::layout::layout;
use crate::render::pdf::{PdfError, PdfOptions, render};

#[test]
fn same_input_gives_identical_bytes() {
    let c = sample();
    let a = render(&c, &PdfOptions::default()).unwrap();
    let b = render(&c, &PdfOptions::default()).unwrap();
    assert!(a.starts_with(b"%PDF-"));
    assert!(a == b, "renders differ");
    let other = render(
        &Letter::new().with(|c| c.id = "other".into()).build(),
        &PdfOptions::default(),
    )
    .unwrap();
    let id = |bytes: &[u8]| {
        let at = bytes.windows(4).rposition(|w| w == b"/ID[").unwrap();
        bytes[at..at + 40].to_vec()
    };
    assert_ne!(id(&a), id(&other), "document id follows the letter id");
}

#[test]
fn two_page_letter_is_small() {
    let two = Letter::new().sample_body().signers(4, 0).build();
    assert_eq!(layout(&two, &PdfOptions::default()).unwrap().pages.len(), 2);
    for c in [two, sample()] {
        let bytes = render(&c, &PdfOptions::default()).unwrap();
        assert!(bytes.len() < 40_000, "{} bytes", bytes.len());
    }
}

#[test]
fn fonts_are_subset_and_tagged() {
    let bytes = render(&sample(), &PdfOptions::default()).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("+LiberationSerif"), "subset tag on /BaseFont");
    assert!(text.contains("/ToUnicode"));
}

#[test]
fn missing_glyph_fails_the_render() {
    let c = Letter::new()
        .with(|c| c.salutation = "Dear Minister 王:".into())
        .build();
    let err = render(&c, &PdfOptions::default()).unwrap_err();
    assert_eq!(
        err,
        PdfError::MissingGlyph {
            ch: '王',
            text: "Dear Minister 王:".into()
        }
    );
    assert_eq!(
        err.to_string(),
        "no font has U+738B `王` (in \"Dear Minister 王:\")"
    );
}

#[test]
fn armenian_uses_the_fallback_font() {
    let c = Letter::new()
        .with(|c| c.salutation = "Dear friends — Հայաստան:".into())
        .build();
    let bytes = render(&c, &PdfOptions::default()).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("+NotoSerifArmenian-Regular"));
}

//! Painting: reproducible bytes, small files, embedded subsets, where the
//! pen goes.

use printpdf::TextItem;

use super::{Letter, sample};
use crate::render::pdf::flow::run;
use crate::render::pdf::fonts::{self, Face};
use crate::render::pdf::layout::{Run, layout};
use crate::render::pdf::linebreak::{is_space, letter_gaps};
use crate::render::pdf::paint::text_items;
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
    // The budget is 40 KB for two pages; a longer letter gets as much a page
    // (the structure tree grows with the text).
    for c in [two, sample()] {
        let pages = layout(&c, &PdfOptions::default()).unwrap().pages.len();
        let bytes = render(&c, &PdfOptions::default()).unwrap();
        assert!(bytes.len() < 20_000 * pages.max(2), "{} bytes", bytes.len());
    }
}

/// The dictionaries of the PDF `bytes` (object streams unpacked) as text.
fn objects(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let dicts = doc.objects.values().filter_map(|o| o.as_dict().ok());
    dicts.map(|d| format!("{d:?}\n")).collect()
}

#[test]
fn fonts_are_subset_and_tagged() {
    let bytes = render(&sample(), &PdfOptions::default()).unwrap();
    let text = objects(&bytes);
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
    assert!(objects(&bytes).contains("+NotoSerifArmenian-Regular"));
}

/// Where `text_items` puts the pen before each glyph of `run`, pt from the
/// run's start, with `Tc` set to the run's letter space as `page_ops` does.
fn painted_positions(run: &Run) -> Vec<f32> {
    let glyphs = fonts::shape(run.face, &run.text).unwrap();
    let (mut pen, mut at, mut out) = (0.0, 0, Vec::new());
    for item in text_items(run, &glyphs) {
        match item {
            TextItem::Text(text) => {
                for _ in text.chars() {
                    out.push(pen);
                    pen += glyphs[at].advance * run.size / 1000.0 + run.letter_space;
                    at += 1;
                }
            }
            TextItem::Offset(n) => pen -= n * run.size / 1000.0,
            TextItem::GlyphIds(_) => unreachable!("runs are drawn as text"),
        }
    }
    out
}

#[test]
fn tracking_widens_letter_gaps_only_and_spaces_by_the_word_space() {
    for (word_space, letter_space) in [(0.0, 0.0), (1.74, 0.18), (-0.4, 0.0)] {
        let run = Run {
            word_space,
            letter_space,
            ..run(
                108.0,
                500.0,
                Face::Regular,
                "Press for\u{a0}the AV-war, “ok”",
            )
        };
        let chars: Vec<char> = run.text.chars().collect();
        let painted = painted_positions(&run);
        for (i, x) in painted.iter().enumerate() {
            let before: String = chars[..i].iter().collect();
            let through: String = chars[..=i].iter().collect();
            let spaces = before.chars().filter(|&c| is_space(c)).count() as f32;
            // The natural start of glyph `i`: kerning with the one before included.
            let natural = fonts::width(run.face, &through, run.size).unwrap()
                - fonts::width(run.face, &chars[i].to_string(), run.size).unwrap();
            let want = natural + word_space * spaces + letter_space * letter_gaps(&through) as f32;
            // Offsets are rounded to 0.1/1000 em; along a line that adds
            // up to well under 0.005 pt, a fiftieth of a 300 dpi pixel.
            assert!((x - want).abs() < 0.005, "{letter_space} {i} {x} {want}");
        }
    }
}

/// `c` painted twice: its content streams written by us, and by printpdf
/// from every op. The two PDFs must be the same bytes.
fn painted_both_ways(c: &crate::compose::Composed) -> (Vec<u8>, Vec<u8>) {
    use crate::render::pdf::meta::Meta;
    use crate::render::pdf::paint::{Streams, paint_with};
    let t = crate::render::pdf::typeset(c, &PdfOptions::default()).unwrap();
    let meta = Meta::of(c, "test");
    let ours = paint_with(&t, &meta, Streams::Ours).unwrap();
    let printpdf = paint_with(&t, &meta, Streams::Printpdf).unwrap();
    (ours, printpdf)
}

#[test]
fn content_streams_are_the_bytes_printpdf_writes_for_a_draft() {
    // The draft: its slanted mark, rules, 24 signatures in two faces, italics,
    // hyphenated words, justified lines, cc and an enclosure.
    let c = Letter::new().sample_body().signers(4, 20).draft().build();
    let (ours, printpdf) = painted_both_ways(&c);
    assert!(ours == printpdf, "the PDFs differ");
}

#[test]
fn content_streams_are_the_bytes_printpdf_writes_for_images_and_armenian() {
    use std::sync::Arc;

    use crate::compose::SignatureMark;
    use crate::model::{Pixels, SignatureImage};
    let image = Arc::new(SignatureImage {
        path: "signatures/s0.jpg".into(),
        width: 600,
        height: 200,
        pixels: Pixels::Jpeg { components: 3 },
        file: vec![0xFF, 0xD8, 0xFF, 0xD9],
    });
    let c = Letter::new()
        .sections(vec![super::section(
            Some("Հայաստան"),
            &["We stand with the people of Armenia (Հայաստան) and Artsakh."],
        )])
        .signers(2, 3)
        .with(|c| c.signatures[0].mark = SignatureMark::Image(image))
        .build();
    let (ours, printpdf) = painted_both_ways(&c);
    let doc = lopdf::Document::load_mem(&ours).unwrap();
    let page = doc.page_iter().next().unwrap();
    let content = doc.get_page_content(page);
    assert!(
        content.windows(3).any(|w| w == b" Do"),
        "the image is drawn"
    );
    assert!(ours == printpdf, "the PDFs differ");
}

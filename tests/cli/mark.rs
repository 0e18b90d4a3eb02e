//! The slanted DRAFT mark of a draft PDF, parsed back with lopdf: one form
//! XObject of filled outlines, turned 45°, that every page draws inside a
//! Watermark artifact; and none on the final copy.

use lopdf::content::Content;
use lopdf::{Document, Object, ObjectId, Stream};

use crate::support::*;

fn render(ws: &std::path::Path, extra: &[&str]) -> Document {
    let mut args = vec!["render", RUBIO, "--pdf", "out.pdf"];
    args.extend(extra);
    let out = signon(ws, &args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    Document::load(ws.join("out.pdf")).unwrap()
}

/// The names of the XObjects `page` draws inside a Watermark artifact.
fn marks_drawn(doc: &Document, page: ObjectId) -> Vec<Vec<u8>> {
    let content = doc.get_and_decode_page_content(page).unwrap();
    let (mut inside, mut drawn) = (false, Vec::new());
    for op in &content.operations {
        match op.operator.as_str() {
            "BDC" => {
                let props = op.operands[1].as_dict().unwrap();
                inside = props.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Watermark");
            }
            "EMC" => inside = false,
            "Do" if inside => drawn.push(op.operands[0].as_name().unwrap().to_vec()),
            _ => {}
        }
    }
    drawn
}

fn xobject<'a>(doc: &'a Document, page: ObjectId, name: &[u8]) -> &'a Stream {
    let deref = |o: &'a Object| doc.dereference(o).unwrap().1;
    let page = doc.get_dictionary(page).unwrap();
    let resources = deref(page.get(b"Resources").unwrap()).as_dict().unwrap();
    let xobjects = deref(resources.get(b"XObject").unwrap()).as_dict().unwrap();
    deref(xobjects.get(name).unwrap()).as_stream().unwrap()
}

#[test]
fn every_page_of_a_draft_draws_the_one_slanted_mark() {
    let ws = example();
    let doc = render(ws.path(), &[]);
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    assert!(pages.len() > 1);
    for &page in &pages {
        assert_eq!(marks_drawn(&doc, page), [b"Wm0".to_vec()], "page {page:?}");
    }
    let form = xobject(&doc, pages[0], b"Wm0");
    assert_eq!(
        form.dict.get(b"Subtype").unwrap().as_name().unwrap(),
        b"Form"
    );
    let m: Vec<f32> = form
        .dict
        .get(b"Matrix")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_float().unwrap())
        .collect();
    // Turned 45° counter-clockwise: a = d = b = −c.
    assert!((m[0] - m[1]).abs() < 1e-6 && (m[0] + m[2]).abs() < 1e-6 && m[0] == m[3]);
    let path = Content::decode(&form.decompressed_content().unwrap()).unwrap();
    let ops: Vec<&str> = path
        .operations
        .iter()
        .map(|o| o.operator.as_str())
        .collect();
    assert_eq!(ops.first(), Some(&"g"));
    assert_eq!(ops.last(), Some(&"f"), "the outlines are filled");
    // D, R, A, F, T: five letters, D, R and A with counters.
    assert_eq!(ops.iter().filter(|o| **o == "m").count(), 8);
}

#[test]
fn the_final_copy_has_no_mark() {
    let ws = example_as_shipped();
    let doc = render(ws.path(), &["--final"]);
    for &page in doc.get_pages().values() {
        assert!(marks_drawn(&doc, page).is_empty());
    }
}

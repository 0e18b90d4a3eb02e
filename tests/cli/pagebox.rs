//! The PDF's page boxes and trailer, read back from the file's own bytes:
//! every page exactly the paper's published size in points (what `pdfinfo`
//! prints, "612 x 792"), and a trailer `/ID` that names the letter.

use lopdf::{Document, Object};

use crate::support::*;

/// The boxes of every page of `RUBIO` rendered on `paper`, as written.
fn boxes(paper: &str) -> Vec<(String, Vec<String>)> {
    let ws = example();
    let out = signon(
        ws.path(),
        &["render", RUBIO, "--pdf", "l.pdf", "--paper", paper],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = Document::load(ws.path().join("l.pdf")).unwrap();
    let mut all = Vec::new();
    for page in doc.get_pages().values() {
        let dict = doc.get_dictionary(*page).unwrap();
        for name in ["MediaBox", "CropBox", "TrimBox"] {
            let rect = dict.get(name.as_bytes()).unwrap().as_array().unwrap();
            // As printed in the file: 612 and 792, not 612.0004 and 792.0006.
            let printed = rect.iter().map(number).collect();
            all.push((name.to_string(), printed));
        }
    }
    all
}

fn number(o: &Object) -> String {
    match o {
        Object::Integer(i) => i.to_string(),
        Object::Real(r) => r.to_string(),
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn letter_pages_are_exactly_612_by_792() {
    for (name, rect) in boxes("letter") {
        assert_eq!(rect, ["0", "0", "612", "792"], "{name}");
    }
}

#[test]
fn a4_pages_are_595_28_by_841_89() {
    for (name, rect) in boxes("a4") {
        assert_eq!(rect, ["0", "0", "595.28", "841.89"], "{name}");
    }
}

/// The trailer's two ids are the same 32 hex digits, the id the document
/// information also carries: derived from the letter, nothing random.
#[test]
fn trailer_id_is_the_letters_own() {
    let ws = example();
    let out = signon(ws.path(), &["render", RUBIO, "--pdf", "l.pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = Document::load(ws.path().join("l.pdf")).unwrap();
    let ids = doc.trailer.get(b"ID").unwrap().as_array().unwrap();
    let ids: Vec<&[u8]> = ids.iter().map(|o| o.as_str().unwrap()).collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[0].len(), 32);
    assert!(ids[0].iter().all(u8::is_ascii_hexdigit), "{ids:?}");
    // A second letter gets another id.
    let out = signon(
        ws.path(),
        &["render", "2025-03-14-appropriations", "--pdf", "m.pdf"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let other = Document::load(ws.path().join("m.pdf")).unwrap();
    let other = other.trailer.get(b"ID").unwrap().as_array().unwrap();
    assert_ne!(other[0].as_str().unwrap(), ids[0]);
}

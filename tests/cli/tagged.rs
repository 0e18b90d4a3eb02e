//! The tagged PDF (issue #19), parsed back with lopdf: the structure tree of
//! the example letter as a golden outline, every marked-content id owned by
//! exactly one element, artifacts outside the tree, the language, title
//! display and XMP metadata, and whole words behind hyphenated line breaks.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use crate::support::*;

/// What one page's content holds: text per MCID, artifact text, and text
/// shown outside any marked-content sequence.
#[derive(Default)]
struct Marked {
    content: BTreeMap<i64, String>,
    artifacts: Vec<String>,
    /// `/Artifact` sequences that carry an MCID (there must be none).
    artifact_ids: usize,
    loose: String,
    /// `/ActualText` of the sequence of each MCID that has one.
    actual: BTreeMap<i64, String>,
    /// Each piece of shown text ending in "-", with the `/ActualText` of
    /// the sequence it is in.
    hyphen_ends: Vec<(String, Option<String>)>,
}

fn render(ws: &Path, letter: &str) -> Document {
    let out = signon(ws, &["render", letter, "--pdf", "out/t.pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    Document::load_mem(&fs::read(ws.join("out/t.pdf")).unwrap()).unwrap()
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> &'a Dictionary {
    doc.dereference(o).unwrap().1.as_dict().unwrap()
}

fn text_of(o: &Object) -> String {
    lopdf::decode_text_string(o).unwrap()
}

/// Walks the content of every page, in page order.
fn marked(doc: &Document) -> Vec<Marked> {
    doc.get_pages()
        .values()
        .map(|&id| page_marked(doc, id))
        .collect()
}

fn page_marked(doc: &Document, page: ObjectId) -> Marked {
    let encodings: BTreeMap<Vec<u8>, Encoding> = doc
        .get_page_fonts(page)
        .unwrap()
        .into_iter()
        .map(|(name, font)| (name, font.get_font_encoding(doc).unwrap()))
        .collect();
    let content = Content::decode(&doc.get_page_content(page)).unwrap();
    let mut m = Marked::default();
    // The open sequence: (is an artifact, its MCID).
    let mut open: Option<(bool, Option<i64>)> = None;
    let mut font: Vec<u8> = Vec::new();
    for op in content.operations {
        let shown: Vec<&[u8]> = match op.operator.as_str() {
            "BDC" | "BMC" => {
                let artifact = op.operands[0].as_name().unwrap() == b"Artifact";
                let props = op.operands.get(1).and_then(|p| p.as_dict().ok());
                let mcid = props.and_then(|p| p.get(b"MCID").ok()?.as_i64().ok());
                if let (Some(id), Some(text)) =
                    (mcid, props.and_then(|p| p.get(b"ActualText").ok()))
                {
                    m.actual.insert(id, text_of(text));
                }
                m.artifact_ids += usize::from(artifact && mcid.is_some());
                if let Some(id) = mcid {
                    m.content.entry(id).or_default();
                }
                open = Some((artifact, mcid));
                continue;
            }
            "EMC" => {
                open = None;
                continue;
            }
            "Tf" => {
                font = op.operands[0].as_name().unwrap().to_vec();
                continue;
            }
            "Tj" => vec![op.operands[0].as_str().unwrap()],
            "TJ" => op.operands[0]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|o| o.as_str().ok())
                .collect(),
            _ => continue,
        };
        let text: String = shown
            .into_iter()
            .map(|b| Document::decode_text(&encodings[&font], b).unwrap())
            .collect();
        if text.trim_end().ends_with('-') {
            let actual = open.and_then(|(_, id)| m.actual.get(&id?).cloned());
            m.hyphen_ends.push((text.clone(), actual));
        }
        match open {
            Some((true, _)) => m.artifacts.push(text),
            Some((false, Some(id))) => m.content.get_mut(&id).unwrap().push_str(&text),
            _ => m.loose.push_str(&text),
        }
    }
    m
}

/// Every (page, MCID) the structure tree refers to, in tree order, with the
/// element referring to it.
fn tree_refs(doc: &Document) -> Vec<(usize, i64, ObjectId)> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = dict(doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    let mut out = Vec::new();
    walk(doc, &pages, root.get(b"K").unwrap(), &mut |_, _, e, kid| {
        out.push(kid.map(|(p, m)| (p, m, e)));
    });
    out.into_iter().flatten().collect()
}

/// A visitor of the tree: (element, depth, its id, a kid's page and MCID).
type Visit<'a> = dyn FnMut(&Dictionary, usize, ObjectId, Option<(usize, i64)>) + 'a;

/// Calls `f(element, depth, id, mcid)` for each element (mcid `None`) and
/// each marked-content kid, depth first in reading order.
fn walk(doc: &Document, pages: &[ObjectId], elem: &Object, f: &mut Visit) {
    fn go(doc: &Document, pages: &[ObjectId], id: ObjectId, depth: usize, f: &mut Visit) {
        let e = doc.get_dictionary(id).unwrap();
        f(e, depth, id, None);
        let pg = e.get(b"Pg").and_then(Object::as_reference).ok();
        let page_of = |r: ObjectId| pages.iter().position(|&p| p == r).unwrap();
        for kid in e.get(b"K").unwrap().as_array().unwrap() {
            match kid {
                Object::Integer(m) => f(e, depth, id, Some((page_of(pg.unwrap()), *m))),
                Object::Reference(r) => go(doc, pages, *r, depth + 1, f),
                Object::Dictionary(mcr) => {
                    let p = mcr.get(b"Pg").unwrap().as_reference().unwrap();
                    let m = mcr.get(b"MCID").unwrap().as_i64().unwrap();
                    f(e, depth, id, Some((page_of(p), m)));
                }
                other => panic!("unexpected kid {other:?}"),
            }
        }
    }
    go(doc, pages, elem.as_reference().unwrap(), 0, f);
}

/// The tree as an indented outline: each element's type, its attributes,
/// and the start of its own text.
fn outline(doc: &Document) -> String {
    let marks = marked(doc);
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = dict(doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    let mut lines: Vec<(usize, String, String)> = Vec::new();
    let mut line_of: BTreeMap<ObjectId, usize> = BTreeMap::new();
    walk(
        doc,
        &pages,
        root.get(b"K").unwrap(),
        &mut |e, depth, id, kid| match kid {
            None => {
                let mut head =
                    String::from_utf8_lossy(e.get(b"S").unwrap().as_name().unwrap()).to_string();
                for key in ["Lang", "ActualText"] {
                    if let Ok(v) = e.get(key.as_bytes()) {
                        head.push_str(&format!(" {key}={:?}", text_of(v)));
                    }
                }
                if let Ok(a) = e.get(b"A").and_then(Object::as_dict) {
                    let n = a.get(b"ListNumbering").unwrap().as_name().unwrap();
                    head.push_str(&format!(" ListNumbering={}", String::from_utf8_lossy(n)));
                }
                line_of.insert(id, lines.len());
                lines.push((depth, head, String::new()));
            }
            Some((p, m)) => lines[line_of[&id]].2.push_str(&marks[p].content[&m]),
        },
    );
    let mut out = String::new();
    for (depth, head, text) in lines {
        let text: String = text.chars().take(48).collect();
        let text = if text.is_empty() {
            String::new()
        } else {
            format!(" {text:?}")
        };
        out.push_str(&format!("{}{head}{text}\n", "  ".repeat(depth)));
    }
    out
}

#[test]
fn example_structure_tree_matches_the_golden_outline() {
    let ws = example_signed();
    let doc = render(ws.path(), RUBIO);
    golden(
        "render-example/expected/structure.txt",
        &outline(&doc),
        None,
    );
}

#[test]
fn every_mcid_on_every_page_is_owned_by_exactly_one_element() {
    let ws = example_signed();
    let doc = render(ws.path(), RUBIO);
    let on_pages: Vec<(usize, i64)> = marked(&doc)
        .iter()
        .enumerate()
        .flat_map(|(p, m)| m.content.keys().map(move |&id| (p, id)))
        .collect();
    let refs = tree_refs(&doc);
    let mut in_tree: Vec<(usize, i64)> = refs.iter().map(|&(p, m, _)| (p, m)).collect();
    in_tree.sort();
    assert_eq!(in_tree, on_pages, "tree references vs page content");
    // The parent tree gives back the same owner for each.
    let root = dict(&doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    let nums = dict(&doc, root.get(b"ParentTree").unwrap())
        .get(b"Nums")
        .unwrap();
    let nums = nums.as_array().unwrap();
    for (p, m, owner) in refs {
        let page = doc
            .get_dictionary(doc.get_pages()[&(p as u32 + 1)])
            .unwrap();
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        let at = nums
            .iter()
            .step_by(2)
            .position(|k| k.as_i64().unwrap() == key)
            .unwrap();
        let owners = nums[2 * at + 1].as_array().unwrap();
        assert_eq!(
            owners[m as usize].as_reference().unwrap(),
            owner,
            "page {p} mcid {m}"
        );
        assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
    }
}

#[test]
fn draft_mark_and_continuation_headers_are_artifacts_outside_the_tree() {
    let ws = example_signed();
    let doc = render(ws.path(), RUBIO);
    let marks = marked(&doc);
    assert!(marks.len() > 1);
    for (p, m) in marks.iter().enumerate() {
        assert_eq!(m.loose, "", "text outside marked content on page {}", p + 1);
        assert_eq!(m.artifact_ids, 0, "an artifact with an MCID");
        assert!(m.artifacts.iter().any(|t| t == "DRAFT"), "page {}", p + 1);
        let content: String = m.content.values().map(String::as_str).collect();
        assert!(!content.contains("DRAFT"));
        if p > 0 {
            assert!(m.artifacts.iter().any(|t| *t == format!("Page {}", p + 1)));
            assert!(!content.contains(&format!("Page {}", p + 1)));
        }
    }
}

#[test]
fn catalog_states_language_marking_and_title_display() {
    let ws = example();
    let doc = render(ws.path(), RUBIO);
    let catalog = doc.catalog().unwrap();
    assert_eq!(text_of(catalog.get(b"Lang").unwrap()), "en-US");
    let mark_info = dict(&doc, catalog.get(b"MarkInfo").unwrap());
    assert_eq!(mark_info.get(b"Marked").unwrap(), &Object::Boolean(true));
    let prefs = dict(&doc, catalog.get(b"ViewerPreferences").unwrap());
    assert_eq!(
        prefs.get(b"DisplayDocTitle").unwrap(),
        &Object::Boolean(true)
    );
}

#[test]
fn xmp_metadata_repeats_the_document_information() {
    let ws = example();
    let doc = render(ws.path(), RUBIO);
    let stream = doc
        .get_object(
            doc.catalog()
                .unwrap()
                .get(b"Metadata")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap()
        .as_stream()
        .unwrap();
    assert!(
        stream.dict.get(b"Filter").is_err(),
        "XMP must stay readable"
    );
    let xmp = String::from_utf8(stream.content.clone()).unwrap();
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    let field = |k: &[u8]| text_of(info.get(k).unwrap()).replace('&', "&amp;");
    let li = |v: String| format!(">{v}</rdf:li>");
    assert!(xmp.contains(&li(field(b"Title"))), "{xmp}");
    assert!(xmp.contains(&li(field(b"Author"))), "{xmp}");
    assert!(xmp.contains(&li(field(b"Subject"))), "{xmp}");
    assert!(xmp.contains(&format!("<xmp:CreatorTool>{}<", field(b"Creator"))));
    // Info: D:20250206000000...; XMP: 2025-02-06T00:00:00Z.
    assert!(text_of(info.get(b"CreationDate").unwrap()).starts_with("D:20250206000000"));
    assert!(xmp.contains("<xmp:CreateDate>2025-02-06T00:00:00Z<"));
    assert!(xmp.contains("<rdf:li>en-US</rdf:li>"));
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
}

#[test]
fn hyphenated_words_extract_whole_through_actual_text() {
    let ws = example_signed();
    let doc = render(ws.path(), RUBIO);
    let marks = marked(&doc);
    let mut words = Vec::new();
    for m in &marks {
        for (id, word) in &m.actual {
            let shown = &m.content[id];
            if word.is_empty() {
                continue; // a second half: its word is on the first
            }
            let stem = shown.strip_suffix('-').unwrap();
            assert!(
                word.starts_with(stem) && word.len() > stem.len(),
                "{shown} {word}"
            );
            words.push(word.clone());
        }
    }
    assert!(words.iter().any(|w| w == "underway"), "{words:?}");
    let halves: usize = marks
        .iter()
        .map(|m| m.actual.values().filter(|w| w.is_empty()).count())
        .sum();
    assert_eq!(halves, words.len(), "each first half has its second");
}

#[test]
fn armenian_text_is_a_span_in_armenian() {
    let ws = example();
    let path = ws.path().join("letters/2025-03-14-appropriations.toml");
    let toml = fs::read_to_string(&path).unwrap();
    let toml = toml.replace(
        "salutation = \"Dear Chairman",
        "salutation = \"Բարեւ Ձեզ, Dear Chairman",
    );
    fs::write(&path, toml).unwrap();
    let doc = render(ws.path(), "2025-03-14-appropriations");
    let tree = outline(&doc);
    assert!(tree.contains("Span Lang=\"hy\" \"Բարեւ"), "{tree}");
}

/// Long words without hyphens of their own, enough to fill many lines.
const LONG: &str = "Notwithstanding institutionalization, \
    internationalization, counterrevolutionaries, incomprehensibilities, \
    uncharacteristically, telecommunications, responsibilities, \
    disproportionately, interdepartmental, misrepresentations, \
    electroencephalography, unconstitutionality, overcompensation";

#[test]
fn hyphens_on_consecutive_lines_each_carry_their_whole_word() {
    let ws = example();
    let path = ws.path().join("letters/2025-03-14-appropriations.toml");
    let toml = fs::read_to_string(&path).unwrap();
    let body = format!("body = \"\"\"\n{LONG}. {LONG}. {LONG}.\n\n");
    fs::write(&path, toml.replacen("body = \"\"\"\n", &body, 1)).unwrap();
    let doc = render(ws.path(), "2025-03-14-appropriations");
    let words: Vec<&str> = LONG.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let ends: Vec<(String, Option<String>)> = marked(&doc)
        .into_iter()
        .flat_map(|m| m.hyphen_ends)
        .collect();
    let mut joined = 0;
    for (shown, actual) in &ends {
        let stem = shown.trim_end().trim_end_matches('-');
        let stem = stem.rsplit(' ').next().unwrap();
        let Some(word) = actual else {
            panic!("{shown:?} has no ActualText; all: {ends:?}");
        };
        let word = word.trim_end_matches(['.', ',']);
        assert!(
            word.len() > stem.len() && word.starts_with(stem),
            "{shown:?} {word:?}"
        );
        joined += usize::from(words.contains(&word));
    }
    assert!(joined >= 6, "too few breaks to test: {ends:?}");
}

/// Every element's tag and whole text as extraction from the tree gives
/// it: its content and its kids' in order, `/ActualText` in place of the
/// content it covers.
fn element_texts(doc: &Document) -> Vec<(String, String)> {
    let marks = marked(doc);
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let page_of = |r: ObjectId| pages.iter().position(|&p| p == r).unwrap();
    fn under(
        doc: &Document,
        marks: &[Marked],
        page_of: &dyn Fn(ObjectId) -> usize,
        id: ObjectId,
    ) -> String {
        let e = doc.get_dictionary(id).unwrap();
        if let Ok(actual) = e.get(b"ActualText") {
            return text_of(actual);
        }
        let pg = e.get(b"Pg").and_then(Object::as_reference).ok();
        let mut out = String::new();
        for kid in e.get(b"K").unwrap().as_array().unwrap() {
            match kid {
                Object::Integer(m) => out.push_str(&marks[page_of(pg.unwrap())].content[m]),
                Object::Reference(r) => out.push_str(&under(doc, marks, page_of, *r)),
                Object::Dictionary(mcr) => {
                    let p = page_of(mcr.get(b"Pg").unwrap().as_reference().unwrap());
                    out.push_str(&marks[p].content[&mcr.get(b"MCID").unwrap().as_i64().unwrap()]);
                }
                other => panic!("unexpected kid {other:?}"),
            }
        }
        out
    }
    let root = dict(doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    let mut ids = Vec::new();
    walk(
        doc,
        &pages,
        root.get(b"K").unwrap(),
        &mut |e, _, id, kid| {
            if kid.is_none() {
                ids.push((
                    String::from_utf8_lossy(e.get(b"S").unwrap().as_name().unwrap()).to_string(),
                    id,
                ));
            }
        },
    );
    ids.into_iter()
        .map(|(tag, id)| (tag, under(doc, &marks, &page_of, id)))
        .collect()
}

#[test]
fn a_paragraph_s_text_from_the_tree_keeps_the_spaces_at_line_ends() {
    let ws = example_signed();
    let doc = render(ws.path(), RUBIO);
    let texts = element_texts(&doc);
    let (_, text) = texts
        .iter()
        .find(|(tag, t)| tag == "P" && t.starts_with("As co-chairs"))
        .unwrap();
    let want = "As co-chairs of the Congressional Armenian Caucus, we congratulate you \
        on your confirmation and ask that the Department of State put accountability \
        and Armenia\u{2019}s security at the center of U.S. policy in the South Caucasus.";
    assert_eq!(text.trim_end(), want);
}

#[test]
fn a_label_s_text_from_the_tree_ends_with_a_space() {
    let ws = example_signed();
    let doc = render(ws.path(), RUBIO);
    let texts = element_texts(&doc);
    assert!(
        texts
            .iter()
            .any(|(_, t)| t.starts_with("Re: Accountability")),
        "{texts:?}"
    );
}

#[test]
fn a_conformed_signature_is_read_before_the_name() {
    let ws =
        crate::signatures::workspace_with("conformed", &[("pallone", "signatures/pallone.png")]);
    let doc = render(ws.path(), RUBIO);
    let texts = element_texts(&doc);
    let at = texts
        .iter()
        .position(|(tag, t)| tag == "P" && t.starts_with("/s/ Frank Pallone"))
        .unwrap();
    assert_eq!(texts[at - 1].0, "LBody", "{texts:?}");
    assert_eq!(texts[at + 1].1.trim_end(), "Frank Pallone, Jr.");
}

/// An element's tag and `/Alt`, with one of its kids' (page, MCID) or none.
type Seen = (String, Option<String>, Option<(usize, i64)>);

#[test]
fn a_signature_image_is_a_figure_read_before_the_name() {
    let ws = crate::signatures::workspace_with(
        "images",
        &[
            ("pallone", "signatures/pallone.png"),
            ("bilirakis", "signatures/bilirakis.png"),
            ("sherman", "signatures/sherman.jpg"),
            ("valadao", "signatures/pallone.png"),
        ],
    );
    let out = signon(
        ws.path(),
        &["render", RUBIO, "--final", "--pdf", "out/t.pdf"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = Document::load_mem(&fs::read(ws.path().join("out/t.pdf")).unwrap()).unwrap();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = dict(&doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    // Each element (tag, /Alt) and each of its marked-content kids (page, MCID).
    let mut seen: Vec<Seen> = Vec::new();
    walk(
        &doc,
        &pages,
        root.get(b"K").unwrap(),
        &mut |e, _, _, kid| {
            let tag = String::from_utf8_lossy(e.get(b"S").unwrap().as_name().unwrap()).to_string();
            seen.push((tag, e.get(b"Alt").ok().map(text_of), kid));
        },
    );
    let at = seen
        .iter()
        .position(|s| s.0 == "Figure" && s.2.is_none())
        .unwrap();
    assert_eq!(
        seen[at].1.as_deref(),
        Some("Signature of Frank Pallone, Jr.")
    );
    assert_eq!(seen[at - 1].0, "LBody", "{seen:?}");
    // Its content is the image's drawing, under its own MCID.
    let (page, mcid) = seen[at + 1].2.unwrap();
    assert_eq!(seen[at + 1].0, "Figure");
    let content = Content::decode(&doc.get_page_content(pages[page])).unwrap();
    let ops: Vec<&str> = content
        .operations
        .iter()
        .map(|o| o.operator.as_str())
        .collect();
    let bdc = content.operations.iter().position(|o| {
        o.operator == "BDC"
            && o.operands[1]
                .as_dict()
                .is_ok_and(|d| d.get(b"MCID").ok() == Some(&Object::Integer(mcid)))
    });
    let bdc = bdc.unwrap();
    assert_eq!(
        content.operations[bdc].operands[0].as_name().unwrap(),
        b"Figure"
    );
    let emc = bdc + ops[bdc..].iter().position(|o| *o == "EMC").unwrap();
    assert!(ops[bdc..emc].contains(&"Do"), "{:?}", &ops[bdc..emc]);
    // The name follows the figure in the tree.
    let texts = element_texts(&doc);
    let figure = texts.iter().position(|t| t.0 == "Figure").unwrap();
    assert_eq!(texts[figure + 1].1.trim_end(), "Frank Pallone, Jr.");
}

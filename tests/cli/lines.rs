//! Line breaking as the reader of the PDF meets it (#14): a URL or an
//! e-mail address broken across lines gets no hyphen, breaks only at its
//! punctuation, and `pdftotext` gives it back whole.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::{RUBIO, code, example_layout, example_signed, signon, stderr};

/// Longer than the measure: it must break somewhere inside.
const URL: &str = "https://caucasusheritage.cornell.edu/monuments/nagorno-karabakh/churches-and-cemeteries?year=2023#inventory";
const EMAIL: &str =
    "legislative.correspondence.director.for.armenian.affairs@armeniancaucus.mail.house.gov";

/// The example with `sentence` added at the start of its first paragraph.
fn with_sentence(sentence: &str) -> tempfile::TempDir {
    let ws = example_signed();
    let path = ws.path().join(format!("letters/{RUBIO}.toml"));
    let toml = fs::read_to_string(&path).unwrap();
    let toml = toml.replacen("As co-chairs of", &format!("{sentence} As co-chairs of"), 1);
    fs::write(&path, toml).unwrap();
    ws
}

/// The text of each line of the layout's page 1, in order.
fn page_one_lines(ws: &Path) -> Vec<String> {
    let layout = example_layout(ws);
    let mut lines: Vec<(i64, String)> = Vec::new();
    for r in &layout.pages[0].runs {
        let y = (r.y * 10.0) as i64;
        match lines.iter_mut().find(|l| l.0 == y) {
            Some(l) => l.1.push_str(&r.text),
            None => lines.push((y, r.text.clone())),
        }
    }
    lines.into_iter().map(|l| l.1).collect()
}

/// `pdftotext`'s text of the example rendered in `ws`, spaces collapsed.
fn pdftotext(ws: &Path) -> String {
    let out = signon(ws, &["render", RUBIO, "--pdf", "out/t.pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = Command::new("pdftotext")
        .arg(ws.join("out/t.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed by this test: not found");
    String::from_utf8(text.stdout).unwrap()
}

/// The lines holding part of `address`: it must be broken, and each line's
/// part must end where the address may break.
fn assert_broken_at_punctuation(lines: &[String], address: &str) {
    let parts: Vec<&String> = lines
        .iter()
        .filter(|l| l.split(' ').any(|w| w.len() > 3 && address.contains(w)))
        .collect();
    assert!(parts.len() >= 2, "not broken: {parts:?}");
    let head = parts[0].rsplit(' ').next().unwrap();
    assert!(
        !head.ends_with('-') || address[head.len()..].starts_with('-'),
        "{head:?}"
    );
    let next = &address[head.len()..];
    assert!(
        head.ends_with('/') || next.starts_with(['.', '?', '#', '-']),
        "{head:?} / {next:?}"
    );
}

#[test]
fn a_url_breaks_after_a_slash_or_before_a_dot_with_no_hyphen() {
    let ws = with_sentence(&format!("The inventory is at {URL} today."));
    assert_broken_at_punctuation(&page_one_lines(ws.path()), URL);
}

#[test]
fn an_email_address_breaks_before_a_dot_with_no_hyphen() {
    let ws = with_sentence(&format!("Please write to our office at {EMAIL} today."));
    assert_broken_at_punctuation(&page_one_lines(ws.path()), EMAIL);
}

#[test]
fn pdftotext_gives_a_broken_url_back_whole() {
    let ws = with_sentence(&format!("The inventory is at {URL} today."));
    assert!(pdftotext(ws.path()).contains(URL), "{URL} not whole");
}

#[test]
fn pdftotext_gives_a_broken_email_address_back_whole() {
    let ws = with_sentence(&format!("Please write to our office at {EMAIL} today."));
    assert!(pdftotext(ws.path()).contains(EMAIL), "{EMAIL} not whole");
}

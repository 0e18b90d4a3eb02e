//! Issue #13, items 7 and 8: right-to-left text and bounded work. Hebrew in
//! an English paragraph is drawn right to left (the glyph order of its line
//! in the layout), Arabic is refused by `check` at its place; a paragraph of
//! 20,000 emphases renders (in linear time), and a letter over the size
//! limit is refused at its path before it is parsed.

use std::fs;
use std::path::Path;

use crate::support::*;

/// The first words of the example letter's first body paragraph.
const FIRST_WORDS: &str = "As co-chairs of the Congressional";

/// Puts `text` before the first body paragraph's first words.
fn prepend(ws: &Path, text: &str) {
    let path = ws.join("letters").join(format!("{RUBIO}.toml"));
    let letter = fs::read_to_string(&path).unwrap();
    let changed = letter.replacen(FIRST_WORDS, &format!("{text}{FIRST_WORDS}"), 1);
    assert_ne!(letter, changed);
    fs::write(&path, changed).unwrap();
}

/// The runs of the layout's line holding `needle`, as `face "text"`.
fn line_with(layout: &str, needle: &str) -> Vec<String> {
    let hit = layout.lines().find(|l| l.contains(needle)).unwrap();
    let y = hit.split(' ').nth(2).unwrap();
    layout
        .lines()
        .filter(|l| l.split(' ').nth(2) == Some(y) && l.starts_with("p1 "))
        .map(|l| {
            let face = l.split(' ').nth(3).unwrap();
            format!("{face} {}", &l[l.find('"').unwrap()..])
        })
        .collect()
}

#[test]
fn a_hebrew_phrase_is_drawn_right_to_left_within_its_english_line() {
    let ws = example();
    // "Shalom aleichem", its first word bold: both words read right to left,
    // and the phrase's words from right to left too.
    prepend(ws.path(), "We send **שלום** עליכם (peace) to the region. ");
    let layout = example_layout(ws.path()).snapshot();
    assert_eq!(
        line_with(&layout, "We send"),
        [
            "Regular \"We send םכילע \"",
            "Bold \"םולש\"",
            "Regular \" (peace) to the region. As co-chairs of the Congressional Armenian Caucus,\"",
        ]
    );
}

#[test]
fn a_hebrew_phrase_renders_through_the_binary_in_visual_order() {
    let ws = example();
    prepend(ws.path(), "We send שלום עליכם to the region. ");
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = signon(ws.path(), &["render", RUBIO, "--pdf", "out/l.pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = lopdf::Document::load(ws.path().join("out/l.pdf")).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    // Glyphs are drawn left to right on the page: the phrase's last letter first.
    assert!(text.contains("We send םכילע םולש to the region."), "{text}");
}

#[test]
fn an_arabic_phrase_is_refused_by_check_at_its_place() {
    let ws = example();
    prepend(ws.path(), "We send السلام عليكم to the region. ");
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "letters/2025-02-06-rubio.toml:21:9: error: Arabic cannot be printed: U+0627 `ا` needs shaping the PDF does not do
   |
21 | We send السلام عليكم to the region. As co-chairs of the Congressional Armenian Caucus, we congratulate you on your
   |         ^ its letters would be drawn unjoined or misplaced
   |
   = help: signon prints Latin, Greek, Cyrillic, Armenian and Hebrew text (Hebrew without points); replace or remove this text

found 1 error
"
    );
}

#[test]
fn hebrew_with_vowel_points_is_refused_by_check() {
    let ws = example();
    // Shalom with holam and qamats: the points would need placing on their letters.
    prepend(ws.path(), "We send שָׁלוֹם to the region. ");
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with(
            "letters/2025-02-06-rubio.toml:21:10: error: Hebrew points cannot be printed: U+05B8"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_paragraph_of_twenty_thousand_emphases_renders() {
    let ws = example();
    prepend(ws.path(), &"*a* b ".repeat(20_000));
    let out = signon(ws.path(), &["render", RUBIO, "--pdf", "out/l.pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = lopdf::Document::load(ws.path().join("out/l.pdf")).unwrap();
    assert!(
        doc.get_pages().len() > 10,
        "{} pages",
        doc.get_pages().len()
    );
}

#[test]
fn a_letter_over_the_size_limit_is_refused_at_its_path() {
    let ws = example();
    // Valid TOML, 2 MiB and one byte: a comment pads the letter out.
    let path = ws.path().join("letters").join(format!("{RUBIO}.toml"));
    let mut letter = fs::read_to_string(&path).unwrap();
    let pad = 2 * 1024 * 1024 + 1 - letter.len() - 2;
    letter.push_str(&format!("#{}\n", "x".repeat(pad)));
    assert_eq!(letter.len(), 2 * 1024 * 1024 + 1);
    fs::write(&path, letter).unwrap();
    let out = signon(ws.path(), &["render", RUBIO, "--pdf", "out/l.pdf"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "letters/2025-02-06-rubio.toml: error: file is larger than 2 MiB, the limit for a letter
  = help: a letter is text only and rarely over 50 KB; split it or remove pasted data
found 1 error
"
    );
    assert!(!ws.path().join("out").exists(), "nothing written");
}

#[test]
fn a_letter_at_the_size_limit_is_read() {
    let ws = example();
    let path = ws.path().join("letters").join(format!("{RUBIO}.toml"));
    let mut letter = fs::read_to_string(&path).unwrap();
    let pad = 2 * 1024 * 1024 - letter.len() - 2;
    letter.push_str(&format!("#{}\n", "x".repeat(pad)));
    fs::write(&path, letter).unwrap();
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

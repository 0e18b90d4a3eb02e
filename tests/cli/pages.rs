//! Page breaks and the signature grid (issue #14): the closing travels with
//! the text, no page is a lone trailing block, the grid is compact and takes
//! few pages, running heads name every recipient inside the margins, and a
//! block taller than a page is refused at the signer's name.

use std::fs;
use std::path::Path;
use std::process::Command;

use signon::render::pdf::layout::{Layout, Run};
use signon::render::pdf::role::Role;

use crate::support::*;

/// The letter's text page by page, as pdftotext reads it: each page's
/// non-blank lines, without the DRAFT label and the running head.
fn pages(pdf: &Path) -> Vec<Vec<String>> {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: run shared/tools/setup");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<Vec<String>> = text
        .split('\u{c}')
        .map(|page| {
            let lines = page.lines().map(str::trim).filter(|l| !l.is_empty());
            lines.map(String::from).collect()
        })
        .collect();
    pages.retain(|p| !p.is_empty());
    for (i, page) in pages.iter_mut().enumerate() {
        page.retain(|l| l != "DRAFT");
        if i > 0 {
            let head = format!("Page {}", i + 1);
            let end = page
                .iter()
                .position(|l| *l == head)
                .expect("a running head");
            page.drain(..=end);
        }
    }
    pages
}

/// Renders `letter` in `ws` to `name`, and reads its pages.
fn render_pages(ws: &Path, letter: &str, name: &str) -> Vec<Vec<String>> {
    let out = signon(ws, &["render", letter, "--pdf", name]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    pages(&ws.join(name))
}

/// The example letter with `extra` sentences added to its last paragraph,
/// rendered: each one moves the page break by about a line.
fn swept(extra: usize) -> Vec<Vec<String>> {
    let ws = example_signed();
    let path = ws.path().join(format!("letters/{RUBIO}.toml"));
    let letter = fs::read_to_string(&path).unwrap();
    let more =
        "We also ask that the Department report to the Caucus on each of these steps in turn, \
                as it takes them. "
            .repeat(extra);
    let letter = letter.replace(
        "Thank you for your attention",
        &format!("{more}Thank you for your attention"),
    );
    fs::write(&path, letter).unwrap();
    render_pages(ws.path(), RUBIO, "swept.pdf")
}

/// The 24 letters of the sweep, each a line or so longer than the last.
fn sweep() -> Vec<(usize, Vec<Vec<String>>)> {
    (0..24).map(|n| (n, swept(n))).collect()
}

/// Where the closing is: its page and how many lines stand above it there.
fn closing_at(pages: &[Vec<String>]) -> (usize, usize) {
    pages
        .iter()
        .enumerate()
        .find_map(|(p, lines)| Some((p, lines.iter().position(|l| l == "Sincerely,")?)))
        .expect("a closing")
}

/// Signature blocks on a page: one title line each.
fn blocks(page: &[String]) -> usize {
    page.iter()
        .filter(|l| *l == "Member of Congress" || *l == "United States Senator")
        .count()
}

#[test]
fn the_closing_never_starts_a_page_over_24_break_positions() {
    let mut positions = std::collections::BTreeSet::new();
    for (n, pages) in sweep() {
        let (page, above) = closing_at(&pages);
        assert!(
            above >= 2,
            "+{n} sentences: the closing has {above} lines of text above it on page {}:\n{:#?}",
            page + 1,
            pages[page]
        );
        positions.insert((page, above));
    }
    // The sweep moves the break through many places, not one or two.
    assert!(positions.len() >= 15, "{positions:?}");
}

#[test]
fn no_page_is_a_lone_trailing_block_over_24_break_positions() {
    for (n, pages) in sweep() {
        let last = pages.last().unwrap();
        let (closing, _) = closing_at(&pages);
        assert!(
            closing + 1 == pages.len() || blocks(last) >= 2,
            "+{n} sentences: the last page holds {} block(s) alone:\n{last:#?}",
            blocks(last)
        );
    }
}

/// The layout of the fixture `case`'s example letter, through the library.
fn layout_of(case: &str) -> (tempfile::TempDir, Layout) {
    let ws = workspace(case);
    let layout = example_layout(ws.path());
    (ws, layout)
}

#[test]
fn forty_signers_take_at_most_two_pages_of_grid_after_the_text() {
    let ws = workspace("pages-forty");
    let pages = render_pages(ws.path(), RUBIO, "forty.pdf");
    let (closing, _) = closing_at(&pages);
    let grid_pages = pages.len() - 1 - closing;
    assert!(grid_pages <= 2, "{grid_pages} pages of grid after the text");
    let signed: usize = pages.iter().map(|p| blocks(p)).sum();
    assert_eq!(signed, 40);
}

#[test]
fn forty_signer_layout_matches_the_golden_snapshot() {
    let (_ws, layout) = layout_of("pages-forty");
    golden(
        "pages-forty/expected/letter.layout.txt",
        &layout.snapshot(),
        None,
    );
}

/// Liberation Serif's capital height and descent, in ems: what stands of a
/// line above and below its baseline.
const CAP: f32 = 0.655;
const DESCENT: f32 = 0.216;

#[test]
fn grid_rows_are_at_most_0_8_in_apart_with_0_45_in_to_sign_above_each_name() {
    let (_ws, layout) = layout_of("pages-forty");
    let mut rows = 0;
    for page in &layout.pages {
        // Two-line blocks of the left column: name, then title 14 pt below.
        let titles: Vec<&Run> = page
            .runs
            .iter()
            .filter(|r| r.x == 72.0 && r.text == "Member of Congress")
            .collect();
        for pair in titles.windows(2) {
            let pitch = pair[0].y - pair[1].y;
            assert!(pitch <= 57.6 + 0.01, "rows {pitch} pt apart");
            // From the foot of the title above to the top of the name below.
            let clear = pitch - 14.0 - 12.0 * (CAP + DESCENT);
            assert!(clear >= 0.45 * 72.0, "{clear} pt to sign");
            rows += 1;
        }
    }
    assert!(rows >= 15, "{rows} rows measured");
}

#[test]
fn the_last_grid_page_is_balanced() {
    let ws = workspace("pages-forty");
    let pages = render_pages(ws.path(), RUBIO, "forty.pdf");
    let [.., before, last] = pages.as_slice() else {
        panic!("one page");
    };
    assert!(!before.iter().any(|l| l == "Sincerely,"));
    let (a, b) = (blocks(before), blocks(last));
    // Rows of two: at most one row apart.
    assert!(a.abs_diff(b) <= 2, "{a} blocks, then {b}");
}

/// The running head of page 2: its lines, as laid out.
fn head(layout: &Layout) -> Vec<&Run> {
    let page = &layout.pages[1];
    let runs = page.runs.iter().filter(|r| r.role == Role::Header);
    runs.collect()
}

#[test]
fn the_running_head_names_both_recipients_inside_the_margins() {
    let (_ws, layout) = layout_of("pages-two-recipients");
    let runs = head(&layout);
    let text: String = runs
        .iter()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("The Honorable Mario Díaz-Balart and The Honorable Lois Frankel"));
    assert!(text.contains("Related Programs"), "{text}");
    for page in &layout.pages[1..] {
        for r in page.runs.iter().filter(|r| r.role == Role::Header) {
            assert!(r.right() <= layout.width - 72.0 + 0.01, "{r:?}");
        }
    }
}

#[test]
fn two_recipient_layout_matches_the_golden_snapshot() {
    let (_ws, layout) = layout_of("pages-two-recipients");
    golden(
        "pages-two-recipients/expected/letter.layout.txt",
        &layout.snapshot(),
        None,
    );
}

#[test]
fn running_head_overrides_the_recipients_names() {
    let ws = workspace("pages-two-recipients");
    let path = ws.path().join(format!("letters/{RUBIO}.toml"));
    let letter = fs::read_to_string(&path).unwrap().replace(
        "salutation =",
        "running_head = \"Chairman Díaz-Balart and Ranking Member Frankel\"\nsalutation =",
    );
    fs::write(&path, letter).unwrap();
    let layout = example_layout(ws.path());
    let texts: Vec<&str> = head(&layout).iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Chairman Díaz-Balart and Ranking Member Frankel",
            "February 6, 2025",
            "Page 2"
        ]
    );
}

#[test]
fn a_block_taller_than_a_page_is_refused_at_the_signers_name() {
    let ws = workspace("pages-block-too-tall");
    let out = signon(ws.path(), &["render", RUBIO, "--pdf", "tall.pdf"]);
    assert_eq!(code(&out), 1);
    golden(
        "pages-block-too-tall/expected/stderr.txt",
        &stderr(&out),
        Some(ws.path()),
    );
    assert!(
        !ws.path().join("tall.pdf").exists(),
        "a refused render wrote a PDF"
    );
}

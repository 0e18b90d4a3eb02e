//! The painted PDF against independent numbers: poppler's `pdftotext
//! -bbox` reads each word's box back from the content stream with its own
//! font metrics, so where the words land is measured by code that is not
//! signon's. The unit tests of painting compute their expectations with
//! signon's own metrics; these do not. Ignored without poppler: `.ci/run`
//! runs them (`--ignored read_back_by`) after installing it.

use std::path::Path;
use std::process::Command;

use signon::render::pdf::layout::{Layout, Run};
use signon::render::pdf::role::Join;

use crate::support::*;

/// A word's box as poppler reads it: page (0-based), text, left and right
/// edges and bottom (pt from the page's top).
#[derive(Debug)]
struct Word {
    page: usize,
    text: String,
    x_min: f32,
    x_max: f32,
    y_max: f32,
}

/// The value of attribute `name` in the tag `tag`.
fn attr(tag: &str, name: &str) -> f32 {
    let tag = format!(" {tag}");
    let start = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    let len = tag[start..].find('"').unwrap();
    tag[start..start + len].parse().unwrap()
}

/// Every word of `pdf`, by `pdftotext -bbox`.
fn words(pdf: &Path) -> Vec<Word> {
    let out = Command::new("pdftotext")
        .args(["-bbox", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    let mut page = None::<usize>;
    let mut words = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page = Some(page.map_or(0, |p| p + 1));
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let (tag, text) = rest.split_once('>').unwrap();
            let text = text.strip_suffix("</word>").unwrap();
            let text = text.replace("&amp;", "&").replace("&quot;", "\"");
            let (x_min, x_max) = (attr(tag, "xMin"), attr(tag, "xMax"));
            let y_max = attr(tag, "yMax");
            let page = page.unwrap();
            words.push(Word {
                page,
                text,
                x_min,
                x_max,
                y_max,
            });
        }
    }
    words
}

/// The example letter's draft, rendered by the binary, and its layout.
fn rendered() -> (tempfile::TempDir, Layout, Vec<Word>) {
    let ws = example();
    let out = signon(ws.path(), &["render", RUBIO, "--pdf", "r.pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let layout = layout_of(ws.path(), RUBIO);
    let words = words(&ws.path().join("r.pdf"));
    (ws, layout, words)
}

/// The runs of `layout` that poppler reads as whole words: no half of a
/// hyphenated word (read whole through ActualText) and some text.
fn plain_runs(layout: &Layout) -> Vec<(usize, &Run)> {
    let pages = layout.pages.iter().enumerate();
    pages
        .flat_map(|(i, p)| p.runs.iter().map(move |r| (i, r)))
        .filter(|(_, r)| matches!(r.join, Join::None) && !r.text.trim().is_empty())
        .collect()
}

/// The word of `run`'s line (on `page`, its box's bottom within half the
/// font size below the baseline) whose text is `text`, nearest to `x` by
/// `edge`.
fn nearest<'a>(
    words: &'a [Word],
    (page, run): (usize, &Run),
    height: f32,
    text: &str,
    (x, edge): (f32, fn(&Word) -> f32),
) -> Option<&'a Word> {
    let on_line = |w: &&Word| (height - w.y_max - run.y).abs() < run.size / 2.0;
    words
        .iter()
        .filter(|w| w.page == page && w.text == text)
        .filter(on_line)
        .min_by(|a, b| (edge(a) - x).abs().total_cmp(&(edge(b) - x).abs()))
}

/// The first run of each line: no other run of its page and baseline lies
/// to its left, so it begins a word (a run after emphasis may not).
fn line_starts<'a>(runs: &[(usize, &'a Run)]) -> Vec<(usize, &'a Run)> {
    let first = |&&(page, run): &&(usize, &Run)| {
        let same_line = |&&(p, r): &&(usize, &Run)| p == page && (r.y - run.y).abs() < 0.01;
        runs.iter().filter(same_line).all(|(_, r)| r.x >= run.x)
    };
    runs.iter().filter(first).copied().collect()
}

/// Every line starts where the layout set it, to a hundredth of a point,
/// and the leftmost lines at the 1-inch margin: 72 pt.
#[test]
#[ignore = "needs poppler's pdftotext: .ci/run runs it"]
fn each_line_starts_where_laid_out_read_back_by_poppler() {
    let (_ws, layout, words) = rendered();
    let (mut worst, mut leftmost) = (0.0f32, f32::MAX);
    for (page, run) in line_starts(&plain_runs(&layout)) {
        let first = run.text.split_whitespace().next().unwrap();
        let at = (run.x, (|w: &Word| w.x_min) as fn(&Word) -> f32);
        let found = nearest(&words, (page, run), layout.height, first, at);
        let w =
            found.unwrap_or_else(|| panic!("no word {first:?} on page {} at {}", page + 1, run.y));
        worst = worst.max((w.x_min - run.x).abs());
        leftmost = leftmost.min(w.x_min);
    }
    println!("largest difference at a line's start: {worst:.4} pt");
    assert!(worst < 0.01, "{worst} pt");
    assert!(
        (leftmost - 72.0).abs() < 0.01,
        "leftmost line at {leftmost} pt"
    );
}

/// US Letter is 612 pt wide and the margins are an inch: a justified line
/// of the body ends at 612 - 72 = 540 pt, whatever signon's metrics say.
#[test]
#[ignore = "needs poppler's pdftotext: .ci/run runs it"]
fn justified_lines_end_at_the_margin_read_back_by_poppler() {
    let (_ws, layout, words) = rendered();
    let mut ends = Vec::new();
    for (page, run) in plain_runs(&layout) {
        // Justified lines stretch their word spaces; the letterhead's
        // letter-spaced capitals are centred, not justified.
        if run.word_space == 0.0 {
            continue;
        }
        let last = run.text.split_whitespace().last().unwrap();
        let right = run.right();
        let at = (right, (|w: &Word| w.x_max) as fn(&Word) -> f32);
        let found = nearest(&words, (page, run), layout.height, last, at);
        let w =
            found.unwrap_or_else(|| panic!("no word {last:?} on page {} at {}", page + 1, run.y));
        ends.push((w.x_max, right, run.text.clone()));
    }
    assert!(ends.len() > 20, "only {} justified lines", ends.len());
    // The body's and the asks' lines end at 540 pt; a block quotation's all
    // at one narrower measure: two edges, each to a hundredth of a point
    // (the text's offsets are rounded to 0.1/1000 em, and add up).
    let mut edges: Vec<f32> = Vec::new();
    for (x, _, text) in &ends {
        if !edges.iter().any(|e| (e - x).abs() < 0.02) {
            assert!(edges.len() < 2, "a third right edge at {x} pt: {text:?}");
            edges.push(*x);
        }
    }
    assert!(edges.iter().any(|e| (e - 540.0).abs() < 0.01), "{edges:?}");
    let worst = ends.iter().map(|(x, right, _)| (x - right).abs());
    let worst = worst.fold(0.0f32, f32::max);
    println!("largest difference at a justified line's end: {worst:.4} pt");
    assert!(worst < 0.01, "{worst} pt from where the layout ends it");
}

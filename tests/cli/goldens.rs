//! The golden files themselves: each one is used by a test, each fixture
//! folder is named by one, and the texts CI's `check-pdf` expects in the
//! rendered example letters (`tests/expect/`) are goldens like the others,
//! refreshed by `UPDATE_GOLDEN=1`.
//!
//! A golden is *used* when a string literal of a test file names its path
//! below `tests/fixtures/` (`tests/expect/NAME` as `../expect/NAME`), where a
//! `{placeholder}` in the literal stands for any other literal of that file
//! or of `support.rs` (a `const CASE`, a list of formats, `RUBIO`).

use std::fs;
use std::path::Path;

use signon::render::pdf::layout::Layout;
use signon::render::pdf::role::{Join, Role};

use crate::support::*;

/// The string literals of a Rust source (comments, chars and lifetimes skipped).
fn literals(src: &str) -> Vec<String> {
    let b = src.as_bytes();
    let (mut i, mut out) = (0, Vec::new());
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i += src[i..].find('\n').unwrap_or(src.len() - i);
            }
            b'"' => {
                let mut j = i + 1;
                while b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                out.push(src[i + 1..j].to_string());
                i = j + 1;
            }
            b'\'' if b.get(i + 1) == Some(&b'\\') => {
                i += 2 + src[i + 2..].find('\'').unwrap() + 1;
            }
            b'\'' if b.get(i + 2) == Some(&b'\'') => i += 3,
            _ => i += src[i..].chars().next().unwrap().len_utf8(),
        }
    }
    out
}

/// Whether `template` (`{…}` standing for any of `fills`) spells `path`.
fn spells(template: &str, path: &str, fills: &[String]) -> bool {
    let Some(open) = template.find('{') else {
        return template == path;
    };
    let Some(close) = template[open..].find('}').map(|c| open + c) else {
        return template == path;
    };
    let (head, tail) = (&template[..open], &template[close + 1..]);
    let Some(rest) = path.strip_prefix(head) else {
        return false;
    };
    fills
        .iter()
        .filter_map(|f| rest.strip_prefix(f.as_str()))
        .any(|after| spells(tail, after, fills))
}

/// Each test file's literals, with `support.rs`'s added as fills.
fn test_sources() -> Vec<(String, Vec<String>)> {
    let dir = repo().join("tests/cli");
    let support = literals(&fs::read_to_string(dir.join("support.rs")).unwrap());
    let mut files: Vec<(String, Vec<String>)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            let mut lits = literals(&fs::read_to_string(&p).unwrap());
            lits.extend(support.iter().cloned());
            (p.file_name().unwrap().to_string_lossy().into_owned(), lits)
        })
        .collect();
    files.sort();
    files
}

/// Every file below `dir`, as paths relative to `base` joined by `/`.
fn files_below(dir: &Path, base: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_below(&path, base, out);
        } else {
            let rel = path.strip_prefix(base).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The golden files: `tests/fixtures/*/expected/**`, the loose files of
/// `tests/fixtures/`, and `tests/expect/*` (as `../expect/NAME`).
fn golden_files() -> Vec<String> {
    let fixtures = repo().join("tests/fixtures");
    let mut out = Vec::new();
    for entry in fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && path.join("expected").is_dir() {
            files_below(&path.join("expected"), &fixtures, &mut out);
        } else if path.is_file() {
            out.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    let mut expect = Vec::new();
    files_below(
        &repo().join("tests/expect"),
        &repo().join("tests"),
        &mut expect,
    );
    out.extend(expect.into_iter().map(|e| format!("../{e}")));
    out.sort();
    out
}

#[test]
fn every_golden_file_is_used_by_a_test() {
    let sources = test_sources();
    let unused: Vec<String> = golden_files()
        .into_iter()
        .filter(|g| {
            !sources
                .iter()
                .any(|(_, lits)| lits.iter().any(|t| spells(t, g, lits)))
        })
        .collect();
    assert!(
        unused.is_empty(),
        "golden files no test names (delete them, or name them in a test):\n{}",
        unused.join("\n")
    );
}

#[test]
fn every_fixture_folder_is_named_by_a_test() {
    let sources = test_sources();
    let named = |case: &str| {
        let lit = |l: &String| l == case || l.starts_with(&format!("{case}/"));
        sources.iter().any(|(_, lits)| lits.iter().any(lit))
    };
    let mut unnamed = Vec::new();
    for entry in fs::read_dir(repo().join("tests/fixtures")).unwrap() {
        let entry = entry.unwrap();
        let case = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && !named(&case) {
            unnamed.push(case);
        }
    }
    unnamed.sort();
    assert!(
        unnamed.is_empty(),
        "fixture folders no test names: {unnamed:?}"
    );
}

#[test]
fn the_detector_finds_a_golden_named_through_placeholders() {
    let lits: Vec<String> = ["{case}/expected/{file}", "check-clean", "stderr.txt"]
        .map(String::from)
        .into();
    assert!(spells(&lits[0], "check-clean/expected/stderr.txt", &lits));
    assert!(!spells(&lits[0], "check-clean/expected/stdout.txt", &lits));
    let src = "let a = \"x{y}\"; // \"not this\"\nlet c = '\"'; let d = '\\''; fn f<'a>() {}";
    assert_eq!(literals(src), ["x{y}"]);
}

/// One line of one structure element: its runs' x and text, whether no run
/// holds half of a hyphenated word, and whether any is letter-spaced.
struct Line<'a> {
    node: u32,
    page: usize,
    y: f32,
    runs: Vec<(f32, &'a str)>,
    whole: bool,
    tracked: bool,
}

/// The lines of `layout`'s structure elements, in reading order.
fn element_lines(layout: &Layout) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (page, p) in layout.pages.iter().enumerate() {
        for r in &p.runs {
            let Role::Node(node) = r.role else { continue };
            let same =
                |l: &&mut Line<'_>| l.node == node && l.page == page && (l.y - r.y).abs() < 0.01;
            let line = match lines.iter_mut().rev().find(same) {
                Some(line) => line,
                None => {
                    let (runs, whole, tracked) = (Vec::new(), true, false);
                    lines.push(Line {
                        node,
                        page,
                        y: r.y,
                        runs,
                        whole,
                        tracked,
                    });
                    lines.last_mut().unwrap()
                }
            };
            line.runs.push((r.x, r.text.as_str()));
            line.whole &= matches!(r.join, Join::None);
            line.tracked |= r.letter_space != 0.0;
        }
    }
    lines
}

/// What the PDF's text must hold, one item a line: each structure element
/// set on one line (letterhead, date, addresses, salutation, headings, ask
/// numbers and short asks, names and roles), and each letter-spaced line of
/// a longer one, which extraction tools have got wrong. A line with half of
/// a hyphenated word is left out: `pdftotext` extracts it whole through
/// ActualText, `mutool` as printed.
fn expected_lines(layout: &Layout) -> String {
    let lines = element_lines(layout);
    let count = |node: u32| lines.iter().filter(|l| l.node == node).count();
    let mut out: Vec<String> = Vec::new();
    for line in &lines {
        if !line.whole || !(line.tracked || count(line.node) == 1) {
            continue;
        }
        let mut runs = line.runs.clone();
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let text: String = runs.iter().map(|r| r.1).collect();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() && !out.contains(&text) {
            out.push(text);
        }
    }
    out.iter().map(|l| format!("{l}\n")).collect()
}

/// `tests/expect/<id>.txt` for the shipped example (ledger included), as
/// `.ci/run` renders it; the test holds it to the layout, and CI holds the
/// PDF's extracted text (poppler and MuPDF) to it.
fn expected_text(id: &str) {
    let ws = example_as_shipped();
    let text = expected_lines(&layout_of(ws.path(), id));
    assert!(text.lines().count() > 10, "{text}");
    golden(&format!("../expect/{id}.txt"), &text, None);
}

#[test]
fn ci_expects_the_rubio_letter_s_lines() {
    expected_text(RUBIO);
}

#[test]
fn ci_expects_the_appropriations_letter_s_lines() {
    expected_text("2025-03-14-appropriations");
}

//! Printing the letter page is printing the letter (issue #15): each letter
//! is rendered, its HTML printed to PDF by headless Chromium (the reference
//! browser `shared/tools/setup` installs), and the printout read back by
//! MuPDF beside signon's own PDF read by poppler.
//!
//! The printout must pass `check-pdf` (but for the Author, which no browser
//! writes: Chromium's print dialog has no such field), have as many pages
//! as signon's PDF, each beginning with the same line, and the same words, carry the continuation header on
//! every page but the first, never begin or end a page with the closing,
//! and never end one with a lead-in (a line ending in a colon).
//!
//! Ignored in plain `cargo test` (a fresh machine has no Chromium);
//! `.ci/run` installs the tools and runs every test named `*read_back_by*`.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use text::{assert_same_letter, letter_text, pages, printed_pages, squeeze, words};

use crate::support::{
    RUBIO, code, example, example_as_shipped, example_layout, repo, signon, workspace,
};

#[path = "print_text.rs"]
mod text;

/// One letter to print, and what the checks need to know of it.
struct Case {
    /// The workspace.
    ws: TempDir,
    /// The letter id.
    id: &'static str,
    /// The date as printed, which the continuation header repeats.
    date: &'static str,
    /// The closing, which never begins a printed page.
    closing: &'static str,
}

#[test]
#[ignore = "needs chromium, mupdf-tools, poppler-utils and shared/tools (run by .ci/run)"]
fn example_letter_printed_from_chromium_read_back_by_mupdf() {
    check_print(Case {
        ws: example_as_shipped(),
        id: RUBIO,
        date: "February 6, 2025",
        closing: "Sincerely,",
    });
}

#[test]
#[ignore = "needs chromium, mupdf-tools, poppler-utils and shared/tools (run by .ci/run)"]
fn appropriations_letter_printed_from_chromium_read_back_by_mupdf() {
    check_print(Case {
        ws: example_as_shipped(),
        id: "2025-03-14-appropriations",
        date: "March 14, 2025",
        closing: "Sincerely,",
    });
}

/// 35 signers: the signature grid runs over two pages of its own.
#[test]
#[ignore = "needs chromium, mupdf-tools, poppler-utils and shared/tools (run by .ci/run)"]
fn thirty_five_signers_printed_from_chromium_read_back_by_mupdf() {
    check_print(Case {
        ws: workspace("print-35-signers"),
        id: RUBIO,
        date: "February 6, 2025",
        closing: "Sincerely,",
    });
}

/// Two recipients, a custom letterhead, a stale signature and a lead who
/// has not signed.
#[test]
#[ignore = "needs chromium, mupdf-tools, poppler-utils and shared/tools (run by .ci/run)"]
fn two_recipients_printed_from_chromium_read_back_by_mupdf() {
    check_print(Case {
        ws: workspace("render-custom"),
        id: "2025-04-01-caucus",
        date: "April 1, 2025",
        closing: "With respect,",
    });
}

/// A lead-in at the foot of page 1 without the print style's rules: it goes
/// to page 2 with its heading, before its list.
#[test]
#[ignore = "needs chromium, mupdf-tools, poppler-utils and shared/tools (run by .ci/run)"]
fn lead_in_printed_with_its_list_read_back_by_mupdf() {
    check_print(Case {
        ws: workspace("print-keeps"),
        id: "2025-03-14-lead-in",
        date: "March 14, 2025",
        closing: "Sincerely,",
    });
}

/// A closing that would begin page 2 without the print style's rules: the
/// letter's last two lines go with it.
#[test]
#[ignore = "needs chromium, mupdf-tools, poppler-utils and shared/tools (run by .ci/run)"]
fn closing_printed_with_the_last_lines_read_back_by_mupdf() {
    check_print(Case {
        ws: workspace("print-keeps"),
        id: "2025-05-02-closing",
        date: "May 2, 2025",
        closing: "Sincerely,",
    });
}

/// Renders the case, prints its page and compares the two PDFs.
fn check_print(case: Case) {
    let dir = case.ws.path();
    let (own, page, printed) = (
        dir.join("own.pdf"),
        dir.join("page.html"),
        dir.join("printed.pdf"),
    );
    let out = signon(
        dir,
        &["render", case.id, "--pdf", "own.pdf", "--html", "page.html"],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    print_page(&page, &printed, &dir.join("chromium"));
    check_pdf(&printed, &dir.join("check-pdf"));

    let own = pages(&own);
    let printed = printed_pages(&printed);
    assert_eq!(
        printed.len(),
        own.len(),
        "`{}`: printed on {} pages, signon's PDF has {}",
        case.id,
        printed.len(),
        own.len()
    );
    let own = letter_text(&own, case.date);
    let printed = letter_text(&printed, case.date);
    assert_eq!(
        squeeze(&printed.letterhead),
        squeeze(&own.letterhead),
        "the printed letterhead"
    );
    assert_same_letter(&words(&own.body), &words(&printed.body), case.closing);
    same_page_breaks(&own.body, &printed.body, case.id);
    for (i, page) in printed.body.iter().enumerate() {
        let (first, last) = (page.first(), page.last());
        let n = i + 1;
        assert_ne!(
            first.map(String::as_str),
            Some(case.closing),
            "printed page {n} begins with the closing"
        );
        if n < printed.body.len() {
            assert_ne!(
                last.map(String::as_str),
                Some(case.closing),
                "printed page {n} ends with the closing"
            );
            assert!(
                !last.is_some_and(|l| l.ends_with(':')),
                "printed page {n} ends with a lead-in: {last:?}"
            );
        }
    }
}

/// The printout's pages begin where signon's do: the running text prints
/// in the PDF's lines (`render::lines`), so each page's first line is the
/// same line.
fn same_page_breaks(own: &[Vec<String>], printed: &[Vec<String>], id: &str) {
    for (n, (own, printed)) in own.iter().zip(printed).enumerate() {
        assert_eq!(
            printed.first().map(|l| squeeze(std::slice::from_ref(l))),
            own.first().map(|l| squeeze(std::slice::from_ref(l))),
            "`{id}`: printed page {} begins with another line than signon's",
            n + 1
        );
    }
}

/// Prints `page` to `pdf` as the README says, with a profile of its own so
/// that tests printing at once do not share one.
fn print_page(page: &Path, pdf: &Path, profile: &Path) {
    let chromium = std::env::var_os("CHROMIUM_PATH").unwrap_or_else(|| "chromium".into());
    let out = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {chromium:?} (run shared/tools/setup): {e}"));
    assert!(
        out.status.success() && pdf.is_file(),
        "chromium did not print {}:\n{}",
        page.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `check-pdf` on the printout: every check passes but the Author, which
/// a browser never writes.
fn check_pdf(pdf: &Path, out_dir: &Path) {
    let out = Command::new(shared_tool("check-pdf"))
        .arg(pdf)
        .arg("--out")
        .arg(out_dir)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    let fails: Vec<&str> = report
        .lines()
        .filter(|l| l.trim_start().starts_with("FAIL"))
        .filter(|l| !l.ends_with("metadata  missing or empty: Author"))
        .collect();
    assert!(
        matches!(out.status.code(), Some(0 | 1)) && fails.is_empty(),
        "check-pdf on the printout:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A shared checker: `$SIGNON_SHARED/tools/NAME`, else `shared/` beside an
/// ancestor of the repository.
fn shared_tool(name: &str) -> PathBuf {
    let from_env = std::env::var_os("SIGNON_SHARED").map(PathBuf::from);
    let beside = repo()
        .ancestors()
        .map(|a| a.join("shared"))
        .find(|s| s.join("tools").join(name).is_file());
    let shared = from_env
        .or(beside)
        .expect("no shared/tools: set SIGNON_SHARED or run shared/tools/setup");
    shared.join("tools").join(name)
}

/// Every line of the page's running text is a line of the PDF, its hyphen
/// too, and the page holds no soft hyphen: printed, the page breaks its
/// lines where the PDF does, and copied text has its words whole.
#[test]
fn the_pages_lines_are_the_pdfs() {
    let ws = example();
    let out = signon(ws.path(), &["render", RUBIO, "--html", "page.html"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(ws.path().join("page.html")).unwrap();
    assert!(!html.contains('\u{ad}'), "the page holds a soft hyphen");
    let layout = example_layout(ws.path());
    let mut pdf: Vec<((usize, u32), String)> = Vec::new();
    for (n, page) in layout.pages.iter().enumerate() {
        for run in &page.runs {
            let key = (n, run.y.to_bits());
            match pdf.iter_mut().find(|(k, _)| *k == key) {
                Some((_, text)) => text.push_str(&run.text),
                None => pdf.push((key, run.text.clone())),
            }
        }
    }
    let page_lines = html_lines(&html);
    assert!(page_lines.len() > 40, "{} lines", page_lines.len());
    assert!(
        page_lines.iter().any(|l| l.ends_with('-')),
        "no hyphenated line"
    );
    for line in &page_lines {
        assert!(
            pdf.iter()
                .any(|(_, text)| text.trim_end().ends_with(line.as_str())),
            "the page's line {line:?} is no line of the PDF"
        );
    }
}

/// The text of each `.ln` span of `html`, tags and entities undone, with
/// the hyphen a `.hy` line prints.
fn html_lines(html: &str) -> Vec<String> {
    html.split("<span class=\"ln")
        .skip(1)
        .map(|rest| {
            let (attrs, body) = rest.split_once('>').unwrap();
            let body = &body[..body.find("</span>").unwrap()];
            let mut text = String::new();
            let mut in_tag = false;
            for c in body.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            let mut text = text
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .trim_end()
                .to_string();
            if attrs.split('"').next().unwrap_or("").contains("hy") {
                text.push('-');
            }
            text
        })
        .collect()
}

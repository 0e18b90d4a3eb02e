//! Reading a printed letter back: poppler's text of a PDF, page by page,
//! with the page furniture (DRAFT, the continuation header) taken away and
//! words broken at a line's end joined again. For `print`.

use std::path::Path;
use std::process::Command;

/// The text of Chromium's printout, a list of non-empty lines per page, as
/// MuPDF reads it (`mutool draw -F txt`, a file a page). Chromium draws no
/// space glyphs: poppler in drawing order (`-raw`) finds a space by its
/// width, and runs two words of a line the PDF set tight together, where
/// MuPDF does not; and in its own reading order poppler breaks the slanted
/// DRAFT mark into letters among the lines.
pub(super) fn printed_pages(pdf: &Path) -> Vec<Vec<String>> {
    let dir = pdf.with_extension("txt.d");
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new("mutool")
        .args(["draw", "-q", "-F", "txt", "-o"])
        .arg(dir.join("page%d.txt"))
        .arg(pdf)
        .output()
        .expect("mutool (mupdf-tools) is needed: run shared/tools/setup");
    assert!(out.status.success(), "mutool failed on {}", pdf.display());
    (1..)
        .map_while(|n| std::fs::read_to_string(dir.join(format!("page{n}.txt"))).ok())
        .map(|text| lines(&text))
        .collect()
}

/// The non-empty lines of `text`, trimmed.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// The text of signon's PDF, a list of non-empty lines per page, in
/// poppler's reading order (`pdftotext`, which ends each page with a form
/// feed).
pub(super) fn pages(pdf: &Path) -> Vec<Vec<String>> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: run shared/tools/setup");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<Vec<String>> = text.split('\u{c}').map(lines).collect();
    pages.pop(); // what follows the last form feed
    pages
}

/// A letter's printed words: the letterhead, then the rest page by page.
pub(super) struct LetterText {
    pub(super) letterhead: Vec<String>,
    pub(super) body: Vec<Vec<String>>,
}

/// Splits off the letterhead (the lines before the date) and takes the
/// page furniture away: the DRAFT mark, and on every page but the first
/// the continuation header, which ends with "Page N" and holds the date.
pub(super) fn letter_text(pages: &[Vec<String>], date: &str) -> LetterText {
    let mut body = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let mut lines: Vec<String> = page.iter().filter(|l| *l != "DRAFT").cloned().collect();
        drop_slanted_draft(&mut lines);
        let end = lines.iter().position(|l| *l == format!("Page {n}"));
        if n == 1 {
            let top = &lines[..lines.len().min(4)];
            assert_eq!(end, None, "page 1 has a continuation header: {top:?}");
        } else {
            let top = &lines[..lines.len().min(4)];
            let end = end.unwrap_or_else(|| panic!("page {n} has no header: {top:?}"));
            let header: Vec<String> = lines.drain(..=end).collect();
            assert!(
                header.iter().any(|l| l == date),
                "page {n}'s header: {header:?}"
            );
        }
        body.push(lines);
    }
    let at = body[0].iter().position(|l| l == date).expect("the date");
    let letterhead = body[0].drain(..at).collect();
    LetterText { letterhead, body }
}

/// The web page's slanted DRAFT mark, which poppler reads from a browser's
/// printout a letter to a line: the first run of "D", "R", "A", "F", "T".
fn drop_slanted_draft(lines: &mut Vec<String>) {
    let mark = ["D", "R", "A", "F", "T"];
    if let Some(at) = lines
        .windows(mark.len())
        .position(|w| w.iter().zip(mark).all(|(l, m)| l == m))
    {
        lines.drain(at..at + mark.len());
    }
}

/// Text without white space and case: a letter-spaced, small-caps
/// letterhead reads back as single letters in capitals.
pub(super) fn squeeze(lines: &[String]) -> String {
    lines
        .concat()
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of the body, as a reader would retype them: a word broken at
/// a line's end (by a hyphen, or at a soft hyphen, which Chromium's PDF
/// keeps in its text) is joined again, and hyphens are dropped, since
/// where a line breaks decides whether poppler keeps one.
pub(super) fn words(pages: &[Vec<String>]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut open = false; // the last word goes on in the next token
    for line in pages.iter().flatten() {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        for (i, token) in tokens.iter().enumerate() {
            match words.last_mut() {
                Some(last) if open => last.push_str(token),
                _ => words.push(token.to_string()),
            }
            let word = words.last().map_or("", String::as_str);
            let bare = word.trim_end_matches(['-', '\u{2010}']);
            let line_end = i + 1 == tokens.len() && bare.len() < word.len() && bare.len() > 1;
            open = bare.ends_with('\u{ad}') || line_end;
        }
    }
    words
        .into_iter()
        .map(|w| w.replace(['-', '\u{2010}', '\u{ad}'], ""))
        .collect()
}

/// Fails with each difference between the two word sequences, in context.
pub(super) fn assert_same_words(own: &[String], printed: &[String]) {
    if own == printed {
        return;
    }
    diff_words(own, printed);
}

/// The same words, the text in its order up to the closing, and after it
/// (the two-column signature grid, cc and enclosures) in any order: poppler
/// reads a grid's blocks in an order of its own guessing, such as two
/// short notes side by side in one row as one line.
pub(super) fn assert_same_letter(own: &[String], printed: &[String], closing: &str) {
    let closing: Vec<&str> = closing.split_whitespace().collect();
    let split = |words: &[String]| {
        let at = words
            .windows(closing.len())
            .position(|w| w.iter().zip(&closing).all(|(a, b)| a == b))
            .map_or(words.len(), |i| i + closing.len());
        let (text, grid) = words.split_at(at);
        let mut grid = grid.to_vec();
        grid.sort();
        (text.to_vec(), grid)
    };
    let (own_text, own_grid) = split(own);
    let (printed_text, printed_grid) = split(printed);
    assert_same_words(&own_text, &printed_text);
    assert_same_words(&own_grid, &printed_grid);
}

/// Fails with each difference between the two word sequences, in context.
fn diff_words(own: &[String], printed: &[String]) {
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, own, printed);
    let mut report = String::new();
    for op in ops {
        let (tag, a, b) = op.as_tag_tuple();
        if tag != similar::DiffTag::Equal {
            let from = a.start.saturating_sub(6);
            report.push_str(&format!(
                "after {:?}: signon's PDF {:?}, the printout {:?}\n",
                own[from..a.start].join(" "),
                own[a].join(" "),
                printed[b].join(" ")
            ));
        }
    }
    panic!("the printout's words differ from signon's PDF:\n{report}");
}

//! The words a reader sees (#14 Deliver 3 and 8, #15 Deliver 1), through
//! the real binary: names, titles and roles typeset like the body in every
//! output while the roster keeps them as written; the `none` and `congress`
//! letterheads; the warning for a signature of the other chamber; and every
//! label and mark worded once, the same in the PDF, the page, the text and
//! the press release.

use std::fs;
use std::path::Path;

use lopdf::Document;

use crate::support::*;

const VETERANS: &str = "2025-05-01-veterans";
const APPROPRIATIONS: &str = "2025-03-14-appropriations";

fn run(ws: &Path, args: &[&str]) -> String {
    let out = signon(ws, args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The PDF's text, as a reader copies it out.
fn pdf_text(path: &Path) -> String {
    let doc = Document::load(path).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

/// Renders `letter` as PDF, HTML and text in `ws`; their texts.
fn render_all(ws: &Path, letter: &str) -> [(&'static str, String); 3] {
    run(
        ws,
        &[
            "render", letter, "--pdf", "l.pdf", "--html", "l.html", "--text", "l.txt",
        ],
    );
    [
        ("PDF", pdf_text(&ws.join("l.pdf"))),
        ("HTML", page_text(&read(&ws.join("l.html")))),
        ("text", read(&ws.join("l.txt"))),
    ]
}

/// The page without its style: the `<style>` element and the `style`
/// attributes, whose CSS custom properties (`--ws`) are no typed text.
fn page_text(html: &str) -> String {
    let (head, rest) = html.split_once("<style>").expect("a <style>");
    let (_, body) = rest.split_once("</style>").expect("its end");
    let mut out = head.to_string();
    for (i, part) in body.split(" style=\"").enumerate() {
        let part = if i == 0 {
            part
        } else {
            part.split_once('"').map_or(part, |p| p.1)
        };
        out.push_str(part);
    }
    out
}

/// #15: the example appropriations letter has one enclosure, and every
/// format says "Enclosure:" (the text said "Enclosures:").
#[test]
fn one_enclosure_is_singular_in_every_format() {
    let ws = example();
    for (format, text) in render_all(ws.path(), APPROPRIATIONS) {
        assert!(text.contains("Enclosure:"), "{format}:\n{text}");
        assert!(!text.contains("Enclosures"), "{format}:\n{text}");
    }
}

/// #14: `"Chuy"`, `Veterans'`, `--` in names, titles, roles, the recipient,
/// cc and enclosure are typeset in the PDF, the page and the text.
#[test]
fn names_roles_titles_cc_and_enclosures_are_typeset_in_every_format() {
    let ws = workspace("words-typography");
    for (format, text) in render_all(ws.path(), VETERANS) {
        for typeset in [
            "Jesús G. \u{201C}Chuy\u{201D} García",
            "Chairman, Committee on Veterans\u{2019} Affairs",
            "Member of Congress \u{2013} Ranking Member",
            "Secretary of Veterans\u{2019} Affairs",
            "The Deputy Secretary\u{2019}s office",
            "The Committee\u{2019}s report",
        ] {
            assert!(
                text.contains(typeset),
                "{format}: no {typeset:?} in\n{text}"
            );
        }
        for straight in ["\"Chuy\"", "Veterans'", "--"] {
            assert!(
                !text.contains(straight),
                "{format}: {straight:?} in\n{text}"
            );
        }
    }
}

/// #14: the press release and the signer list name Members as printed.
#[test]
fn the_press_release_names_members_typeset() {
    let ws = workspace("words-typography");
    let md = run(ws.path(), &["press", VETERANS]);
    assert!(
        md.contains("Rep. Jesús G. \u{201C}Chuy\u{201D} García (D-IL)"),
        "{md}"
    );
    assert!(md.contains("Veterans\u{2019} Affairs"), "{md}");
    assert!(!md.contains("\"Chuy\""), "{md}");
}

/// #14: the roster stays as written, and so does what `status` shows of it.
#[test]
fn the_roster_and_status_keep_the_names_as_written() {
    let ws = workspace("words-typography");
    let before = read(&ws.path().join("signers.toml"));
    render_all(ws.path(), VETERANS);
    assert_eq!(read(&ws.path().join("signers.toml")), before);
    let status = run(ws.path(), &["status", VETERANS]);
    assert!(status.contains("Jesús G. \"Chuy\" García"), "{status}");
}

/// Sets the example letter's letterhead to `value`.
fn letterhead(ws: &Path, letter: &str, value: &str) {
    let path = ws.join("letters").join(format!("{letter}.toml"));
    let text = read(&path);
    let line = text.lines().find(|l| l.starts_with("letterhead")).unwrap();
    fs::write(&path, text.replace(line, &format!("letterhead = {value}"))).unwrap();
}

/// The baseline of the date on page 1 of the letter's PDF layout.
fn date_baseline(ws: &Path, letter: &str) -> f32 {
    let workspace = signon::load::Workspace::discover(Some(ws), ws).unwrap();
    let checked = signon::validate::workspace(&workspace, &[]).unwrap();
    let letter = checked.letters.iter().find(|l| l.id == letter).unwrap();
    let composed = signon::compose::compose(letter, &checked.roster, &[], true);
    let layout = signon::render::pdf::layout::layout(&composed, &Default::default()).unwrap();
    let date = &composed.date_text;
    let run = layout.pages[0].runs.iter().find(|r| r.text == *date);
    run.expect("the date on page 1").y
}

/// #14: `letterhead = "none"` prints no letterhead and keeps its room: the
/// date stands where it does under the House letterhead.
#[test]
fn letterhead_none_leaves_the_house_letterheads_room_blank() {
    let ws = example();
    letterhead(ws.path(), RUBIO, "\"house\"");
    let house = date_baseline(ws.path(), RUBIO);
    letterhead(ws.path(), RUBIO, "\"none\"");
    assert_eq!(date_baseline(ws.path(), RUBIO), house);
    let [(_, pdf), (_, html), _] = render_all(ws.path(), RUBIO);
    for line in [
        "Congress of the United States",
        "House of Representatives",
        "DC 20515",
    ] {
        assert!(!pdf.contains(line), "{line} in\n{pdf}");
    }
    // The page keeps the room with the lines hidden (not printed, not read).
    assert!(html.contains("<div class=\"letterhead blank\">"), "{html}");
}

/// Under no printed letterhead the section headings head the outline (H1),
/// so the PDF still claims PDF/UA: no heading level is skipped.
#[test]
fn a_letter_under_no_letterhead_still_claims_pdf_ua() {
    let ws = example();
    letterhead(ws.path(), RUBIO, "\"none\"");
    run(ws.path(), &["render", RUBIO, "--pdf", "l.pdf"]);
    let pdf = String::from_utf8_lossy(&fs::read(ws.path().join("l.pdf")).unwrap()).into_owned();
    assert!(pdf.contains("<pdfuaid:part>1</pdfuaid:part>"));
}

/// #14: `letterhead = "congress"` is the bicameral preset.
#[test]
fn letterhead_congress_is_the_bicameral_preset() {
    let ws = example();
    letterhead(ws.path(), RUBIO, "\"congress\"");
    for (format, text) in render_all(ws.path(), RUBIO).into_iter().take(2) {
        // The PDF sets the letterhead in letter-spaced capitals.
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = text.to_uppercase();
        assert!(text.contains("CONGRESS OF THE UNITED STATES"), "{format}");
        assert!(text.contains("WASHINGTON, DC 20515"), "{format}");
        assert!(!text.contains("HOUSE OF REPRESENTATIVES"), "{format}");
    }
}

/// `signon check` on the shipped example, ledger included, after its last
/// event (the harness's clock is before most of them).
fn check_shipped(ws: &Path) -> std::process::Output {
    let mut cmd = signon_cmd(ws, &["check"]);
    cmd.env("SIGNON_NOW", "1767225600").output().unwrap()
}

/// #14: Senator Schiff signed the example letter; under the House
/// letterhead `check` warns at his signature in the ledger.
#[test]
fn check_warns_at_a_senators_signature_under_the_house_letterhead() {
    let ws = example_as_shipped();
    letterhead(ws.path(), RUBIO, "\"house\"");
    let out = check_shipped(ws.path());
    assert_eq!(code(&out), 0);
    assert_eq!(
        stderr(&out),
        "signers.toml:312:10: warning: `schiff` is a Senator, but the letterhead of `2025-02-06-rubio` is the House's
    |
312 | signer = \"schiff\"
    |          ^^^^^^^^ this signature prints under the `house` letterhead
    |
    = help: set `letterhead = \"congress\"` for a letter of both chambers

"
    );
}

/// #14: under the bicameral letterhead (the example's), no warning.
#[test]
fn a_senators_signature_under_the_congress_letterhead_draws_no_warning() {
    let ws = example_as_shipped();
    let out = check_shipped(ws.path());
    assert_eq!(code(&out), 0);
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

/// #15: the marks of a lead who has not signed and of a signature on an
/// earlier text read the same in the PDF and on the page.
#[test]
fn unsigned_and_stale_marks_read_the_same_in_the_pdf_and_the_page() {
    let ws = example_signed();
    let [(_, pdf), (_, html), _] = render_all(ws.path(), RUBIO);
    for mark in ["(not yet signed)", "(signed an earlier text)"] {
        assert!(pdf.contains(mark), "PDF: no {mark}");
        assert!(
            html.contains(&format!("<span class=\"mark\">{mark}</span>")),
            "HTML: no {mark}"
        );
    }
}

/// #15: a final gate's reason shows its id in backticks on the terminal,
/// as `<code>` on the status page and as a code span in Markdown.
#[test]
fn gate_reasons_mark_ids_the_way_each_medium_does() {
    let ws = example();
    let refused = signon(ws.path(), &["render", RUBIO, "--final"]);
    assert_eq!(code(&refused), 1);
    let terminal = "lead Frank Pallone, Jr. (`pallone`) has not signed (no answer)";
    assert!(stderr(&refused).contains(terminal), "{}", stderr(&refused));
    run(ws.path(), &["status", RUBIO, "--html", "s.html"]);
    let page = read(&ws.path().join("s.html"));
    assert!(
        page.contains("lead Frank Pallone, Jr. (<code>pallone</code>) has not signed"),
        "{page}"
    );
    let md = run(ws.path(), &["press", RUBIO]);
    assert!(md.contains(terminal), "{md}");
    assert!(!md.contains("\\`"), "{md}");
}

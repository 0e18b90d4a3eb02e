//! `signon press` and `signon render --text` through the real binary: golden
//! press releases (Markdown, HTML, text) and the plain-text letter, compared
//! as whole files (`tests/fixtures/press-*/expected/`), with stale,
//! withdrawn and declined signers left out and drafts marked.

use std::fs;
use std::path::Path;

use crate::support::*;

/// The example with three leads signed (two verified, one by hand) and one
/// not; others verified, by hand, from the Senate; a stale signature, a
/// withdrawal and a decline, which must not appear anywhere.
pub(crate) fn example_for_press() -> tempfile::TempDir {
    let ws = example();
    let (p, now) = (ws.path(), fingerprint(ws.path()));
    let at = |h: u32| format!("2025-02-03T{h:02}:00:00-05:00");
    sign(p, "pallone", "signed", &at(9), Some(&now));
    sign(p, "bilirakis", "signed", &at(10), Some(&now));
    sign(p, "sherman", "signed", &at(11), None);
    sign(p, "garcia-il", "signed", &at(12), Some(&now));
    sign(p, "velazquez", "signed", &at(13), None);
    sign(p, "schiff", "signed", &at(14), Some(&now));
    sign(p, "padilla", "signed", &at(15), Some(&now));
    sign(p, "chu", "signed", &at(8), Some(OLD));
    sign(p, "lieu", "signed", &at(8), Some(&now));
    sign(p, "lieu", "withdrawn", &at(16), None);
    sign(p, "tenney", "declined", &at(9), None);
    ws
}

/// The example with every lead and two others on the current text.
fn example_final() -> tempfile::TempDir {
    let ws = example();
    let (p, now) = (ws.path(), fingerprint(ws.path()));
    for lead in ["pallone", "bilirakis", "sherman", "valadao"] {
        sign(p, lead, "signed", "2025-02-03T10:00:00-05:00", Some(&now));
    }
    sign(p, "waters", "signed", "2025-02-03T11:00:00-05:00", None);
    sign(
        p,
        "padilla",
        "signed",
        "2025-02-03T12:00:00-05:00",
        Some(&now),
    );
    ws
}

/// Runs a command that must succeed silently on stderr; its stdout.
pub(crate) fn run_ok(ws: &Path, args: &[&str]) -> String {
    let out = signon(ws, args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn press_release_in_each_format_matches_golden() {
    let ws = example_for_press();
    let p = ws.path();
    let md = run_ok(p, &["press", RUBIO]);
    golden("press-example/expected/press.md", &md, None);
    assert_eq!(md, run_ok(p, &["press", RUBIO, "--format", "md"]));
    let html = run_ok(p, &["press", RUBIO, "--format", "html"]);
    golden("press-example/expected/press.html", &html, None);
    let txt = run_ok(p, &["press", RUBIO, "--format", "txt"]);
    golden("press-example/expected/press.txt", &txt, None);
}

#[test]
fn only_signers_of_the_current_text_are_named() {
    let ws = example_for_press();
    for format in ["md", "html", "txt"] {
        let out = run_ok(ws.path(), &["press", RUBIO, "--format", format]);
        // Only the draft line may name them, saying why it is a draft.
        let gone = [
            "Rep. Judy Chu",
            "Rep. Ted Lieu",
            "Rep. Claudia Tenney",
            "Valadao (R-CA)",
        ];
        for gone in gone {
            assert!(!out.contains(gone), "{format}: {gone} is listed");
        }
    }
}

#[test]
fn a_final_ready_letter_is_not_marked_draft() {
    let ws = example_final();
    let md = run_ok(ws.path(), &["press", RUBIO]);
    golden("press-final/expected/press.md", &md, None);
}

#[test]
fn output_is_written_atomically_and_announced() {
    let ws = example_for_press();
    let p = ws.path();
    let said = run_ok(
        p,
        &[
            "press",
            RUBIO,
            "--format",
            "html",
            "--output",
            "out/press.html",
        ],
    );
    assert_eq!(said, "wrote out/press.html\n");
    let written = fs::read_to_string(p.join("out/press.html")).unwrap();
    assert_eq!(written, run_ok(p, &["press", RUBIO, "--format", "html"]));
    let names: Vec<_> = fs::read_dir(p.join("out")).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left");
}

#[test]
fn markup_in_names_and_text_is_escaped_for_each_format() {
    let ws = example();
    let p = ws.path();
    let roster = fs::read_to_string(p.join("signers.toml")).unwrap().replace(
        "name = \"Brad Sherman\"",
        "name = \"Brad *Star* _Under_ [link](x) <b>Sherman</b> & Co\"",
    );
    fs::write(p.join("signers.toml"), roster).unwrap();
    let path = p.join(format!("letters/{RUBIO}.toml"));
    let letter = fs::read_to_string(&path).unwrap().replace(
        "\"Conclude the civil nuclear",
        "\"- # Conclude <script>x</script> the `civil` | nuclear",
    );
    fs::write(&path, letter).unwrap();
    sign(p, "sherman", "signed", "2025-02-03T10:00:00-05:00", None);
    let md = run_ok(p, &["press", RUBIO]);
    golden("press-escaping/expected/press.md", &md, None);
    let html = run_ok(p, &["press", RUBIO, "--format", "html"]);
    assert!(
        !html.contains("<script") && !html.contains("<b>Sherman"),
        "{html}"
    );
    assert!(html.contains("Brad *Star* _Under_ [link](x) &#60;b&#62;Sherman&#60;/b&#62; &#38; Co"));
    let txt = run_ok(p, &["press", RUBIO, "--format", "txt"]);
    assert!(txt.contains("Rep. Brad *Star* _Under_ [link](x) <b>Sherman</b> & Co (D-CA)"));
}

#[test]
fn letter_as_plain_text_matches_golden_and_fits_72_columns() {
    let ws = example_for_press();
    let p = ws.path();
    let text = run_ok(p, &["render", RUBIO, "--text", "-"]);
    golden("press-example/expected/letter.txt", &text, None);
    for line in text.lines() {
        assert!(line.chars().count() <= 72, "too wide: {line}");
    }
    let said = run_ok(p, &["render", RUBIO, "--text", "out/rubio.txt"]);
    assert_eq!(said, "wrote out/rubio.txt (draft)\n");
    assert_eq!(fs::read_to_string(p.join("out/rubio.txt")).unwrap(), text);
}

#[test]
fn final_letter_as_plain_text_has_no_draft_line() {
    let ws = example_final();
    let text = run_ok(ws.path(), &["render", RUBIO, "--final", "--text", "-"]);
    assert!(
        text.starts_with("February 6, 2025\n\nThe Honorable Marco Rubio\n"),
        "{text}"
    );
}

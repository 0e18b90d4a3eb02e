//! `signon render` through the real binary: golden HTML pages compared as
//! whole files (`tests/fixtures/render-*/expected/`), determinism, escaping,
//! atomic output and the `--final` gate.

use std::fs;
use std::path::Path;

use crate::support::*;

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn example_letter_renders_to_golden_html() {
    let ws = example_signed();
    let out = signon(ws.path(), &["render", RUBIO, "--html", "out/rubio.html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "wrote out/rubio.html (draft)\n");
    assert_eq!(stderr(&out), "");
    let html = read(&ws.path().join("out/rubio.html"));
    golden("render-example/expected/letter.html", &html, None);
}

#[test]
fn custom_fixture_marks_stale_and_missing_signatures() {
    let ws = workspace("render-custom");
    let out = signon(ws.path(), &["render", "letters/2025-04-01-caucus.toml"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "wrote out/2025-04-01-caucus.pdf (draft)\nwrote out/2025-04-01-caucus.html (draft)\n"
    );
    let html = read(&ws.path().join("out/2025-04-01-caucus.html"));
    golden("render-custom/expected/letter.html", &html, None);
}

#[test]
fn default_paths_are_out_id_pdf_and_html_and_nothing_else_is_left() {
    let ws = example();
    let out = signon(ws.path(), &["render", RUBIO]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("wrote out/{RUBIO}.pdf (draft)\nwrote out/{RUBIO}.html (draft)\n")
    );
    let mut names: Vec<String> = fs::read_dir(ws.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [format!("{RUBIO}.html"), format!("{RUBIO}.pdf")],
        "no temporary file left"
    );
}

#[test]
fn two_renders_give_the_same_bytes() {
    let ws = example_signed();
    let render = |name: &str| {
        let out = signon(ws.path(), &["render", RUBIO, "--html", name]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        fs::read(ws.path().join(name)).unwrap()
    };
    assert_eq!(render("a.html"), render("b.html"));
}

#[test]
fn an_unchanged_output_is_left_alone_and_a_changed_one_replaced() {
    use std::os::unix::fs::MetadataExt;
    let ws = example();
    let pdf = ws.path().join(format!("out/{RUBIO}.pdf"));
    let first = signon(ws.path(), &["render", RUBIO]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let before = fs::metadata(&pdf).unwrap();
    let again = signon(ws.path(), &["render", RUBIO]);
    assert_eq!(
        stdout(&again),
        format!("unchanged out/{RUBIO}.pdf (draft)\nunchanged out/{RUBIO}.html (draft)\n")
    );
    let after = fs::metadata(&pdf).unwrap();
    assert_eq!(
        (before.ino(), before.mtime_nsec()),
        (after.ino(), after.mtime_nsec()),
        "the same file, untouched"
    );
    // A4 changes both: the PDF's pages and the HTML's print CSS.
    let a4 = signon(ws.path(), &["render", RUBIO, "--paper", "a4"]);
    assert_eq!(
        stdout(&a4),
        format!("wrote out/{RUBIO}.pdf (draft)\nwrote out/{RUBIO}.html (draft)\n")
    );
    assert_ne!(fs::metadata(&pdf).unwrap().ino(), before.ino(), "replaced");
}

#[test]
fn a4_paper_sets_the_print_page_size() {
    let ws = example();
    let out = signon(ws.path(), &["render", RUBIO, "--paper", "a4"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let html = read(&ws.path().join(format!("out/{RUBIO}.html")));
    assert!(html.contains("size: A4;"), "{html}");
}

#[test]
fn text_from_toml_is_escaped() {
    let ws = example();
    let p = ws.path();
    let roster = read(&p.join("signers.toml")).replace(
        "name = \"Judy Chu\"",
        "name = \"Judy <script>alert(1)</script> Chu & Co\"",
    );
    fs::write(p.join("signers.toml"), roster).unwrap();
    let letter_path = p.join(format!("letters/{RUBIO}.toml"));
    let letter = read(&letter_path).replace(
        "Thank you for your attention",
        "Thank you <script>alert(2)</script> for your attention",
    );
    fs::write(&letter_path, letter).unwrap();
    sign(p, "chu", "signed", "2025-02-03T10:00:00-05:00", None);
    let mut ledger = read(&p.join("signers.toml"));
    ledger.push_str("note = \"<script>alert(3)</script>\"\n");
    fs::write(p.join("signers.toml"), ledger).unwrap();

    let out = signon(p, &["render", RUBIO]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let html = read(&p.join(format!("out/{RUBIO}.html")));
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("alert(3)"), "notes are not printed");
    assert!(html.contains("Judy &#60;script&#62;alert(1)&#60;/script&#62; Chu &#38; Co<br>"));
    assert!(html.contains("Thank you &#60;script&#62;alert(2)&#60;/script&#62; for"));
}

#[test]
fn final_is_refused_with_every_reason_and_writes_nothing() {
    let ws = example_signed();
    let out = signon(ws.path(), &["render", RUBIO, "--final"]);
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "");
    golden(
        "render-final/expected/refused-stderr.txt",
        &stderr(&out),
        None,
    );
    assert!(
        !ws.path().join("out").exists(),
        "a refused render writes nothing"
    );
}

#[test]
fn final_renders_once_every_lead_signed_the_current_text() {
    let ws = example();
    let p = ws.path();
    let current = fingerprint(p);
    for lead in ["pallone", "bilirakis", "sherman", "valadao"] {
        sign(
            p,
            lead,
            "signed",
            "2025-02-03T10:00:00-05:00",
            Some(&current),
        );
    }
    // By hand, without a fingerprint: signed, unverified, not a reason to refuse.
    sign(p, "schiff", "signed", "2025-02-03T11:00:00-05:00", None);
    sign(p, "velazquez", "signed", "2025-02-03T11:30:00-05:00", None);
    let out = signon(p, &["render", RUBIO, "--final", "--html", "final.html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "wrote final.html (final)\n");
    golden(
        "render-final/expected/letter.html",
        &read(&p.join("final.html")),
        None,
    );
}

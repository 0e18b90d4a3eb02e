//! Hostile input end to end (issue #8): text that looks like markup, template
//! syntax or PDF syntax is printed as text in both outputs; unbreakable words
//! are broken; invisible controls are refused; a huge body is rendered in
//! bounded time; outputs never land outside the workspace by accident; and
//! no subcommand panics on any bad-input fixture.

use std::fs;
use std::path::Path;

use crate::support::*;

const HOSTILE: &str = "<script>alert(1)</script> </blockquote> {{ title }} {% if x %} %PDF-1.7 endstream endobj & &amp;";

fn letter_path(ws: &Path) -> std::path::PathBuf {
    ws.join("letters").join(format!("{RUBIO}.toml"))
}

/// Puts `text` into the example letter's first body paragraph, its first
/// heading and a new quote source.
fn inject(ws: &Path, text: &str) {
    let path = letter_path(ws);
    let letter = fs::read_to_string(&path).unwrap();
    let letter = letter
        .replacen("As co-chairs", &format!("{text} As co-chairs"), 1)
        .replacen(
            "heading = \"A moment",
            &format!("heading = \"{text} A moment"),
            1,
        )
        .replacen(
            "source = \"Congressional",
            &format!("source = \"{text} Congressional"),
            1,
        );
    fs::write(path, letter).unwrap();
}

#[test]
fn markup_template_and_pdf_syntax_print_as_text_in_both_outputs() {
    let ws = example();
    inject(ws.path(), &HOSTILE.replace('"', "\\\""));
    let roster = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    let roster = roster.replacen(
        "name = \"Brad Sherman\"",
        "name = \"Brad <b>Sherman</b> {{ x }}\"",
        1,
    );
    fs::write(ws.path().join("signers.toml"), roster).unwrap();
    sign(
        ws.path(),
        "sherman",
        "signed",
        "2025-02-03T10:00:00-05:00",
        None,
    );
    let out = signon(
        ws.path(),
        &["render", RUBIO, "--pdf", "h.pdf", "--html", "h.html"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let html = fs::read_to_string(ws.path().join("h.html")).unwrap();
    assert!(
        !html.contains("<script>") && !html.contains("<b>Sherman"),
        "unescaped markup"
    );
    assert!(html.contains("&#60;script&#62;") || html.contains("&lt;script&gt;"));
    assert!(
        html.contains("{{ title }}") && html.contains("{% if x %}"),
        "template syntax must print as text"
    );
    assert_eq!(
        html.matches("<blockquote").count(),
        html.matches("</blockquote>").count()
    );
    let doc = lopdf::Document::load(ws.path().join("h.pdf")).expect("the PDF still parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    for needle in [
        "<script>alert(1)</script>",
        "%PDF-1.7",
        "endstream",
        "{{ title }}",
        "Brad <b>Sherman</b> {{ x }}",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not printed as text:\n{text}"
        );
    }
}

#[test]
fn a_300_character_word_is_broken_inside_the_margins() {
    let ws = example();
    let word = "Nagorno".repeat(43);
    inject(ws.path(), &word);
    let out = signon(ws.path(), &["render", RUBIO, "--pdf", "w.pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let layout = example_layout(ws.path());
    let right_margin = layout.width - 72.0;
    for page in &layout.pages {
        for run in &page.runs {
            assert!(
                run.right() <= right_margin + 0.5,
                "runs off the page: {run:?}"
            );
        }
    }
    let printed: String = layout.pages[0]
        .runs
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert!(
        printed.contains(&word[..100]),
        "the word must be printed, broken across lines"
    );
}

#[test]
fn invisible_and_control_characters_are_clear_errors() {
    for (raw, message) in [
        ("\\u202E", "right-to-left control mark U+202E in text"),
        ("\\u200F", "right-to-left control mark U+200F in text"),
        ("\\u0000", "control character U+0000 in text"),
        ("\\u001B[31m", "control character U+001B in text"),
    ] {
        let ws = example();
        inject(ws.path(), raw);
        for args in [&["check"][..], &["render", RUBIO]] {
            let out = signon(ws.path(), args);
            assert_eq!(code(&out), 1, "{raw} {args:?}");
            assert!(stderr(&out).contains(message), "{raw}: {}", stderr(&out));
        }
        assert!(
            !ws.path().join("out").exists(),
            "a refused render writes nothing"
        );
    }
    let ws = example();
    let path = letter_path(ws.path());
    let mut bytes = fs::read(&path).unwrap();
    bytes.splice(40..40, [0u8]);
    fs::write(&path, bytes).unwrap();
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains(&format!("letters/{RUBIO}.toml:")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_one_megabyte_body_renders_in_bounded_time() {
    let ws = example();
    let paragraph = "We ask the Department to act now on every request in this letter. ".repeat(30);
    let body = vec![paragraph; 520].join("\n\n");
    assert!(body.len() > 1_000_000);
    let path = letter_path(ws.path());
    let letter = fs::read_to_string(&path).unwrap().replacen(
        "body = \"\"\"\n",
        &format!("body = \"\"\"\n{body}\n\n"),
        1,
    );
    fs::write(&path, letter).unwrap();
    let check = signon(ws.path(), &["check"]);
    assert_eq!(code(&check), 0);
    assert!(stderr(&check).contains("over the 500 of a Dear Colleague letter"));
    let out = signon(ws.path(), &["render", RUBIO]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let pdf = lopdf::Document::load(ws.path().join(format!("out/{RUBIO}.pdf"))).unwrap();
    assert!(pdf.get_pages().len() > 100);
}

#[cfg(unix)]
#[test]
fn a_symlinked_out_folder_is_refused_and_nothing_is_written() {
    let ws = example();
    let elsewhere = tempfile::TempDir::new().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), ws.path().join("out")).unwrap();
    let out = signon(ws.path(), &["render", RUBIO]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("`out` is a symbolic link"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    let explicit = signon(ws.path(), &["render", RUBIO, "--html", "out/x.html"]);
    assert_eq!(
        code(&explicit),
        1,
        "a path through the link is still the default folder"
    );
}

#[test]
fn a_failed_write_is_a_clear_error_and_keeps_the_old_output() {
    let ws = example();
    assert_eq!(code(&signon(ws.path(), &["render", RUBIO])), 0);
    let old = fs::read(ws.path().join(format!("out/{RUBIO}.pdf"))).unwrap();
    // A file where the output folder should be: creating the temporary
    // file fails even for root, which ignores permission bits.
    let blocked = ws.path().join("blocked");
    fs::write(&blocked, "not a folder").unwrap();
    let out = signon(ws.path(), &["render", RUBIO, "--pdf", "blocked/x.pdf"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("`blocked` is not a folder"),
        "{}",
        stderr(&out)
    );
    // An error in the letter: the previous PDF stays as it was.
    inject(ws.path(), "\\u202E");
    assert_eq!(code(&signon(ws.path(), &["render", RUBIO])), 1);
    assert_eq!(
        fs::read(ws.path().join(format!("out/{RUBIO}.pdf"))).unwrap(),
        old
    );
    let leftovers = fs::read_dir(ws.path().join("out")).unwrap().count();
    assert_eq!(leftovers, 2, "no temporary files left behind");
}

#[test]
fn no_subcommand_panics_on_any_bad_input_fixture() {
    let commands: [&[&str]; 10] = [
        &["check"],
        &["render", RUBIO],
        &["render", RUBIO, "--final"],
        &["status"],
        &["status", RUBIO, "--json"],
        &["sign", RUBIO, "chu", "--by", "AH"],
        &["press", RUBIO],
        &["export", RUBIO, "--format", "csv"],
        &["signers"],
        &["new", "2025-05-01-next"],
    ];
    let mut cases: Vec<String> = fs::read_dir(repo().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("check-"))
        .collect();
    cases.sort();
    for case in cases {
        for args in commands {
            let ws = workspace(&case);
            let out = signon(ws.path(), args);
            let code = code(&out);
            assert!((0..=2).contains(&code), "{case} {args:?}: exit {code}");
            assert!(!stderr(&out).contains("RUST_BACKTRACE"), "{case} {args:?}");
        }
    }
}

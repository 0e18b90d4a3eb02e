//! Nothing raw reaches a terminal or a spreadsheet (issue #13, item 6), and
//! the small ones of item 9: control characters are errors at their place in
//! the roster and in `--by`/`--note`, diagnostics show them escaped, CSV
//! formulas are neutralized; an empty heading, `sign --party`, a closed pipe
//! and a broken letter in `status`.

use std::fs;
use std::path::Path;
use std::process::Stdio;

use crate::support::*;

/// Replaces the first `from` in the workspace file `rel` with `to`.
fn edit(ws: &Path, rel: &str, from: &str, to: &str) {
    let path = ws.join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {rel}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn no_raw_escape(text: &str) {
    assert!(
        !text.contains('\u{1b}'),
        "a raw ESC reached the terminal: {text:?}"
    );
}

#[test]
fn an_escape_in_by_is_refused_and_named_as_an_escape() {
    let ws = example();
    let before = fs::read(ws.path().join("signers.toml")).unwrap();
    let out = signon(
        ws.path(),
        &["sign", RUBIO, "pallone", "--by", "AH\u{1b}[2J"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("control character `\\u{1b}` in `--by`"),
        "{}",
        stderr(&out)
    );
    no_raw_escape(&stderr(&out));
    assert_eq!(fs::read(ws.path().join("signers.toml")).unwrap(), before);
}

#[test]
fn a_carriage_return_in_note_is_refused() {
    let ws = example();
    let out = signon(
        ws.path(),
        &["sign", RUBIO, "pallone", "--note", "ok\rforged"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`\\u{d}` in `--note`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_newline_in_by_is_refused() {
    let ws = example();
    let out = signon(ws.path(), &["sign", RUBIO, "pallone", "--by", "A\nB"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`\\u{a}` in `--by`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_escape_in_a_roster_name_is_an_error_at_the_value() {
    let ws = example();
    edit(
        ws.path(),
        "signers.toml",
        "name = \"Frank Pallone, Jr.\"",
        "name = \"Frank\\u001b[2J Pallone\"",
    );
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with("signers.toml:18:8: error: control character `\\u{1b}` in `name`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_tab_in_a_roster_party_is_an_error_at_the_tab() {
    let ws = example();
    edit(
        ws.path(),
        "signers.toml",
        "party = \"D\"",
        "party = \"D\tX\"",
    );
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out)
            .starts_with("signers.toml:21:11: error: control character `\\u{9}` in `party`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_raw_escape_in_a_comment_is_shown_escaped() {
    let ws = example();
    edit(
        ws.path(),
        "signers.toml",
        "[signers.pallone]",
        "# \u{1b}[2J\u{9b}31m\n[signers.pallone]",
    );
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    no_raw_escape(&err);
    assert!(!err.contains('\u{9b}'), "{err:?}");
    assert!(err.contains("# \\u{1b}[2J\\u{9b}31m"), "{err}");
}

#[test]
fn a_formula_in_a_name_is_neutralized_in_the_csv() {
    let ws = example();
    let formula = "=HYPERLINK(\"http://x.example\",\"x\")";
    let toml = formula.replace('"', "\\\"");
    edit(
        ws.path(),
        "signers.toml",
        "name = \"Frank Pallone, Jr.\"",
        &format!("name = \"{toml}\""),
    );
    let signed = signon(ws.path(), &["sign", RUBIO, "pallone"]);
    assert_eq!(code(&signed), 0, "{}", stderr(&signed));
    let out = signon(ws.path(), &["export", RUBIO, "--format", "csv"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let names: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[1].to_string())
        .collect();
    assert_eq!(names, [format!("'{formula}")]);
}

#[test]
fn an_empty_heading_is_an_error() {
    let ws = example();
    let letter = format!("letters/{RUBIO}.toml");
    edit(
        ws.path(),
        &letter,
        "heading = \"A moment for American leadership\"",
        "heading = \"\"",
    );
    let out = signon(ws.path(), &["check", RUBIO]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with(&format!("{letter}:19:11: error: empty text")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn sign_with_a_filter_is_a_usage_error() {
    let ws = example();
    let out = signon(ws.path(), &["sign", RUBIO, "--party", "D"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let help = stdout(&signon(ws.path(), &["sign", "--help"]));
    assert!(!help.contains("--party <P>"), "{help}");
    let help = stdout(&signon(ws.path(), &["invite", "--help"]));
    assert!(help.contains("--party <P>"), "{help}");
}

/// Runs `args` with standard output a pipe whose reading end is already
/// closed.
fn into_closed_pipe(ws: &Path, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    signon_cmd(ws, args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn completions_into_a_closed_pipe_end_quietly() {
    let ws = example();
    let out = into_closed_pipe(ws.path(), &["completions", "bash"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn status_into_a_closed_pipe_ends_quietly() {
    let ws = example();
    let out = into_closed_pipe(ws.path(), &["status"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn status_shows_the_others_and_names_a_broken_letter() {
    let ws = example();
    let made = signon(ws.path(), &["new", "2025-05-01-draft"]);
    assert_eq!(code(&made), 0, "{}", stderr(&made));
    let out = signon(ws.path(), &["status"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).contains(RUBIO), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("left out `2025-05-01-draft`"), "{err}");
    let place = regex_free_place(&err, "letters/2025-05-01-draft.toml:");
    assert!(
        place,
        "the broken letter's problems with their places: {err}"
    );
}

/// Whether some line starts with `prefix` followed by `line:col:`.
fn regex_free_place(text: &str, prefix: &str) -> bool {
    text.lines().any(|l| {
        l.strip_prefix(prefix).is_some_and(|rest| {
            let mut parts = rest.splitn(3, ':');
            let mut number = || parts.next().is_some_and(|p| p.parse::<usize>().is_ok());
            number() && number()
        })
    })
}

#[test]
fn a_control_character_in_a_letter_file_name_is_an_error_shown_escaped() {
    let ws = example();
    let letters = ws.path().join("letters");
    fs::copy(
        letters.join(format!("{RUBIO}.toml")),
        letters.join("x\u{1b}[2J.toml"),
    )
    .unwrap();
    let out = signon(ws.path(), &["status"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    no_raw_escape(&stdout(&out));
    no_raw_escape(&stderr(&out));
    assert!(
        stderr(&out).contains(
            "letters/x\\u{1b}[2J.toml: error: control character `\\u{1b}` in the file name"
        ),
        "{}",
        stderr(&out)
    );
}

/// Appends a hand-written event to the workspace ledger.
fn by_hand(ws: &Path, extra: &str) {
    let path = ws.join("signers.toml");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(&format!(
        "\n[[signoff]]\nletter = \"{RUBIO}\"\nsigner = \"costa\"\nstatus = \"signed\"\n\
         at = 2025-02-01T10:00:00Z\n{extra}"
    ));
    fs::write(&path, text).unwrap();
}

#[test]
fn an_escape_written_by_hand_in_by_is_an_error_at_the_value() {
    let ws = example();
    by_hand(ws.path(), "by = \"X\\u001b[2JY\"\n");
    let text = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    let line = text.lines().count();
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "signers.toml:{line}:6: error: control character `\\u{{1b}}` in `by`\n    |\n\
             {line} | by = \"X\\u001b[2JY\"\n    |      ^^^^^^^^^^^^^\n    |\n    \
             = help: remove it: `by` and `note` are printable text\n\nfound 1 error\n"
        )
    );
}

#[test]
fn an_escape_written_by_hand_in_by_never_reaches_the_status_table() {
    let ws = example();
    by_hand(ws.path(), "by = \"X\\u001b[2JY\"\n");
    let out = signon(ws.path(), &["status", RUBIO]);
    assert_eq!(code(&out), 1);
    no_raw_escape(&stdout(&out));
    no_raw_escape(&stderr(&out));
    assert!(stderr(&out).contains("in `by`"), "{}", stderr(&out));
}

#[test]
fn a_right_to_left_mark_written_by_hand_in_note_is_an_error() {
    let ws = example();
    by_hand(ws.path(), "note = \"a\\u202eb\"\n");
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains(":8: error: right-to-left control mark `\\u{202e}` in `note`\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_newline_written_by_hand_in_note_is_allowed() {
    let ws = example();
    by_hand(ws.path(), "note = \"by phone\\nthen email\"\n");
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn a_right_to_left_override_in_by_is_refused() {
    let ws = example();
    let before = fs::read(ws.path().join("signers.toml")).unwrap();
    let out = signon(ws.path(), &["sign", RUBIO, "pallone", "--by", "\u{202e}HA"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: right-to-left control mark `\\u{202e}` in `--by`: recorded nothing\n  = help: give printable text\n"
    );
    assert_eq!(fs::read(ws.path().join("signers.toml")).unwrap(), before);
}

#[test]
fn an_isolate_mark_in_note_is_refused() {
    let ws = example();
    let out = signon(
        ws.path(),
        &["sign", RUBIO, "pallone", "--note", "ok\u{2067}x"],
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("right-to-left control mark `\\u{2067}` in `--note`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_empty_by_is_refused() {
    let ws = example();
    let before = fs::read(ws.path().join("signers.toml")).unwrap();
    let out = signon(ws.path(), &["sign", RUBIO, "pallone", "--by", ""]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: `--by` is empty: recorded nothing\n  = help: give printable text, or leave `--by` out\n"
    );
    assert_eq!(fs::read(ws.path().join("signers.toml")).unwrap(), before);
}

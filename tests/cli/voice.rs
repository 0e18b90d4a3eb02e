//! One voice for every message (issue #18): what a new user tripped on,
//! said in words that help, every problem through the one diagnostic
//! renderer, and colors only where `--color`, `NO_COLOR` and
//! `CLICOLOR_FORCE` allow them.

use std::fs;
use std::path::Path;

use crate::support::*;

/// Replaces the first `from` in the workspace file `rel` with `to`.
fn edit(ws: &Path, rel: &str, from: &str, to: &str) {
    let path = ws.join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {rel}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Runs a command that must fail with exit 1 and change no file; its stderr.
fn refused(ws: &Path, args: &[&str]) -> String {
    let before = fs::read(ws.join("signers.toml")).unwrap();
    let out = signon(ws, args);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(fs::read(ws.join("signers.toml")).unwrap(), before);
    stderr(&out)
}

/// Runs a command that must succeed; its stderr.
fn said(ws: &Path, args: &[&str]) -> String {
    let out = signon(ws, args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stderr(&out)
}

#[test]
fn a_date_typed_with_slashes_is_told_the_toml_form() {
    let ws = example();
    let letter = format!("letters/{RUBIO}.toml");
    edit(ws.path(), &letter, "date = 2025-02-06", "date = 12/10/2026");
    let err = refused(ws.path(), &["check", RUBIO]);
    assert!(
        err.starts_with(&format!(
            "{letter}:7:8: error: write dates as `2026-12-10`\n"
        )),
        "{err}"
    );
    assert!(!err.contains("must be quoted"), "{err}");
}

#[test]
fn an_unquoted_note_is_told_to_be_quoted() {
    let ws = example();
    let args = [
        "sign",
        RUBIO,
        "pallone",
        "--note",
        "LD",
        "confirmed",
        "by",
        "email",
    ];
    let err = refused(ws.path(), &args);
    assert_eq!(
        err,
        "error: no signer `confirmed`, `by`, `email` in `signers.toml`: words of the `--note`?\n  = help: quote a note with spaces: `--note \"LD confirmed by email\"`\n"
    );
}

#[test]
fn a_name_typed_for_an_id_is_answered_with_the_id() {
    let ws = example();
    let err = refused(ws.path(), &["sign", RUBIO, "Brad Sherman"]);
    assert!(
        err.contains("  = help: did you mean `sherman` (Brad Sherman, D-CA-32)?\n"),
        "{err}"
    );
}

#[test]
fn a_bioguide_typed_for_an_id_is_answered_with_the_id() {
    let ws = example();
    let err = refused(ws.path(), &["sign", RUBIO, "S000344"]);
    assert!(
        err.contains("  = help: did you mean `sherman` (Brad Sherman, D-CA-32)?\n"),
        "{err}"
    );
}

#[test]
fn a_state_suffix_the_roster_does_not_use_is_answered_with_the_id() {
    let ws = example();
    let err = refused(ws.path(), &["sign", RUBIO, "sanchez-ca"]);
    assert_eq!(
        err,
        "error: no signer `sanchez-ca` in `signers.toml`\n  = help: did you mean `sanchez`?\nfound 1 error\n"
    );
}

#[test]
fn a_state_by_name_is_told_its_two_letter_code() {
    let ws = example();
    let err = refused(ws.path(), &["invite", RUBIO, "--state", "California"]);
    assert!(
        err.starts_with("error: `--state California` is not a two-letter state code\n  = help: give the two-letter code: `--state CA`\n"),
        "{err}"
    );
}

#[test]
fn a_party_by_name_is_told_the_rosters_letter() {
    let ws = example();
    let out = signon(ws.path(), &["signers", "--party", "Dem"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with("error: no party `Dem` in `signers.toml`\n  = help: give the party letter the roster uses: `--party D`\n"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), "", "no table of no one");
}

#[test]
fn a_second_signature_on_the_same_text_is_recorded_and_said() {
    let ws = example();
    assert_eq!(said(ws.path(), &["sign", RUBIO, "pallone"]), "");
    let err = said(
        ws.path(),
        &["sign", RUBIO, "pallone", "--at", "2025-02-01T12:00:30Z"],
    );
    assert_eq!(
        err,
        "warning: `pallone` already signed this text at 2025-02-01T12:00:00+00:00; recorded again\n"
    );
    let ledger = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    assert_eq!(ledger.matches("signer = \"pallone\"").count(), 2);
}

#[test]
fn signing_someone_never_invited_is_recorded_and_said() {
    let ws = example();
    let err = said(ws.path(), &["sign", RUBIO, "kean"]);
    assert!(
        err.starts_with(&format!(
            "warning: `kean` was never invited to sign `{RUBIO}`: recorded all the same\n"
        )),
        "{err}"
    );
    // An invited signer signs without a word.
    assert_eq!(said(ws.path(), &["sign", RUBIO, "chu"]), "");
}

#[test]
fn paper_sizes_are_taken_in_any_case() {
    let ws = example();
    let out = signon(ws.path(), &["render", RUBIO, "--paper", "A4", "--pdf", "-"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"%PDF"));
}

/// The `path:line` of every headline, in the order printed.
fn places(err: &str) -> Vec<(String, usize)> {
    err.lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .filter_map(|l| {
            let mut parts = l.splitn(3, ':');
            Some((parts.next()?.to_string(), parts.next()?.parse().ok()?))
        })
        .collect()
}

#[test]
fn check_prints_the_problems_of_a_file_in_line_order() {
    let ws = example();
    said(ws.path(), &["new", "x"]);
    let err = refused(ws.path(), &["check", "x"]);
    let lines: Vec<usize> = places(&err)
        .into_iter()
        .filter(|(f, _)| f == "letters/x.toml")
        .map(|(_, l)| l)
        .collect();
    assert!(lines.len() > 5, "{err}");
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}\n{err}");
}

#[test]
fn every_placeholder_of_a_field_is_reported() {
    let ws = example();
    said(ws.path(), &["new", "x"]);
    let err = refused(ws.path(), &["check", "x"]);
    for p in [
        "<<First paragraph.>>",
        "<<Paragraphs are separated by a blank line.>>",
    ] {
        assert!(
            err.contains(&format!("placeholder `{p}` is not filled in")),
            "{p}\n{err}"
        );
    }
}

#[test]
fn an_unclosed_bold_marks_only_its_two_asterisks() {
    let ws = example();
    let letter = format!("letters/{RUBIO}.toml");
    edit(
        ws.path(),
        &letter,
        "should be a *precondition*",
        "should be a **precondition",
    );
    let err = said(ws.path(), &["check", RUBIO]);
    let want = format!(
        "{letter}:50:13: warning: unclosed `**` before `**precondition of any agreemen`\n   |\n50 | should be a **precondition of any agreement the United States supports.\n   |             ^^ this `**` is never closed\n"
    );
    assert!(err.contains(&want), "{err}");
}

#[test]
fn a_roster_typo_is_one_error_with_its_cause() {
    let ws = example();
    said(ws.path(), &["sign", RUBIO, "chu"]);
    said(ws.path(), &["decline", RUBIO, "chu", "--at", "2025-01-30"]);
    edit(ws.path(), "signers.toml", "[signers.chu]", "[signers.chuu]");
    let err = refused(ws.path(), &["check", RUBIO]);
    let in_ledger = err
        .lines()
        .filter(|l| l.starts_with("signers.toml:") && l.contains("unknown signer"))
        .collect::<Vec<_>>();
    assert_eq!(in_ledger.len(), 1, "{err}");
    assert!(
        in_ledger[0].ends_with("error: unknown signer `chu` in 2 events"),
        "{err}"
    );
    assert!(
        err.contains("= help: the roster has `chuu`: if `[signers.chuu]` was meant to be `chu`"),
        "{err}"
    );
}

#[test]
fn render_help_names_the_letter_by_id_and_says_what_is_written() {
    let ws = example();
    let out = signon(ws.path(), &["render", "--help"]);
    let help = stdout(&out);
    assert!(
        help.contains("  signon render 2025-02-06-rubio\n      writes out/2025-02-06-rubio.pdf"),
        "{help}"
    );
    let top = stdout(&signon(ws.path(), &["--help"]));
    assert!(
        top.contains("signon render 2025-02-06-rubio  writes out/"),
        "{top}"
    );
}

#[test]
fn bad_legislators_data_is_a_diagnostic_at_its_place() {
    let ws = example();
    fs::write(
        ws.path().join("bad.yaml"),
        "- id: {bioguide: X}\n  name: 3\n",
    )
    .unwrap();
    let err = refused(ws.path(), &["roster", "import", "bad.yaml"]);
    assert!(
        err.starts_with("bad.yaml:2:9: error: not congress-legislators data: "),
        "{err}"
    );
    assert!(err.contains("2 |   name: 3\n"), "{err}");
}

const ESC: char = '\u{1b}';

#[test]
fn color_always_styles_diagnostics() {
    let ws = example();
    let err = refused(ws.path(), &["--color", "always", "sign", RUBIO, "nobody"]);
    assert!(err.contains(ESC), "{err:?}");
    assert!(err.contains("error"), "{err:?}");
}

#[test]
fn no_color_keeps_diagnostics_plain_on_auto() {
    // The harness sets NO_COLOR; CLICOLOR_FORCE would otherwise win here.
    let ws = example();
    let mut cmd = signon_cmd(ws.path(), &["sign", RUBIO, "nobody"]);
    let out = cmd.env("CLICOLOR_FORCE", "1").output().unwrap();
    assert_eq!(code(&out), 1);
    assert!(!stderr(&out).contains(ESC), "{:?}", stderr(&out));
}

#[test]
fn clicolor_force_styles_a_pipe_without_no_color() {
    let ws = example();
    let mut cmd = signon_cmd(ws.path(), &["sign", RUBIO, "nobody"]);
    let out = cmd
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(stderr(&out).contains(ESC), "{:?}", stderr(&out));
}

#[test]
fn color_never_beats_clicolor_force() {
    let ws = example();
    let args = ["--color", "never", "sign", RUBIO, "nobody"];
    let mut cmd = signon_cmd(ws.path(), &args);
    let out = cmd
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(!stderr(&out).contains(ESC), "{:?}", stderr(&out));
}

#[test]
fn color_always_styles_the_status_table() {
    let ws = example_signed();
    let out = signon(ws.path(), &["--color", "always", "status", RUBIO]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains(ESC), "{}", stdout(&out));
    let plain = signon(ws.path(), &["status", RUBIO]);
    assert!(!stdout(&plain).contains(ESC));
}

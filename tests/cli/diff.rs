//! `signon diff` and the approved texts behind it, through the real binary:
//! `sign` keeps the text it recorded, the redline (plain, colored, HTML)
//! compared whole with golden files (`tests/fixtures/diff-example/expected/`),
//! the git fallback for a signature without a kept text, `status` and
//! `check` explaining stale signatures, and an edited kept text refused.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::*;

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = signon(dir, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// Replaces `from` by `to` in the example letter, which must hold it.
fn edit(dir: &Path, from: &str, to: &str) {
    let path = dir.join("letters").join(format!("{RUBIO}.toml"));
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Three versions: pallone and chu signed the first, sherman the second,
/// and the letter changed again since.
fn three_versions() -> tempfile::TempDir {
    let ws = example();
    let d = ws.path();
    let at = ["--at", "2025-01-28T09:30:00-05:00"];
    ok(d, &[&["sign", RUBIO, "pallone", "chu"][..], &at].concat());
    edit(d, "we congratulate you", "we warmly congratulate you");
    edit(
        d,
        "in full and decline to renew",
        "in full and oppose any renewal of",
    );
    ok(d, &["sign", RUBIO, "sherman", "--at", "2025-01-29"]);
    edit(d, "Baku still holds", "Baku continues to hold");
    ws
}

fn approved_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.join("approved"))
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn sign_keeps_the_text_it_fingerprinted_once() {
    let ws = example();
    let d = ws.path();
    ok(d, &["sign", RUBIO, "pallone"]);
    ok(d, &["sign", RUBIO, "chu"]);
    let fp = fingerprint(d);
    let name = format!("{}.txt", fp.strip_prefix("sha256:").unwrap());
    assert_eq!(approved_files(d), std::slice::from_ref(&name));
    let kept = fs::read_to_string(d.join("approved").join(&name)).unwrap();
    assert!(kept.starts_with("signon-fingerprint-v1\n"), "{kept}");
    assert!(kept.contains("heading: Holding Azerbaijan accountable\n"));
}

#[test]
fn declining_keeps_no_text() {
    let ws = example();
    ok(ws.path(), &["decline", RUBIO, "tenney"]);
    assert!(approved_files(ws.path()).is_empty());
}

#[test]
fn a_text_that_cannot_be_kept_records_no_signature() {
    let ws = example();
    let d = ws.path();
    // A file where the folder should be: the text cannot be written.
    fs::write(d.join("approved"), "in the way").unwrap();
    let before = fs::read_to_string(d.join("signers.toml")).unwrap();
    let out = signon(d, &["sign", RUBIO, "pallone"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("approved"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(d.join("signers.toml")).unwrap(), before);
}

#[test]
fn plain_redline_golden() {
    let ws = three_versions();
    let out = ok(ws.path(), &["diff", RUBIO]);
    golden("diff-example/expected/plain.txt", &out, Some(ws.path()));
}

#[test]
fn three_versions_give_two_groups_oldest_first() {
    let ws = three_versions();
    let out = ok(ws.path(), &["diff", RUBIO]);
    let heads: Vec<&str> = out.lines().filter(|l| l.contains(" — signed ")).collect();
    assert_eq!(heads.len(), 2, "{out}");
    assert!(
        heads[0].starts_with("pallone, chu — signed 2025-01-28"),
        "{out}"
    );
    assert!(heads[1].starts_with("sherman — signed 2025-01-29"), "{out}");
    assert!(out.contains("changed: 8 words in 'A moment for American leadership', 'Holding Azerbaijan accountable'"), "{out}");
    assert!(
        out.contains("changed: 3 words in 'A moment for American leadership'\n"),
        "{out}"
    );
}

#[test]
fn one_signer_asked_for() {
    let ws = three_versions();
    let out = ok(ws.path(), &["diff", RUBIO, "sherman"]);
    assert!(out.contains("sherman — signed 2025-01-29"), "{out}");
    assert!(
        out.contains("Baku [-still holds-]{+continues to hold+} Armenian"),
        "{out}"
    );
    assert!(!out.contains("pallone"), "{out}");
}

#[test]
fn colored_redline_golden() {
    let ws = three_versions();
    let d = ws.path();
    let workspace = signon::load::Workspace::discover(Some(d), d).unwrap();
    let checked = signon::validate::workspace(&workspace, &[]).unwrap();
    let letter = checked.letters.iter().find(|l| l.id == RUBIO).unwrap();
    let fp = signon::ledger::fingerprint(letter);
    let states = signon::ledger::states(letter, &checked.ledger, &fp);
    let path = d.join("letters").join(format!("{RUBIO}.toml"));
    let report = signon::diff::report::report(d, &path, letter, &checked.ledger, &states, &[]);
    let colored = signon::diff::text::render(&report, true);
    golden("diff-example/expected/colored.txt", &colored, Some(d));
    // Struck-through red for removed words, underlined green for added,
    // a space between them so that they read as two phrases.
    assert!(
        colored.contains(
            "Baku \x1b[9m\x1b[31mstill holds\x1b[0m \x1b[4m\x1b[32mcontinues to hold\x1b[0m Armenian"
        ),
        "{colored:?}"
    );
}

#[test]
fn html_redline_golden() {
    let ws = three_versions();
    let out = signon(ws.path(), &["diff", RUBIO, "--html", "redline.html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "wrote redline.html\n");
    let page = fs::read_to_string(ws.path().join("redline.html")).unwrap();
    golden("diff-example/expected/redline.html", &page, Some(ws.path()));
}

#[test]
fn nothing_stale_says_so() {
    let ws = example();
    ok(ws.path(), &["sign", RUBIO, "pallone"]);
    let out = ok(ws.path(), &["diff", RUBIO]);
    assert!(
        out.contains("no stale signatures on `2025-02-06-rubio`"),
        "{out}"
    );
}

#[test]
fn an_unknown_signer_is_an_error_with_a_suggestion() {
    let ws = example();
    let out = signon(ws.path(), &["diff", RUBIO, "shermann"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("did you mean `sherman`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn without_a_kept_text_or_git_it_says_so() {
    let ws = example();
    let d = ws.path();
    sign(
        d,
        "chu",
        "signed",
        "2025-01-28T09:30:00-05:00",
        Some(&fingerprint(d)),
    );
    edit(d, "we congratulate you", "we warmly congratulate you");
    let out = ok(d, &["diff", RUBIO]);
    assert!(
        out.contains("no redline: the approved text was not kept"),
        "{out}"
    );
    assert!(out.contains("not a git repository"), "{out}");
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git is installed");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn git_history_gives_the_version_a_hand_written_signature_approved() {
    let ws = example();
    let d = ws.path();
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "first draft"]);
    // Recorded by hand with the fingerprint, so no text was kept.
    sign(
        d,
        "chu",
        "signed",
        "2025-01-28T09:30:00-05:00",
        Some(&fingerprint(d)),
    );
    edit(d, "we congratulate you", "we warmly congratulate you");
    git(d, &["commit", "-qam", "warmer"]);
    edit(d, "Baku still holds", "Baku continues to hold");
    git(d, &["commit", "-qam", "firmer"]);
    assert!(approved_files(d).is_empty());
    let out = ok(d, &["diff", RUBIO, "chu"]);
    assert!(
        out.contains("the approved text was not kept; found in git, commit "),
        "{out}"
    );
    assert!(out.contains("we {+warmly +}congratulate"), "{out}");
    assert!(
        out.contains("[-still holds-]{+continues to hold+}"),
        "{out}"
    );
    assert!(
        out.contains("changed: 4 words in 'A moment for American leadership'"),
        "{out}"
    );
}

#[test]
fn an_edited_kept_text_is_an_error_at_that_file() {
    let ws = example();
    let d = ws.path();
    ok(d, &["sign", RUBIO, "pallone"]);
    let name = approved_files(d).remove(0);
    let path = d.join("approved").join(&name);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("congratulate", "salute")).unwrap();
    let out = signon(d, &["check"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let first = stderr(&out).lines().next().unwrap_or_default().to_string();
    assert_eq!(
        first,
        format!(
            "approved/{name}:1:1: error: `approved/{name}` no longer matches its fingerprint: an approved text must not be edited"
        )
    );
}

#[test]
fn check_warns_at_the_letter_line_once() {
    let ws = three_versions();
    // A signature on the current text is not counted.
    ok(ws.path(), &["sign", RUBIO, "bilirakis"]);
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(
        warnings,
        [
            "letters/2025-02-06-rubio.toml:5:1: warning: 3 signatures are on an earlier text — `signon diff 2025-02-06-rubio`"
        ]
    );
}

#[test]
fn status_explains_stale_signatures_golden() {
    let ws = three_versions();
    let out = ok(ws.path(), &["status", RUBIO]);
    golden("diff-example/expected/status.txt", &out, Some(ws.path()));
}

#[test]
fn status_says_when_the_text_was_not_kept() {
    let ws = example();
    let d = ws.path();
    sign(d, "chu", "signed", "2025-01-28T09:30:00-05:00", Some(OLD));
    let out = ok(d, &["status", RUBIO]);
    assert!(out.contains("  - Judy Chu: text not kept\n"), "{out}");
}

/// A signature cancelled by `undo` is not the one a redline starts from:
/// pallone signed the first text, signed again later, and that second
/// signature was voided, so pallone stands on the first text again.
#[test]
fn a_voided_signature_is_not_the_redlines_basis() {
    let ws = three_versions();
    let d = ws.path();
    ok(d, &["sign", RUBIO, "pallone", "--at", "2025-01-30"]);
    edit(d, "Baku continues to hold", "Baku still holds");
    ok(d, &["undo", RUBIO, "pallone"]);
    let out = ok(d, &["diff", RUBIO, "pallone"]);
    assert!(out.contains("pallone — signed 2025-01-28"), "{out}");
    let chu = ok(d, &["diff", RUBIO, "chu"]);
    assert_eq!(
        out,
        chu.replace("chu — ", "pallone — "),
        "the first text's redline"
    );
    let status = ok(d, &["status", RUBIO]);
    let pallone = "Frank Pallone, Jr.: 5 words in 'A moment for American leadership', 'Holding Azerbaijan accountable'";
    let chu =
        "Judy Chu: 5 words in 'A moment for American leadership', 'Holding Azerbaijan accountable'";
    assert!(status.contains(pallone) && status.contains(chu), "{status}");
}

/// The example workspace with `approved` a link to a folder outside it.
#[cfg(unix)]
fn approved_linked_out() -> (tempfile::TempDir, tempfile::TempDir) {
    let ws = example();
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), ws.path().join("approved")).unwrap();
    (ws, elsewhere)
}

#[cfg(unix)]
#[test]
fn sign_refuses_an_approved_folder_linked_out_of_the_workspace() {
    let (ws, elsewhere) = approved_linked_out();
    let ledger = fs::read(ws.path().join("signers.toml")).unwrap();
    let out = signon(ws.path(), &["sign", RUBIO, "pallone"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is a symbolic link"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(ws.path().join("signers.toml")).unwrap(), ledger);
    assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

#[cfg(unix)]
#[test]
fn check_reports_an_approved_folder_linked_out_of_the_workspace() {
    let (ws, _elsewhere) = approved_linked_out();
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`approved` is a symbolic link"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn html_redline_heads_each_group_with_the_signers_names() {
    let ws = three_versions();
    let out = signon(ws.path(), &["diff", RUBIO, "--html", "-"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.contains("<h2>Brad Sherman</h2>"), "{page}");
    assert!(
        page.contains("<h2>Frank Pallone, Jr.; Judy Chu</h2>"),
        "{page}"
    );
}

#[test]
fn terminal_redline_heads_each_group_with_the_ids_to_type() {
    let ws = three_versions();
    let out = ok(ws.path(), &["diff", RUBIO]);
    assert!(out.contains("\nsherman — signed 2025-01-29"), "{out}");
}

//! The ledger's rules through the real binary: answers decide and
//! invitations never override them, back-dated answers count, events far in
//! the future are errors, `--at` in the future is refused, and `undo`,
//! `log` and `withdraw` keep the trail honest.

use std::fs;
use std::path::Path;

use crate::support::*;

fn ledger(ws: &Path) -> String {
    fs::read_to_string(ws.join("signers.toml")).unwrap()
}

/// Runs `signon ARGS`, expecting success.
fn ok(ws: &Path, args: &[&str]) -> std::process::Output {
    let out = signon(ws, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    out
}

/// The state `status --json` gives `id` on the example letter.
fn state(ws: &Path, id: &str) -> String {
    let out = ok(ws, &["status", RUBIO, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let signers = json["letters"][0]["signers"].as_array().unwrap();
    let s = signers.iter().find(|s| s["id"] == id).unwrap();
    s["state"].as_str().unwrap().to_string()
}

/// Runs `signon ARGS`, expecting a refusal (exit 1) that leaves the ledger
/// byte-identical; returns stderr.
fn refused(ws: &Path, args: &[&str]) -> String {
    let before = ledger(ws);
    let out = signon(ws, args);
    assert_eq!(code(&out), 1, "{args:?}: {}", stdout(&out));
    assert_eq!(ledger(ws), before, "a refused command changed the ledger");
    stderr(&out)
}

#[test]
fn invite_after_sign_keeps_the_signature_and_says_so() {
    let ws = example();
    ok(ws.path(), &["sign", RUBIO, "chu"]);
    let before = ledger(ws.path());
    let out = ok(ws.path(), &["invite", RUBIO, "chu"]);
    assert!(
        stderr(&out).contains("`chu` already answered (signed at 2025-02-01T12:00:00+00:00)"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).starts_with("nothing recorded"));
    assert_eq!(ledger(ws.path()), before, "nothing is appended");
    assert_eq!(state(ws.path(), "chu"), "signed");
}

#[test]
fn a_back_dated_sign_counts_after_a_later_invitation() {
    let ws = example();
    ok(ws.path(), &["invite", RUBIO, "padilla"]);
    ok(
        ws.path(),
        &["sign", RUBIO, "padilla", "--at", "2025-01-30 10:00"],
    );
    assert_eq!(state(ws.path(), "padilla"), "signed");
}

#[test]
fn a_back_dated_answer_behind_a_later_one_is_recorded_with_a_warning() {
    let ws = example();
    ok(ws.path(), &["decline", RUBIO, "chu"]);
    let out = ok(ws.path(), &["sign", RUBIO, "chu", "--at", "2025-01-30"]);
    assert!(
        stderr(&out).contains("warning: `chu` stays declined"),
        "{}",
        stderr(&out)
    );
    assert_eq!(state(ws.path(), "chu"), "declined");
}

#[test]
fn an_event_far_in_the_future_is_a_check_error_at_its_at() {
    let ws = example();
    sign(ws.path(), "chu", "signed", "2099-01-01T00:00:00Z", None);
    let text = ledger(ws.path());
    let line = text
        .lines()
        .position(|l| l.starts_with("at = 2099"))
        .unwrap()
        + 1;
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1);
    let want = format!(
        "signers.toml:{line}:6: error: event at `2099-01-01T00:00:00+00:00` is in the future"
    );
    assert!(stderr(&out).contains(&want), "{}", stderr(&out));
}

#[test]
fn an_event_within_a_day_is_not_a_check_error() {
    let ws = example();
    sign(ws.path(), "chu", "signed", "2025-02-02T11:00:00Z", None);
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn at_in_the_future_is_refused_and_nothing_written() {
    let ws = example();
    let err = refused(
        ws.path(),
        &["sign", RUBIO, "chu", "--at", "2025-02-01T12:05:00Z"],
    );
    assert!(
        err.contains("`--at 2025-02-01T12:05:00+00:00` is in the future"),
        "{err}"
    );
}

#[test]
fn undo_of_a_sign_restores_the_prior_state_and_log_shows_both() {
    let ws = example();
    ok(ws.path(), &["decline", RUBIO, "chu", "--at", "2025-01-30"]);
    ok(ws.path(), &["sign", RUBIO, "chu", "--by", "AH"]);
    let out = ok(
        ws.path(),
        &["undo", RUBIO, "chu", "--by", "MK", "--note", "wrong office"],
    );
    assert!(
        stdout(&out).contains("cancels `signed`"),
        "{}",
        stdout(&out)
    );
    assert_eq!(state(ws.path(), "chu"), "declined");
    assert_eq!(code(&signon(ws.path(), &["check"])), 0, "void is valid");
    let log = stdout(&ok(ws.path(), &["log", RUBIO, "chu"]));
    golden("answers/expected/log.txt", &log, None);
}

#[test]
fn log_of_a_letter_lists_every_signer_in_time_order() {
    let ws = example();
    ok(ws.path(), &["sign", RUBIO, "chu", "--by", "AH"]);
    ok(ws.path(), &["invite", RUBIO, "lieu", "--at", "2025-01-30"]);
    let log = stdout(&ok(ws.path(), &["log", RUBIO]));
    let lieu = log.find("lieu").unwrap();
    let chu = log.find("chu").unwrap();
    assert!(lieu < chu, "the earlier event comes first:\n{log}");
}

#[test]
fn undo_with_nothing_to_undo_is_refused() {
    let ws = example();
    let err = refused(ws.path(), &["undo", RUBIO, "chu"]);
    assert!(err.contains("nothing to undo: `chu`"), "{err}");
}

#[test]
fn withdraw_of_someone_who_never_signed_is_refused() {
    let ws = example();
    let err = refused(ws.path(), &["withdraw", RUBIO, "chu"]);
    assert!(
        err.contains("`chu` never signed; did you mean `decline`?"),
        "{err}"
    );
}

#[test]
fn withdraw_of_someone_who_declined_is_refused() {
    let ws = example();
    ok(ws.path(), &["decline", RUBIO, "tenney"]);
    let err = refused(ws.path(), &["withdraw", RUBIO, "tenney"]);
    assert!(
        err.contains("`tenney` declined, and has no signature to withdraw"),
        "{err}"
    );
}

#[test]
fn answers_at_the_same_time_go_by_file_order() {
    let ws = example();
    let at = "2025-01-30T10:00:00-05:00";
    ok(ws.path(), &["sign", RUBIO, "chu", "--at", at]);
    ok(ws.path(), &["decline", RUBIO, "chu", "--at", at]);
    assert_eq!(state(ws.path(), "chu"), "declined");
}

/// A build shell's `SOURCE_DATE_EPOCH` (Nix exports 1980) never dates an
/// answer: only `SIGNON_NOW` pins signon's clock.
#[test]
fn source_date_epoch_does_not_date_an_answer() {
    let ws = example();
    let out = signon_cmd(ws.path(), &["sign", RUBIO, "chu"])
        .env("SOURCE_DATE_EPOCH", "315532800")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let ledger = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    assert!(ledger.contains("at = 2025-02-01T12:00:00Z\n"), "{ledger}");
    assert!(!ledger.contains("1980-"), "{ledger}");
}

#[test]
fn a_back_dated_answer_after_an_undo_does_not_re_target_its_void() {
    let ws = example();
    ok(
        ws.path(),
        &["decline", RUBIO, "chu", "--at", "2025-01-20 10:00"],
    );
    let out = ok(ws.path(), &["undo", RUBIO, "chu"]);
    assert!(
        stdout(&out).contains("cancels `declined`"),
        "{}",
        stdout(&out)
    );
    ok(
        ws.path(),
        &["sign", RUBIO, "chu", "--at", "2025-01-25 10:00"],
    );
    assert_eq!(state(ws.path(), "chu"), "signed");
    let log = stdout(&ok(ws.path(), &["log", RUBIO, "chu"]));
    assert!(log.contains("declined, voided by line"), "{log}");
    assert!(!log.contains("signed, voided"), "{log}");
}

#[test]
fn undo_cancels_the_mistaken_back_dated_event_it_names() {
    let ws = example();
    ok(ws.path(), &["sign", RUBIO, "chu", "--at", "2025-01-29"]);
    ok(ws.path(), &["decline", RUBIO, "chu", "--at", "2025-01-01"]);
    let out = ok(ws.path(), &["undo", RUBIO, "chu"]);
    assert!(
        stdout(&out).contains("cancels `declined` of 2025-01-01"),
        "{}",
        stdout(&out)
    );
    assert_eq!(state(ws.path(), "chu"), "signed");
}

#[test]
fn undo_of_a_far_future_event_cancels_it_not_the_real_signature() {
    let ws = example();
    ok(ws.path(), &["sign", RUBIO, "chu"]);
    let path = ws.path().join("signers.toml");
    let hand = format!(
        "{}\n[[signoff]]\nletter = \"{RUBIO}\"\nsigner = \"chu\"\nstatus = \"declined\"\nat = 2099-01-01T00:00:00Z\n",
        ledger(ws.path())
    );
    fs::write(&path, hand).unwrap();
    let out = ok(ws.path(), &["undo", RUBIO, "chu"]);
    assert!(
        stdout(&out).contains("cancels `declined` of 2099-01-01"),
        "{}",
        stdout(&out)
    );
    assert_eq!(state(ws.path(), "chu"), "signed");
}

#[test]
fn withdraw_at_a_time_before_the_signature_is_refused() {
    let ws = example();
    ok(ws.path(), &["sign", RUBIO, "chu", "--at", "2025-01-29"]);
    let err = refused(ws.path(), &["withdraw", RUBIO, "chu", "--at", "2025-01-01"]);
    assert!(
        err.contains("`chu` had not signed as of 2025-01-01T00:00:00+00:00"),
        "{err}"
    );
}

#[test]
fn withdraw_at_a_time_after_the_signature_is_recorded() {
    let ws = example();
    ok(ws.path(), &["sign", RUBIO, "chu", "--at", "2025-01-29"]);
    ok(ws.path(), &["withdraw", RUBIO, "chu", "--at", "2025-01-30"]);
    assert_eq!(state(ws.path(), "chu"), "withdrawn");
}

#[test]
fn status_warns_of_an_event_far_in_the_future() {
    let ws = example();
    let hand = format!(
        "{}\n[[signoff]]\nletter = \"{RUBIO}\"\nsigner = \"chu\"\nstatus = \"declined\"\nat = 2099-01-01T00:00:00Z\n",
        ledger(ws.path())
    );
    fs::write(ws.path().join("signers.toml"), &hand).unwrap();
    let line = hand.lines().count() - 4;
    let out = ok(ws.path(), &["status", RUBIO]);
    let want = format!(
        "signers.toml:{line}:1: warning: event at `2099-01-01T00:00:00+00:00` is in the future\n"
    );
    assert!(stderr(&out).contains(&want), "{}", stderr(&out));
}

#[test]
fn a_naive_at_takes_the_zone_offset_of_its_own_date() {
    let ws = example();
    let mut cmd = signon_cmd(
        ws.path(),
        &["sign", RUBIO, "chu", "--at", "2024-07-01 10:00"],
    );
    let out = cmd.env("TZ", "America/New_York").output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        ledger(ws.path()).contains("at = 2024-07-01T10:00:00-04:00"),
        "{}",
        ledger(ws.path())
    );
}

#[test]
fn a_naive_at_a_clock_change_skips_is_refused() {
    let ws = example();
    let before = ledger(ws.path());
    let mut cmd = signon_cmd(
        ws.path(),
        &["sign", RUBIO, "chu", "--at", "2024-03-10 02:30"],
    );
    let out = cmd.env("TZ", "America/New_York").output().unwrap();
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
    assert_eq!(ledger(ws.path()), before);
}

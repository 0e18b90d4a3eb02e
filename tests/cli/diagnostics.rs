//! The golden diagnostics of every kind of bad input, one test per case:
//! each `tests/fixtures/check-*` is a workspace whose `expected/` holds the
//! exact stderr, stdout and exit code of `signon check`. A failing case is
//! named by its test and shows a line diff of what changed.

use std::fs;

use crate::support::*;

/// Runs `signon check` on a copy of fixture `case` and compares the three
/// goldens; an exit code of 1 goes with at least one error and 0 with none.
fn check_case(case: &str) {
    let ws = workspace(case);
    let out = signon(ws.path(), &["check"]);
    let code = code(&out);
    let root = Some(ws.path());
    golden(&format!("{case}/expected/stderr.txt"), &stderr(&out), root);
    golden(&format!("{case}/expected/stdout.txt"), &stdout(&out), root);
    golden(
        &format!("{case}/expected/exit-code"),
        &format!("{code}\n"),
        None,
    );
    let errors = stderr(&out)
        .lines()
        .filter(|l| l.contains(": error: "))
        .count();
    assert_eq!(
        code == 1,
        errors > 0,
        "exit code {code} with {errors} errors"
    );
}

/// One `#[test]` per fixture, and the list of them all.
macro_rules! cases {
    ($($test:ident: $case:literal,)*) => {
        /// Every `check-*` fixture that has a test here.
        const CASES: &[&str] = &[$($case),*];
        $(
            #[test]
            fn $test() {
                check_case($case);
            }
        )*
    };
}

cases! {
    clean: "check-clean",
    control_char: "check-control-char",
    date_with_time: "check-date-with-time",
    deadline_after_date: "check-deadline-after-date",
    duplicate_bioguide: "check-duplicate-bioguide",
    duplicate_id: "check-duplicate-id",
    empty_address: "check-empty-address",
    impossible_date: "check-impossible-date",
    lead_and_invited: "check-lead-and-invited",
    ledger_missing_key: "check-ledger-missing-key",
    ledger_torn: "check-ledger-torn",
    ledger_unknown: "check-ledger-unknown",
    letterhead_and_order: "check-letterhead-and-order",
    many_files: "check-many-files",
    merge_conflict: "check-merge-conflict",
    missing_field: "check-missing-field",
    missing_table: "check-missing-table",
    not_utf8: "check-not-utf8",
    placeholder: "check-placeholder",
    toml_syntax: "check-toml-syntax",
    unclosed_markup: "check-unclosed-markup",
    uncovered_char: "check-uncovered-char",
    unknown_chamber: "check-unknown-chamber",
    unknown_key: "check-unknown-key",
    unknown_lead_table: "check-unknown-lead-table",
    unknown_signer: "check-unknown-signer",
    unknown_table: "check-unknown-table",
    wrong_type: "check-wrong-type",
}

/// A new `check-*` fixture without a line in `cases!` would never run.
#[test]
fn every_check_fixture_has_a_test() {
    let mut on_disk: Vec<String> = fs::read_dir(repo().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("check-"))
        .collect();
    on_disk.sort();
    let listed: Vec<String> = CASES.iter().map(|c| c.to_string()).collect();
    assert_eq!(on_disk, listed, "add each fixture to `cases!`, in order");
}

//! `signon sign LETTER --from FILE.csv`: a spreadsheet of responses, every
//! column style and name form resolved to the roster, all rows or none.

use std::fs;
use std::path::Path;

use tempfile::TempDir;

use crate::support::*;

/// The example workspace (ledger emptied) with a second Garcia whose office
/// is known by its e-mail, and the intake fixtures' CSV files.
fn intake_ws() -> TempDir {
    let ws = example();
    let dir = fixture("intake");
    let extra = fs::read_to_string(dir.join("roster-extra.toml")).unwrap();
    let path = ws.path().join("signers.toml");
    let mut roster = fs::read_to_string(&path).unwrap();
    roster.push_str(&extra);
    fs::write(&path, roster).unwrap();
    for csv in ["responses.csv", "bad.csv", "google-forms.csv"] {
        fs::copy(dir.join(csv), ws.path().join(csv)).unwrap();
    }
    ws
}

fn ledger(ws: &Path) -> String {
    fs::read_to_string(ws.join("signers.toml")).unwrap()
}

fn run_ok(ws: &Path, args: &[&str]) -> std::process::Output {
    let out = signon(ws, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    out
}

/// The events appended since `before`, as TOML text.
fn appended(ws: &Path, before: &str) -> String {
    ledger(ws)[before.len()..].to_string()
}

#[test]
fn every_column_style_and_name_form_is_recorded() {
    let ws = intake_ws();
    let before = ledger(ws.path());
    let out = run_ok(ws.path(), &["sign", RUBIO, "--from", "responses.csv"]);
    golden("intake/expected/recorded.txt", &stdout(&out), None);
    let text = appended(ws.path(), &before);
    let text = text.replace(&fingerprint(ws.path()), "[CURRENT]");
    golden("intake/expected/appended.toml", &text, None);
    run_ok(ws.path(), &["check"]);
}

#[test]
fn declines_are_recorded_as_declines() {
    let ws = intake_ws();
    run_ok(ws.path(), &["sign", RUBIO, "--from", "responses.csv"]);
    let out = run_ok(ws.path(), &["status", RUBIO, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let signers = json["letters"][0]["signers"].as_array().unwrap();
    let state = |id: &str| {
        let s = signers.iter().find(|s| s["id"] == id).unwrap();
        s["state"].as_str().unwrap().to_string()
    };
    assert_eq!(state("tenney"), "declined");
    assert_eq!(state("garcia-tx"), "declined");
    assert_eq!(state("garcia-il"), "signed");
}

#[test]
fn an_ambiguous_or_unknown_row_records_nothing() {
    let ws = intake_ws();
    let before = fs::read(ws.path().join("signers.toml")).unwrap();
    let out = signon(ws.path(), &["sign", RUBIO, "--from", "bad.csv"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert_eq!(stdout(&out), "");
    golden("intake/expected/bad.stderr", &stderr(&out), None);
    let after = fs::read(ws.path().join("signers.toml")).unwrap();
    assert_eq!(after, before, "signers.toml must be byte-identical");
}

#[test]
fn dry_run_prints_the_plan_and_writes_nothing() {
    let ws = intake_ws();
    let before = fs::read(ws.path().join("signers.toml")).unwrap();
    let args = ["sign", RUBIO, "--from", "responses.csv", "--dry-run"];
    let out = run_ok(ws.path(), &args);
    golden("intake/expected/dry-run.txt", &stdout(&out), None);
    let after = fs::read(ws.path().join("signers.toml")).unwrap();
    assert_eq!(after, before, "a dry run writes nothing");
}

#[test]
fn the_same_file_twice_records_nothing_new() {
    let ws = intake_ws();
    run_ok(ws.path(), &["sign", RUBIO, "--from", "responses.csv"]);
    let before = ledger(ws.path());
    let out = run_ok(ws.path(), &["sign", RUBIO, "--from", "responses.csv"]);
    assert_eq!(ledger(ws.path()), before, "nothing appended");
    let said = stdout(&out);
    assert!(
        said.ends_with("nothing recorded; 10 rows were already recorded\n"),
        "{said}"
    );
    assert!(
        said.contains("responses.csv:2: `sherman` (Brad Sherman, D-CA-32): already recorded"),
        "{said}"
    );
}

#[test]
fn a_naive_timestamp_is_read_in_tz() {
    let ws = intake_ws();
    let args = ["sign", RUBIO, "--from", "google-forms.csv"];
    run_ok(
        ws.path(),
        &[&args[..], &["--tz", "America/New_York"]].concat(),
    );
    let text = ledger(ws.path());
    assert!(
        text.contains(
            "signer = \"sherman\"\nstatus = \"signed\"\nat = 2025-01-30T14:05:33-05:00\n"
        ),
        "{text}"
    );
}

#[test]
fn without_tz_a_naive_timestamp_is_read_in_the_machines_zone() {
    let ws = intake_ws();
    let mut cmd = signon_cmd(ws.path(), &["sign", RUBIO, "--from", "google-forms.csv"]);
    let out = cmd.env("TZ", "Europe/Berlin").output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = ledger(ws.path());
    assert!(text.contains("at = 2025-01-30T14:05:33+01:00\n"), "{text}");
}

#[test]
fn a_google_forms_export_is_read_by_its_headers() {
    let ws = intake_ws();
    let out = run_ok(
        ws.path(),
        &["sign", RUBIO, "--from", "google-forms.csv", "--dry-run"],
    );
    assert_eq!(
        stdout(&out),
        "google-forms.csv:2: `sherman` (Brad Sherman, D-CA-32): signed at 2025-01-30T14:05:33+00:00\n\
         google-forms.csv:3: `garcia-tx` (Sylvia R. Garcia, D-TX-29): declined at 2025-01-30T15:12:09+00:00\n\
         dry run: would record 2 events on `2025-02-06-rubio`; nothing written\n"
    );
}

#[test]
fn a_row_in_the_future_is_refused() {
    let ws = intake_ws();
    fs::write(
        ws.path().join("late.csv"),
        "name,date\nJudy Chu,2025-02-01 12:02\n",
    )
    .unwrap();
    let out = signon(ws.path(), &["sign", RUBIO, "--from", "late.csv"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out)
            .starts_with("late.csv:2:10: error: `2025-02-01T12:02:00+00:00` is in the future"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn from_with_signer_ids_is_a_usage_error() {
    let ws = intake_ws();
    let out = signon(
        ws.path(),
        &["sign", RUBIO, "chu", "--from", "responses.csv"],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let out = signon(ws.path(), &["decline", RUBIO, "--from", "responses.csv"]);
    assert_eq!(code(&out), 2, "`--from` is sign's alone");
}

#[test]
fn help_shows_the_bulk_example() {
    let out = run_ok(Path::new("."), &["sign", "--help"]);
    assert!(
        stdout(&out).contains("signon sign 2025-04-02-section-907 --from responses.csv --dry-run")
    );
}

#[test]
fn a_name_or_bioguide_typed_for_an_id_gets_a_did_you_mean() {
    let ws = intake_ws();
    let out = signon(ws.path(), &["sign", RUBIO, "Rep. Brad Sherman", "T000478"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: no signer `Rep. Brad Sherman` in `signers.toml`\n  \
         = help: did you mean `sherman` (Brad Sherman, D-CA-32)?\n\
         error: no signer `T000478` in `signers.toml`\n  \
         = help: did you mean `tenney` (Claudia Tenney, R-NY-24)?\n\
         found 2 errors\n"
    );
}

/// Writes `text` as `name` in the workspace.
fn sheet(ws: &Path, name: &str, text: &str) {
    fs::write(ws.join(name), text).unwrap();
}

#[test]
fn dry_run_without_from_is_a_usage_error_and_records_nothing() {
    let ws = intake_ws();
    let before = ledger(ws.path());
    let out = signon(ws.path(), &["sign", RUBIO, "costa", "--dry-run"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(
        ledger(ws.path()),
        before,
        "a refused dry run writes nothing"
    );
}

#[test]
fn tz_without_from_is_a_usage_error_and_records_nothing() {
    let ws = intake_ws();
    let before = ledger(ws.path());
    let args = ["sign", RUBIO, "costa", "--tz", "America/New_York"];
    let out = signon(ws.path(), &args);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(ledger(ws.path()), before);
}

#[test]
fn dry_run_alone_asks_for_from_only() {
    let ws = intake_ws();
    let out = signon(ws.path(), &["sign", RUBIO, "--dry-run"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("required arguments were not provided:\n  --from <FILE.csv>\n\n"),
        "{err}"
    );
}

#[test]
fn crlf_line_ends_point_at_the_right_row() {
    let ws = intake_ws();
    let text = "name,response\r\nJudy Chu,yes\r\nNobody Here,yes\r\n";
    sheet(ws.path(), "crlf.csv", text);
    let out = signon(ws.path(), &["sign", RUBIO, "--from", "crlf.csv"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with(
            "crlf.csv:3:1: error: no roster entry for `Nobody Here`\n  |\n3 | Nobody Here,yes\n  | ^^^^^^^^^^^\n"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn crlf_rows_are_numbered_by_their_own_line_in_the_plan() {
    let ws = intake_ws();
    let text = "name,response\r\nJudy Chu,yes\r\n\r\nBrad Sherman,no\r\n";
    sheet(ws.path(), "crlf.csv", text);
    let out = run_ok(
        ws.path(),
        &["sign", RUBIO, "--from", "crlf.csv", "--dry-run"],
    );
    let said = stdout(&out);
    assert!(said.starts_with("crlf.csv:2: `chu` "), "{said}");
    assert!(said.contains("\ncrlf.csv:4: `sherman` "), "{said}");
}

#[test]
fn a_row_with_more_cells_than_the_header_is_refused() {
    let ws = intake_ws();
    let before = ledger(ws.path());
    sheet(ws.path(), "extra.csv", "name,response\nChu,Yes,extra\n");
    let out = signon(ws.path(), &["sign", RUBIO, "--from", "extra.csv"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with(
            "extra.csv:2:1: error: this row has 3 cells but the header has 2\n  |\n2 | Chu,Yes,extra\n"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(ledger(ws.path()), before);
}

#[test]
fn a_semicolon_separated_file_is_named_as_such() {
    let ws = intake_ws();
    sheet(ws.path(), "semi.csv", "Name;Response\nJudy Chu;yes\n");
    let out = signon(ws.path(), &["sign", RUBIO, "--from", "semi.csv"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with(
            "semi.csv:1:1: error: this file looks semicolon-separated; export it as comma-separated CSV\n"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_google_forms_download_time_with_its_zone_is_read() {
    let ws = intake_ws();
    let text = "Timestamp,Member name\n2025/01/30 9:14:02 AM EST,Judy Chu\n";
    sheet(ws.path(), "download.csv", text);
    let args = [
        "sign",
        RUBIO,
        "--from",
        "download.csv",
        "--tz",
        "Europe/Berlin",
    ];
    run_ok(ws.path(), &args);
    let text = ledger(ws.path());
    assert!(
        text.contains("signer = \"chu\"\nstatus = \"signed\"\nat = 2025-01-30T09:14:02-05:00\n"),
        "{text}"
    );
}

#[test]
fn a_member_column_outranks_the_respondents_name() {
    let ws = intake_ws();
    let text = "Name,Member office,Response\nJudy Chu,Rep. Brad Sherman,Yes\n";
    sheet(ws.path(), "forms.csv", text);
    let out = run_ok(
        ws.path(),
        &["sign", RUBIO, "--from", "forms.csv", "--dry-run"],
    );
    let said = stdout(&out);
    assert!(said.starts_with("forms.csv:2: `sherman` "), "{said}");
}

#[test]
fn two_equally_specific_member_columns_are_refused() {
    let ws = intake_ws();
    sheet(
        ws.path(),
        "two.csv",
        "Member,Office\nBrad Sherman,Judy Chu\n",
    );
    let out = signon(ws.path(), &["sign", RUBIO, "--from", "two.csv"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out)
            .starts_with("two.csv:1:1: error: columns `Member` and `Office` both give the name\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_id_that_fits_no_one_disagrees_with_the_name() {
    let ws = intake_ws();
    let before = ledger(ws.path());
    sheet(ws.path(), "dis.csv", "id,name\nchu-x,Judy Chu\n");
    let out = signon(ws.path(), &["sign", RUBIO, "--from", "dis.csv"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with(
            "dis.csv:2:1: error: the id `chu-x` fits no roster entry, but the row names `chu` (Judy Chu, D-CA-28)\n"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(ledger(ws.path()), before);
}

#[test]
fn a_microsoft_forms_response_number_id_is_ignored_with_a_notice() {
    let ws = intake_ws();
    let text = "ID,Completion time,Name,Member,Response\n\
                1,1/30/2025 9:05,Jane Staffer,Rep. Brad Sherman,Yes\n\
                2,1/30/2025 9:06,Joe Staffer,Judy Chu,No\n";
    sheet(ws.path(), "ms.csv", text);
    let args = [
        "sign",
        RUBIO,
        "--from",
        "ms.csv",
        "--dry-run",
        "--tz",
        "UTC",
    ];
    let out = run_ok(ws.path(), &args);
    assert_eq!(
        stderr(&out),
        "note: column `ID` holds response numbers, not roster ids: ignored\n"
    );
    let said = stdout(&out);
    assert!(said.starts_with("ms.csv:2: `sherman` "), "{said}");
    assert!(said.contains("\nms.csv:3: `chu` "), "{said}");
}

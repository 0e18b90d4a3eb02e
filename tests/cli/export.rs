//! `signon export` through the real binary: the signer list as CSV, JSON
//! and text, golden files (`tests/fixtures/export-example/expected/`), and
//! the CSV and JSON parsed back to show names with commas and quotes
//! survive exactly.

use std::fs;

use crate::press::{example_for_press, run_ok};
use crate::support::*;

/// Those who signed the current text in `example_for_press`, in print order.
const SIGNED: [&str; 7] = [
    "pallone",
    "bilirakis",
    "sherman",
    "garcia-il",
    "padilla",
    "schiff",
    "velazquez",
];

#[test]
fn each_format_matches_golden_and_warns_that_the_letter_is_not_final() {
    let ws = example_for_press();
    // Contacts for one signer: the staffer and e-mail columns filled once.
    let fields = [("staffer", "José Núñez"), ("email", "jose@pallone.example")];
    crate::remind::contact(ws.path(), "pallone", &fields);
    for format in ["csv", "json", "txt"] {
        let out = signon(ws.path(), &["export", RUBIO, "--format", format]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        golden(
            &format!("export-example/expected/signers.{format}"),
            &stdout(&out),
            None,
        );
        golden("export-example/expected/stderr.txt", &stderr(&out), None);
    }
}

#[test]
fn csv_parses_back_with_names_intact() {
    let ws = example_for_press();
    let text = run_ok(
        ws.path(),
        &["export", RUBIO, "--format", "csv", "--output", "s.csv"],
    );
    assert_eq!(text, "wrote s.csv\n");
    let bytes = fs::read(ws.path().join("s.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let expected = "id name chamber party state district standing signed_at lead staffer email";
    assert_eq!(header.join(" "), expected);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(ids, SIGNED);
    assert_eq!(&rows[0][1], "Frank Pallone, Jr.");
    assert_eq!(&rows[3][1], "Jesús G. \"Chuy\" García");
    assert_eq!(&rows[0][8], "true");
    assert_eq!(&rows[3][8], "false");
    assert_eq!(&rows[4][2], "senate");
    assert_eq!(&rows[4][5], "", "a Senator has no district");
    assert!(rows.iter().all(|r| &r[6] == "signed"));
    assert_eq!(&rows[0][7], "2025-02-03T09:00:00-05:00");
}

#[test]
fn json_parses_back_with_names_intact() {
    let ws = example_for_press();
    let text = run_ok(ws.path(), &["export", RUBIO, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["letter"], RUBIO);
    assert_eq!(doc["draft"], true);
    let signers = doc["signers"].as_array().unwrap();
    let ids: Vec<&str> = signers.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, SIGNED);
    assert_eq!(signers[0]["name"], "Frank Pallone, Jr.");
    assert_eq!(signers[3]["name"], "Jesús G. \"Chuy\" García");
    assert_eq!(signers[0]["lead"], true);
    assert_eq!(signers[0]["district"], 6);
    assert!(signers[4]["district"].is_null());
    assert_eq!(signers[4]["signed_at"], "2025-02-03T15:00:00-05:00");
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let ws = example();
    let out = signon(ws.path(), &["export", RUBIO, "--format", "xlsx"]);
    assert_eq!(code(&out), 2);
}

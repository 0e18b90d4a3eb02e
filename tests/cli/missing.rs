//! Who to chase, through the real binary: `status --missing` (table golden,
//! JSON with the contact fields, every letter without LETTER) and the
//! staffer and e-mail columns of `export`.

use std::path::Path;

use crate::remind::{chasing, contact};
use crate::support::*;

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = signon(dir, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn status_missing_lists_only_the_offices_to_chase_with_contacts() {
    let ws = chasing();
    let out = ok(ws.path(), &["status", RUBIO, "--missing"]);
    golden("remind/expected/missing.txt", &out, Some(ws.path()));
}

#[test]
fn status_missing_json_carries_the_contact_fields() {
    let ws = chasing();
    let out = ok(ws.path(), &["status", RUBIO, "--missing", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let signers = doc["letters"][0]["signers"].as_array().unwrap();
    let id = |i: &str| signers.iter().find(|s| s["id"] == i);
    assert!(id("bilirakis").is_none(), "signed: not to chase");
    let states: Vec<&str> = signers
        .iter()
        .map(|s| s["state"].as_str().unwrap())
        .collect();
    assert!(
        states.iter().all(|s| *s == "no_answer" || *s == "stale"),
        "{states:?}"
    );
    let sherman = id("sherman").unwrap();
    assert_eq!(sherman["staffer"], "A. Aide");
    assert_eq!(sherman["email"], "aide@sherman.example");
    assert_eq!(sherman["office"], "2365 Rayburn House Office Building");
    assert_eq!(id("pallone").unwrap()["state"], "stale");
    assert!(id("velazquez").unwrap()["staffer"].is_null());
    assert_eq!(
        doc["letters"][0]["totals"]["signed"], 1,
        "totals stay the letter's"
    );
}

#[test]
fn status_json_without_missing_has_no_contact_fields() {
    let ws = chasing();
    let out = ok(ws.path(), &["status", RUBIO, "--json"]);
    assert!(!out.contains("\"staffer\""), "{out}");
}

#[test]
fn status_missing_without_a_letter_shows_every_letter() {
    let ws = chasing();
    let out = ok(ws.path(), &["status", "--missing"]);
    assert!(out.contains("2025-02-06-rubio: "), "{out}");
    assert!(out.contains("2025-03-14-appropriations: "), "{out}");
    assert!(out.contains("aide@sherman.example"), "{out}");
}

#[test]
fn export_csv_has_staffer_and_email_columns() {
    let ws = chasing();
    let out = ok(ws.path(), &["export", RUBIO, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[9..], ["staffer", "email"]);
    contact(
        ws.path(),
        "bilirakis",
        &[("staffer", "=cmd()"), ("email", "b@x.example")],
    );
    let out = ok(ws.path(), &["export", RUBIO, "--format", "csv"]);
    assert!(out.contains(",'=cmd(),b@x.example\n"), "{out}");
}

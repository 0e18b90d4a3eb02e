//! One name order everywhere (issue #18): `status` and the letter put two
//! signers who share a surname in the same order, by given name, whatever
//! their ids.

use std::fs;

use crate::support::*;

/// Two Johnsons whose ids sort the other way round from their given names.
const JOHNSONS: &str = r#"
[signers.johnson-aa]
name = "Zed Johnson"
chamber = "house"
party = "D"
state = "GA"
district = 4

[signers.johnson-zz]
name = "Amy Johnson"
chamber = "house"
party = "R"
state = "LA"
district = 4
"#;

/// Where "Amy Johnson" and "Zed Johnson" first appear in `text`.
fn places(text: &str) -> (usize, usize) {
    let at = |name| {
        text.find(name)
            .unwrap_or_else(|| panic!("{name} in:\n{text}"))
    };
    (at("Amy Johnson"), at("Zed Johnson"))
}

#[test]
fn two_johnsons_come_out_in_the_same_order_in_status_and_the_letter() {
    let ws = example();
    let path = ws.path().join("signers.toml");
    let roster = fs::read_to_string(&path).unwrap() + JOHNSONS;
    fs::write(&path, roster).unwrap();
    ok(ws.path(), &["sign", RUBIO, "johnson-aa", "johnson-zz"]);
    let (amy, zed) = places(&ok(ws.path(), &["status", RUBIO]));
    assert!(amy < zed, "status lists Zed Johnson before Amy Johnson");
    let (amy, zed) = places(&ok(ws.path(), &["render", RUBIO, "--text", "-"]));
    assert!(
        amy < zed,
        "the letter prints Zed Johnson before Amy Johnson"
    );
}

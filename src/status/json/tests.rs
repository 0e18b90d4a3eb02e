//! The report as [`super::emit`] writes it in halves, against serde_json's
//! own pretty printer writing the whole report at once.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::{Letter, VERSION, letter, signer};
use crate::model::Standing;
use crate::status::{LetterStatus, Row, Totals};

/// The report as one serde value, the shape `emit` writes piece by piece.
#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    now: String,
    today: String,
    letters: Vec<Letter<'a>>,
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-02T05:26:13Z").unwrap()
}

fn status(n: usize) -> LetterStatus {
    let row = |id: &str, standing| Row {
        id: id.to_string(),
        name: format!("Member \"{id}\""),
        seat: "D-CA-32".to_string(),
        lead: id == "a",
        standing,
        at: Some(now()),
        by: Some("AH".to_string()),
        note: None,
        changed: None,
        stale_text: None,
    };
    LetterStatus {
        id: format!("letter-{n}"),
        title: format!("Letter number {n}"),
        deadline: None,
        days_left: None,
        fingerprint: "sha256:00".to_string(),
        rows: vec![
            row("a", Standing::Signed { verified: true }),
            row("b", Standing::NoAnswer),
        ],
        totals: Totals::default(),
        gate: Ok(()),
    }
}

fn both(letters: usize) -> (String, String) {
    let all: Vec<LetterStatus> = (0..letters).map(status).collect();
    let mut ours = Vec::new();
    super::write(&all, now(), &mut ours).unwrap();
    let report = Report {
        version: VERSION,
        now: "2026-12-02T05:26:13Z".to_string(),
        today: "2026-12-02".to_string(),
        letters: all
            .iter()
            .map(|s| letter(s, s.rows.iter().map(signer).collect()))
            .collect(),
    };
    let whole = serde_json::to_string_pretty(&report).unwrap() + "\n";
    (String::from_utf8(ours).unwrap(), whole)
}

#[test]
fn no_letters_is_an_empty_list() {
    let (ours, whole) = both(0);
    assert_eq!(ours, whole);
}

#[test]
fn one_letter_is_the_second_half_alone() {
    let (ours, whole) = both(1);
    assert_eq!(ours, whole);
}

#[test]
fn a_season_written_in_halves_on_two_threads_reads_as_one() {
    let (ours, whole) = both(crate::validate::MANY_LETTERS + 1);
    assert_eq!(ours, whole);
}

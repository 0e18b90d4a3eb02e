use chrono::DateTime;

use super::*;
use crate::validate::letter_from_str;

const LETTER: &str = r#"
[letter]
title = "T"
date = 2025-02-06
salutation = "Dear Secretary Rubio:"

[[recipient]]
name = "The Honorable Marco Rubio"
address = ["2201 C Street, NW", "Washington, DC 20520"]

[[section]]
heading = "Accountability"
body = """
The United States must hold *Azerbaijan* accountable
for its war crimes.

Second paragraph.
"""
asks = ["Enforce Section 907.", "Apply sanctions."]

[signatories]
leads = ["pallone", { id = "sherman", role = "Co-Chair" }]
invited = ["chu"]
"#;

fn fp(text: &str) -> String {
    let (letter, diags) = letter_from_str("x", text, None);
    assert!(diags.is_empty(), "{diags:?}");
    fingerprint(&letter.unwrap())
}

#[test]
fn fingerprint_ignores_wrapping_and_indentation() {
    let base = fp(LETTER);
    assert!(base.starts_with("sha256:") && base.len() == 71);
    let rewrapped = LETTER.replace("accountable\nfor its", "accountable for\n      its");
    assert_eq!(fp(&rewrapped), base);
    let reindented = LETTER.replace("asks = [\"Enforce", "asks = [\n    \"Enforce");
    assert_eq!(fp(&reindented), base);
    let outside = LETTER
        .replace("2025-02-06", "2025-02-07")
        .replace("\"chu\"", "\"lieu\"");
    assert_eq!(fp(&outside), base, "date and signatories are not covered");
}

#[test]
fn fingerprint_is_the_same_for_composed_and_decomposed_accents() {
    let composed = LETTER.replace("Second paragraph.", "Caf\u{e9} Armenia\u{2019}s.");
    let decomposed = LETTER.replace("Second paragraph.", "Cafe\u{301} Armenia\u{2019}s.");
    assert_eq!(fp(&composed), fp(&decomposed));
    assert_ne!(fp(&composed), fp(LETTER));
}

#[test]
fn fingerprint_changes_with_words_punctuation_order_and_emphasis() {
    let base = fp(LETTER);
    let changed = [
        LETTER.replace("war crimes.", "war crimes!"),
        LETTER.replace("must hold", "should hold"),
        LETTER.replace(
            r#"["Enforce Section 907.", "Apply sanctions."]"#,
            r#"["Apply sanctions.", "Enforce Section 907."]"#,
        ),
        LETTER.replace("*Azerbaijan*", "Azerbaijan"),
        LETTER.replace("Dear Secretary Rubio:", "Dear Secretary Rubio,"),
        LETTER.replace("crimes.\n\nSecond", "crimes. Second"),
    ];
    for text in changed {
        assert_ne!(fp(&text), base);
    }
}

fn event(signer: &str, status: Status, at: &str, text: Option<&str>) -> SignOff {
    SignOff {
        letter: "x".into(),
        formerly: None,
        signer: SignerId(signer.into()),
        status,
        at: DateTime::parse_from_rfc3339(at).unwrap(),
        by: Some("AH".into()),
        text: text.map(str::to_string),
        note: None,
        line: 1,
    }
}

#[test]
fn states_replay_latest_event_per_signer() {
    let (letter, _) = letter_from_str("x", LETTER, None);
    let letter = letter.unwrap();
    let now = fingerprint(&letter);
    let events = vec![
        event(
            "sherman",
            Status::Signed,
            "2025-02-03T10:00:00-05:00",
            Some(&now),
        ),
        event(
            "pallone",
            Status::Signed,
            "2025-02-03T09:00:00-05:00",
            Some("sha256:old"),
        ),
        event("chu", Status::Declined, "2025-02-04T09:00:00-05:00", None),
        event("chu", Status::Signed, "2025-02-02T09:00:00-05:00", None),
        event("lieu", Status::Signed, "2025-02-02T09:00:00-05:00", None),
    ];
    let states = states(&letter, &events, &now);
    let got: Vec<(&str, bool, Standing)> = states
        .iter()
        .map(|s| (s.id.0.as_str(), s.lead, s.standing))
        .collect();
    assert_eq!(
        got,
        [
            ("pallone", true, Standing::Stale),
            ("sherman", true, Standing::Signed { verified: true }),
            ("chu", false, Standing::Declined),
            ("lieu", false, Standing::Signed { verified: false }),
        ]
    );
    let reasons =
        crate::ledger::reason::lines(&final_gate(&states, &Roster::default()).unwrap_err());
    assert_eq!(reasons.len(), 1);
    assert!(
        reasons[0].contains("`pallone`") && reasons[0].contains("earlier text"),
        "{reasons:?}"
    );
}

#[test]
fn gate_lists_every_unsigned_lead() {
    let (letter, _) = letter_from_str("x", LETTER, None);
    let letter = letter.unwrap();
    let states = states(&letter, &[], &fingerprint(&letter));
    let reasons =
        crate::ledger::reason::lines(&final_gate(&states, &Roster::default()).unwrap_err());
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons[0].contains("lead pallone (`pallone`) has not signed (no answer)"));
}

/// The standings of `events` (in file order) on the test letter, by signer.
fn standings(events: &[SignOff]) -> Vec<(String, Standing)> {
    let (letter, _) = letter_from_str("x", LETTER, None);
    let letter = letter.unwrap();
    states(&letter, events, &fingerprint(&letter))
        .into_iter()
        .map(|s| (s.id.0, s.standing))
        .collect()
}

fn standing_of(events: &[SignOff], id: &str) -> Standing {
    let all = standings(events);
    all.into_iter().find(|(s, _)| s == id).unwrap().1
}

/// `event`, on line `line` of the file (file order for ties and the log).
fn at_line(line: usize, signer: &str, status: Status, at: &str) -> SignOff {
    SignOff {
        line,
        ..event(signer, status, at, None)
    }
}

#[test]
fn a_later_invitation_does_not_override_an_answer() {
    let events = [
        at_line(1, "chu", Status::Signed, "2025-02-03T10:00:00Z"),
        at_line(2, "chu", Status::Invited, "2025-02-04T10:00:00Z"),
    ];
    assert_eq!(
        standing_of(&events, "chu"),
        Standing::Signed { verified: false }
    );
}

#[test]
fn a_back_dated_answer_counts_after_a_later_invitation() {
    let events = [
        at_line(1, "chu", Status::Invited, "2025-02-04T10:00:00Z"),
        at_line(2, "chu", Status::Declined, "2025-02-01T10:00:00Z"),
    ];
    assert_eq!(standing_of(&events, "chu"), Standing::Declined);
}

#[test]
fn a_back_dated_answer_does_not_outrank_a_later_answer() {
    let events = [
        at_line(1, "chu", Status::Declined, "2025-02-04T10:00:00Z"),
        at_line(2, "chu", Status::Signed, "2025-02-01T10:00:00Z"),
    ];
    assert_eq!(standing_of(&events, "chu"), Standing::Declined);
}

#[test]
fn answers_at_the_same_time_go_by_file_order() {
    let events = [
        at_line(1, "chu", Status::Signed, "2025-02-03T10:00:00Z"),
        at_line(2, "chu", Status::Declined, "2025-02-03T05:00:00-05:00"),
    ];
    assert_eq!(standing_of(&events, "chu"), Standing::Declined);
}

#[test]
fn a_void_restores_the_state_before_the_event_it_cancels() {
    let events = [
        at_line(1, "chu", Status::Declined, "2025-02-01T10:00:00Z"),
        at_line(2, "chu", Status::Signed, "2025-02-02T10:00:00Z"),
        at_line(3, "chu", Status::Void, "2025-02-03T10:00:00Z"),
    ];
    assert_eq!(standing_of(&events, "chu"), Standing::Declined);
}

#[test]
fn two_voids_cancel_the_two_latest_events() {
    let events = [
        at_line(1, "chu", Status::Declined, "2025-02-01T10:00:00Z"),
        at_line(2, "chu", Status::Signed, "2025-02-02T10:00:00Z"),
        at_line(3, "chu", Status::Void, "2025-02-03T10:00:00Z"),
        at_line(4, "chu", Status::Void, "2025-02-03T11:00:00Z"),
    ];
    let standing = standing_of(&events, "chu");
    assert_eq!(standing, Standing::NoAnswer, "chu is invited by the letter");
}

#[test]
fn a_void_cancels_the_last_event_recorded_before_it_whatever_its_time() {
    let events = [
        at_line(1, "chu", Status::Signed, "2025-02-01T10:00:00Z"),
        at_line(2, "chu", Status::Declined, "2025-02-05T10:00:00Z"),
        at_line(3, "chu", Status::Void, "2025-02-03T10:00:00Z"),
    ];
    assert_eq!(
        standing_of(&events, "chu"),
        Standing::Signed { verified: false }
    );
    let refs: Vec<&SignOff> = events.iter().collect();
    let t = Timeline::new(refs);
    // Time order: signed (0), void (1), declined (2).
    assert!(!t.voided(0) && t.voided(2), "the void cancels line 2 only");
    assert_eq!(t.link[1], Some(2));
}

#[test]
fn an_answer_recorded_after_a_void_is_not_cancelled_by_it() {
    let events = [
        at_line(1, "chu", Status::Declined, "2025-02-01T10:00:00Z"),
        at_line(2, "chu", Status::Void, "2025-02-10T10:00:00Z"),
        at_line(3, "chu", Status::Signed, "2025-02-05T10:00:00Z"),
    ];
    assert_eq!(
        standing_of(&events, "chu"),
        Standing::Signed { verified: false }
    );
}

#[test]
fn answer_at_is_the_standing_answer_as_of_that_time() {
    let events = [
        at_line(1, "chu", Status::Signed, "2025-02-01T10:00:00Z"),
        at_line(2, "chu", Status::Withdrawn, "2025-02-03T10:00:00Z"),
        at_line(3, "chu", Status::Signed, "2025-02-05T10:00:00Z"),
    ];
    let t = Timeline::new(events.iter().collect());
    let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
    let status = |s: &str| t.answer_at(at(s)).map(|e| e.status);
    assert_eq!(status("2025-01-31T10:00:00Z"), None);
    assert_eq!(status("2025-02-02T10:00:00Z"), Some(Status::Signed));
    assert_eq!(status("2025-02-04T10:00:00Z"), Some(Status::Withdrawn));
}

#[test]
fn a_void_with_nothing_before_it_cancels_nothing() {
    let events = [
        at_line(1, "chu", Status::Void, "2025-02-01T10:00:00Z"),
        at_line(2, "chu", Status::Signed, "2025-02-02T10:00:00Z"),
    ];
    assert_eq!(
        standing_of(&events, "chu"),
        Standing::Signed { verified: false }
    );
}

#[test]
fn undo_targets_the_last_recorded_event_not_already_cancelled() {
    let events = [
        at_line(1, "chu", Status::Invited, "2025-02-01T10:00:00Z"),
        at_line(2, "chu", Status::Signed, "2025-02-02T10:00:00Z"),
        at_line(3, "chu", Status::Declined, "2025-02-02T11:00:00Z"),
        at_line(4, "chu", Status::Void, "2025-02-03T10:00:00Z"),
        at_line(5, "chu", Status::Declined, "2025-01-01T10:00:00Z"),
    ];
    let chu = SignerId("chu".into());
    let target = log::undo_target(&events, "x", &chu);
    assert_eq!(target.map(|e| e.line), Some(5), "file order, not time");
    let target = log::undo_target(&events[..4], "x", &chu);
    assert_eq!(target.map(|e| e.line), Some(2));
    let none = log::undo_target(&events[3..4], "x", &chu);
    assert_eq!(none, None);
}

#[test]
fn log_orders_by_time_then_file_and_links_voids() {
    let events = [
        at_line(10, "lieu", Status::Signed, "2025-02-02T10:00:00Z"),
        at_line(20, "chu", Status::Signed, "2025-02-01T10:00:00Z"),
        at_line(30, "chu", Status::Void, "2025-02-02T10:00:00Z"),
    ];
    let logged = log::events(&events, "x", None);
    let got: Vec<(usize, String)> = logged.iter().map(|l| (l.event.line, l.what())).collect();
    assert_eq!(
        got,
        [
            (20, "signed, voided by line 30".to_string()),
            (10, "signed".to_string()),
            (30, "void of line 20".to_string()),
        ]
    );
}

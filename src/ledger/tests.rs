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
    let reasons = final_gate(&states, &Roster::default()).unwrap_err();
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
    let reasons = final_gate(&states, &Roster::default()).unwrap_err();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons[0].contains("lead pallone (`pallone`) has not signed (no answer)"));
}

use chrono::DateTime;

use super::*;
use crate::model::{Signer, SignerId, Standing};
use crate::validate::letter_from_str;

const LETTER: &str = r#"
[letter]
title = "Armenia's future"
date = 2025-02-06
subject = "Section 907 -- \"now\""
salutation = "Dear Secretary Rubio:"

[[recipient]]
name = "The Honorable Marco Rubio"
address = ["2201 C Street, NW", "Washington, DC 20520"]

[[section]]
heading = "Artsakh's people"
body = """
Their freedom should be a "*precondition*" -- not an afterthought...
"""
quotes = [{ text = "It's 'urgent'.", source = "The Caucus' letter" }]
asks = ["One.", "Two."]

[[section]]
asks = ["Three."]

[closing]
cc = ["The Honorable Jane Doe's office"]

[signatories]
leads = [{ id = "pallone", role = "Co-Chair" }, "sherman"]
invited = ["waters", "velazquez", "valadao", "garcia"]
order = "ORDER"
"#;

fn roster() -> Roster {
    let signers = vec![
        Signer::house("pallone", "Frank Pallone, Jr.", "Pallone"),
        Signer::house("sherman", "Brad Sherman", "Sherman"),
        Signer::house("waters", "Maxine Waters", "Waters"),
        Signer::house("velazquez", "Nydia M. Velázquez", "Velázquez"),
        Signer::house("valadao", "David G. Valadao", "Valadao"),
        Signer::house("garcia", "Jesús G. \"Chuy\" García", "García"),
        Signer::house("zeldin", "Lee Zeldin", "Zeldin"),
    ];
    let by_id = signers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    Roster { signers, by_id }
}

fn letter(order: &str) -> Letter {
    let (letter, diags) = letter_from_str("x", &LETTER.replace("ORDER", order), Some(&roster()));
    assert!(diags.is_empty(), "{diags:?}");
    letter.unwrap()
}

/// A state; `minute` is the time signed, 12:MM on 2025-02-03.
fn state(id: &str, lead: bool, standing: Standing, minute: u32) -> SignerState {
    let at = format!("2025-02-03T12:{minute:02}:00-05:00");
    SignerState {
        id: SignerId(id.into()),
        lead,
        standing,
        at: Some(DateTime::parse_from_rfc3339(&at).unwrap()),
        by: None,
        note: None,
        stale_text: None,
    }
}

const SIGNED: Standing = Standing::Signed { verified: true };

fn states() -> Vec<SignerState> {
    vec![
        state("pallone", true, SIGNED, 9),
        state("sherman", true, Standing::NoAnswer, 0),
        state("waters", false, SIGNED, 1),
        state("velazquez", false, Standing::Stale, 3),
        state("valadao", false, Standing::Signed { verified: false }, 2),
        state("garcia", false, Standing::Declined, 4),
        state("zeldin", false, SIGNED, 0),
    ]
}

fn ids(c: &Composed) -> Vec<&str> {
    c.signatures.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn alphabetical_order_collates_accents_where_a_reader_looks() {
    let c = compose(&letter("alphabetical"), &roster(), &states(), true);
    assert_eq!(
        ids(&c),
        [
            "pallone",
            "sherman",
            "valadao",
            "velazquez",
            "waters",
            "zeldin"
        ]
    );
}

#[test]
fn signed_order_is_by_time_and_listed_order_follows_invited() {
    let c = compose(&letter("signed"), &roster(), &states(), true);
    assert_eq!(
        ids(&c),
        [
            "pallone",
            "sherman",
            "zeldin",
            "waters",
            "valadao",
            "velazquez"
        ]
    );
    let c = compose(&letter("listed"), &roster(), &states(), true);
    assert_eq!(
        ids(&c),
        [
            "pallone",
            "sherman",
            "waters",
            "velazquez",
            "valadao",
            "zeldin"
        ]
    );
}

#[test]
fn drafts_mark_missing_leads_and_stale_signatures() {
    let c = compose(&letter("alphabetical"), &roster(), &states(), true);
    let pallone = &c.signatures[0];
    assert_eq!(pallone.role.as_deref(), Some("Co-Chair"));
    assert!(pallone.lead && !pallone.missing && !pallone.stale);
    let sherman = &c.signatures[1];
    assert!(sherman.lead && sherman.missing);
    assert!(c.signatures[3].stale, "velazquez signed an earlier text");
    assert!(
        c.signatures[2..]
            .iter()
            .all(|s| !s.lead && s.role.is_none())
    );
}

#[test]
fn finals_print_no_missing_lead() {
    let c = compose(&letter("alphabetical"), &roster(), &states(), false);
    assert!(!c.draft);
    assert_eq!(ids(&c)[..2], ["pallone", "valadao"]);
}

#[test]
fn typography_applies_to_text_and_to_names() {
    let c = compose(&letter("alphabetical"), &roster(), &states(), true);
    assert_eq!(c.title, "Armenia\u{2019}s future");
    assert_eq!(
        c.subject.as_deref(),
        Some("Section 907 \u{2013} \u{201C}now\u{201D}")
    );
    assert_eq!(c.summary, c.subject.clone().unwrap());
    let s = &c.sections[0];
    assert_eq!(s.heading.as_deref(), Some("Artsakh\u{2019}s people"));
    let body: Vec<&str> = s.paragraphs[0].iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        body,
        [
            "Their freedom should be a \u{201C}",
            "precondition",
            "\u{201D} \u{2013} not an afterthought\u{2026}"
        ]
    );
    assert_eq!(
        s.quotes[0].text[0].text,
        "It\u{2019}s \u{2018}urgent\u{2019}."
    );
    assert_eq!(
        s.quotes[0].source.as_deref(),
        Some("The Caucus\u{2019} letter")
    );
    assert_eq!(c.cc, ["The Honorable Jane Doe\u{2019}s office"]);
    let mut states = states();
    states[5].standing = SIGNED;
    let c = compose(&letter("alphabetical"), &roster(), &states, true);
    // #14: names are typeset like the body; the roster keeps its quotes.
    assert_eq!(c.signatures[2].name, "Jesús G. \u{201C}Chuy\u{201D} García");
    assert_eq!(roster().signers[5].name, "Jesús G. \"Chuy\" García");
}

#[test]
fn date_letterhead_asks_and_authors() {
    let c = compose(&letter("alphabetical"), &roster(), &states(), true);
    assert_eq!(c.date_text, "February 6, 2025");
    assert_eq!(c.letterhead[0], "Congress of the United States");
    assert_eq!(c.closing, "Sincerely,");
    assert_eq!((c.sections[0].asks_start, c.sections[1].asks_start), (1, 3));
    assert_eq!(c.authors, "Frank Pallone, Jr., Brad Sherman");
}

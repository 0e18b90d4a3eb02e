use chrono::DateTime;

use super::*;
use crate::ledger::{NewEvent, events_toml};
use crate::model::Status;

const ROSTER: &str = "[signers.a]\nname = \"A\"\nchamber = \"house\"\n";

fn command(signers: &[&str]) -> String {
    let events: Vec<NewEvent> = signers
        .iter()
        .map(|s| NewEvent {
            letter: "l".into(),
            signer: s.to_string(),
            status: Status::Signed,
            at: DateTime::parse_from_rfc3339("2025-02-03T10:12:00Z").unwrap(),
            by: Some("AH".into()),
            text: None,
            note: None,
        })
        .collect();
    events_toml(&events)
}

fn found(text: &str) -> Vec<Finding> {
    let torn = torn_tail(text);
    let end = torn.map_or(text.len(), |t| t.offset);
    let prefix = Source::new(Path::new("signers.toml"), text[..end].to_string());
    let (file, problems) = <raw::SignersFile as load::FileKind>::parse(&prefix);
    assert!(problems.is_empty(), "{problems:?}");
    findings(text, &file.signoff, torn)
}

/// A command whose middle event went missing (a merge gone wrong) is
/// partial but not a torn tail: its events are named by their lines.
#[test]
fn a_command_missing_a_middle_event_is_named_with_its_lines() {
    let abc = command(&["a", "b", "c"]);
    let second = abc.match_indices("\n[[signoff]]").nth(1).unwrap().0;
    let third = abc.match_indices("\n[[signoff]]").nth(2).unwrap().0;
    let without_b = format!("{}{}", &abc[..second], &abc[third..]);
    let later = command(&["a"]);
    let text = format!("{ROSTER}{without_b}{later}");
    let found = found(&text);
    let [Finding::Partial(p)] = found.as_slice() else {
        panic!("{found:?}")
    };
    assert_eq!((p.whole, p.count, p.tail), (2, 3, false));
    assert_eq!(p.signers, ["a", "c"]);
    // Lines 5–12 (a, up to c's header) and 13–20 (c, up to the next command).
    assert_eq!(p.lines, vec![(5, 20)]);
    assert_eq!(tail_damage(&text), None, "not at the tail: appends go on");
}

/// The last command cut at a line end refuses an append, naming it.
#[test]
fn a_partial_last_command_refuses_an_append() {
    let ab = command(&["a", "b"]);
    let cut = ab.rfind("at = ").unwrap();
    let cut = cut + ab[cut..].find('\n').unwrap() + 1;
    let text = format!("{ROSTER}{}", &ab[..cut]);
    let Some(damage @ Finding::Partial(_)) = tail_damage(&text) else {
        panic!("{:?}", tail_damage(&text))
    };
    let message = damage.refusal().to_string();
    assert!(
        message.starts_with("error: refusing to append to `signers.toml`: command `"),
        "{message}"
    );
    assert!(message.contains("(1 of 2 events whole)"), "{message}");
    assert!(
        message.contains("delete from line 5 to the end of the file"),
        "{message}"
    );
}

/// An edited event at the end of the file is changed, not cut: it has
/// every key it was recorded with.
#[test]
fn an_edited_last_event_is_changed_not_cut() {
    let ab = command(&["a", "b"]);
    let text = format!("{ROSTER}{}", ab.replace("by = \"AH\"\n", "by = \"AX\"\n"));
    let found = found(&text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|f| matches!(f, Finding::Changed { .. })));
}

/// The same command recorded twice (same values, so the same seals) is
/// whole; a second copy cut at an event boundary is a partial command,
/// though every place of the batch is there once.
#[test]
fn a_repeated_command_cut_short_is_partial() {
    let abc = command(&["a", "b", "c"]);
    let third = abc.match_indices("\n[[signoff]]").nth(2).unwrap().0;
    let twice = format!("{ROSTER}{abc}{abc}");
    assert!(found(&twice).is_empty(), "{:?}", found(&twice));
    let cut = format!("{ROSTER}{abc}{}", &abc[..third]);
    let found = found(&cut);
    let [Finding::Partial(p)] = found.as_slice() else {
        panic!("{found:?}")
    };
    assert_eq!(p.count, 3);
}

use super::*;
use crate::diag::Source;
use crate::ledger::batch;

fn event(signer: &str, note: Option<&str>) -> NewEvent {
    NewEvent {
        letter: "2025-02-06-rubio".into(),
        signer: signer.into(),
        status: Status::Signed,
        at: DateTime::parse_from_rfc3339("2025-02-03T10:12:00.123456-05:00").unwrap(),
        by: Some("AH".into()),
        text: Some("sha256:ab".into()),
        note: note.map(str::to_string),
    }
}

#[test]
fn events_are_written_in_format_order_to_the_second() {
    let text = events_toml(&[event("sherman", None)]);
    let seal_line = text.lines().nth(2).unwrap();
    let seal = seal_line
        .strip_prefix("seal = \"")
        .and_then(|s| s.strip_suffix('"'))
        .and_then(Seal::parse)
        .expect("a seal first");
    assert_eq!((seal.index, seal.count, seal.keys), (1, 1, 6));
    assert_eq!(
        text.replace(seal_line, "seal"),
        "\n[[signoff]]\nseal\nletter = \"2025-02-06-rubio\"\nsigner = \"sherman\"\n\
         status = \"signed\"\nat = 2025-02-03T10:12:00-05:00\nby = \"AH\"\n\
         text = \"sha256:ab\"\n"
    );
}

#[test]
fn awkward_notes_round_trip() {
    let note = "LD said \"yes\" \\ ok\n[[signoff]] 'quoted' \u{7f}\tend";
    let text = events_toml(&[event("sherman", Some(note))]);
    assert_eq!(text.lines().count(), 10, "one line per key:\n{text}");
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    let got = parsed["signoff"][0]["note"].as_str().unwrap();
    assert_eq!(got, note);
}

#[test]
fn the_same_command_is_the_same_batch_and_another_is_not() {
    let batch = |who| events_toml(&[event(who, None)])[22..34].to_string();
    assert_eq!(batch("sherman"), batch("sherman"), "deterministic");
    assert_ne!(batch("sherman"), batch("chu"));
}

const ROSTER: &str = "[signers.a]\nname = \"A\"\nchamber = \"house\"\n";

/// What signon writes is what the fast reader takes, seal and all: a key
/// it did not know would send every `status` to the slow path unnoticed.
/// And its seals verify: no finding on a fresh append.
#[test]
fn what_is_written_is_read_fast_and_its_seals_hold() {
    let notes = [None, Some("x"), Some("quote \" back \\ é \u{1}")];
    for note in notes {
        let events = [event("a", note), event("b", None), event("c", note)];
        for bare in [false, true] {
            let mut e = events.clone();
            if bare {
                e.iter_mut().for_each(|e| (e.by, e.text) = (None, None));
            }
            let text = format!("{ROSTER}{}", events_toml(&e));
            let source = Source::new(std::path::Path::new("signers.toml"), text.clone());
            let file = super::super::read::parse_signers(&source)
                .unwrap_or_else(|| panic!("the fast reader refused:\n{text}"));
            assert_eq!(file.signoff.len(), 3);
            assert!(file.signoff.iter().all(|e| e.get_ref().seal.is_some()));
            assert_eq!(batch::findings(&text, &file.signoff, None), vec![]);
        }
    }
}

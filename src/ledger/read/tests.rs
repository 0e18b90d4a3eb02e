use super::*;

const ROSTER: &str = "# roster\n[signers.a]\nname = \"A\"\nchamber = \"house\"\n\n[signers.b]\nname = \"B\"\nchamber = \"senate\"\n\n# ---- ledger ----\n";

const LEDGER: &str = "\n[[signoff]]\nseal = \"0123456789ab:1/1:7:0123456789abcdef\"\nletter = \"l\"\nsigner = \"a\"\nstatus = \"signed\"\nat = 2025-02-03T10:12:00-05:00\nby = \"AH\"\ntext = \"sha256:ab\"\nnote = \"LD said \\\"yes\\\" \\u00e9\"\n\n[[signoff]]   # by hand\n  letter=\"l\"\nsigner = \"b\"  # trailing\nstatus = \"declined\"\nat = 2025-02-04T09:00:00Z\n\n";

/// Every value and span of every event, to compare the two readers.
fn flat(file: &raw::SignersFile) -> Vec<String> {
    let s = |v: &Spanned<String>| format!("{:?}@{:?}", v.get_ref(), v.span());
    file.signoff
        .iter()
        .map(|e| {
            let v = e.get_ref();
            format!(
                "{:?} {:?} {} {} {} {}@{:?} {:?} {:?} {:?}",
                e.span(),
                v.seal.as_ref().map(s),
                s(&v.letter),
                s(&v.signer),
                s(&v.status),
                v.at.get_ref(),
                v.at.span(),
                v.by,
                v.text.as_ref().map(s),
                v.note,
            )
        })
        .collect()
}

fn source(text: &str) -> std::sync::Arc<Source> {
    Source::new(Path::new("signers.toml"), text.to_string())
}

fn fast(text: &str) -> Option<raw::SignersFile> {
    parse_signers(&source(text))
}

fn both(text: &str) -> (Option<Vec<String>>, Vec<String>) {
    let fast = fast(text).map(|f| flat(&f));
    let (slow, problems) = <raw::SignersFile as load::FileKind>::parse(&source(text));
    assert!(problems.is_empty(), "{problems:?}");
    (fast, flat(&slow))
}

#[test]
fn reads_what_signon_writes_exactly_as_toml_does() {
    let text = format!("{ROSTER}{LEDGER}");
    let (fast, slow) = both(&text);
    assert_eq!(fast.expect("the fast reader takes this ledger"), slow);
    assert_eq!(slow.len(), 2);
    let (fast, slow) = both(&text.replace('\n', "\r\n"));
    assert_eq!(fast.expect("CRLF lines too"), slow);
}

#[test]
fn anything_unusual_goes_to_toml() {
    let unusual = [
        "stauts = \"signed\"\n",
        "note = 'literal'\n",
        "note = \"\"\"\nmulti\"\"\"\n",
        "by = \"x\"\nby = \"y\"\n",
        "seal = \"a\"\nseal = \"b\"\n",
        "at = 2025-02-03 10:12:00Z\n",
        "note = { a = 1 }\n",
        "\n[signers.c]\nname = \"C\"\nchamber = \"house\"\n",
        "\"quoted\" = \"key\"\n",
        // A carriage return without its newline (found by fuzzing).
        "[[signoff]]\r\r\nletter = \"l\"\nsigner = \"a\"\nstatus = \"signed\"\nat = 2025-02-03T10:12:00Z\n",
        "[[signoff]]\nletter = \"l\"\nsigner = \"a\"\nstatus = \"signed\"\nat = 2025-02-03T10:12:00Z\r",
    ];
    for extra in unusual {
        let text = format!("{ROSTER}{LEDGER}{extra}");
        assert!(fast(&text).is_none(), "{extra:?}");
    }
    let missing = format!("{ROSTER}\n[[signoff]]\nletter = \"l\"\n");
    assert!(fast(&missing).is_none());
    assert!(fast(ROSTER).is_none(), "no ledger: nothing to speed up");
}

#[test]
fn a_season_ledger_read_in_halves_is_read_exactly_as_toml_does() {
    // Past a megabyte the ledger is read in two halves at once.
    let copies = (1 << 20) / LEDGER.len() + 1;
    let text = format!("{ROSTER}{}", LEDGER.repeat(copies));
    assert!(
        middle_header(&text, ROSTER.len()).is_some(),
        "the split path runs"
    );
    let (quick, slow) = both(&text);
    assert_eq!(slow.len(), 2 * copies);
    assert_eq!(quick.expect("the fast reader takes this ledger"), slow);
    // A line it does not understand in the second half still sends the
    // whole file to toml.
    let odd = format!("{text}\n[[signoff]]\nletter = 'literal'\n");
    assert!(fast(&odd).is_none());
}

/// Every event `append` writes, each key filled and values as awkward as a
/// staffer's notes get, is read by the fast path, exactly as toml reads it.
/// A key `append` learns to write that this reader does not know would
/// send every `status` to the slow path without a word: this test fails
/// instead. (The struct literal has no `..`: a new field must be filled.)
#[test]
fn what_append_writes_the_fast_reader_takes() {
    use crate::ledger::{NewEvent, append};
    use crate::model::Status;
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("signers.toml");
    std::fs::write(&path, ROSTER).unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2025-02-03T10:12:00.5-05:00").unwrap();
    let notes = [
        "plain",
        "LD said \"yes\" \\ ok",
        "é\u{7f}\ttab\nnew line [[signoff]]",
    ];
    for (i, status) in Status::ALL.into_iter().enumerate() {
        let events: Vec<NewEvent> = notes
            .iter()
            .map(|note| NewEvent {
                letter: "l".into(),
                signer: ["a", "b"][i % 2].into(),
                status,
                at,
                by: Some(format!("AH {note}")),
                text: Some("sha256:ab".into()),
                note: Some(note.to_string()),
            })
            .collect();
        append(&path, &events).unwrap();
    }
    let text = std::fs::read_to_string(&path).unwrap();
    let (fast, slow) = both(&text);
    let fast = fast.expect("the fast reader takes everything append writes");
    assert_eq!(fast, slow);
    assert_eq!(slow.len(), Status::ALL.len() * notes.len());
}

//! `signon mv OLD NEW` through the real binary: the letter renamed with
//! `formerly` recorded, its ledger history following it (status, sign, undo,
//! log, check), refusals that change nothing, and the `formerly` checks
//! (`tests/fixtures/mv/expected`).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::support::*;

/// The letter's id after the move.
const NEW: &str = "2025-02-09-rubio";

/// Runs `signon ARGS`, expecting success; returns stdout.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = signon(dir, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// `signon check` after the shipped ledger's last event (the pinned clock
/// is before some of them, which `check` reports as in the future).
fn check(dir: &Path) -> std::process::Output {
    let mut cmd = signon_cmd(dir, &["check"]);
    // 2025-06-15T00:00:00Z.
    cmd.env("SIGNON_NOW", "1749945600").output().unwrap()
}

/// Every file of the workspace and its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut all = BTreeMap::new();
    for sub in ["", "letters"] {
        for entry in fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                all.insert(name, fs::read(&path).unwrap());
            }
        }
    }
    all
}

/// The example with its ledger, the Rubio letter moved to [`NEW`].
fn moved() -> tempfile::TempDir {
    let ws = example_as_shipped();
    ok(ws.path(), &["mv", RUBIO, NEW]);
    ws
}

#[test]
fn mv_renames_the_file_and_says_so() {
    let ws = example_as_shipped();
    let out = ok(ws.path(), &["mv", RUBIO, NEW]);
    assert_eq!(
        out,
        format!(
            "renamed `letters/{RUBIO}.toml` to `letters/{NEW}.toml`: its events under `{RUBIO}` count for `{NEW}` (`formerly = [\"{RUBIO}\"]`)\n"
        )
    );
    assert!(!ws.path().join(format!("letters/{RUBIO}.toml")).exists());
    let text = fs::read_to_string(ws.path().join(format!("letters/{NEW}.toml"))).unwrap();
    assert!(
        text.contains(&format!("\nformerly = [\"{RUBIO}\"]  # earlier ids")),
        "{text}"
    );
}

#[test]
fn status_of_the_letter_is_the_same_after_mv_apart_from_the_id() {
    let ws = example_as_shipped();
    let before = ok(ws.path(), &["status", RUBIO]);
    ok(ws.path(), &["mv", RUBIO, NEW]);
    let after = ok(ws.path(), &["status", NEW]);
    assert!(before.contains("signed"), "{before}");
    assert_eq!(after, before.replace(RUBIO, NEW));
}

#[test]
fn status_of_every_letter_is_the_same_after_mv_apart_from_the_id() {
    let ws = example_as_shipped();
    let before = ok(ws.path(), &["status", "--json"]);
    ok(ws.path(), &["mv", RUBIO, NEW]);
    let after = ok(ws.path(), &["status", "--json"]);
    assert_eq!(after, before.replace(RUBIO, NEW));
}

#[test]
fn sign_after_mv_records_the_new_id() {
    let ws = moved();
    ok(ws.path(), &["sign", NEW, "malliotakis", "--by", "AH"]);
    let ledger = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    let last = &ledger[ledger.rfind("[[signoff]]").unwrap()..];
    // Its seal first, then the keys FORMAT.md shows.
    let (seal, keys) = last.split_once("\nletter = ").unwrap();
    assert!(seal.starts_with("[[signoff]]\nseal = "), "{last}");
    assert!(
        keys.starts_with(&format!("\"{NEW}\"\nsigner = \"malliotakis\"\n")),
        "{last}"
    );
    let status = ok(ws.path(), &["status", NEW, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&status).unwrap();
    let signer = v["letters"][0]["signers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "malliotakis")
        .unwrap();
    assert_eq!(signer["state"], "signed", "{signer}");
}

#[test]
fn check_is_clean_after_mv() {
    let ws = moved();
    let out = check(ws.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn log_shows_the_events_recorded_under_the_old_id() {
    let ws = moved();
    let log = ok(ws.path(), &["log", NEW]);
    golden("mv/expected/log.txt", &log, Some(ws.path()));
}

#[test]
fn another_letter_still_works_after_mv() {
    // Only the other letter is loaded: the moved letter's `formerly` is
    // read from its file to place the events under the old id.
    let ws = moved();
    let out = ok(ws.path(), &["status", "2025-03-14-appropriations"]);
    assert!(out.starts_with("2025-03-14-appropriations: "), "{out}");
}

#[test]
fn undo_after_mv_cancels_an_event_recorded_under_the_old_id() {
    let ws = moved();
    let out = ok(ws.path(), &["undo", NEW, "waters"]);
    assert!(
        out.contains("cancels `signed` of 2025-01-30T14:02:00-05:00"),
        "{out}"
    );
    let log = ok(ws.path(), &["log", NEW, "waters"]);
    let voided = |l: &&str| {
        l.contains("signed, voided by line") && l.ends_with(&format!("(as {RUBIO})  AH"))
    };
    assert_eq!(log.lines().filter(voided).count(), 1, "{log}");
}

#[test]
fn mv_onto_an_existing_letter_is_refused_and_changes_nothing() {
    let ws = example_as_shipped();
    let before = files(ws.path());
    let out = signon(ws.path(), &["mv", RUBIO, "2025-03-14-appropriations"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: letter `2025-03-14-appropriations` already exists (`letters/2025-03-14-appropriations.toml`): renamed nothing\n  = help: choose another id, or remove that letter first\n"
    );
    assert_eq!(files(ws.path()), before);
}

#[test]
fn mv_of_a_missing_letter_is_refused_and_changes_nothing() {
    let ws = example_as_shipped();
    let before = files(ws.path());
    let out = signon(ws.path(), &["mv", "2025-02-06-rubi", NEW]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: no letter `2025-02-06-rubi` in `letters/`\n  = help: did you mean `2025-02-06-rubio`?\n"
    );
    assert_eq!(files(ws.path()), before);
}

#[test]
fn mv_to_an_invalid_id_is_refused_and_changes_nothing() {
    let ws = example_as_shipped();
    let before = files(ws.path());
    let out = signon(ws.path(), &["mv", RUBIO, "../elsewhere"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: invalid letter id `../elsewhere`: use letters, digits, `-`, `_` and `.` (no device name such as `con`), e.g. `2025-02-06-rubio`\n"
    );
    assert_eq!(files(ws.path()), before);
}

#[test]
fn mv_to_another_letters_earlier_id_is_refused_and_changes_nothing() {
    let ws = moved();
    let before = files(ws.path());
    let out = signon(ws.path(), &["mv", "2025-03-14-appropriations", RUBIO]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: `2025-02-06-rubio` is an earlier id of letter `2025-02-09-rubio` (in its `formerly`): renamed nothing\n  = help: the ledger's events under `2025-02-06-rubio` count for `2025-02-09-rubio`; choose another id\n"
    );
    assert_eq!(files(ws.path()), before);
}

#[test]
fn mv_keeps_the_drafters_comments_and_layout() {
    let ws = example();
    ok(ws.path(), &["new", "2025-05-01-draft"]);
    ok(
        ws.path(),
        &["mv", "letters/2025-05-01-draft.toml", "2025-05-02-draft"],
    );
    let moved = fs::read_to_string(ws.path().join("letters/2025-05-02-draft.toml")).unwrap();
    golden("mv/expected/2025-05-02-draft.toml", &moved, None);
}

#[test]
fn mv_back_again_names_only_the_id_left() {
    let ws = moved();
    ok(ws.path(), &["mv", NEW, RUBIO]);
    let text = fs::read_to_string(ws.path().join(format!("letters/{RUBIO}.toml"))).unwrap();
    assert!(
        text.contains(&format!("\nformerly = [\"{NEW}\"]  # earlier ids")),
        "{text}"
    );
    let out = check(ws.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn a_hand_renamed_letter_gives_one_error_per_old_id_with_a_hint() {
    let ws = example_as_shipped();
    let letters = ws.path().join("letters");
    fs::rename(
        letters.join(format!("{RUBIO}.toml")),
        letters.join(format!("{NEW}.toml")),
    )
    .unwrap();
    let out = check(ws.path());
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        r#"signers.toml:266:10: error: 21 events name letter `2025-02-06-rubio`, which does not exist
    |
266 | letter = "2025-02-06-rubio"
    |          ^^^^^^^^^^^^^^^^^^ the first of them; no such file in letters/
    |
    = help: did you mean `2025-02-09-rubio`?
    = help: if it was renamed, add `formerly = ["2025-02-06-rubio"]` to its [letter] table (signon mv does this)

found 1 error
"#
    );
}

#[test]
fn a_formerly_naming_another_existing_letter_is_an_error_at_the_value() {
    let ws = example_as_shipped();
    let path = ws.path().join(format!("letters/{RUBIO}.toml"));
    let text = fs::read_to_string(&path).unwrap().replace(
        "salutation = \"Dear Secretary Rubio:\"\n",
        "salutation = \"Dear Secretary Rubio:\"\nformerly = [\"2025-03-14-appropriations\"]\n",
    );
    fs::write(&path, text).unwrap();
    let out = check(ws.path());
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        r#"letters/2025-02-06-rubio.toml:12:13: error: `2025-03-14-appropriations` is the id of another letter
   |
12 | formerly = ["2025-03-14-appropriations"]
   |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^ `letters/2025-03-14-appropriations.toml` exists
   |
   = help: its events count for that letter; two letters claiming the same history would double count it: remove `2025-03-14-appropriations` from `formerly`

found 1 error
"#
    );
}

#[test]
fn one_old_id_in_two_letters_is_an_error_in_each() {
    let ws = moved();
    let path = ws.path().join("letters/2025-03-14-appropriations.toml");
    let text = fs::read_to_string(&path).unwrap();
    let at = text.find("\n[[recipient]]").unwrap();
    let text = format!("{}\nformerly = [\"{RUBIO}\"]\n{}", &text[..at], &text[at..]);
    fs::write(&path, text).unwrap();
    let out = signon(ws.path(), &["status", NEW]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "error: `{RUBIO}` is also in the `formerly` of `2025-03-14-appropriations`"
        )),
        "{err}"
    );
}

#[test]
fn mv_help_has_an_example() {
    let help = ok(Path::new("."), &["mv", "--help"]);
    assert!(
        help.contains("signon mv 2025-04-02-section-907 2025-04-09-section-907"),
        "{help}"
    );
}

/// The workspace's letter file names, sorted.
fn letter_files(dir: &Path) -> Vec<String> {
    file_names(&dir.join("letters"))
}

#[test]
fn mv_to_a_file_name_takes_its_id() {
    let ws = example_as_shipped();
    ok(ws.path(), &["mv", RUBIO, &format!("{NEW}.toml")]);
    assert!(letter_files(ws.path()).contains(&format!("{NEW}.toml")));
    assert!(!ws.path().join(format!("letters/{NEW}.toml.toml")).exists());
}

#[test]
fn mv_to_a_path_in_letters_takes_its_id() {
    let ws = example_as_shipped();
    ok(ws.path(), &["mv", RUBIO, &format!("letters/{NEW}.toml")]);
    assert!(letter_files(ws.path()).contains(&format!("{NEW}.toml")));
}

#[test]
fn mv_to_a_windows_device_name_is_refused_and_changes_nothing() {
    let ws = example_as_shipped();
    let before = files(ws.path());
    let out = signon(ws.path(), &["mv", RUBIO, "Com3"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).starts_with("error: invalid letter id `Com3`"),
        "{}",
        stderr(&out)
    );
    assert_eq!(files(ws.path()), before);
}

#[test]
fn new_with_a_file_name_creates_the_letter_of_its_id() {
    let ws = example_as_shipped();
    let out = ok(ws.path(), &["new", "x.toml"]);
    assert!(out.starts_with("created `letters/x.toml`"), "{out}");
    assert!(ws.path().join("letters/x.toml").is_file());
    assert!(!ws.path().join("letters/x.toml.toml").exists());
}

#[test]
fn new_with_a_windows_device_name_is_refused() {
    let ws = example_as_shipped();
    let before = files(ws.path());
    let out = signon(ws.path(), &["new", "nul"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("no device name"), "{}", stderr(&out));
    assert_eq!(files(ws.path()), before);
}

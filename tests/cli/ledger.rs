//! `signon sign | decline | withdraw | invite` through the real binary: the
//! exact bytes appended, the hand-edited roster surviving byte for byte,
//! all-or-nothing, "did you mean", stale signatures, a torn last event, and
//! concurrent appends (`tests/fixtures/ledger-*`).

use std::fs;
use std::path::Path;

use crate::support::*;

fn signers(dir: &Path) -> String {
    fs::read_to_string(dir.join("signers.toml")).unwrap()
}

/// Runs `signon ARGS`, expecting success; returns stdout.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = signon(dir, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn each_command_appends_exactly_its_events() {
    let ws = example();
    let before = signers(ws.path());
    let rubio = "2025-02-06-rubio";
    let mut log = String::new();
    log += &ok(
        ws.path(),
        &[
            "sign",
            rubio,
            "sherman",
            "--by",
            "AH",
            "--note",
            "LD confirmed by email",
        ],
    );
    log += &ok(
        ws.path(),
        &[
            "decline",
            rubio,
            "tenney",
            "--by",
            "AH",
            "--at",
            "2025-01-31T16:30:00-05:00",
        ],
    );
    // Only a signature can be withdrawn: sherman's, signed just above.
    log += &ok(ws.path(), &["withdraw", rubio, "sherman"]);
    log += &ok(
        ws.path(),
        &[
            "invite",
            rubio,
            "schrier",
            "lieu",
            "--at",
            "2025-01-30",
            "--note",
            "said \"maybe\"\ncall back",
        ],
    );
    let after = signers(ws.path());
    assert!(after.starts_with(&before), "the roster changed");
    golden("ledger-example/expected/stdout.txt", &log, Some(ws.path()));
    golden(
        "ledger-example/expected/appended.toml",
        &after[before.len()..],
        None,
    );
    assert_eq!(code(&signon(ws.path(), &["check"])), 0);
}

#[test]
fn hand_edited_roster_survives_byte_for_byte() {
    let ws = workspace("ledger-hand-edited");
    let before = signers(ws.path());
    assert!(
        !before.ends_with('\n'),
        "the fixture must lack a final newline"
    );
    ok(
        ws.path(),
        &["sign", "2025-04-01-test", "ames", "bell", "--by", "AH"],
    );
    let after = signers(ws.path());
    assert!(after.starts_with(&before), "the roster changed");
    golden(
        "ledger-hand-edited/expected/appended.toml",
        &after[before.len()..],
        None,
    );
    let check = signon(ws.path(), &["check"]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
}

#[test]
fn unknown_signer_among_several_writes_nothing() {
    let ws = example();
    let before = signers(ws.path());
    let out = signon(
        ws.path(),
        &[
            "sign",
            "2025-02-06-rubio",
            "sherman",
            "shermn",
            "chu",
            "nobody",
        ],
    );
    assert_eq!(code(&out), 1);
    golden(
        "ledger-example/expected/unknown-signer.stderr",
        &stderr(&out),
        Some(ws.path()),
    );
    assert_eq!(signers(ws.path()), before);
}

#[test]
fn unknown_letter_says_did_you_mean() {
    let ws = example();
    let before = signers(ws.path());
    let out = signon(ws.path(), &["sign", "2025-02-06-rubo", "sherman"]);
    assert_eq!(code(&out), 1);
    golden(
        "ledger-example/expected/unknown-letter.stderr",
        &stderr(&out),
        Some(ws.path()),
    );
    assert_eq!(signers(ws.path()), before);
}

#[test]
fn a_bad_time_is_a_usage_error() {
    let ws = example();
    let out = signon(
        ws.path(),
        &["sign", "2025-02-06-rubio", "sherman", "--at", "Tuesday"],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

/// The state of `signer` on `letter` in `status --json`.
fn state(dir: &Path, letter: &str, signer: &str) -> String {
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir, &["status", letter, "--json"])).unwrap();
    let signers = json["letters"][0]["signers"].as_array().unwrap();
    let s = signers.iter().find(|s| s["id"] == signer).unwrap();
    s["state"].as_str().unwrap().to_string()
}

#[test]
fn editing_the_letter_makes_a_signature_stale() {
    let ws = example();
    let rubio = "2025-02-06-rubio";
    ok(ws.path(), &["sign", rubio, "sherman"]);
    assert_eq!(state(ws.path(), rubio, "sherman"), "signed");
    let path = ws.path().join("letters/2025-02-06-rubio.toml");
    let text = fs::read_to_string(&path).unwrap();
    // Re-wrapping is not a change of text...
    fs::write(
        &path,
        text.replace("congratulate you on your\n", "congratulate you\non your\n"),
    )
    .unwrap();
    assert_eq!(state(ws.path(), rubio, "sherman"), "signed");
    // ...but a change of words is.
    fs::write(
        &path,
        text.replace("congratulate you", "warmly congratulate you"),
    )
    .unwrap();
    assert_eq!(state(ws.path(), rubio, "sherman"), "stale");
    ok(ws.path(), &["sign", rubio, "sherman"]);
    assert_eq!(state(ws.path(), rubio, "sherman"), "signed");
}

#[test]
fn torn_last_event_is_reported_and_blocks_appends() {
    let ws = workspace("ledger-torn");
    let before = signers(ws.path());
    let check = signon(ws.path(), &["check"]);
    assert_eq!(code(&check), 1);
    golden(
        "ledger-torn/expected/check.stderr",
        &stderr(&check),
        Some(ws.path()),
    );
    let sign = signon(ws.path(), &["sign", "2025-04-01-test", "cruz"]);
    assert_eq!(code(&sign), 1);
    assert!(
        stderr(&sign).contains("at line 19 is incomplete"),
        "{}",
        stderr(&sign)
    );
    assert_eq!(
        signers(ws.path()),
        before,
        "nothing may be appended after a torn event"
    );
}

/// A workspace with one letter and `n` signers `s0`, `s1`, ….
fn crowd(n: usize) -> tempfile::TempDir {
    let ws = tempfile::TempDir::new().unwrap();
    let roster: String = (0..n)
        .map(|i| format!("[signers.s{i}]\nname = \"Signer {i}\"\nchamber = \"house\"\n\n"))
        .collect();
    fs::write(ws.path().join("signers.toml"), roster).unwrap();
    let letter = fs::read_to_string(fixture("ledger-hand-edited/letters/2025-04-01-test.toml"));
    let letter = letter
        .unwrap()
        .replace("[\"ames\"]", "[\"s0\"]")
        .replace("[\"bell\", \"cruz\"]", "[]");
    fs::create_dir(ws.path().join("letters")).unwrap();
    fs::write(ws.path().join("letters/2025-04-01-test.toml"), letter).unwrap();
    ws
}

/// 8 processes at once, each appending 100 events in 10 calls of 10 signers:
/// every event is there exactly once, each call's 10 events side by side
/// (no interleaving), and the file is still valid TOML.
#[test]
fn concurrent_appends_lose_nothing() {
    const PROCESSES: usize = 8;
    const CALLS: usize = 10;
    const SIGNERS: usize = 10;
    let ws = crowd(SIGNERS);
    let before = signers(ws.path());
    let ids: Vec<String> = (0..SIGNERS).map(|i| format!("s{i}")).collect();
    std::thread::scope(|scope| {
        for p in 0..PROCESSES {
            let (dir, ids) = (ws.path(), &ids);
            scope.spawn(move || {
                for c in 0..CALLS {
                    let note = format!("p{p} c{c}");
                    let mut args = vec!["invite", "2025-04-01-test", "--note", &note];
                    args.extend(ids.iter().map(String::as_str));
                    let out = signon(dir, &args);
                    assert_eq!(code(&out), 0, "{}", stderr(&out));
                }
            });
        }
    });
    let after = signers(ws.path());
    assert!(after.starts_with(&before));
    let file: toml::Table = toml::from_str(&after).expect("still valid TOML");
    let events: Vec<(String, String)> = file["signoff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["note"].as_str().unwrap().into(),
                e["signer"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(events.len(), PROCESSES * CALLS * SIGNERS);
    for call in events.chunks(SIGNERS) {
        let note = &call[0].0;
        let got: Vec<&str> = call
            .iter()
            .map(|(n, s)| {
                assert_eq!(n, note, "interleaved");
                s.as_str()
            })
            .collect();
        assert_eq!(got, ids, "a call's events stay together, in order");
    }
    let mut notes: Vec<&str> = events
        .iter()
        .step_by(SIGNERS)
        .map(|(n, _)| n.as_str())
        .collect();
    notes.sort();
    let mut want: Vec<String> = (0..PROCESSES)
        .flat_map(|p| (0..CALLS).map(move |c| format!("p{p} c{c}")))
        .collect();
    want.sort();
    assert_eq!(notes, want, "every call exactly once");
}

//! Soak (issue #8), ignored in ordinary runs: many `signon` processes
//! recording sign / decline / withdraw events at once into one workspace
//! while `status --json` reads it in a loop. Afterwards every event is in the
//! ledger exactly once, `check` passes, and the status totals are those of a
//! replay of the events. Run it on an optimized build, with its figures:
//!
//! ```text
//! cargo test --release --test cli -- --ignored --nocapture soak
//! ```
//!
//! `SOAK_PROCESSES` (default 20) and `SOAK_EVENTS` (per process, default
//! 500) scale it.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use crate::support::*;

const LETTER: &str = "2025-04-01-test";
const SIGNERS: usize = 50;
const COMMANDS: [(&str, &str); 3] = [
    ("sign", "signed"),
    ("decline", "declined"),
    ("withdraw", "withdrawn"),
];

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name).map_or(default, |v| v.parse().unwrap())
}

/// A workspace with one letter, `SIGNERS` signers `s0`… all invited.
fn workspace() -> tempfile::TempDir {
    let ws = tempfile::TempDir::new().unwrap();
    let roster: String = (0..SIGNERS)
        .map(|i| format!("[signers.s{i}]\nname = \"Signer {i}\"\nchamber = \"house\"\n\n"))
        .collect();
    fs::write(ws.path().join("signers.toml"), roster).unwrap();
    let invited: Vec<String> = (1..SIGNERS).map(|i| format!("\"s{i}\"")).collect();
    let letter = fs::read_to_string(fixture("ledger-hand-edited/letters/2025-04-01-test.toml"))
        .unwrap()
        .replace("[\"ames\"]", "[\"s0\"]")
        .replace("[\"bell\", \"cruz\"]", &format!("[{}]", invited.join(", ")));
    fs::create_dir(ws.path().join("letters")).unwrap();
    fs::write(ws.path().join(format!("letters/{LETTER}.toml")), letter).unwrap();
    ws
}

/// Event `i` of process `p`: its command, signer, unique time and note. The
/// times are distinct, so the replay does not depend on the order of appends.
fn event(p: usize, i: usize, per: usize) -> (usize, String, String, String) {
    let n = p * per + i;
    let at = chrono::DateTime::from_timestamp(1_735_689_600 + n as i64, 0).unwrap();
    let signer = format!("s{}", (p * 7 + i * 13) % SIGNERS);
    (n % 3, signer, at.to_rfc3339(), format!("p{p} e{i}"))
}

fn writer(dir: &Path, p: usize, per: usize) {
    for i in 0..per {
        let (c, signer, at, note) = event(p, i, per);
        let args = [COMMANDS[c].0, LETTER, &signer, "--at", &at, "--note", &note];
        let out = signon(dir, &args);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    }
}

/// `status --json` until the writers are done; every run must succeed and
/// parse. Returns the number of runs.
fn reader(dir: &Path, done: &AtomicBool) -> usize {
    let mut runs = 0;
    while !done.load(Ordering::Relaxed) {
        let out = signon(dir, &["status", LETTER, "--json"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let _: serde_json::Value = serde_json::from_slice(&out.stdout).expect("whole JSON");
        runs += 1;
    }
    runs
}

#[test]
#[ignore = "a soak of minutes: cargo test --release --test cli -- --ignored --nocapture soak"]
fn soak_many_writers_and_a_reader() {
    let (processes, per) = (env_or("SOAK_PROCESSES", 20), env_or("SOAK_EVENTS", 500));
    let ws = workspace();
    let done = AtomicBool::new(false);
    let status_runs = AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|scope| {
        let r = scope.spawn(|| status_runs.store(reader(ws.path(), &done), Ordering::Relaxed));
        let writers: Vec<_> = (0..processes)
            .map(|p| {
                let dir = ws.path();
                scope.spawn(move || writer(dir, p, per))
            })
            .collect();
        let results: Vec<_> = writers.into_iter().map(|w| w.join()).collect();
        done.store(true, Ordering::Relaxed);
        r.join().unwrap();
        results.into_iter().for_each(|r| r.unwrap());
    });
    let secs = start.elapsed().as_secs_f64();
    let total = processes * per;
    let runs = status_runs.load(Ordering::Relaxed);
    eprintln!(
        "soak: {total} events by {processes} processes in {secs:.1} s ({:.1} events/s), {runs} status runs",
        total as f64 / secs
    );
    verify(ws.path(), processes, per);
}

/// Every event exactly once, `check` clean, and status totals as replayed.
fn verify(dir: &Path, processes: usize, per: usize) {
    let text = fs::read_to_string(dir.join("signers.toml")).unwrap();
    let file: toml::Table = toml::from_str(&text).unwrap();
    let events = file["signoff"].as_array().unwrap();
    assert_eq!(events.len(), processes * per);
    let mut notes: HashMap<&str, &toml::Value> = HashMap::new();
    for e in events {
        let note = e["note"].as_str().unwrap();
        assert!(notes.insert(note, e).is_none(), "`{note}` twice");
    }
    // Replay: each signer's latest event decides (the times are distinct).
    let mut latest: HashMap<String, (String, &str)> = HashMap::new();
    for p in 0..processes {
        for i in 0..per {
            let (c, signer, at, note) = event(p, i, per);
            let e = notes.get(note.as_str()).expect("every event is there");
            assert_eq!(
                (e["signer"].as_str(), e["status"].as_str()),
                (Some(&*signer), Some(COMMANDS[c].1))
            );
            let newer = latest.get(&signer).is_none_or(|(t, _)| *t < at);
            if newer {
                latest.insert(signer, (at, COMMANDS[c].1));
            }
        }
    }
    let check = signon(dir, &["check"]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    let json: serde_json::Value =
        serde_json::from_slice(&signon(dir, &["status", LETTER, "--json"]).stdout).unwrap();
    let totals = &json["letters"][0]["totals"];
    for state in ["signed", "declined", "withdrawn"] {
        let want = latest.values().filter(|(_, s)| *s == state).count();
        assert_eq!(totals[state], want, "{state}");
    }
    assert_eq!(totals["no_answer"], SIGNERS - latest.len());
}

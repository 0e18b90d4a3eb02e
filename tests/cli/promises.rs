//! README promises that no other test held to (issue #18): equal times go
//! by file order whichever answer comes last; the overview follows the
//! deadlines, not the ids; the fingerprint leaves out the letterhead, the
//! deadline and the subject; every output is replaced by a rename.

use std::fs;
use std::path::Path;

use crate::support::*;

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = signon(dir, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// `signer`'s state on the Rubio letter, from `status --json`.
fn state(ws: &Path, signer: &str) -> String {
    let out = ok(ws, &["status", RUBIO, "--json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let signers = json["letters"][0]["signers"].as_array().unwrap();
    let s = signers.iter().find(|s| s["id"] == signer).unwrap();
    s["state"].as_str().unwrap().to_string()
}

// ---- equal times: the later line wins, whichever answer it is ----

/// `answers` holds decline-after-sign; this is the other order, so a rule
/// that ranked one answer over the other at equal times fails one of them.
#[test]
fn a_signature_after_a_decline_at_the_same_time_wins() {
    let ws = example();
    let at = "2025-01-30T10:00:00-05:00";
    ok(ws.path(), &["decline", RUBIO, "chu", "--at", at]);
    ok(ws.path(), &["sign", RUBIO, "chu", "--at", at]);
    assert_eq!(state(ws.path(), "chu"), "signed");
}

/// The same instant written in two offsets is the same time.
#[test]
fn the_same_instant_in_another_offset_is_a_tie_too() {
    let ws = example();
    ok(
        ws.path(),
        &["sign", RUBIO, "chu", "--at", "2025-01-30T15:00:00Z"],
    );
    let at = "2025-01-30T10:00:00-05:00";
    ok(ws.path(), &["decline", RUBIO, "chu", "--at", at]);
    assert_eq!(state(ws.path(), "chu"), "declined");
}

// ---- the overview: soonest deadline first, whatever the ids ----

/// The ids of the letters in `status --json`, in order.
fn json_order(ws: &Path, args: &[&str]) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(&ok(ws, args)).unwrap();
    let letters = json["letters"].as_array().unwrap();
    letters
        .iter()
        .map(|l| l["id"].as_str().unwrap().into())
        .collect()
}

#[test]
fn the_overview_puts_the_soonest_deadline_first_not_the_first_id() {
    let ws = workspace("status-deadlines");
    let order = json_order(ws.path(), &["status", "--json"]);
    assert_eq!(order, ["gamma", "beta", "alpha"], "alpha has no deadline");
}

#[test]
fn the_overview_table_follows_the_same_order() {
    let ws = workspace("status-deadlines");
    let out = ok(ws.path(), &["status"]);
    let first_words: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(first_words, ["gamma", "beta", "alpha"], "{out}");
}

#[test]
fn the_offices_to_chase_follow_the_same_order() {
    let ws = workspace("status-deadlines");
    let out = ok(ws.path(), &["status", "--missing"]);
    let at = |id: &str| out.find(&format!("{id}: Letter {id}\n")).unwrap();
    assert!(
        at("gamma") < at("beta") && at("beta") < at("alpha"),
        "{out}"
    );
}

// ---- the fingerprint: only the words, not the letterhead, deadline or subject ----

/// The example with `chu` signed on the current text, then the Rubio
/// letter's line beginning `key =` replaced by `line`.
fn signed_then_edited(key: &str, line: &str) -> tempfile::TempDir {
    let ws = example();
    ok(ws.path(), &["sign", RUBIO, "chu"]);
    assert_eq!(state(ws.path(), "chu"), "signed");
    let path = ws.path().join(format!("letters/{RUBIO}.toml"));
    let text = fs::read_to_string(&path).unwrap();
    let prefix = format!("{key} = ");
    let old = text.lines().find(|l| l.starts_with(&prefix));
    let old = old.unwrap_or_else(|| panic!("the example letter has no `{key}`"));
    assert_ne!(old, line, "the edit changes the line");
    fs::write(&path, text.replacen(old, line, 1)).unwrap();
    ws
}

#[test]
fn a_new_letterhead_leaves_a_signature_current() {
    let line = "letterhead = { lines = [\"Congressional Armenian Caucus\"] }";
    let ws = signed_then_edited("letterhead", line);
    assert_eq!(state(ws.path(), "chu"), "signed");
}

#[test]
fn a_new_deadline_leaves_a_signature_current() {
    let ws = signed_then_edited("deadline", "deadline = 2025-02-04");
    assert_eq!(state(ws.path(), "chu"), "signed");
}

#[test]
fn a_new_subject_leaves_a_signature_current() {
    let ws = signed_then_edited("subject", "subject = \"Armenia\"");
    assert_eq!(state(ws.path(), "chu"), "signed");
}

/// The control: the same edit to the words themselves makes it stale, so
/// the three above cannot pass because nothing is ever stale.
#[test]
fn a_new_salutation_makes_a_signature_stale() {
    let line = "salutation = \"Dear Mr. Secretary:\"";
    let ws = signed_then_edited("salutation", line);
    assert_eq!(state(ws.path(), "chu"), "stale");
}

// ---- outputs: a temporary file renamed into place, never written in place ----

/// Runs `args`, which write `file`, over an old `file` that is hard-linked
/// to a twin. A rename gives `file` a new inode and leaves the twin's bytes
/// alone; `fs::write` (truncate and write in place) would change both, as
/// they are one file. Nothing else is left in the folder.
fn replaced_by_rename(ws: &Path, args: &[&str], file: &str) {
    let (path, twin) = (ws.join(file), ws.join("twin"));
    fs::write(&path, "old bytes").unwrap();
    fs::hard_link(&path, &twin).unwrap();
    let before: Vec<_> = file_names(ws);
    let out = signon(ws, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    assert_ne!(fs::read(&path).unwrap(), b"old bytes", "{file} was written");
    assert_eq!(fs::read_to_string(&twin).unwrap(), "old bytes");
    assert_eq!(file_names(ws), before, "no temporary file is left behind");
}

#[test]
fn render_replaces_the_pdf_by_a_rename() {
    let ws = example();
    replaced_by_rename(ws.path(), &["render", RUBIO, "--pdf", "r.pdf"], "r.pdf");
}

#[test]
fn render_replaces_the_text_by_a_rename() {
    let ws = example();
    replaced_by_rename(ws.path(), &["render", RUBIO, "--text", "r.txt"], "r.txt");
}

#[test]
fn press_replaces_its_output_by_a_rename() {
    let ws = example();
    let args = ["press", RUBIO, "--format", "md", "--output", "p.md"];
    replaced_by_rename(ws.path(), &args, "p.md");
}

#[test]
fn export_replaces_its_output_by_a_rename() {
    let ws = example();
    let args = ["export", RUBIO, "--format", "csv", "--output", "e.csv"];
    replaced_by_rename(ws.path(), &args, "e.csv");
}

#[test]
fn status_replaces_its_page_by_a_rename() {
    let ws = example();
    replaced_by_rename(ws.path(), &["status", "--html", "s.html"], "s.html");
}

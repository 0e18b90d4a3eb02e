//! Times each stage of `signon status --json` on a workspace, to see where
//! the time goes: `cargo run --release --example profile_status -- DIR`.

use std::time::Instant;

use signon::load::{Workspace, raw};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: profile_status DIR");
    let ws = Workspace::discover(Some(dir.as_ref()), &std::env::current_dir().unwrap()).unwrap();
    let text = std::fs::read_to_string(ws.signers_path()).unwrap();
    let source = signon::diag::Source::new(&ws.signers_path(), text.clone());
    let t = Instant::now();
    let _ = <raw::SignersFile as signon::load::FileKind>::parse(&source);
    println!("parse signers.toml (part by part): {:?}", t.elapsed());
    let t = Instant::now();
    let _: toml::Table = toml::from_str(&text).unwrap();
    println!("parse signers.toml (toml::Table):  {:?}", t.elapsed());
    let t = Instant::now();
    let _ = signon::ledger::read::parse_signers(&source).expect("fast path");
    println!("parse signers.toml (ledger::read): {:?}", t.elapsed());
    let t = Instant::now();
    for p in ws.letter_paths().unwrap() {
        let _ = signon::load::load_file::<raw::LetterFile>(&p).unwrap();
    }
    println!("parse letters:                     {:?}", t.elapsed());
    let t = Instant::now();
    let checked = signon::validate::workspace(&ws, &[]).unwrap();
    println!("validate::workspace (all):         {:?}", t.elapsed());
    let now = chrono::DateTime::parse_from_rfc3339("2025-02-01T12:00:00Z").unwrap();
    let t = Instant::now();
    let all = signon::status::overview(&checked.letters, &checked.roster, &checked.ledger, now);
    println!("status::overview:                  {:?}", t.elapsed());
    let t = Instant::now();
    let fps: Vec<String> = checked
        .letters
        .iter()
        .map(signon::ledger::fingerprint)
        .collect();
    println!("  fingerprints:                    {:?}", t.elapsed());
    let t = Instant::now();
    let states: Vec<_> = checked
        .letters
        .iter()
        .zip(&fps)
        .map(|(l, f)| signon::ledger::states(l, &checked.ledger, f))
        .collect();
    println!("  states (ungrouped):              {:?}", t.elapsed());
    let t = Instant::now();
    for s in &states {
        let _ = signon::ledger::final_gate(s, &checked.roster);
    }
    println!("  final_gate:                      {:?}", t.elapsed());
    let t = Instant::now();
    let mut names: Vec<&str> = checked
        .roster
        .signers
        .iter()
        .map(|s| s.sort_as.as_str())
        .collect();
    names.sort_by(|a, b| signon::names::collate(a, b));
    println!("  collate roster:                  {:?}", t.elapsed());
    let t = Instant::now();
    let mut json = Vec::new();
    signon::status::json::write(&all, now, &mut json).unwrap();
    println!(
        "status::json::write:               {:?} ({} bytes)",
        t.elapsed(),
        json.len()
    );
}

//! Times each stage of `signon status --json` on a workspace, to see where
//! the time goes: `cargo run --release --example profile_status -- DIR`.

use std::time::Instant;

use signon::load::{Workspace, raw};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: profile_status DIR");
    let ws = Workspace::discover(Some(dir.as_ref()), &std::env::current_dir().unwrap()).unwrap();
    let text = std::fs::read_to_string(ws.signers_path()).unwrap();
    let t = Instant::now();
    let _: raw::SignersFile = toml::from_str(&text).unwrap();
    println!("parse signers.toml (raw, spanned): {:?}", t.elapsed());
    let t = Instant::now();
    let _: toml::Table = toml::from_str(&text).unwrap();
    println!("parse signers.toml (toml::Table):  {:?}", t.elapsed());
    let t = Instant::now();
    let checked = signon::validate::workspace(&ws, &[]).unwrap();
    println!("validate::workspace (all):         {:?}", t.elapsed());
    let now = chrono::DateTime::parse_from_rfc3339("2025-02-01T12:00:00Z").unwrap();
    let t = Instant::now();
    let all = signon::status::overview(&checked.letters, &checked.roster, &checked.ledger, now);
    println!("status::overview:                  {:?}", t.elapsed());
    let t = Instant::now();
    let json = signon::status::json::render(&all, now);
    println!(
        "status::json::render:              {:?} ({} bytes)",
        t.elapsed(),
        json.len()
    );
}

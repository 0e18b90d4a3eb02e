//! Writes a large workspace for benchmarking `signon status`: the full roster,
//! many letters and a long ledger.
//!
//! ```text
//! cargo run --release --example gen_workspace -- DIR [LETTERS] [EVENTS] [ROSTER.yaml]
//! ```
//!
//! Defaults: 100 letters, 20,000 events, and the roster from
//! `../shared/data/legislators-current.yaml` (the congress-legislators data)
//! when it exists, else 537 synthetic Members. Output is deterministic: the
//! same arguments give the same bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration};
use serde::Deserialize;
use signon::ledger::{NewEvent, events_toml, fingerprint};
use signon::model::Status;

const DEFAULT_ROSTER: &str = "../shared/data/legislators-current.yaml";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: gen_workspace DIR [LETTERS] [EVENTS] [ROSTER.yaml]");
        std::process::exit(2);
    };
    let letters: usize = args.get(1).map_or(100, |s| s.parse().expect("LETTERS"));
    let events: usize = args.get(2).map_or(20_000, |s| s.parse().expect("EVENTS"));
    let yaml = args
        .get(3)
        .map_or(Path::new(DEFAULT_ROSTER), |s| Path::new(s.as_str()));
    let members = match fs::read_to_string(yaml) {
        Ok(text) => from_yaml(&text),
        Err(_) => synthetic(537),
    };
    fs::create_dir_all(dir.join("letters")).unwrap();
    let mut rng = Rng(0x5eed);
    let mut signers = roster_toml(&members);
    let ids: Vec<&str> = members.iter().map(|m| m.id.as_str()).collect();
    let mut fingerprints = Vec::new();
    let mut casts = Vec::new();
    for n in 0..letters {
        let id = format!("2025-{:02}-{:02}-letter-{n:03}", 1 + n % 12, 1 + n % 28);
        let size = 40 + rng.below(260);
        let cast = rng.pick(&ids, size);
        let text = letter_toml(n, &cast, rng.below(40) as i64);
        let (letter, diags) = signon::validate::letter_from_str(&id, &text, None);
        assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
        fingerprints.push(fingerprint(&letter.unwrap()));
        fs::write(dir.join("letters").join(format!("{id}.toml")), text).unwrap();
        casts.push((id, cast));
    }
    signers.push_str("\n# ---- ledger ----\n");
    let start = DateTime::parse_from_rfc3339("2025-01-02T09:00:00-05:00").unwrap();
    let batch: Vec<NewEvent> = (0..events)
        .map(|i| {
            let l = rng.below(casts.len());
            let (letter, cast) = &casts[l];
            let status = [
                Status::Signed,
                Status::Signed,
                Status::Signed,
                Status::Declined,
                Status::Invited,
                Status::Withdrawn,
            ][rng.below(6)];
            NewEvent {
                letter: letter.clone(),
                signer: cast[rng.below(cast.len())].to_string(),
                status,
                at: start + Duration::minutes(i as i64 * 3),
                by: Some("AH".into()),
                // One in ten signatures approved an older text: stale.
                text: (status == Status::Signed).then(|| {
                    if rng.below(10) == 0 {
                        "sha256:old".into()
                    } else {
                        fingerprints[l].clone()
                    }
                }),
                note: (i % 7 == 0).then(|| "confirmed by email from the LD".into()),
            }
        })
        .collect();
    // One command per event, as offices answer one by one: each its own seal.
    for event in &batch {
        signers.push_str(&events_toml(std::slice::from_ref(event)));
    }
    fs::write(dir.join("signers.toml"), signers).unwrap();
    eprintln!(
        "wrote {}: {} signers, {letters} letters, {events} events",
        dir.display(),
        members.len()
    );
}

struct Member {
    id: String,
    name: String,
    senate: bool,
    party: String,
    state: String,
    district: Option<i64>,
}

#[derive(Deserialize)]
struct Legislator {
    id: Ids,
    name: Name,
    terms: Vec<Term>,
}

#[derive(Deserialize)]
struct Ids {
    bioguide: String,
}

#[derive(Deserialize)]
struct Name {
    official_full: Option<String>,
    first: String,
    last: String,
}

#[derive(Deserialize)]
struct Term {
    #[serde(rename = "type")]
    kind: String,
    state: String,
    district: Option<i64>,
    party: Option<String>,
}

fn from_yaml(text: &str) -> Vec<Member> {
    let all: Vec<Legislator> = serde_saphyr::from_str(text).expect("legislators YAML");
    all.into_iter()
        .map(|l| {
            let term = l.terms.last().expect("a current term");
            Member {
                id: l.id.bioguide.to_lowercase(),
                name: l
                    .name
                    .official_full
                    .unwrap_or(format!("{} {}", l.name.first, l.name.last)),
                senate: term.kind == "sen",
                party: term.party.as_deref().unwrap_or("I")[..1].to_string(),
                state: term.state.clone(),
                district: term.district,
            }
        })
        .collect()
}

fn synthetic(n: usize) -> Vec<Member> {
    (0..n)
        .map(|i| Member {
            id: format!("m{i:03}"),
            name: format!("Member Number{i:03}"),
            senate: i < 100,
            party: ["D", "R"][i % 2].to_string(),
            state: format!("S{}", (b'A' + (i % 26) as u8) as char),
            district: (i >= 100).then_some((i % 40) as i64),
        })
        .collect()
}

fn roster_toml(members: &[Member]) -> String {
    let mut out = String::from("# Generated by examples/gen_workspace.rs for benchmarks.\n");
    for m in members {
        let chamber = if m.senate { "senate" } else { "house" };
        let name = m.name.replace('"', "\\\"");
        let _ = write!(
            out,
            "\n[signers.{}]\nname = \"{name}\"\nchamber = \"{chamber}\"\nparty = \"{}\"\nstate = \"{}\"\n",
            m.id, m.party, m.state
        );
        if let Some(d) = m.district.filter(|_| !m.senate) {
            let _ = writeln!(out, "district = {d}");
        }
    }
    out
}

fn letter_toml(n: usize, cast: &[&str], deadline_in: i64) -> String {
    let list = |ids: &[&str]| {
        ids.iter()
            .map(|i| format!("\"{i}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let deadline =
        chrono::NaiveDate::from_ymd_opt(2025, 2, 1).unwrap() + Duration::days(deadline_in - 5);
    format!(
        r#"[letter]
title = "Benchmark letter number {n}"
date = 2025-03-15
deadline = {deadline}
salutation = "Dear Secretary:"

[[recipient]]
name = "The Honorable Jane Doe"
title = "Secretary of Examples"
address = ["Department of Examples", "Washington, DC 20500"]

[[section]]
heading = "Why we write"
body = """
We write about item {n}, which matters to our constituents and to *the country*.
It has been the subject of many letters, and it will be the subject of more.

A second paragraph repeats the point at a length typical of a real letter, so
that the fingerprint has a realistic amount of text to hash on every run.
"""
asks = ["Do the first thing.", "Do the **second** thing."]

[signatories]
leads = [{leads}]
invited = [{invited}]
"#,
        leads = list(&cast[..2]),
        invited = list(&cast[2..]),
    )
}

/// A small deterministic generator (xorshift64), so no `rand` dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// `k` distinct items, in random order.
    fn pick<'a>(&mut self, from: &[&'a str], k: usize) -> Vec<&'a str> {
        let mut pool = from.to_vec();
        let k = k.min(pool.len());
        for i in 0..k {
            let j = i + self.below(pool.len() - i);
            pool.swap(i, j);
        }
        pool.truncate(k);
        pool
    }
}

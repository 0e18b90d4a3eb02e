//! The fast ledger reader (`ledger::read`) against the toml crate, on the
//! same text, with nothing else in the way: a two-line roster, so that each
//! run costs microseconds and the fuzzer reaches deep into the reader.
//!
//! Both ways: text the fast reader accepts, toml reads to the same events
//! (every key, value and span); and events written by `append`'s own
//! formatter, from fields cut out of the input, the fast reader accepts —
//! otherwise every `status` would take the slow path without a word.
#![no_main]

use std::path::Path;

use chrono::{DateTime, FixedOffset, TimeZone};
use libfuzzer_sys::fuzz_target;
use signon::diag::Source;
use signon::ledger::{NewEvent, events_toml};
use signon::load::{FileKind, raw};
use signon::model::Status;

const ROSTER: &str = "[signers.a]\nname = \"A\"\nchamber = \"house\"\n";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Mostly a ledger's tail, as the reader meets it after the first header.
    taken_as_toml_takes_it(&format!("{ROSTER}\n[[signoff]]\n{text}"));
    written_is_taken(data);
});

/// The events of `text` by the toml crate, or `None` when it refuses it.
fn slow(source: &std::sync::Arc<Source>) -> Option<raw::SignersFile> {
    let (file, problems) = <raw::SignersFile as FileKind>::parse(source);
    problems.is_empty().then_some(file)
}

/// Whatever the fast reader takes, toml takes, to the same events and spans.
fn taken_as_toml_takes_it(text: &str) {
    let source = Source::new(Path::new("signers.toml"), text.to_string());
    let Some(fast) = signon::ledger::read::parse_signers(&source) else {
        return;
    };
    let slow = slow(&source).expect("the fast reader took what toml refuses");
    assert_eq!(format!("{:?}", fast.signoff), format!("{:?}", slow.signoff));
    assert_eq!(fast.signers.len(), slow.signers.len());
}

/// Events made of the input's NUL-separated pieces, written as `append`
/// writes them, are read by the fast path, exactly as toml reads them.
fn written_is_taken(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut pieces = text.split('\0').map(str::to_string);
    let mut next = || pieces.next().filter(|p| !p.is_empty());
    let (Some(letter), Some(signer)) = (next(), next()) else {
        return;
    };
    let seed = data
        .iter()
        .fold(0u32, |h, &b| h.wrapping_mul(31) ^ u32::from(b));
    let event = NewEvent {
        letter,
        signer,
        status: Status::ALL[seed as usize % Status::ALL.len()],
        at: time(seed),
        by: next(),
        text: next(),
        note: next(),
    };
    let ledger = format!("{ROSTER}{}", events_toml(&[event]));
    let source = Source::new(Path::new("signers.toml"), ledger.clone());
    let slow = slow(&source).expect("toml reads what append writes");
    let fast = signon::ledger::read::parse_signers(&source);
    let fast =
        fast.unwrap_or_else(|| panic!("the fast reader refused what append wrote:\n{ledger}"));
    assert_eq!(format!("{:?}", fast.signoff), format!("{:?}", slow.signoff));
}

/// A time between 1970 and 2106 in one of the offsets between -12 and +14 h.
fn time(seed: u32) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt((seed % 105) as i32 * 900 - 12 * 3600).unwrap();
    offset.timestamp_opt(i64::from(seed), 0).unwrap()
}

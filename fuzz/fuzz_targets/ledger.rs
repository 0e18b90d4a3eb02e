//! The ledger parser and replay: arbitrary text appended after the example
//! roster as `[[signoff]]` events, then every letter's standings and final
//! gate computed — never a panic. And the fast ledger reader, on every input
//! it accepts, reads exactly what the toml crate reads: every key, value and
//! span, seals included.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use signon::diag::Source;
use signon::load::{FileKind, raw};

const SIGNERS: &str = include_str!("../../signers.toml");
const LETTER: &str = include_str!("../../letters/2025-02-06-rubio.toml");

fuzz_target!(|data: &[u8]| {
    let tail = String::from_utf8_lossy(data);
    let signers = format!("{SIGNERS}\n[[signoff]]\n{tail}");
    same_as_toml(&signers);
    let checked = signon::validate::texts(&signers, &[("2025-02-06-rubio", LETTER)]);
    let _ = signon::diag::report(&checked.diagnostics);
    for letter in &checked.letters {
        let fp = signon::ledger::fingerprint(letter);
        let states = signon::ledger::states(letter, &checked.ledger, &fp);
        let _ = signon::ledger::final_gate(&states, &checked.roster);
    }
});

/// When the fast reader takes `text`, toml takes it too, to the same events.
fn same_as_toml(text: &str) {
    let source = Source::new(Path::new("signers.toml"), text.to_string());
    let Some(fast) = signon::ledger::read::parse_signers(&source) else {
        return;
    };
    let (slow, problems) = <raw::SignersFile as FileKind>::parse(&source);
    assert!(problems.is_empty(), "the fast reader took what toml refuses: {problems:?}");
    assert_eq!(format!("{:?}", fast.signoff), format!("{:?}", slow.signoff));
    assert_eq!(fast.signers.len(), slow.signers.len());
}

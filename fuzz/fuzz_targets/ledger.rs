//! The ledger parser and replay: arbitrary text appended after the example
//! roster as `[[signoff]]` events, then every letter's standings and final
//! gate computed — never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

const SIGNERS: &str = include_str!("../../signers.toml");
const LETTER: &str = include_str!("../../letters/2025-02-06-rubio.toml");

fuzz_target!(|data: &[u8]| {
    let tail = String::from_utf8_lossy(data);
    let signers = format!("{SIGNERS}\n[[signoff]]\n{tail}");
    let checked = signon::validate::texts(&signers, &[("2025-02-06-rubio", LETTER)]);
    let _ = signon::diag::report(&checked.diagnostics);
    for letter in &checked.letters {
        let fp = signon::ledger::fingerprint(letter);
        let states = signon::ledger::states(letter, &checked.ledger, &fp);
        let _ = signon::ledger::final_gate(&states, &checked.roster);
    }
});

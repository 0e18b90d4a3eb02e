//! Loading and checking a letter and a roster from arbitrary text: every
//! input must yield a result or diagnostics (rendered with their snippets),
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

const SIGNERS: &str = include_str!("../../signers.toml");

fuzz_target!(|data: &[u8]| {
    // The first byte picks which file the fuzzer's text replaces.
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let checked = if which % 2 == 0 {
        signon::validate::texts(SIGNERS, &[("fuzz", &text)])
    } else {
        let letter = include_str!("../../letters/2025-02-06-rubio.toml");
        signon::validate::texts(&text, &[("2025-02-06-rubio", letter)])
    };
    let _ = signon::diag::report(&checked.diagnostics);
});

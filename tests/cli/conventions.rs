//! The letter conventions `signon check` warns about, with their exact
//! stderr: `tests/fixtures/conventions-slips/` holds one letter per slip,
//! and the example workspace's letter runs over 500 words;
//! `tests/fixtures/conventions-repeats/` repeats a paragraph and an ask.

use crate::support::*;

#[test]
fn every_slip_is_a_warning_at_its_place() {
    let ws = workspace("conventions-slips");
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    golden("conventions-slips/expected/stderr.txt", &stderr(&out), None);
    golden("conventions-slips/expected/stdout.txt", &stdout(&out), None);
}

/// Issue #17: a paragraph pasted twice (re-wrapped) and an ask repeated are
/// each a warning at the repeat naming the first's line; "Thank you." twice
/// and the letter's other texts are not.
#[test]
fn a_repeated_paragraph_and_ask_are_warnings_at_the_repeat() {
    let ws = workspace("conventions-repeats");
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    golden(
        "conventions-repeats/expected/stderr.txt",
        &stderr(&out),
        None,
    );
}

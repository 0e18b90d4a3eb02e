//! The letter conventions `signon check` warns about, with their exact
//! stderr: `tests/fixtures/conventions-slips/` holds one letter per slip,
//! and the example workspace's letter runs over 500 words.

use crate::support::*;

#[test]
fn every_slip_is_a_warning_at_its_place() {
    let ws = workspace("conventions-slips");
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    golden("conventions-slips/expected/stderr.txt", &stderr(&out), None);
    golden("conventions-slips/expected/stdout.txt", &stdout(&out), None);
}

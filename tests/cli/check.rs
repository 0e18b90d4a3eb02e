//! `signon check`, `init` and `new` through the real binary, and the golden
//! diagnostics of every kind of bad input (`tests/fixtures/check-*`).

use crate::support::*;

#[test]
fn example_workspace_checks_clean() {
    let ws = example();
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Convention warnings (tests/cli/conventions.rs) are allowed; errors are not.
    assert!(!stderr(&out).contains(": error:"), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("checked 2 letters, 26 signers"),
        "{}",
        stdout(&out)
    );
}

//! Two coordinators on two clones of one workspace, each recording events
//! with `signon sign`, then merged by git. With the merge driver configured
//! (issue #17: `signon merge-ledger`, see `git.rs`) the merge is clean and an
//! event both sides recorded is kept once. Git's config is not versioned, so
//! a clone may lack the driver; git then falls back to its line merge (issue
//! #8): the conflict is one clear error that blocks appends, resolving it by
//! keeping both sides loses nothing, and an event both sides recorded shows
//! up as an exact repeat.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use crate::support::*;

/// Runs git in `dir`, isolated from the user's and the system's config, with
/// pinned dates; returns whether it succeeded.
pub(crate) fn git(dir: &Path, args: &[&str]) -> bool {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_DATE", "2025-02-01T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2025-02-01T12:00:00Z")
        .output()
        .expect("git is installed");
    out.status.success()
}

pub(crate) fn git_ok(dir: &Path, args: &[&str]) {
    assert!(git(dir, args), "git {args:?} failed in {}", dir.display());
}

pub(crate) fn identify(dir: &Path) {
    git_ok(dir, &["config", "user.name", "Coordinator"]);
    git_ok(dir, &["config", "user.email", "coordinator@example.org"]);
}

/// Defines the `signon` merge driver in the clone `dir`, as the line that
/// `signon init` prints does, with the binary under test.
pub(crate) fn enable_driver(dir: &Path) {
    let driver = format!("'{}' merge-ledger %O %A %B", env!("CARGO_BIN_EXE_signon"));
    git_ok(dir, &["config", "merge.signon.driver", &driver]);
}

/// The example workspace committed in `a/` with the `.gitattributes` that
/// `signon init` writes, and a clone of it in `b/`; with `driver`, both
/// clones have the merge driver configured.
pub(crate) fn clones(driver: bool) -> (TempDir, PathBuf, PathBuf) {
    let root = TempDir::new().unwrap();
    let (a, b) = (root.path().join("a"), root.path().join("b"));
    let example = example();
    copy_dir(example.path(), &a);
    fs::write(a.join(".gitattributes"), "signers.toml merge=signon\n").unwrap();
    git_ok(&a, &["init", "-q", "-b", "main"]);
    identify(&a);
    git_ok(&a, &["add", "."]);
    git_ok(&a, &["commit", "-q", "-m", "workspace"]);
    git_ok(root.path(), &["clone", "-q", "a", "b"]);
    identify(&b);
    if driver {
        enable_driver(&a);
        enable_driver(&b);
    }
    (root, a, b)
}

/// Runs `signon ARGS` in `dir`, expecting success, then commits.
pub(crate) fn record(dir: &Path, args: &[&str]) {
    let out = signon(dir, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    git_ok(dir, &["commit", "-q", "-a", "-m", &args.join(" ")]);
}

/// Merges the origin's (`a`'s) branch into `b`, which conflicts: both
/// appended at the end.
fn merge_conflicting(b: &Path) {
    git_ok(b, &["fetch", "-q", "origin"]);
    assert!(
        !git(b, &["merge", "-q", "origin/main"]),
        "the merge conflicts"
    );
}

/// Resolves the conflict in `signers.toml` by keeping both sides whole: our
/// file, then the events their side appended to the common base.
fn keep_both(b: &Path) {
    let stage = |n: u8| {
        let out = Command::new("git")
            .args(["show", &format!(":{n}:signers.toml")])
            .current_dir(b)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let (base, ours, theirs) = (stage(1), stage(2), stage(3));
    assert!(ours.starts_with(&base) && theirs.starts_with(&base));
    let resolved = format!("{ours}{}", &theirs[base.len()..]);
    fs::write(b.join("signers.toml"), resolved).unwrap();
    git_ok(
        b,
        &["commit", "-q", "-a", "-m", "merge: both sides' events"],
    );
}

pub(crate) fn text(dir: &Path) -> String {
    fs::read_to_string(dir.join("signers.toml")).unwrap()
}

pub(crate) fn count(dir: &Path, signer: &str) -> usize {
    text(dir).matches(&format!("signer = \"{signer}\"")).count()
}

#[test]
fn without_the_driver_a_conflicting_merge_is_reported_blocks_appends_and_resolves_cleanly() {
    let (_root, a, b) = clones(false);
    record(&a, &["sign", RUBIO, "pallone", "--by", "AH"]);
    record(&b, &["sign", RUBIO, "sherman", "--by", "CD"]);
    merge_conflicting(&b);
    let check = signon(&b, &["check"]);
    assert_eq!(code(&check), 1);
    golden("fault-merge/expected/check.stderr", &stderr(&check), None);
    let conflicted = text(&b);
    let sign = signon(&b, &["sign", RUBIO, "chu"]);
    assert_eq!(code(&sign), 1, "{}", stderr(&sign));
    assert_eq!(
        text(&b),
        conflicted,
        "nothing appended to a conflicted file"
    );
    // Deleting only the marker lines mixes the two events into one: an
    // error `check` catches, not a silently wrong ledger.
    let naive: String = conflicted
        .lines()
        .filter(|l| {
            !["<<<<<<<", "=======", ">>>>>>>"]
                .iter()
                .any(|m| l.starts_with(m))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(b.join("signers.toml"), &naive).unwrap();
    let check = signon(&b, &["check"]);
    assert_eq!(code(&check), 1);
    assert!(
        stderr(&check).contains("duplicate key"),
        "{}",
        stderr(&check)
    );
    fs::write(b.join("signers.toml"), &conflicted).unwrap();
    keep_both(&b);
    let check = signon(&b, &["check"]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    assert_eq!((count(&b, "pallone"), count(&b, "sherman")), (1, 1));
    let status = signon(&b, &["status", RUBIO, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let signers = json["letters"][0]["signers"].as_array().unwrap();
    for id in ["pallone", "sherman"] {
        let s = signers.iter().find(|s| s["id"] == id).unwrap();
        assert_eq!(s["state"], "signed", "{id}");
    }
}

/// Both coordinators recorded the same email (same `--at`, same `--by`):
/// the driver keeps that event once, and the merge needs no hand.
#[test]
fn with_the_driver_an_event_both_sides_recorded_is_kept_once() {
    let (_root, a, b) = clones(true);
    let same = ["--at", "2025-02-01T06:00:00-05:00", "--by", "AH"];
    record(&a, &[&["sign", RUBIO, "pallone"][..], &same].concat());
    record(&a, &["sign", RUBIO, "chu"]);
    record(&b, &["decline", RUBIO, "tenney"]);
    record(&b, &[&["sign", RUBIO, "pallone"][..], &same].concat());
    git_ok(
        &b,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    let check = signon(&b, &["check"]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    assert!(!stderr(&check).contains("repeats"), "{}", stderr(&check));
    let counts = ["pallone", "chu", "tenney"].map(|s| count(&b, s));
    assert_eq!(counts, [1, 1, 1]);
}

/// Without the driver, kept whole by hand, the merge holds that event
/// twice. Both copies stay, the state is unchanged, and
/// `duplicate_events` points at the second copy.
#[test]
fn without_the_driver_an_event_both_sides_recorded_is_kept_and_flagged_as_a_repeat() {
    let (_root, a, b) = clones(false);
    let same = ["--at", "2025-02-01T06:00:00-05:00", "--by", "AH"];
    record(&a, &[&["sign", RUBIO, "pallone"][..], &same].concat());
    record(&a, &["sign", RUBIO, "chu"]);
    record(&b, &["decline", RUBIO, "tenney"]);
    record(&b, &[&["sign", RUBIO, "pallone"][..], &same].concat());
    merge_conflicting(&b);
    keep_both(&b);
    let check = signon(&b, &["check"]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    assert_eq!(count(&b, "pallone"), 2, "no event is dropped");
    assert_eq!((count(&b, "chu"), count(&b, "tenney")), (1, 1));
    golden(
        "fault-merge/expected/repeat.stderr",
        &stderr(&check),
        Some(&b),
    );
    let json = stdout(&signon(&b, &["status", RUBIO, "--json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let signers = json["letters"][0]["signers"].as_array().unwrap();
    let pallone: Vec<_> = signers.iter().filter(|s| s["id"] == "pallone").collect();
    assert_eq!(pallone.len(), 1);
    assert_eq!(pallone[0]["state"], "signed");
}

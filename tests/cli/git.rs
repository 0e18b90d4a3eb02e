//! Two coordinators, one letter, git (issue #17): `signon init` writes the
//! git files, and with the merge driver it prints configured, two clones
//! that signed offices at once merge both ways without a conflict. The
//! helpers for clones live in `merge.rs`.

use std::fs;
use std::path::Path;

use crate::merge::{clones, count, git, git_ok, record, text};
use crate::support::*;

const DRIVER_LINE: &str = r#"git config merge.signon.driver "signon merge-ledger %O %A %B""#;

#[test]
fn init_writes_the_git_files_and_prints_the_driver_line() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = signon(dir.path(), &["init", "caucus"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let ws = dir.path().join("caucus");
    let read = |name: &str| fs::read_to_string(ws.join(name)).unwrap();
    assert_eq!(read(".gitignore"), "out/\n");
    assert_eq!(read(".gitattributes"), "signers.toml merge=signon\n");
    assert!(
        stdout(&out).lines().any(|l| l.trim() == DRIVER_LINE),
        "{}",
        stdout(&out)
    );
}

#[test]
fn init_adds_to_existing_git_files_without_clobbering_them() {
    let dir = tempfile::TempDir::new().unwrap();
    let ws = dir.path();
    fs::write(ws.join(".gitignore"), "*.bak").unwrap();
    let attributes = "*.pdf binary\nsigners.toml merge=signon\n";
    fs::write(ws.join(".gitattributes"), attributes).unwrap();
    let out = signon(ws, &["init"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let read = |name: &str| fs::read_to_string(ws.join(name)).unwrap();
    assert_eq!(read(".gitignore"), "*.bak\nout/\n");
    assert_eq!(read(".gitattributes"), attributes);
}

/// Fetches the other clone's `main` as the local branch `theirs`.
fn fetch_theirs(dir: &Path, other: &Path) {
    let spec = "main:theirs";
    git_ok(dir, &["fetch", "-q", other.to_str().unwrap(), spec]);
}

/// The `at` values of the ledger, in file order.
fn times(dir: &Path) -> Vec<String> {
    text(dir)
        .lines()
        .filter_map(|l| l.strip_prefix("at = "))
        .map(str::to_string)
        .collect()
}

/// `at` as the sign-offs of these tests write it, from `HH:MM`.
fn at(t: &str) -> String {
    format!("2025-01-31T{t}:00-05:00")
}

/// Two clones that signed offices at once (different ones in each, one
/// office in both at different times, one in both with the same bytes),
/// each merged with the other's work; returns `check`'s stderr before.
fn sign_in_both_and_merge_both_ways(a: &Path, b: &Path) -> String {
    let baseline = stderr(&signon(a, &["check"]));
    let sign = |dir: &Path, who: &str, t: &str| {
        record(dir, &["sign", RUBIO, who, "--by", "AH", "--at", &at(t)]);
    };
    sign(a, "pallone", "09:00");
    sign(b, "sherman", "10:00");
    sign(a, "chu", "11:00");
    sign(b, "chu", "12:00");
    // The same office, recorded in both clones: the same bytes.
    sign(a, "tenney", "13:00");
    sign(b, "tenney", "13:00");
    fetch_theirs(a, b);
    fetch_theirs(b, a);
    for dir in [a, b] {
        git_ok(dir, &["merge", "-q", "--no-edit", "theirs"]);
    }
    baseline
}

#[test]
fn two_clones_signing_at_once_merge_both_ways_without_a_conflict() {
    let (_root, a, b) = clones(true);
    let baseline = sign_in_both_and_merge_both_ways(&a, &b);
    for dir in [&a, &b] {
        let check = signon(dir, &["check"]);
        assert_eq!(code(&check), 0, "{}", stderr(&check));
        assert_eq!(stderr(&check), baseline, "no new warning");
        let counts = ["pallone", "sherman", "chu", "tenney"].map(|s| count(dir, s));
        assert_eq!(counts, [1, 1, 2, 1], "every event once");
        let hours = ["09", "10", "11", "12", "13"];
        assert_eq!(times(dir), hours.map(|h| at(&format!("{h}:00"))));
    }
    assert_eq!(text(&a), text(&b), "both ways give the same file");
}

/// After the two merges each clone has a merge commit the other lacks:
/// pulling again is a criss-cross merge, for which git first merges the two
/// merge bases with the driver. It stays clean, every event once.
#[test]
fn pulling_again_after_merging_both_ways_is_clean() {
    let (_root, a, b) = clones(true);
    sign_in_both_and_merge_both_ways(&a, &b);
    record(
        &b,
        &["sign", RUBIO, "titus", "--by", "CD", "--at", &at("14:00")],
    );
    fetch_theirs(&a, &b);
    git_ok(&a, &["merge", "-q", "--no-edit", "theirs"]);
    let check = signon(&a, &["check"]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    let counts = ["pallone", "sherman", "chu", "tenney", "titus"].map(|s| count(&a, s));
    assert_eq!(counts, [1, 1, 2, 1, 1]);
    assert_eq!(text(&a), text(&b));
}

#[test]
fn a_roster_line_conflict_leaves_markers_that_check_reports() {
    let (_root, a, b) = clones(true);
    let role = |dir: &Path, to: &str| {
        let path = dir.join("signers.toml");
        let old = fs::read_to_string(&path).unwrap();
        let from = "role = \"Co-Chair, Congressional Armenian Caucus\"";
        let new = old.replacen(from, &format!("role = \"{to}\""), 1);
        assert_ne!(old, new);
        fs::write(&path, new).unwrap();
        git_ok(dir, &["commit", "-q", "-a", "-m", "role"]);
    };
    role(&a, "Co-Chair");
    role(&b, "Vice-Chair");
    record(&a, &["sign", RUBIO, "pallone", "--by", "AH"]);
    record(&b, &["sign", RUBIO, "chu", "--by", "CD"]);
    fetch_theirs(&b, &a);
    assert!(
        !git(&b, &["merge", "-q", "--no-edit", "theirs"]),
        "git reports the conflict"
    );
    assert_eq!((count(&b, "pallone"), count(&b, "chu")), (1, 1));
    let check = signon(&b, &["check"]);
    assert_eq!(code(&check), 1);
    golden(
        "fault-merge/expected/roster-conflict.stderr",
        &stderr(&check),
        None,
    );
}

/// A version that is not UTF-8 cannot be merged: exit 1, OURS untouched,
/// so git leaves the file conflicted for a hand to look at.
#[test]
fn merge_ledger_refuses_a_version_that_is_not_utf8_and_leaves_ours() {
    let dir = tempfile::TempDir::new().unwrap();
    let ws = dir.path();
    fs::write(ws.join("base.toml"), "# base\n").unwrap();
    fs::write(ws.join("ours.toml"), "# ours\n").unwrap();
    fs::write(ws.join("theirs.toml"), b"# \xff\n").unwrap();
    let out = signon(
        ws,
        &["merge-ledger", "base.toml", "ours.toml", "theirs.toml"],
    );
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: `theirs.toml` is not UTF-8 text: merge it by hand\n"
    );
    assert_eq!(
        fs::read_to_string(ws.join("ours.toml")).unwrap(),
        "# ours\n"
    );
}

/// `signon init --help`, from anywhere.
fn init_help() -> String {
    let dir = tempfile::TempDir::new().unwrap();
    let out = signon(dir.path(), &["init", "--help"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn init_help_names_the_git_files_it_writes() {
    let help = init_help();
    for file in [".gitignore", ".gitattributes", "signers.toml", "letters/"] {
        assert!(help.contains(file), "{file}: {help}");
    }
}

#[test]
fn init_help_shows_the_driver_line_init_prints() {
    let help = init_help();
    assert!(help.lines().any(|l| l.trim() == DRIVER_LINE), "{help}");
}

#[test]
fn init_help_has_an_example() {
    assert!(init_help().contains("  signon init my-caucus"));
}

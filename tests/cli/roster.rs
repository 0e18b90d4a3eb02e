//! `signon roster import` and `signon signers` through the real binary:
//! the hand-made extract of the legislators data in
//! `tests/fixtures/roster-import/`, the whole public data set (an ignored
//! test CI runs), and the golden `signers` listings (`tests/fixtures/roster-signers/`).

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;

const CASE: &str = "roster-import";

fn import(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["roster", "import", "legislators.yaml"];
    args.extend_from_slice(extra);
    signon(dir, &args)
}

/// The text from the ledger marker on: what no import may change.
fn ledger(text: &str) -> &str {
    &text[text.find("# ---- ledger").expect("a ledger marker")..]
}

#[test]
fn dry_run_shows_the_diff_and_writes_nothing() {
    let ws = workspace(CASE);
    let before = fs::read(ws.path().join("signers.toml")).unwrap();
    let out = import(ws.path(), &["--dry-run"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    golden(&format!("{CASE}/expected/dry-run.txt"), &stdout(&out), None);
    golden(&format!("{CASE}/expected/stderr.txt"), &stderr(&out), None);
    assert_eq!(fs::read(ws.path().join("signers.toml")).unwrap(), before);
}

#[test]
fn import_updates_by_bioguide_and_keeps_hand_edits_comments_and_ledger() {
    let ws = workspace(CASE);
    let path = ws.path().join("signers.toml");
    let before = fs::read_to_string(&path).unwrap();
    let out = import(ws.path(), &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    golden(&format!("{CASE}/expected/import.txt"), &stdout(&out), None);
    golden(&format!("{CASE}/expected/stderr.txt"), &stderr(&out), None);
    let after = fs::read_to_string(&path).unwrap();
    golden(&format!("{CASE}/expected/signers.toml"), &after, None);
    assert_eq!(ledger(&after), ledger(&before), "the ledger changed");
    for line in before.lines().filter(|l| l.contains('#')) {
        let comment = &line[line.find('#').unwrap()..];
        assert!(after.contains(comment), "lost the comment `{comment}`");
    }
    let check = signon(ws.path(), &["check"]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
}

#[test]
fn a_second_import_changes_no_byte() {
    let ws = workspace(CASE);
    assert_eq!(code(&import(ws.path(), &[])), 0);
    let once = fs::read(ws.path().join("signers.toml")).unwrap();
    let out = import(ws.path(), &[]);
    assert_eq!(
        stdout(&out),
        "imported into `signers.toml`: 0 added, 0 updated, 8 unchanged\n"
    );
    assert_eq!(fs::read(ws.path().join("signers.toml")).unwrap(), once);
}

#[test]
fn import_into_a_new_workspace_keeps_the_explanations_on_top() {
    let ws = tempfile::TempDir::new().unwrap();
    assert_eq!(code(&signon(ws.path(), &["init"])), 0);
    let data = fixture(CASE).join("legislators.yaml");
    let out = signon(ws.path(), &["roster", "import", data.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    golden(&format!("{CASE}/expected/from-init.toml"), &text, None);
}

#[test]
fn filters_pick_members_and_a_wrong_state_is_an_error() {
    let ws = workspace(CASE);
    let out = import(ws.path(), &["--chamber", "senate", "--dry-run"]);
    assert_eq!(
        stdout(&out)
            .lines()
            .filter(|l| l.starts_with(['+', '~']))
            .collect::<Vec<_>>(),
        ["+ king  Angus S. King, Jr.", "~ schiff  Adam B. Schiff"]
    );
    let out = import(ws.path(), &["--state", "GA", "--state", "sd", "--dry-run"]);
    assert!(stdout(&out).starts_with("+ johnson-ga  Henry C. \"Hank\" Johnson, Jr.\n+ johnson-sd  Dusty Johnson\ndry run: 2 would be added"), "{}", stdout(&out));
    let out = import(ws.path(), &["--state", "NK"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: no Members from `NK` in the data\n  = help: did you mean `NJ`?\n"
    );
}

/// The public congress-legislators data: `$SIGNON_SHARED/data/` (as
/// `.ci/run` sets it), else `../shared/data/` beside the repository.
fn full_data() -> PathBuf {
    let shared =
        std::env::var_os("SIGNON_SHARED").map_or_else(|| repo().join("../shared"), PathBuf::from);
    let path = shared.join("data/legislators-current.yaml");
    assert!(
        path.is_file(),
        "no {} (the public congress-legislators data): set SIGNON_SHARED",
        path.display()
    );
    path
}

/// Ignored by a plain `cargo test`, which lists it as ignored with its
/// reason; `.ci/run` runs it, and there a missing data file fails it.
#[test]
#[ignore = "needs the public legislators data: SIGNON_SHARED=DIR cargo test --test cli -- --ignored the_whole_public_data_set"]
fn the_whole_public_data_set() {
    let data = full_data();
    let ws = tempfile::TempDir::new().unwrap();
    assert_eq!(code(&signon(ws.path(), &["init"])), 0);
    let args = ["roster", "import", data.to_str().unwrap()];
    let out = signon(ws.path(), &args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "imported into `signers.toml`: 537 added, 0 updated, 0 unchanged\n"
    );
    let text = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    for expected in [
        "[signers.velazquez]\nname = \"Nydia M. Velázquez\"\n",
        "[signers.garcia-il]\nname = 'Jesús G. \"Chuy\" García'\n",
        "[signers.johnson-ga]\nname = 'Henry C. \"Hank\" Johnson, Jr.'\n",
        "[signers.timmons]\nname = \"William R. Timmons IV\"\n",
        "[signers.de-la-cruz]\nname = \"Monica De La Cruz\"\nsort_as = \"De La Cruz\"\n",
        "[signers.leger-fernandez]\nname = \"Teresa Leger Fernandez\"\nsort_as = \"Leger Fernandez\"\n",
        "[signers.hernandez-rivera]\nname = \"Pablo José Hernández\"\nchamber",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    let again = signon(ws.path(), &args);
    assert_eq!(
        stdout(&again),
        "imported into `signers.toml`: 0 added, 0 updated, 537 unchanged\n"
    );
    assert_eq!(
        fs::read_to_string(ws.path().join("signers.toml")).unwrap(),
        text
    );
    let check = signon(ws.path(), &["check"]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    let senate = signon(ws.path(), &["signers", "--chamber", "senate"]);
    assert_eq!(stdout(&senate).lines().count(), 101);
}

#[test]
fn signers_golden_listings() {
    let ws = example();
    let cases: [(&str, &[&str]); 3] = [
        ("all.txt", &["signers"]),
        ("d-ca.txt", &["signers", "--party", "D", "--state", "CA"]),
        ("senate.json", &["signers", "--chamber", "senate", "--json"]),
    ];
    for (file, args) in cases {
        let out = signon(ws.path(), args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(stderr(&out), "");
        golden(
            &format!("roster-signers/expected/{file}"),
            &stdout(&out),
            None,
        );
    }
}

/// `invite --party/--state/--chamber` invites the roster's matching signers
/// who are not yet on the letter; the other records take ids only.
#[test]
fn invite_by_filter_skips_those_already_on_the_letter() {
    let ws = example();
    let letter = "2025-03-14-appropriations";
    let out = signon(
        ws.path(),
        &[
            "invite", letter, "--party", "D", "--state", "CA", "--by", "AH",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out_text = stdout(&out);
    let ids: Vec<&str> = out_text
        .lines()
        .map(|l| l.split('`').nth(1).unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "friedman",
            "kamlager-dove",
            "lieu",
            "padilla",
            "sanchez",
            "schiff",
            "waters"
        ],
        "California Democrats not yet leads or invited, by surname"
    );
    let again = signon(
        ws.path(),
        &["invite", letter, "--party", "D", "--state", "CA"],
    );
    assert_eq!(code(&again), 0);
    assert!(
        stdout(&again).starts_with("nothing recorded"),
        "{}",
        stdout(&again)
    );
    let sign = signon(ws.path(), &["sign", letter, "--party", "D"]);
    assert_eq!(
        code(&sign),
        2,
        "filters are for `invite` only: a usage error"
    );
    assert!(stderr(&sign).contains("unexpected argument '--party'"));
    assert_eq!(
        code(&signon(ws.path(), &["invite", letter])),
        2,
        "ids or filters are required"
    );
    let typo = signon(ws.path(), &["sign", letter, "garcia"]);
    assert_eq!(code(&typo), 1);
    assert!(
        stderr(&typo).contains("did you mean `garcia-il`?"),
        "{}",
        stderr(&typo)
    );
}

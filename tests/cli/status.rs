//! `signon status` through the real binary: the table of one letter, the
//! overview of all, `--json` and `--html`, each compared whole with its
//! golden file (`tests/fixtures/status-example/expected/`).

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::support::*;

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = signon(dir, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// The example workspace with every state on the Rubio letter: signatures
/// before and after an edit of its text (stale and signed), one recorded by
/// hand (unverified), a decline, a withdrawal, an invitation of someone not
/// listed; and both leads signed on the appropriations letter.
fn busy_workspace() -> tempfile::TempDir {
    let ws = example();
    let dir = ws.path();
    let rubio = "2025-02-06-rubio";
    ok(
        dir,
        &[
            "sign",
            rubio,
            "pallone",
            "chu",
            "--by",
            "AH",
            "--at",
            "2025-01-28T09:30:00-05:00",
        ],
    );
    let path = dir.join("letters/2025-02-06-rubio.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("congratulate you", "warmly congratulate you"),
    )
    .unwrap();
    ok(
        dir,
        &[
            "sign",
            rubio,
            "sherman",
            "bilirakis",
            "--by",
            "AH",
            "--note",
            "LD confirmed by email",
        ],
    );
    ok(
        dir,
        &[
            "decline",
            rubio,
            "tenney",
            "--by",
            "JK",
            "--at",
            "2025-01-30",
        ],
    );
    ok(
        dir,
        &["sign", rubio, "costa", "--at", "2025-01-29T10:00:00-05:00"],
    );
    ok(
        dir,
        &[
            "withdraw",
            rubio,
            "costa",
            "--by",
            "JK",
            "--note",
            "\"not this time\" <b>",
        ],
    );
    ok(dir, &["invite", rubio, "schrier", "--at", "2025-01-27"]);
    ok(
        dir,
        &[
            "sign",
            "2025-03-14-appropriations",
            "sherman",
            "valadao",
            "--by",
            "AH",
        ],
    );
    // A signature recorded by hand, without a fingerprint.
    let mut f = fs::OpenOptions::new()
        .append(true)
        .open(dir.join("signers.toml"))
        .unwrap();
    f.write_all(b"\n[[signoff]]\nletter = \"2025-02-06-rubio\"\nsigner = \"velazquez\"\nstatus = \"signed\"\nat = 2025-01-31T12:00:00-05:00\n").unwrap();
    ws
}

#[test]
fn one_letter_table() {
    let ws = busy_workspace();
    let out = ok(ws.path(), &["status", "2025-02-06-rubio"]);
    golden("status-example/expected/letter.txt", &out, Some(ws.path()));
}

#[test]
fn all_letters_overview() {
    let ws = busy_workspace();
    let out = ok(ws.path(), &["status"]);
    golden(
        "status-example/expected/overview.txt",
        &out,
        Some(ws.path()),
    );
}

#[test]
fn json_for_scripts() {
    let ws = busy_workspace();
    let out = ok(ws.path(), &["status", "--json"]);
    golden("status-example/expected/status.json", &out, Some(ws.path()));
    let one = ok(
        ws.path(),
        &["status", "2025-03-14-appropriations", "--json"],
    );
    let one: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(one["letters"][0]["final_ready"], true);
    assert_eq!(one["letters"][0]["reasons"], serde_json::json!([]));
}

#[test]
fn html_page() {
    let ws = busy_workspace();
    let out = signon(ws.path(), &["status", "--html", "status.html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "wrote status.html\n");
    let page = fs::read_to_string(ws.path().join("status.html")).unwrap();
    golden(
        "status-example/expected/status.html",
        &page,
        Some(ws.path()),
    );
}

#[test]
fn a_broken_draft_is_left_out_of_the_overview() {
    let ws = example();
    ok(ws.path(), &["new", "2025-05-01-draft"]);
    let out = signon(ws.path(), &["status"]);
    // The others are shown, but the command fails with the draft's problems.
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).starts_with(
        "warning: left out `2025-05-01-draft`: it has errors\n  = help: run `signon check 2025-05-01-draft`\n"
    ));
    // A header, then one line per letter of the example, the draft left out.
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    let letters = fs::read_dir(repo().join("letters")).unwrap().count();
    assert_eq!(lines.len(), 1 + letters, "{lines:?}");
    assert!(!lines.iter().any(|l| l.contains("draft")), "{lines:?}");
    assert_eq!(code(&signon(ws.path(), &["status", "2025-05-01-draft"])), 1);
}

/// `status` prints its diagnostics only when one is an error, and then all
/// of them: the warning for an event recorded twice (looked for only then)
/// comes beside the error, as in `check`.
#[test]
fn with_an_error_a_repeated_event_is_told_too() {
    let ws = example();
    let at = ["--by", "AH", "--at", "2025-01-28T09:30:00-05:00"];
    ok(
        ws.path(),
        &[&["sign", "2025-02-06-rubio", "pallone"][..], &at].concat(),
    );
    let path = ws.path().join("signers.toml");
    let text = fs::read_to_string(&path).unwrap();
    let last = text[text.rfind("\n[[signoff]]").unwrap() + 1..].to_string();
    let broken = last.replace("status = \"signed\"", "status = \"sgned\"");
    fs::write(&path, format!("{text}\n{last}\n{broken}")).unwrap();
    let out = signon(ws.path(), &["status"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("error: unknown status `sgned`"), "{err}");
    assert!(
        err.contains("warning: this event repeats the one at line"),
        "{err}"
    );
}

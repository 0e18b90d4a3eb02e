//! `signon check`, `init`, `new` and `completions` through the real binary
//! (the golden diagnostics of each bad input are in `diagnostics`).

use std::fs;

use crate::support::*;

#[test]
fn example_workspace_checks_clean() {
    let ws = example();
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Not even a convention warning: the example is the model letter.
    assert_eq!(stderr(&out), "");
    // Counted from the example itself, so that a Member added to it does
    // not break a test about `check`.
    let letters = fs::read_dir(ws.path().join("letters")).unwrap().count();
    let roster = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    let signers = roster
        .lines()
        .filter(|l| l.starts_with("[signers."))
        .count();
    let want = format!("checked {letters} letters, {signers} signers");
    assert!(stdout(&out).starts_with(&want), "{}", stdout(&out));
}

#[test]
fn check_names_letters_by_id_or_path_and_suggests_ids() {
    let ws = example();
    let by_id = signon(ws.path(), &["check", "2025-02-06-rubio"]);
    assert_eq!(code(&by_id), 0, "{}", stderr(&by_id));
    assert!(stdout(&by_id).starts_with("checked 1 letter,"));
    let by_path = signon(
        &ws.path().join("letters"),
        &["check", "2025-02-06-rubio.toml"],
    );
    assert_eq!(code(&by_path), 0, "{}", stderr(&by_path));
    let typo = signon(ws.path(), &["check", "2025-02-06-rubi"]);
    assert_eq!(code(&typo), 1);
    assert_eq!(
        stderr(&typo),
        "error: no letter `2025-02-06-rubi` in `letters/`\n  = help: did you mean `2025-02-06-rubio`?\n"
    );
}

#[test]
fn workspace_is_found_from_a_subfolder_or_by_root() {
    let ws = example();
    let out = signon(&ws.path().join("letters"), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let elsewhere = tempfile::TempDir::new().unwrap();
    let none = signon(elsewhere.path(), &["check"]);
    assert_eq!(code(&none), 1);
    assert!(
        stderr(&none).contains("run `signon init`"),
        "{}",
        stderr(&none)
    );
    let root = ws.path().to_str().unwrap();
    let by_root = signon(elsewhere.path(), &["--root", root, "check"]);
    assert_eq!(code(&by_root), 0, "{}", stderr(&by_root));
}

#[test]
fn usage_errors_exit_2() {
    let ws = example();
    assert_eq!(code(&signon(ws.path(), &["check", "--frobnicate"])), 2);
    assert_eq!(code(&signon(ws.path(), &["no-such-command"])), 2);
}

#[test]
fn init_then_new_gives_a_skeleton_that_check_flags_until_filled() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = signon(dir.path(), &["init", "caucus"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let ws = dir.path().join("caucus");
    assert!(ws.join("letters").is_dir());
    let again = signon(dir.path(), &["init", "caucus"]);
    assert_eq!(code(&again), 1, "init must not overwrite a roster");
    fs::write(
        ws.join("signers.toml"),
        fs::read_to_string(ws.join("signers.toml")).unwrap()
            + "\n[signers.sherman]\nname = \"Brad Sherman\"\nchamber = \"house\"\n",
    )
    .unwrap();
    let new = signon(&ws, &["new", "2025-02-06-rubio"]);
    assert_eq!(code(&new), 0, "{}", stderr(&new));
    let path = ws.join("letters/2025-02-06-rubio.toml");
    let skeleton = fs::read_to_string(&path).unwrap();
    golden("new-skeleton.toml", &skeleton, None);
    assert_eq!(
        code(&signon(&ws, &["new", "2025-02-06-rubio"])),
        1,
        "new must not overwrite"
    );
    assert_eq!(code(&signon(&ws, &["new", "../escape"])), 1);
    let flagged = signon(&ws, &["check"]);
    assert_eq!(code(&flagged), 1);
    assert!(
        stderr(&flagged).contains("placeholder `<<Short title of the letter>>` is not filled in")
    );
    let filled = fill_placeholders(&skeleton);
    fs::write(&path, filled).unwrap();
    let ok = signon(&ws, &["check"]);
    assert_eq!(code(&ok), 0, "{}", stderr(&ok));
}

/// Replaces every `<<...>>` as a staffer would.
fn fill_placeholders(skeleton: &str) -> String {
    let mut out = skeleton.replace("<<signer-id>>", "sherman");
    while let Some(start) = out.find("<<") {
        let end = out[start..].find(">>").unwrap() + start + 2;
        out.replace_range(start..end, "Filled in");
    }
    out
}

#[test]
fn completions_are_printed_for_each_shell() {
    let ws = example();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = signon(ws.path(), &["completions", shell]);
        assert_eq!(code(&out), 0);
        assert!(stdout(&out).contains("signon"), "{shell}");
    }
}

/// The letter `signon new --help` shows as the smallest one `check` accepts
/// is accepted: the help teaches the format, so it must stay true.
#[test]
fn the_help_letter_checks_clean() {
    let ws = example();
    let help = stdout(&signon(ws.path(), &["new", "--help"]));
    let start = help.find("  [letter]").expect("a letter in the help");
    let letter: String = help[start..]
        .lines()
        .map(|l| l.strip_prefix("  ").unwrap_or(l))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(ws.path().join("letters/from-help.toml"), letter).unwrap();
    let out = signon(ws.path(), &["check", "from-help"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

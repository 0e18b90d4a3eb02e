//! Whole commands or none: the seal on every event signon writes, a
//! multi-event append cut at every byte, a write that fails on a full disk,
//! hand edits of sealed events, and CRLF ledgers.

use std::fs;

use crate::support::{RUBIO, code, example, signon, stderr};

/// The example workspace after one `sign` of three offices: the ledger
/// before and after the append.
fn three_signed() -> (tempfile::TempDir, String, String) {
    let ws = example();
    let before = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    let args = [
        "sign", RUBIO, "valadao", "beyer", "chu", "--by", "AH", "--note", "by phone",
    ];
    assert_eq!(code(&signon(ws.path(), &args)), 0);
    let after = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    (ws, before, after)
}

/// The errors `check` reports on `signers` (message and hints), through
/// the library: the sweep runs it a thousand times. The letters are left
/// out, which is ten times faster; the one error that causes, their events'
/// letter being unknown, is left out too.
fn errors(signers: &str) -> Vec<(String, Vec<String>)> {
    let checked = signon::validate::texts(signers, &[]);
    checked
        .diagnostics
        .iter()
        // The letters are left out for speed: their absence is no finding.
        .filter(|d| {
            d.is_error()
                && !d
                    .message
                    .contains(&format!("letter `{RUBIO}`, which does not exist"))
        })
        .map(|d| (d.message.clone(), d.hints.clone()))
        .collect()
}

/// Applies a repair hint: "delete from line N to the end of the file" or
/// "delete lines A–B" (and more ranges joined by " and ").
fn repair(text: &str, hint: &str) -> String {
    let what = hint
        .strip_prefix("to repair: delete ")
        .unwrap_or_else(|| panic!("not a repair: {hint}"));
    let what = what.split(" (the whole command)").next().unwrap();
    let what = what.split(", then").next().unwrap();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut keep = vec![true; lines.len()];
    for part in what.split(" and ") {
        let (from, to) = if let Some(rest) = part.strip_prefix("from line ") {
            let n: usize = rest.split(' ').next().unwrap().parse().unwrap();
            (n, lines.len())
        } else if let Some(rest) = part.strip_prefix("lines ") {
            let (a, b) = rest.split_once('–').unwrap();
            (a.parse().unwrap(), b.parse().unwrap())
        } else {
            let n = part.strip_prefix("line ").unwrap().parse().unwrap();
            (n, n)
        };
        keep[from - 1..to].iter_mut().for_each(|k| *k = false);
    }
    lines
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(l, _)| *l)
        .collect()
}

/// A three-office `sign` cut at every byte of its append: `check` sees the
/// old ledger or names the partial command, never "no errors", and the
/// repair it proposes gives back a clean ledger.
#[test]
fn an_append_cut_at_any_byte_is_reported_whole_or_not_at_all() {
    let (_ws, before, after) = three_signed();
    assert!(errors(&before).is_empty());
    assert!(errors(&after).is_empty());
    let chunk = &after[before.len()..];
    assert!(chunk.is_ascii(), "every cut falls on a char boundary");
    let seal = chunk.find("seal = ").unwrap();
    let named_from = seal + chunk[seal..].find('\n').unwrap() + 1;
    let mut reported = 0;
    let mut repaired = std::collections::HashSet::new();
    for cut in 0..chunk.len() {
        let text = format!("{before}{}", &chunk[..cut]);
        let found = errors(&text);
        // Only line ends added or missing: the old ledger, or the whole command.
        if text.trim_end() == before.trim_end() || text.trim_end() == after.trim_end() {
            assert!(found.is_empty(), "cut at {cut}: {found:?}");
            continue;
        }
        let (message, hints) = found
            .iter()
            .find(|(m, _)| m.contains("only partly recorded") || m.contains("is incomplete"))
            .unwrap_or_else(|| panic!("cut at {cut} not reported: {found:?}\n{text}"));
        // Cut before the first seal line is whole, it is the torn tail it
        // always was, and deleting it removes the whole command. From the
        // seal on, the command is named.
        if cut >= named_from {
            assert!(message.contains("command `"), "cut at {cut}: {message}");
        }
        let fixed = repair(&text, &hints[0]);
        assert_eq!(fixed.trim_end(), before.trim_end(), "cut at {cut}");
        // Most repairs give the same file: each is checked once.
        if repaired.insert(fixed.clone()) {
            assert!(errors(&fixed).is_empty(), "cut at {cut}");
        }
        reported += 1;
    }
    assert!(
        reported > chunk.len() * 9 / 10,
        "{reported} of {}",
        chunk.len()
    );
}

/// The cut exactly after an `at =` line leaves an event that parses; it is
/// still the command's cut tail, named with its signers.
#[test]
fn a_cut_on_a_line_end_names_the_partial_command() {
    let (ws, before, after) = three_signed();
    let second = before.len()
        + after[before.len()..]
            .match_indices("[[signoff]]")
            .nth(1)
            .unwrap()
            .0;
    let at_line = second + after[second..].find("at = ").unwrap();
    let cut = at_line + after[at_line..].find('\n').unwrap() + 1;
    fs::write(ws.path().join("signers.toml"), &after[..cut]).unwrap();
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains("(signed `2025-02-06-rubio`: `valadao`, `beyer`) is only partly recorded (1 of 3 events whole) — was a write interrupted?"),
        "{err}"
    );
    let first = before.len() + 1;
    let line = after[..first].matches('\n').count() + 1;
    assert!(
        err.contains(&format!(
            "delete from line {line} to the end of the file (the whole command)"
        )),
        "{err}"
    );
    // And no event is appended after it until it is repaired.
    let out = signon(ws.path(), &["sign", RUBIO, "costa"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("only partly recorded"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(ws.path().join("signers.toml")).unwrap(),
        &after[..cut]
    );
}

/// A write that fails half way (the file size limit standing in for a full
/// disk) leaves `signers.toml` byte for byte as it was, and says so.
#[test]
fn a_write_that_fails_leaves_the_ledger_as_it_was() {
    let ws = example();
    let path = ws.path().join("signers.toml");
    let before = fs::read(&path).unwrap();
    // `ulimit -f` counts 512-byte blocks: the limit falls inside the three
    // events (over 600 bytes), so the write stops part way with EFBIG, as on
    // a full disk; SIGXFSZ is ignored so that write(2) returns the error.
    let blocks = before.len() / 512 + 1;
    let script = format!(
        "trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" sign {RUBIO} valadao beyer chu --by AH --note 'filling the disk'"
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_signon")])
        .current_dir(ws.path())
        .env("SIGNON_NOW", crate::support::NOW_EPOCH)
        .env("NO_COLOR", "1")
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("could not write `"), "{err}");
    assert!(
        err.contains("nothing was recorded and the file is as it was"),
        "{err}"
    );
    let after = fs::read(&path).unwrap();
    assert!(
        after == before,
        "signers.toml changed: {} bytes, was {}",
        after.len(),
        before.len()
    );
}

/// A sealed event edited by hand is reported at the event.
#[test]
fn an_edited_sealed_event_is_reported_as_changed() {
    let (ws, _, after) = three_signed();
    let edited = after.replacen("signer = \"beyer\"", "signer = \"costa\"", 1);
    fs::write(ws.path().join("signers.toml"), &edited).unwrap();
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains("error: this event was changed after it was recorded: its values no longer match its seal"),
        "{err}"
    );
    assert!(
        err.contains("recorded as event 2 of 3 of command `"),
        "{err}"
    );
    assert!(err.contains("found 1 error"), "{err}");
}

/// An event written by hand, without a seal, is as valid as ever.
#[test]
fn a_hand_written_event_needs_no_seal() {
    let (ws, _, _) = three_signed();
    crate::support::sign(ws.path(), "costa", "declined", "2025-02-01T09:00:00Z", None);
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

/// A ledger with CRLF line ends gets its events with CRLF line ends.
#[test]
fn a_crlf_ledger_gets_crlf_events() {
    let ws = example();
    let path = ws.path().join("signers.toml");
    let crlf = fs::read_to_string(&path).unwrap().replace('\n', "\r\n");
    fs::write(&path, &crlf).unwrap();
    assert_eq!(
        code(&signon(ws.path(), &["sign", RUBIO, "valadao", "beyer"])),
        0
    );
    let after = fs::read_to_string(&path).unwrap();
    let added = &after[crlf.len()..];
    assert!(added.contains("[[signoff]]\r\nseal = "), "{added:?}");
    assert_eq!(
        added.matches('\n').count(),
        added.matches("\r\n").count(),
        "{added:?}"
    );
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

/// `signers.toml` after one whole two-office `sign`, with `stray` appended.
fn stray_after_a_command(stray: &str) -> (tempfile::TempDir, String) {
    let ws = example();
    let args = ["sign", RUBIO, "valadao", "beyer", "--by", "AH"];
    assert_eq!(code(&signon(ws.path(), &args)), 0);
    let path = ws.path().join("signers.toml");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(stray);
    fs::write(&path, &text).unwrap();
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    // Never a tear: its repair would delete the whole events above.
    assert!(!err.contains("partly recorded"), "{err}");
    assert!(!err.contains("is incomplete"), "{err}");
    assert!(!err.contains("to repair: delete"), "{err}");
    (ws, err)
}

/// A comment with a raw ESC after the last event is the TOML error it is,
/// at its place, the ESC shown escaped; not a torn write.
#[test]
fn an_escape_in_a_comment_after_the_last_event_is_not_a_tear() {
    let (ws, err) = stray_after_a_command("# c \u{1b}[2J\n");
    let text = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    let line = text.lines().count();
    let expected = format!(
        "signers.toml:{line}:5: error: invalid comment character, expected printable characters\n    |\n{line} | # c \\u{{1b}}[2J\n"
    );
    assert!(err.starts_with(&expected), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

/// A bare word after the last event is a TOML error at its line.
#[test]
fn garbage_after_the_last_event_is_not_a_tear() {
    let (ws, err) = stray_after_a_command("garbage\n");
    let text = fs::read_to_string(ws.path().join("signers.toml")).unwrap();
    let line = text.lines().count();
    assert!(
        err.starts_with(&format!(
            "signers.toml:{line}:8: error: key with no value, expected `=`\n"
        )),
        "{err}"
    );
}

/// A NUL after the last event, with no line end.
#[test]
fn a_nul_after_the_last_event_is_not_a_tear() {
    let (_ws, err) = stray_after_a_command("\0");
    assert!(err.contains("| \\u{0}\n"), "{err}");
}

/// A DEL after the last event.
#[test]
fn a_del_after_the_last_event_is_not_a_tear() {
    let (_ws, err) = stray_after_a_command("\u{7f}\n");
    assert!(err.contains("| \\u{7f}\n"), "{err}");
}

/// A key signon never writes after the last event is a mistake in that
/// event, not a tear.
#[test]
fn an_unknown_key_after_the_last_event_is_not_a_tear() {
    let (_ws, err) = stray_after_a_command("stauts = \"signed\"\n");
    assert!(err.contains("stauts"), "{err}");
}

/// A sealed command cut inside its second event, with a whole event
/// written by hand after it: the repair deletes the torn event too, and
/// after it `check` is clean.
#[test]
fn the_repair_of_a_command_torn_in_the_middle_covers_its_torn_event() {
    let (ws, before, after) = three_signed();
    let second = before.len()
        + after[before.len()..]
            .match_indices("\n[[signoff]]\n")
            .nth(1)
            .unwrap()
            .0;
    let signer = second + after[second..].find("signer = ").unwrap();
    let cut = signer + after[signer..].find('\n').unwrap() + 1;
    let by_hand = "\n[[signoff]]\nletter = \"2025-02-06-rubio\"\nsigner = \"costa\"\n\
        status = \"signed\"\nat = 2025-02-01T10:00:00Z\n";
    let text = format!("{}{by_hand}", &after[..cut]);
    let path = ws.path().join("signers.toml");
    fs::write(&path, &text).unwrap();
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    let hint = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("= help: "))
        .filter(|h| h.starts_with("to repair: delete"))
        .unwrap_or_else(|| panic!("{err}"));
    let first = before.len() + 1;
    let from = after[..first].matches('\n').count() + 1;
    // Through the torn event's `signer` line and the blank line after it.
    let to = text[..cut].matches('\n').count() + 1;
    assert!(
        hint.starts_with(&format!(
            "to repair: delete lines {from}–{to} (the whole command)"
        )),
        "{err}"
    );
    fs::write(&path, repair(&text, hint)).unwrap();
    let out = signon(ws.path(), &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

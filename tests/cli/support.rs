//! Test harness: temporary workspaces, the real binary, golden files.
//!
//! Golden files live in `tests/fixtures/<case>/expected/`. Set
//! `UPDATE_GOLDEN=1` to rewrite them from the actual output.

#![allow(dead_code, unreachable_pub)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder: `tests/fixtures/<case>`.
pub fn fixture(case: &str) -> PathBuf {
    repo().join("tests/fixtures").join(case)
}

/// The pinned clock for every test run: 2025-02-01T12:00:00Z.
pub const NOW_EPOCH: &str = "1738411200";

/// A temporary copy of the repository's example workspace with its ledger
/// emptied: the roster and letters as shipped, no sign-offs yet, so tests
/// record exactly the events they are about.
pub fn example() -> TempDir {
    let dir = example_as_shipped();
    let path = dir.path().join("signers.toml");
    let text = fs::read_to_string(&path).unwrap();
    let roster = text
        .find("\n[[signoff]]")
        .map_or(text.as_str(), |i| &text[..=i]);
    fs::write(&path, roster).unwrap();
    dir
}

/// A temporary copy of the repository's example workspace, ledger included.
pub fn example_as_shipped() -> TempDir {
    let dir = TempDir::new().unwrap();
    fs::copy(repo().join("signers.toml"), dir.path().join("signers.toml")).unwrap();
    copy_dir(&repo().join("letters"), &dir.path().join("letters"));
    dir
}

/// A temporary copy of a fixture's inputs (everything but `expected/`).
pub fn workspace(case: &str) -> TempDir {
    let dir = TempDir::new().unwrap();
    for entry in fs::read_dir(fixture(case)).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        if name == "expected" {
            continue;
        }
        if path.is_dir() {
            copy_dir(&path, &dir.path().join(name));
        } else {
            fs::copy(&path, dir.path().join(name)).unwrap();
        }
    }
    dir
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let dest = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            fs::copy(&path, &dest).unwrap();
        }
    }
}

/// The names in folder `dir`, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs `signon ARGS` in `dir` with the clock pinned, no colors and UTC.
pub fn signon(dir: &Path, args: &[&str]) -> Output {
    signon_cmd(dir, args).output().unwrap()
}

/// The command `signon ARGS` in `dir`, for tests that need to adjust it.
pub fn signon_cmd(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_signon"));
    cmd.args(args)
        .current_dir(dir)
        .env("SIGNON_NOW", NOW_EPOCH)
        .env("NO_COLOR", "1")
        .env("TZ", "UTC")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// The exit code, failing the test on a signal or a panic (101).
pub fn code(out: &Output) -> i32 {
    let code = out.status.code().expect("killed by a signal");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        code != 101 && !stderr.contains("panicked"),
        "panic:\n{stderr}"
    );
    code
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Compares `actual` with the golden file `tests/fixtures/<rel>` (whole-file),
/// with the temporary root replaced by `[ROOT]`; rewrites it under `UPDATE_GOLDEN=1`.
/// Every golden file must be named by a test (`goldens` checks it), through
/// a string literal such as `"case/expected/{name}.txt"`.
pub fn golden(rel: &str, actual: &str, root: Option<&Path>) {
    let mut actual = actual.to_string();
    if let Some(root) = root {
        actual = actual.replace(&root.display().to_string(), "[ROOT]");
    }
    // `../expect/NAME`: the texts CI's check-pdf expects, in `tests/expect/`.
    let path = match rel.strip_prefix("../") {
        Some(rest) => repo().join("tests").join(rest),
        None => repo().join("tests/fixtures").join(rel),
    };
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}: run with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "golden file {} differs (UPDATE_GOLDEN=1 rewrites it)\n{}",
            path.display(),
            line_diff(&expected, &actual)
        );
    }
}

/// A unified diff of two texts by line, `-` the golden and `+` the actual:
/// a one-line change in a long page shows as that line, not two whole pages.
pub fn line_diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(2)
        .header("golden", "actual")
        .to_string()
}

/// Runs `signon` in `dir`, asserts it succeeded, and returns its stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = signon(dir, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// The example letter's id.
pub const RUBIO: &str = "2025-02-06-rubio";

/// The fingerprint of some earlier text.
pub const OLD: &str = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

/// Appends a `[[signoff]]` event to the workspace's ledger, as `signon sign`
/// would; `text` is the fingerprint approved (none: recorded by hand).
pub fn sign(ws: &Path, signer: &str, status: &str, at: &str, text: Option<&str>) {
    let mut event = format!(
        "\n[[signoff]]\nletter = \"{RUBIO}\"\nsigner = \"{signer}\"\nstatus = \"{status}\"\nat = {at}\n"
    );
    if let Some(text) = text {
        event.push_str(&format!("text = \"{text}\"\n"));
    }
    let path = ws.join("signers.toml");
    let mut ledger = fs::read_to_string(&path).unwrap();
    ledger.push_str(&event);
    fs::write(&path, ledger).unwrap();
}

/// The current fingerprint of the example letter, through the library.
pub fn fingerprint(ws: &Path) -> String {
    let workspace = signon::load::Workspace::discover(Some(ws), ws).unwrap();
    let checked = signon::validate::workspace(&workspace, &[]).unwrap();
    let letter = checked.letters.iter().find(|l| l.id == RUBIO).unwrap();
    signon::ledger::fingerprint(letter)
}

/// The example workspace with a few signatures: two leads (one verified, one
/// by hand), others by hand, a stale one, a withdrawal and a decline.
pub fn example_signed() -> tempfile::TempDir {
    let ws = example();
    let current = fingerprint(ws.path());
    let p = ws.path();
    sign(
        p,
        "pallone",
        "signed",
        "2025-02-03T10:12:00-05:00",
        Some(&current),
    );
    sign(p, "sherman", "signed", "2025-02-03T11:00:00-05:00", None);
    sign(p, "waters", "signed", "2025-02-03T12:00:00-05:00", None);
    sign(p, "velazquez", "signed", "2025-02-03T12:30:00-05:00", None);
    sign(p, "beyer", "signed", "2025-02-03T13:00:00-05:00", None);
    sign(p, "garcia-il", "signed", "2025-02-03T13:30:00-05:00", None);
    sign(p, "chu", "signed", "2025-02-02T09:00:00-05:00", Some(OLD));
    sign(p, "lieu", "signed", "2025-02-02T09:00:00-05:00", None);
    sign(p, "lieu", "withdrawn", "2025-02-03T09:00:00-05:00", None);
    sign(p, "tenney", "declined", "2025-02-03T09:00:00-05:00", None);
    ws
}

/// The page layout of the example letter in `ws`, through the library.
pub fn example_layout(ws: &Path) -> signon::render::pdf::layout::Layout {
    layout_of(ws, RUBIO)
}

/// The page layout of the draft of letter `id` in `ws`, as `signon render`
/// lays it out, through the library.
pub fn layout_of(ws: &Path, id: &str) -> signon::render::pdf::layout::Layout {
    let workspace = signon::load::Workspace::discover(Some(ws), ws).unwrap();
    let checked = signon::validate::workspace(&workspace, &[]).unwrap();
    let letter = checked.letters.iter().find(|l| l.id == id).unwrap();
    let states = signon::ledger::states(
        letter,
        &checked.ledger,
        &signon::ledger::fingerprint(letter),
    );
    let composed = signon::compose::compose(letter, &checked.roster, &states, true);
    signon::render::pdf::layout::layout(&composed, &Default::default()).unwrap()
}

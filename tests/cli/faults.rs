//! Faults around the ledger's lock (issue #8): `signon sign` waiting for the
//! lock while `roster import` renames a new `signers.toml` into place, or
//! while it is killed, and a lock holder killed outright. Each test holds the
//! lock itself (the `flock` `signon` takes) and waits until the child process
//! is seen blocked on it, so the interleaving is forced, not hoped for.
//!
//! A crash in the middle of the write itself leaves a torn last event: that
//! is `ledger::torn_last_event_is_reported_and_blocks_appends`.

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// Opens `path` and takes the lock `signon` takes before appending.
fn hold_lock(path: &Path) -> File {
    let file = OpenOptions::new()
        .read(true)
        .append(true)
        .open(path)
        .unwrap();
    file.lock().unwrap();
    file
}

/// Starts `signon ARGS` in `dir` with its output piped.
fn spawn(dir: &Path, args: &[&str]) -> Child {
    signon_cmd(dir, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until process `pid` is blocked waiting for a file lock: Linux lists
/// waiters in `/proc/locks` as `N: -> FLOCK ADVISORY WRITE PID …`. Elsewhere
/// it can only wait a while.
fn wait_blocked(pid: u32) {
    let pid = pid.to_string();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(120) {
        let Ok(locks) = fs::read_to_string("/proc/locks") else {
            std::thread::sleep(Duration::from_secs(3));
            return;
        };
        let blocked = locks.lines().any(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.get(1) == Some(&"->") && f.get(5) == Some(&pid.as_str())
        });
        if blocked {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("process {pid} never waited for the lock");
}

fn text(dir: &Path) -> String {
    fs::read_to_string(dir.join("signers.toml")).unwrap()
}

fn check_passes(dir: &Path) {
    let out = signon(dir, &["check"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

/// Issue #8: an appender that opened `signers.toml` before `roster import`
/// renamed a new file over it, and then got the lock, held the old, unlinked
/// file: its event was written nowhere. It must follow the new file.
#[test]
fn an_append_waiting_for_the_lock_follows_a_renamed_file() {
    let ws = example();
    let path = ws.path().join("signers.toml");
    let holder = hold_lock(&path);
    let child = spawn(ws.path(), &["sign", RUBIO, "sherman", "--note", "after"]);
    wait_blocked(child.id());
    // What `roster import` does under the lock: a new file renamed into place.
    let replaced = format!("# imported\n{}", text(ws.path()));
    fs::write(ws.path().join("signers.toml.new"), &replaced).unwrap();
    fs::rename(ws.path().join("signers.toml.new"), &path).unwrap();
    drop(holder);
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let after = text(ws.path());
    assert!(after.starts_with(&replaced), "the import's text survives");
    assert_eq!(
        after[replaced.len()..].matches("note = \"after\"").count(),
        1,
        "the event is in the new file:\n{after}"
    );
    check_passes(ws.path());
}

/// `sign` killed (SIGKILL) while it waits for the lock: nothing is written,
/// no stray file is left, and the next `sign` goes through.
#[test]
fn a_sign_killed_while_waiting_for_the_lock_writes_nothing() {
    let ws = example();
    let path = ws.path().join("signers.toml");
    let before = text(ws.path());
    let listing = || fs::read_dir(ws.path()).unwrap().count();
    let files = listing();
    let holder = hold_lock(&path);
    let mut child = spawn(ws.path(), &["sign", RUBIO, "sherman", "--note", "killed"]);
    wait_blocked(child.id());
    child.kill().unwrap();
    assert!(!child.wait().unwrap().success());
    drop(holder);
    assert_eq!(text(ws.path()), before, "the file is untouched");
    assert_eq!(listing(), files, "no stray file");
    check_passes(ws.path());
    let out = signon(ws.path(), &["sign", RUBIO, "sherman", "--note", "again"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!text(ws.path()).contains("killed"));
    assert_eq!(text(ws.path()).matches("note = \"again\"").count(), 1);
    check_passes(ws.path());
}

/// A process holding the lock is killed: the OS releases the lock with it,
/// and the `sign` that was waiting for it goes through.
#[test]
fn a_killed_lock_holder_frees_the_lock() {
    let ws = example();
    let mut holder = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "faults::hold_lock_helper", "--ignored"])
        .args(["--nocapture", "--test-threads=1"])
        .env("SIGNON_TEST_HOLD_LOCK", ws.path().join("signers.toml"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(holder.stdout.take().unwrap()).lines();
    // libtest prints `test NAME ... ` first, on the same line.
    let locked = lines.any(|l| l.unwrap().ends_with("locked"));
    assert!(locked, "the helper took the lock");
    let child = spawn(ws.path(), &["sign", RUBIO, "sherman"]);
    wait_blocked(child.id());
    holder.kill().unwrap();
    holder.wait().unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    check_passes(ws.path());
}

/// Not a test: the lock holder `a_killed_lock_holder_frees_the_lock` starts
/// (this test binary run again) and kills. Takes the lock, says so, sleeps.
#[test]
#[ignore = "a helper process, run by a_killed_lock_holder_frees_the_lock"]
fn hold_lock_helper() {
    let Some(path) = std::env::var_os("SIGNON_TEST_HOLD_LOCK") else {
        return;
    };
    let _file = hold_lock(Path::new(&path));
    println!("locked");
    std::thread::sleep(Duration::from_secs(600));
}

/// A reader (`status`) waits while an append holds the lock, so it never
/// reads an event half written: unlocked, the soak test once caught one cut
/// short where its write crossed a page boundary.
#[test]
fn a_reader_waits_for_an_append_in_progress() {
    use std::io::Write;
    let ws = example();
    let path = ws.path().join("signers.toml");
    let mut holder = hold_lock(&path);
    // The first half of an event, as a write caught midway leaves it.
    let half = format!("\n[[signoff]]\nletter = \"{RUBIO}\"\nsigner = \"sherman\"\n");
    holder.write_all(half.as_bytes()).unwrap();
    let child = spawn(ws.path(), &["status", RUBIO, "--json"]);
    wait_blocked(child.id());
    let rest = "status = \"declined\"\nat = 2025-02-05T09:00:00-05:00\nby = \"AH\"\n";
    holder.write_all(rest.as_bytes()).unwrap();
    drop(holder);
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sherman = json["letters"][0]["signers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "sherman")
        .unwrap();
    assert_eq!(sherman["state"], "declined", "the whole event was read");
}

//! Outputs harm nothing (issue #13, item 5): every output path is refused,
//! with nothing touched, when it is a workspace input, a folder, a device, a
//! FIFO or in a missing folder; `-` is standard output; files are replaced by
//! a rename, never written in place.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// Runs `args`, expects exit 1 with `needle` in the message, and checks that
/// `signers.toml` and the letter are byte for byte as before.
fn refused(ws: &Path, args: &[&str], needle: &str) {
    let ledger = fs::read(ws.join("signers.toml")).unwrap();
    let letter = fs::read(ws.join(format!("letters/{RUBIO}.toml"))).unwrap();
    let out = signon(ws, args);
    assert_eq!(code(&out), 1, "{args:?}: {}", stderr(&out));
    assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    assert_eq!(fs::read(ws.join("signers.toml")).unwrap(), ledger);
    assert_eq!(
        fs::read(ws.join(format!("letters/{RUBIO}.toml"))).unwrap(),
        letter
    );
    assert!(!ws.join("out").exists(), "nothing was made");
}

#[test]
fn render_pdf_over_the_ledger_is_refused() {
    let ws = example();
    let args = ["render", RUBIO, "--pdf", "signers.toml"];
    refused(
        ws.path(),
        &args,
        "refused to write `signers.toml`: it is an input",
    );
}

#[test]
fn render_html_over_a_letter_is_refused() {
    let ws = example();
    let letter = format!("letters/{RUBIO}.toml");
    refused(
        ws.path(),
        &["render", RUBIO, "--html", &letter],
        "it is an input",
    );
}

#[test]
fn a_path_through_dot_dot_to_the_ledger_is_refused() {
    let ws = example();
    let args = ["render", RUBIO, "--text", "./letters/../signers.toml"];
    refused(ws.path(), &args, "it is an input");
}

#[test]
fn a_new_toml_file_in_letters_is_refused() {
    let ws = example();
    refused(
        ws.path(),
        &["render", RUBIO, "--html", "letters/x.toml"],
        "it is an input",
    );
    assert!(!ws.path().join("letters/x.toml").exists());
}

#[test]
fn export_output_over_the_ledger_is_refused() {
    let ws = example();
    let args = [
        "export",
        RUBIO,
        "--format",
        "csv",
        "--output",
        "signers.toml",
    ];
    refused(ws.path(), &args, "it is an input");
}

#[test]
fn press_and_status_outputs_over_the_ledger_are_refused() {
    let ws = example();
    refused(
        ws.path(),
        &["press", RUBIO, "--output", "signers.toml"],
        "it is an input",
    );
    refused(
        ws.path(),
        &["status", "--html", "signers.toml"],
        "it is an input",
    );
}

#[test]
fn a_symlink_to_the_ledger_is_refused() {
    let ws = example();
    std::os::unix::fs::symlink(ws.path().join("signers.toml"), ws.path().join("l.pdf")).unwrap();
    refused(
        ws.path(),
        &["render", RUBIO, "--pdf", "l.pdf"],
        "it is an input",
    );
    assert!(
        fs::symlink_metadata(ws.path().join("l.pdf"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_hard_link_to_the_ledger_is_refused() {
    let ws = example();
    fs::hard_link(ws.path().join("signers.toml"), ws.path().join("l.csv")).unwrap();
    let args = ["export", RUBIO, "--format", "csv", "--output", "l.csv"];
    refused(ws.path(), &args, "it is an input");
}

#[test]
fn a_folder_is_refused() {
    let ws = example();
    fs::create_dir(ws.path().join("x.pdf")).unwrap();
    refused(
        ws.path(),
        &["render", RUBIO, "--pdf", "x.pdf"],
        "it is a folder",
    );
    assert_eq!(fs::read_dir(ws.path().join("x.pdf")).unwrap().count(), 0);
}

#[test]
fn a_fifo_is_refused_without_opening_it() {
    let ws = example();
    let fifo = ws.path().join("fifo.html");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Opening a FIFO with no writer blocks: a hang is the failure, so the
    // command is bounded and killed rather than waited for forever.
    let mut child = signon_cmd(ws.path(), &["render", RUBIO, "--html", "fifo.html"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("signon hung on a FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("a named pipe (FIFO)"),
        "{}",
        stderr(&out)
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn dev_null_is_refused_and_stays_a_device() {
    let ws = example();
    refused(
        ws.path(),
        &["render", RUBIO, "--pdf", "/dev/null"],
        "it is a device",
    );
    use std::os::unix::fs::FileTypeExt;
    let meta = fs::symlink_metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device(), "/dev/null was replaced");
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let ws = example();
    let args = [
        "export",
        RUBIO,
        "--format",
        "txt",
        "--output",
        "lists/x.txt",
    ];
    refused(ws.path(), &args, "folder `lists` does not exist");
    assert!(!ws.path().join("lists").exists());
}

#[test]
fn the_default_out_folder_is_still_made() {
    let ws = example();
    let out = signon(ws.path(), &["render", RUBIO, "--html", "out/r.html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(ws.path().join("out/r.html").is_file());
}

#[test]
fn dash_is_standard_output() {
    let ws = example();
    let csv = signon(
        ws.path(),
        &["export", RUBIO, "--format", "csv", "--output", "-"],
    );
    assert_eq!(code(&csv), 0, "{}", stderr(&csv));
    assert!(stdout(&csv).starts_with("id,name,"), "{}", stdout(&csv));
    let page = signon(ws.path(), &["status", "--html", "-"]);
    assert_eq!(code(&page), 0, "{}", stderr(&page));
    assert!(
        stdout(&page).starts_with("<!DOCTYPE html>"),
        "{}",
        stdout(&page)
    );
    let pdf = signon(ws.path(), &["render", RUBIO, "--pdf", "-"]);
    assert_eq!(code(&pdf), 0, "{}", stderr(&pdf));
    assert!(pdf.stdout.starts_with(b"%PDF-"));
    assert!(!ws.path().join("-").exists() && !ws.path().join("out").exists());
}

#[test]
fn two_outputs_on_standard_output_are_refused() {
    let ws = example();
    let args = ["render", RUBIO, "--pdf", "-", "--html", "-"];
    refused(
        ws.path(),
        &args,
        "only one output can go to standard output",
    );
}

#[test]
fn an_output_is_replaced_by_a_rename_not_written_in_place() {
    let ws = example();
    let (path, twin) = (ws.path().join("r.html"), ws.path().join("twin.html"));
    fs::write(&path, "old page").unwrap();
    fs::hard_link(&path, &twin).unwrap();
    let out = signon(ws.path(), &["render", RUBIO, "--html", "r.html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    // An in-place write would have changed the one file both names share.
    assert_eq!(fs::read_to_string(&twin).unwrap(), "old page");
}

#[test]
fn status_json_and_page_on_standard_output_are_refused() {
    let ws = example();
    let args = ["status", "--json", "--html", "-"];
    refused(ws.path(), &args, "both write to standard output");
}

/// Runs `args` with standard output closed before anything is written, as
/// `| head -0` or `| true` leaves it.
fn with_stdout_closed(ws: &Path, args: &[&str]) -> std::process::ExitStatus {
    let mut child = signon_cmd(ws, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait().unwrap()
}

#[test]
fn a_closed_standard_output_still_gets_every_file_written() {
    let ws = example();
    let status = with_stdout_closed(ws.path(), &["render", RUBIO]);
    assert!(status.success(), "{status:?}");
    assert!(ws.path().join(format!("out/{RUBIO}.pdf")).is_file());
    assert!(ws.path().join(format!("out/{RUBIO}.html")).is_file());
}

#[test]
fn a_closed_standard_output_for_the_pdf_still_gets_the_html_written() {
    let ws = example();
    let args = ["render", RUBIO, "--pdf", "-", "--html", "a.html"];
    let status = with_stdout_closed(ws.path(), &args);
    assert!(status.success(), "{status:?}");
    assert!(ws.path().join("a.html").is_file());
}

#[test]
fn the_same_path_for_two_outputs_is_refused() {
    let ws = example();
    let args = ["render", RUBIO, "--pdf", "x", "--html", "x"];
    let out = signon(ws.path(), &args);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out)
            .starts_with("error: `--pdf` and `--html` name the same file `x`: wrote nothing"),
        "{}",
        stderr(&out)
    );
    assert!(!ws.path().join("x").exists(), "nothing was written");
}

#[test]
fn one_path_spelled_two_ways_for_two_outputs_is_refused() {
    let ws = example();
    fs::create_dir(ws.path().join("o")).unwrap();
    let args = ["render", RUBIO, "--pdf", "o/x", "--text", "./o/../o/x"];
    let out = signon(ws.path(), &args);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("name the same file"),
        "{}",
        stderr(&out)
    );
    assert!(!ws.path().join("o/x").exists(), "nothing was written");
}

#[test]
fn an_existing_file_named_twice_is_refused_and_kept() {
    let ws = example();
    fs::write(ws.path().join("x"), "before").unwrap();
    let args = ["render", RUBIO, "--html", "x", "--pdf", "./x"];
    let out = signon(ws.path(), &args);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(fs::read_to_string(ws.path().join("x")).unwrap(), "before");
}

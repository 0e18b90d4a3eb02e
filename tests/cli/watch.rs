//! `signon watch`: the real binary left running on a temporary workspace,
//! its letter saved as editors save (a new file renamed over the old), and
//! its outputs and lines awaited with a bound, polling, never a long sleep.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::support::{RUBIO, code, example, signon, signon_cmd};

/// How often to look, and how long to wait at most for a render.
const POLL: Duration = Duration::from_millis(20);
const BOUND: Duration = Duration::from_secs(10);

/// A running `signon watch`, its output gathered as it comes.
struct Watching {
    child: Child,
    out: Arc<Mutex<String>>,
    err: Arc<Mutex<String>>,
}

impl Watching {
    /// Starts `signon watch RUBIO --pdf w.pdf --html w.html` in `ws`.
    fn start(ws: &Path) -> Watching {
        let mut child = signon_cmd(ws, &["watch", RUBIO, "--pdf", "w.pdf", "--html", "w.html"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = gather(child.stdout.take().unwrap());
        let err = gather(child.stderr.take().unwrap());
        Watching { child, out, err }
    }

    fn stdout(&self) -> String {
        self.out.lock().unwrap().clone()
    }

    fn stderr(&self) -> String {
        self.err.lock().unwrap().clone()
    }

    /// The lines saying a render was done.
    fn rendered(&self) -> usize {
        self.stdout()
            .lines()
            .filter(|l| l.starts_with("rendered "))
            .count()
    }

    /// Polls until `done` holds, failing with both outputs after the bound.
    fn wait_for(&self, what: &str, done: impl Fn(&Watching) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < BOUND,
                "no {what} within {BOUND:?}\n--- stdout\n{}--- stderr\n{}",
                self.stdout(),
                self.stderr()
            );
            thread::sleep(POLL);
        }
    }

    /// Sends SIGINT, as Ctrl-C does, and waits (bounded) for the exit.
    fn interrupt(&mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
        assert!(sent.success(), "kill -INT {pid} failed");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < BOUND, "still running after SIGINT");
            thread::sleep(POLL);
        }
    }
}

impl Drop for Watching {
    /// A failed test must not leave the watcher running.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads a pipe on a thread into a shared string.
fn gather(mut pipe: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&text);
    thread::spawn(move || {
        let mut buf = [0; 4096];
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    text
}

fn letter(ws: &Path) -> PathBuf {
    ws.join("letters").join(format!("{RUBIO}.toml"))
}

/// Saves the letter as vim and VS Code do: a new file, renamed over it.
fn save(ws: &Path, text: &str) {
    let scratch = ws.join("letters").join(format!(".{RUBIO}.toml.swp"));
    fs::write(&scratch, text).unwrap();
    fs::rename(&scratch, letter(ws)).unwrap();
}

/// The letter with its title replaced.
fn retitled(ws: &Path, title: &str) -> String {
    let text = fs::read_to_string(letter(ws)).unwrap();
    let old = "title = \"Accountability for Azerbaijan and support for Armenia\"";
    assert!(text.contains(old), "the example's title changed");
    text.replacen(old, &format!("title = \"{title}\""), 1)
}

fn html(ws: &Path) -> String {
    fs::read_to_string(ws.join("w.html")).unwrap_or_default()
}

#[test]
fn renders_once_then_again_when_the_letter_is_saved() {
    let ws = example();
    let w = Watching::start(ws.path());
    w.wait_for("first render", |w| w.rendered() == 1);
    let line = w.stdout();
    let ms = line
        .strip_prefix(&format!("rendered {RUBIO} in "))
        .and_then(|rest| rest.strip_suffix(" ms → w.pdf, w.html\n"))
        .unwrap_or_else(|| panic!("unexpected line: {line:?}"));
    assert!(ms.parse::<u64>().is_ok(), "not a number of ms: {ms:?}");
    assert!(html(ws.path()).contains("Accountability for Azerbaijan"));

    save(ws.path(), &retitled(ws.path(), "Watched and Retitled"));
    w.wait_for("render of the new title", |w| {
        w.rendered() == 2 && html(ws.path()).contains("Watched and Retitled")
    });
    assert_eq!(w.stderr(), "");
}

#[test]
fn a_render_starts_no_render_of_its_own() {
    let ws = example();
    let w = Watching::start(ws.path());
    w.wait_for("first render", |w| w.rendered() == 1);
    // A render reads the letter and the roster and writes its outputs; none
    // of that may count as a save. Nothing to poll for: wait out four
    // debounce periods (150 ms each), then count.
    thread::sleep(Duration::from_millis(600));
    assert_eq!(w.rendered(), 1, "{}", w.stdout());
}

#[test]
fn a_broken_save_prints_the_diagnostics_keeps_the_outputs_and_a_fix_renders() {
    let ws = example();
    let w = Watching::start(ws.path());
    w.wait_for("first render", |w| w.rendered() == 1);
    let (pdf, page) = (fs::read(ws.path().join("w.pdf")).unwrap(), html(ws.path()));
    let fixed = retitled(ws.path(), "Fixed Again");

    save(ws.path(), "title = \n");
    w.wait_for("diagnostics", |w| w.stderr().contains("found 1 error"));
    // Exactly what `signon render` says of the same broken letter.
    let render = signon(
        ws.path(),
        &["render", RUBIO, "--pdf", "w.pdf", "--html", "w.html"],
    );
    assert_eq!(code(&render), 1);
    assert_eq!(w.stderr(), String::from_utf8(render.stderr).unwrap());
    assert_eq!(fs::read(ws.path().join("w.pdf")).unwrap(), pdf);
    assert_eq!(html(ws.path()), page);

    save(ws.path(), &fixed);
    w.wait_for("render after the fix", |w| {
        w.rendered() == 2 && html(ws.path()).contains("Fixed Again")
    });
}

#[test]
fn signing_in_the_roster_renders_again() {
    let ws = example();
    let w = Watching::start(ws.path());
    w.wait_for("first render", |w| w.rendered() == 1);
    let before = html(ws.path());
    let sign = signon(ws.path(), &["sign", RUBIO, "pallone"]);
    assert_eq!(code(&sign), 0, "{}", String::from_utf8_lossy(&sign.stderr));
    w.wait_for("render after signing", |w| {
        w.rendered() == 2 && html(ws.path()) != before
    });
}

#[test]
fn a_new_file_under_signatures_renders_again() {
    let ws = example();
    fs::create_dir(ws.path().join("signatures")).unwrap();
    let w = Watching::start(ws.path());
    w.wait_for("first render", |w| w.rendered() == 1);
    fs::write(ws.path().join("signatures/pallone.png"), b"not yet read").unwrap();
    w.wait_for("render after the image", |w| w.rendered() == 2);
}

#[test]
fn ctrl_c_stops_cleanly_with_exit_0() {
    let ws = example();
    let mut w = Watching::start(ws.path());
    w.wait_for("first render", |w| w.rendered() == 1);
    let status = w.interrupt();
    assert_eq!(status.code(), Some(0), "{status:?}\n{}", w.stderr());
    w.wait_for("goodbye", |w| {
        w.stdout().ends_with(&format!("stopped watching {RUBIO}\n"))
    });
}

#[test]
fn standard_output_is_refused_as_a_usage_error() {
    let ws = example();
    let out = signon(ws.path(), &["watch", RUBIO, "--pdf", "-"]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("watch writes files"));
}

/// Starts `signon watch RUBIO ARGS` and waits, with a bound, for it to end
/// by itself: a refused target must not leave it waiting for saves.
fn watch_ends(ws: &Path, args: &[&str]) -> (i32, String) {
    let mut all = vec!["watch", RUBIO];
    all.extend_from_slice(args);
    let mut child = signon_cmd(ws, &all)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > BOUND {
            let _ = child.kill();
            panic!("`signon watch {args:?}` kept waiting");
        }
        thread::sleep(POLL);
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_target_that_is_an_input_ends_the_watch_at_once() {
    let ws = example();
    let ledger = fs::read(ws.path().join("signers.toml")).unwrap();
    let (code, err) = watch_ends(ws.path(), &["--pdf", "signers.toml"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("it is an input"), "{err}");
    assert_eq!(fs::read(ws.path().join("signers.toml")).unwrap(), ledger);
}

#[test]
fn a_target_in_a_missing_folder_ends_the_watch_at_once() {
    let ws = example();
    let (code, err) = watch_ends(ws.path(), &["--html", "/nonexistent/a.html"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("does not exist"), "{err}");
}

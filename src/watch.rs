//! Watching a workspace for `signon watch`: which saved files matter, and
//! the loop that renders once, then again after each burst of changes has
//! settled, until Ctrl-C.
//!
//! It knows nothing of the pipeline: the caller passes the render as a
//! closure, so the loop is tested with a channel and a counter.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::Error;
use crate::diag::display_path;
use crate::load::Workspace;

/// How long changes must be quiet before a render: an editor's save (a
/// temporary file written, then renamed over the letter) is one burst, and
/// 150 ms is still too short for a person to notice.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// The folder of signature images, watched when it exists.
pub const SIGNATURES_DIR: &str = "signatures";

/// What the loop hears.
#[derive(Debug)]
pub enum Event {
    /// These paths changed (one debounced burst).
    Changed(Vec<PathBuf>),
    /// The watcher failed, so changes may have been missed.
    Lost(String),
    /// Ctrl-C: stop.
    Stop,
}

/// Why the loop asks for a render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause<'a> {
    /// The first render, before any change.
    First,
    /// An input was saved.
    Changed,
    /// The watcher failed (the message says how): render in case.
    Lost(&'a str),
}

/// The files a render reads, and the folders to watch for them.
///
/// Editors save by writing a new file and renaming it over the old one, so
/// a file is watched through its folder, never by its own inode.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// Files read by name: `signers.toml` and the letter.
    files: Vec<PathBuf>,
    /// `letters/`: every `*.toml` in it counts (validation looks at them all).
    letters: PathBuf,
    /// `signatures/`, watched whole, when it exists.
    signatures: Option<PathBuf>,
}

impl Inputs {
    /// The inputs of rendering `letter` (a path) in `ws`. Paths are made
    /// absolute and free of links, as the watcher reports them.
    pub fn of(ws: &Workspace, letter: &Path) -> Result<Inputs, Error> {
        let root = canonical(&ws.root)?;
        let signatures = root.join(SIGNATURES_DIR);
        Ok(Inputs {
            files: vec![root.join(crate::load::SIGNERS_FILE), in_canonical(letter)?],
            letters: in_canonical(&ws.letters_dir()).unwrap_or_else(|_| ws.letters_dir()),
            signatures: signatures.is_dir().then_some(signatures),
        })
    }

    /// Every folder to watch, and how.
    pub fn folders(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let mut dirs: Vec<(PathBuf, RecursiveMode)> = Vec::new();
        let parents = self.files.iter().filter_map(|f| f.parent());
        for dir in parents.chain([self.letters.as_path()]) {
            if dir.is_dir() && !dirs.iter().any(|(d, _)| d == dir) {
                dirs.push((dir.to_path_buf(), RecursiveMode::NonRecursive));
            }
        }
        if let Some(dir) = &self.signatures {
            dirs.push((dir.clone(), RecursiveMode::Recursive));
        }
        dirs
    }

    /// Whether a change to `path` can change the render. An editor's
    /// scratch files (`.x.toml.swp`, `x.toml~`, vim's `4913`) and the
    /// outputs themselves do not.
    pub fn concerns(&self, path: &Path) -> bool {
        let letter_file = path.parent() == Some(self.letters.as_path())
            && path.extension().is_some_and(|x| x == "toml")
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        self.files.iter().any(|f| f == path)
            || letter_file
            || self
                .signatures
                .as_ref()
                .is_some_and(|d| path.starts_with(d))
    }
}

/// The folder's real path, or an I/O error naming it.
fn canonical(dir: &Path) -> Result<PathBuf, Error> {
    dir.canonicalize().map_err(|e| Error::io("read", dir, e))
}

/// A file's path through its folder's real path: the file itself may be
/// gone for a moment while an editor replaces it.
fn in_canonical(file: &Path) -> Result<PathBuf, Error> {
    let parent = file.parent().filter(|p| !p.as_os_str().is_empty());
    let dir = canonical(parent.unwrap_or(Path::new(".")))?;
    Ok(match file.file_name() {
        Some(name) => dir.join(name),
        None => dir,
    })
}

/// Renders once, then after every burst of changes to `inputs`, until
/// Ctrl-C (which ends it cleanly, between two renders).
pub fn watch(inputs: &Inputs, render: impl FnMut(Cause<'_>)) -> Result<(), Error> {
    let (tx, rx) = mpsc::channel();
    // Kept alive until the loop ends: dropping it stops the watching.
    let _watching = start(inputs, tx.clone())?;
    ctrlc::set_handler(move || {
        let _ = tx.send(Event::Stop);
    })
    .map_err(|e| Error::message(format!("cannot catch Ctrl-C: {e}")))?;
    serve(inputs, &rx, DEBOUNCE, render);
    Ok(())
}

/// Starts watching the folders of `inputs`, sending every change.
pub fn start(inputs: &Inputs, tx: Sender<Event>) -> Result<RecommendedWatcher, Error> {
    let forward = move |change: notify::Result<notify::Event>| {
        let event = match change {
            Ok(change) if is_read(&change.kind) => return,
            Ok(change) => Event::Changed(change.paths),
            Err(e) => Event::Lost(e.to_string()),
        };
        let _ = tx.send(event);
    };
    let mut watcher = notify::recommended_watcher(forward)
        .map_err(|e| Error::message(format!("cannot watch files: {e}")))?;
    for (dir, mode) in inputs.folders() {
        watcher.watch(&dir, mode).map_err(|e| {
            Error::message(format!("failed to watch `{}`: {e}", display_path(&dir)))
        })?;
    }
    Ok(watcher)
}

/// Whether a change only read a file: a render's own reads of the letter
/// and the roster must not start the next render.
fn is_read(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Access(a) if *a != AccessKind::Close(AccessMode::Write))
}

/// The loop: render first, then once `quiet` has passed since the last
/// change that concerns `inputs`; stops on [`Event::Stop`], or when every
/// sender is gone (after rendering a change still pending).
pub fn serve(
    inputs: &Inputs,
    events: &Receiver<Event>,
    quiet: Duration,
    mut render: impl FnMut(Cause<'_>),
) {
    render(Cause::First);
    // When to render, and why the watcher failed if it did.
    let mut pending: Option<(Instant, Option<String>)> = None;
    loop {
        let event = match &pending {
            None => events.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some((due, _)) => events.recv_timeout(due.saturating_duration_since(Instant::now())),
        };
        match event {
            Ok(Event::Changed(paths)) if paths.iter().any(|p| inputs.concerns(p)) => {
                let lost = pending.and_then(|(_, lost)| lost);
                pending = Some((Instant::now() + quiet, lost));
            }
            Ok(Event::Changed(_)) => {}
            Ok(Event::Lost(why)) => pending = Some((Instant::now() + quiet, Some(why))),
            Ok(Event::Stop) => break,
            Err(timeout) => {
                if let Some((_, lost)) = pending.take() {
                    render(lost.as_deref().map_or(Cause::Changed, Cause::Lost));
                }
                if timeout == RecvTimeoutError::Disconnected {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> Inputs {
        Inputs {
            files: vec!["/ws/signers.toml".into(), "/ws/letters/a.toml".into()],
            letters: "/ws/letters".into(),
            signatures: Some("/ws/signatures".into()),
        }
    }

    /// Runs the loop over `events`, then returns the causes it rendered for.
    fn causes(events: Vec<Event>) -> Vec<String> {
        let (tx, rx) = mpsc::channel();
        events.into_iter().for_each(|e| tx.send(e).unwrap());
        drop(tx);
        let mut seen = Vec::new();
        serve(&inputs(), &rx, Duration::ZERO, |c| {
            seen.push(format!("{c:?}"))
        });
        seen
    }

    #[test]
    fn the_letter_the_roster_and_signatures_concern_a_render() {
        let i = inputs();
        for p in [
            "/ws/signers.toml",
            "/ws/letters/a.toml",
            "/ws/letters/b.toml",
            "/ws/signatures/x/pallone.png",
        ] {
            assert!(i.concerns(Path::new(p)), "{p}");
        }
    }

    #[test]
    fn scratch_files_and_outputs_do_not() {
        let i = inputs();
        for p in [
            "/ws/letters/.a.toml.swp",
            "/ws/letters/a.toml~",
            "/ws/letters/4913",
            "/ws/out/a.pdf",
            "/ws/a.html",
            "/ws/letters",
        ] {
            assert!(!i.concerns(Path::new(p)), "{p}");
        }
    }

    #[test]
    fn changes_that_concern_no_input_render_nothing() {
        let seen = causes(vec![
            Event::Changed(vec!["/ws/out/a.pdf".into()]),
            Event::Changed(vec!["/ws/letters/.a.toml.swp".into()]),
        ]);
        assert_eq!(seen, ["First"]);
    }

    #[test]
    fn a_burst_of_changes_is_one_render() {
        let seen = causes(vec![
            Event::Changed(vec!["/ws/letters/.a.toml.swp".into()]),
            Event::Changed(vec!["/ws/letters/a.toml".into()]),
            Event::Changed(vec!["/ws/signers.toml".into(), "/ws/out/a.pdf".into()]),
        ]);
        assert_eq!(seen, ["First", "Changed"]);
    }

    #[test]
    fn a_failed_watcher_renders_and_says_why() {
        let seen = causes(vec![Event::Lost("queue overflow".into())]);
        assert_eq!(seen, ["First", "Lost(\"queue overflow\")"]);
    }

    #[test]
    fn stop_ends_the_loop_before_later_changes() {
        let seen = causes(vec![
            Event::Stop,
            Event::Changed(vec!["/ws/letters/a.toml".into()]),
        ]);
        assert_eq!(seen, ["First"]);
    }

    #[test]
    fn changes_apart_by_more_than_the_quiet_time_render_twice() {
        let quiet = Duration::from_millis(20);
        let (tx, rx) = mpsc::channel();
        let sender = std::thread::spawn(move || {
            for event in [
                Event::Changed(vec!["/ws/signers.toml".into()]),
                Event::Changed(vec!["/ws/letters/a.toml".into()]),
                Event::Stop,
            ] {
                tx.send(event).unwrap();
                std::thread::sleep(quiet * 5);
            }
        });
        let mut seen = Vec::new();
        serve(&inputs(), &rx, quiet, |c| seen.push(format!("{c:?}")));
        sender.join().unwrap();
        assert_eq!(seen, ["First", "Changed", "Changed"]);
    }
}

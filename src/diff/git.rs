//! The fallback for a signature whose approved text was not kept: when the
//! workspace is a git repository, the committed version of the letter file
//! whose fingerprint matches. Each commit that touched the file, newest
//! first, is read with `git show` and validated and fingerprinted by the
//! library, exactly as the letter is today.

use std::path::Path;
use std::process::Command;

/// A committed version of the letter with the fingerprint asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The commit (full hash).
    pub commit: String,
    /// Its canonical text.
    pub canonical: String,
}

/// The newest commit of `letter_path` whose text has `fingerprint`, or why
/// there is none, in words ("git is not installed", …).
pub fn find(letter_path: &Path, id: &str, fingerprint: &str) -> Result<Found, String> {
    let dir = letter_path.parent().unwrap_or(Path::new("."));
    let file = letter_path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let log = git(dir, &["log", "--format=%H", "--", &file])?;
    for commit in log.lines().filter(|l| !l.is_empty()) {
        // A version that no longer parses, or was never valid, is skipped.
        let Ok(text) = git(dir, &["show", &format!("{commit}:./{file}")]) else {
            continue;
        };
        let (letter, _) = crate::validate::letter_from_str(id, &text, None);
        if let Some(letter) = letter {
            let canonical = crate::ledger::canonical(&letter);
            if crate::ledger::digest(&canonical) == fingerprint {
                return Ok(Found {
                    commit: commit.to_string(),
                    canonical,
                });
            }
        }
    }
    Err(if log.trim().is_empty() {
        "and the letter file has no commits in git".to_string()
    } else {
        "and no committed version of the letter file has that fingerprint".to_string()
    })
}

/// Runs `git ARGS` in `dir`; its standard output, or why it failed.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                "and git is not installed to look in the letter's history".to_string()
            }
            _ => format!("and git could not be run: {e}"),
        })?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(if err.contains("not a git repository") {
            "and the workspace is not a git repository to look in".to_string()
        } else {
            format!("and `git {}` failed: {}", args[0], err.trim())
        });
    }
    String::from_utf8(out.stdout)
        .map_err(|_| "and git printed something that is not UTF-8".to_string())
}

//! `signon watch`: its arguments and help.

use std::path::PathBuf;

use clap::Args;

use super::Paper;

/// `signon watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// Write the PDF here (default: `out/ID.pdf` in the workspace)
    #[arg(long, value_name = "PATH", value_parser = file_path)]
    pub pdf: Option<PathBuf>,
    /// Write the HTML here (default: `out/ID.html` in the workspace)
    #[arg(long, value_name = "PATH", value_parser = file_path)]
    pub html: Option<PathBuf>,
    /// The paper size
    #[arg(long, value_enum, default_value_t = Paper::Letter)]
    pub paper: Paper,
}

/// A file to write again and again: not `-`, whose renders would run
/// together on standard output.
fn file_path(s: &str) -> Result<PathBuf, String> {
    if s == "-" {
        return Err("watch writes files: name one, not `-` (standard output)".into());
    }
    Ok(PathBuf::from(s))
}

/// After `signon watch --help`.
pub(super) const WATCH_HELP: &str = "\
Renders the letter once, then again each time it, another letter in
`letters/`, `signers.toml` or a file under `signatures/` is saved; changes
are gathered for 150 ms, so one save is one render. Each render prints one
line, or the problems exactly as `signon render` prints them: a broken save
leaves the last good outputs in place, and watching goes on. Outputs are
written as `render` writes them, through a temporary file renamed into
place, so a viewer never opens half a file. Ctrl-C stops (exit 0).

  signon watch 2025-02-06-rubio                        out/2025-02-06-rubio.pdf and .html (DRAFT)
  signon watch 2025-02-06-rubio --html out/rubio.html  only the HTML, to reload in a browser";

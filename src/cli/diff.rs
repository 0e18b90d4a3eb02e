//! `signon diff`: its arguments and help text.

use std::path::PathBuf;

use clap::Args;

/// After `signon diff --help`.
pub(super) const DIFF_HELP: &str = "\
Shows, word by word, what changed in the letter since each signer approved
it: removed words [-like this-], added words {+like this+} (in color on a
terminal). Signers who approved the same text are shown together. Every
`signon sign` keeps the text it recorded under approved/ (commit that folder
with the workspace); for a signature without a kept text, the letter's git
history is searched for the version that was signed.

  signon diff 2025-02-06-rubio                     every stale signature
  signon diff 2025-02-06-rubio sherman             what changed since Sherman signed
  signon diff 2025-02-06-rubio sherman --html redline.html
                                                   a page to e-mail to that office";

/// `signon diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// Roster ids of the signers (default: every stale signer)
    #[arg(value_name = "SIGNER")]
    pub signers: Vec<String>,
    /// Also write the redline as a self-contained HTML page to PATH
    #[arg(long, value_name = "PATH")]
    pub html: Option<PathBuf>,
}

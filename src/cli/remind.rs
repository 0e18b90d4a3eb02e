//! `signon remind`: its arguments and help.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// `signon remind`.
#[derive(Debug, Args)]
pub struct RemindArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// The folder for the drafts, made when missing (default:
    /// `out/reminders/LETTER/` in the workspace)
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// One `.eml` file per office, or one `.mbox` file holding them all
    #[arg(long, value_enum, default_value_t = RemindFormat::Eml)]
    pub format: RemindFormat,
    /// The sender, `Name <address>` or an address (default: none, so the
    /// mail client fills in your account)
    #[arg(long, value_name = "ADDRESS", value_parser = parse_sender)]
    pub from: Option<Sender>,
}

/// `--from`: an address, with the name shown before it when given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    /// "Ann Hill".
    pub name: Option<String>,
    /// "ann@example.org".
    pub address: String,
}

/// `Name <address>` or a bare address; one `@`, no spaces, no controls.
fn parse_sender(s: &str) -> Result<Sender, String> {
    let s = s.trim();
    let (name, address) = match s.strip_suffix('>').and_then(|s| s.rsplit_once('<')) {
        Some((name, address)) => (Some(name.trim().trim_matches('"').trim()), address),
        None => (None, s),
    };
    if !crate::remind::plausible(address) || name.is_some_and(|n| n.chars().any(char::is_control)) {
        return Err(format!(
            "`{}` is not an e-mail address: give `ann@example.org` or `Ann Hill <ann@example.org>`",
            s.escape_debug()
        ));
    }
    Ok(Sender {
        name: name.filter(|n| !n.is_empty()).map(str::to_string),
        address: address.to_string(),
    })
}

/// How the drafts are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RemindFormat {
    /// `LETTER-SIGNER.eml`, one per office: open it in a mail client.
    Eml,
    /// `LETTER.mbox`, every draft in one mailbox file (import it).
    Mbox,
}

/// After `signon remind --help`.
pub(super) const REMIND_HELP: &str = "\
Writes one e-mail draft to each office to chase — no answer yet, or a
signature on an earlier text — addressed to the roster's `email` and
greeting its `staffer`: the subject names the letter and its deadline, the
body says the days left, shows what changed since a stale signature (the
redline of `signon diff`) and the letter as plain text. Nothing is sent:
open a draft in your mail client, read it, send it. Offices without an
`email` in the roster are listed on standard error. Drafts are named
`LETTER-SIGNER.eml` and marked `X-Unsent: 1` (Outlook opens them as drafts).

  signon remind 2025-02-06-rubio                        out/reminders/2025-02-06-rubio/*.eml
  signon remind 2025-02-06-rubio --output reminders/    into reminders/
  signon remind 2025-02-06-rubio --format mbox --from 'Ann Hill <ann@example.org>'
                                                        one reminders mailbox, From: set";

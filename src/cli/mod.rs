//! The command line, as clap derive types only. Doc comments are the help text.
//!
//! This file holds the top level and the small per-command structs; the
//! long `after_help` texts live in `help`, the roster and signer filters in
//! `roster`, and the commands that write a letter out in `output`.

mod diff;
mod help;
mod output;
mod remind;
mod roster;
mod watch;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use diff::DiffArgs;
use help::MERGE_LEDGER_HELP;
use help::{
    AFTER_HELP, CHECK_HELP, EXPORT_HELP, INIT_HELP, LOG_HELP, NEW_HELP, PRESS_HELP, RECORD_HELP,
    RENDER_HELP, SIGN_HELP, SIGNERS_HELP, STATUS_HELP, UNDO_HELP,
};
pub use output::{ExportArgs, ExportFormat, Paper, PressArgs, PressFormat, RenderArgs};
pub use remind::{RemindArgs, RemindFormat, Sender};
pub use roster::{ChamberArg, FilterArgs, ImportArgs, RosterArgs, RosterCommand, SignersArgs};
pub use watch::WatchArgs;

/// Draft, track and print congressional sign-on letters.
#[derive(Debug, Parser)]
#[command(name = "signon", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// The workspace folder (default: this folder or the nearest parent
    /// holding `signers.toml`)
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// When to use colors: `auto` (on a terminal, unless `NO_COLOR` is set
    /// or `CLICOLOR_FORCE` asks for them anyway), `always` or `never`
    #[arg(long, global = true, value_name = "WHEN", default_value_t = ColorWhen::Auto, value_enum)]
    pub color: ColorWhen,
}

/// `--color`: when output is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal that takes colors, as `NO_COLOR` and `CLICOLOR_FORCE` say.
    Auto,
    /// Always, even into a file or a pipe.
    Always,
    /// Never.
    Never,
}

impl From<ColorWhen> for anstream::ColorChoice {
    fn from(c: ColorWhen) -> Self {
        match c {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the roster, the ledger and letters; report every problem
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Start a new workspace: a commented `signers.toml`, an empty `letters/`, `.gitignore` and `.gitattributes`
    #[command(after_help = INIT_HELP)]
    Init(InitArgs),
    /// For git to run: merge two clones' `signers.toml`, keeping every sign-off
    #[command(after_help = MERGE_LEDGER_HELP)]
    MergeLedger(MergeLedgerArgs),
    /// Write a commented letter skeleton `letters/ID.toml`, dated today
    #[command(after_help = NEW_HELP)]
    New(NewArgs),
    /// Render a letter as PDF and HTML (marked DRAFT unless `--final`)
    #[command(after_help = RENDER_HELP)]
    Render(RenderArgs),
    /// A press-release draft from the letter and its signers
    #[command(after_help = PRESS_HELP)]
    Press(PressArgs),
    /// The signer list as CSV, JSON or text, for partner organizations
    #[command(after_help = EXPORT_HELP)]
    Export(ExportArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Record that signers signed the letter's current text
    #[command(after_help = SIGN_HELP, mut_arg("signers", |a| a
        .required(false)
        .required_unless_present_any(["from", "dry_run", "tz"])))]
    Sign(SignArgs),
    /// Record that signers declined to sign
    #[command(after_help = RECORD_HELP)]
    Decline(RecordArgs),
    /// Record that signers withdrew their signature
    #[command(after_help = RECORD_HELP)]
    Withdraw(RecordArgs),
    /// Record that signers were asked to sign on
    #[command(after_help = RECORD_HELP, mut_arg("signers", |a| a
        .required(false)
        .required_unless_present_any(["parties", "states", "chamber"])))]
    Invite(InviteArgs),
    /// Cancel a signer's latest event on a letter, in the open: appends a `void` event
    #[command(after_help = UNDO_HELP)]
    Undo(UndoArgs),
    /// Every event of a letter in time order, voided ones marked
    #[command(after_help = LOG_HELP)]
    Log(LogArgs),
    /// What changed, word by word, since each signer approved the letter
    #[command(after_help = diff::DIFF_HELP)]
    Diff(DiffArgs),
    /// Who has signed, declined, is stale or has not answered, and days to the deadline
    #[command(after_help = STATUS_HELP)]
    Status(StatusArgs),
    /// Keep the roster: import Members from the official congress-legislators data
    Roster(RosterArgs),
    /// List the roster, filtered by party, state and chamber, sorted by name
    #[command(after_help = SIGNERS_HELP)]
    Signers(SignersArgs),
    /// Re-check and re-render a letter on every save, until Ctrl-C
    #[command(after_help = watch::WATCH_HELP)]
    Watch(WatchArgs),
    /// Rename a letter; its ledger history follows (`formerly`)
    #[command(after_help = help::MV_HELP)]
    Mv(MvArgs),
    /// Write an e-mail draft (.eml) to each office to chase; nothing is sent
    #[command(after_help = remind::REMIND_HELP)]
    Remind(RemindArgs),
}

/// `signon check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Letters to check, by id or path (default: every letter)
    #[arg(value_name = "LETTER")]
    pub letters: Vec<String>,
}

/// `signon init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create or fill (default: this folder)
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// `signon merge-ledger`: git's merge driver protocol, `%O %A %B`.
#[derive(Debug, Args)]
pub struct MergeLedgerArgs {
    /// The common ancestor's version (git's `%O`)
    #[arg(value_name = "BASE")]
    pub base: PathBuf,
    /// Our version (git's `%A`): the merged file is written here
    #[arg(value_name = "OURS")]
    pub ours: PathBuf,
    /// Their version (git's `%B`)
    #[arg(value_name = "THEIRS")]
    pub theirs: PathBuf,
}

/// `signon new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The letter id, used as its file name: e.g. `2025-02-06-rubio`
    #[arg(value_name = "ID")]
    pub id: String,
}

/// `signon sign`, `decline`, `withdraw` and `invite`.
#[derive(Debug, Args)]
pub struct RecordArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// Roster ids of the signers
    #[arg(value_name = "SIGNER", required = true)]
    pub signers: Vec<String>,
    /// `invite` only, filled from [`InviteArgs`]: `sign`, `decline` and
    /// `withdraw` take no filters, so clap refuses `--party` there
    #[arg(skip)]
    pub filter: FilterArgs,
    /// Who records it (e.g. your initials)
    #[arg(long, value_name = "WHO")]
    pub by: Option<String>,
    /// When it happened (default: now): `2025-02-03T10:12:00-05:00`,
    /// `2025-02-03 10:12` (this machine's zone, on that date) or `2025-02-03`
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<toml::value::Datetime>,
    /// A note kept with the event
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// `signon invite`: the arguments of every record command, and the filters
/// that pick whom to invite.
#[derive(Debug, Args)]
pub struct InviteArgs {
    /// The letter, the signers and the event's details.
    #[command(flatten)]
    pub record: RecordArgs,
    /// Also everyone on the roster matching these filters
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `signon sign`: the arguments of every record command, and a responses
/// spreadsheet to record instead of signer ids.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The letter, the signers and the event's details.
    #[command(flatten)]
    pub record: RecordArgs,
    /// Record the responses in a CSV file (a sign-on form's export): each
    /// row names one signer; all rows are recorded or none
    #[arg(long, value_name = "FILE.csv", conflicts_with = "signers")]
    pub from: Option<PathBuf>,
    /// With `--from`: print what each row would record, and write nothing
    // `requires` alone is not enough: clap excuses a missing `--from` when
    // it conflicts with signers given, so the signers are refused here too,
    // and `sign L --dry-run` asks for `--from` only.
    #[arg(long, requires = "from", conflicts_with = "signers")]
    pub dry_run: bool,
    /// With `--from`: the IANA time zone of times without an offset, e.g.
    /// `America/New_York` (default: this machine's)
    #[arg(long, value_name = "ZONE", requires = "from", conflicts_with = "signers", value_parser = parse_zone)]
    pub tz: Option<chrono_tz::Tz>,
}

/// An IANA time zone name.
fn parse_zone(s: &str) -> Result<chrono_tz::Tz, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("unknown time zone `{s}`: give an IANA name like `America/New_York`"))
}

/// `signon undo`.
#[derive(Debug, Args)]
pub struct UndoArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// Roster id of the signer whose latest event is cancelled
    #[arg(value_name = "SIGNER")]
    pub signer: String,
    /// Who records it (e.g. your initials)
    #[arg(long, value_name = "WHO")]
    pub by: Option<String>,
    /// Why, kept with the event
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// `signon log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// Only this signer's events (a roster id)
    #[arg(value_name = "SIGNER")]
    pub signer: Option<String>,
}

/// Accepts a TOML (RFC 3339) date-time, with or without offset, or a date.
fn parse_time(s: &str) -> Result<toml::value::Datetime, String> {
    let dt: toml::value::Datetime = s
        .trim()
        .parse()
        .map_err(|_| "expected a time like `2025-02-03T10:12:00-05:00` or `2025-02-03`")?;
    if dt.date.is_none() || (dt.time.is_none() && dt.offset.is_some()) {
        return Err("give a date, e.g. `2025-02-03` or `2025-02-03T10:12:00-05:00`".into());
    }
    Ok(dt)
}

/// `signon status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// One letter, by id or path (default: every letter)
    #[arg(value_name = "LETTER")]
    pub letter: Option<String>,
    /// Print JSON for scripts instead of the table
    #[arg(long)]
    pub json: bool,
    /// Write a self-contained HTML status page to PATH (`-`: standard output)
    #[arg(long, value_name = "PATH")]
    pub html: Option<PathBuf>,
    /// Only the offices to chase (no answer, or a stale signature), with
    /// staffer, e-mail and office; every letter's when no LETTER is given
    #[arg(long, conflicts_with = "html")]
    pub missing: bool,
}

/// `signon completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Shells with completion scripts.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
    /// Elvish.
    Elvish,
}

impl From<Shell> for clap_complete::Shell {
    fn from(s: Shell) -> Self {
        match s {
            Shell::Bash => clap_complete::Shell::Bash,
            Shell::Zsh => clap_complete::Shell::Zsh,
            Shell::Fish => clap_complete::Shell::Fish,
            Shell::Powershell => clap_complete::Shell::PowerShell,
            Shell::Elvish => clap_complete::Shell::Elvish,
        }
    }
}

/// `signon mv`.
#[derive(Debug, Args)]
pub struct MvArgs {
    /// The letter, by id or path
    #[arg(value_name = "OLD")]
    pub old: String,
    /// Its new id, used as its file name
    #[arg(value_name = "NEW")]
    pub new: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}

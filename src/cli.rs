//! The command line, as clap derive types only. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
A workspace is a folder with `signers.toml` (the roster, and the ledger of
sign-offs that signon appends to) and `letters/<id>.toml` (one letter a file).

  signon init my-caucus          start a workspace
  signon new 2025-02-06-rubio    a commented letter skeleton, dated today
  signon check                   every problem in every file, with line and column
  signon sign 2025-02-06-rubio sherman --by AH --note \"LD confirmed by email\"
  signon status                  who is still missing, letter by letter
  signon render 2025-02-06-rubio out/2025-02-06-rubio.pdf and .html (marked DRAFT)
  signon press 2025-02-06-rubio  a press-release draft in Markdown

Exit codes: 0 ok, 1 a problem with the input or a refused command, 2 a usage error.";

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
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the roster, the ledger and letters; report every problem
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Start a new workspace: a commented `signers.toml` and an empty `letters/`
    #[command(after_help = INIT_HELP)]
    Init(InitArgs),
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
    #[command(after_help = RECORD_HELP)]
    Sign(RecordArgs),
    /// Record that signers declined to sign
    #[command(after_help = RECORD_HELP)]
    Decline(RecordArgs),
    /// Record that signers withdrew their signature
    #[command(after_help = RECORD_HELP)]
    Withdraw(RecordArgs),
    /// Record that signers were asked to sign on
    #[command(after_help = RECORD_HELP)]
    Invite(RecordArgs),
    /// Who has signed, declined, is stale or has not answered, and days to the deadline
    #[command(after_help = STATUS_HELP)]
    Status(StatusArgs),
    /// Keep the roster: import Members from the official congress-legislators data
    Roster(RosterArgs),
    /// List the roster, filtered by party, state and chamber, sorted by name
    #[command(after_help = SIGNERS_HELP)]
    Signers(SignersArgs),
}

const IMPORT_HELP: &str = "\
Reads the congress-legislators YAML (legislators-current.yaml, public domain,
from github.com/unitedstates/congress-legislators) and adds or updates one
[signers.ID] table per Member. Entries are matched by bioguide id, so ids,
comments, hand-set fields (role, staffer, email, sort_as, title) and the
ledger are kept. Nothing is ever deleted: Members in the roster who are not
in the data are reported.

  signon roster import legislators-current.yaml
  signon roster import legislators-current.yaml --state CA --state NY --dry-run";

const SIGNERS_HELP: &str = "  signon signers                          everyone, by surname
  signon signers --party D --state CA     California Democrats
  signon signers --chamber senate --json  Senators, as JSON";

/// `signon roster`.
#[derive(Debug, Args)]
pub struct RosterArgs {
    /// What to do with the roster.
    #[command(subcommand)]
    pub command: RosterCommand,
}

/// The `roster` subcommands.
#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Add or update Members from `legislators-current.yaml`
    #[command(after_help = IMPORT_HELP)]
    Import(ImportArgs),
}

/// `signon roster import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The congress-legislators YAML file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Only Members of this chamber
    #[arg(long, value_enum)]
    pub chamber: Option<ChamberArg>,
    /// Only Members from this state (two-letter code; repeat for more)
    #[arg(long = "state", value_name = "XX")]
    pub states: Vec<String>,
    /// Show what would be added and changed; write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Picks signers by party, state and chamber (`signers`, `invite`).
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only this party letter, e.g. `D` (repeat for more)
    #[arg(long = "party", value_name = "P")]
    pub parties: Vec<String>,
    /// Only this state, e.g. `CA` (repeat for more)
    #[arg(long = "state", value_name = "XX")]
    pub states: Vec<String>,
    /// Only this chamber
    #[arg(long, value_enum)]
    pub chamber: Option<ChamberArg>,
}

/// `signon signers`.
#[derive(Debug, Args)]
pub struct SignersArgs {
    /// Which signers.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

/// A chamber on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ChamberArg {
    /// House of Representatives.
    House,
    /// Senate.
    Senate,
}

impl From<ChamberArg> for crate::model::Chamber {
    fn from(c: ChamberArg) -> Self {
        match c {
            ChamberArg::House => crate::model::Chamber::House,
            ChamberArg::Senate => crate::model::Chamber::Senate,
        }
    }
}

impl From<&FilterArgs> for crate::roster::Filter {
    fn from(f: &FilterArgs) -> Self {
        crate::roster::Filter {
            parties: f.parties.clone(),
            states: f.states.clone(),
            chamber: f.chamber.map(Into::into),
        }
    }
}

const RECORD_HELP: &str = "\
Each signer gets one `[[signoff]]` event appended to the end of `signers.toml`;
nothing above it is changed. Several signers are recorded all together or not
at all. `sign` stores the fingerprint of the letter's current text, so a later
edit of the words shows the signature as stale in `signon status`.

  signon sign 2025-02-06-rubio sherman --by AH --note \"LD confirmed by email\"
  signon decline 2025-02-06-rubio tenney --at 2025-02-03T16:30:00-05:00
  signon invite 2025-02-06-rubio chu lieu schiff
  signon invite 2025-02-06-rubio --party D --state CA    every California Democrat";

const STATUS_HELP: &str =
    "  signon status                       every letter: counts, deadline, ready to go final
  signon status 2025-02-06-rubio      one letter: each signer's state, when and by whom
  signon status --json                the same as JSON, for scripts
  signon status --html status.html    a self-contained page for the office screen";

/// `signon sign`, `decline`, `withdraw` and `invite`.
#[derive(Debug, Args)]
pub struct RecordArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// Roster ids of the signers
    #[arg(value_name = "SIGNER", required_unless_present_any = ["parties", "states", "chamber"])]
    pub signers: Vec<String>,
    /// `invite` only: also everyone on the roster matching these filters
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Who records it (e.g. your initials)
    #[arg(long, value_name = "WHO")]
    pub by: Option<String>,
    /// When it happened (default: now): `2025-02-03T10:12:00-05:00`,
    /// `2025-02-03 10:12` (this machine's offset) or `2025-02-03`
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<toml::value::Datetime>,
    /// A note kept with the event
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
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
    /// Write a self-contained HTML status page to PATH
    #[arg(long, value_name = "PATH")]
    pub html: Option<PathBuf>,
}

const INIT_HELP: &str = "A roster entry in signers.toml (only `name` and `chamber` are required):

  [signers.sherman]
  name = \"Brad Sherman\"          # printed exactly like this under the signature
  chamber = \"house\"              # or \"senate\"; sets \"Member of Congress\" / \"United States Senator\"
  party = \"D\"
  state = \"CA\"
  district = 32
  role = \"Co-Chair, Congressional Armenian Caucus\"   # printed under a lead's title

Or fill the roster from the official data: signon roster import legislators-current.yaml";

const NEW_HELP: &str = "The smallest letter `signon check` accepts:

  [letter]
  title = \"Support for Armenia\"
  date = 2025-02-06                    # a TOML date, no quotes
  salutation = \"Dear Secretary Rubio:\"

  [[recipient]]                        # repeat for stacked addressees
  name = \"The Honorable Marco Rubio\"
  address = [\"2201 C Street, NW\", \"Washington, DC 20520\"]

  [[section]]                          # repeat; heading, quotes and asks are optional
  body = \"\"\"
  Paragraphs are separated by a blank line. *Italic* and **bold** work.
  \"\"\"
  asks = [\"Enforce Section 907.\"]      # numbered across sections

  [signatories]
  leads = [\"sherman\"]                  # roster ids, or { id = \"...\", role = \"...\" }
  invited = [\"chu\", \"schiff\"]";

const CHECK_HELP: &str = "\
Each problem is printed as `path:line:col: error|warning: message` with the
source line and a caret, and a hint where one helps. Exit code 1 when there is
an error; warnings alone exit 0.

  signon check                      the whole workspace
  signon check 2025-02-06-rubio     one letter (by id), with the roster and ledger
  signon check letters/draft.toml   one letter (by path)";

/// `signon check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Letters to check, by id or path (default: every letter)
    #[arg(value_name = "LETTER")]
    pub letters: Vec<String>,
}

const RENDER_HELP: &str = "\
Output goes to a temporary file beside the target and is renamed into place,
so a failed render never leaves a partial file.

  signon render 2025-02-06-rubio                      out/2025-02-06-rubio.pdf and .html (DRAFT)
  signon render 2025-02-06-rubio --html out/rubio.html
  signon render 2025-02-06-rubio --final              refused until every lead signed this text";

/// `signon render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// Write the PDF here (default: `out/ID.pdf` in the workspace)
    #[arg(long, value_name = "PATH")]
    pub pdf: Option<PathBuf>,
    /// Write the HTML here (default: `out/ID.html` in the workspace)
    #[arg(long, value_name = "PATH")]
    pub html: Option<PathBuf>,
    /// Write the letter as plain text here, wrapped at 72 columns (`-`: standard output)
    #[arg(long, value_name = "PATH")]
    pub text: Option<PathBuf>,
    /// The copy to send: refused while a lead has not signed or a signature is stale
    #[arg(long = "final")]
    pub final_copy: bool,
    /// The paper size
    #[arg(long, value_enum, default_value_t = Paper::Letter)]
    pub paper: Paper,
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Paper {
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

const PRESS_HELP: &str = "\
Headline, a lead paragraph naming the leads and counting the co-signers,
each section's asks, the quotes marked `pull = true`, and every signer as
\"Rep. Name (P-ST)\". Only signatures on the current text are counted. Until
the letter could render `--final`, the draft says so at the top, with why.

  signon press 2025-02-06-rubio                        Markdown on standard output
  signon press 2025-02-06-rubio --format html --output out/rubio-press.html";

/// `signon press`.
#[derive(Debug, Args)]
pub struct PressArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// The output format
    #[arg(long, value_enum, default_value_t = PressFormat::Md)]
    pub format: PressFormat,
    /// Write here instead of standard output
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of the press release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PressFormat {
    /// Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// Plain text, wrapped at 72 columns.
    Txt,
}

const EXPORT_HELP: &str = "\
Lists those who signed the current text, in the letter's order (leads first):
id, name, chamber, party, state, district, standing, signed_at, lead.

  signon export 2025-02-06-rubio --format csv --output out/rubio-signers.csv
  signon export 2025-02-06-rubio --format txt          \"Rep. Name (P-ST)\" a line";

/// `signon export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// The output format
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write here instead of standard output
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of the signer list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header row (UTF-8).
    Csv,
    /// A JSON document: the letter and its signers.
    Json,
    /// One `Rep. Name (P-ST)` a line.
    Txt,
}

/// `signon init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create or fill (default: this folder)
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// `signon new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The letter id, used as its file name: e.g. `2025-02-06-rubio`
    #[arg(value_name = "ID")]
    pub id: String,
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}

//! `signon roster` and `signon signers`, and the party/state/chamber filters
//! they share with `invite`: the arguments that pick signers from the roster.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::help::IMPORT_HELP;

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

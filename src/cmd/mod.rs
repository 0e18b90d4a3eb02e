//! One handler per subcommand, each named after it.

mod check;
mod diff;
mod export;
mod init;
mod intake;
mod log;
mod merge_ledger;
mod mv;
mod new;
mod press;
mod remind;
mod render;
mod roster;
mod sign;
mod signers;
mod status;
mod undo;
mod watch;

use clap::CommandFactory;

use crate::cli::{Cli, Command, InviteArgs};
use crate::load::Workspace;
use crate::model::Status;
use crate::{Context, Error};

/// Sends a parsed command line to its handler.
pub(crate) fn dispatch(cli: Cli, cx: &mut Context<'_>) -> Result<(), Error> {
    let root = cli.global.root.as_deref();
    match cli.command {
        Command::Check(args) => check::check(&workspace(root, cx)?, &args, cx),
        Command::Init(args) => init::init(&args, cx),
        Command::MergeLedger(args) => merge_ledger::merge_ledger(&args, cx),
        Command::New(args) => new::new(&workspace(root, cx)?, &args, cx),
        Command::Render(args) => render::render(&workspace(root, cx)?, &args, cx),
        Command::Press(args) => press::press(&workspace(root, cx)?, &args, cx),
        Command::Export(args) => export::export(&workspace(root, cx)?, &args, cx),
        Command::Roster(args) => roster::roster(&workspace(root, cx)?, &args, cx),
        Command::Signers(args) => signers::signers(&workspace(root, cx)?, &args, cx),
        Command::Completions(args) => {
            // Made in memory first: clap_complete panics when its writer
            // fails, and a closed pipe (`| head -0`) must end quietly.
            let mut script = Vec::new();
            let shell = clap_complete::Shell::from(args.shell);
            clap_complete::generate(shell, &mut Cli::command(), "signon", &mut script);
            cx.out
                .write_all(&script)
                .map_err(|e| Error::io("write", "standard output", e))
        }
        Command::Sign(args) => sign::sign(&workspace(root, cx)?, &args, cx),
        Command::Decline(args) => sign::record(&workspace(root, cx)?, &args, Status::Declined, cx),
        Command::Withdraw(args) => {
            sign::record(&workspace(root, cx)?, &args, Status::Withdrawn, cx)
        }
        Command::Invite(InviteArgs { mut record, filter }) => {
            record.filter = filter;
            sign::record(&workspace(root, cx)?, &record, Status::Invited, cx)
        }
        Command::Undo(args) => undo::undo(&workspace(root, cx)?, &args, cx),
        Command::Log(args) => log::log(&workspace(root, cx)?, &args, cx),
        Command::Diff(args) => diff::diff(&workspace(root, cx)?, &args, cx),
        Command::Status(args) => status::status(&workspace(root, cx)?, &args, cx),
        Command::Watch(args) => watch::watch(&workspace(root, cx)?, &args, cx),
        Command::Mv(args) => mv::mv(&workspace(root, cx)?, &args, cx),
        Command::Remind(args) => remind::remind(&workspace(root, cx)?, &args, cx),
    }
}

fn workspace(root: Option<&std::path::Path>, cx: &Context<'_>) -> Result<Workspace, Error> {
    Workspace::discover(root, &cx.cwd)
}

/// One letter named on the command line, validated with the roster and the
/// ledger (its warnings printed), and every signer's standing on it.
pub(crate) struct OneLetter {
    /// The workspace, validated for this letter: `letters[0]` is it.
    pub(crate) checked: crate::validate::Checked,
    /// Each signer's standing on the letter's current text.
    pub(crate) states: Vec<crate::model::SignerState>,
}

impl OneLetter {
    /// The letter.
    pub(crate) fn letter(&self) -> &crate::model::Letter {
        &self.checked.letters[0]
    }
}

/// Loads and validates one letter by id or path; any error refuses.
pub(crate) fn one_letter(
    ws: &Workspace,
    name: &str,
    cx: &mut Context<'_>,
) -> Result<OneLetter, Error> {
    let path = ws.resolve_letter(name, &cx.cwd)?;
    let checked = crate::validate::workspace(ws, &[path])?.into_valid()?;
    cx.warn_all(&checked.diagnostics);
    let letter = &checked.letters[0];
    let states =
        crate::ledger::states(letter, &checked.ledger, &crate::ledger::fingerprint(letter));
    Ok(OneLetter { checked, states })
}

/// What an output of this workspace must never replace: `signers.toml`,
/// every letter (a new `letters/*.toml` too) and `letter`, one named on the
/// command line, which may live elsewhere. `out/` is the one folder that is
/// made when missing.
pub(crate) fn guard(
    ws: &Workspace,
    letter: Option<&str>,
    cx: &Context<'_>,
) -> Result<crate::output::Guard, Error> {
    guard_in(ws, letter, cx, &ws.out_dir())
}

/// [`guard`], with `made` the one folder made when missing instead of `out/`.
pub(crate) fn guard_in(
    ws: &Workspace,
    letter: Option<&str>,
    cx: &Context<'_>,
    made: &std::path::Path,
) -> Result<crate::output::Guard, Error> {
    let mut inputs = ws.letter_paths()?;
    inputs.push(ws.signers_path());
    if let Some(name) = letter {
        inputs.push(ws.resolve_letter(name, &cx.cwd)?);
    }
    // Kept approved texts are inputs too (`check` verifies them).
    let dirs = [ws.letters_dir(), ws.root.join("approved")];
    Ok(crate::output::Guard::new(&inputs, &dirs, Some(made)))
}

/// Writes to the context's output, turning a broken pipe into an I/O error.
pub(crate) fn write_out(cx: &mut Context<'_>, text: &str) -> Result<(), Error> {
    cx.out
        .write_all(text.as_bytes())
        .map_err(|e| Error::io("write", "standard output", e))
}

//! One handler per subcommand, each named after it.

mod check;
mod export;
mod init;
mod new;
mod press;
mod render;
mod roster;
mod sign;
mod signers;
mod status;

use clap::CommandFactory;

use crate::cli::{Cli, Command};
use crate::load::Workspace;
use crate::model::Status;
use crate::{Context, Error};

/// Sends a parsed command line to its handler.
pub(crate) fn dispatch(cli: Cli, cx: &mut Context<'_>) -> Result<(), Error> {
    let root = cli.global.root.as_deref();
    match cli.command {
        Command::Check(args) => check::check(&workspace(root, cx)?, &args, cx),
        Command::Init(args) => init::init(&args, cx),
        Command::New(args) => new::new(&workspace(root, cx)?, &args, cx),
        Command::Render(args) => render::render(&workspace(root, cx)?, &args, cx),
        Command::Press(args) => press::press(&workspace(root, cx)?, &args, cx),
        Command::Export(args) => export::export(&workspace(root, cx)?, &args, cx),
        Command::Roster(args) => roster::roster(&workspace(root, cx)?, &args, cx),
        Command::Signers(args) => signers::signers(&workspace(root, cx)?, &args, cx),
        Command::Completions(args) => {
            let shell = clap_complete::Shell::from(args.shell);
            clap_complete::generate(shell, &mut Cli::command(), "signon", cx.out);
            Ok(())
        }
        Command::Sign(args) => sign::record(&workspace(root, cx)?, &args, Status::Signed, cx),
        Command::Decline(args) => sign::record(&workspace(root, cx)?, &args, Status::Declined, cx),
        Command::Withdraw(args) => {
            sign::record(&workspace(root, cx)?, &args, Status::Withdrawn, cx)
        }
        Command::Invite(args) => sign::record(&workspace(root, cx)?, &args, Status::Invited, cx),
        Command::Status(args) => status::status(&workspace(root, cx)?, &args, cx),
    }
}

fn workspace(root: Option<&std::path::Path>, cx: &Context<'_>) -> Result<Workspace, Error> {
    Workspace::discover(root, &cx.cwd)
}

/// Writes to the context's output, turning a broken pipe into an I/O error.
pub(crate) fn write_out(cx: &mut Context<'_>, text: &str) -> Result<(), Error> {
    cx.out
        .write_all(text.as_bytes())
        .map_err(|e| Error::io("write", "standard output", e))
}

//! `signon mv OLD NEW`: renames a letter; its ledger history follows.

use crate::cli::MvArgs;
use crate::load::Workspace;
use crate::{Context, Error};

/// Renames `letters/OLD.toml` to `letters/NEW.toml` with `OLD` recorded in
/// its `formerly`; refuses a bad or taken id and a missing letter.
pub(crate) fn mv(ws: &Workspace, args: &MvArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let from = ws.resolve_letter(&args.old, &cx.cwd)?;
    let (old, new) = (
        crate::load::letter_id(&from),
        &crate::load::id_of_new(&args.new).to_string(),
    );
    if !crate::model::valid_id(new) {
        return Err(Error::message(format!(
            "invalid letter id `{new}`: {}",
            crate::model::ID_RULE
        )));
    }
    let to = from.with_file_name(format!("{new}.toml"));
    if *new == old || to.exists() {
        return Err(crate::rename::exists(new, &to));
    }
    // Another letter's earlier id: its events count for that letter, and
    // would count twice.
    let claimants = crate::validate::claimants(ws, new)?;
    if let Some(other) = claimants.iter().find(|c| **c != old) {
        return Err(Error::hinted(
            format!(
                "`{new}` is an earlier id of letter `{other}` (in its `formerly`): renamed nothing"
            ),
            format!("the ledger's events under `{new}` count for `{other}`; choose another id"),
        ));
    }
    let to = crate::rename::rename(&from, new)?;
    super::write_out(
        cx,
        &format!(
            "renamed `{}` to `{}`: its events under `{old}` count for `{new}` (`formerly = [\"{old}\"]`)\n",
            crate::diag::display_path(&from),
            crate::diag::display_path(&to),
        ),
    )
}

//! `signon init`: a new workspace with a commented roster and `letters/`,
//! and the two git files that let two clones of it merge: `.gitignore`
//! (`out/`, the rendered files) and `.gitattributes` (`signers.toml` merged
//! by `signon merge-ledger`).

use std::fs;
use std::path::Path;

use crate::cli::InitArgs;
use crate::load::{LETTERS_DIR, SIGNERS_FILE};
use crate::{Context, Error};

const SIGNERS_TEMPLATE: &str = r#"# signers.toml: the roster of people who may sign, then the ledger of sign-offs.
#
# Add one table per signer. The id after `signers.` is what letters and the
# command line use. Only `name` and `chamber` are required.
#
# [signers.sherman]
# name = "Brad Sherman"             # printed under the signature space, exactly as written
# chamber = "house"                 # "house" or "senate"; sets the title printed under the name
# party = "D"
# state = "CA"
# district = 32
# bioguide = "S000344"              # official Member id, unique
# role = "Co-Chair, Congressional Armenian Caucus"   # printed under the title for a lead
# sort_as = "Sherman"               # surname for ordering; default: the last word of the name

# ---- ledger: appended by signon (`signon sign`, `decline`, `withdraw`, `invite`); never edit above it by tool ----
"#;

/// Creates `DIR/signers.toml` and `DIR/letters/`; refuses to overwrite a roster.
pub(crate) fn init(args: &InitArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let dir = match &args.dir {
        Some(d) => cx.cwd.join(d),
        None => cx.cwd.clone(),
    };
    let signers = dir.join(SIGNERS_FILE);
    if signers.exists() {
        return Err(Error::message(format!(
            "`{}` already exists: this is a workspace already",
            crate::diag::display_path(&signers)
        )));
    }
    fs::create_dir_all(dir.join(LETTERS_DIR))
        .map_err(|e| Error::io("create", dir.join(LETTERS_DIR), e))?;
    fs::write(&signers, SIGNERS_TEMPLATE).map_err(|e| Error::io("write", &signers, e))?;
    add_line(&dir.join(".gitignore"), "out/")?;
    add_line(&dir.join(".gitattributes"), GIT_ATTRIBUTE)?;
    let shown = crate::diag::display_path(&dir);
    let shown = if shown.is_empty() {
        ".".to_string()
    } else {
        shown
    };
    super::write_out(
        cx,
        &format!(
            "created workspace `{shown}`: add signers to {SIGNERS_FILE}, then `signon new ID`\n\
             for git, run once in each clone so that two coordinators' sign-offs merge:\n  \
             {GIT_CONFIG}\n"
        ),
    )
}

/// The `.gitattributes` line that names the merge driver.
const GIT_ATTRIBUTE: &str = "signers.toml merge=signon";

/// The one command that defines the driver: git's config is not versioned,
/// so each clone runs it once. `%O %A %B`: base, ours (the result goes
/// there), theirs.
const GIT_CONFIG: &str = r#"git config merge.signon.driver "signon merge-ledger %O %A %B""#;

/// Appends `line` to the file at `path` unless a line of it already says
/// so; creates the file when missing. A user's own lines are left alone.
fn add_line(path: &Path, line: &str) -> Result<(), Error> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io("read", path, e)),
    };
    if text.lines().any(|l| l.trim() == line) {
        return Ok(());
    }
    let sep = if text.is_empty() || text.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    fs::write(path, format!("{text}{sep}{line}\n")).map_err(|e| Error::io("write", path, e))
}

//! `signon new ID`: a commented letter skeleton, dated today.

use std::fs::OpenOptions;
use std::io::Write;

use crate::cli::NewArgs;
use crate::load::Workspace;
use crate::{Context, Error};

const SKELETON: &str = r#"# A sign-on letter. Fill in every <<placeholder>>: `signon check` reports
# the ones left. Inline *italic* and **bold** work in body text, quotes and asks.

[letter]
title = "<<Short title of the letter>>"    # the PDF and web page title
date = {date}                              # printed "{date_text}"
letterhead = "house"                       # "house", "senate", "congress", "none" or {{ lines = ["...", "..."] }}
# deadline = {date}                        # last day to sign on, shown by `signon status`
# subject = "<<Re: line>>"
salutation = "Dear <<Secretary Name>>:"    # printed as written: a colon or a comma

[[recipient]]                              # repeat [[recipient]] for stacked addressees
name = "The Honorable <<Full Name>>"
title = "<<Their title>>"
address = ["<<Department>>", "<<Street>>", "Washington, DC <<ZIP>>"]

[[section]]                                # repeat [[section]]; they print in order
heading = "<<Heading>>"                    # optional
body = """
<<First paragraph.>>

<<Paragraphs are separated by a blank line.>>
"""
# quotes = [{{ text = "...", source = "...", pull = true }}]
asks = [                                   # numbered; numbering runs on across sections
  "<<What the letter asks for.>>",
]

[closing]
text = "Sincerely,"
# cc = ["The Honorable ..."]
# enclosures = ["..."]

[signatories]
leads = ["<<signer-id>>"]                  # ids from signers.toml, or {{ id = "...", role = "..." }}
invited = []                               # others asked to sign on
order = "alphabetical"                     # or "signed" (by time) or "listed"
"#;

/// Writes `letters/ID.toml`; refuses an existing file or an id that is not a plain file name.
pub(crate) fn new(ws: &Workspace, args: &NewArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let id = crate::load::id_of_new(&args.id);
    if !crate::model::valid_id(id) {
        return Err(Error::message(format!(
            "invalid letter id `{id}`: {}",
            crate::model::ID_RULE
        )));
    }
    let dir = ws.letters_dir();
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, e))?;
    let path = dir.join(format!("{id}.toml"));
    let date = cx.now.date_naive();
    let text = SKELETON
        .replace("{date_text}", &crate::compose::date_text(date))
        .replace("{date}", &date.to_string())
        .replace("{{", "{")
        .replace("}}", "}");
    // create_new: never overwrite a letter someone is drafting.
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            let verb = if e.kind() == std::io::ErrorKind::AlreadyExists {
                "create (it exists)"
            } else {
                "create"
            };
            Error::io(verb, &path, e)
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| Error::io("write", &path, e))?;
    let shown = crate::diag::display_path(&path);
    super::write_out(
        cx,
        &format!("created `{shown}`: fill in its <<placeholders>>, then `signon check {id}`\n"),
    )
}

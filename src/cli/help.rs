//! The long `after_help` texts: examples and file formats shown below each
//! command's options. They are kept apart from the derive types so that the
//! structs in the other `cli` files stay readable as the list of options.

/// After `signon --help`: the workspace, the everyday commands, exit codes.
pub(super) const AFTER_HELP: &str = "\
A workspace is a folder with `signers.toml` (the roster, and the ledger of
sign-offs that signon appends to) and `letters/<id>.toml` (one letter a file).

  signon init my-caucus          start a workspace
  signon new 2025-02-06-rubio    a commented letter skeleton, dated today
  signon check                   every problem in every file, with line and column
  signon sign 2025-02-06-rubio sherman --by AH --note \"LD confirmed by email\"
  signon status                  who is still missing, letter by letter
  signon render 2025-02-06-rubio  writes out/2025-02-06-rubio.pdf and .html (marked DRAFT)
  signon press 2025-02-06-rubio  a press-release draft in Markdown

Exit codes: 0 ok, 1 a problem with the input or a refused command, 2 a usage error.";

/// After `signon check --help`.
pub(super) const CHECK_HELP: &str = "\
Each problem is printed as `path:line:col: error|warning: message` with the
source line and a caret, and a hint where one helps. Exit code 1 when there is
an error; warnings alone exit 0.

  signon check                      the whole workspace
  signon check 2025-02-06-rubio     one letter (by id), with the roster and ledger
  signon check letters/draft.toml   one letter (by path)";

/// After `signon init --help`: what init writes, what to run once for git,
/// and what a roster entry looks like.
pub(super) const INIT_HELP: &str = "Example:
  signon init my-caucus            # creates the folder my-caucus/ and fills it

It writes:
  signers.toml      the roster (commented), then the ledger of sign-offs
  letters/          one TOML file per letter (`signon new ID`)
  .gitignore        `out/`: the rendered PDF and HTML are not committed
  .gitattributes    `signers.toml merge=signon`: two clones' sign-offs merge

It prints one line to run once in each git clone (git does not version it):
  git config merge.signon.driver \"signon merge-ledger %O %A %B\"

An existing .gitignore or .gitattributes keeps its lines; a line already there
is not added again. An existing signers.toml is refused.

A roster entry in signers.toml (only `name` and `chamber` are required):

  [signers.sherman]
  name = \"Brad Sherman\"          # printed exactly like this under the signature
  chamber = \"house\"              # or \"senate\"; sets \"Member of Congress\" / \"United States Senator\"
  party = \"D\"
  state = \"CA\"
  district = 32
  role = \"Co-Chair, Congressional Armenian Caucus\"   # printed under a lead's title

Or fill the roster from the official data: signon roster import legislators-current.yaml";

/// After `signon new --help`: the smallest valid letter.
pub(super) const NEW_HELP: &str = "The smallest letter `signon check` accepts:

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

/// After `signon render --help`.
pub(super) const RENDER_HELP: &str = "\
Output goes to a temporary file beside the target and is renamed into place,
so a failed render never leaves a partial file. A file that already holds the
same bytes is left alone (\"unchanged\"), keeping its time.

An output path must be a new file or a regular file: signon refuses, writing
nothing, a path that is `signers.toml` or a letter (through links and `..`
too), a folder, a device, a pipe or a socket, and a folder that does not exist
(only the default `out/` is made). `-` is standard output, for one output only:
`--pdf -` writes the PDF bytes there, and asks for no HTML.

Examples (the letter is named by its id; `--pdf` and `--html` take paths):

  signon render 2025-02-06-rubio
      writes out/2025-02-06-rubio.pdf and out/2025-02-06-rubio.html, marked DRAFT
  signon render 2025-02-06-rubio --html out/rubio.html
      writes the HTML to out/rubio.html, the PDF to its default place
  signon render 2025-02-06-rubio --pdf - | lpr
      sends the PDF to the printer, keeping no file
  signon render 2025-02-06-rubio --final
      refused until every lead signed this text";

/// After `signon press --help`.
pub(super) const PRESS_HELP: &str = "\
Headline, a lead paragraph naming the leads and counting the co-signers,
each section's asks, the quotes marked `pull = true`, and every signer as
\"Rep. Name (P-ST)\". Only signatures on the current text are counted. Until
the letter could render `--final`, the draft says so at the top, with why.

  signon press 2025-02-06-rubio                        Markdown on standard output
  signon press 2025-02-06-rubio --format html --output out/rubio-press.html";

/// After `signon export --help`.
pub(super) const EXPORT_HELP: &str = "\
Lists those who signed the current text, in the letter's order (leads first):
id, name, chamber, party, state, district, standing, signed_at, lead.
A CSV cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
gets a leading `'`, so a spreadsheet shows it as text, never as a formula.

  signon export 2025-02-06-rubio --format csv --output out/rubio-signers.csv
  signon export 2025-02-06-rubio --format txt          \"Rep. Name (P-ST)\" a line";

/// After the help of `sign`, `decline`, `withdraw` and `invite`.
pub(super) const RECORD_HELP: &str = "\
Each signer gets one `[[signoff]]` event appended to the end of `signers.toml`;
nothing above it is changed. Several signers are recorded all together or not
at all. `sign` stores the fingerprint of the letter's current text, so a later
edit of the words shows the signature as stale in `signon status`.
A signer's latest answer (by `--at`) decides: `invite` skips whoever already
answered, `withdraw` needs a signature to withdraw, and `--at` may not be in
the future. A mistake is undone with `signon undo`.

  signon sign 2025-02-06-rubio sherman --by AH --note \"LD confirmed by email\"
  signon decline 2025-02-06-rubio tenney --at 2025-02-03T16:30:00-05:00
  signon invite 2025-02-06-rubio chu lieu schiff
  signon invite 2025-02-06-rubio --party D --state CA    every California Democrat";

/// After `signon sign --help`: the record commands' rules, and `--from`.
pub(super) const SIGN_HELP: &str = "\
Each signer gets one `[[signoff]]` event appended to the end of `signers.toml`;
nothing above it is changed. Several signers are recorded all together or not
at all. `sign` stores the fingerprint of the letter's current text, so a later
edit of the words shows the signature as stale in `signon status`.
A signer's latest answer (by `--at`) decides, and `--at` may not be in the
future. A mistake is undone with `signon undo`.

`--from FILE.csv` records a spreadsheet of responses (a sign-on form's
export). Columns are found by their header, in any case: name (or member,
office), id, bioguide, email, timestamp (or date, submitted), response (or
answer), by (or staffer), note. Each row must name exactly one roster entry by
id, bioguide, the roster's email, or name (\"Rep. Brad Sherman\",
\"Sherman (CA-32)\", \"Garcia, Jesus\", \"Chuy Garcia\"). A response of yes,
sign, signed or agree records a signature; no, decline or declined a decline;
without a response column every row is a signature. Times without an offset
are read in `--tz`; rows without a time take `--at` or now. Every row resolves
or nothing is recorded; a row already in the ledger is not recorded again.

  signon sign 2025-02-06-rubio sherman --by AH --note \"LD confirmed by email\"
  signon sign 2025-04-02-section-907 --from responses.csv --dry-run   who each row is, what would be recorded
  signon sign 2025-04-02-section-907 --from responses.csv             record them all, or nothing
  signon sign 2025-04-02-section-907 --from responses.csv --tz America/New_York";

/// After `signon undo --help`.
pub(super) const UNDO_HELP: &str = "\
Nothing is erased: a `status = \"void\"` event is appended that cancels the
signer's last recorded event on the letter (the nearest above it in
`signers.toml`, whatever its `at`) not already cancelled, and both stay in
`signers.toml` for the record. Undo twice to cancel the last two.
Refused when there is nothing left to cancel. `signon log` shows the trail.

  signon undo 2025-02-06-rubio sherman --by AH --note \"signed the wrong letter\"";

/// After `signon log --help`.
pub(super) const LOG_HELP: &str = "\
One row per event, oldest first (events with the same time in file order):
its line in `signers.toml`, the time, the signer, what it recorded, who
recorded it and the note. A cancelled event reads \"signed, voided by line
N\"; the void reads \"void of line M\".

  signon log 2025-02-06-rubio           every event of the letter
  signon log 2025-02-06-rubio sherman   one signer's history";

/// After `signon status --help`.
pub(super) const STATUS_HELP: &str =
    "  signon status                       every letter: counts, deadline, ready to go final
  signon status 2025-02-06-rubio      one letter: each signer's state, when and by whom
  signon status --json                the same as JSON, for scripts
  signon status --html status.html    a self-contained page for the office screen
  signon status 2025-02-06-rubio --missing
                                      who to chase: no answer or stale, with staffer,
                                      e-mail and office (`--json` too; without LETTER,
                                      every letter's, soonest deadline first)

A letter with errors is left out of the overview: the others are shown, then
its problems with their places, and the command exits 1.";

/// After `signon roster import --help`.
pub(super) const IMPORT_HELP: &str = "\
Reads the congress-legislators YAML (legislators-current.yaml, public domain,
from github.com/unitedstates/congress-legislators) and adds or updates one
[signers.ID] table per Member. Entries are matched by bioguide id, so ids,
comments, hand-set fields (role, staffer, email, sort_as, title) and the
ledger are kept. Nothing is ever deleted: Members in the roster who are not
in the data are reported.

  signon roster import legislators-current.yaml
  signon roster import legislators-current.yaml --state CA --state NY --dry-run";

/// After `signon signers --help`.
pub(super) const SIGNERS_HELP: &str =
    "  signon signers                          everyone, by surname
  signon signers --party D --state CA     California Democrats
  signon signers --chamber senate --json  Senators, as JSON";

/// After `signon merge-ledger --help`: how git is told to run it.
pub(super) const MERGE_LEDGER_HELP: &str = "\
Git runs this command, not you: it is the merge driver for `signers.toml`, so
that two coordinators who recorded sign-offs in two clones can `git pull`
without a conflict. Every event either side appended is kept once, byte for
byte, after the events both had, ordered by `at` (equal times: ours, then
theirs); the roster part is merged line by line, and a real conflict there is
left as git's `<<<<<<<` markers (exit 1), which `signon check` points at.

`signon init` writes `.gitattributes` with `signers.toml merge=signon`; then
run once in each clone:

  git config merge.signon.driver \"signon merge-ledger %O %A %B\"

By hand, merging their.toml into signers.toml against base.toml:

  signon merge-ledger base.toml signers.toml their.toml";
/// After `signon mv --help`.
pub(super) const MV_HELP: &str = "\
Renames `letters/OLD.toml` to `letters/NEW.toml` and records
`formerly = [\"OLD\"]` in its [letter] table (added to any earlier ids),
keeping the file's comments and layout. The ledger is not rewritten: its
events under `OLD` count for `NEW`, `signon log` marks them \"(as OLD)\",
and new events are recorded under `NEW`. Refused, changing nothing, when
`NEW` is not a valid id, already a letter or another letter's earlier id.

  signon mv 2025-04-02-section-907 2025-04-09-section-907";

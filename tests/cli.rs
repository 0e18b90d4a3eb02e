#![allow(missing_docs)]
//! The single integration test binary: every test here runs the real
//! `signon` binary on a temporary copy of a workspace.
//!
//! - `support`: the harness (copy a workspace, run the binary, golden files);
//! - `check`: `signon check`, `init`, `new` and the diagnostics of bad input;
//! - `diagnostics`: one test per `check-*` fixture, its golden diagnostics;
//! - `mutations`: damaged copies of the example never make `check` panic;
//! - `readback`: (ignored without poppler) word boxes by `pdftotext -bbox` against the layout;
//! - `render`: `signon render`, golden HTML pages and the `--final` gate;
//! - `pdf`: the PDF parsed back, and the golden page layout;
//! - `design`: the web page's embedded fonts (the PDF's faces, subset);
//! - `lines`: line breaking as read back: URLs and e-mail addresses broken whole;
//! - `pages`: page breaks, the signature grid, running heads (issue #14);
//! - `tagged`: the PDF's structure tree, artifacts, language and XMP;
//! - `mark`: a draft's slanted DRAFT mark, one form every page draws;
//! - `press`: `signon press` and `render --text`, golden drafts and escaping;
//! - `export`: `signon export`, golden signer lists parsed back;
//! - `roster`: `signon roster import` and `signon signers`;
//! - `conventions`: the letter conventions `check` warns about;
//! - `hostile`: hostile text, huge input, unsafe paths, no panics anywhere;
//! - `ledger`: `signon sign`, `decline`, `withdraw`, `invite`: appends, torn tails, concurrency;
//! - `faults`: `sign` racing a file replaced under the lock, killed processes;
//! - `merge`: two clones' ledgers merged by git: conflicts, resolution, repeats;
//! - `seal`: whole commands or none: appends cut at every byte, a full disk, hand edits;
//! - `git`: `init`'s git files, the `merge-ledger` driver across two real clones;
//! - `goldens`: every golden used and every fixture named; CI's expected PDF texts;
//! - `status`: `signon status` as a table, JSON and an HTML page;
//! - `outputs`: output paths that are inputs, folders, devices or FIFOs refused; `-`;
//! - `terminal`: control characters refused and escaped, CSV formulas neutralized;
//! - `answers`: the ledger's rules: answers over invitations, time, `undo`, `log`;
//! - `bounds`: right-to-left text in the PDF, linear emphasis, the letter size limit;
//! - `watch`: `signon watch` left running while its inputs are saved, then Ctrl-C;
//! - `diff`: approved texts kept by `sign`, `signon diff` redlines, stale signatures explained;
//! - `intake`: `sign --from FILE.csv`: responses in bulk, all rows or none;
//! - `mv`: `signon mv`, a renamed letter's history following it, `formerly`;
//! - `missing`: `status --missing`, who to chase with contacts; export's contact columns;
//! - `remind`: `signon remind`'s e-mail drafts parsed back by Python's `email` and `mailbox`;
//! - `words`: typeset names and roles, the `none`/`congress` letterheads, labels worded once;
//! - `voice`: the messages a new user tripped on, one renderer, `--color`;
//! - `orders`: one name order: two Johnsons alike in `status` and the letter;
//! - `promises`: README promises: ties, deadline order, the fingerprint, renames;
//! - `soak`: (ignored) 20 writers and a reader at once, then every event checked.
//! - `print`: (ignored) the letter page printed by Chromium, read back beside signon's PDF.

#[path = "cli/support.rs"]
mod support;

#[path = "cli/check.rs"]
mod check;
#[path = "cli/design.rs"]
mod design;
#[path = "cli/diagnostics.rs"]
mod diagnostics;
#[path = "cli/export.rs"]
mod export;
#[path = "cli/lines.rs"]
mod lines;
#[path = "cli/mutations.rs"]
mod mutations;
#[path = "cli/orders.rs"]
mod orders;
#[path = "cli/pages.rs"]
mod pages;
#[path = "cli/pdf.rs"]
mod pdf;
#[path = "cli/press.rs"]
mod press;
#[path = "cli/promises.rs"]
mod promises;
#[path = "cli/readback.rs"]
mod readback;
#[path = "cli/render.rs"]
mod render;

#[path = "cli/roster.rs"]
mod roster;

#[path = "cli/conventions.rs"]
mod conventions;
#[path = "cli/hostile.rs"]
mod hostile;

#[path = "cli/faults.rs"]
mod faults;
#[path = "cli/git.rs"]
mod git;
#[path = "cli/goldens.rs"]
mod goldens;
#[path = "cli/ledger.rs"]
mod ledger;
#[path = "cli/mark.rs"]
mod mark;
#[path = "cli/merge.rs"]
mod merge;
#[path = "cli/seal.rs"]
mod seal;

#[path = "cli/status.rs"]
mod status;

#[path = "cli/answers.rs"]
mod answers;
#[path = "cli/diff.rs"]
mod diff;
#[path = "cli/intake.rs"]
mod intake;

#[path = "cli/soak.rs"]
mod soak;

#[path = "cli/bounds.rs"]
mod bounds;
#[path = "cli/outputs.rs"]
mod outputs;
#[path = "cli/terminal.rs"]
mod terminal;
#[path = "cli/watch.rs"]
mod watch;

#[path = "cli/missing.rs"]
mod missing;
#[path = "cli/mv.rs"]
mod mv;
#[path = "cli/pagebox.rs"]
mod pagebox;
#[path = "cli/print.rs"]
mod print;
#[path = "cli/remind.rs"]
mod remind;
#[path = "cli/signatures.rs"]
mod signatures;
#[path = "cli/tagged.rs"]
mod tagged;
#[path = "cli/voice.rs"]
mod voice;
#[path = "cli/words.rs"]
mod words;

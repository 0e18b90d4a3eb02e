//! `roster import`, as a pure function: the text of `signers.toml` and the
//! Members of the legislators data in, the new text and what changed out.
//!
//! Only the roster part of the file (see [`super::file::roster_end`]) is
//! parsed, with toml_edit; the ledger after it is copied as bytes. An entry
//! already in the roster is found by bioguide id first, then, for a
//! hand-typed entry without one, by name or by chamber, state and surname;
//! its id and every field the data does not have are kept.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use toml_edit::{DocumentMut, Item, Table, TableLike};

use super::edit::{self, Field, FieldChange};
use super::legislators::Member;
// Defined beside the matching that finds it; part of an import's outcome.
pub use super::matching::Missing;
use super::matching::{Existing, existing, match_existing, missing};
use super::{file, ids};
use crate::diag::{Diagnostic, Source};
use crate::model::Chamber;
use crate::names::sort_as_for;

/// Which Members of the data to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only this chamber.
    pub chamber: Option<Chamber>,
    /// Only these states (two-letter codes); all when empty.
    pub states: Vec<String>,
}

impl Options {
    fn wants(&self, m: &Member) -> bool {
        self.chamber.is_none_or(|c| c == m.chamber)
            && (self.states.is_empty()
                || self.states.iter().any(|s| s.eq_ignore_ascii_case(&m.state)))
    }
}

/// One roster entry the import added or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The roster id.
    pub id: String,
    /// The official name.
    pub name: String,
    /// The fields set (all of them for an added entry).
    pub fields: Vec<FieldChange>,
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The new text of `signers.toml`; the old text, byte for byte, when
    /// nothing changed.
    pub text: String,
    /// Entries added, in data order.
    pub added: Vec<Change>,
    /// Entries changed, in data order.
    pub updated: Vec<Change>,
    /// Members already in the roster exactly as the data has them.
    pub unchanged: usize,
    /// Entries whose Member is not in the data: left office?
    pub missing: Vec<Missing>,
}

/// Imports `members` (the whole data set; `opts` picks which) into the text of `src`.
pub fn import(
    src: &Arc<Source>,
    members: &[Member],
    opts: &Options,
) -> Result<Outcome, Diagnostic> {
    let end = file::roster_end(&src.text);
    let mut doc = parse_roster(src, end)?;
    let signers = signers_table(src, &mut doc)?;
    let existing = existing(&*signers);
    let plan = Plan::new(&existing, members, opts);
    let mut out = Outcome {
        text: String::new(),
        added: Vec::new(),
        updated: Vec::new(),
        unchanged: 0,
        missing: missing(&existing, members),
    };
    plan.apply(signers, members, &mut out);
    if out.added.is_empty() && out.updated.is_empty() {
        out.text = src.text.clone();
        return Ok(out);
    }
    if existing.is_empty() {
        move_leading_comments(&mut doc, &plan.new_ids, end < src.text.len());
    }
    out.text = join(doc.to_string(), &src.text[end..]);
    loads(src, &out.text)?;
    Ok(out)
}

/// Which Members of the data an import touches, by their index in it.
struct Plan {
    /// Every Member `opts` asks for, in data order.
    selected: Vec<usize>,
    /// Those already in the roster, with their roster ids.
    matched: HashMap<usize, String>,
    /// Those not yet in it, and the ids they get.
    new: Vec<usize>,
    new_ids: Vec<String>,
}

impl Plan {
    fn new(existing: &[Existing], members: &[Member], opts: &Options) -> Plan {
        let selected: Vec<usize> = (0..members.len())
            .filter(|&i| opts.wants(&members[i]))
            .collect();
        let matched = match_existing(existing, members, &selected);
        let new: Vec<usize> = selected
            .iter()
            .copied()
            .filter(|i| !matched.contains_key(i))
            .collect();
        let taken: HashSet<String> = existing.iter().map(|e| e.id.clone()).collect();
        let new_ids = ids::assign(members, &new, &taken);
        Plan {
            selected,
            matched,
            new,
            new_ids,
        }
    }

    /// Updates the matched entries in place and adds the new ones after
    /// them, counting each in `out`.
    fn apply(&self, signers: &mut Table, members: &[Member], out: &mut Outcome) {
        for &i in &self.selected {
            let Some(id) = self.matched.get(&i) else {
                continue;
            };
            let entry = signers.get_mut(id).and_then(Item::as_table_like_mut);
            match entry.map(|t| update(t, &members[i])).unwrap_or_default() {
                fields if fields.is_empty() => out.unchanged += 1,
                fields => out.updated.push(change(id, &members[i], fields)),
            }
        }
        for (&i, id) in self.new.iter().zip(&self.new_ids) {
            let (table, fields) = new_table(&members[i]);
            signers.insert(id, Item::Table(table));
            out.added.push(change(id, &members[i], fields));
        }
    }
}

/// The roster part of the file, for editing.
fn parse_roster(src: &Arc<Source>, end: usize) -> Result<DocumentMut, Diagnostic> {
    src.text[..end].parse().map_err(|e: toml_edit::TomlError| {
        let span = e.span().unwrap_or(0..0);
        let msg = e.message().lines().next().unwrap_or("invalid TOML");
        Diagnostic::error(src, span, msg.to_string())
    })
}

/// Refuses a new text that would not load: e.g. a hand-made entry after the
/// ledger, which the roster part did not show, now doubled.
fn loads(src: &Arc<Source>, text: &str) -> Result<(), Diagnostic> {
    let after = Source::new(std::path::Path::new(&src.name), text.to_string());
    let (_, problems) = <crate::load::raw::SignersFile as crate::load::FileKind>::parse(&after);
    match problems.first() {
        Some(d) => Err(Diagnostic::bare(
            Some(src),
            format!("the file would not load after the import: {}", d.message),
        )),
        None => Ok(()),
    }
}

/// The `signers` table, created (as `[signers.<id>]` headers only) if absent.
fn signers_table<'d>(
    src: &Arc<Source>,
    doc: &'d mut DocumentMut,
) -> Result<&'d mut Table, Diagnostic> {
    let item = doc.entry("signers").or_insert_with(|| {
        let mut t = Table::new();
        t.set_implicit(true);
        Item::Table(t)
    });
    item.as_table_mut().ok_or_else(|| {
        Diagnostic::bare(
            Some(src),
            "`signers` is not a table of `[signers.<id>]` tables",
        )
    })
}

/// The fields the data decides, in the order a new entry lists them.
fn data_fields(m: &Member) -> Vec<(&'static str, Field)> {
    let text = |s: &str| Field::Text(s.to_string());
    let mut fields = vec![("name", text(&m.name))];
    if let Some(key) = sort_as_for(&m.name, &m.surname) {
        fields.push(("sort_as", Field::Text(key)));
    }
    fields.push(("chamber", text(m.chamber.as_str())));
    if let Some(p) = &m.party {
        fields.push(("party", text(p)));
    }
    fields.push(("state", text(&m.state)));
    if let Some(d) = m.district {
        fields.push(("district", Field::Number(i64::from(d))));
    }
    fields.push(("bioguide", text(&m.bioguide)));
    if let Some(o) = &m.office {
        fields.push(("office", text(o)));
    }
    fields
}

/// Brings an existing entry up to date. A `sort_as` already there was set
/// by a person and is kept; a Senator's old House district is removed.
fn update(table: &mut dyn TableLike, m: &Member) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    for (key, value) in data_fields(m) {
        if key == "sort_as" && table.contains_key(key) {
            continue;
        }
        changes.extend(edit::set(table, key, &value));
    }
    if m.chamber == Chamber::Senate {
        changes.extend(edit::remove(table, "district"));
    }
    changes
}

fn new_table(m: &Member) -> (Table, Vec<FieldChange>) {
    let mut table = Table::new();
    let changes = data_fields(m)
        .into_iter()
        .filter_map(|(key, value)| edit::set(&mut table, key, &value))
        .collect();
    // A blank line between entries, as people write them.
    table.decor_mut().set_prefix("\n");
    (table, changes)
}

fn change(id: &str, m: &Member, fields: Vec<FieldChange>) -> Change {
    Change {
        id: id.to_string(),
        name: m.name.clone(),
        fields,
    }
}

/// In a roster with no entries yet (a fresh `signon init`), toml_edit keeps
/// the explanatory comments as the document's trailing text, which would
/// print them after the new entries; they go back in front.
fn move_leading_comments(doc: &mut DocumentMut, new_ids: &[String], ledger_follows: bool) {
    let Some(lead) = doc.trailing().as_str().map(str::to_string) else {
        return;
    };
    let Some(first) = new_ids.first() else { return };
    doc.set_trailing(if ledger_follows { "\n" } else { "" });
    let mut prefix = lead;
    if !prefix.is_empty() && !prefix.ends_with("\n\n") {
        prefix.push('\n');
    }
    if let Some(t) = doc["signers"].get_mut(first).and_then(Item::as_table_mut) {
        t.decor_mut().set_prefix(prefix);
    }
}

fn join(mut roster: String, ledger: &str) -> String {
    if !roster.is_empty() && !roster.ends_with('\n') {
        roster.push('\n');
    }
    roster.push_str(ledger);
    roster
}

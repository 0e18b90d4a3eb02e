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
use super::names::{match_key, sort_as_for, surname_key};
use super::{file, ids};
use crate::diag::{Diagnostic, Source};
use crate::model::Chamber;
use crate::validate::text::default_sort_key;

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

/// A roster entry with a bioguide id that the data no longer lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The roster id.
    pub id: String,
    /// Its bioguide id.
    pub bioguide: String,
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

/// An entry already in the roster, as far as matching needs it.
struct Existing {
    id: String,
    bioguide: Option<String>,
    name_key: String,
    place: (Option<String>, Option<String>, String),
}

/// Imports `members` (the whole data set; `opts` picks which) into the text of `src`.
pub fn import(
    src: &Arc<Source>,
    members: &[Member],
    opts: &Options,
) -> Result<Outcome, Diagnostic> {
    let end = file::roster_end(&src.text);
    let mut doc: DocumentMut = src.text[..end].parse().map_err(|e: toml_edit::TomlError| {
        let span = e.span().unwrap_or(0..0);
        let msg = e
            .message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .to_string();
        Diagnostic::error(src, span, msg)
    })?;
    let signers = signers_table(src, &mut doc)?;
    let existing = existing(&*signers);
    let selected: Vec<usize> = (0..members.len())
        .filter(|&i| opts.wants(&members[i]))
        .collect();
    let matched = match_existing(&existing, members, &selected);
    let new: Vec<usize> = selected
        .iter()
        .copied()
        .filter(|i| !matched.contains_key(i))
        .collect();
    let taken: HashSet<String> = existing.iter().map(|e| e.id.clone()).collect();
    let new_ids = ids::assign(members, &new, &taken);
    let mut out = Outcome {
        text: String::new(),
        added: Vec::new(),
        updated: Vec::new(),
        unchanged: 0,
        missing: missing(&existing, members),
    };
    for &i in &selected {
        let Some(id) = matched.get(&i) else { continue };
        let entry = signers.get_mut(id).and_then(Item::as_table_like_mut);
        let fields = entry.map(|t| update(t, &members[i])).unwrap_or_default();
        match fields.is_empty() {
            true => out.unchanged += 1,
            false => out.updated.push(change(id, &members[i], fields)),
        }
    }
    let first_entry = existing.is_empty();
    for (&i, id) in new.iter().zip(&new_ids) {
        let (table, fields) = new_table(&members[i]);
        signers.insert(id, Item::Table(table));
        out.added.push(change(id, &members[i], fields));
    }
    if out.added.is_empty() && out.updated.is_empty() {
        out.text = src.text.clone();
        return Ok(out);
    }
    if first_entry {
        move_leading_comments(&mut doc, &new_ids, end < src.text.len());
    }
    out.text = join(doc.to_string(), &src.text[end..]);
    // Refuse to write a file that would not load: e.g. a hand-made entry
    // after the ledger that the roster part did not show.
    if let Err(e) = toml::from_str::<crate::load::raw::SignersFile>(&out.text) {
        let msg = e.message().lines().next().unwrap_or_default().to_string();
        return Err(Diagnostic::bare(
            Some(src),
            format!("the file would not load after the import: {msg}"),
        ));
    }
    Ok(out)
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

fn existing(signers: &Table) -> Vec<Existing> {
    let text = |t: &dyn TableLike, k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_string);
    signers
        .iter()
        .filter_map(|(id, item)| {
            let t = item.as_table_like()?;
            let name = text(t, "name").unwrap_or_default();
            let surname = text(t, "sort_as").unwrap_or_else(|| default_sort_key(&name));
            Some(Existing {
                id: id.to_string(),
                bioguide: text(t, "bioguide"),
                name_key: match_key(&name),
                place: (text(t, "chamber"), text(t, "state"), match_key(&surname)),
            })
        })
        .collect()
}

/// Roster ids of the selected Members already there: by bioguide, else
/// (for entries without one) by folded name, else by chamber, state and
/// surname, each only when exactly one entry fits.
fn match_existing(
    existing: &[Existing],
    members: &[Member],
    selected: &[usize],
) -> HashMap<usize, String> {
    let by_bioguide: HashMap<&str, &str> = existing
        .iter()
        .filter_map(|e| Some((e.bioguide.as_deref()?, e.id.as_str())))
        .collect();
    let loose: Vec<&Existing> = existing.iter().filter(|e| e.bioguide.is_none()).collect();
    let mut claimed: HashSet<&str> = HashSet::new();
    let mut out = HashMap::new();
    for &i in selected {
        let m = &members[i];
        let id = by_bioguide.get(m.bioguide.as_str()).copied().or_else(|| {
            let key = match_key(&m.name);
            let place = (
                Some(m.chamber.as_str().to_string()),
                Some(m.state.clone()),
                match_key(&surname_key(&m.name, &m.surname)),
            );
            let unique = |f: &dyn Fn(&Existing) -> bool| {
                let hits: Vec<&&Existing> = loose
                    .iter()
                    .filter(|e| f(e) && !claimed.contains(e.id.as_str()))
                    .collect();
                (hits.len() == 1).then(|| hits[0].id.as_str())
            };
            unique(&|e| e.name_key == key).or_else(|| unique(&|e| e.place == place))
        });
        if let Some(id) = id {
            claimed.insert(id);
            out.insert(i, id.to_string());
        }
    }
    out
}

fn missing(existing: &[Existing], members: &[Member]) -> Vec<Missing> {
    let current: HashSet<&str> = members.iter().map(|m| m.bioguide.as_str()).collect();
    existing
        .iter()
        .filter_map(|e| {
            let b = e.bioguide.as_ref()?;
            (!current.contains(b.as_str())).then(|| Missing {
                id: e.id.clone(),
                bioguide: b.clone(),
            })
        })
        .collect()
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

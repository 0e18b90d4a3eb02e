//! Finding the roster entry of a Member of the data: by bioguide id, or,
//! for an entry typed in by hand without one, by name or by chamber, state
//! and surname, only ever when exactly one entry fits.

use std::collections::{HashMap, HashSet};

use toml_edit::{Table, TableLike};

use super::legislators::Member;
use crate::names::default_sort_key;
use crate::names::{match_key, surname_key};

/// An entry already in the roster, as far as matching needs it.
pub(super) struct Existing {
    pub(super) id: String,
    pub(super) bioguide: Option<String>,
    name_key: String,
    place: (Option<String>, Option<String>, String),
}

pub(super) fn existing(signers: &Table) -> Vec<Existing> {
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
pub(super) fn match_existing(
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

/// A roster entry with a bioguide id that the data no longer lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The roster id.
    pub id: String,
    /// Its bioguide id.
    pub bioguide: String,
}

pub(super) fn missing(existing: &[Existing], members: &[Member]) -> Vec<Missing> {
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

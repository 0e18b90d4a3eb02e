//! Readable, stable roster ids for Members new to the roster.
//!
//! An id is the folded surname (`sherman`, `de-la-cruz`); when the surname
//! is shared by several current Members, each gets the state (`johnson-ga`,
//! `scott-va`), then the district when that is still not enough. Ids already
//! in the roster are never changed and never reused for someone else.

use std::collections::{HashMap, HashSet};

use super::legislators::Member;
use crate::model::Chamber;
use crate::names::id_base;

/// The id of level `level` for a Member; level 3 (the bioguide) is unique.
fn key(m: &Member, level: u8) -> String {
    let base = id_base(&m.surname);
    let state = m.state.to_ascii_lowercase();
    match (level, m.chamber, m.district) {
        (0, ..) => base,
        (1, ..) => format!("{base}-{state}"),
        (2, Chamber::House, Some(d)) => format!("{base}-{state}-{d}"),
        (2, ..) => format!("{base}-{state}-{}", m.chamber.as_str()),
        _ => format!("{base}-{}", m.bioguide.to_ascii_lowercase()),
    }
}

/// Ids for the Members in `new` (indices into `all`), in the same order.
///
/// A level's id is taken only when no other Member of the whole data would
/// get the same one and the roster does not already use it; so the ids do
/// not depend on which `--state` or `--chamber` subset is imported.
pub(crate) fn assign(all: &[Member], new: &[usize], taken: &HashSet<String>) -> Vec<String> {
    let mut out: Vec<Option<String>> = vec![None; new.len()];
    let mut used: HashSet<String> = taken.clone();
    for level in 0..3 {
        let mut count: HashMap<String, usize> = HashMap::new();
        for m in all {
            *count.entry(key(m, level)).or_default() += 1;
        }
        for (slot, &i) in out.iter_mut().zip(new) {
            let k = key(&all[i], level);
            if slot.is_none() && count[&k] == 1 && !used.contains(&k) {
                used.insert(k.clone());
                *slot = Some(k);
            }
        }
    }
    out.into_iter()
        .zip(new)
        .map(|(slot, &i)| slot.unwrap_or_else(|| last_resort(&all[i], &mut used)))
        .collect()
}

/// The bioguide id is unique among Members; a numeral guards against a
/// hand-made roster id that happens to equal it.
fn last_resort(m: &Member, used: &mut HashSet<String>) -> String {
    let base = key(m, 3);
    let id = (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| !used.contains(id))
        .unwrap_or(base);
    used.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(surname: &str, state: &str, district: Option<u32>, bioguide: &str) -> Member {
        Member {
            bioguide: bioguide.into(),
            name: surname.into(),
            surname: surname.into(),
            chamber: if district.is_some() {
                Chamber::House
            } else {
                Chamber::Senate
            },
            party: None,
            state: state.into(),
            district,
            office: None,
        }
    }

    #[test]
    fn surnames_that_repeat_get_the_state_then_the_district() {
        let all = [
            m("Sherman", "CA", Some(32), "S1"),
            m("Scott", "VA", Some(3), "S2"),
            m("Scott", "GA", Some(8), "S3"),
            m("Scott", "GA", Some(13), "S4"),
            m("De La Cruz", "TX", Some(15), "D1"),
        ];
        let ids = assign(&all, &[0, 1, 2, 3, 4], &HashSet::new());
        assert_eq!(
            ids,
            [
                "sherman",
                "scott-va",
                "scott-ga-8",
                "scott-ga-13",
                "de-la-cruz"
            ]
        );
    }

    #[test]
    fn existing_ids_win() {
        let all = [m("Sherman", "CA", Some(32), "S1")];
        let taken = HashSet::from(["sherman".to_string()]);
        assert_eq!(assign(&all, &[0], &taken), ["sherman-ca"]);
    }
}

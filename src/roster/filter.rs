//! Picking signers from the roster by party, state and chamber: the list
//! `signon signers` prints and the set `invite --party D --state CA` asks.

use crate::model::{Chamber, Roster, Signer};

use crate::names::compare_names;

/// Which signers to pick. Within a field any listed value matches; across
/// fields all must; an empty field matches everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Party letters, e.g. `["D"]`; compared without regard to case.
    pub parties: Vec<String>,
    /// Two-letter state codes, e.g. `["CA", "NY"]`; compared without regard to case.
    pub states: Vec<String>,
    /// One chamber, or both.
    pub chamber: Option<Chamber>,
}

impl Filter {
    /// True when `s` passes every field of the filter.
    pub fn matches(&self, s: &Signer) -> bool {
        let any = |wanted: &[String], value: Option<&String>| {
            wanted.is_empty()
                || value.is_some_and(|v| wanted.iter().any(|w| w.eq_ignore_ascii_case(v)))
        };
        any(&self.parties, s.party.as_ref())
            && any(&self.states, s.state.as_ref())
            && self.chamber.is_none_or(|c| c == s.chamber)
    }
}

/// The signers that pass `filter`, in name order ([`compare_names`]).
pub fn select<'r>(roster: &'r Roster, filter: &Filter) -> Vec<&'r Signer> {
    let mut picked: Vec<&Signer> = roster
        .signers
        .iter()
        .filter(|s| filter.matches(s))
        .collect();
    picked.sort_by(|a, b| compare_names(a, b));
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Roster {
        let mut r = Roster::default();
        let rows = [
            ("waters", "Waters", "D", "CA", Chamber::House),
            ("velazquez", "Velázquez", "D", "NY", Chamber::House),
            ("valadao", "Valadao", "R", "CA", Chamber::House),
            ("padilla", "Padilla", "D", "CA", Chamber::Senate),
        ];
        for (id, sort_as, party, state, chamber) in rows {
            r.push(Signer {
                chamber,
                title: chamber.default_title().into(),
                party: Some(party.into()),
                state: Some(state.into()),
                ..Signer::house(id, sort_as, sort_as)
            });
        }
        r
    }

    fn ids(list: &[&Signer]) -> Vec<String> {
        list.iter().map(|s| s.id.0.clone()).collect()
    }

    #[test]
    fn fields_and_values() {
        let r = roster();
        let all = select(&r, &Filter::default());
        assert_eq!(ids(&all), ["padilla", "valadao", "velazquez", "waters"]);
        let house_d_ca = Filter {
            parties: vec!["d".into()],
            states: vec!["CA".into()],
            chamber: Some(Chamber::House),
        };
        assert_eq!(ids(&select(&r, &house_d_ca)), ["waters"]);
        let two_states = Filter {
            states: vec!["ny".into(), "ca".into()],
            parties: vec!["D".into()],
            chamber: None,
        };
        assert_eq!(
            ids(&select(&r, &two_states)),
            ["padilla", "velazquez", "waters"]
        );
    }
}

//! Picking signers from the roster by party, state and chamber: the list
//! `signon signers` prints and the set `invite --party D --state CA` asks.

use crate::Error;
use crate::diag::Diagnostic;
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

/// Refuses a filter value in a form the roster never uses, naming the form
/// it does: `--state California` (the two-letter `CA`), `--party Dem` (the
/// roster's letter `D`). Such a value would match no one, silently.
pub fn check(roster: &Roster, filter: &Filter) -> Result<(), Error> {
    let mut wrong = Vec::new();
    for s in filter.states.iter().filter(|s| s.chars().count() != 2) {
        let hint = match super::states::code_of(s) {
            Some(code) => format!("give the two-letter code: `--state {code}`"),
            None => "give a state's two-letter code, such as `CA`".to_string(),
        };
        let why = format!("`--state {s}` is not a two-letter state code");
        wrong.push(Diagnostic::bare(None, why).with_hint(hint));
    }
    let mut letters: Vec<&str> = roster
        .signers
        .iter()
        .filter_map(|s| s.party.as_deref())
        .collect();
    letters.sort_unstable();
    letters.dedup();
    for p in filter
        .parties
        .iter()
        .filter(|p| !letters.iter().any(|l| l.eq_ignore_ascii_case(p)))
    {
        let first = p.chars().next().unwrap_or_default();
        let hint = match letters.iter().find(|l| {
            l.chars()
                .next()
                .is_some_and(|c| c.eq_ignore_ascii_case(&first))
        }) {
            Some(l) if p.chars().count() > 1 => {
                format!("give the party letter the roster uses: `--party {l}`")
            }
            _ => format!("the roster's parties are {}", quoted(&letters)),
        };
        let why = format!("no party `{p}` in `signers.toml`");
        wrong.push(Diagnostic::bare(None, why).with_hint(hint));
    }
    match wrong.is_empty() {
        true => Ok(()),
        false => Err(Error::Invalid(wrong)),
    }
}

/// "`D`, `I` and `R`".
fn quoted(items: &[&str]) -> String {
    let q: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match q.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => q.concat(),
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

//! Finding the roster entry a person means by what they typed into a
//! spreadsheet: a roster id, a bioguide id, the office's e-mail, or a name
//! as offices write it ("Rep. Brad Sherman", "Sherman (CA-32)",
//! "García, Jesús", "Chuy Garcia"). Names are compared by the roster's own
//! keys ([`match_key`], the nickname and `sort_as`), and, as with an import
//! ([`super::matching`]), an entry is taken only when exactly one fits.

use crate::model::{Chamber, Roster, Signer, SignerId};

use crate::names::{SUFFIXES, match_key, nickname, plain_name};

/// What a spreadsheet row gives to identify a signer; any may be missing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reference<'a> {
    /// A roster id, e.g. `garcia-il`.
    pub id: Option<&'a str>,
    /// An official Member id, e.g. `S000344`.
    pub bioguide: Option<&'a str>,
    /// An e-mail address, compared with the roster's `email`.
    pub email: Option<&'a str>,
    /// A name as written, with title, place and nickname as they come.
    pub name: Option<&'a str>,
}

/// The outcome of a lookup.
#[derive(Debug)]
pub enum Resolution<'r> {
    /// Exactly one entry fits.
    One(&'r Signer),
    /// Several entries fit equally well: never a guess.
    Ambiguous(Vec<&'r Signer>),
    /// Two columns of the row name different entries.
    Conflict(&'r Signer, &'r Signer),
    /// One column names the entry, another (`id`, `bioguide` or `name`)
    /// fits no one: the columns must agree, so never a pick.
    Disagree(&'r Signer, &'static str),
    /// Nothing fits; the entries it may have meant.
    Unknown(Vec<&'r Signer>),
}

/// The roster entry `r` names: tried by id, bioguide, e-mail, then name; the
/// first that fits exactly one entry decides, any other column that fits
/// a different one makes the row a conflict, and one but the e-mail that
/// fits no one a disagreement.
pub fn resolve<'r>(roster: &'r Roster, r: &Reference<'_>) -> Resolution<'r> {
    let lookups = [
        ("id", r.id.map(|v| by_id(roster, v))),
        ("bioguide", r.bioguide.map(|v| by_bioguide(roster, v))),
        ("email", r.email.map(|v| by_email(roster, v))),
        ("name", r.name.map(|v| by_name(roster, v))),
    ];
    let mut found: Option<&Signer> = None;
    let mut fallback = None;
    let mut unmatched = None;
    for (column, lookup) in lookups {
        let Some(lookup) = lookup else { continue };
        // Not an e-mail that fits no one: form tools collect whoever filled
        // the form ("Email Address"), a staffer's address the roster lacks.
        let unknown = matches!(lookup, Resolution::Unknown(_)) && column != "email";
        if unknown && unmatched.is_none() {
            unmatched = Some(column);
        }
        match (lookup, found) {
            (Resolution::One(s), None) => found = Some(s),
            (Resolution::One(s), Some(f)) if s.id != f.id => return Resolution::Conflict(f, s),
            (Resolution::One(_), Some(_)) => {}
            (Resolution::Unknown(hints), _) if hints.is_empty() => {}
            (other, _) => {
                // An ambiguous name outranks an unknown one's suggestions.
                let ambiguous = matches!(other, Resolution::Ambiguous(_));
                if fallback.is_none() || ambiguous {
                    fallback = Some(other);
                }
            }
        }
    }
    match (found, unmatched) {
        (Some(s), Some(column)) => Resolution::Disagree(s, column),
        (Some(s), None) => Resolution::One(s),
        (None, _) => fallback.unwrap_or(Resolution::Unknown(Vec::new())),
    }
}

/// An entry as a candidate is listed: `` `garcia-il` (Jesús G. "Chuy"
/// García, D-IL-4) ``, the seat as `status` shows it.
pub fn describe(s: &Signer) -> String {
    let seat = s.seat();
    if seat.is_empty() {
        format!("`{}` ({})", s.id, s.name)
    } else {
        format!("`{}` ({}, {seat})", s.id, s.name)
    }
}

fn by_id<'r>(roster: &'r Roster, id: &str) -> Resolution<'r> {
    let exact = roster.get(&SignerId(id.to_string()));
    let folded = || roster.get(&SignerId(id.to_lowercase()));
    match exact.or_else(folded) {
        Some(s) => Resolution::One(s),
        None => Resolution::Unknown(suggested(roster, id)),
    }
}

fn by_bioguide<'r>(roster: &'r Roster, bioguide: &str) -> Resolution<'r> {
    let fits = |s: &&Signer| {
        s.bioguide
            .as_deref()
            .is_some_and(|b| b.eq_ignore_ascii_case(bioguide))
    };
    only(roster.signers.iter().filter(fits).collect())
        .unwrap_or_else(|| Resolution::Unknown(Vec::new()))
}

fn by_email<'r>(roster: &'r Roster, email: &str) -> Resolution<'r> {
    let email = email.trim().trim_start_matches("mailto:");
    let fits = |s: &&Signer| {
        s.email
            .as_deref()
            .is_some_and(|e| e.trim().eq_ignore_ascii_case(email))
    };
    only(roster.signers.iter().filter(fits).collect())
        .unwrap_or_else(|| Resolution::Unknown(Vec::new()))
}

/// By a name as written. Tried from the most to the least telling form, the
/// first form that fits anyone decides: the full printed name, then the
/// given name or nickname with the surname, then the surname alone; a
/// title and a `(D-CA-32)` place narrow every form.
pub fn by_name<'r>(roster: &'r Roster, text: &str) -> Resolution<'r> {
    let wanted = Wanted::parse(text);
    if wanted.key.is_empty() {
        return Resolution::Unknown(Vec::new());
    }
    let forms: [&dyn Fn(&Signer) -> bool; 3] = [
        &|s| match_key(&s.name) == wanted.key,
        &|s| short_forms(s).contains(&wanted.key),
        &|s| match_key(&s.sort_as) == wanted.key,
    ];
    let mut named = Vec::new();
    for form in forms {
        let hits: Vec<&Signer> = roster.signers.iter().filter(|s| form(s)).collect();
        let placed: Vec<&Signer> = hits.iter().copied().filter(|s| wanted.fits(s)).collect();
        if let Some(r) = only(placed) {
            return r;
        }
        for s in hits {
            if !named.iter().any(|n: &&Signer| n.id == s.id) {
                named.push(s);
            }
        }
    }
    if named.is_empty() {
        let last = wanted.key.rsplit(' ').next().unwrap_or_default();
        named = suggested(roster, last);
    }
    Resolution::Unknown(named)
}

/// One entry, several, or `None` for none.
fn only(hits: Vec<&Signer>) -> Option<Resolution<'_>> {
    match hits.len() {
        0 => None,
        1 => Some(Resolution::One(hits[0])),
        _ => Some(Resolution::Ambiguous(hits)),
    }
}

/// The entries an id or surname may have meant, by the roster's own
/// "did you mean" ([`super::lookup::suggestions`]).
fn suggested<'r>(roster: &'r Roster, word: &str) -> Vec<&'r Signer> {
    let ids = super::lookup::suggestions(roster, word);
    let ids = ids.into_iter().map(|id| SignerId(id.to_string()));
    ids.filter_map(|id| roster.get(&id)).collect()
}

/// The shorter names a Member goes by: the first given name or the quoted
/// nickname, with the surname (`Jesús García`, `Chuy García`).
fn short_forms(s: &Signer) -> Vec<String> {
    let plain = plain_name(&s.name);
    let first = plain
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    let given = std::iter::once(first).chain(nickname(&s.name));
    given
        .map(|g| match_key(&format!("{g} {}", s.sort_as)))
        .collect()
}

/// A name as written, taken apart: its match key and what its title and
/// place say about the Member.
#[derive(Debug, Default, PartialEq)]
struct Wanted {
    key: String,
    chamber: Option<Chamber>,
    state: Option<String>,
    district: Option<u32>,
}

impl Wanted {
    fn parse(text: &str) -> Wanted {
        let mut wanted = Wanted::default();
        let text = wanted.take_place(text.trim());
        let text = wanted.take_title(text);
        wanted.key = match_key(&first_last(text));
        wanted
    }

    /// True when the entry is in the chamber, state and district given.
    fn fits(&self, s: &Signer) -> bool {
        self.chamber.is_none_or(|c| c == s.chamber)
            && self
                .state
                .as_ref()
                .is_none_or(|st| s.state.as_deref() == Some(st.as_str()))
            && self.district.is_none_or(|d| s.district == Some(d))
    }

    /// Strips a trailing `(D-CA-32)`, `(CA-32)`, `(R-TX)` or `(CA)`,
    /// keeping the state and district it gives.
    fn take_place<'t>(&mut self, text: &'t str) -> &'t str {
        let Some(open) = text.rfind('(').filter(|_| text.ends_with(')')) else {
            return text;
        };
        let inner = &text[open + 1..text.len() - 1];
        let mut parts: Vec<&str> = inner.split(['-', ' ']).filter(|p| !p.is_empty()).collect();
        // A one-letter party first: D, R, I.
        if parts.len() > 1 && parts[0].len() == 1 {
            parts.remove(0);
        }
        let state = parts
            .first()
            .filter(|p| p.len() == 2 && p.chars().all(char::is_alphabetic));
        let Some(state) = state else { return text };
        let district = match parts.get(1) {
            None => None,
            Some(d) if d.eq_ignore_ascii_case("al") => Some(0),
            Some(d) => match d.parse() {
                Ok(n) => Some(n),
                Err(_) => return text,
            },
        };
        self.state = Some(state.to_ascii_uppercase());
        self.district = district;
        if district.is_some() {
            self.chamber = Some(Chamber::House);
        }
        text[..open].trim_end()
    }

    /// Strips leading titles ("Rep.", "Sen.", "The Honorable") and an
    /// "office of" around the name; "Sen." and "Rep." say the chamber.
    fn take_title<'t>(&mut self, mut text: &'t str) -> &'t str {
        for tail in ["'s office", "\u{2019}s office", " office"] {
            if text.len() > tail.len() && text.to_lowercase().ends_with(tail) {
                text = text[..text.len() - tail.len()].trim_end();
            }
        }
        loop {
            let (word, rest) = text.split_once(' ').unwrap_or((text, ""));
            let chamber = match word.trim_end_matches('.').to_lowercase().as_str() {
                "sen" | "senator" => Some(Chamber::Senate),
                "rep" | "representative" | "congressman" | "congresswoman" | "congressmember"
                | "del" | "delegate" => Some(Chamber::House),
                "the" | "hon" | "honorable" | "office" | "of" | "mr" | "mrs" | "ms" | "dr" => None,
                _ => return text,
            };
            if rest.trim().is_empty() {
                return text;
            }
            self.chamber = chamber.or(self.chamber);
            text = rest.trim_start();
        }
    }
}

/// "Last, First" turned into "First Last" (a generational suffix after the
/// comma is not a first name: "Pallone, Jr." stays as it is).
fn first_last(text: &str) -> String {
    let Some((last, rest)) = text.split_once(',') else {
        return text.to_string();
    };
    let mut parts = rest.split(',').map(str::trim);
    let first = parts.next().unwrap_or_default();
    if first.is_empty() || SUFFIXES.contains(&first) {
        return text.to_string();
    }
    let suffixes: Vec<&str> = parts.collect();
    format!("{first} {} {}", last.trim(), suffixes.join(" "))
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;

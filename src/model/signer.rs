//! The roster's types: who can sign. A [`Signer`] is one roster entry with
//! its defaults filled in, keyed by a [`SignerId`]; they change only when
//! `signers.toml`'s roster part is edited, never by the ledger.

use std::collections::BTreeMap;
use std::fmt;

/// A roster id such as `pallone` or `johnson-ga`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SignerId(pub String);

impl fmt::Display for SignerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The chamber a Member sits in; it decides the default title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Chamber {
    /// House of Representatives.
    House,
    /// Senate.
    Senate,
}

impl Chamber {
    /// The title printed under the name when the roster gives none.
    pub fn default_title(self) -> &'static str {
        match self {
            Chamber::House => "Member of Congress",
            Chamber::Senate => "United States Senator",
        }
    }

    /// The lowercase word used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Chamber::House => "house",
            Chamber::Senate => "senate",
        }
    }
}

/// One person on the roster, with defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Signer {
    /// The roster id.
    pub id: SignerId,
    /// The printed name, e.g. "Frank Pallone, Jr.".
    pub name: String,
    /// The surname used for ordering, e.g. "Pallone".
    pub sort_as: String,
    /// House or Senate.
    pub chamber: Chamber,
    /// The title printed under the name.
    pub title: String,
    /// Party letter, e.g. "D".
    pub party: Option<String>,
    /// Two-letter state code.
    pub state: Option<String>,
    /// House district (0 for at-large).
    pub district: Option<u32>,
    /// Official Member id.
    pub bioguide: Option<String>,
    /// The role printed when this signer is a lead and the letter sets none.
    pub role: Option<String>,
    /// Office address for follow-up.
    pub office: Option<String>,
    /// The staffer to contact.
    pub staffer: Option<String>,
    /// The staffer's email.
    pub email: Option<String>,
    /// The signature image, once loaded (see `validate::signature_images`).
    pub signature: Option<std::sync::Arc<super::SignatureImage>>,
}

/// The roster: every signer, in id order (`[signers.<id>]` is read as a map
/// keyed by id, so the file's order of tables is not kept).
#[derive(Debug, Clone, Default)]
pub struct Roster {
    /// Signers in id order.
    pub signers: Vec<Signer>,
    /// Index into `signers` by id.
    pub by_id: BTreeMap<SignerId, usize>,
}

impl Signer {
    /// A House Member known only by id, name and surname, every other field
    /// empty or defaulted: the start of a signer built by hand.
    pub fn house(id: &str, name: &str, sort_as: &str) -> Signer {
        Signer {
            id: SignerId(id.to_string()),
            name: name.to_string(),
            sort_as: sort_as.to_string(),
            chamber: Chamber::House,
            title: Chamber::House.default_title().to_string(),
            party: None,
            state: None,
            district: None,
            bioguide: None,
            role: None,
            office: None,
            staffer: None,
            email: None,
            signature: None,
        }
    }

    /// Party and state as the press and the lists print them: "D-CA"; what
    /// the roster lacks is left out, so possibly "".
    pub fn party_state(&self) -> String {
        self.place(None)
    }

    /// The seat: "D-CA-32"; senators "D-CA"; an at-large district "AL";
    /// missing parts left out.
    pub fn seat(&self) -> String {
        let district = match (self.chamber, self.district) {
            (Chamber::House, Some(0)) => Some("AL".to_string()),
            (Chamber::House, Some(d)) => Some(d.to_string()),
            _ => None,
        };
        self.place(district)
    }

    /// The one "D-CA" form both of the above extend: the parts present,
    /// joined by hyphens.
    fn place(&self, district: Option<String>) -> String {
        [self.party.clone(), self.state.clone(), district]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("-")
    }
}

impl Roster {
    /// Adds a signer in its place in id order, replacing one with the same
    /// id: the roster stays in id order whatever order signers come in.
    /// Validation adds them in id order, each at the end.
    pub fn push(&mut self, signer: Signer) {
        if self.signers.last().is_none_or(|last| last.id < signer.id) {
            self.by_id.insert(signer.id.clone(), self.signers.len());
            self.signers.push(signer);
            return;
        }
        match self.signers.binary_search_by(|s| s.id.cmp(&signer.id)) {
            Ok(i) => self.signers[i] = signer,
            Err(i) => {
                self.signers.insert(i, signer);
                for (at, s) in self.signers.iter().enumerate().skip(i) {
                    self.by_id.insert(s.id.clone(), at);
                }
            }
        }
    }

    /// Looks a signer up by id.
    pub fn get(&self, id: &SignerId) -> Option<&Signer> {
        self.by_id.get(id).and_then(|&i| self.signers.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(r: &Roster) -> Vec<&str> {
        r.signers.iter().map(|s| s.id.0.as_str()).collect()
    }

    #[test]
    fn signers_added_out_of_order_keep_the_roster_in_id_order() {
        let mut r = Roster::default();
        for id in ["lieu", "chu", "sherman", "pallone"] {
            r.push(Signer::house(id, id, id));
        }
        assert_eq!(ids(&r), ["chu", "lieu", "pallone", "sherman"]);
        let found = |id: &str| r.get(&SignerId(id.into())).map(|s| s.id.0.clone());
        assert_eq!(found("pallone").as_deref(), Some("pallone"));
        assert_eq!(found("sherman").as_deref(), Some("sherman"));
    }

    #[test]
    fn a_signer_added_again_replaces_the_first() {
        let mut r = Roster::default();
        r.push(Signer::house("chu", "Judy Chu", "Chu"));
        r.push(Signer::house("lieu", "Ted Lieu", "Lieu"));
        r.push(Signer::house("chu", "Judy M. Chu", "Chu"));
        assert_eq!(ids(&r), ["chu", "lieu"]);
        let chu = r.get(&SignerId("chu".into())).unwrap();
        assert_eq!(chu.name, "Judy M. Chu");
    }
}

//! Raw serde types that mirror the TOML files exactly.
//!
//! Every struct rejects unknown keys, and values that validation may still
//! reject (ids, dates, presets) keep their byte span for diagnostics.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use toml::Spanned;
use toml::value::Datetime;

/// `letters/<id>.toml`, part by part: a part that failed to deserialize is
/// missing here and its problem reported (see `load::parts`).
#[derive(Debug, Default)]
pub struct LetterFile {
    /// `[letter]`.
    pub letter: Option<Spanned<LetterMeta>>,
    /// `[[recipient]]`.
    pub recipient: Vec<Spanned<Recipient>>,
    /// `[[section]]`.
    pub section: Vec<Spanned<Section>>,
    /// `[closing]`.
    pub closing: Option<Closing>,
    /// `[signatories]`.
    pub signatories: Option<Spanned<Signatories>>,
}

/// `[letter]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterMeta {
    /// Required title.
    pub title: Spanned<String>,
    /// Required local date.
    pub date: Spanned<Datetime>,
    /// `"house"`, `"senate"` or `{ lines = [...] }`.
    pub letterhead: Option<Spanned<Letterhead>>,
    /// Sign-on deadline.
    pub deadline: Option<Spanned<Datetime>>,
    /// "Re:" line.
    pub subject: Option<Spanned<String>>,
    /// Printed verbatim.
    pub salutation: Spanned<String>,
    /// Heads pages 2+ instead of the recipients' names.
    pub running_head: Option<Spanned<String>>,
    /// Earlier ids whose ledger events count for this letter (`signon mv`).
    #[serde(default)]
    pub formerly: Vec<Spanned<String>>,
}

/// A preset name or custom lines.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Letterhead {
    /// `"house"` / `"senate"`.
    Preset(String),
    /// `{ lines = [...] }`.
    Custom(CustomLetterhead),
}

/// `{ lines = [...] }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomLetterhead {
    /// The lines printed.
    pub lines: Vec<String>,
}

/// `[[recipient]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Verbatim name.
    pub name: Spanned<String>,
    /// Title line.
    pub title: Option<Spanned<String>>,
    /// At least one line.
    pub address: Spanned<Vec<Spanned<String>>>,
}

/// `[[section]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Bold heading.
    pub heading: Option<Spanned<String>>,
    /// Paragraphs separated by blank lines.
    pub body: Option<Spanned<String>>,
    /// Block quotations.
    #[serde(default)]
    pub quotes: Vec<Spanned<Quote>>,
    /// Numbered asks.
    #[serde(default)]
    pub asks: Vec<Spanned<String>>,
}

/// A block quotation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The quoted words.
    pub text: Spanned<String>,
    /// Attribution.
    pub source: Option<Spanned<String>>,
    /// A passage for the press release.
    #[serde(default)]
    pub pull: bool,
}

/// `[closing]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closing {
    /// Default "Sincerely,".
    pub text: Option<Spanned<String>>,
    /// Copies to.
    #[serde(default)]
    pub cc: Vec<Spanned<String>>,
    /// Enclosures.
    #[serde(default)]
    pub enclosures: Vec<Spanned<String>>,
}

/// `[signatories]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatories {
    /// Required, at least one.
    pub leads: Spanned<Vec<Spanned<Lead>>>,
    /// Others asked to sign on.
    #[serde(default)]
    pub invited: Vec<Spanned<String>>,
    /// "alphabetical" | "signed" | "listed".
    pub order: Option<Spanned<String>>,
    /// "blank" | "images" | "conformed".
    pub signatures: Option<Spanned<String>>,
}

/// A lead: a bare id or `{ id, role }`.
#[derive(Debug)]
pub struct Lead {
    /// The roster id. A bare id has an empty span here: the span of the
    /// enclosing `Spanned<Lead>` is its place (see [`Lead::id_at`]).
    pub id: Spanned<String>,
    /// The role printed for this letter.
    pub role: Option<Spanned<String>>,
}

impl Lead {
    /// The id with the best span available: its own in a table, else the lead's.
    pub fn id_at(lead: &Spanned<Lead>) -> Spanned<String> {
        let id = &lead.get_ref().id;
        if id.span().is_empty() {
            Spanned::new(lead.span(), id.get_ref().clone())
        } else {
            id.clone()
        }
    }
}

impl<'de> Deserialize<'de> for Lead {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LeadVisitor)
    }
}

/// Accepts both forms by hand: serde's untagged enums buffer the input and
/// would lose the spans that point a diagnostic at the exact id.
struct LeadVisitor;

impl<'de> Visitor<'de> for LeadVisitor {
    type Value = Lead;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a signer id or a table `{ id = \"...\", role = \"...\" }`")
    }

    fn visit_str<E: de::Error>(self, id: &str) -> Result<Lead, E> {
        Ok(Lead {
            id: Spanned::new(0..0, id.to_string()),
            role: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Lead, A::Error> {
        let (mut id, mut role) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => id = Some(map.next_value()?),
                "role" => role = Some(map.next_value()?),
                other => return Err(de::Error::unknown_field(other, &["id", "role"])),
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        Ok(Lead { id, role })
    }
}

/// `signers.toml`: the roster and the ledger, part by part (a signer or an
/// event with a problem is missing here and its problem reported).
#[derive(Debug, Default)]
pub struct SignersFile {
    /// `[signers.<id>]`, keyed by id.
    pub signers: BTreeMap<Spanned<String>, Spanned<Signer>>,
    /// `[[signoff]]` events, in file order.
    pub signoff: Vec<Spanned<SignOff>>,
    /// Ids whose table has a problem (reported): they exist, so letters
    /// naming them get no second "unknown signer" error.
    pub broken: Vec<String>,
    /// The file parsed as TOML (it may still have type problems).
    pub parsed: bool,
}

/// `[signers.<id>]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// Printed name.
    pub name: Spanned<String>,
    /// Surname for ordering.
    pub sort_as: Option<Spanned<String>>,
    /// "house" | "senate".
    pub chamber: Spanned<String>,
    /// Printed title.
    pub title: Option<Spanned<String>>,
    /// Party letter.
    pub party: Option<Spanned<String>>,
    /// Two-letter state.
    pub state: Option<Spanned<String>>,
    /// House district.
    pub district: Option<u32>,
    /// Official Member id.
    pub bioguide: Option<Spanned<String>>,
    /// Role when a lead.
    pub role: Option<Spanned<String>>,
    /// Office.
    pub office: Option<Spanned<String>>,
    /// Staff contact.
    pub staffer: Option<Spanned<String>>,
    /// Staff email.
    pub email: Option<Spanned<String>>,
    /// Signature image, a path inside the workspace.
    pub signature: Option<Spanned<String>>,
}

/// `[[signoff]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// `<batch>:<index>/<count>:<keys>:<checksum>` on events signon wrote
    /// (`ledger::seal`); absent on events written by hand.
    pub seal: Option<Spanned<String>>,
    /// Letter id.
    pub letter: Spanned<String>,
    /// Roster id.
    pub signer: Spanned<String>,
    /// "invited" | "signed" | "declined" | "withdrawn" | "void".
    pub status: Spanned<String>,
    /// Offset date-time.
    pub at: Spanned<Datetime>,
    /// Who recorded it.
    pub by: Option<String>,
    /// Fingerprint of the approved text.
    pub text: Option<Spanned<String>>,
    /// A free note.
    pub note: Option<String>,
}

//! Validated domain types: the output of `validate` and the input of `compose`.
//!
//! Nothing here is raw TOML: every value has been checked, dates are chrono
//! types, signer ids refer to the roster, and body text is already split into
//! paragraphs of styled spans.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};

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
}

/// The roster: every signer by id, in file order.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    /// Signers in the order they appear in `signers.toml`.
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
        }
    }
}

impl Roster {
    /// Adds a signer at the end (an id already present now names this one).
    pub fn push(&mut self, signer: Signer) {
        self.by_id.insert(signer.id.clone(), self.signers.len());
        self.signers.push(signer);
    }

    /// Looks a signer up by id.
    pub fn get(&self, id: &SignerId) -> Option<&Signer> {
        self.by_id.get(id).and_then(|&i| self.signers.get(i))
    }
}

/// What a ledger event records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Asked to sign on.
    Invited,
    /// Signed on.
    Signed,
    /// Declined to sign.
    Declined,
    /// Withdrew an earlier signature.
    Withdrawn,
}

impl Status {
    /// Every status, in the order they are documented.
    pub const ALL: [Status; 4] = [
        Status::Invited,
        Status::Signed,
        Status::Declined,
        Status::Withdrawn,
    ];

    /// The word used in `signers.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Invited => "invited",
            Status::Signed => "signed",
            Status::Declined => "declined",
            Status::Withdrawn => "withdrawn",
        }
    }

    /// Parses the word used in `signers.toml`.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// One `[[signoff]]` event of the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct SignOff {
    /// The letter id.
    pub letter: String,
    /// The roster id.
    pub signer: SignerId,
    /// What happened.
    pub status: Status,
    /// When it happened.
    pub at: DateTime<FixedOffset>,
    /// Who recorded it.
    pub by: Option<String>,
    /// The fingerprint of the text approved (`sha256:…`), on "signed".
    pub text: Option<String>,
    /// A free note.
    pub note: Option<String>,
    /// 1-based line of the `[[signoff]]` header in `signers.toml`.
    pub line: usize,
}

/// Inline style of a span of body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Style {
    /// `*italic*`.
    pub italic: bool,
    /// `**bold**`.
    pub bold: bool,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text, without the markup.
    pub text: String,
    /// Its style.
    pub style: Style,
}

/// A paragraph: spans in reading order.
pub type Paragraph = Vec<Span>;

/// Letterhead printed centered on page 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Letterhead {
    /// "Congress of the United States" / "House of Representatives" / "Washington, DC 20515".
    House,
    /// "United States Senate" / "Washington, DC 20510".
    Senate,
    /// Lines given in the letter.
    Custom(Vec<String>),
}

impl Letterhead {
    /// The lines printed.
    pub fn lines(&self) -> Vec<String> {
        let preset: &[&str] = match self {
            Letterhead::House => &[
                "Congress of the United States",
                "House of Representatives",
                "Washington, DC 20515",
            ],
            Letterhead::Senate => &["United States Senate", "Washington, DC 20510"],
            Letterhead::Custom(lines) => return lines.clone(),
        };
        preset.iter().map(|s| s.to_string()).collect()
    }
}

/// One addressee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// "The Honorable Marco Rubio".
    pub name: String,
    /// "Secretary of State".
    pub title: Option<String>,
    /// Address lines, at least one.
    pub address: Vec<String>,
}

/// A block quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words.
    pub text: Paragraph,
    /// Attribution.
    pub source: Option<String>,
    /// Marked as a passage for the press release.
    pub pull: bool,
}

/// One section of the letter body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Bold heading.
    pub heading: Option<String>,
    /// Body paragraphs.
    pub paragraphs: Vec<Paragraph>,
    /// Block quotations, after the body.
    pub quotes: Vec<Quote>,
    /// The number of the first ask (numbering runs on across sections).
    pub asks_start: usize,
    /// The asks, after the quotes.
    pub asks: Vec<Paragraph>,
}

/// A lead signer with the role printed for this letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    /// The roster id.
    pub id: SignerId,
    /// The role: the letter's, else the roster's.
    pub role: Option<String>,
}

/// How the non-lead signers are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// By surname (the default).
    #[default]
    Alphabetical,
    /// By the time they signed.
    Signed,
    /// As listed in `invited`.
    Listed,
}

/// A validated letter.
#[derive(Debug, Clone, PartialEq)]
pub struct Letter {
    /// The file stem, e.g. `2025-02-06-rubio`.
    pub id: String,
    /// Title: PDF Title, HTML `<title>`.
    pub title: String,
    /// The letter's date.
    pub date: NaiveDate,
    /// The letterhead on page 1.
    pub letterhead: Letterhead,
    /// Sign-on deadline.
    pub deadline: Option<NaiveDate>,
    /// Printed as a "Re:" line.
    pub subject: Option<String>,
    /// Printed verbatim.
    pub salutation: String,
    /// One or more recipients.
    pub recipients: Vec<Recipient>,
    /// One or more sections.
    pub sections: Vec<Section>,
    /// "Sincerely," by default.
    pub closing: String,
    /// Copies to.
    pub cc: Vec<String>,
    /// Enclosures.
    pub enclosures: Vec<String>,
    /// Leads, printed first, in order.
    pub leads: Vec<Lead>,
    /// Others asked to sign on.
    pub invited: Vec<SignerId>,
    /// How the others are ordered.
    pub order: Order,
}

/// Where a signer stands on one letter, replayed from the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standing {
    /// Named in `leads` or `invited`, or invited by an event, and no answer yet.
    NoAnswer,
    /// Signed the current text. `verified` is false for a "signed" event
    /// without a fingerprint (recorded by hand).
    Signed {
        /// The event carries the current text's fingerprint.
        verified: bool,
    },
    /// Signed, but an older text: the letter changed after they approved it.
    Stale,
    /// Declined.
    Declined,
    /// Withdrew a signature.
    Withdrawn,
}

impl Standing {
    /// The word shown to people: "signed", "stale", "declined", "withdrawn", "no answer".
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::NoAnswer => "no answer",
            Standing::Signed { .. } => "signed",
            Standing::Stale => "stale",
            Standing::Declined => "declined",
            Standing::Withdrawn => "withdrawn",
        }
    }
}

/// One signer's state on one letter.
#[derive(Debug, Clone, PartialEq)]
pub struct SignerState {
    /// The roster id.
    pub id: SignerId,
    /// A lead of the letter.
    pub lead: bool,
    /// Where they stand.
    pub standing: Standing,
    /// When the latest event was recorded (none for "no answer" without events).
    pub at: Option<DateTime<FixedOffset>>,
    /// Who recorded the latest event.
    pub by: Option<String>,
    /// The latest event's note.
    pub note: Option<String>,
}

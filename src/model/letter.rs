//! A letter's types: the text, its addressees and who leads it, as checked
//! from `letters/<id>.toml`. Body text is already split into paragraphs of
//! styled spans.

use chrono::NaiveDate;

use super::SignerId;

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
    /// Bicameral: "Congress of the United States" / "Washington, DC 20515".
    Congress,
    /// Nothing printed: the House letterhead's room is left blank for
    /// pre-printed stationery.
    None,
    /// Lines given in the letter.
    Custom(Vec<String>),
}

impl Letterhead {
    /// The presets' names in `letterhead = "…"`, as documented.
    pub const PRESETS: [&'static str; 4] = ["house", "senate", "congress", "none"];

    /// The preset named `name` in `letterhead = "…"`.
    pub fn preset(name: &str) -> Option<Letterhead> {
        match name {
            "house" => Some(Letterhead::House),
            "senate" => Some(Letterhead::Senate),
            "congress" => Some(Letterhead::Congress),
            "none" => Some(Letterhead::None),
            _ => None,
        }
    }

    /// The lines printed (none for [`Letterhead::None`]).
    pub fn lines(&self) -> Vec<String> {
        let preset: &[&str] = match self {
            Letterhead::House => &[
                "Congress of the United States",
                "House of Representatives",
                "Washington, DC 20515",
            ],
            Letterhead::Senate => &["United States Senate", "Washington, DC 20510"],
            Letterhead::Congress => &["Congress of the United States", "Washington, DC 20515"],
            Letterhead::None => &[],
            Letterhead::Custom(lines) => return lines.clone(),
        };
        preset.iter().map(|s| s.to_string()).collect()
    }

    /// The one chamber a preset letterhead names (House, Senate); `None`
    /// for the bicameral, blank and custom ones, under which anyone signs.
    pub fn chamber(&self) -> Option<super::Chamber> {
        match self {
            Letterhead::House => Some(super::Chamber::House),
            Letterhead::Senate => Some(super::Chamber::Senate),
            _ => None,
        }
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
    /// Heads pages 2+ instead of the recipients' names.
    pub running_head: Option<String>,
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
    /// Earlier ids of the letter (`formerly`, written by `signon mv`): the
    /// ledger's events under them count for this letter.
    pub formerly: Vec<String>,
    /// What fills the space above each signer's name.
    pub signatures: super::SignatureMode,
}

/// What [`valid_id`] asks of an id, for the message that refuses one.
pub const ID_RULE: &str =
    "use letters, digits, `-`, `_` and `.` (no device name such as `con`), e.g. `2025-02-06-rubio`";

/// Whether `id` can name a letter: a plain file name of letters, digits,
/// `-`, `_` and `.`, not starting with `.` or `-` (no hidden file, no
/// option), and no name Windows reserves for a device (`con`, `nul`,
/// `com1`…, whatever follows a dot), so a workspace checks out everywhere.
/// The one rule behind `signon new`, `signon mv` and `formerly`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with(['.', '-'])
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !windows_device(id.split('.').next().unwrap_or(id))
}

/// `CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`, `LPT1`–`LPT9`, in any case.
fn windows_device(stem: &str) -> bool {
    let stem = stem.to_ascii_lowercase();
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && matches!(n.as_bytes()[0], b'1'..=b'9'))
    };
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul") || numbered("com") || numbered("lpt")
}

#[cfg(test)]
mod id_tests {
    use super::valid_id;

    #[test]
    fn windows_device_names_are_no_ids() {
        for id in ["CON", "nul", "Aux.2025", "com1", "LPT9", "prn.x"] {
            assert!(!valid_id(id), "{id}");
        }
    }

    #[test]
    fn names_that_only_begin_like_a_device_are_ids() {
        for id in ["console", "com10", "com0", "lpt", "nullify", "2025-con"] {
            assert!(valid_id(id), "{id}");
        }
    }
}

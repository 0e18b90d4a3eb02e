//! Stage 4, compose: a validated letter, the roster and the sign-off states
//! become one format-neutral [`Composed`] model.
//!
//! It is the single input of the HTML and the PDF renderer, so the two can
//! never disagree. Typography (curly quotes, dashes, ellipses) — of the body
//! and of every name, title and role — the printed date and every label
//! ([`words`]) are settled here, once.

mod signatures;
mod typography;
pub mod words;

pub use typography::smarten;

use chrono::NaiveDate;

use crate::model::{self, Letter, Roster, SignerState};
// The letter's own shapes, reused as they are: compose fills them with
// typeset text, and renderers read them.
pub use crate::model::{Quote, Recipient, Section, Span, Style};

/// A paragraph of styled spans, typography applied.
pub type Paragraph = Vec<Span>;

/// The letter, ready to be laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    /// The letter id (file stem).
    pub id: String,
    /// PDF Title and HTML `<title>`.
    pub title: String,
    /// True unless rendered with `--final` after the gate passed.
    pub draft: bool,
    /// Letterhead lines, centered on page 1.
    pub letterhead: Vec<String>,
    /// `letterhead = "none"`: the lines whose room is left blank above the
    /// date (the House letterhead's), so that the letter starts where
    /// pre-printed stationery expects it. Never printed; empty otherwise.
    pub blank_letterhead: Vec<String>,
    /// The letter's date.
    pub date: NaiveDate,
    /// The date as printed: "February 6, 2025".
    pub date_text: String,
    /// Stacked inside addresses.
    pub recipients: Vec<Recipient>,
    /// Who pages 2+ are headed to: `running_head` if the letter sets one,
    /// else every recipient's name, joined as a sentence would ("A and B",
    /// "A, B, and C"). Both media print these same words.
    pub running_head: String,
    /// The "Re:" line text (without "Re:").
    pub subject: Option<String>,
    /// Printed verbatim (typography applied).
    pub salutation: String,
    /// The body.
    pub sections: Vec<Section>,
    /// "Sincerely,".
    pub closing: String,
    /// Signature blocks in print order: leads first, then the others.
    pub signatures: Vec<SignatureBlock>,
    /// Copies to.
    pub cc: Vec<String>,
    /// Enclosures.
    pub enclosures: Vec<String>,
    /// The leads' names joined with ", ": PDF Author.
    pub authors: String,
    /// A one-line subject for metadata: the subject, else the title.
    pub summary: String,
}

/// One signature block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureBlock {
    /// The roster id.
    pub id: String,
    /// The printed name: the roster's, typography applied (`"Chuy"` →
    /// “Chuy”).
    pub name: String,
    /// "Member of Congress" / "United States Senator", typography applied.
    pub title: String,
    /// For leads: the role line, typography applied.
    pub role: Option<String>,
    /// A lead of the letter.
    pub lead: bool,
    /// Drafts only: this signature approved an older text.
    pub stale: bool,
    /// Drafts only: a lead who has not signed (printed as a marked gap).
    pub missing: bool,
    /// What fills the signing space above the name.
    pub mark: SignatureMark,
}

/// What fills the signing space of a block. Only a signer of the current
/// text ever gets an image or a conformed signature, draft or final.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SignatureMark {
    /// Room to sign by hand.
    #[default]
    Blank,
    /// The signer's image from the roster, scaled into the space.
    Image(std::sync::Arc<crate::model::SignatureImage>),
    /// A conformed signature: "/s/ Frank Pallone, Jr.".
    Conformed(String),
}

impl SignatureMark {
    /// The image, when there is one.
    pub fn image(&self) -> Option<&crate::model::SignatureImage> {
        match self {
            SignatureMark::Image(image) => Some(image),
            _ => None,
        }
    }

    /// The conformed signature's text, when there is one.
    pub fn conformed(&self) -> Option<&str> {
        match self {
            SignatureMark::Conformed(text) => Some(text),
            _ => None,
        }
    }
}

/// Composes a validated letter with the roster and the sign-off states
/// (from [`crate::ledger::states`]). `draft` is false only for a `--final`
/// render that passed [`crate::ledger::final_gate`].
pub fn compose(letter: &Letter, roster: &Roster, states: &[SignerState], draft: bool) -> Composed {
    let smarten = |s: &String| typography::smarten(s);
    let subject = letter.subject.as_ref().map(smarten);
    let title = smarten(&letter.title);
    let authors = letter
        .leads
        .iter()
        .filter_map(|l| roster.get(&l.id).map(|s| typography::smarten(&s.name)))
        .collect::<Vec<_>>()
        .join(", ");
    Composed {
        id: letter.id.clone(),
        summary: subject.clone().unwrap_or_else(|| title.clone()),
        title,
        draft,
        letterhead: letter.letterhead.lines().iter().map(smarten).collect(),
        blank_letterhead: match letter.letterhead {
            model::Letterhead::None => model::Letterhead::House.lines(),
            _ => Vec::new(),
        },
        date: letter.date,
        date_text: date_text(letter.date),
        recipients: letter.recipients.iter().map(recipient).collect(),
        running_head: running_head(letter),
        subject,
        salutation: smarten(&letter.salutation),
        sections: letter.sections.iter().map(section).collect(),
        closing: smarten(&letter.closing),
        signatures: signatures::blocks(letter, roster, states, draft),
        cc: letter.cc.iter().map(smarten).collect(),
        enclosures: letter.enclosures.iter().map(smarten).collect(),
        authors,
    }
}

/// The date as printed in the letter: "February 6, 2025".
pub fn date_text(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

/// The words heading pages 2+ (see [`Composed::running_head`]).
fn running_head(letter: &Letter) -> String {
    if let Some(head) = &letter.running_head {
        return typography::smarten(head);
    }
    let names: Vec<String> = letter
        .recipients
        .iter()
        .map(|r| typography::smarten(&r.name))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [most @ .., last] => format!("{}, and {last}", most.join(", ")),
    }
}

fn recipient(r: &model::Recipient) -> Recipient {
    Recipient {
        name: typography::smarten(&r.name),
        title: r.title.as_deref().map(typography::smarten),
        address: r.address.iter().map(|a| typography::smarten(a)).collect(),
    }
}

fn section(s: &model::Section) -> Section {
    Section {
        heading: s.heading.as_deref().map(typography::smarten),
        paragraphs: s
            .paragraphs
            .iter()
            .map(|p| typography::smarten_spans(p))
            .collect(),
        quotes: s
            .quotes
            .iter()
            .map(|q| Quote {
                text: typography::smarten_spans(&q.text),
                source: q.source.as_deref().map(typography::smarten),
                pull: q.pull,
            })
            .collect(),
        asks_start: s.asks_start,
        asks: s
            .asks
            .iter()
            .map(|a| typography::smarten_spans(a))
            .collect(),
    }
}

#[cfg(test)]
mod tests;

//! Stage 4, compose: a validated letter, the roster and the sign-off states
//! become one format-neutral [`Composed`] model.
//!
//! It is the single input of the HTML and the PDF renderer, so the two can
//! never disagree. Typography (curly quotes, dashes, ellipses) and the printed
//! date are settled here, once.

use chrono::NaiveDate;

pub use crate::model::{Span, Style};

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
    /// The letter's date.
    pub date: NaiveDate,
    /// The date as printed: "February 6, 2025".
    pub date_text: String,
    /// Stacked inside addresses.
    pub recipients: Vec<Recipient>,
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

/// One addressee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// "The Honorable Marco Rubio".
    pub name: String,
    /// "Secretary of State".
    pub title: Option<String>,
    /// Address lines.
    pub address: Vec<String>,
}

/// One section of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Bold heading.
    pub heading: Option<String>,
    /// Body paragraphs.
    pub paragraphs: Vec<Paragraph>,
    /// Block quotations.
    pub quotes: Vec<Quote>,
    /// Number of the first ask.
    pub asks_start: usize,
    /// Numbered asks.
    pub asks: Vec<Paragraph>,
}

/// A block quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words.
    pub text: Paragraph,
    /// Attribution.
    pub source: Option<String>,
}

/// One signature block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureBlock {
    /// The roster id.
    pub id: String,
    /// The printed name, exactly as in the roster.
    pub name: String,
    /// "Member of Congress" / "United States Senator".
    pub title: String,
    /// For leads: the role line.
    pub role: Option<String>,
    /// A lead of the letter.
    pub lead: bool,
    /// Drafts only: this signature approved an older text.
    pub stale: bool,
    /// Drafts only: a lead who has not signed (printed as a marked gap).
    pub missing: bool,
}

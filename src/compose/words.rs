//! Every label and mark a reader sees on the letter, worded once: the PDF,
//! the web page, the plain text (`templates/letter.txt`) and the press
//! outputs all print these, so no two of them can say a thing differently.

use super::{Composed, SignatureBlock};

/// The word of the draft mark, on every page of a draft.
pub const DRAFT: &str = "DRAFT";
/// Heads the reasons a letter is not final yet (the press release).
pub const NOT_FINAL: &str = "DRAFT — not final:";
/// What the draft mark means, where there is room to say it.
pub const DRAFT_NOTE: &str = "for review, not to be sent";
/// The mark in the signing space of a lead who has not signed (drafts).
pub const NOT_SIGNED: &str = "(not yet signed)";
/// The mark in the signing space of a signature on an earlier text (drafts).
pub const STALE: &str = "(signed an earlier text)";
/// Before the subject line.
pub const RE: &str = "Re:";
/// Before the copies.
pub const CC: &str = "cc:";
/// Before the page number of a continuation header ("Page 2").
pub const PAGE: &str = "Page";

/// The labels of one letter, for templates (`letter.labels()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    /// [`DRAFT`].
    pub draft: &'static str,
    /// [`DRAFT_NOTE`].
    pub draft_note: &'static str,
    /// [`RE`].
    pub re: &'static str,
    /// [`CC`].
    pub cc: &'static str,
    /// "Enclosure:" for one, "Enclosures:" for more ([`enclosures`]).
    pub enclosures: &'static str,
    /// [`PAGE`].
    pub page: &'static str,
}

/// "Enclosure:" before one enclosure, "Enclosures:" before several.
pub fn enclosures(count: usize) -> &'static str {
    if count == 1 {
        "Enclosure:"
    } else {
        "Enclosures:"
    }
}

/// A continuation header's page number: "Page 2".
pub fn page(number: usize) -> String {
    format!("{PAGE} {number}")
}

impl Composed {
    /// The labels this letter prints.
    pub fn labels(&self) -> Labels {
        Labels {
            draft: DRAFT,
            draft_note: DRAFT_NOTE,
            re: RE,
            cc: CC,
            enclosures: enclosures(self.enclosures.len()),
            page: PAGE,
        }
    }
}

impl SignatureBlock {
    /// The mark printed in the signing space of a draft: [`NOT_SIGNED`]
    /// for a lead who has not signed, [`STALE`] for a signature on an
    /// earlier text; none for a signature on this text.
    pub fn note(&self) -> Option<&'static str> {
        match (self.missing, self.stale) {
            (true, _) => Some(NOT_SIGNED),
            (false, true) => Some(STALE),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_enclosure_is_singular() {
        assert_eq!(enclosures(1), "Enclosure:");
        assert_eq!(enclosures(2), "Enclosures:");
    }

    #[test]
    fn page_numbers_read_page_n() {
        assert_eq!(page(2), "Page 2");
    }
}

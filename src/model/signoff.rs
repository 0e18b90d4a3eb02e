//! The ledger's types: the `[[signoff]]` events and the per-letter standing
//! replayed from them. Kept apart from the roster and letter types because
//! they describe history (what happened, when), not configuration.

use chrono::{DateTime, FixedOffset};

use super::SignerId;

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
    /// Cancels the signer's latest earlier event on the letter (`signon undo`).
    Void,
}

impl Status {
    /// Every status, in the order they are documented.
    pub const ALL: [Status; 5] = [
        Status::Invited,
        Status::Signed,
        Status::Declined,
        Status::Withdrawn,
        Status::Void,
    ];

    /// The word used in `signers.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Invited => "invited",
            Status::Signed => "signed",
            Status::Declined => "declined",
            Status::Withdrawn => "withdrawn",
            Status::Void => "void",
        }
    }

    /// An answer of the signer's own (signed, declined, withdrawn): what
    /// decides their state. An invitation is the coordinator's act, and
    /// never overrides an answer.
    pub fn is_answer(self) -> bool {
        matches!(self, Status::Signed | Status::Declined | Status::Withdrawn)
    }

    /// Parses the word used in `signers.toml`.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// One `[[signoff]]` event of the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct SignOff {
    /// The letter id: the letter's current one, also for an event recorded
    /// before the letter was renamed (see `formerly`).
    pub letter: String,
    /// The id the event names when it is an earlier id of the letter (its
    /// `formerly`); `None` when the event names the letter as it is now.
    pub formerly: Option<String>,
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
    /// Counts as signed on the current text: the one test of who has signed
    /// what the letter says now (its printed marks, the signer list, the
    /// final gate, a second `sign`).
    pub fn signed_current(self) -> bool {
        matches!(self, Standing::Signed { .. })
    }

    /// Has a signature standing, on the current text or an earlier one
    /// (stale): what puts a name under a draft and what `withdraw` can take back.
    pub fn has_signature(self) -> bool {
        self.signed_current() || self == Standing::Stale
    }

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
    /// For a stale signature, the fingerprint of the text the signer
    /// approved: the deciding event's, so a void never sends `diff` or
    /// `status` to a signature it cancelled.
    pub stale_text: Option<String>,
}

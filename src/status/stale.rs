//! Stale, explained: for each stale signature, how many words changed since
//! the signer approved the text and in which parts of the letter — from the
//! approved text kept under `approved/` ([`crate::ledger::approved`]) and the
//! redline of [`crate::diff`]. `signon diff` shows the words themselves.

use std::path::Path;

use rustc_hash::FxHashMap;

use super::LetterStatus;
use crate::ledger::approved::{self, Kept};
use crate::model::{Letter, Standing};

/// What changed since a stale signer approved the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The approved text was kept: the words changed and where.
    Counted {
        /// Words changed (see [`crate::diff::PartDiff::words`]).
        words: usize,
        /// The parts changed, by label, in letter order.
        sections: Vec<String>,
    },
    /// No kept approved text to compare with.
    NotKept,
}

impl Change {
    /// "2 words in 'Holding Azerbaijan accountable'", or "text not kept".
    pub fn text(&self) -> String {
        match self {
            Change::Counted { words, sections } => crate::diff::summary(*words, sections),
            Change::NotKept => "text not kept".to_string(),
        }
    }
}

/// Fills in [`super::Row::changed`] for every stale row. Each approved
/// version is compared once per letter, however many signed it.
pub fn explain(all: &mut [LetterStatus], letters: &[Letter], root: &Path) {
    for status in all.iter_mut() {
        if status.totals.stale == 0 {
            continue;
        }
        let Some(letter) = letters.iter().find(|l| l.id == status.id) else {
            continue;
        };
        let current = crate::ledger::canonical(letter);
        let mut seen: FxHashMap<String, Change> = FxHashMap::default();
        for row in status
            .rows
            .iter_mut()
            .filter(|r| r.standing == Standing::Stale)
        {
            let Some(text) = row.stale_text.clone() else {
                row.changed = Some(Change::NotKept);
                continue;
            };
            let change = seen
                .entry(text)
                .or_insert_with_key(|fp| change(root, fp, &current));
            row.changed = Some(change.clone());
        }
    }
}

fn change(root: &Path, fingerprint: &str, current: &str) -> Change {
    match approved::read(root, fingerprint) {
        Kept::Text(old) => {
            let r = crate::diff::redline(&old, current);
            Change::Counted {
                words: r.words(),
                sections: r.labels(),
            }
        }
        Kept::Missing | Kept::Altered => Change::NotKept,
    }
}

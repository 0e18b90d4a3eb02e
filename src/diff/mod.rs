//! The redline: what changed, word by word, between the text a signer
//! approved and the letter's current text, part by part (each section under
//! its heading), as `signon diff` prints it and `status` sums it up.
//!
//! Both versions are canonical texts ([`crate::ledger::canonical`]): the
//! current one from the letter, the approved one kept under `approved/` or
//! found in git ([`git`]). The word diff is `similar`'s; this module only
//! pairs the parts, tidies the changes and collapses the unchanged words.

pub mod git;
pub mod html;
mod parts;
pub mod report;
pub mod text;

use similar::{Algorithm, ChangeTag, TextDiff};

pub use parts::{Part, pair, parts};

/// A stretch of a part's text: the same in both versions, or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Words (and the spaces between them) in both versions.
    Same(String),
    /// Words removed and words put in their place; either may be empty.
    Changed {
        /// The approved words.
        old: String,
        /// The current words.
        new: String,
    },
    /// Unchanged words left out of a collapsed redline ("…").
    Gap,
}

/// One part of the letter that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartDiff {
    /// What a reader calls it (the current heading of a section).
    pub label: String,
    /// Its text as pieces, whole.
    pub pieces: Vec<Piece>,
}

impl PartDiff {
    /// The words changed: for each change, the larger of the words removed
    /// and the words put in, so one word replaced by another counts once.
    pub fn words(&self) -> usize {
        let count = |s: &str| s.split_whitespace().count();
        self.pieces
            .iter()
            .map(|p| match p {
                Piece::Changed { old, new } => count(old).max(count(new)),
                _ => 0,
            })
            .sum()
    }
}

/// Every part that changed between two versions, in letter order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Redline {
    /// The parts that changed.
    pub parts: Vec<PartDiff>,
}

impl Redline {
    /// The words changed in all parts.
    pub fn words(&self) -> usize {
        self.parts.iter().map(PartDiff::words).sum()
    }

    /// The labels of the parts that changed.
    pub fn labels(&self) -> Vec<String> {
        self.parts.iter().map(|p| p.label.clone()).collect()
    }

    /// "2 words in 'Holding Azerbaijan accountable'"; several parts are
    /// listed in letter order.
    pub fn summary(&self) -> String {
        summary(self.words(), &self.labels())
    }
}

/// "2 words in 'Holding Azerbaijan accountable', 'closing'".
pub fn summary(words: usize, labels: &[String]) -> String {
    let places: Vec<String> = labels.iter().map(|l| format!("'{l}'")).collect();
    let noun = if words == 1 { "word" } else { "words" };
    format!("{words} {noun} in {}", places.join(", "))
}

/// The redline from the `old` canonical text to the `new` one.
pub fn redline(old: &str, new: &str) -> Redline {
    let (old_parts, new_parts) = (parts(old), parts(new));
    let mut out = Vec::new();
    for (o, n) in pair(&old_parts, &new_parts) {
        let label = n.or(o).map(|p| p.label.clone()).unwrap_or_default();
        let text = |p: Option<&Part>, other: Option<&Part>| match p {
            // A reworded heading heads the part's text, so it shows as a change.
            Some(p) if other.is_some_and(|q| q.heading != p.heading) => {
                format!("{}\n{}", p.heading.as_deref().unwrap_or(""), p.body)
            }
            Some(p) => p.body.clone(),
            None => String::new(),
        };
        let (a, b) = (text(o, n), text(n, o));
        if a != b {
            out.push(PartDiff {
                label,
                pieces: pieces(&a, &b),
            });
        }
    }
    Redline { parts: out }
}

/// `similar`'s word diff of two texts as pieces. Spaces alone between two
/// changes join them, so "[-old words-]{+new text+}" reads as one change
/// rather than alternating word by word.
fn pieces(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_words(old, new);
    let mut out: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let v = change.value();
        match change.tag() {
            ChangeTag::Equal => match out.last_mut() {
                Some(Piece::Same(s)) => s.push_str(v),
                _ => out.push(Piece::Same(v.to_string())),
            },
            ChangeTag::Delete => push_change(&mut out, v, ""),
            ChangeTag::Insert => push_change(&mut out, "", v),
        }
    }
    out
}

fn push_change(out: &mut Vec<Piece>, del: &str, ins: &str) {
    let n = out.len();
    let spaces = matches!(out.last(), Some(Piece::Same(s)) if s.trim().is_empty())
        && matches!(out.get(n.wrapping_sub(2)), Some(Piece::Changed { .. }));
    if spaces {
        let Some(Piece::Same(s)) = out.pop() else {
            unreachable!()
        };
        if let Some(Piece::Changed { old, new }) = out.last_mut() {
            old.push_str(&s);
            new.push_str(&s);
        }
    }
    match out.last_mut() {
        Some(Piece::Changed { old, new }) => {
            old.push_str(del);
            new.push_str(ins);
        }
        _ => out.push(Piece::Changed {
            old: del.to_string(),
            new: ins.to_string(),
        }),
    }
}

/// The pieces with long unchanged runs collapsed to `context` words on each
/// side of a change, a [`Piece::Gap`] where words were left out.
pub fn collapsed(pieces: &[Piece], context: usize) -> Vec<Piece> {
    let last = pieces.len().saturating_sub(1);
    let mut out = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        let Piece::Same(s) = p else {
            out.push(p.clone());
            continue;
        };
        let words = s.split_whitespace().count();
        let (keep_head, keep_tail) = (i > 0, i < last);
        let kept = context * (usize::from(keep_head) + usize::from(keep_tail));
        if words <= kept {
            out.push(p.clone());
            continue;
        }
        if keep_head {
            out.push(Piece::Same(format!("{} ", head(s, context))));
        }
        out.push(Piece::Gap);
        if keep_tail {
            out.push(Piece::Same(format!(" {}", tail(s, context))));
        }
    }
    out
}

/// The text up to the end of its `n`th word.
fn head(s: &str, n: usize) -> &str {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() && in_word {
            seen += 1;
            if seen == n {
                return &s[..i];
            }
        }
        in_word = !c.is_whitespace();
    }
    s
}

/// The text from the start of its `n`th word from the end.
fn tail(s: &str, n: usize) -> &str {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices().rev() {
        if c.is_whitespace() && in_word {
            seen += 1;
            if seen == n {
                return &s[i + c.len_utf8()..];
            }
        }
        in_word = !c.is_whitespace();
    }
    s
}

#[cfg(test)]
mod tests;

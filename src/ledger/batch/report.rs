//! How findings about seals and commands are told: as a diagnostic of
//! `check`, or as the reason an append is refused.

use std::sync::Arc;

use super::{Finding, Partial};
use crate::diag::{Diagnostic, Source};

/// Signers named in a message before the rest are counted.
const NAMED: usize = 5;

impl Finding {
    /// The diagnostic `check` reports at the finding's place.
    pub fn diagnostic(&self, src: &Arc<Source>) -> Diagnostic {
        match self {
            Finding::Partial(p) => {
                let [a, b] = p.hints();
                Diagnostic::error(src, p.span.clone(), p.headline())
                    .with_label("the first event of this command")
                    .with_hint(a)
                    .with_hint(b)
            }
            Finding::Changed { span, seal } => Diagnostic::error(
                src,
                span.clone(),
                "this event was changed after it was recorded: its values no longer match its seal",
            )
            .with_label(format!(
                "recorded as event {} of {} of command `{}`",
                seal.index, seal.count, seal.batch
            ))
            .with_hint(
                "restore the values it was recorded with; to correct it, record a new event (e.g. `signon sign` or `signon decline`)",
            ),
            Finding::BadSeal { span } => {
                Diagnostic::error(src, span.clone(), "this seal is not one signon wrote")
                    .with_label("expected `<batch>:<index>/<count>:<keys>:<checksum>`")
                    .with_hint("restore the seal as it was recorded; seals are never edited by hand")
            }
            Finding::Torn(t) => t.diagnostic(src),
        }
    }

    /// The refusal of an append to a ledger with this damage.
    pub fn refusal(&self) -> Diagnostic {
        match self {
            Finding::Partial(p) => {
                let [a, b] = p.hints();
                let message = format!("refusing to append to `signers.toml`: {}", p.headline());
                Diagnostic::bare(None, message).with_hint(a).with_hint(b)
            }
            Finding::Torn(t) => t.refusal(),
            _ => Diagnostic::bare(None, "refusing to append to `signers.toml`")
                .with_hint("run `signon check`"),
        }
    }
}

impl Partial {
    fn headline(&self) -> String {
        let mut who: Vec<String> = self
            .signers
            .iter()
            .take(NAMED)
            .map(|s| format!("`{s}`"))
            .collect();
        if self.signers.len() > NAMED {
            who.push(format!("{} more", self.signers.len() - NAMED));
        }
        let why = if self.tail {
            " — was a write interrupted?"
        } else {
            ""
        };
        // A command cut inside its first event may not show its letter yet.
        let mut what: Vec<String> = Vec::new();
        what.extend((!self.status.is_empty()).then(|| self.status.clone()));
        what.extend((!self.letter.is_empty()).then(|| format!("`{}`", self.letter)));
        let mut about = what.join(" ");
        if !who.is_empty() {
            about = match about.is_empty() {
                true => who.join(", "),
                false => format!("{about}: {}", who.join(", ")),
            };
        }
        let about = match about.is_empty() {
            true => String::new(),
            false => format!(" ({about})"),
        };
        format!(
            "command `{}`{about} is only partly recorded ({} of {} events whole){why}",
            self.batch, self.whole, self.count,
        )
    }

    fn hints(&self) -> [String; 2] {
        let ranges: Vec<String> = self
            .lines
            .iter()
            .enumerate()
            .map(
                |(i, &(a, b))| match (self.tail && i + 1 == self.lines.len(), a == b) {
                    (true, _) => format!("from line {a} to the end of the file"),
                    (false, true) => format!("line {a}"),
                    (false, false) => format!("lines {a}–{b}"),
                },
            )
            .collect();
        let verb = match self.status.as_str() {
            "signed" => "sign",
            "declined" => "decline",
            "withdrawn" => "withdraw",
            "invited" => "invite",
            "void" => "undo",
            _ => "sign",
        };
        [
            format!(
                "to repair: delete {} (the whole command), then record it again with all its signers (e.g. `signon {verb} {} SIGNER…`)",
                ranges.join(" and "),
                if self.letter.is_empty() {
                    "LETTER"
                } else {
                    &self.letter
                }
            ),
            "the other events are intact; `signon check` confirms the repair".to_string(),
        ]
    }
}

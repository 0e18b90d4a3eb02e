//! Why a letter may not go final yet: the reasons of
//! [`final_gate`](super::final_gate), typed, and worded once. Each medium
//! shows the same words its own way: the terminal with the roster id in
//! backticks ([`Display`](fmt::Display)), a web page with `<code>`, the
//! Markdown press release with a code span (from [`Reason::parts`]).

use std::fmt;

/// One reason the final gate refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A signature on an earlier text: the letter changed since.
    Stale {
        /// The printed name (the id when the roster lacks it).
        name: String,
        /// The roster id.
        id: String,
    },
    /// A lead who has not signed the current text.
    LeadUnsigned {
        /// The printed name (the id when the roster lacks it).
        name: String,
        /// The roster id.
        id: String,
        /// Their standing instead: "no answer", "declined", …
        standing: &'static str,
    },
}

/// A piece of a reason's sentence: words, or an id to show as code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The text.
    pub text: String,
    /// An id (code) rather than words.
    pub code: bool,
}

impl Reason {
    /// The sentence in pieces, for a medium that marks ids its own way.
    pub fn parts(&self) -> Vec<Part> {
        let words = |t: String| Part {
            text: t,
            code: false,
        };
        let code = |t: &str| Part {
            text: t.to_string(),
            code: true,
        };
        match self {
            Reason::Stale { name, id } => vec![
                words(format!("{name} (")),
                code(id),
                words(
                    ") signed an earlier text: the letter changed since; ask them to confirm again"
                        .into(),
                ),
            ],
            Reason::LeadUnsigned { name, id, standing } => vec![
                words(format!("lead {name} (")),
                code(id),
                words(format!(") has not signed ({standing})")),
            ],
        }
    }
}

/// The terminal's form: ids in backticks.
impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in self.parts() {
            match part.code {
                true => write!(f, "`{}`", part.text)?,
                false => f.write_str(&part.text)?,
            }
        }
        Ok(())
    }
}

/// Every reason in the terminal's form, one string each.
pub fn lines(reasons: &[Reason]) -> Vec<String> {
    reasons.iter().map(ToString::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_shows_ids_in_backticks() {
        let r = Reason::LeadUnsigned {
            name: "Frank Pallone, Jr.".into(),
            id: "pallone".into(),
            standing: "no answer",
        };
        assert_eq!(
            r.to_string(),
            "lead Frank Pallone, Jr. (`pallone`) has not signed (no answer)"
        );
        assert_eq!(r.parts().iter().filter(|p| p.code).count(), 1);
    }
}

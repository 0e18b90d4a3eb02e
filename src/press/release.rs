//! The press release: a letter, composed, and its signers become a
//! [`Release`] — headline, lead paragraph, each section's asks and pull
//! quotes, the signer list — which `templates/press.{md,html,txt}` print.
//!
//! Everything comes from [`Composed`], the `pull` marks included (a
//! composed quote keeps its own), so the press release carries the letter's
//! typography and never reads the letter itself.

use super::signers::SignerRow;
use crate::compose::{Composed, Paragraph, Recipient, words};
use crate::ledger::Reason;

/// A press-release draft, ready for a template.
#[derive(Debug, Clone, PartialEq)]
pub struct Release {
    /// While the letter may not go final yet: why not (the final gate's
    /// reasons), printed after "DRAFT — not final:".
    pub not_final: Option<Vec<Reason>>,
    /// "DRAFT — not final:", before the reasons.
    pub draft: &'static str,
    /// The headline: the letter's title.
    pub headline: String,
    /// The lead paragraph, after the "WASHINGTON —" dateline.
    pub lead: String,
    /// The sections that have asks or pull quotes, in letter order.
    pub sections: Vec<Section>,
    /// Every signer as the press names them, in print order.
    pub signers: Vec<String>,
}

/// One section of the letter, as far as the press needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The section's heading.
    pub heading: Option<String>,
    /// The number of the first ask (numbering runs on, as in the letter).
    pub asks_start: usize,
    /// The asks.
    pub asks: Vec<Paragraph>,
    /// The quotes marked `pull = true`.
    pub quotes: Vec<PullQuote>,
}

/// A passage of the letter quoted for the press.
#[derive(Debug, Clone, PartialEq)]
pub struct PullQuote {
    /// The words, with the letter's typography.
    pub text: Paragraph,
    /// The quote's own `source`, else the letter and its date.
    pub attribution: String,
}

/// Builds the press release. `not_final` holds the reasons of
/// [`final_gate`](crate::ledger::final_gate) when the letter may not go
/// final yet; `signers` comes from [`super::signers::signed`].
pub fn build(composed: &Composed, signers: &[SignerRow], not_final: Option<&[Reason]>) -> Release {
    Release {
        not_final: not_final.map(<[Reason]>::to_vec),
        draft: words::NOT_FINAL,
        headline: composed.title.clone(),
        lead: lead(composed, signers),
        sections: sections(composed),
        signers: signers.iter().map(|s| s.press_name.clone()).collect(),
    }
}

impl Release {
    /// The draft line in plain text, ids in backticks: "DRAFT — not
    /// final: lead … (`pallone`) has not signed (no answer)".
    pub fn draft_text(&self) -> Option<String> {
        let reasons = crate::ledger::reason::lines(self.not_final.as_deref()?);
        Some(format!("{} {}", self.draft, reasons.join("; ")))
    }
}

/// "On February 6, 2025, Rep. … led a letter to Secretary of State Marco
/// Rubio, joined by 5 Members of Congress."
fn lead(composed: &Composed, signers: &[SignerRow]) -> String {
    let leads: Vec<String> = signers
        .iter()
        .filter(|s| s.lead)
        .map(|s| match &s.role {
            Some(role) => format!("{}, {}", s.press_name, role_phrase(role)),
            None => s.press_name.clone(),
        })
        .collect();
    let to: Vec<String> = composed.recipients.iter().map(addressee).collect();
    let to = list(&to);
    let others = signers.iter().filter(|s| !s.lead).count();
    let members = |n: usize| match n {
        1 => "1 Member of Congress".to_string(),
        n => format!("{n} Members of Congress"),
    };
    // A role after the last lead is an appositive: a comma closes it.
    let close = match signers.iter().rfind(|s| s.lead) {
        Some(last) if last.role.is_some() => ",",
        _ => "",
    };
    let (date, leads) = (&composed.date_text, list(&leads));
    match (leads.is_empty(), others) {
        // Nobody has signed yet: a draft written ahead of the day.
        (true, 0) => format!("On {date}, Members of Congress sent a letter to {to}."),
        (true, n) => format!("On {date}, {} sent a letter to {to}.", members(n)),
        (false, 0) => format!("On {date}, {leads}{close} led a letter to {to}."),
        (false, n) => format!(
            "On {date}, {leads}{close} led a letter to {to}, joined by {}.",
            members(n)
        ),
    }
}

/// "Co-Chair, Congressional Armenian Caucus" reads in running text as
/// "Co-Chair of the Congressional Armenian Caucus"; other roles as written.
fn role_phrase(role: &str) -> String {
    match role.split_once(", ") {
        Some((office, body)) if !body.contains(", ") && !body.starts_with("the ") => {
            format!("{office} of the {body}")
        }
        _ => role.to_string(),
    }
}

/// "The Honorable Marco Rubio", "Secretary of State" → "Secretary of State
/// Marco Rubio". A title goes after the name instead when it has commas of
/// its own or the name carries its own honorific ("Mr. Philip G. Kiko").
fn addressee(r: &Recipient) -> String {
    let honorable = r.name.strip_prefix("The Honorable ");
    let name = honorable.unwrap_or(&r.name);
    match &r.title {
        Some(title) if honorable.is_some() && !title.contains(',') => format!("{title} {name}"),
        Some(title) => format!("{name}, {title}"),
        None => name.to_string(),
    }
}

/// "a", "a and b", "a, b and c"; when an item holds commas of its own (a
/// role, "Jr.", a long title), semicolons keep the items apart: "a; and b".
fn list(items: &[String]) -> String {
    let semi = items.iter().any(|i| i.contains(','));
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] if !semi => format!("{a} and {b}"),
        [rest @ .., last] if !semi => format!("{} and {last}", rest.join(", ")),
        [rest @ .., last] => format!("{}; and {last}", rest.join("; ")),
    }
}

/// The sections with something for the press: asks or pull quotes.
fn sections(composed: &Composed) -> Vec<Section> {
    let attribution = format!("the letter of {}", composed.date_text);
    composed
        .sections
        .iter()
        .map(|section| Section {
            heading: section.heading.clone(),
            asks_start: section.asks_start,
            asks: section.asks.clone(),
            quotes: section
                .quotes
                .iter()
                .filter(|q| q.pull)
                .map(|q| PullQuote {
                    text: q.text.clone(),
                    attribution: q.source.clone().unwrap_or_else(|| attribution.clone()),
                })
                .collect(),
        })
        .filter(|s| !s.asks.is_empty() || !s.quotes.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_as_running_text() {
        assert_eq!(
            role_phrase("Co-Chair, Congressional Armenian Caucus"),
            "Co-Chair of the Congressional Armenian Caucus"
        );
        assert_eq!(role_phrase("Ranking Member"), "Ranking Member");
        assert_eq!(role_phrase("Chair, the Caucus"), "Chair, the Caucus");
    }

    #[test]
    fn lists_join_with_and() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&s(&["a"])), "a");
        assert_eq!(list(&s(&["a", "b"])), "a and b");
        assert_eq!(list(&s(&["a", "b", "c"])), "a, b and c");
        assert_eq!(list(&s(&["a, x", "b"])), "a, x; and b");
        assert_eq!(list(&s(&["a", "b, y", "c"])), "a; b, y; and c");
    }

    #[test]
    fn addressees_put_a_short_title_first() {
        let r = |name: &str, title: Option<&str>| Recipient {
            name: name.into(),
            title: title.map(Into::into),
            address: vec![],
        };
        assert_eq!(
            addressee(&r("The Honorable Marco Rubio", Some("Secretary of State"))),
            "Secretary of State Marco Rubio"
        );
        assert_eq!(
            addressee(&r(
                "Mr. Philip G. Kiko",
                Some("Chief Administrative Officer")
            )),
            "Mr. Philip G. Kiko, Chief Administrative Officer"
        );
        assert_eq!(
            addressee(&r(
                "The Honorable Lois Frankel",
                Some("Ranking Member, Subcommittee")
            )),
            "Lois Frankel, Ranking Member, Subcommittee"
        );
    }

    #[test]
    fn pull_quotes_come_from_the_letter_with_its_typography() {
        let checked = crate::validate::texts(
            include_str!("../../signers.toml"),
            &[(
                "2025-02-06-rubio",
                include_str!("../../letters/2025-02-06-rubio.toml"),
            )],
        );
        let letter = &checked.letters[0];
        let composed = crate::compose::compose(letter, &checked.roster, &[], true);
        let why = Reason::LeadUnsigned {
            name: "A".into(),
            id: "a".into(),
            standing: "no answer",
        };
        let release = build(&composed, &[], Some(&[why]));
        let quotes: Vec<&PullQuote> = release.sections.iter().flat_map(|s| &s.quotes).collect();
        // Four quotes in the letter, three marked `pull`.
        assert_eq!(quotes.len(), 3);
        assert!(quotes[0].text[0].text.contains("(Artsakh) \u{2014} via"));
        assert_eq!(quotes[1].attribution, "the letter of February 6, 2025");
        assert!(quotes[1].text[0].text.contains("Karabakh\u{2019}s"));
        assert_eq!(
            release.draft_text().as_deref(),
            Some("DRAFT — not final: lead A (`a`) has not signed (no answer)")
        );
        // The first and last sections have neither asks nor pull quotes.
        assert_eq!(release.sections.len(), 3);
        assert_eq!(
            release.lead,
            "On February 6, 2025, Members of Congress sent a letter to Secretary of State Marco Rubio."
        );
    }
}

//! A canonical text (see [`crate::ledger::canonical`]) read back as the parts
//! a reader names — the recipients, the salutation, each section by its
//! heading, the closing — and two versions' parts paired for the redline.
//!
//! Only the canonical text is needed, never the TOML of the time: a kept
//! approved text is all `signon diff` has of the version a signer saw.

use crate::compose::words;
use similar::{Algorithm, DiffOp};

/// One part of a letter's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// What pairs it with the same part of another version: the tag, and
    /// for a section its heading.
    key: String,
    /// What a reader calls it: a section's heading, "section 2" for one
    /// without, or "recipients", "salutation", "closing".
    pub label: String,
    /// A section's heading, if any.
    pub heading: Option<String>,
    /// The words, one line per paragraph, quotation, source, ask or line.
    pub body: String,
}

/// The parts of a canonical text, in letter order.
pub fn parts(canonical: &str) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let mut sections = 0;
    for line in canonical.lines().skip(1) {
        let (tag, value) = line.split_once(": ").unwrap_or((line, ""));
        let (label, text) = match tag {
            "recipient" => ("recipients", None),
            "name" | "title" | "address" => ("recipients", Some(value.to_string())),
            "salutation" => ("salutation", Some(value.to_string())),
            "section" => {
                sections += 1;
                parts.push(section(sections));
                continue;
            }
            "heading" => {
                if let Some(p) = parts.last_mut() {
                    p.key = format!("section: {value}");
                    p.label = value.to_string();
                    p.heading = Some(value.to_string());
                }
                continue;
            }
            "paragraph" => ("", Some(value.to_string())),
            "quote" => ("", Some(format!("“{value}”"))),
            "source" => ("", Some(format!("— {value}"))),
            "ask" => ("", Some(format!("• {value}"))),
            "closing" => ("closing", Some(value.to_string())),
            // The letter's own labels (one enclosure a line here).
            "cc" => ("closing", Some(format!("{} {value}", words::CC))),
            "enclosure" => ("closing", Some(format!("{} {value}", words::enclosures(1)))),
            _ => ("", Some(line.to_string())),
        };
        let same = parts
            .last()
            .is_some_and(|p| label.is_empty() || p.key == label);
        if !same {
            parts.push(Part {
                key: label.to_string(),
                label: label.to_string(),
                heading: None,
                body: String::new(),
            });
        }
        if let (Some(part), Some(text)) = (parts.last_mut(), text) {
            if !part.body.is_empty() {
                part.body.push('\n');
            }
            part.body.push_str(&text);
        }
    }
    parts
}

fn section(n: usize) -> Part {
    Part {
        key: "section".to_string(),
        label: format!("section {n}"),
        heading: None,
        body: String::new(),
    }
}

/// The parts of two versions paired: the same key in the same order pairs,
/// and so do parts replaced one for one (a heading reworded); the rest was
/// added (`None` before) or removed (`None` after).
pub fn pair<'a>(old: &'a [Part], new: &'a [Part]) -> Vec<(Option<&'a Part>, Option<&'a Part>)> {
    let keys = |ps: &[Part]| ps.iter().map(|p| p.key.clone()).collect::<Vec<_>>();
    let ops = similar::capture_diff_slices(Algorithm::Myers, &keys(old), &keys(new));
    let mut pairs = Vec::new();
    for op in ops {
        let (o, n) = (op.old_range(), op.new_range());
        if let DiffOp::Equal { .. } | DiffOp::Replace { .. } = op {
            let both = o.len().min(n.len());
            pairs.extend((0..both).map(|i| (Some(&old[o.start + i]), Some(&new[n.start + i]))));
            pairs.extend(old[o.start + both..o.end].iter().map(|p| (Some(p), None)));
            pairs.extend(new[n.start + both..n.end].iter().map(|p| (None, Some(p))));
        } else {
            pairs.extend(old[o].iter().map(|p| (Some(p), None)));
            pairs.extend(new[n].iter().map(|p| (None, Some(p))));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "signon-fingerprint-v1\nrecipient: \nname: The Honorable X\n\
        salutation: Dear X:\nsection: \nheading: First\nparagraph: One two.\nask: Do it.\n\
        section: \nparagraph: Untitled.\nclosing: Sincerely,\n";

    #[test]
    fn parts_follow_the_letter() {
        let ps = parts(TEXT);
        let labels: Vec<&str> = ps.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(
            labels,
            ["recipients", "salutation", "First", "section 2", "closing"]
        );
        assert_eq!(ps[2].body, "One two.\n• Do it.");
    }

    #[test]
    fn a_new_section_pairs_with_nothing() {
        let old = parts(TEXT);
        let new = parts(&TEXT.replace(
            "section: \nparagraph: Untitled.",
            "section: \nheading: Added\nparagraph: New.\nsection: \nparagraph: Untitled.",
        ));
        let added: Vec<&str> = pair(&old, &new)
            .iter()
            .filter(|(o, _)| o.is_none())
            .map(|(_, n)| n.unwrap().label.as_str())
            .collect();
        assert_eq!(added, ["Added"]);
    }
}

//! Reads the congress-legislators data (`legislators-current.yaml`, CC0, the
//! source House and Senate offices already trust) into flat [`Member`]
//! records: only the fields a roster needs, from each Member's last term.

use std::path::Path;

use serde::Deserialize;

use crate::diag::Diagnostic;
use crate::error::Error;
use crate::model::Chamber;

/// One current Member, as the data has them.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Official Member id, e.g. `S000344`.
    pub bioguide: String,
    /// The official printed name (`name.official_full`), e.g. "Frank Pallone, Jr.".
    pub name: String,
    /// The data's surname (`name.last`), e.g. "Van Hollen".
    pub surname: String,
    /// The chamber of the last term.
    pub chamber: Chamber,
    /// Party letter: "D", "R", "I", …
    pub party: Option<String>,
    /// Two-letter state code.
    pub state: String,
    /// House district (0 at-large); none for Senators.
    pub district: Option<u32>,
    /// Office building and room of the last term.
    pub office: Option<String>,
}

#[derive(Deserialize)]
struct RawMember {
    id: RawIds,
    name: RawName,
    #[serde(default)]
    terms: Vec<RawTerm>,
}

#[derive(Deserialize)]
struct RawIds {
    bioguide: String,
}

#[derive(Deserialize)]
struct RawName {
    first: String,
    middle: Option<String>,
    last: String,
    suffix: Option<String>,
    official_full: Option<String>,
}

#[derive(Deserialize)]
struct RawTerm {
    #[serde(rename = "type")]
    kind: String,
    state: String,
    district: Option<u32>,
    party: Option<String>,
    office: Option<String>,
}

/// Reads and parses a legislators file; a problem is a diagnostic at its
/// place in the file, like every other.
pub fn read(path: &Path) -> Result<Vec<Member>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?;
    parse(&text).map_err(|p| {
        let src = crate::diag::Source::new(path, text);
        let d = match p.place {
            Some((line, column)) => {
                let at = src.offset_at(line, column);
                Diagnostic::error(&src, at..at, p.message)
            }
            None => Diagnostic::bare(Some(&src), p.message),
        };
        Error::Invalid(vec![d])
    })
}

/// What is wrong with a legislators file, and where.
#[derive(Debug)]
pub struct Problem {
    /// The 1-based line and character column, when the parser knows them.
    pub place: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

/// Parses the YAML text.
pub fn parse(text: &str) -> Result<Vec<Member>, Problem> {
    let raw: Vec<RawMember> = serde_saphyr::from_str(text).map_err(|e| Problem {
        place: e.location().map(|l| (count(l.line()), count(l.column()))),
        message: format!("not congress-legislators data: {}", yaml_message(&e)),
    })?;
    raw.into_iter()
        .map(member)
        .collect::<Result<_, String>>()
        .map_err(|message| Problem {
            place: None,
            message,
        })
}

/// The parser's words without its own snippet of the file: the
/// diagnostic quotes the line itself.
fn yaml_message(e: &serde_saphyr::Error) -> String {
    use serde_saphyr::MessageFormatter;
    let text = serde_saphyr::DefaultMessageFormatter.format_message(e.without_snippet());
    // The text may quote the file: no control characters reach the terminal.
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A line or column as serde-saphyr counts it (1-based, `u64`).
fn count(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

fn member(m: RawMember) -> Result<Member, String> {
    let bioguide = m.id.bioguide;
    let term = m
        .terms
        .last()
        .ok_or_else(|| format!("Member `{bioguide}` has no terms"))?;
    let chamber = match term.kind.as_str() {
        "rep" => Chamber::House,
        "sen" => Chamber::Senate,
        other => {
            return Err(format!("Member `{bioguide}`: unknown term type `{other}`"));
        }
    };
    Ok(Member {
        name: printed_name(&m.name),
        surname: m.name.last.clone(),
        chamber,
        party: term.party.as_deref().map(party_letter),
        state: term.state.clone(),
        district: term.district.filter(|_| chamber == Chamber::House),
        office: term.office.clone().filter(|o| !o.trim().is_empty()),
        bioguide,
    })
}

/// The official printed name; a few new Members have none in the data yet,
/// so it is built as the House Clerk prints names: first, middle, last, suffix.
fn printed_name(n: &RawName) -> String {
    if let Some(full) = n.official_full.as_ref().filter(|f| !f.trim().is_empty()) {
        return full.clone();
    }
    let mut name = [Some(&n.first), n.middle.as_ref(), Some(&n.last)]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(suffix) = &n.suffix {
        name.push_str(", ");
        name.push_str(suffix);
    }
    name
}

/// The party letter printed in "D-CA-32": Democrat → D, Republican → R,
/// Independent → I; any other party by its initial.
pub fn party_letter(party: &str) -> String {
    match party {
        "Democrat" | "Democratic" => "D".into(),
        "Republican" => "R".into(),
        "Independent" => "I".into(),
        "Libertarian" => "L".into(),
        other => other.chars().next().map(String::from).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = r#"
- id: {bioguide: S000344, govtrack: 400371}
  name: {first: Brad, last: Sherman, official_full: Brad Sherman}
  terms:
  - {type: rep, state: CA, district: 30, party: Democrat}
  - {type: rep, state: CA, district: 32, party: Democrat, office: 2365 Rayburn House Office Building}
- id: {bioguide: G000607}
  name: {first: James, last: Gallagher, suffix: Jr.}
  terms:
  - {type: sen, state: CA, class: 1, party: Independent}
"#;

    #[test]
    fn last_term_and_printed_name() {
        let m = parse(TWO).unwrap();
        assert_eq!(m[0].district, Some(32));
        assert_eq!(
            m[0].office.as_deref(),
            Some("2365 Rayburn House Office Building")
        );
        assert_eq!(m[1].name, "James Gallagher, Jr.");
        assert_eq!(m[1].chamber, Chamber::Senate);
        assert_eq!(m[1].party.as_deref(), Some("I"));
        assert_eq!(m[1].district, None);
    }

    #[test]
    fn bad_data_says_where() {
        let text = "- id: {bioguide: X}\n  name: 3\n";
        let err = parse(text).unwrap_err();
        let (line, column) = err.place.expect("a place");
        let src = crate::diag::Source::new(Path::new("l.yaml"), text.to_string());
        assert!(
            text[src.offset_at(line, column)..].starts_with("3\n"),
            "{err:?}"
        );
        assert!(
            !err.message.contains("line 2"),
            "the place is the span's: {err:?}"
        );
    }
}

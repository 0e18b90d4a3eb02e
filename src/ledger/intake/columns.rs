//! Which column of a responses spreadsheet holds what, found by its header:
//! case, spaces and punctuation do not count, a header known word for word
//! wins ("Email Address", "Member name"), and otherwise a header holding a
//! telling word ("Response to the letter", "Staffer e-mail") is taken.

use std::sync::Arc;

use crate::diag::{Diagnostic, Source};

/// What a column gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The Member's name, as written.
    Name,
    /// The roster id.
    Id,
    /// The bioguide id.
    Bioguide,
    /// The office's e-mail address.
    Email,
    /// When the answer was given.
    At,
    /// The answer: yes or no.
    Response,
    /// Who recorded it.
    By,
    /// A note kept with the event.
    Note,
}

impl Field {
    /// The word the documentation and messages use for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Id => "id",
            Field::Bioguide => "bioguide",
            Field::Email => "email",
            Field::At => "timestamp",
            Field::Response => "response",
            Field::By => "by",
            Field::Note => "note",
        }
    }
}

/// Headers known word for word, after [`normal`].
const EXACT: &[(Field, &[&str])] = &[
    (Field::Id, &["id", "roster id", "signer id", "signon id"]),
    (Field::Bioguide, &["bioguide", "bioguide id", "bioguideid"]),
    (
        Field::Email,
        &[
            "email",
            "e mail",
            "email address",
            "e mail address",
            "office email",
        ],
    ),
    (
        Field::Name,
        &[
            "name",
            "member",
            "office",
            "member name",
            "member office",
            "representative",
            "senator",
            "name of member",
            "member of congress",
            "office name",
            "legislator",
            "signer",
        ],
    ),
    (
        Field::At,
        &[
            "timestamp",
            "date",
            "time",
            "submitted",
            "submitted at",
            "date submitted",
            "submission date",
            "completion time",
        ],
    ),
    (
        Field::Response,
        &["response", "answer", "reply", "decision", "sign", "sign on"],
    ),
    (
        Field::By,
        &[
            "by",
            "staffer",
            "staff",
            "recorded by",
            "staffer name",
            "staff contact",
        ],
    ),
    (Field::Note, &["note", "notes", "comment", "comments"]),
];

/// Words that make a header a column when no header matched word for word,
/// tried in this order: "Staffer email" is an e-mail column.
const WORDS: &[(Field, &[&str])] = &[
    (Field::Bioguide, &["bioguide"]),
    (Field::Email, &["email"]),
    (Field::At, &["timestamp", "submitted"]),
    // "Will your office sign on?": the question a sign-on form asks.
    (Field::Response, &["response", "answer", "sign"]),
    (Field::Note, &["note", "notes", "comment", "comments"]),
    (
        Field::Name,
        &["member", "name", "office", "representative", "senator"],
    ),
    (Field::By, &["staffer"]),
];

/// A header lowercased, `e-mail` as `email`, punctuation as spaces.
fn normal(header: &str) -> String {
    let lower = header.to_lowercase().replace("e-mail", "email");
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field a header names, if any.
pub fn field(header: &str) -> Option<Field> {
    let h = normal(header);
    let exact = EXACT.iter().find(|(_, names)| names.contains(&h.as_str()));
    let words = || {
        WORDS
            .iter()
            .find(|(_, words)| h.split(' ').any(|w| words.contains(&w)))
    };
    exact.or_else(words).map(|(f, _)| *f)
}

/// How surely a header names its field: word for word (2), word for word
/// but only "name" (1: Microsoft Forms' "Name" is whoever filled the form,
/// so a "Member" or "Office" column beside it is the one that counts), or
/// by a telling word (0).
fn rank(header: &str) -> Option<(Field, u8)> {
    let h = normal(header);
    let f = field(header)?;
    let exact = EXACT.iter().any(|(_, n)| n.contains(&h.as_str()));
    Some((f, if h == "name" { 1 } else { u8::from(exact) * 2 }))
}

/// Each field's column, from the header row: the surest header wins (see
/// [`rank`]); of loose ones the first. `Err` names a field two equally sure
/// word-for-word columns claim (by index), since a row could then say two
/// things.
pub fn columns(headers: &[&str]) -> Result<Vec<(Field, usize)>, (Field, usize, usize)> {
    let mut found: Vec<(Field, usize, u8)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let Some((f, r)) = rank(h) else { continue };
        match found.iter_mut().find(|(g, ..)| *g == f) {
            Some(&mut (_, j, sure)) if sure == r && r > 0 => return Err((f, j, i)),
            Some(best) if best.2 < r => *best = (f, i, r),
            Some(_) => {}
            None => found.push((f, i, r)),
        }
    }
    let mut found: Vec<(Field, usize)> = found.into_iter().map(|(f, i, _)| (f, i)).collect();
    found.sort_by_key(|&(_, i)| i);
    Ok(found)
}

/// Without the `ID` column when it holds response numbers, as Microsoft
/// Forms' does (plain integers, none a roster id), and another column names
/// the signer: a note says so.
pub(super) fn response_numbers(
    headers: &[&str],
    mut cols: Vec<(Field, usize)>,
    records: &[csv::StringRecord],
    roster: &crate::model::Roster,
) -> (Vec<(Field, usize)>, Option<String>) {
    let Some(k) = cols.iter().position(|(f, _)| *f == Field::Id) else {
        return (cols, None);
    };
    let i = cols[k].1;
    let values: Vec<&str> = records
        .iter()
        .filter_map(|row| row.get(i))
        .filter(|v| !v.is_empty())
        .collect();
    let number = |v: &&str| v.bytes().all(|b| b.is_ascii_digit());
    let listed = |v: &&str| roster.get(&crate::model::SignerId(v.to_string())).is_some();
    let others = [Field::Name, Field::Bioguide, Field::Email];
    let other = cols.iter().any(|(f, _)| others.contains(f));
    let numbers = !values.is_empty() && values.iter().all(number) && !values.iter().any(listed);
    if normal(headers[i]) != "id" || !numbers || !other {
        return (cols, None);
    }
    cols.remove(k);
    let note = format!(
        "column `{}` holds response numbers, not roster ids: ignored",
        headers[i]
    );
    (cols, Some(note))
}

/// Each field's column; two columns for one field is an error at the header.
pub(super) fn of_header(
    src: &Arc<Source>,
    headers: &[&str],
) -> Result<Vec<(Field, usize)>, Vec<Diagnostic>> {
    let span = 0..super::line_end(&src.text, 0);
    let cols = columns(headers).map_err(|(f, a, b)| {
        let why = format!(
            "columns `{}` and `{}` both give the {}",
            headers[a],
            headers[b],
            f.as_str()
        );
        vec![Diagnostic::error(src, span.clone(), why).with_hint("rename or delete one of them")]
    })?;
    let names = [Field::Name, Field::Id, Field::Bioguide, Field::Email];
    if !cols.iter().any(|(f, _)| names.contains(f)) {
        // Excel in much of Europe saves "CSV" with semicolons: one column.
        if let [only] = headers
            && only.contains(';')
        {
            let why = "this file looks semicolon-separated; export it as comma-separated CSV";
            return Err(vec![Diagnostic::error(src, span, why)]);
        }
        let why = "no column names the signer";
        let hint =
            "give a column headed `name` (or `member`, `office`), `id`, `bioguide` or `email`";
        return Err(vec![Diagnostic::error(src, span, why).with_hint(hint)]);
    }
    Ok(cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_forms_headers() {
        let got = columns(&[
            "Timestamp",
            "Email Address",
            "Member name",
            "Response",
            "Notes",
        ]);
        let want = vec![
            (Field::At, 0),
            (Field::Email, 1),
            (Field::Name, 2),
            (Field::Response, 3),
            (Field::Note, 4),
        ];
        assert_eq!(got, Ok(want));
    }

    #[test]
    fn telling_words_when_nothing_matches_word_for_word() {
        assert_eq!(field("Staffer E-mail"), Some(Field::Email));
        assert_eq!(field("Your response to the letter"), Some(Field::Response));
        assert_eq!(field("Member of Congress (name)"), Some(Field::Name));
        assert_eq!(field("Will your boss attend?"), None);
        assert_eq!(field("Will your office sign on?"), Some(Field::Response));
        assert_eq!(field("BIOGUIDE"), Some(Field::Bioguide));
    }

    #[test]
    fn a_specific_member_column_outranks_name() {
        let got = columns(&["ID", "Name", "Member office", "Response"]);
        let want = vec![(Field::Id, 0), (Field::Name, 2), (Field::Response, 3)];
        assert_eq!(got, Ok(want));
    }

    #[test]
    fn two_columns_for_one_field_are_refused() {
        assert_eq!(columns(&["Member", "Office"]), Err((Field::Name, 0, 1)));
        // A loose match never competes with a word-for-word one.
        let got = columns(&["Staffer email", "Email"]).unwrap();
        assert_eq!(got, vec![(Field::Email, 1)]);
    }
}

//! Responses in bulk (`sign --from FILE.csv`): a spreadsheet of answers, as
//! a sign-on form or an e-mail thread leaves it, read into one answer per
//! row, each row resolved to exactly one roster entry
//! ([`crate::roster::resolve`]), or every problem reported by row, so that
//! all rows are recorded or none.

pub mod columns;
mod plan;
mod response;
mod sheet;
pub mod when;

use std::ops::Range;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use crate::diag::{Diagnostic, Source};
use crate::model::{Roster, Signer, Status};
use crate::roster::resolve::{Reference, Resolution, resolve};
use columns::Field;
use sheet::{csv_error, line_end, record_start, records};

pub use plan::{Planned, Step, events, plan};

/// What rows leave out, and how to read their times.
#[derive(Debug, Clone)]
pub struct Defaults {
    /// The zone of times without an offset.
    pub zone: Tz,
    /// The clock: the time of rows without one, and the limit of the rest.
    pub now: DateTime<FixedOffset>,
    /// `--at`: the time of rows without one, instead of the clock.
    pub at: Option<DateTime<FixedOffset>>,
    /// `--by`: for rows with no `by` cell.
    pub by: Option<String>,
    /// `--note`: for rows with no note.
    pub note: Option<String>,
}

/// One row's answer, resolved.
#[derive(Debug, Clone)]
pub struct Row<'r> {
    /// The row's 1-based line in the file.
    pub line: usize,
    /// The roster entry it names.
    pub signer: &'r Signer,
    /// Signed or declined.
    pub status: Status,
    /// When, to the second.
    pub at: DateTime<FixedOffset>,
    /// Whether the row gave the time (else `--at` or the clock's).
    pub timed: bool,
    /// Who recorded it.
    pub by: Option<String>,
    /// A note kept with the event.
    pub note: Option<String>,
}

/// Reads the responses file `text` (from `path`): every row resolved, or
/// every row's problem as a diagnostic at its line. What is worth saying
/// either way (a column ignored) goes to `notes`.
pub fn read<'r>(
    path: &Path,
    text: String,
    roster: &'r Roster,
    defaults: &Defaults,
    notes: &mut Vec<String>,
) -> Result<Vec<Row<'r>>, Vec<Diagnostic>> {
    // A byte-order mark, as Excel writes: not part of the first header.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let src = Source::new(path, text);
    let mut reader = csv::ReaderBuilder::new()
        // A row with more cells than the header has a cell no column
        // reads, often a name with an unquoted comma: an error, not a guess.
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(src.text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| vec![csv_error(&src, &e)])?
        .clone();
    let headers: Vec<&str> = headers.iter().collect();
    let cols = columns::of_header(&src, &headers)?;
    let (records, mut diags) = records(&src, reader)?;
    let (cols, note) = columns::response_numbers(&headers, cols, &records, roster);
    notes.extend(note);
    let mut rows = Vec::new();
    for record in &records {
        let cells = Cells {
            cols: &cols,
            record,
        };
        let (start, line) = record_start(&src.text, record.position());
        match row(&cells, roster, defaults, line) {
            Ok(r) => rows.push(r),
            Err((field, (why, hint))) => {
                let span = cells.span(&src.text, start, field);
                let mut d = Diagnostic::error(&src, span, why);
                if let Some(hint) = hint {
                    d = d.with_hint(hint);
                }
                diags.push(d);
            }
        }
    }
    if diags.is_empty() {
        Ok(rows)
    } else {
        Err(diags)
    }
}

/// A row's cells by field.
struct Cells<'a> {
    cols: &'a [(Field, usize)],
    record: &'a csv::StringRecord,
}

impl Cells<'_> {
    /// The cell of `field`, when the file has the column and it is not empty.
    fn get(&self, field: Field) -> Option<&str> {
        let (_, i) = self.cols.iter().find(|(f, _)| *f == field)?;
        self.record.get(*i).filter(|c| !c.is_empty())
    }

    /// Where the row starting at byte `start` of `text` shows the cell of
    /// `field`: found in the row's first line as written, else that line.
    fn span(&self, text: &str, start: usize, field: Option<Field>) -> Range<usize> {
        let end = line_end(text, start);
        let found = field
            .and_then(|f| self.get(f))
            .and_then(|cell| Some((text[start..end].find(cell)?, cell.len())));
        match found {
            Some((at, len)) => start + at..start + at + len,
            None => start..end,
        }
    }
}

/// A problem with a row: what, and a hint.
pub(super) type RowError = (String, Option<String>);

/// A row's problem and the cell it is in, if one.
type AtCell = (Option<Field>, RowError);

/// Tags a problem with its cell.
fn in_cell<T>(field: Field, r: Result<T, RowError>) -> Result<T, AtCell> {
    r.map_err(|e| (Some(field), e))
}

fn row<'r>(
    cells: &Cells<'_>,
    roster: &'r Roster,
    defaults: &Defaults,
    line: usize,
) -> Result<Row<'r>, AtCell> {
    let reference = Reference {
        id: cells.get(Field::Id),
        bioguide: cells.get(Field::Bioguide),
        email: cells.get(Field::Email),
        name: cells.get(Field::Name),
    };
    let said = [Field::Name, Field::Id, Field::Email, Field::Bioguide];
    let said = said.into_iter().find(|f| cells.get(*f).is_some());
    let signer = signer(roster, &reference).map_err(|(at, e)| (at.or(said), e))?;
    let has_response = cells.cols.iter().any(|(f, _)| *f == Field::Response);
    let response = response::status(cells.get(Field::Response), has_response);
    let status = in_cell(Field::Response, response)?;
    let timed = cells.get(Field::At).is_some();
    let at = match cells.get(Field::At) {
        Some(cell) => when::parse(cell, defaults.zone)
            .map_err(|why| (Some(Field::At), (format!("timestamp `{cell}` {why}"), None)))?,
        None => defaults.at.unwrap_or(defaults.now),
    };
    let at = super::rules::to_seconds(at);
    if super::rules::future_at(at, defaults.now).is_some() {
        let (at, now) = (super::rules::show(at), super::rules::show(defaults.now));
        let why =
            format!("`{at}` is in the future (it is now {now}): record an answer once it is given");
        return Err((Some(Field::At), (why, None)));
    }
    let by = cells
        .get(Field::By)
        .map(str::to_string)
        .or(defaults.by.clone());
    let note = cells
        .get(Field::Note)
        .map(str::to_string)
        .or(defaults.note.clone());
    in_cell(Field::By, printable(Field::By, by.as_deref(), false))?;
    in_cell(Field::Note, printable(Field::Note, note.as_deref(), true))?;
    Ok(Row {
        line,
        signer,
        status,
        at,
        timed,
        by,
        note,
    })
}

/// Refuses a cell with a control character (a note may run over lines), as
/// `--by` and `--note` are refused: the ledger must never drive a terminal.
fn printable(field: Field, cell: Option<&str>, lines: bool) -> Result<(), RowError> {
    let bad = cell.and_then(|v| v.chars().find(|&c| c.is_control() && !(lines && c == '\n')));
    match bad {
        Some(c) => Err((
            format!(
                "control character `{}` in the {} cell",
                c.escape_unicode(),
                field.as_str()
            ),
            Some("give printable text".into()),
        )),
        None => Ok(()),
    }
}

/// The one roster entry a row names, or why not, with the candidates (and
/// the cell at fault, when one is).
fn signer<'r>(roster: &'r Roster, r: &Reference<'_>) -> Result<&'r Signer, AtCell> {
    match resolve(roster, r) {
        Resolution::Disagree(s, column) => {
            let field = [Field::Id, Field::Bioguide, Field::Email, Field::Name]
                .into_iter()
                .find(|f| f.as_str() == column);
            let value = match field {
                Some(Field::Id) => r.id,
                Some(Field::Bioguide) => r.bioguide,
                Some(Field::Email) => r.email,
                _ => r.name,
            };
            let why = format!(
                "the {column} `{}` fits no roster entry, but the row names {}",
                value.unwrap_or_default(),
                crate::roster::resolve::describe(s)
            );
            let hint = format!(
                "a row's columns must agree: correct or empty its {column} cell, or delete a column that says something else"
            );
            Err((field, (why, Some(hint))))
        }
        resolution => one(resolution, r).map_err(|e| (None, e)),
    }
}

/// The entry of a resolution that does not disagree, or why not.
fn one<'r>(resolution: Resolution<'r>, r: &Reference<'_>) -> Result<&'r Signer, RowError> {
    let said = [r.name, r.id, r.email, r.bioguide]
        .into_iter()
        .flatten()
        .next();
    let Some(said) = said else {
        return Err(("the row names no signer".into(), None));
    };
    let listed = |list: &[&Signer]| {
        let each: Vec<String> = list
            .iter()
            .map(|s| crate::roster::resolve::describe(s))
            .collect();
        each.join(", ")
    };
    match resolution {
        Resolution::One(s) | Resolution::Disagree(s, _) => Ok(s),
        Resolution::Ambiguous(list) => Err((
            format!("`{said}` fits {} roster entries", list.len()),
            Some(format!(
                "candidates: {}; add the id column, or a place like `(CA-32)`",
                listed(&list)
            )),
        )),
        Resolution::Conflict(a, b) => Err((
            format!(
                "the row names two signers: {} and {}",
                crate::roster::resolve::describe(a),
                crate::roster::resolve::describe(b)
            ),
            None,
        )),
        Resolution::Unknown(list) if list.is_empty() => {
            Err((format!("no roster entry for `{said}`"), None))
        }
        Resolution::Unknown(list) => Err((
            format!("no roster entry for `{said}`"),
            Some(format!("did you mean {}?", listed(&list))),
        )),
    }
}

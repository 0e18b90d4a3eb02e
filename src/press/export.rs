//! The signer list as a file for partner organizations: CSV for
//! spreadsheets, JSON for programs, and plain text for an email.

use serde::Serialize;

use super::signers::SignerRow;
use crate::compose::Composed;
use crate::error::Error;

/// The JSON document: the letter, then its signers.
#[derive(Serialize)]
struct Document<'a> {
    letter: &'a str,
    title: &'a str,
    date: String,
    draft: bool,
    signers: &'a [SignerRow],
}

/// CSV with a header row, quoted where a field needs it (`Frank Pallone,
/// Jr.`, `Jesús G. "Chuy" García`), UTF-8, `\n` line ends. Empty fields for
/// what the roster lacks (a Senator's district, a staffer). A cell a spreadsheet would
/// run as a formula is [`neutral`].
pub fn csv(rows: &[SignerRow]) -> Result<String, Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let failed = |e: &dyn std::fmt::Display| Error::message(format!("failed to write CSV: {e}"));
    writer.write_record(HEADER).map_err(|e| failed(&e))?;
    for row in rows {
        let cells = cells(row);
        let shown = cells.iter().map(|c| neutral(c));
        writer
            .write_record(shown.collect::<Vec<_>>().iter().map(|c| c.as_bytes()))
            .map_err(|e| failed(&e))?;
    }
    let bytes = writer.into_inner().map_err(|e| failed(&e))?;
    String::from_utf8(bytes).map_err(|e| failed(&e))
}

/// A row's cells, in [`HEADER`] order.
fn cells(row: &SignerRow) -> [String; 11] {
    [
        row.id.clone(),
        row.name.clone(),
        row.chamber.to_string(),
        row.party.clone().unwrap_or_default(),
        row.state.clone().unwrap_or_default(),
        row.district.map(|d| d.to_string()).unwrap_or_default(),
        row.standing.to_string(),
        row.signed_at.clone(),
        row.lead.to_string(),
        row.staffer.clone().unwrap_or_default(),
        row.email.clone().unwrap_or_default(),
    ]
}

/// A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return,
/// with a `'` put before it (OWASP's advice on CSV injection): a spreadsheet
/// opening the list shows such a name as text and never runs it as a formula
/// (`=HYPERLINK(…)` in a roster name would otherwise be a live link).
pub fn neutral(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The CSV columns, in `SignerRow` field order.
const HEADER: [&str; 11] = [
    "id",
    "name",
    "chamber",
    "party",
    "state",
    "district",
    "standing",
    "signed_at",
    "lead",
    "staffer",
    "email",
];

/// JSON: `{ letter, title, date, draft, signers: [...] }`, pretty-printed,
/// `null` for what the roster lacks.
pub fn json(composed: &Composed, rows: &[SignerRow]) -> Result<String, Error> {
    let doc = Document {
        letter: &composed.id,
        title: &composed.title,
        date: composed.date.to_string(),
        draft: composed.draft,
        signers: rows,
    };
    let mut text = serde_json::to_string_pretty(&doc)
        .map_err(|e| Error::message(format!("failed to write JSON: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// One "Rep. Name (P-ST)" a line.
pub fn txt(rows: &[SignerRow]) -> String {
    rows.iter().map(|r| format!("{}\n", r.press_name)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, name: &str) -> SignerRow {
        SignerRow {
            id: id.into(),
            name: name.into(),
            chamber: "senate",
            party: Some("D".into()),
            state: Some("CA".into()),
            district: None,
            standing: "signed",
            signed_at: "2025-02-03T10:12:00-05:00".into(),
            lead: false,
            staffer: None,
            email: None,
            role: None,
            press_name: format!("Sen. {name} (D-CA)"),
        }
    }

    #[test]
    fn csv_quotes_commas_and_quotes_and_leaves_gaps_empty() {
        let out = csv(&[row("a", "Frank Pallone, Jr."), row("b", "Jesús \"Chuy\"")]).unwrap();
        assert_eq!(
            out,
            "id,name,chamber,party,state,district,standing,signed_at,lead,staffer,email\n\
             a,\"Frank Pallone, Jr.\",senate,D,CA,,signed,2025-02-03T10:12:00-05:00,false,,\n\
             b,\"Jesús \"\"Chuy\"\"\",senate,D,CA,,signed,2025-02-03T10:12:00-05:00,false,,\n"
        );
    }

    #[test]
    fn a_formula_cell_is_shown_as_text() {
        let out = csv(&[row("a", "=HYPERLINK(\"http://x\",\"x\")")]).unwrap();
        assert!(
            out.contains("a,\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\",senate"),
            "{out}"
        );
        for lead in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutral(lead), format!("'{lead}"));
        }
        assert_eq!(neutral("Brad Sherman"), "Brad Sherman");
    }

    #[test]
    fn an_empty_list_still_has_its_header() {
        assert_eq!(
            csv(&[]).unwrap(),
            "id,name,chamber,party,state,district,standing,signed_at,lead,staffer,email\n"
        );
    }
}

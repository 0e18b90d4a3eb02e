//! `signon signers`: the roster as a table (or JSON), filtered by party,
//! state and chamber, sorted by name as a reader expects.

use std::sync::Arc;

use serde::Serialize;

use crate::diag::Source;

use crate::cli::SignersArgs;
use crate::load::Workspace;
use crate::model::Signer;
use crate::roster::{Filter, select};
use crate::{Context, Error, validate};

/// One signer in `--json` output; the keys of `signers.toml`, defaults filled in.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    sort_as: &'a str,
    chamber: &'static str,
    title: &'a str,
    party: Option<&'a str>,
    state: Option<&'a str>,
    district: Option<u32>,
    bioguide: Option<&'a str>,
    role: Option<&'a str>,
    office: Option<&'a str>,
    staffer: Option<&'a str>,
    email: Option<&'a str>,
}

/// Prints the signers that pass the filter. A roster with errors is
/// reported, not listed: a list of half the roster would mislead.
pub(crate) fn signers(
    ws: &Workspace,
    args: &SignersArgs,
    cx: &mut Context<'_>,
) -> Result<(), Error> {
    let checked = validate::workspace(ws, &[])?;
    let roster_errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && same_file(d.source.as_ref(), checked.signers_source.as_ref()))
        .cloned()
        .collect();
    if !roster_errors.is_empty() {
        return Err(Error::Invalid(roster_errors));
    }
    let filter = Filter::from(&args.filter);
    crate::roster::filter::check(&checked.roster, &filter)?;
    let picked = select(&checked.roster, &filter);
    let text = if args.json {
        let rows: Vec<Row<'_>> = picked.iter().map(|s| row(s)).collect();
        let mut json = serde_json::to_string_pretty(&rows).expect("plain data serializes");
        json.push('\n');
        json
    } else {
        table(&picked)
    };
    super::write_out(cx, &text)
}

fn same_file(a: Option<&Arc<Source>>, b: Option<&Arc<Source>>) -> bool {
    a.zip(b).is_some_and(|(a, b)| Arc::ptr_eq(a, b))
}

fn row(s: &Signer) -> Row<'_> {
    Row {
        id: &s.id.0,
        name: &s.name,
        sort_as: &s.sort_as,
        chamber: s.chamber.as_str(),
        title: &s.title,
        party: s.party.as_deref(),
        state: s.state.as_deref(),
        district: s.district,
        bioguide: s.bioguide.as_deref(),
        role: s.role.as_deref(),
        office: s.office.as_deref(),
        staffer: s.staffer.as_deref(),
        email: s.email.as_deref(),
    }
}

/// Aligned columns, laid out as every table is ([`crate::grid`]).
fn table(list: &[&Signer]) -> String {
    use crate::grid::cell;
    let header = ["ID", "NAME", "SEAT", "CHAMBER"].map(cell).into();
    let rows: Vec<Vec<_>> = std::iter::once(header)
        .chain(list.iter().map(|s| {
            vec![
                cell(s.id.0.as_str()),
                cell(s.name.as_str()),
                cell(s.seat()),
                cell(s.chamber.as_str()),
            ]
        }))
        .collect();
    crate::grid::grid(&rows, "")
}

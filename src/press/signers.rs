//! The signer list of a letter: who signed the current text, in the order
//! the letter prints them (leads first, then the others in the letter's
//! `order`, as [`compose`](crate::compose) settled it), with what partner
//! organizations and the press need to know about each.

use serde::Serialize;

use crate::compose::Composed;
use crate::model::{Roster, Signer, SignerId, SignerState};

/// One signer of the current text: a row of `signon export`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignerRow {
    /// The roster id.
    pub id: String,
    /// The name exactly as in the roster.
    pub name: String,
    /// "house" or "senate".
    pub chamber: &'static str,
    /// Party letter.
    pub party: Option<String>,
    /// Two-letter state code.
    pub state: Option<String>,
    /// House district (0 for at-large).
    pub district: Option<u32>,
    /// Always "signed": nobody else is listed.
    pub standing: &'static str,
    /// When they signed, RFC 3339.
    pub signed_at: String,
    /// A lead of the letter.
    pub lead: bool,
    /// The staffer to contact (the roster's `staffer`).
    pub staffer: Option<String>,
    /// The staffer's e-mail (the roster's `email`).
    pub email: Option<String>,
    /// The role printed under a lead's name (not exported: the press
    /// release's lead paragraph names it).
    #[serde(skip)]
    pub role: Option<String>,
    /// "Rep. Brad Sherman (D-CA)" (not exported as a column: it is the `txt` format).
    #[serde(skip)]
    pub press_name: String,
}

/// Everyone who signed the current text, in print order. Stale, withdrawn,
/// declined and unanswered signers are left out, and so are the marked
/// gaps a draft keeps for leads who have not signed.
pub fn signed(composed: &Composed, roster: &Roster, states: &[SignerState]) -> Vec<SignerRow> {
    composed
        .signatures
        .iter()
        .filter(|block| !block.missing && !block.stale)
        .filter_map(|block| {
            let id = SignerId(block.id.clone());
            let state = states.iter().find(|s| s.id == id)?;
            let signer = roster.get(&id)?;
            let signed = state.standing.signed_current();
            signed.then(|| SignerRow {
                id: block.id.clone(),
                name: signer.name.clone(),
                chamber: signer.chamber.as_str(),
                party: signer.party.clone(),
                state: signer.state.clone(),
                district: signer.district,
                standing: state.standing.as_str(),
                signed_at: state.at.map(crate::ledger::rules::show).unwrap_or_default(),
                lead: block.lead,
                staffer: signer.staffer.clone(),
                email: signer.email.clone(),
                role: block.role.clone(),
                press_name: press_name(signer),
            })
        })
        .collect()
}

/// A signer as the press names them: "Rep. Brad Sherman (D-CA)",
/// "Sen. Alex Padilla (D-CA)"; what the roster lacks is left out. The name
/// is typeset as the letter prints it (“Chuy”).
pub fn press_name(signer: &Signer) -> String {
    let name = crate::compose::smarten(&signer.name);
    let prefix = match signer.chamber {
        crate::model::Chamber::House => "Rep.",
        crate::model::Chamber::Senate => "Sen.",
    };
    let affiliation = signer.party_state();
    if affiliation.is_empty() {
        format!("{prefix} {name}")
    } else {
        format!("{prefix} {name} ({affiliation})")
    }
}

//! The signature blocks of a composed letter, in print order: the leads in
//! `leads` order, then everyone else who signed, in the letter's `order`.

use std::cmp::Ordering;

use super::{SignatureBlock, SignatureMark};
use crate::model::{Letter, Order, Roster, SignatureMode, Signer, SignerState, Standing};

/// Every block to print. Signed (and, in drafts, stale) signers only; in a
/// draft a lead who has not signed still gets a block, marked `missing`.
pub(crate) fn blocks(
    letter: &Letter,
    roster: &Roster,
    states: &[SignerState],
    draft: bool,
) -> Vec<SignatureBlock> {
    let mut out: Vec<SignatureBlock> = letter
        .leads
        .iter()
        .filter_map(|lead| {
            let standing = states
                .iter()
                .find(|s| s.id == lead.id)
                .map_or(Standing::NoAnswer, |s| s.standing);
            let signer = roster.get(&lead.id)?;
            let missing = !signed(standing);
            if missing && !draft {
                return None;
            }
            let mut block = block(signer, standing, true, letter.signatures);
            block.role = lead.role.as_deref().map(super::typography::smarten);
            block.missing = missing;
            Some(block)
        })
        .collect();
    let mut others: Vec<(&SignerState, &Signer)> = states
        .iter()
        .filter(|s| !s.lead && signed(s.standing))
        .filter_map(|s| roster.get(&s.id).map(|signer| (s, signer)))
        .collect();
    sort_others(&mut others, letter);
    out.extend(
        others
            .iter()
            .map(|(s, signer)| block(signer, s.standing, false, letter.signatures)),
    );
    out
}

/// Whether a standing puts a name under the letter: signed, or signed an
/// earlier text (stale; only a draft can get this far with one).
fn signed(standing: Standing) -> bool {
    standing.has_signature()
}

fn block(signer: &Signer, standing: Standing, lead: bool, mode: SignatureMode) -> SignatureBlock {
    SignatureBlock {
        mark: mark(signer, standing, mode),
        id: signer.id.to_string(),
        name: super::typography::smarten(&signer.name),
        title: super::typography::smarten(&signer.title),
        role: None,
        lead,
        stale: standing == Standing::Stale,
        missing: false,
    }
}

/// The signing space's content: an image or "/s/ Name" only for a signer
/// of the current text; a stale or unsigned signer keeps blank space, even
/// in a draft, and so does a signer without an image.
fn mark(signer: &Signer, standing: Standing, mode: SignatureMode) -> SignatureMark {
    if !standing.signed_current() {
        return SignatureMark::Blank;
    }
    match (mode, &signer.signature) {
        (SignatureMode::Images, Some(image)) => SignatureMark::Image(image.clone()),
        (SignatureMode::Conformed, _) => {
            SignatureMark::Conformed(format!("/s/ {}", super::typography::smarten(&signer.name)))
        }
        _ => SignatureMark::Blank,
    }
}

/// Orders the non-lead signers as the letter asks.
fn sort_others(others: &mut [(&SignerState, &Signer)], letter: &Letter) {
    match letter.order {
        Order::Alphabetical => {
            // The same order as every other list of names (Velázquez
            // between Valadao and Waters, where a reader looks for her).
            others.sort_by(|(_, a), (_, b)| crate::names::compare_names(a, b));
        }
        Order::Signed => others.sort_by(|(a, _), (b, _)| by_time(a, b)),
        Order::Listed => {
            let rank = |s: &SignerState| letter.invited.iter().position(|id| *id == s.id);
            others.sort_by(|(a, _), (b, _)| match (rank(a), rank(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => by_time(a, b),
            });
        }
    }
}

/// By the time of the signature; the sort is stable, so equal times keep
/// the ledger's order.
fn by_time(a: &SignerState, b: &SignerState) -> Ordering {
    a.at.cmp(&b.at)
}

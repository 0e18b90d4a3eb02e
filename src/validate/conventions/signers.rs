//! The conventions about who signs: a letterhead that does not match an
//! all-Senate or all-House signature list, one person listed under two ids,
//! and a signer whose roster title is explicitly empty. (One signature of
//! the other chamber is told at the signature: `validate::chambers`.)

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use crate::diag::{Diagnostic, Source};
use crate::load::raw;
use crate::model::{Chamber, Roster, Signer, SignerId};
use crate::names::match_key;
use crate::validate::chambers::{chamber_name, member};

/// The roster with every signer's name folded for matching ([`match_key`]),
/// built once per run: each letter lists hundreds of the same people, and
/// folding their names again for every letter was most of `check`'s time.
pub(in crate::validate) struct People<'r> {
    roster: &'r Roster,
    /// `match_key` of each of `roster.signers`, by index.
    keys: Vec<String>,
}

impl<'r> People<'r> {
    pub(in crate::validate) fn new(roster: &'r Roster) -> People<'r> {
        let keys = roster.signers.iter().map(|s| match_key(&s.name)).collect();
        People { roster, keys }
    }
}

/// Adds a warning for each signer convention the letter breaks.
pub(super) fn check(
    src: &Arc<Source>,
    file: &raw::LetterFile,
    people: &People<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    let signers = known(people, &signatory_ids(file));
    letterhead(src, file, &signers, diags);
    same_person(src, &signers, diags);
    empty_titles(src, &signers, diags);
}

/// Leads then invited, each id with its span in the letter.
fn signatory_ids(file: &raw::LetterFile) -> Vec<Spanned<String>> {
    let Some(s) = file.signatories.as_ref().map(Spanned::get_ref) else {
        return Vec::new();
    };
    let leads = s.leads.get_ref().iter().map(raw::Lead::id_at);
    leads.chain(s.invited.iter().cloned()).collect()
}

/// A signatory the roster knows: where the letter lists it, the signer,
/// and the signer's name folded for matching.
type Known<'r> = (Range<usize>, &'r Signer, &'r str);

/// The ids the roster knows, with their signer (unknown ids are errors elsewhere).
fn known<'r>(people: &'r People<'_>, ids: &[Spanned<String>]) -> Vec<Known<'r>> {
    let (roster, keys) = (people.roster, &people.keys);
    ids.iter()
        .filter_map(|id| {
            let &i = roster.by_id.get(&SignerId(id.get_ref().clone()))?;
            Some((id.span(), roster.signers.get(i)?, keys.get(i)?.as_str()))
        })
        .collect()
}

fn letterhead(
    src: &Arc<Source>,
    file: &raw::LetterFile,
    signers: &[Known<'_>],
    diags: &mut Vec<Diagnostic>,
) {
    let Some(meta) = file.letter.as_ref().map(Spanned::get_ref) else {
        return;
    };
    let preset = match meta.letterhead.as_ref().map(Spanned::get_ref) {
        None => "house",
        Some(raw::Letterhead::Preset(p)) => p.as_str(),
        Some(raw::Letterhead::Custom(_)) => return,
    };
    let (letterhead, other) = match preset {
        "house" => (Chamber::House, Chamber::Senate),
        "senate" => (Chamber::Senate, Chamber::House),
        _ => return,
    };
    let who = member(other);
    if signers.is_empty() || signers.iter().any(|(_, s, _)| s.chamber != other) {
        return;
    }
    let (span, label) = letterhead_at(file, meta, letterhead);
    diags.push(
        Diagnostic::warning(
            src,
            span,
            format!(
                "every signer is {who}, but the letterhead is the {}'s",
                chamber_name(letterhead)
            ),
        )
        .with_label(label)
        .with_hint(format!("set `letterhead = \"{}\"`", other.as_str())),
    );
}

/// Where to point at the letterhead, and what to say there: the
/// `letterhead` key, or the leads when the key is left to its default.
fn letterhead_at(
    file: &raw::LetterFile,
    meta: &raw::LetterMeta,
    letterhead: Chamber,
) -> (std::ops::Range<usize>, String) {
    match &meta.letterhead {
        Some(l) => (
            l.span(),
            format!("the `{}` letterhead", letterhead.as_str()),
        ),
        None => (
            file.signatories
                .as_ref()
                .map_or(0..0, |s| s.get_ref().leads.span()),
            "no `letterhead`: it defaults to `house`".to_string(),
        ),
    }
}

/// Two ids for one person: the same bioguide, or (when one has none) the
/// same name (`keys`, their [`match_key`]s) in the same chamber and state.
fn same(a: &Signer, b: &Signer, keys: [&str; 2]) -> Option<String> {
    match (&a.bioguide, &b.bioguide) {
        (Some(x), Some(y)) => (x == y).then(|| format!("both have bioguide `{x}`")),
        _ => (keys[0] == keys[1]
            && a.chamber == b.chamber
            && (a.state.is_none() || b.state.is_none() || a.state == b.state))
            .then(|| format!("both are {}", a.name)),
    }
}

/// Warns at each signer who is the same person as an earlier one (the first
/// such). Earlier signers are found by bioguide or by folded name: a letter
/// may list most of Congress, and comparing every pair took seconds for a
/// season's letters.
fn same_person(src: &Arc<Source>, signers: &[Known<'_>], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, &(ref span, later, key)) in signers.iter().enumerate() {
        // Every earlier match shares the bioguide or the name key; one index
        // holds both, as a stray hit is only a candidate that `same` judges.
        let bioguide = later.bioguide.as_deref().and_then(|b| seen.get(b));
        let earlier = bioguide
            .into_iter()
            .chain(seen.get(key))
            .flatten()
            .map(|&j| (j, &signers[j]))
            .filter(|(_, e)| e.1.id != later.id)
            .filter_map(|(j, e)| Some((j, same(e.1, later, [e.2, key])?)))
            .min_by_key(|(j, _)| *j);
        if let Some((j, why)) = earlier {
            diags.push(
                Diagnostic::warning(
                    src,
                    span.clone(),
                    format!(
                        "`{}` and `{}` are the same person",
                        later.id, signers[j].1.id
                    ),
                )
                .with_label(why)
                .with_hint("keep one of them, or the signature prints twice"),
            );
        }
        seen.entry(key).or_default().push(i);
        if let Some(b) = &later.bioguide {
            seen.entry(b).or_default().push(i);
        }
    }
}

fn empty_titles(src: &Arc<Source>, signers: &[Known<'_>], diags: &mut Vec<Diagnostic>) {
    for (span, s, _) in signers.iter().filter(|(_, s, _)| s.title.trim().is_empty()) {
        diags.push(
            Diagnostic::warning(
                src,
                span.clone(),
                format!("`{}` has an empty `title` in signers.toml", s.id),
            )
            .with_label("no title would print under the name")
            .with_hint(format!(
                "remove `title = \"\"` to print \"{}\", or write the title",
                s.chamber.default_title()
            )),
        );
    }
}

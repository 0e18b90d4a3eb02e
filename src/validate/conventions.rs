//! Letter conventions: the slips a chief of staff circles in red, reported
//! as warnings at their place in the letter. Input: a parsed letter file and
//! the roster; output: diagnostics only, the letter itself is not changed.
//!
//! - a salutation that ends in neither `:` nor `,`;
//! - `D.C.` and `DC` both used in one letter;
//! - a body over 500 words, the Dear Colleague norm (words of body
//!   paragraphs, quotes and asks; pages are only known after layout);
//! - a House letterhead over an all-Senate signature list, or the reverse;
//! - one person listed twice under two ids;
//! - a signer whose roster title is explicitly empty.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use crate::diag::{Diagnostic, Source};
use crate::load::raw;
use crate::model::{Chamber, Roster, Signer, SignerId};
use crate::roster::names::match_key;

/// Words a Dear Colleague letter should keep to (about two pages).
const MAX_WORDS: usize = 500;

/// The roster with every signer's name folded for matching ([`match_key`]),
/// built once per run: each letter lists hundreds of the same people, and
/// folding their names again for every letter was most of `check`'s time.
pub(super) struct People<'r> {
    roster: &'r Roster,
    /// `match_key` of each of `roster.signers`, by index.
    keys: Vec<String>,
}

impl<'r> People<'r> {
    pub(super) fn new(roster: &'r Roster) -> People<'r> {
        let keys = roster.signers.iter().map(|s| match_key(&s.name)).collect();
        People { roster, keys }
    }
}

/// Adds a warning for each convention the letter breaks.
pub(super) fn check(
    src: &Arc<Source>,
    file: &raw::LetterFile,
    people: Option<&People<'_>>,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(meta) = &file.letter {
        salutation(src, &meta.get_ref().salutation, diags);
    }
    dc_styles(src, file, diags);
    length(src, file, diags);
    if let Some(people) = people {
        let signers = known(people, &signatory_ids(file));
        letterhead(src, file, &signers, diags);
        same_person(src, &signers, diags);
        empty_titles(src, &signers, diags);
    }
}

fn salutation(src: &Arc<Source>, value: &Spanned<String>, diags: &mut Vec<Diagnostic>) {
    let text = value.get_ref().trim();
    if text.is_empty() || text.ends_with([':', ',']) {
        return;
    }
    let ends = text.trim_end_matches(|c: char| c.is_ascii_punctuation());
    diags.push(
        Diagnostic::warning(
            src,
            value.span(),
            "the salutation ends in neither a colon nor a comma",
        )
        .with_label("a letter's salutation ends in `:` (formal) or `,`")
        .with_hint(format!("write `{ends}:`")),
    );
}

/// Every text of the letter that is printed, with its span in the file.
fn printed_texts(file: &raw::LetterFile) -> Vec<Range<usize>> {
    // A part that failed to load has its own error; its texts are skipped.
    let Some(meta) = file.letter.as_ref().map(Spanned::get_ref) else {
        return Vec::new();
    };
    let mut spans = vec![meta.title.span(), meta.salutation.span()];
    spans.extend(meta.subject.as_ref().map(Spanned::span));
    spans.extend(meta.letterhead.as_ref().map(Spanned::span));
    for r in &file.recipient {
        let r = r.get_ref();
        spans.push(r.name.span());
        spans.extend(r.title.as_ref().map(Spanned::span));
        spans.extend(r.address.get_ref().iter().map(Spanned::span));
    }
    for s in &file.section {
        let s = s.get_ref();
        spans.extend(s.heading.as_ref().map(Spanned::span));
        spans.extend(body_spans(s));
        spans.extend(
            s.quotes
                .iter()
                .filter_map(|q| q.get_ref().source.as_ref().map(Spanned::span)),
        );
    }
    if let Some(c) = &file.closing {
        spans.extend(c.text.as_ref().map(Spanned::span));
        spans.extend(c.cc.iter().chain(&c.enclosures).map(Spanned::span));
    }
    spans
}

/// The spans whose words count towards the length: body, quotes, asks.
fn body_spans(s: &raw::Section) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = s.body.iter().map(Spanned::span).collect();
    spans.extend(s.quotes.iter().map(|q| q.get_ref().text.span()));
    spans.extend(s.asks.iter().map(Spanned::span));
    spans
}

/// `DC` as a word, or `D.C.`, found in the file's text of `span`.
fn find_dc(text: &str, span: &Range<usize>, dotted: bool) -> Option<Range<usize>> {
    let slice = text.get(span.clone())?;
    let needle = if dotted { "D.C." } else { "DC" };
    slice.match_indices(needle).find_map(|(i, _)| {
        let before = slice[..i].chars().next_back();
        let after = slice[i + needle.len()..].chars().next();
        let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        (bounded(before) && (dotted || bounded(after)))
            .then(|| span.start + i..span.start + i + needle.len())
    })
}

fn dc_styles(src: &Arc<Source>, file: &raw::LetterFile, diags: &mut Vec<Diagnostic>) {
    let spans = printed_texts(file);
    let first = |dotted| {
        spans
            .iter()
            .filter_map(|s| find_dc(&src.text, s, dotted))
            .min_by_key(|r| r.start)
    };
    let (Some(plain), Some(dotted)) = (first(false), first(true)) else {
        return;
    };
    let (earlier, later) = if plain.start < dotted.start {
        (plain, dotted)
    } else {
        (dotted, plain)
    };
    let (line, _) = src.line_col(earlier.start);
    let (was, is) = (&src.text[earlier], &src.text[later.clone()]);
    diags.push(
        Diagnostic::warning(
            src,
            later,
            format!("`{is}` here, but `{was}` on line {line}"),
        )
        .with_label("one letter, one style")
        .with_hint("use `DC` (postal style) or `D.C.` throughout"),
    );
}

fn length(src: &Arc<Source>, file: &raw::LetterFile, diags: &mut Vec<Diagnostic>) {
    let mut words = file
        .section
        .iter()
        .flat_map(|s| body_spans(s.get_ref()))
        .flat_map(|span| words_in(&src.text, span));
    let Some(over) = words.nth(MAX_WORDS) else {
        return;
    };
    let total = MAX_WORDS + 1 + words.count();
    diags.push(
        Diagnostic::warning(
            src,
            over,
            format!("the letter runs to {total} words, over the {MAX_WORDS} of a Dear Colleague letter"),
        )
        .with_label(format!("word {}", MAX_WORDS + 1))
        .with_hint("counted: body paragraphs, quotes and asks; whether it fits two pages shows only after layout"),
    );
}

/// The words of a value's text in the file, each as its byte range: runs
/// without white space that hold a letter or a digit (so `--` and the TOML
/// quotes are not words), trimmed of surrounding quote marks.
fn words_in(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let slice = text.get(span.clone()).unwrap_or_default();
    let mut out = Vec::new();
    let mut pos = 0;
    for token in slice.split_ascii_whitespace() {
        let at = pos + slice[pos..].find(token).unwrap_or(0);
        pos = at + token.len();
        let inner = token.trim_matches(['"', '\'']);
        if inner.chars().any(char::is_alphanumeric) {
            let start = span.start + at + token.find(inner).unwrap_or(0);
            out.push(start..start + inner.len());
        }
    }
    out
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
    let (letterhead, other, who) = match preset {
        "house" => (Chamber::House, Chamber::Senate, "a Senator"),
        "senate" => (Chamber::Senate, Chamber::House, "a Representative"),
        _ => return,
    };
    if signers.is_empty() || signers.iter().any(|(_, s, _)| s.chamber != other) {
        return;
    }
    let (span, label) = match &meta.letterhead {
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
    };
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

fn chamber_name(c: Chamber) -> &'static str {
    match c {
        Chamber::House => "House",
        Chamber::Senate => "Senate",
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

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
//! - a signer whose roster title is explicitly empty;
//! - a paragraph, quote or ask that repeats an earlier one word for word.

use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use crate::diag::{Diagnostic, Source};
use crate::load::raw;

/// Words a Dear Colleague letter should keep to (about two pages).
const MAX_WORDS: usize = 500;

mod repeats;
mod signers;

pub(super) use signers::People;

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
    repeats::check(src, file, diags);
    if let Some(people) = people {
        signers::check(src, file, people, diags);
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
    // Every token and its trimmed core are sub-slices of `slice`: where they
    // start is where their bytes are, no search needed.
    let offset = |part: &str| part.as_ptr().addr() - slice.as_ptr().addr();
    slice
        .split_ascii_whitespace()
        .map(|token| token.trim_matches(['"', '\'']))
        .filter(|inner| inner.chars().any(char::is_alphanumeric))
        .map(|inner| {
            let start = span.start + offset(inner);
            start..start + inner.len()
        })
        .collect()
}

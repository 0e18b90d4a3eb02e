//! Validates the roster of `signers.toml`, with its defaults filled in, and
//! the text checks every field of every file goes through.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use super::text;
use crate::diag::{Diagnostic, Source};
use crate::load::raw;
use crate::model::{Chamber, Roster, Signer, SignerId};

/// Builds the roster, reporting duplicate `bioguide` ids and bad chambers.
pub(super) fn roster(
    src: &Arc<Source>,
    file: &raw::SignersFile,
    diags: &mut Vec<Diagnostic>,
) -> Roster {
    let mut out = Roster::default();
    let mut bioguides: HashMap<&str, &Spanned<String>> = HashMap::new();
    for (id, entry) in &file.signers {
        let s = entry.get_ref();
        if let Some(b) = &s.bioguide
            && let Some(first) = bioguides.insert(b.get_ref(), b)
        {
            {
                let (line, _) = src.line_col(first.span().start);
                diags.push(
                    Diagnostic::error(
                        src,
                        b.span(),
                        format!("duplicate bioguide `{}`", b.get_ref()),
                    )
                    .with_label(format!("also used on line {line}")),
                );
            }
        }
        text_field(src, &s.name, diags);
        let Some(chamber) = chamber(src, &s.chamber, diags) else {
            continue;
        };
        let signer = build(id.get_ref(), s, chamber);
        out.push(signer);
    }
    out
}

fn chamber(src: &Arc<Source>, c: &Spanned<String>, diags: &mut Vec<Diagnostic>) -> Option<Chamber> {
    match c.get_ref().as_str() {
        "house" => Some(Chamber::House),
        "senate" => Some(Chamber::Senate),
        other => {
            diags.push(
                Diagnostic::error(src, c.span(), format!("unknown chamber `{other}`"))
                    .with_label("expected `house` or `senate`")
                    .with_suggestion(other, ["house", "senate"]),
            );
            None
        }
    }
}

fn build(id: &str, s: &raw::Signer, chamber: Chamber) -> Signer {
    let name = s.name.get_ref().clone();
    Signer {
        id: SignerId(id.to_string()),
        sort_as: s
            .sort_as
            .clone()
            .unwrap_or_else(|| text::default_sort_key(&name)),
        name,
        chamber,
        title: s
            .title
            .clone()
            .unwrap_or_else(|| chamber.default_title().to_string()),
        party: s.party.clone(),
        state: s.state.as_ref().map(|s| s.get_ref().clone()),
        district: s.district,
        bioguide: s.bioguide.as_ref().map(|b| b.get_ref().clone()),
        role: s.role.clone(),
        office: s.office.clone(),
        staffer: s.staffer.clone(),
        email: s.email.clone(),
        signature: None,
    }
}

/// Checks that a required text is not empty, then that it is printable.
pub(super) fn text_field(src: &Arc<Source>, value: &Spanned<String>, diags: &mut Vec<Diagnostic>) {
    if value.get_ref().trim().is_empty() {
        diags.push(
            Diagnostic::error(src, value.span(), "empty text").with_label("write something here"),
        );
    } else {
        printable(src, value, diags);
    }
}

/// Checks that a text holds no control character, no `<<placeholder>>`, and
/// no character that no shipped font can print: the PDF must never show a
/// blank box or a substitute, so such a character is an error here, with its
/// place, before anything is rendered.
pub(super) fn printable(src: &Arc<Source>, value: &Spanned<String>, diags: &mut Vec<Diagnostic>) {
    let (text, span) = (value.get_ref(), value.span());
    if let Some((_, c)) = text::bad_char(text) {
        let what = if text::is_bidi_control(c) {
            "right-to-left control mark"
        } else {
            "control character"
        };
        let at = narrow(src, span, c.encode_utf8(&mut [0; 4]));
        diags.push(
            Diagnostic::error(src, at, format!("{what} U+{:04X} in text", c as u32))
                .with_hint("remove it: letters hold printable text only"),
        );
    } else if let Some(p) = text::placeholder(text) {
        diags.push(
            Diagnostic::error(
                src,
                narrow(src, span, p),
                format!("placeholder `{p}` is not filled in"),
            )
            .with_label("replace it with the real text"),
        );
    } else if let Some(c) = text.chars().find(|&c| !crate::render::pdf::covers(c)) {
        let at = narrow(src, span, c.encode_utf8(&mut [0; 4]));
        diags.push(
            Diagnostic::error(src, at, format!("no shipped font has U+{:04X} `{c}`", c as u32))
                .with_label("this text cannot be printed")
                .with_hint("signon prints Latin, Greek, Cyrillic and Armenian text; replace or remove the character"),
        );
    }
}

/// The place of `needle` within a value's span, when it is written there
/// literally (not as an escape sequence); else the whole value.
fn narrow(src: &Source, span: Range<usize>, needle: &str) -> Range<usize> {
    src.text
        .get(span.clone())
        .and_then(|raw| raw.find(needle))
        .map_or(span.clone(), |i| {
            span.start + i..span.start + i + needle.len()
        })
}

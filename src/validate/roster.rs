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
        one_line_fields(src, id, s, diags);
        text_field(src, &s.name, diags);
        let Some(chamber) = chamber(src, &s.chamber, diags) else {
            continue;
        };
        let signer = build(id.get_ref(), s, chamber);
        out.push(signer);
    }
    out
}

/// Every text of a roster entry, its id included, is one line of printable
/// text: a control character is an error at its place (at the value, when
/// written as an escape such as `\u001b`).
fn one_line_fields(
    src: &Arc<Source>,
    id: &Spanned<String>,
    s: &raw::Signer,
    diags: &mut Vec<Diagnostic>,
) {
    let optional = [
        ("sort_as", &s.sort_as),
        ("title", &s.title),
        ("party", &s.party),
        ("state", &s.state),
        ("bioguide", &s.bioguide),
        ("role", &s.role),
        ("office", &s.office),
        ("staffer", &s.staffer),
        ("email", &s.email),
    ];
    let given = optional
        .into_iter()
        .filter_map(|(key, v)| v.as_ref().map(|v| (key, v)));
    for (key, value) in [("id", id), ("name", &s.name)].into_iter().chain(given) {
        if let Some((_, c)) = text::control_char(value.get_ref()) {
            let at = narrow(src, value.span(), c.encode_utf8(&mut [0; 4]));
            diags.push(
                Diagnostic::error(
                    src,
                    at,
                    format!("control character `{}` in `{key}`", c.escape_unicode()),
                )
                .with_hint("remove it: a roster field is one line of printable text"),
            );
        }
    }
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
    let owned = |v: &Option<Spanned<String>>| v.as_ref().map(|v| v.get_ref().clone());
    Signer {
        id: SignerId(id.to_string()),
        sort_as: owned(&s.sort_as).unwrap_or_else(|| crate::names::default_sort_key(&name)),
        name,
        chamber,
        title: owned(&s.title).unwrap_or_else(|| chamber.default_title().to_string()),
        party: owned(&s.party),
        state: owned(&s.state),
        district: s.district,
        bioguide: owned(&s.bioguide),
        role: owned(&s.role),
        office: owned(&s.office),
        staffer: owned(&s.staffer),
        email: owned(&s.email),
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
    // Printable ASCII (most text) holds no control character and nothing
    // the fonts lack: it is scanned once, a vector at a time, and not looked
    // at a character at a time.
    let plain = text::printable_ascii(text, true);
    if !plain && let Some((_, c)) = text::bad_char(text) {
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
    } else if text::placeholders(text).next().is_some() {
        // Each one at its own place: the search goes on after the last found.
        let mut from = span.start;
        for (_, p) in text::placeholders(text) {
            let at = narrow(src, from..span.end, p);
            from = at.end.min(span.end);
            diags.push(
                Diagnostic::error(src, at, format!("placeholder `{p}` is not filled in"))
                    .with_label("replace it with the real text"),
            );
        }
    } else if !plain
        && let Some(c) = text
            .chars()
            .find(|&c| !crate::fonts::covers(c) || text::needs_shaping(c).is_some())
    {
        let at = narrow(src, span, c.encode_utf8(&mut [0; 4]));
        diags.push(unprintable(src, at, c));
    }
}

/// The error for a character the PDF cannot print: a script it cannot shape
/// (named, with why), or one no shipped font has.
fn unprintable(src: &Arc<Source>, at: Range<usize>, c: char) -> Diagnostic {
    const PRINTS: &str = "signon prints Latin, Greek, Cyrillic, Armenian and Hebrew text";
    let code = c as u32;
    match text::needs_shaping(c) {
        Some(script) => Diagnostic::error(
            src,
            at,
            format!(
                "{script} cannot be printed: U+{code:04X} `{c}` needs shaping the PDF does not do"
            ),
        )
        .with_label("its letters would be drawn unjoined or misplaced")
        .with_hint(format!(
            "{PRINTS} (Hebrew without points); replace or remove this text"
        )),
        None => Diagnostic::error(src, at, format!("no shipped font has U+{code:04X} `{c}`"))
            .with_label("this text cannot be printed")
            .with_hint(format!("{PRINTS}; replace or remove the character")),
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

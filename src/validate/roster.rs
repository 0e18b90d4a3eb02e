//! Validates `signers.toml`: the roster with its defaults filled in, and the
//! `[[signoff]]` ledger checked against the roster and the letters.

use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use toml::Spanned;

use super::text;
use crate::diag::{Diagnostic, Source};
use crate::load::raw;
use crate::model::{Chamber, Roster, SignOff, Signer, SignerId, Status};

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

/// When `signers.toml` fails to parse only because its last event is torn:
/// the file up to that event, and the diagnostic for the torn event.
pub(super) fn recover_torn(src: &Arc<Source>) -> Option<(raw::SignersFile, Diagnostic)> {
    let torn = crate::ledger::torn_tail(&src.text)?;
    let prefix = Source::new(
        std::path::Path::new(&src.name),
        src.text[..torn.offset].to_string(),
    );
    let (file, problems) = <raw::SignersFile as crate::load::FileKind>::parse(&prefix);
    if !problems.is_empty() {
        return None;
    }
    Some((file, torn.diagnostic(src)))
}

/// Checks every `[[signoff]]` event and returns the valid ones, in file order.
/// The events are taken by value: their strings move into the model rather
/// than being copied, which matters for a ledger of tens of thousands.
pub(super) fn ledger(
    src: &Arc<Source>,
    events: Vec<Spanned<raw::SignOff>>,
    roster: &Roster,
    letter_ids: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Vec<SignOff> {
    let known = Known {
        signers: roster.signers.iter().map(|s| s.id.0.as_str()).collect(),
        letters: letter_ids.iter().map(String::as_str).collect(),
        text: &src.text,
        seen: Cell::new((0, 1)),
    };
    events
        .into_iter()
        .filter_map(|ev| event(src, ev, &known, diags))
        .collect()
}

/// What events are checked against, indexed once (FxHash: 40,000 lookups of
/// our own ids, where SipHash showed in profiles): a ledger of 20,000 events
/// would otherwise rescan the roster and the letters once per event.
struct Known<'a> {
    signers: FxHashSet<&'a str>,
    letters: FxHashSet<&'a str>,
    text: &'a str,
    /// The last offset asked for by [`Known::line`] and its line.
    seen: Cell<(usize, usize)>,
}

impl Known<'_> {
    /// The 1-based line of a byte offset. Events come in file order, so
    /// lines are counted on from the previous event rather than indexed up
    /// front: a counting pass vectorizes, and no table of 200,000 line
    /// starts is built. An offset behind the last one counts from the top.
    fn line(&self, offset: usize) -> usize {
        let (from, line) = match self.seen.get() {
            (at, line) if at <= offset => (at, line),
            _ => (0, 1),
        };
        let skipped = self.text.as_bytes()[from..offset].iter();
        let line = line + skipped.filter(|&&b| b == b'\n').count();
        self.seen.set((offset, line));
        line
    }

    fn sorted<'s>(set: &FxHashSet<&'s str>) -> Vec<&'s str> {
        let mut all: Vec<&str> = set.iter().copied().collect();
        all.sort_unstable();
        all
    }
}

fn event(
    src: &Arc<Source>,
    ev: Spanned<raw::SignOff>,
    known: &Known<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<SignOff> {
    let line = known.line(ev.span().start);
    let e = ev.into_inner();
    let before = diags.len();
    let letter = e.letter.get_ref();
    if !known.letters.contains(letter.as_str()) {
        diags.push(
            Diagnostic::error(src, e.letter.span(), format!("unknown letter `{letter}`"))
                .with_label("no such file in letters/")
                .with_suggestion(letter, Known::sorted(&known.letters)),
        );
    }
    let signer = e.signer.get_ref();
    if !known.signers.contains(signer.as_str()) {
        diags.push(unknown_signer(
            src,
            &e.signer,
            &Known::sorted(&known.signers),
        ));
    }
    let status = Status::parse(e.status.get_ref());
    if status.is_none() {
        let names = Status::ALL.map(Status::as_str);
        diags.push(
            Diagnostic::error(
                src,
                e.status.span(),
                format!("unknown status `{}`", e.status.get_ref()),
            )
            .with_label("expected `invited`, `signed`, `declined` or `withdrawn`")
            .with_suggestion(e.status.get_ref(), names),
        );
    }
    let at = text::offset_datetime(e.at.get_ref());
    if at.is_none() {
        diags.push(
            Diagnostic::error(src, e.at.span(), "`at` needs a date, a time and an offset")
                .with_hint("write it like `2025-02-03T10:12:00-05:00`"),
        );
    }
    if diags.len() > before {
        return None;
    }
    Some(SignOff {
        letter: e.letter.into_inner(),
        signer: SignerId(e.signer.into_inner()),
        status: status?,
        at: at?,
        by: e.by,
        text: e.text.map(Spanned::into_inner),
        note: e.note,
        line,
    })
}

/// "unknown signer `x`" at the id, with a "did you mean" hint.
pub(super) fn unknown_signer(
    src: &Arc<Source>,
    id: &Spanned<String>,
    known: &[&str],
) -> Diagnostic {
    let wrong = id.get_ref();
    Diagnostic::error(src, id.span(), format!("unknown signer `{wrong}`"))
        .with_label("not in signers.toml")
        .with_suggestion(wrong, known.iter().copied())
}

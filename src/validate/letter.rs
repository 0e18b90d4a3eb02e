//! Validates one letter file against the roster: dates, letterhead,
//! recipients and the signatories; the body is checked in [`super::body`].

use std::sync::Arc;

use chrono::NaiveDate;
use toml::Spanned;

use super::roster::{printable, text_field};
use super::signatories::Known;
use super::text;
use crate::diag::{Diagnostic, Source};
use crate::load::raw;
use crate::model::{Letter, Letterhead, Recipient};

/// Collects every problem of one letter; returns the letter when it has no
/// errors. Parts that failed to load (already reported) are skipped, so the
/// other parts are still checked.
pub(super) fn letter(
    id: &str,
    src: &Arc<Source>,
    file: &raw::LetterFile,
    known: Option<&Known<'_>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Letter> {
    let errors_before = diags.iter().filter(|d| d.is_error()).count();
    if let Some((_, c)) = text::control_char(id) {
        // The id is printed in every table and message: it must not drive
        // the terminal.
        let message = format!(
            "control character `{}` in the file name",
            c.escape_unicode()
        );
        diags.push(Diagnostic::bare(Some(src), message).with_hint("rename the file"));
    }
    let mut cx = Cx { src, diags };
    let head = file.letter.as_ref().map(|m| cx.head(m.get_ref()));
    let formerly = file
        .letter
        .as_ref()
        .map(|m| super::formerly::check_own(id, src, m.get_ref(), cx.diags));
    let recipients: Vec<Recipient> = file
        .recipient
        .iter()
        .map(|r| cx.recipient(r.get_ref()))
        .collect();
    let sections = cx.sections(&file.section);
    let signatories = file.signatories.as_ref().map(|s| cx.signatories(s, known));
    optional_texts(file).for_each(|t| printable(src, &t, cx.diags));
    let errors_after = cx.diags.iter().filter(|d| d.is_error()).count();
    if errors_after > errors_before {
        return None;
    }
    let (head, (leads, invited, order, signatures)) = (head?, signatories?);
    let closing = file.closing.as_ref();
    Some(Letter {
        id: id.to_string(),
        title: head.title,
        date: head.date?,
        letterhead: head.letterhead?,
        deadline: head.deadline,
        subject: head.subject,
        salutation: head.salutation,
        running_head: head.running_head,
        recipients,
        sections,
        closing: closing
            .and_then(|c| c.text.as_ref())
            .map_or_else(|| "Sincerely,".to_string(), |t| text::collapse(t.get_ref())),
        cc: strings(closing.map(|c| &c.cc[..]).unwrap_or_default()),
        enclosures: strings(closing.map(|c| &c.enclosures[..]).unwrap_or_default()),
        leads,
        invited,
        order,
        formerly: formerly.unwrap_or_default(),
        signatures,
    })
}

/// The optional texts that are printed but need not be filled in: recipient
/// titles, quote sources, the closing, cc, enclosures, lead roles
/// and custom letterhead lines (at the letterhead's place).
fn optional_texts(file: &raw::LetterFile) -> impl Iterator<Item = Spanned<String>> + '_ {
    let titles = file
        .recipient
        .iter()
        .filter_map(|r| r.get_ref().title.clone());
    let sections = file.section.iter().flat_map(|s| {
        let s = s.get_ref();
        s.quotes.iter().filter_map(|q| q.get_ref().source.clone())
    });
    let closing = file.closing.iter().flat_map(|c| {
        c.text
            .clone()
            .into_iter()
            .chain(c.cc.iter().cloned())
            .chain(c.enclosures.iter().cloned())
    });
    let roles = file
        .signatories
        .iter()
        .flat_map(|s| s.get_ref().leads.get_ref().iter())
        .filter_map(|l| l.get_ref().role.clone());
    let letterhead = file
        .letter
        .iter()
        .filter_map(|l| l.get_ref().letterhead.as_ref())
        .flat_map(|lh| {
            let lines = match lh.get_ref() {
                raw::Letterhead::Custom(c) => c.lines.clone(),
                raw::Letterhead::Preset(_) => Vec::new(),
            };
            lines
                .into_iter()
                .map(move |line| Spanned::new(lh.span(), line))
        });
    titles
        .chain(sections)
        .chain(closing)
        .chain(roles)
        .chain(letterhead)
}

/// The checked `[letter]` table.
struct Head {
    title: String,
    date: Option<NaiveDate>,
    letterhead: Option<Letterhead>,
    deadline: Option<NaiveDate>,
    subject: Option<String>,
    salutation: String,
    running_head: Option<String>,
}

fn strings(values: &[Spanned<String>]) -> Vec<String> {
    values.iter().map(|v| text::collapse(v.get_ref())).collect()
}

/// The file being checked and the list problems go into.
pub(super) struct Cx<'a> {
    pub(super) src: &'a Arc<Source>,
    pub(super) diags: &'a mut Vec<Diagnostic>,
}

impl Cx<'_> {
    fn head(&mut self, meta: &raw::LetterMeta) -> Head {
        let date = self.date(&meta.date, "date");
        let deadline = meta
            .deadline
            .as_ref()
            .and_then(|d| self.date(d, "deadline"));
        if let (Some(date), Some(deadline), Some(d)) = (date, deadline, &meta.deadline)
            && deadline > date
        {
            self.diags.push(
                Diagnostic::warning(self.src, d.span(), "deadline is after the letter's date")
                    .with_label(format!("the letter is dated {date}")),
            );
        }
        let letterhead = meta
            .letterhead
            .as_ref()
            .map_or(Some(Letterhead::House), |l| self.letterhead(l));
        for field in [&meta.title, &meta.salutation]
            .into_iter()
            .chain(&meta.subject)
            .chain(&meta.running_head)
        {
            text_field(self.src, field, self.diags);
        }
        Head {
            title: text::collapse(meta.title.get_ref()),
            date,
            letterhead,
            deadline,
            subject: meta.subject.as_ref().map(|s| text::collapse(s.get_ref())),
            salutation: text::collapse(meta.salutation.get_ref()),
            running_head: meta
                .running_head
                .as_ref()
                .map(|s| text::collapse(s.get_ref())),
        }
    }

    fn date(
        &mut self,
        value: &Spanned<toml::value::Datetime>,
        key: &str,
    ) -> Option<chrono::NaiveDate> {
        let date = text::local_date(value.get_ref());
        if date.is_none() {
            self.diags.push(
                Diagnostic::error(
                    self.src,
                    value.span(),
                    format!("`{key}` must be a date without a time"),
                )
                .with_hint("write it like `2025-02-06`"),
            );
        }
        date
    }

    fn letterhead(&mut self, value: &Spanned<raw::Letterhead>) -> Option<Letterhead> {
        match value.get_ref() {
            raw::Letterhead::Preset(p) if Letterhead::preset(p).is_some() => Letterhead::preset(p),
            raw::Letterhead::Preset(p) => {
                self.diags.push(
                    Diagnostic::error(self.src, value.span(), format!("unknown letterhead `{p}`"))
                        .with_label(
                            "expected `house`, `senate`, `congress`, `none` or `{ lines = [...] }`",
                        )
                        .with_suggestion(p, Letterhead::PRESETS),
                );
                None
            }
            raw::Letterhead::Custom(c) if c.lines.iter().all(|l| l.trim().is_empty()) => {
                self.diags.push(Diagnostic::error(
                    self.src,
                    value.span(),
                    "custom letterhead has no lines",
                ));
                None
            }
            raw::Letterhead::Custom(c) => Some(Letterhead::Custom(strings_plain(&c.lines))),
        }
    }

    fn recipient(&mut self, r: &raw::Recipient) -> Recipient {
        text_field(self.src, &r.name, self.diags);
        if r.address.get_ref().is_empty() {
            self.diags.push(
                Diagnostic::error(self.src, r.address.span(), "empty address")
                    .with_label("give at least one line, e.g. `[\"Washington, DC 20520\"]`"),
            );
        }
        for line in r.address.get_ref() {
            text_field(self.src, line, self.diags);
        }
        Recipient {
            name: text::collapse(r.name.get_ref()),
            title: r.title.as_ref().map(|t| text::collapse(t.get_ref())),
            address: strings(r.address.get_ref()),
        }
    }
}

fn strings_plain(lines: &[String]) -> Vec<String> {
    lines.iter().map(|l| text::collapse(l)).collect()
}

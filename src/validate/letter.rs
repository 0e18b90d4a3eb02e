//! Validates one letter file against the roster: dates, letterhead, recipients,
//! sections with their inline markup, and the signatories.

use std::sync::Arc;

use chrono::NaiveDate;
use toml::Spanned;

use super::roster::{printable, text_field};
use super::text;
use crate::diag::{Diagnostic, Source};
use crate::load::raw;
use crate::model::{Letter, Letterhead, Paragraph, Quote, Recipient, Roster, Section};

/// How much of a paragraph an unclosed-marker warning quotes from the
/// marker on: enough words to find the place, short enough for one line.
const EXCERPT_CHARS: usize = 30;

/// Collects every problem of one letter; returns the letter when it has no
/// errors. Parts that failed to load (already reported) are skipped, so the
/// other parts are still checked.
pub(super) fn letter(
    id: &str,
    src: &Arc<Source>,
    file: &raw::LetterFile,
    roster: Option<&Roster>,
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
    let signatories = file.signatories.as_ref().map(|s| cx.signatories(s, roster));
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

    fn sections(&mut self, raw: &[Spanned<raw::Section>]) -> Vec<Section> {
        let mut next_ask = 1;
        raw.iter()
            .map(|s| {
                let section = self.section(s.get_ref(), next_ask);
                next_ask += section.asks.len();
                section
            })
            .collect()
    }

    fn section(&mut self, s: &raw::Section, asks_start: usize) -> Section {
        // A heading may be left out, but one given must say something.
        if let Some(heading) = &s.heading {
            text_field(self.src, heading, self.diags);
        }
        let paragraphs = match &s.body {
            Some(body) => {
                text_field(self.src, body, self.diags);
                text::paragraphs(body.get_ref())
                    .iter()
                    .map(|p| self.markup(p, body))
                    .collect()
            }
            None => Vec::new(),
        };
        let quotes = s.quotes.iter().map(|q| self.quote(q.get_ref())).collect();
        let asks = s.asks.iter().map(|a| self.spanned_markup(a)).collect();
        Section {
            heading: s.heading.as_ref().map(|h| text::collapse(h.get_ref())),
            paragraphs,
            quotes,
            asks_start,
            asks,
        }
    }

    fn quote(&mut self, q: &raw::Quote) -> Quote {
        Quote {
            text: self.spanned_markup(&q.text),
            source: q.source.as_ref().map(|s| text::collapse(s.get_ref())),
            pull: q.pull,
        }
    }

    fn spanned_markup(&mut self, value: &Spanned<String>) -> Paragraph {
        text_field(self.src, value, self.diags);
        self.markup(&text::collapse(value.get_ref()), value)
    }

    /// Inline markup of one paragraph; an unclosed marker is a warning and the
    /// text is kept as written.
    fn markup(&mut self, para: &str, value: &Spanned<String>) -> Paragraph {
        text::inline(para).unwrap_or_else(|at| {
            let excerpt: String = para[at..].chars().take(EXCERPT_CHARS).collect();
            let marker = if para[at..].starts_with("**") {
                "**"
            } else {
                "*"
            };
            let place = marker_place(&self.src.text, value.span(), &para[at..]);
            self.diags.push(
                Diagnostic::warning(
                    self.src,
                    place.unwrap_or(value.span()),
                    format!("unclosed `{marker}` before `{excerpt}`"),
                )
                .with_label(format!("this `{marker}` is never closed"))
                .with_hint("close it, or write `\\\\*` in TOML for a literal asterisk"),
            );
            vec![crate::model::Span {
                text: para.to_string(),
                style: Default::default(),
            }]
        })
    }
}

/// Where the unclosed marker at the start of `rest` (a paragraph's tail,
/// whitespace collapsed) is in the file: the marker and the word after it
/// found in the value's raw text, the marker alone marked. None when the
/// raw text spells it otherwise (a TOML escape), and the whole value is.
fn marker_place(
    file: &str,
    span: std::ops::Range<usize>,
    rest: &str,
) -> Option<std::ops::Range<usize>> {
    let word = rest.split_whitespace().next()?;
    let marker = word.len() - word.trim_start_matches('*').len();
    let raw = file.get(span.clone())?;
    let i = raw.find(word)?;
    Some(span.start + i..span.start + i + marker)
}

fn strings_plain(lines: &[String]) -> Vec<String> {
    lines.iter().map(|l| text::collapse(l)).collect()
}

//! Tests of the PDF renderer, with a builder for sample letters.
//!
//! `sample-letter.txt` holds a realistic ~500-word body: `## ` starts a
//! section (a bare `##`, one without heading), `> ` a quotation (a `-- ` line after it is the source), `- ` an
//! ask, and `*...*` marks italics.

use chrono::NaiveDate;

use crate::compose::{Composed, Paragraph, Quote, Recipient, Section, SignatureBlock, Span, Style};

mod fonts;
mod layout;
mod linebreak;
mod paint;
mod role;
mod turnover;

const SAMPLE_BODY: &str = include_str!("sample-letter.txt");

/// Builds a [`Composed`] letter for tests.
pub(super) struct Letter(Composed);

impl Letter {
    /// A one-paragraph letter with one lead.
    pub(super) fn new() -> Letter {
        Letter(Composed {
            id: "2025-02-06-rubio".into(),
            title: "Accountability for Azerbaijan and support for Armenia".into(),
            draft: false,
            letterhead: vec![
                "Congress of the United States".into(),
                "House of Representatives".into(),
                "Washington, DC 20515".into(),
            ],
            date: NaiveDate::from_ymd_opt(2025, 2, 6).unwrap(),
            date_text: "February 6, 2025".into(),
            recipients: vec![Recipient {
                name: "The Honorable Marco Rubio".into(),
                title: Some("Secretary of State".into()),
                address: vec![
                    "U.S. Department of State".into(),
                    "2201 C Street, NW".into(),
                    "Washington, DC 20520".into(),
                ],
            }],
            subject: Some("Release of prisoners and Section 907".into()),
            salutation: "Dear Secretary Rubio:".into(),
            sections: vec![section(None, &["We write about a short matter."])],
            closing: "Sincerely,".into(),
            signatures: vec![signer(0, true)],
            cc: Vec::new(),
            enclosures: Vec::new(),
            authors: "Frank Pallone, Jr.".into(),
            summary: "Release of prisoners and Section 907".into(),
        })
    }

    /// The realistic body of `sample-letter.txt`.
    pub(super) fn sample_body(mut self) -> Letter {
        self.0.sections = parse_body(SAMPLE_BODY);
        self
    }

    /// `leads` lead signers followed by `others` other signers.
    pub(super) fn signers(mut self, leads: usize, others: usize) -> Letter {
        self.0.signatures = (0..leads + others).map(|i| signer(i, i < leads)).collect();
        self
    }

    pub(super) fn sections(mut self, sections: Vec<Section>) -> Letter {
        self.0.sections = sections;
        self
    }

    pub(super) fn draft(mut self) -> Letter {
        self.0.draft = true;
        self
    }

    pub(super) fn with(mut self, edit: impl FnOnce(&mut Composed)) -> Letter {
        edit(&mut self.0);
        self
    }

    pub(super) fn build(self) -> Composed {
        self.0
    }
}

/// The sample letter: 4 leads, 20 other signers, cc and an enclosure.
pub(super) fn sample() -> Composed {
    Letter::new()
        .sample_body()
        .signers(4, 20)
        .with(|c| {
            c.cc = vec!["The Honorable Christopher Landau, Deputy Secretary of State".into()];
            c.enclosures = vec!["Text of the 2024 resolution".into()];
        })
        .build()
}

const NAMES: [&str; 12] = [
    "Frank Pallone, Jr.",
    "Gus M. Bilirakis",
    "Brad Sherman",
    "David G. Valadao",
    "Nydia M. Velázquez",
    "Jesús G. “Chuy” García",
    "Judy Chu",
    "Adam B. Schiff",
    "Jackie Speier",
    "Anna G. Eshoo",
    "Dina Titus",
    "Tony Cárdenas",
];

/// Signer `i`: a roster-like name (made unique past the list), title, role.
pub(super) fn signer(i: usize, lead: bool) -> SignatureBlock {
    let base = NAMES[i % NAMES.len()];
    let name = if i < NAMES.len() {
        base.to_string()
    } else {
        format!("{base} {}", i / NAMES.len() + 1)
    };
    SignatureBlock {
        id: format!("s{i}"),
        name,
        title: "Member of Congress".into(),
        role: lead.then(|| "Co-Chair, Congressional Caucus on Armenian Issues".to_string()),
        lead,
        stale: false,
        missing: false,
        mark: Default::default(),
    }
}

pub(super) fn plain(text: &str) -> Paragraph {
    let mut spans = Vec::new();
    for (i, part) in text.split('*').enumerate() {
        if !part.is_empty() {
            let style = Style {
                italic: i % 2 == 1,
                bold: false,
            };
            spans.push(Span {
                text: part.to_string(),
                style,
            });
        }
    }
    spans
}

pub(super) fn section(heading: Option<&str>, paragraphs: &[&str]) -> Section {
    Section {
        heading: heading.map(str::to_string),
        paragraphs: paragraphs.iter().map(|p| plain(p)).collect(),
        quotes: Vec::new(),
        asks_start: 1,
        asks: Vec::new(),
    }
}

/// Parses the little format of `sample-letter.txt`.
pub(super) fn parse_body(text: &str) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut next_ask = 1;
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        if let Some(h) = block.strip_prefix("##") {
            let heading = Some(h.trim()).filter(|h| !h.is_empty());
            sections.push(Section {
                asks_start: next_ask,
                ..section(heading, &[])
            });
            continue;
        }
        let s = sections.last_mut().expect("body starts with a heading");
        if let Some(q) = block.strip_prefix("> ") {
            let (text, source) = q
                .split_once("\n-- ")
                .map_or((q, None), |(t, s)| (t, Some(s)));
            s.quotes.push(Quote {
                text: plain(text),
                source: source.map(str::to_string),
                pull: false,
            });
        } else if block.starts_with("- ") {
            s.asks
                .extend(block.lines().map(|l| plain(l.trim_start_matches("- "))));
            next_ask = s.asks_start + s.asks.len();
        } else {
            s.paragraphs.push(plain(block));
        }
    }
    sections
}

/// Every run's text on every page, in order, one line per run.
pub(super) fn texts(l: &super::layout::Layout) -> Vec<Vec<String>> {
    l.pages
        .iter()
        .map(|p| p.runs.iter().map(|r| r.text.clone()).collect())
        .collect()
}

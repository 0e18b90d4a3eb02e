//! The design of the letter: what goes into the flow, in which order, with
//! which sizes, indents and gaps.
//!
//! Page 1 opens with the centred letterhead in letter-spaced capitals over a
//! short rule, then the date, the inside addresses, the "Re:" line and the
//! salutation; the sections follow (bold headings, justified paragraphs,
//! quotations indented on both sides with their source flush right, numbered
//! asks with a hanging indent), then the closing, the signature grid (two
//! columns, three past 40 signers; 0.8 in a two-line row) and the cc and
//! enclosure lines. `templates/letter.html` sets the web page with the same
//! sizes, gaps and indents: change both together.

use crate::compose::{Composed, Section, Style, words};

use super::PdfError;
use super::caps::{self, CapsPen};
pub(crate) use super::flow::Flowed;
use super::flow::{Align, Flow, LEAD, Pen, SIZE, baseline, run, span, tagged};
use super::fonts::{self, Face};
use super::grid::{HANG, signatures};
use super::page::{Anchor, MARGIN, Rule, Run};
use super::role::{Kind, Role};

/// Gap between paragraphs and other blocks.
const PARA: f32 = 12.0;
const QUOTE_INDENT: f32 = 36.0;
const ASK_INDENT: f32 = 36.0;
const BOLD: Style = Style {
    bold: true,
    italic: false,
};

/// Lays the whole letter out as one flow, with the structure tree its runs
/// belong to: each line of the date, the addresses, the salutation and the
/// closing is a paragraph of its own.
/// A signature block taller than `page` pt (the room on a continuation
/// page) is refused.
pub(crate) fn letter(c: &Composed, measure: f32, page: f32) -> Result<Flowed, PdfError> {
    let mut f = Flow::new(measure);
    letterhead(&mut f, &c.letterhead)?;
    blank_letterhead(&mut f, &c.blank_letterhead)?;
    f.gap(18.0);
    para(&mut f, &c.date_text)?;
    for r in &c.recipients {
        f.gap(LEAD);
        // A long name or title turns over under a hanging indent, so that
        // its second line does not read as an address line.
        for line in std::iter::once(&r.name).chain(&r.title) {
            f.open(Kind::P, None);
            f.turnover(line, f.pen(Align::Left), HANG)?;
        }
        for line in &r.address {
            para(&mut f, line)?;
        }
    }
    f.gap(LEAD);
    labelled(&mut f, words::RE, None, c.subject.as_slice())?;
    f.gap(LEAD);
    para(&mut f, &c.salutation)?;
    // Under no printed letterhead (`none`) the section headings open the
    // outline: H1, so that no heading level is skipped (PDF/UA).
    let level = match c.letterhead.is_empty() {
        true => Kind::H1,
        false => Kind::H2,
    };
    for (i, s) in c.sections.iter().enumerate() {
        section(&mut f, (i, s), level)?;
    }
    f.gap(PARA);
    // The closing never starts a page: the last two lines of text go with it.
    f.keep_with_last(2);
    para(&mut f, &c.closing)?;
    signatures(&mut f, &c.signatures, page)?;
    f.gap(2.0 * LEAD);
    // Nor do the cc and enclosure lines leave the grid for a page alone.
    f.keep_next(None);
    labelled(&mut f, words::CC, Some(|cc| Anchor::Cc { cc }), &c.cc)?;
    f.gap(LEAD);
    let anchor = |enclosure| Anchor::Enclosure { enclosure };
    labelled(&mut f, c.labels().enclosures, Some(anchor), &c.enclosures)?;
    Ok(f.into_items())
}

/// One plain line as a paragraph of the document.
fn para(f: &mut Flow, text: &str) -> Result<(), PdfError> {
    f.open(Kind::P, None);
    f.plain(text, Style::default())
}

/// The letterhead's first line, and its line height.
const HEAD_LINE: (CapsPen, f32) = (
    CapsPen {
        size: 16.0,
        tracking: 0.06,
    },
    20.0,
);
/// Its other lines, smaller.
const HEAD_REST: (CapsPen, f32) = (
    CapsPen {
        size: 10.5,
        tracking: 0.08,
    },
    13.0,
);
/// The short centred rule under the letterhead (2.5 in), its thickness and
/// its distance below the last line.
const HEAD_RULE: f32 = 180.0;
const HEAD_RULE_WIDTH: f32 = 0.75;
const HEAD_RULE_GAP: f32 = 8.0;

/// The centred letterhead, as the web page's: letter-spaced capitals, the
/// first line (the page's heading) larger, a short rule under them.
fn letterhead(f: &mut Flow, lines: &[String]) -> Result<(), PdfError> {
    let centre = MARGIN + f.measure / 2.0;
    for (i, text) in lines.iter().enumerate() {
        let (pen, lead) = if i == 0 { HEAD_LINE } else { HEAD_REST };
        let node = f.open(if i == 0 { Kind::H1 } else { Kind::P }, None);
        for runs in caps::centred_lines(text, pen, centre, f.measure)? {
            let runs = runs.into_iter().map(|r| Run {
                y: -baseline(lead),
                ..r
            });
            f.push(lead, tagged(runs.collect(), node), Vec::new(), i > 0);
        }
    }
    if !lines.is_empty() {
        let rule = Rule {
            x1: centre - HEAD_RULE / 2.0,
            x2: centre + HEAD_RULE / 2.0,
            y: -(HEAD_RULE_GAP + HEAD_RULE_WIDTH / 2.0),
            thickness: HEAD_RULE_WIDTH,
        };
        let height = HEAD_RULE_GAP + HEAD_RULE_WIDTH;
        f.push(height, Vec::new(), vec![rule], true);
    }
    Ok(())
}

/// The room `lines` would take as a letterhead, left blank (`letterhead =
/// "none"`): measured by setting them aside, so it stays the printed
/// letterhead's height whatever its design.
fn blank_letterhead(f: &mut Flow, lines: &[String]) -> Result<(), PdfError> {
    if lines.is_empty() {
        return Ok(());
    }
    let mut aside = Flow::new(f.measure);
    letterhead(&mut aside, lines)?;
    let height = aside.into_items().items.iter().map(|i| i.height).sum();
    // A spacer, not a gap: gaps are dropped at the top of a page.
    f.push(height, Vec::new(), Vec::new(), false);
    Ok(())
}

/// Names entry `i` of a labelled list for the web page's page breaks.
type EntryAnchor = fn(usize) -> Anchor;

/// Entries set after a label with a hanging indent ("Re:", "cc:"), each
/// named by `entry_anchor` when given.
fn labelled(
    f: &mut Flow,
    label: &str,
    entry_anchor: Option<EntryAnchor>,
    entries: &[String],
) -> Result<(), PdfError> {
    let indent = fonts::width(Face::Regular, label, SIZE)? + 6.0;
    for (i, entry) in entries.iter().enumerate() {
        let pen = Pen {
            x: MARGIN + indent,
            measure: f.measure - indent,
            ..f.pen(Align::Left)
        };
        let node = f.open(Kind::P, None);
        let label = (i == 0).then(|| Run {
            role: Role::Node(node),
            // The space ends the label as a word for text extraction; it
            // moves nothing (the entry is placed by the indent).
            ..run(MARGIN, -baseline(LEAD), Face::Regular, &format!("{label} "))
        });
        let from = f.len();
        f.para(&[span(entry, Style::default())], pen, label)?;
        if let Some(anchor) = entry_anchor {
            f.anchor(from, anchor(i));
        }
    }
    Ok(())
}

/// Section number `i`: its heading, paragraphs, quotations and asks. The
/// last paragraph, when it ends in a colon and quotations or asks follow,
/// leads in to them and is kept with them.
fn section(f: &mut Flow, (i, s): (usize, &Section), level: Kind) -> Result<(), PdfError> {
    if let Some(text) = &s.heading {
        heading(f, (i, text), level)?;
    }
    let more = !(s.quotes.is_empty() && s.asks.is_empty());
    for (k, p) in s.paragraphs.iter().enumerate() {
        f.gap(PARA);
        f.open(Kind::P, None);
        f.running(p, f.pen(Align::Justify), None)?;
        let colon = p.last().is_some_and(|s| s.text.trim_end().ends_with(':'));
        if more && colon && k + 1 == s.paragraphs.len() {
            f.keep_next(None);
        }
    }
    let quote = Pen {
        x: MARGIN + QUOTE_INDENT,
        measure: f.measure - 2.0 * QUOTE_INDENT,
        ..f.pen(Align::Justify)
    };
    for q in &s.quotes {
        f.gap(PARA);
        let bq = f.open(Kind::BlockQuote, None);
        f.open(Kind::P, Some(bq));
        f.running(&q.text, quote, None)?;
        if let Some(source) = &q.source {
            f.keep_next(None);
            f.open(Kind::P, Some(bq));
            let text = format!("\u{2014}\u{a0}{source}");
            // Flush right on one line; turned over flush left under the
            // dash when longer.
            let dash = fonts::width(Face::Regular, "\u{2014}\u{a0}", SIZE)?;
            let right = Pen {
                align: Align::Right,
                ..quote
            };
            f.turnover(&text, right, dash)?;
        }
    }
    asks(f, s)
}

/// The bold heading of section `i`, kept with what follows it.
fn heading(f: &mut Flow, (i, text): (usize, &str), level: Kind) -> Result<(), PdfError> {
    f.gap(PARA);
    f.open(level, None);
    let from = f.len();
    f.para(&[span(text, BOLD)], f.pen(Align::Left), None)?;
    f.anchor(from, Anchor::Heading { section: i });
    f.keep_next(Some(3.0));
    Ok(())
}

/// Numbered asks, the numbers hanging in the indent; numbering runs on
/// across sections from `asks_start`.
fn asks(f: &mut Flow, s: &Section) -> Result<(), PdfError> {
    let ask = Pen {
        x: MARGIN + ASK_INDENT,
        measure: f.measure - ASK_INDENT,
        ..f.pen(Align::Justify)
    };
    let list = (!s.asks.is_empty()).then(|| f.open(Kind::L { numbered: true }, None));
    for (i, text) in s.asks.iter().enumerate() {
        f.gap(if i == 0 { PARA } else { 6.0 });
        let label = format!("{}.", s.asks_start + i);
        // An en space (half an em) between number and text: the web page's
        // list marker is the number, a full stop and U+2002.
        let x = ask.x - SIZE / 2.0 - fonts::width(Face::Regular, &label, SIZE)?;
        let item = f.open(Kind::LI, list);
        let number = f.open(Kind::Lbl, Some(item));
        f.open(Kind::LBody, Some(item));
        let label = Run {
            role: Role::Node(number),
            ..run(x, -baseline(LEAD), Face::Regular, &label)
        };
        f.running(text, ask, Some(label))?;
    }
    Ok(())
}

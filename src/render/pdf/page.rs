//! The laid-out letter as plain data: pages of positioned runs, rules and
//! images, and the structure tree they belong to. A leaf of the PDF
//! renderer: `flow`, `letter` and `layout` build these types and `paint`
//! draws them; nothing here knows how a letter is designed or paginated.

use std::fmt;
use std::sync::Arc;

use crate::model::SignatureImage;

use super::fonts::Face;
use super::linebreak::{is_space, letter_gaps};
use super::role::{Join, Node, Role, head_start, tail_end};

/// One inch, the margin on every side.
pub(crate) const MARGIN: f32 = 72.0;
/// The slant of [`Page::watermark`], degrees counter-clockwise about its
/// origin: `paint` turns it so, and its place is computed for it.
pub(crate) const WATERMARK_ANGLE: f32 = 45.0;

/// A laid-out letter.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Page width, pt.
    pub width: f32,
    /// Page height, pt.
    pub height: f32,
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// The structure elements the runs' roles name, in reading order.
    pub tree: Vec<Node>,
    /// The lines of the running text as set, one list a paragraph: section
    /// by section its paragraphs, then its quotations, then its asks. The
    /// web page prints the same lines (`render::lines`).
    pub running: Vec<Vec<SetLine>>,
    /// Where pages 2, 3, … begin, where the web page can say so: the
    /// printed page breaks there too.
    pub breaks: Vec<Anchor>,
}

/// A place in the letter the web page can begin a printed page at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Line `line` of paragraph `para` of the running text (as counted in
    /// [`Layout::running`]).
    Line {
        /// The paragraph.
        para: usize,
        /// The line.
        line: usize,
    },
    /// The heading of section `section`.
    Heading {
        /// The section.
        section: usize,
    },
    /// The row of the signature grid that begins with block `block`.
    Row {
        /// The block.
        block: usize,
    },
    /// Entry `cc` of the cc list.
    Cc {
        /// The entry.
        cc: usize,
    },
    /// Entry `enclosure` of the enclosures.
    Enclosure {
        /// The entry.
        enclosure: usize,
    },
}

/// One line of running text as the PDF set it: where it ends and how its
/// slack was shared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetLine {
    /// Characters of the paragraph's text before the next line, soft
    /// hyphens and zero-width spaces not counted (the PDF draws neither).
    pub next: usize,
    /// The line ends inside a word, with a hyphen.
    pub hyphen: bool,
    /// Extra width on each space, pt.
    pub word_space: f32,
    /// Extra width between adjacent letters of a word, pt.
    pub letter_space: f32,
}

/// One page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// Text runs, in reading order.
    pub runs: Vec<Run>,
    /// Horizontal rules.
    pub rules: Vec<Rule>,
    /// Signature images.
    pub images: Vec<ImageBox>,
    /// Drafts: the large DRAFT mark slanted across the page, under the
    /// text. Drawn as shapes, not text (see `watermark`): the small DRAFT
    /// run in the top margin is the one text extraction reads.
    pub watermark: Option<Run>,
}

/// An image placed on the page: which one, and the box it fills (its aspect
/// kept by the layout).
#[derive(Debug, Clone, PartialEq)]
pub struct ImageBox {
    /// The image (shared by every box that shows it).
    pub image: Arc<SignatureImage>,
    /// Left edge, pt from the page's left.
    pub x: f32,
    /// Bottom edge, pt from the page's bottom.
    pub y: f32,
    /// Width, pt.
    pub width: f32,
    /// Height, pt.
    pub height: f32,
    /// Its `Figure` element.
    pub role: Role,
    /// Its alternative text: "Signature of <name>".
    pub alt: String,
}

/// A run of text in one face on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Left edge, pt from the page's left.
    pub x: f32,
    /// Baseline, pt from the page's bottom.
    pub y: f32,
    /// The face.
    pub face: Face,
    /// Font size, pt.
    pub size: f32,
    /// The text, exactly as it should extract.
    pub text: String,
    /// Extra width added to each space (and NBSP), pt: justification.
    pub word_space: f32,
    /// Extra width between adjacent letters of a word, pt: the tracking
    /// that takes part of the slack of a loose justified line.
    pub letter_space: f32,
    /// Light grey instead of black (the DRAFT mark).
    pub grey: bool,
    /// Its structure element, or the kind of artifact it is.
    pub role: Role,
    /// Its part in a word hyphenated across lines.
    pub join: Join,
}

impl Run {
    /// The run's right edge, pt from the page's left: where its last glyph
    /// ends, justification included.
    pub fn right(&self) -> f32 {
        let spaces = self.text.chars().filter(|&c| is_space(c)).count();
        let gaps = letter_gaps(&self.text) as f32;
        let width = super::fonts::width(self.face, &self.text, self.size).unwrap_or(0.0);
        self.x + width + self.word_space * spaces as f32 + self.letter_space * gaps
    }

    /// How far justification stretched this run's spaces: their justified
    /// width over their natural width (below 1 where they shrank). This is
    /// the measure of issue #5; tracking never widens the space between
    /// words, so it does not enter into it.
    pub fn space_stretch(&self) -> f32 {
        let space = super::fonts::width(self.face, " ", self.size).unwrap_or(1.0);
        (space + self.word_space) / space
    }
}

/// A horizontal rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end, pt.
    pub x1: f32,
    /// Right end, pt.
    pub x2: f32,
    /// Vertical position of the rule's centre line, pt.
    pub y: f32,
    /// Thickness, pt.
    pub thickness: f32,
}

impl Layout {
    /// A stable, readable text form for golden tests: one line per run or
    /// rule, numbers rounded to 0.1 pt.
    pub fn snapshot(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "paper {:.1} x {:.1}", self.width, self.height)?;
        for (i, page) in self.pages.iter().enumerate() {
            let n = i + 1;
            for r in &page.runs {
                write!(f, "p{n} {:.1} {:.1} {:?} {:.1}", r.x, r.y, r.face, r.size)?;
                if r.word_space != 0.0 {
                    write!(f, " ws{:+.2}", r.word_space)?;
                }
                if r.letter_space != 0.0 {
                    write!(f, " ls{:+.2}", r.letter_space)?;
                }
                let grey = if r.grey { " grey" } else { "" };
                writeln!(f, "{grey} {:?}", r.text)?;
            }
            for r in &page.rules {
                writeln!(
                    f,
                    "p{n} rule {:.1}..{:.1} {:.1} w{:.1}",
                    r.x1, r.x2, r.y, r.thickness
                )?;
            }
            if let Some(r) = &page.watermark {
                writeln!(
                    f,
                    "p{n} watermark {:.1} {:.1} {:?} {:.1} {:?}",
                    r.x, r.y, r.face, r.size, r.text
                )?;
            }
            for b in &page.images {
                writeln!(
                    f,
                    "p{n} image {:.1} {:.1} {:.1}x{:.1} {:?}",
                    b.x, b.y, b.width, b.height, b.image.path
                )?;
            }
        }
        Ok(())
    }
}

/// Marks the runs holding the halves of each word broken at a line end:
/// one ending in "-", or a URL or e-mail address broken at its own
/// punctuation with no hyphen added. `lines` are one paragraph's runs, line by line; `source`
/// is its text, which tells a hyphen of the word ("well-known") from one
/// the line breaker added ("pre-condition" is not in it: "precondition"):
/// the line is found in the source, and the character after it decides.
pub(crate) fn join_hyphenated(lines: &mut [Vec<Run>], source: &str) {
    // Where in `source` the search for the next line starts, bytes.
    let mut cursor = 0;
    for i in 1..lines.len() {
        let (before, after) = lines.split_at_mut(i);
        let line: String = before[i - 1].iter().map(|r| r.text.as_str()).collect();
        let (Some(head), Some(tail)) = (before[i - 1].last_mut(), after[0].first_mut()) else {
            continue;
        };
        let start = head_start(&head.text);
        if head.join.is_tail() && start == 0 {
            continue; // a one-word line: a word over three lines stays split
        }
        let half: String = head.text.chars().skip(start).collect();
        let rest: String = tail.text.chars().take(tail_end(&tail.text)).collect();
        let word = if half.ends_with('-') {
            let stem = half.strip_suffix('-').unwrap_or_default();
            if !stem.chars().last().is_some_and(char::is_alphabetic) || rest.is_empty() {
                continue;
            }
            let own = own_hyphen(source, &mut cursor, &line, &format!("{half}{rest}"));
            format!("{stem}{}{rest}", if own { "-" } else { "" })
        } else if !rest.is_empty() && runs_on(source, &mut cursor, &line) {
            // An address broken at its own punctuation ("cornell" / ".edu").
            format!("{half}{rest}")
        } else {
            continue;
        };
        head.join = match head.join {
            Join::None => Join::Head(word),
            _ => Join::Both(word),
        };
        tail.join = Join::Tail;
    }
}

/// Whether the word ending `line` (which ends in no hyphen) runs on in the
/// next line: the source has no space right after the line's text, searched
/// from `cursor` (then moved past it). A line not found (reordered
/// bidirectional text) joins nothing.
fn runs_on(source: &str, cursor: &mut usize, line: &str) -> bool {
    let Some(at) = source[*cursor..].find(line) else {
        return false;
    };
    *cursor += at + line.len();
    source[*cursor..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace())
}

/// Whether the hyphen ending `line` is the word's own: the source has one
/// right after the line's text, searched from `cursor` (then moved past
/// it). A line not found in the source as is (reordered bidirectional text)
/// falls back to whether the hyphenated spelling `kept` is anywhere in it.
fn own_hyphen(source: &str, cursor: &mut usize, line: &str, kept: &str) -> bool {
    let text = line.strip_suffix('-').unwrap_or(line);
    match source[*cursor..].find(text) {
        Some(at) => {
            *cursor += at + text.len();
            source[*cursor..].starts_with('-')
        }
        None => source.contains(kept),
    }
}

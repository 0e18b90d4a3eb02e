//! What each laid-out run is to assistive technology, as plain data.
//!
//! Layout stays pure: it records which structure element a run belongs to
//! (a tree of [`Node`]s in reading order), which runs are artifacts (the
//! DRAFT mark, continuation headers) and which runs hold the two halves of
//! a word hyphenated across lines. `paint` turns this into marked content
//! and the PDF structure tree; nothing here knows about PDF objects.

use super::layout::Run;
use super::linebreak::is_space;

/// A run's part in the document's logical structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Content of structure node `n` of [`super::layout::Layout::tree`].
    Node(u32),
    /// The continuation header with the page number: a pagination artifact.
    Header,
    /// The DRAFT mark: a watermark artifact.
    Watermark,
    /// Not yet given a role; painted as a layout artifact. The letter's
    /// design gives every run a role (a test holds it to that).
    #[default]
    Untagged,
}

/// A structure element type (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The letterhead's first line.
    H1,
    /// A section heading.
    H2,
    /// A paragraph, address line or signature-block line.
    P,
    /// A quotation with its source.
    BlockQuote,
    /// A list: numbered (the asks) or not (the signature grid).
    L {
        /// Whether the items carry decimal numbers.
        numbered: bool,
    },
    /// A list item.
    LI,
    /// A list item's number.
    Lbl,
    /// A list item's body.
    LBody,
    /// A signature image (its `/Alt` is on the image's box).
    Figure,
}

impl Kind {
    /// The standard structure type name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::H1 => "H1",
            Kind::H2 => "H2",
            Kind::P => "P",
            Kind::BlockQuote => "BlockQuote",
            Kind::L { .. } => "L",
            Kind::LI => "LI",
            Kind::Lbl => "Lbl",
            Kind::LBody => "LBody",
            Kind::Figure => "Figure",
        }
    }
}

/// One structure element; its children are the nodes naming it as parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    /// The element type.
    pub kind: Kind,
    /// The parent node; `None` for a child of the document element.
    pub parent: Option<u32>,
}

/// A run's part in a word hyphenated across two lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Join {
    /// No part.
    #[default]
    None,
    /// The run ends with the word's first half ("pre-"); the whole word.
    Head(String),
    /// The run starts with the word's second half ("condition,").
    Tail,
    /// Both: the run starts with one word's second half and ends with the
    /// next word's first half (lines hyphenated in a row); the next word.
    Both(String),
}

impl Join {
    /// Whether the run starts with a word's second half.
    fn is_tail(&self) -> bool {
        matches!(self, Join::Tail | Join::Both(_))
    }
}

/// Where the last word of `text` starts, in chars: after its last space.
pub fn head_start(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .rposition(|&c| is_space(c))
        .map_or(0, |i| i + 1)
}

/// Where the first word of `text` ends, in chars: at its first space.
pub fn tail_end(text: &str) -> usize {
    text.chars()
        .position(is_space)
        .unwrap_or(text.chars().count())
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

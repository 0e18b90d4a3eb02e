//! What each laid-out run is to assistive technology, as plain data.
//!
//! Layout stays pure: it records which structure element a run belongs to
//! (a tree of [`Node`]s in reading order), which runs are artifacts (the
//! DRAFT mark, continuation headers) and which runs hold the two halves of
//! a word hyphenated across lines. `paint` turns this into marked content
//! and the PDF structure tree; nothing here knows about PDF objects.

use super::linebreak::is_space;

/// A run's part in the document's logical structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Content of structure node `n` of [`super::page::Layout::tree`].
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
    pub(crate) fn is_tail(&self) -> bool {
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

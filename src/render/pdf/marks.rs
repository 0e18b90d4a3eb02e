//! Marked content: each run's text wrapped in the sequence its role asks for.
//!
//! Content gets `BDC` sequences with marked-content ids (MCIDs), numbered
//! per page in reading order; consecutive runs of one element share one
//! sequence. Armenian runs are `Span`s with `/Lang (hy)`; the halves of a
//! hyphenated word are `Span`s whose `/ActualText` is the whole word (the
//! second half's is empty), so extraction yields "precondition". The DRAFT
//! mark, the continuation header and the rules are artifacts. What each
//! MCID belongs to is returned as [`Mark`]s for the structure tree.

use std::collections::BTreeMap;

use printpdf::{DictItem, Op, TextItem};

use super::fonts::Face;
use super::page::Run;
use super::role::{Join, Node, Role, head_start, tail_end};

/// What one MCID of a page belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Mark {
    /// Content of structure node `n` itself.
    Plain(u32),
    /// An Armenian span inside node `n`.
    Armenian(u32),
    /// The first half of a hyphenated word in node `n`, with the word.
    Head(u32, String),
    /// The second half of the word begun by the last `Head` of node `n`.
    Tail(u32),
    /// Signature image `Figure` node `n`, with its alternative text.
    Figure(u32, String),
}

impl Mark {
    fn node(&self) -> u32 {
        match self {
            Mark::Plain(n) | Mark::Armenian(n) | Mark::Head(n, _) | Mark::Tail(n) => *n,
            Mark::Figure(n, _) => *n,
        }
    }
}

/// A marked-content sequence being written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seq {
    Content(Mark),
    /// An artifact: its `/Type` and `/Subtype`.
    Artifact(&'static str, Option<&'static str>),
}

/// Opens and closes the sequences of one page's text.
pub(super) struct Marker<'a> {
    tree: &'a [Node],
    open: Option<Seq>,
    /// The page's MCIDs, in order.
    pub(super) marks: Vec<Mark>,
    /// The page's signature images still without an MCID, by `Figure`
    /// node, last first. Images are drawn after the text (`Do` is not
    /// allowed in a text object), but are read before the name under them:
    /// each gets the MCID in reading order, before the first content of a
    /// later node, and is drawn with it later.
    figures: Vec<(u32, String)>,
}

impl<'a> Marker<'a> {
    /// A marker for a page showing images of the `figures` (node, alt).
    pub(super) fn new(tree: &'a [Node], mut figures: Vec<(u32, String)>) -> Marker<'a> {
        figures.sort_by_key(|f| std::cmp::Reverse(f.0));
        Marker {
            tree,
            open: None,
            marks: Vec::new(),
            figures,
        }
    }

    /// Gives an MCID to each figure read before node `before` (all: `None`).
    pub(super) fn reserve(&mut self, before: Option<u32>) {
        while let Some((n, _)) = self.figures.last()
            && before.is_none_or(|b| *n < b)
        {
            let (n, alt) = self.figures.pop().unwrap_or_default();
            self.marks.push(Mark::Figure(n, alt));
        }
    }

    /// The MCID given to the figure of node `n`.
    pub(super) fn figure_id(&self, n: u32) -> Option<i64> {
        let at = self
            .marks
            .iter()
            .position(|m| matches!(m, Mark::Figure(f, _) if *f == n))?;
        Some(at as i64)
    }

    /// Shows `run`'s text `items`, each part in its own sequence.
    pub(super) fn show(&mut self, ops: &mut Vec<Op>, run: &Run, items: Vec<TextItem>) {
        let base = match run.role {
            Role::Node(n) if matches!(run.face, Face::Armenian | Face::ArmenianBold) => {
                Seq::Content(Mark::Armenian(n))
            }
            Role::Node(n) => Seq::Content(Mark::Plain(n)),
            Role::Header => Seq::Artifact("Pagination", Some("Header")),
            Role::Watermark => Seq::Artifact("Pagination", Some("Watermark")),
            Role::Untagged => Seq::Artifact("Layout", None),
        };
        let pieces = match (&run.join, run.role) {
            (Join::Head(word), Role::Node(n)) => {
                let (a, b) = split(items, head_start(&run.text));
                vec![(base, a), (Seq::Content(Mark::Head(n, word.clone())), b)]
            }
            (Join::Tail, Role::Node(n)) => {
                let (a, b) = split(items, tail_end(&run.text));
                vec![(Seq::Content(Mark::Tail(n)), a), (base, b)]
            }
            (Join::Both(word), Role::Node(n)) => {
                let end = tail_end(&run.text);
                let (a, rest) = split(items, end);
                let (b, c) = split(rest, head_start(&run.text) - end);
                vec![
                    (Seq::Content(Mark::Tail(n)), a),
                    (base, b),
                    (Seq::Content(Mark::Head(n, word.clone())), c),
                ]
            }
            _ => vec![(base, items)],
        };
        for (seq, items) in pieces {
            if !items.is_empty() {
                self.enter(ops, seq);
                ops.push(Op::ShowText { items });
            }
        }
    }

    /// Ends the open sequence, if any.
    pub(super) fn close(&mut self, ops: &mut Vec<Op>) {
        if self.open.take().is_some() {
            ops.push(Op::EndMarkedContent);
        }
    }

    fn enter(&mut self, ops: &mut Vec<Op>, seq: Seq) {
        if self.open.as_ref() == Some(&seq) {
            return;
        }
        self.close(ops);
        if let Seq::Content(mark) = &seq {
            self.reserve(Some(mark.node()));
        }
        ops.push(match &seq {
            Seq::Content(mark) => self.begin(mark),
            Seq::Artifact(kind, sub) => artifact_begin(kind, *sub),
        });
        if let Seq::Content(mark) = &seq {
            self.marks.push(mark.clone());
        }
        self.open = Some(seq);
    }

    /// The `BDC` of the next MCID, for `mark`.
    fn begin(&self, mark: &Mark) -> Op {
        let mcid = DictItem::Int(self.marks.len() as i64);
        let mut map = BTreeMap::from([("MCID".to_string(), mcid)]);
        let tag = match mark {
            Mark::Plain(n) => self.tree[*n as usize].kind.name(),
            Mark::Armenian(_) => {
                map.insert("Lang".to_string(), text("hy"));
                "Span"
            }
            Mark::Head(_, word) => {
                map.insert("ActualText".to_string(), text(word));
                "Span"
            }
            Mark::Tail(_) => {
                map.insert("ActualText".to_string(), text(""));
                "Span"
            }
            Mark::Figure(..) => "Figure",
        };
        marked(tag, map)
    }
}

/// A rule or other drawing as a layout artifact.
pub(super) fn layout_artifact(ops: Vec<Op>) -> Vec<Op> {
    artifact("Layout", None, ops)
}

/// `ops` as an artifact of type `kind` (and subtype `sub`): read by no one.
pub(super) fn artifact(kind: &str, sub: Option<&str>, ops: Vec<Op>) -> Vec<Op> {
    enclosed(artifact_begin(kind, sub), ops)
}

/// A signature image's drawing as the content of its `Figure`, `mcid`.
pub(super) fn figure(ops: Vec<Op>, mcid: i64) -> Vec<Op> {
    let map = BTreeMap::from([("MCID".to_string(), DictItem::Int(mcid))]);
    enclosed(marked("Figure", map), ops)
}

/// `ops` between `begin` and the `EMC` that ends it.
fn enclosed(begin: Op, ops: Vec<Op>) -> Vec<Op> {
    let mut out = Vec::with_capacity(ops.len() + 2);
    out.push(begin);
    out.extend(ops);
    out.push(Op::EndMarkedContent);
    out
}

/// The `BDC` of an artifact of type `kind` (and subtype `sub`).
fn artifact_begin(kind: &str, sub: Option<&str>) -> Op {
    let mut map = BTreeMap::from([("Type".to_string(), name(kind))]);
    if let Some(sub) = sub {
        map.insert("Subtype".to_string(), name(sub));
    }
    marked("Artifact", map)
}

fn marked(tag: &str, map: BTreeMap<String, DictItem>) -> Op {
    Op::BeginMarkedContentWithProperties {
        tag: tag.to_string(),
        properties: DictItem::Dict { map },
    }
}

fn name(s: &str) -> DictItem {
    DictItem::Name(s.as_bytes().to_vec())
}

/// A PDF text string: ASCII as is, anything else as UTF-16BE with a BOM.
pub(super) fn text(s: &str) -> DictItem {
    if s.is_ascii() {
        return DictItem::String {
            data: s.as_bytes().to_vec(),
            literal: true,
        };
    }
    let data = [0xFE, 0xFF]
        .into_iter()
        .chain(s.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    DictItem::String {
        data,
        literal: false,
    }
}

/// `items` split after their first `at` characters.
fn split(items: Vec<TextItem>, at: usize) -> (Vec<TextItem>, Vec<TextItem>) {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    let mut seen = 0;
    for item in items {
        match item {
            TextItem::Text(s) => {
                let n = s.chars().count();
                if seen + n <= at {
                    left.push(TextItem::Text(s));
                } else if seen >= at {
                    right.push(TextItem::Text(s));
                } else {
                    let cut = s.char_indices().nth(at - seen).map_or(s.len(), |(i, _)| i);
                    left.push(TextItem::Text(s[..cut].to_string()));
                    right.push(TextItem::Text(s[cut..].to_string()));
                }
                seen += n;
            }
            offset if seen < at => left.push(offset),
            offset => right.push(offset),
        }
    }
    (left, right)
}

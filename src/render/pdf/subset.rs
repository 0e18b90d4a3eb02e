//! Font subsetting: a shipped face cut down to the glyphs a document uses,
//! named with a tag derived from the glyph set so the same letter always
//! gives the same bytes.
//!
//! typst's `subsetter` does the cutting. It reads only the glyphs it keeps:
//! allsorts, used before, parsed every glyph of the face into the heap
//! (2 MB a render) and took a seventh of a render's instructions.
//!
//! The PDF and the web page of a letter draw the same characters in the
//! same faces (the page prints the PDF's lines), so [`faces`] cuts each
//! face once for both: cutting it again for the page was a twentieth of a
//! render. Each output ignores the few glyphs only the other draws.

use std::collections::{BTreeMap, BTreeSet};

use subsetter::GlyphRemapper;

use super::PdfError;
use super::fonts::{self, Face};
use super::page::Layout;

/// What every face used draws beyond its runs' text: the hyphen the web
/// page's print style ends a hyphenated line with, and the space `paint`
/// ends each line of the PDF's text with.
const IN_EVERY_FACE: [char; 2] = ['-', ' '];
/// The words of the web page's continuation header and its list numbers,
/// in the regular face: page numbers the PDF may not reach, the en space
/// after a number.
const HEADER: &str = "Page 0123456789.\u{2002}";

/// One face as a letter draws it.
pub(crate) struct FaceSubset {
    /// The face cut down to [`FaceSubset::chars`].
    pub(crate) subset: Subset,
    /// Each character drawn in the face, and its glyph in the full face.
    pub(crate) chars: BTreeMap<char, u16>,
}

/// Every face `layout` draws, each cut to the characters drawn in it, with
/// what the two outputs add.
pub(crate) fn faces(layout: &Layout) -> Result<BTreeMap<Face, FaceSubset>, PdfError> {
    let mut drawn: BTreeMap<Face, Drawn> = BTreeMap::new();
    for run in layout.pages.iter().flat_map(|p| &p.runs) {
        let chars = drawn.entry(run.face).or_default();
        run.text.chars().for_each(|c| chars.insert(fonts::drawn(c)));
    }
    let regular = drawn.entry(Face::Regular).or_default();
    HEADER.chars().for_each(|c| regular.insert(c));
    drawn
        .into_iter()
        .map(|(face, mut chars)| {
            IN_EVERY_FACE.into_iter().for_each(|c| chars.insert(c));
            Ok((face, face_subset(face, chars.iter())?))
        })
        .collect()
}

/// The characters drawn in one face: a bitmap for ASCII, which is nearly
/// every character of a letter, and a set for the rest. (A set for all
/// cost a render 2% of its instructions, told the same few dozen letters
/// five thousand times.)
#[derive(Default)]
struct Drawn {
    ascii: u128,
    other: BTreeSet<char>,
}

impl Drawn {
    fn insert(&mut self, ch: char) {
        if ch.is_ascii() {
            self.ascii |= 1 << u32::from(ch);
        } else {
            self.other.insert(ch);
        }
    }

    /// The characters, in order.
    fn iter(&self) -> impl Iterator<Item = char> + '_ {
        (0..128u8)
            .filter(|&b| self.ascii >> b & 1 == 1)
            .map(char::from)
            .chain(self.other.iter().copied())
    }
}

/// `face` cut to those of `chars` it draws.
pub(crate) fn face_subset(
    face: Face,
    chars: impl IntoIterator<Item = char>,
) -> Result<FaceSubset, PdfError> {
    let chars: BTreeMap<char, u16> = chars
        .into_iter()
        .filter_map(|c| Some((c, fonts::glyph(face, c)?)))
        .collect();
    let gids: BTreeSet<u16> = chars.values().copied().collect();
    Ok(FaceSubset {
        subset: subset(face, &gids)?,
        chars,
    })
}

/// A face cut down to the glyphs a document uses.
pub(crate) struct Subset {
    /// The subset font program (TrueType). It has no `cmap`: the PDF
    /// addresses glyphs by id (Identity-H) and maps them to text itself.
    pub(crate) bytes: Vec<u8>,
    /// `ABCDEF+PostScriptName`, the tag derived from the glyph set.
    pub(crate) name: String,
    /// Old glyph ids to the subset's, which are numbered from 1 in order.
    remap: GlyphRemapper,
}

impl Subset {
    /// The subset's id for the full face's glyph `gid`, if it was kept.
    pub(crate) fn gid(&self, gid: u16) -> Option<u16> {
        self.remap.get(gid)
    }
}

/// Subsets `face` to `gids` (glyph 0, `.notdef`, is always kept).
pub(crate) fn subset(face: Face, gids: &BTreeSet<u16>) -> Result<Subset, PdfError> {
    let mut remap = GlyphRemapper::new();
    for &gid in gids {
        remap.remap(gid);
    }
    let bytes = subsetter::subset(face.bytes(), 0, &remap)
        .map_err(|e| PdfError::Font(format!("{}: {e}", face.ps_name())))?;
    let bytes = super::sfnt::strip_hinting(&bytes).unwrap_or(bytes);
    let name = format!("{}+{}", subset_tag(face, gids), face.ps_name());
    Ok(Subset { bytes, name, remap })
}

/// Six capital letters from an FNV-1a hash of the face and glyph set, so the
/// same letter always gets the same tag (ISO 32000-1, 9.6.4).
fn subset_tag(face: Face, gids: &BTreeSet<u16>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let ids = std::iter::once(0).chain(gids.iter().copied().filter(|&g| g != 0));
    let bytes = face
        .ps_name()
        .bytes()
        .chain(ids.flat_map(|g| g.to_be_bytes()));
    for b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8))
        .collect()
}

//! Font subsetting: a shipped face cut down to the glyphs a document uses,
//! named with a tag derived from the glyph set so the same letter always
//! gives the same bytes.
//!
//! typst's `subsetter` does the cutting. It reads only the glyphs it keeps:
//! allsorts, used before, parsed every glyph of the face into the heap
//! (2 MB a render) and took a seventh of a render's instructions.

use std::collections::BTreeSet;

use subsetter::GlyphRemapper;

use super::PdfError;
use super::fonts::Face;

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

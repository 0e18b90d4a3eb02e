//! Font subsetting: a shipped face cut down to the glyphs a document uses,
//! named with a tag derived from the glyph set so the same letter always
//! gives the same bytes.

use std::collections::BTreeSet;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile};

use super::PdfError;
use super::fonts::Face;

/// A face cut down to the glyphs a document uses.
pub(crate) struct Subset {
    /// The subset font program (TrueType), with a cmap for the kept glyphs.
    pub(crate) bytes: Vec<u8>,
    /// `ABCDEF+PostScriptName`, the tag derived from the glyph set.
    pub(crate) name: String,
}

/// Subsets `face` to `gids` (glyph 0, `.notdef`, is always kept).
pub(crate) fn subset(face: Face, gids: &BTreeSet<u16>) -> Result<Subset, PdfError> {
    let mut ids: Vec<u16> = vec![0];
    ids.extend(gids.iter().copied().filter(|&g| g != 0));
    let fail = |e: &dyn std::fmt::Debug| PdfError::Font(format!("{}: {e:?}", face.ps_name()));
    let data = ReadScope::new(face.bytes())
        .read::<FontData<'_>>()
        .map_err(|e| fail(&e))?;
    let provider = data.table_provider(0).map_err(|e| fail(&e))?;
    // The PDF profile minus `name` (3 KB a face that no viewer reads): what
    // ISO 32000-1, 9.9 asks of an embedded TrueType program. The hinting
    // tables stay in case stripping the instructions fails.
    use allsorts::tag::{CMAP, CVT, FPGM, HEAD, HHEA, HMTX, MAXP, POST, PREP};
    let profile = SubsetProfile::Custom(vec![CMAP, CVT, FPGM, HEAD, HHEA, HMTX, MAXP, POST, PREP]);
    let bytes = allsorts::subset::subset(&provider, &ids, &profile, CmapTarget::Unicode)
        .map_err(|e| fail(&e))?;
    let bytes = super::sfnt::strip_hinting(&bytes).unwrap_or(bytes);
    let name = format!("{}+{}", subset_tag(face, &ids), face.ps_name());
    Ok(Subset { bytes, name })
}

/// Six capital letters from an FNV-1a hash of the face and glyph set, so the
/// same letter always gets the same tag (ISO 32000-1, 9.6.4).
fn subset_tag(face: Face, ids: &[u16]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = face
        .ps_name()
        .bytes()
        .chain(ids.iter().flat_map(|g| g.to_be_bytes()));
    for b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8))
        .collect()
}

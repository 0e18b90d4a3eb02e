//! Strips TrueType hinting from a subset font program before embedding.
//!
//! Liberation Serif's hinting (the `fpgm`, `prep` and `cvt ` tables and the
//! instructions in every glyph) is two thirds of a subset's bytes. Printers
//! and PDF viewers render the outlines without it, so dropping it halves the
//! font streams — the bulk of a letter's PDF and of the time spent
//! compressing it. The `name` table goes too: 3 KB a face that no PDF
//! viewer reads. Any structure not understood leaves the font untouched.
//!
//! The web page's fonts need two tables the subsets lack, a `cmap` and a
//! `kern`: they are written here too, beside the font directory.

use std::collections::BTreeMap;

/// Tables that only serve hinting, and `name`.
const DROPPED: [&[u8; 4]; 4] = [b"fpgm", b"prep", b"cvt ", b"name"];

/// The font without hinting, or `None` if it is not the simple TrueType
/// layout this expects (then the caller embeds it as it is).
pub(crate) fn strip_hinting(font: &[u8]) -> Option<Vec<u8>> {
    let mut tables = read_directory(font)?;
    let get = |tag: &[u8; 4], tables: &[([u8; 4], Vec<u8>)]| {
        tables.iter().find(|t| &t.0 == tag).map(|t| t.1.clone())
    };
    let (mut head, mut maxp) = (get(b"head", &tables)?, get(b"maxp", &tables)?);
    let (loca, glyf) = (get(b"loca", &tables)?, get(b"glyf", &tables)?);
    let long = u16_at(&head, 50)? == 1;
    let glyphs = usize::from(u16_at(&maxp, 4)?);
    let offset = |g: usize| match long {
        true => u32_at(&loca, 4 * g).map(|o| o as usize),
        false => u16_at(&loca, 2 * g).map(|o| 2 * usize::from(o)),
    };
    let (mut new_glyf, mut new_loca) = (Vec::new(), Vec::new());
    for g in 0..glyphs {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        new_glyf.extend(strip_glyph(glyf.get(offset(g)?..offset(g + 1)?)?)?);
        new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
    head.get_mut(50..52)?.copy_from_slice(&1u16.to_be_bytes()); // long loca
    head.get_mut(8..12)?.fill(0); // checkSumAdjustment, set below
    if maxp.len() >= 32 {
        maxp.get_mut(26..28)?.fill(0); // maxSizeOfInstructions
    }
    tables.retain(|t| !DROPPED.contains(&&t.0));
    for (tag, data) in &mut tables {
        match &*tag {
            b"head" => *data = head.clone(),
            b"maxp" => *data = maxp.clone(),
            b"loca" => *data = new_loca.clone(),
            b"glyf" => *data = new_glyf.clone(),
            _ => {}
        }
    }
    Some(write_font(&tables))
}

/// A glyph without instructions: simple glyphs get an empty instruction
/// block; composites lose the "we have instructions" flag and their tail.
fn strip_glyph(g: &[u8]) -> Option<Vec<u8>> {
    if g.is_empty() {
        return Some(Vec::new());
    }
    let contours = i16::from_be_bytes([*g.first()?, *g.get(1)?]);
    if let Ok(n) = usize::try_from(contours) {
        let at = 10 + 2 * n;
        let len = usize::from(u16_at(g, at)?);
        let mut out = g.get(..at)?.to_vec();
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(g.get(at + 2 + len..)?);
        return Some(out);
    }
    let mut out = g.to_vec();
    let mut at = 10;
    loop {
        let flags = u16_at(g, at)?;
        out.get_mut(at..at + 2)?
            .copy_from_slice(&(flags & !0x0100).to_be_bytes());
        let args = if flags & 0x0001 != 0 { 4 } else { 2 };
        let scale = match flags {
            f if f & 0x0008 != 0 => 2,
            f if f & 0x0040 != 0 => 4,
            f if f & 0x0080 != 0 => 8,
            _ => 0,
        };
        at += 4 + args + scale;
        if flags & 0x0020 == 0 {
            break;
        }
    }
    out.truncate(at);
    (at <= g.len()).then_some(out)
}

/// The table directory: (tag, data) in file order.
fn read_directory(font: &[u8]) -> Option<Vec<([u8; 4], Vec<u8>)>> {
    if u32_at(font, 0)? != 0x0001_0000 {
        return None; // not TrueType outlines
    }
    let count = usize::from(u16_at(font, 4)?);
    (0..count)
        .map(|i| {
            let rec = 12 + 16 * i;
            let tag: [u8; 4] = font.get(rec..rec + 4)?.try_into().ok()?;
            let (off, len) = (
                u32_at(font, rec + 8)? as usize,
                u32_at(font, rec + 12)? as usize,
            );
            Some((tag, font.get(off..off + len)?.to_vec()))
        })
        .collect()
}

/// The font with more tables (replacing any of the same tag), or `None` if
/// its directory is not the simple kind this reads.
pub(crate) fn with_tables(font: &[u8], more: Vec<([u8; 4], Vec<u8>)>) -> Option<Vec<u8>> {
    let mut tables = read_directory(font)?;
    for (t, d) in &mut tables {
        if t == b"head" {
            d.get_mut(8..12)?.fill(0); // checkSumAdjustment, set anew
        }
    }
    tables.retain(|t| !more.iter().any(|m| m.0 == t.0));
    tables.extend(more);
    Some(write_font(&tables))
}

/// A `cmap` table of one format-4 subtable (Windows, Unicode BMP) mapping
/// each of `mapped`'s characters (ascending) to its glyph: a segment to
/// each run of characters whose glyphs run on with them, and the closing
/// segment at U+FFFF. Characters past the BMP are left out (the shipped
/// faces have none). Written here: allsorts builds a cmap only inside its
/// own subsetting, and ttf-parser only reads them.
pub(crate) fn cmap(mapped: &[(char, u16)]) -> Vec<u8> {
    let segments = segments(mapped);
    let n = segments.len() as u16;
    let length = 16 + 8 * n;
    let mut out = Vec::with_capacity(12 + usize::from(length));
    // Header, one encoding record, then the subtable's header.
    let header = [0, 1, 3, 1, 0, 12, 4, length, 0, 2 * n];
    for v in header.into_iter().chain(search_fields(n, 2)) {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let column = |f: &dyn Fn(&(u16, u16, u16)) -> u16| -> Vec<u8> {
        segments.iter().flat_map(|s| f(s).to_be_bytes()).collect()
    };
    out.extend(column(&|s| s.1)); // endCode
    out.extend_from_slice(&[0, 0]); // reservedPad
    out.extend(column(&|s| s.0)); // startCode
    out.extend(column(&|s| s.2.wrapping_sub(s.0))); // idDelta, mod 65536
    out.extend(column(&|_| 0)); // idRangeOffset
    out
}

/// A `kern` table (version 0, one format-0 subtable) of `pairs`, in glyph
/// order; `None` for none, or more than a subtable's 16-bit length holds
/// (10,920).
pub(crate) fn kern(pairs: &BTreeMap<(u16, u16), i16>) -> Option<Vec<u8>> {
    let n = u16::try_from(pairs.len())
        .ok()
        .filter(|&n| n > 0 && n <= 10_920)?;
    let mut out = Vec::with_capacity(18 + 6 * usize::from(n));
    // Version 0, one subtable; its version, length, coverage and count.
    let header = [0, 1, 0, 14 + 6 * n, 0x0001, n];
    for v in header.into_iter().chain(search_fields(n, 6)) {
        out.extend_from_slice(&v.to_be_bytes());
    }
    for (&(l, r), v) in pairs {
        out.extend(
            l.to_be_bytes()
                .into_iter()
                .chain(r.to_be_bytes())
                .chain(v.to_be_bytes()),
        );
    }
    Some(out)
}

/// The binary-search fields that follow a count of `n` (at least 1)
/// entries of `size` bytes in an sfnt's directory, a `cmap` subtable or a
/// `kern` subtable: searchRange (the largest power of two not above `n`,
/// times `size`), entrySelector (its log2) and rangeShift (the rest).
pub(crate) fn search_fields(n: u16, size: u16) -> [u16; 3] {
    let power = 1u16 << (15 - n.leading_zeros().min(15));
    [
        power * size,
        power.trailing_zeros() as u16,
        (n - power) * size,
    ]
}

/// Writes an sfnt with tables sorted by tag, padded, and checksummed.
fn write_font(tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let mut tables: Vec<&([u8; 4], Vec<u8>)> = tables.iter().collect();
    tables.sort_by_key(|t| t.0);
    let n = tables.len() as u16;
    let mut out = Vec::new();
    // Version 1.0, the table count, and the directory's search fields.
    for v in [1, 0, n].into_iter().chain(search_fields(n, 16)) {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = out.len() + 16 * tables.len();
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(out.len());
        }
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

/// The format-4 segments of `mapped`: (first character, last character,
/// glyph of the first), then the closing one at U+FFFF.
fn segments(mapped: &[(char, u16)]) -> Vec<(u16, u16, u16)> {
    let mut segments: Vec<(u16, u16, u16)> = Vec::new();
    for (c, g) in mapped
        .iter()
        .filter_map(|&(c, g)| Some((u16::try_from(u32::from(c)).ok()?, g)))
    {
        let extends = segments
            .last()
            .is_some_and(|&(start, end, first)| c == end + 1 && g == first.wrapping_add(c - start));
        match segments.last_mut() {
            Some(last) if extends => last.1 = c,
            _ => segments.push((c, c, g)),
        }
    }
    segments.push((0xFFFF, 0xFFFF, 0));
    segments
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0u8; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::cmap;

    #[test]
    fn a_cmap_maps_each_character_to_its_glyph_and_no_other() {
        // A run (A B C on 1 2 3), a run broken by its glyphs (D on 9), and
        // characters far apart.
        let mapped = [
            ('A', 1),
            ('B', 2),
            ('C', 3),
            ('D', 9),
            ('é', 7),
            ('\u{2019}', 4),
        ];
        let table = cmap(&mapped);
        let parsed = ttf_parser::cmap::Table::parse(&table).expect("a cmap");
        let sub = parsed.subtables.into_iter().next().expect("a subtable");
        assert!(sub.is_unicode());
        for (c, g) in mapped {
            assert_eq!(sub.glyph_index(u32::from(c)).map(|g| g.0), Some(g), "{c}");
        }
        for c in ['@', 'E', 'z', '\u{2018}'] {
            assert_eq!(sub.glyph_index(u32::from(c)), None, "{c}");
        }
    }
}

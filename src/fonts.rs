//! The shipped fonts: embedded bytes, metrics, coverage and shaping.
//!
//! A leaf of the pipeline: validation asks [`covers`] whether a letter's
//! text can be printed, and the PDF renderer measures and shapes with the
//! same tables, so the two can never disagree.
//!
//! Liberation Serif (four styles) sets all Latin text; Noto Serif Armenian is
//! the per-character fallback for Armenian script. The files live in
//! `templates/fonts/` and are compiled in, so no system font is ever read.
//! Advance widths are kept in whole thousandths of an em, truncated exactly as
//! printpdf writes the `/W` array, so that the widths used for line breaking
//! are the widths a PDF viewer advances by and justified lines end flush.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::Style;

macro_rules! font_file {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/fonts/",
            $name
        ))
    };
}

/// A character no shipped face draws, in the text it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The character.
    pub ch: char,
    /// The text it was in.
    pub text: String,
}

fn missing(ch: char, text: &str) -> MissingGlyph {
    MissingGlyph {
        ch,
        text: text.to_string(),
    }
}

/// One embedded font face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    /// Liberation Serif Regular.
    Regular,
    /// Liberation Serif Bold.
    Bold,
    /// Liberation Serif Italic.
    Italic,
    /// Liberation Serif Bold Italic.
    BoldItalic,
    /// Noto Serif Armenian Regular (fallback for Armenian script).
    Armenian,
    /// Noto Serif Armenian Bold.
    ArmenianBold,
}

impl Face {
    /// Every face, in a fixed order (the order of the font table).
    pub const ALL: [Face; 6] = [
        Face::Regular,
        Face::Bold,
        Face::Italic,
        Face::BoldItalic,
        Face::Armenian,
        Face::ArmenianBold,
    ];

    /// The Liberation face for an inline style.
    pub fn for_style(style: Style) -> Face {
        match (style.bold, style.italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    /// The PostScript name, used (with a subset tag) as the PDF `/BaseFont`.
    pub fn ps_name(self) -> &'static str {
        match self {
            Face::Regular => "LiberationSerif",
            Face::Bold => "LiberationSerif-Bold",
            Face::Italic => "LiberationSerif-Italic",
            Face::BoldItalic => "LiberationSerif-BoldItalic",
            Face::Armenian => "NotoSerifArmenian-Regular",
            Face::ArmenianBold => "NotoSerifArmenian-Bold",
        }
    }

    /// The font file as shipped.
    pub(crate) fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => font_file!("LiberationSerif-Regular.ttf"),
            Face::Bold => font_file!("LiberationSerif-Bold.ttf"),
            Face::Italic => font_file!("LiberationSerif-Italic.ttf"),
            Face::BoldItalic => font_file!("LiberationSerif-BoldItalic.ttf"),
            Face::Armenian => font_file!("NotoSerifArmenian-Regular.ttf"),
            Face::ArmenianBold => font_file!("NotoSerifArmenian-Bold.ttf"),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// FxHash for the small integer keys below: std's SipHash cost more than
/// all the rest of measuring a line.
type IntMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Characters below this are remembered per face once looked up: they are
/// nearly every character of a letter (Latin, Latin-1, Latin Extended).
const TABLED: usize = 0x250;

/// General Punctuation, remembered too: smartened text's curly quotes,
/// dashes and ellipses.
const PUNCTUATION: std::ops::Range<usize> = 0x2000..0x2070;

/// A remembered lookup: [`NOT_YET`], [`NO_GLYPH`], or the glyph id plus 2
/// with its advance above it (`advance << 32 | gid + 2`).
const NOT_YET: u64 = 0;
const NO_GLYPH: u64 = 1;

/// Metrics of one face, read from its tables as they are asked for.
struct Metrics {
    /// Glyph ids and advances of U+0000..[`TABLED`], each filled in the
    /// first time it is asked: a letter uses some seventy of them, and
    /// looking all 592 up when a face loads cost more than the rest of
    /// reading it.
    latin: [AtomicU64; TABLED],
    /// The same for [`PUNCTUATION`].
    punctuation: [AtomicU64; PUNCTUATION.end - PUNCTUATION.start],
    /// The face's tables.
    ttf: ttf_parser::Face<'static>,
    /// The Unicode cmap subtables, in file order.
    unicode: Vec<ttf_parser::cmap::Subtable<'static>>,
    /// `kern` table pairs (left << 16 | right) in 1/1000 em.
    kerning: IntMap<u32, f32>,
}

impl Metrics {
    /// The glyph of `ch`: the first Unicode subtable that maps it wins.
    fn lookup(&self, ch: char) -> Option<u16> {
        if self.slot(ch).is_some() {
            return self.glyph(ch).map(|(gid, _)| gid);
        }
        // Past the tables, only the cmap: validation asks whether each of a
        // season's characters is drawn, and never how wide it is.
        self.gid(ch)
    }

    /// Where `ch`'s lookup is remembered, if it is.
    fn slot(&self, ch: char) -> Option<&AtomicU64> {
        let at = ch as usize;
        self.latin.get(at).or_else(|| {
            let offset = at.checked_sub(PUNCTUATION.start)?;
            self.punctuation.get(offset)
        })
    }

    /// The glyph of `ch` and its advance in whole 1/1000 em (truncated, as
    /// printpdf's `/W`).
    fn glyph(&self, ch: char) -> Option<(u16, u16)> {
        let Some(slot) = self.slot(ch) else {
            return self.search(ch);
        };
        // Relaxed: two threads that both look a character up store the
        // same value.
        match slot.load(Ordering::Relaxed) {
            NOT_YET => {
                let found = self.search(ch);
                let packed = found.map_or(NO_GLYPH, |(gid, advance)| {
                    u64::from(advance) << 32 | (u64::from(gid) + 2)
                });
                slot.store(packed, Ordering::Relaxed);
                found
            }
            NO_GLYPH => None,
            packed => {
                let gid = u16::try_from((packed & 0xFFFF_FFFF) - 2).ok()?;
                Some((gid, (packed >> 32) as u16))
            }
        }
    }

    fn search(&self, ch: char) -> Option<(u16, u16)> {
        let gid = self.gid(ch)?;
        Some((gid, self.advance(gid)))
    }

    fn gid(&self, ch: char) -> Option<u16> {
        self.unicode
            .iter()
            .find_map(|s| s.glyph_index(ch as u32))
            .map(|g| g.0)
    }

    /// The advance of glyph `gid`, in whole 1/1000 em.
    fn advance(&self, gid: u16) -> u16 {
        let upem = f32::from(self.ttf.units_per_em());
        let adv = f32::from(
            self.ttf
                .glyph_hor_advance(ttf_parser::GlyphId(gid))
                .unwrap_or(0),
        );
        (adv * 1000.0 / upem) as u16
    }
}

/// A face's metrics, read the first time the face is needed: most letters
/// never touch the Armenian faces, and many not Bold Italic.
fn metrics(face: Face) -> &'static Metrics {
    static TABLE: [OnceLock<Metrics>; 6] = [const { OnceLock::new() }; 6];
    TABLE[face.index()].get_or_init(|| load(face))
}

/// Reads the cmap and kerning; advances are read as glyphs are asked for.
/// The files are ours and known good, so a parse failure is a build
/// defect, not a user error.
fn load(face: Face) -> Metrics {
    let ttf = ttf_parser::Face::parse(face.bytes(), 0).expect("shipped font parses");
    let upem = f32::from(ttf.units_per_em());
    let unicode: Vec<_> = ttf
        .tables()
        .cmap
        .iter()
        .flat_map(|c| c.subtables)
        .filter(|s| s.is_unicode())
        .collect();
    let mut kerning = IntMap::default();
    for p in kern_pairs(&ttf) {
        kerning.insert(p.pair, f32::from(p.value) * 1000.0 / upem);
    }
    Metrics {
        latin: [const { AtomicU64::new(NOT_YET) }; TABLED],
        punctuation: [const { AtomicU64::new(NOT_YET) }; PUNCTUATION.end - PUNCTUATION.start],
        ttf,
        unicode,
        kerning,
    }
}

/// The kerning pairs signon applies: those of the face's `kern`
/// subtables in format 0 that kern horizontally, in file order. The PDF's
/// metrics and the web page's subsets both read them here.
pub(crate) fn kern_pairs<'a>(
    ttf: &'a ttf_parser::Face<'_>,
) -> impl Iterator<Item = ttf_parser::kern::KerningPair> + 'a {
    ttf.tables()
        .kern
        .iter()
        .flat_map(|k| k.subtables)
        .filter(|sub| sub.horizontal && !sub.variable && !sub.has_cross_stream)
        .filter_map(|sub| match sub.format {
            ttf_parser::kern::Format::Format0(f0) => Some(f0.pairs),
            _ => None,
        })
        .flatten()
}

/// The character drawn for `ch`: Liberation Serif has no U+2011 (non-breaking
/// hyphen), whose glyph is the same as U+2010's.
pub(crate) fn drawn(ch: char) -> char {
    if ch == '\u{2011}' { '\u{2010}' } else { ch }
}

fn is_armenian(ch: char) -> bool {
    matches!(ch, '\u{0530}'..='\u{058F}' | '\u{FB13}'..='\u{FB17}')
}

/// The glyph id of `ch` in `face`, if the face has it.
pub(crate) fn glyph(face: Face, ch: char) -> Option<u16> {
    metrics(face).lookup(drawn(ch))
}

/// The face that draws `ch` in `style`: the Liberation face, or Noto Serif
/// Armenian for Armenian script (upright: it has no italic).
pub(crate) fn face_for(style: Style, ch: char) -> Option<Face> {
    let face = Face::for_style(style);
    if glyph(face, ch).is_some() {
        return Some(face);
    }
    let fallback = if style.bold {
        Face::ArmenianBold
    } else {
        Face::Armenian
    };
    (is_armenian(ch) && glyph(fallback, ch).is_some()).then_some(fallback)
}

/// Whether `ch` is never drawn: soft hyphens and zero-width spaces (the
/// renderer hyphenates by itself). The web page drops them too, and counts
/// the PDF's characters without them (`render::lines`).
pub(crate) fn dropped(ch: char) -> bool {
    matches!(ch, '\u{ad}' | '\u{200b}')
}

/// Text as drawn: tabs and line ends become spaces, and what is
/// [`dropped`] goes.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| !dropped(c))
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Latin-1, Latin Extended-A and -B, and General Punctuation: where every
/// Liberation style has the same characters.
pub(crate) const SAME_IN_EVERY_STYLE: [std::ops::RangeInclusive<char>; 2] =
    ['\u{a0}'..='\u{24f}', '\u{2000}'..='\u{206f}'];

/// Whether the shipped fonts draw `ch` in every style (or [`clean`] drops it).
pub fn covers(ch: char) -> bool {
    // Every Liberation style draws all of printable ASCII (a test checks),
    // and nearly all text is ASCII: validation asks about every character
    // of every letter, which cost a tenth of a render in lookups.
    if ch == ' ' || ch.is_ascii_graphic() {
        return true;
    }
    // What `clean` drops is never drawn (two lie in the ranges below).
    if matches!(ch, '\n' | '\r' | '\t') || dropped(ch) {
        return true;
    }
    // In these ranges the four styles draw the same characters (a test
    // checks): asking the regular face spares loading the others' metrics.
    if SAME_IN_EVERY_STYLE.iter().any(|r| r.contains(&ch)) {
        return glyph(Face::Regular, ch).is_some();
    }
    [false, true].iter().all(|&bold| {
        [false, true]
            .iter()
            .all(|&italic| face_for(Style { bold, italic }, ch).is_some())
    })
}

/// One positioned glyph of a shaped run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    /// Glyph id in the full (unsubset) font.
    pub(crate) gid: u16,
    /// The character it draws (for the ToUnicode map).
    pub(crate) ch: char,
    /// Advance width, 1/1000 em.
    pub(crate) advance: f32,
    /// Kerning to the next glyph, 1/1000 em (negative: closer).
    pub(crate) kern: f32,
}

/// Glyphs of `text` in `face` with kerning; unmapped characters are an error.
pub(crate) fn shape(face: Face, text: &str) -> Result<Vec<Glyph>, MissingGlyph> {
    let m = metrics(face);
    let mut out: Vec<Glyph> = Vec::with_capacity(text.len());
    for ch in text.chars() {
        let (gid, advance) = m.glyph(drawn(ch)).ok_or_else(|| missing(ch, text))?;
        if let Some(prev) = out.last_mut() {
            let key = u32::from(prev.gid) << 16 | u32::from(gid);
            prev.kern = m.kerning.get(&key).copied().unwrap_or(0.0);
        }
        out.push(Glyph {
            gid,
            ch,
            advance: f32::from(advance),
            kern: 0.0,
        });
    }
    Ok(out)
}

/// Width of `text` in `face` at `size` pt, kerning included.
/// Line breaking measures every fragment, so this sums as it goes rather
/// than building the glyph list of [`shape`].
pub(crate) fn width(face: Face, text: &str, size: f32) -> Result<f32, MissingGlyph> {
    let m = metrics(face);
    let (mut units, mut prev) = (0.0, None);
    for ch in text.chars() {
        let (gid, advance) = m.glyph(drawn(ch)).ok_or_else(|| missing(ch, text))?;
        if let Some(p) = prev {
            let key = u32::from(p) << 16 | u32::from(gid);
            units += m.kerning.get(&key).copied().unwrap_or(0.0);
        }
        units += f32::from(advance);
        prev = Some(gid);
    }
    Ok(units * size / 1000.0)
}

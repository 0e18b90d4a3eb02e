//! Right-to-left text within a line (UAX #9): Hebrew words in an English
//! letter are drawn right to left, the line itself still left to right.
//!
//! Levels are resolved once per paragraph, with a left-to-right base (as the
//! HTML, where the browser does the same with no `dir` given); the lines are
//! reordered one by one after the breaks are chosen (rule L2 applies to a
//! line, not to the paragraph), so breaking, hyphenation and justification
//! all work in logical order and only the drawn runs change. Hebrew letters
//! need no shaping; scripts that do (Arabic) are refused by `check`.

use std::ops::Range;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo, bidi_class};

use super::Face;

/// The embedding level of every byte of `text`, or None when nothing in it
/// is right to left (nearly every paragraph: then nothing is reordered).
pub(super) fn levels(text: &str) -> Option<Vec<Level>> {
    let rtl = text.chars().any(|c| {
        !c.is_ascii()
            && matches!(
                bidi_class(c),
                BidiClass::R
                    | BidiClass::AL
                    | BidiClass::AN
                    | BidiClass::RLE
                    | BidiClass::RLO
                    | BidiClass::RLI
            )
    });
    if !rtl {
        return None;
    }
    let info = ParagraphBidiInfo::new(text, Some(Level::ltr()));
    info.has_rtl().then_some(info.levels)
}

/// The characters of `text[line]` in visual order, left to right, as runs of
/// one face (`face_at` gives the face of a byte). A character in a
/// right-to-left run is drawn as its mirror image (rule L4: `(` faces the
/// other way). Only the line's levels are copied, so a long paragraph costs
/// no more per line than a short one.
pub(super) fn visual(
    text: &str,
    levels: &[Level],
    line: Range<usize>,
    face_at: impl Fn(usize) -> Face,
) -> Vec<(Face, String)> {
    let chars: Vec<(usize, char)> = text[line.clone()]
        .char_indices()
        .map(|(i, c)| (line.start + i, c))
        .collect();
    let mut line_levels: Vec<Level> = chars.iter().map(|&(i, _)| levels[i]).collect();
    // Rule L1: white space at the end of a line takes the paragraph's level.
    for (k, &(_, c)) in chars.iter().enumerate().rev() {
        if !c.is_whitespace() {
            break;
        }
        line_levels[k] = Level::ltr();
    }
    let mut parts: Vec<(Face, String)> = Vec::new();
    for k in ParagraphBidiInfo::reorder_visual(&line_levels) {
        let (at, c) = chars[k];
        let c = match line_levels[k].is_rtl() {
            true => unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c),
            false => c,
        };
        let face = face_at(at);
        match parts.last_mut() {
            Some((f, t)) if *f == face => t.push(c),
            _ => parts.push((face, c.to_string())),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(text: &str) -> String {
        let levels = levels(text).unwrap_or_else(|| vec![Level::ltr(); text.len()]);
        visual(text, &levels, 0..text.len(), |_| Face::Regular)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn latin_text_has_no_levels() {
        assert_eq!(levels("Section 907 of the FREEDOM Support Act"), None);
        assert_eq!(levels("Հայաստան"), None);
    }

    #[test]
    fn a_hebrew_word_is_drawn_right_to_left_in_an_english_line() {
        assert_eq!(drawn("we say שלום to all"), "we say םולש to all");
    }

    #[test]
    fn hebrew_words_keep_their_order_right_to_left() {
        // Two Hebrew words: the phrase reads right to left, each word too.
        assert_eq!(drawn("say שלום עולם now"), "say םלוע םולש now");
    }

    #[test]
    fn brackets_in_hebrew_are_mirrored() {
        assert_eq!(drawn("שלום (עולם)"), "(םלוע) םולש");
    }
}

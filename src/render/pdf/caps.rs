//! Letter-spaced capitals: how the letterhead's lines are drawn.
//!
//! Each letter is drawn as its capital (CSS `text-transform: uppercase`)
//! and letter-spacing is added after every character, spaces included, as
//! CSS `letter-spacing` does; lines break only at spaces and are centred.
//! The web page sets the same lines with those two CSS properties, so both
//! media show one letterhead. Capitals at one size, rather than small
//! capitals mixed with larger ones: Liberation Serif has no small-capital
//! glyphs, and the synthesized kind (capitals at 0.7 of the size for the
//! lowercase letters) changes the font size inside a word, which poppler's
//! text extraction splits ("U nited") even with `/ActualText`; Chromium's
//! print of `text-transform: uppercase` extracts as the capitals it draws,
//! so the PDF and the printed page read the same.

use crate::compose::Style;

use super::PdfError;
use super::flow::run;
use super::fonts::{self, Face};
use super::layout::Run;

/// A line's size and letter-spacing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CapsPen {
    /// Size, pt.
    pub(crate) size: f32,
    /// Letter-spacing, in ems (CSS `letter-spacing: <n>em`). Kept under
    /// 0.1 em: past it poppler reads each letter as a word of its own.
    pub(crate) tracking: f32,
}

/// One word in capitals: its pieces by face (Armenian letters fall back to
/// Noto Serif Armenian, as in the body) and its width.
struct Word {
    pieces: Vec<(Face, String)>,
    width: f32,
}

/// Sets `text` in capitals, in lines no wider than `measure`, each centred
/// on `centre`: the runs of each line with baselines at 0 (the caller places
/// the line).
pub(crate) fn centred_lines(
    text: &str,
    pen: CapsPen,
    centre: f32,
    measure: f32,
) -> Result<Vec<Vec<Run>>, PdfError> {
    let spacing = pen.tracking * pen.size;
    // From the end of a word's last letter to the next word: the spacing
    // after that letter, the space, and the spacing after the space.
    let gap = fonts::width(Face::Regular, " ", pen.size)? + 2.0 * spacing;
    let mut lines: Vec<(Vec<Word>, f32)> = Vec::new();
    for w in text.split(' ').filter(|w| !w.is_empty()) {
        let word = word(w, pen)?;
        match lines.last_mut() {
            Some((line, width)) if *width + gap + word.width <= measure => {
                *width += gap + word.width;
                line.push(word);
            }
            _ => {
                let width = word.width;
                lines.push((vec![word], width));
            }
        }
    }
    let place = |(line, width): (Vec<Word>, f32)| {
        let mut start = centre - width / 2.0;
        let mut runs = Vec::new();
        let last = line.len().saturating_sub(1);
        for (i, mut word) in line.into_iter().enumerate() {
            // Each word is placed by its own run, but a space ends all but
            // the line's last, so that extracted text keeps the words apart.
            if let Some((_, text)) = word.pieces.last_mut().filter(|_| i < last) {
                text.push(' ');
            }
            let mut x = start;
            for (face, text) in word.pieces {
                runs.push(Run {
                    size: pen.size,
                    letter_space: spacing,
                    ..run(x, 0.0, face, &text)
                });
                x += fonts::width(face, &text, pen.size)? + spacing * text.chars().count() as f32;
            }
            start += word.width + gap;
        }
        Ok(runs)
    };
    lines.into_iter().map(place).collect()
}

/// A word in capitals, cut where the face changes; its width has the
/// spacing after each letter but the last.
fn word(text: &str, pen: CapsPen) -> Result<Word, PdfError> {
    let spacing = pen.tracking * pen.size;
    let mut pieces: Vec<(Face, String)> = Vec::new();
    for ch in text.chars().flat_map(char::to_uppercase) {
        let face =
            fonts::face_for(Style::default(), ch).ok_or_else(|| PdfError::missing(ch, text))?;
        match pieces.last_mut() {
            Some((f, s)) if *f == face => s.push(ch),
            _ => pieces.push((face, ch.to_string())),
        }
    }
    let mut width = -spacing;
    for (face, s) in &pieces {
        width += fonts::width(*face, s, pen.size)? + spacing * s.chars().count() as f32;
    }
    Ok(Word { pieces, width })
}

#[cfg(test)]
mod tests {
    use super::{CapsPen, centred_lines};

    const PEN: CapsPen = CapsPen {
        size: 16.0,
        tracking: 0.06,
    };

    #[test]
    fn every_letter_is_a_capital_with_letter_spacing() {
        let lines = centred_lines("Washington, DC 20515", PEN, 306.0, 468.0).unwrap();
        let texts: Vec<_> = lines[0].iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["WASHINGTON, ", "DC ", "20515"]);
        assert!(lines[0].iter().all(|r| r.size == 16.0));
        assert!((lines[0][0].letter_space - 0.96).abs() < 1e-5);
    }

    #[test]
    fn a_line_is_centred() {
        let lines = centred_lines("Congress of the United States", PEN, 306.0, 468.0).unwrap();
        let (left, right) = (lines[0][0].x, lines[0].last().unwrap().right());
        assert!((left + right - 612.0).abs() < 0.5, "{left} {right}");
    }

    #[test]
    fn a_long_line_wraps_at_spaces_inside_the_measure() {
        let long = "Committee on Foreign Affairs of the House of Representatives";
        let lines = centred_lines(long, PEN, 306.0, 468.0).unwrap();
        assert_eq!(lines.len(), 2);
        for r in lines.iter().flatten() {
            assert!(r.x >= 72.0 && r.right() <= 540.0, "{r:?}");
        }
    }

    #[test]
    fn armenian_letters_take_the_armenian_face_in_capitals() {
        let lines = centred_lines("Հայաստան", PEN, 306.0, 468.0).unwrap();
        assert_eq!(lines[0][0].text, "ՀԱՅԱՍՏԱՆ");
        assert_eq!(lines[0].len(), 1);
        assert_eq!(lines[0][0].face, crate::render::pdf::Face::Armenian);
    }
}

//! Line breaking: justification quality, hyphenation, forced breaks, NBSP.

use super::{SAMPLE_BODY, parse_body, plain};
use crate::render::pdf::PdfError;
use crate::render::pdf::flow::{Align, Pen, line_runs};
use crate::render::pdf::fonts::{self, Face};
use crate::render::pdf::layout::Run;
use crate::render::pdf::linebreak::{Line, break_lines, is_space};

const MEASURE: f32 = 468.0;

fn text_of(line: &Line) -> String {
    line.pieces.iter().map(|p| p.text.as_str()).collect()
}

fn lines(text: &str, measure: f32) -> Vec<Line> {
    break_lines(&plain(text), 12.0, measure).unwrap()
}

/// The first run of every justified line of the sample letter's body
/// paragraphs and asks, as `line_runs` justifies them.
fn sample_justified() -> Vec<Run> {
    let mut runs = Vec::new();
    for s in parse_body(SAMPLE_BODY) {
        // Asks hang 36 pt in from the margin.
        let paras = s.paragraphs.iter().map(|p| (p, MEASURE));
        for (p, measure) in paras.chain(s.asks.iter().map(|p| (p, MEASURE - 36.0))) {
            let pen = Pen {
                x: 72.0,
                measure,
                align: Align::Justify,
                size: 12.0,
                lead: 14.0,
            };
            for l in break_lines(p, 12.0, measure).unwrap() {
                let first = line_runs(&l, pen, 0.0).into_iter().next();
                runs.extend(first.filter(|r| r.word_space != 0.0));
            }
        }
    }
    runs
}

#[test]
fn p90_space_stretch_of_the_sample_is_at_most_1_6() {
    let mut r: Vec<f32> = sample_justified().iter().map(Run::space_stretch).collect();
    r.sort_by(f32::total_cmp);
    let p90 = r[(r.len() * 9) / 10];
    eprintln!(
        "lines {} min {:.2} median {:.2} p90 {:.2} max {:.2}",
        r.len(),
        r[0],
        r[r.len() / 2],
        p90,
        r[r.len() - 1]
    );
    assert!(p90 <= 1.6, "p90 {p90}");
    assert!(r[0] >= 0.79, "spaces shrink at most to 0.8: {}", r[0]);
}

/// Tracking is the second resort: only on lines whose spaces already
/// stretch by a third, and never more than 1.5% of the em per letter gap.
#[test]
fn only_loose_lines_are_tracked_and_by_little() {
    let runs = sample_justified();
    assert!(runs.iter().any(|r| r.letter_space > 0.0), "no loose line?");
    for r in runs {
        assert!(r.letter_space >= 0.0 && r.letter_space <= 0.015 * 12.0 + 1e-4);
        let stretch = r.space_stretch();
        assert!(r.letter_space == 0.0 || stretch >= 1.33 - 1e-3, "{stretch}");
    }
}

#[test]
fn no_line_is_wider_than_the_measure_after_justification() {
    for s in parse_body(SAMPLE_BODY) {
        for p in &s.paragraphs {
            for l in break_lines(p, 12.0, MEASURE).unwrap() {
                let shrink =
                    fonts::width(Face::Regular, " ", 12.0).unwrap() * 0.2 * l.spaces as f32;
                assert!(l.width - shrink <= MEASURE + 0.01, "{:?}", text_of(&l));
            }
        }
    }
}

#[test]
fn hyphenates_lowercase_words_with_a_real_hyphen() {
    let text = "The extraordinary administrative responsibilities of international organizations are considerable.";
    let ls = lines(text, 150.0);
    let joined: Vec<String> = ls.iter().map(text_of).collect();
    assert!(joined.iter().any(|l| l.ends_with('-')), "{joined:?}");
    assert!(joined.iter().all(|l| !l.contains('\u{ad}')));
    let rejoined = joined
        .iter()
        .map(|l| l.trim_end_matches('-'))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(rejoined.replace(' ', ""), text.replace(' ', ""));
}

#[test]
fn never_hyphenates_capitalised_words() {
    let ls = lines(
        "Representatives Velázquez Congressional Mediterranean Constantinople Washingtonians",
        100.0,
    );
    assert!(
        ls.iter().all(|l| !text_of(l).ends_with('-')),
        "{:?}",
        ls.iter().map(text_of).collect::<Vec<_>>()
    );
}

#[test]
fn nbsp_holds_words_together() {
    let text = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp";
    let glued = text.replace(' ', "\u{a0}");
    for l in lines(&format!("x {glued}"), 1000.0)
        .iter()
        .chain(&lines(text, 60.0))
    {
        assert!(!text_of(l).starts_with('\u{a0}'));
    }
    // Glued, the words form one unbreakable unit: only a forced break splits it.
    let ls = lines(&format!("start {glued}"), 1000.0);
    assert_eq!(ls.len(), 1);
    assert!(is_space('\u{a0}'));
}

#[test]
fn a_300_character_word_is_broken_within_the_measure() {
    let word = "x".repeat(300);
    let ls = lines(&format!("Before {word} after"), MEASURE);
    assert!(ls.len() >= 3);
    for l in &ls {
        assert!(l.width <= MEASURE + 0.01, "{}", l.width);
    }
    let all: String = ls.iter().map(text_of).collect::<Vec<_>>().join("");
    assert_eq!(all.matches('x').count(), 300);
    assert!(!all.contains('-'), "a forced break draws no hyphen");
}

#[test]
fn last_line_is_ragged_and_styles_become_faces() {
    let ls = lines(
        "Plain and *italic* words that run on for a while, then end.",
        200.0,
    );
    assert!(ls.last().unwrap().last);
    assert!(
        ls.iter()
            .flat_map(|l| &l.pieces)
            .any(|p| p.face == Face::Italic)
    );
}

#[test]
fn a_missing_glyph_is_an_error_naming_it() {
    let err = break_lines(&plain("Tokyo 東京"), 12.0, MEASURE).unwrap_err();
    assert_eq!(
        err,
        PdfError::MissingGlyph {
            ch: '東',
            text: "Tokyo 東京".into()
        }
    );
}

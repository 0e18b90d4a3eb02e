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
    assert!(r[0] >= 0.666, "spaces shrink at most to 2/3: {}", r[0]);
}

/// Tracking is the last resort: only on lines whose spaces already
/// stretch by half, and never widening the words by more than 0.5% (issue
/// #14 found a word 3.1% wide).
#[test]
fn only_loose_lines_are_tracked_and_by_at_most_half_a_percent() {
    let space = fonts::width(Face::Regular, " ", 12.0).unwrap();
    let mut tracked = 0;
    for s in parse_body(SAMPLE_BODY) {
        for p in s.paragraphs.iter().chain(&s.asks) {
            for m in [MEASURE, MEASURE - 36.0, 300.0] {
                let pen = Pen {
                    x: 72.0,
                    measure: m,
                    align: Align::Justify,
                    size: 12.0,
                    lead: 14.0,
                };
                for l in break_lines(p, 12.0, m).unwrap() {
                    let Some(r) = line_runs(&l, pen, 0.0).into_iter().next() else {
                        continue;
                    };
                    let words = l.width - space * l.spaces as f32;
                    let widening = r.letter_space * l.gaps as f32 / words;
                    assert!(widening <= 0.005 + 1e-6, "{widening} {:?}", text_of(&l));
                    assert!(r.letter_space == 0.0 || r.space_stretch() >= 1.5 - 1e-3);
                    tracked += usize::from(r.letter_space > 0.0);
                }
            }
        }
    }
    assert!(tracked > 0, "no loose line at 300 pt?");
}

#[test]
fn no_line_is_wider_than_the_measure_after_justification() {
    for s in parse_body(SAMPLE_BODY) {
        for p in &s.paragraphs {
            for l in break_lines(p, 12.0, MEASURE).unwrap() {
                let shrink =
                    fonts::width(Face::Regular, " ", 12.0).unwrap() * (1.0 / 3.0) * l.spaces as f32;
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

/// Which lines of paragraph `para` of section `section` of the sample, set
/// `measure` pt wide, end in a hyphen.
fn sample_hyphens(section: usize, para: usize, measure: f32) -> Vec<bool> {
    let sections = parse_body(SAMPLE_BODY);
    let p = &sections[section].paragraphs[para];
    break_lines(p, 12.0, measure)
        .unwrap()
        .iter()
        .map(|l| text_of(l).ends_with('-'))
        .collect()
}

/// "Armenia has made real progress…" at 422 pt: without the demerits for
/// two hyphens in a row, lines 3 and 4 both end in one.
#[test]
fn no_two_lines_in_a_row_end_in_a_hyphen() {
    let ends = sample_hyphens(1, 0, 422.0);
    assert!(!ends.windows(2).any(|w| w[0] && w[1]), "{ends:?}");
}

/// "We write to urge…" at 443 pt: without the final-hyphen demerits the
/// paragraph ends "inhab-" / "itants in a matter of days."
#[test]
fn the_penultimate_line_does_not_end_in_a_hyphen() {
    let ends = sample_hyphens(0, 0, 443.0);
    assert!(!ends[ends.len() - 2], "{ends:?}");
}

/// TeX's first pass: a paragraph that sets within tolerance 100 without
/// hyphens gets none, though hyphens would make its spaces a little more
/// even ("We are also concerned…" at 419 pt gets one without it).
#[test]
fn a_paragraph_that_sets_well_without_hyphens_gets_none() {
    assert!(sample_hyphens(1, 1, 419.0).iter().all(|&h| !h));
}

/// The measures of the sweeps below: narrow columns to a full line.
fn measures() -> impl Iterator<Item = f32> {
    (0..40).map(|i| 150.0 + 8.0 * i as f32)
}

#[test]
fn no_line_begins_with_an_em_or_en_dash() {
    let text = "Families in California — many of them descendants of survivors — have \
        told us of relatives who fled with nothing – and of churches left unprotected";
    for m in measures() {
        for l in lines(text, m) {
            let t = text_of(&l);
            assert!(!t.starts_with(['—', '–']), "at {m} pt: {t:?}");
        }
    }
}

/// Where the URL below may break: after "//" and "/", before "." "?" "-".
const URL: &str = "https://caucasusheritage.cornell.edu/monuments/nagorno-karabakh?year=2023";

#[test]
fn a_url_breaks_only_at_its_punctuation_and_never_gets_a_hyphen() {
    let allowed = [
        "https://",
        "caucasusheritage",
        ".cornell",
        ".edu/",
        "monuments/",
        "nagorno",
        "-karabakh",
        "?year=2023",
    ];
    let text = format!("The list is at {URL} for all to see");
    for m in measures() {
        let texts: Vec<String> = lines(&text, m).iter().map(text_of).collect();
        assert_eq!(
            texts.concat().replace(' ', ""),
            text.replace(' ', ""),
            "at {m} pt"
        );
        // Each line's part of the URL is a run of whole pieces.
        let mut rest = URL;
        for t in &texts {
            let part = t
                .split(' ')
                .find(|w| URL.contains(w) && w.len() > 3)
                .unwrap_or("");
            if part.is_empty() || !rest.starts_with(part) {
                continue;
            }
            let mut taken = part;
            while !taken.is_empty() {
                let piece = allowed.iter().find(|p| taken.starts_with(*p));
                let piece = piece.unwrap_or_else(|| panic!("at {m} pt: {part:?} in {texts:?}"));
                taken = &taken[piece.len()..];
            }
            rest = &rest[part.len()..];
        }
    }
}

#[test]
fn words_with_a_capital_or_digit_are_never_hyphenated() {
    let text = "Representatives Velázquez AUTHORIZATIONS 2,000kilometres Congressional \
        Mediterranean Constantinople 1234567890123";
    for m in measures() {
        assert!(
            lines(text, m).iter().all(|l| !text_of(l).ends_with('-')),
            "at {m} pt"
        );
    }
}

/// A word after a space of more than one byte (a thin space, U+2009) is
/// found whole when the paragraph needs hyphens: the word's start was once
/// taken as one byte after the space, inside it, and the render panicked.
#[test]
fn a_word_after_a_thin_space_is_hyphenated_without_a_panic() {
    let text = "and here and thin\u{2009}space and narrow unbelievably \
                extraordinarily long compound words to cross";
    let set = lines(text, 90.0);
    assert!(set.len() > 3, "{} lines", set.len());
    assert!(set.iter().any(|l| l.hyphen), "no line is hyphenated");
}

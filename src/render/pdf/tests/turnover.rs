//! Turnover lines of names, roles, titles and quotation sources (#14).

use crate::render::pdf::flow::{Align, Pen, turnover};
use crate::render::pdf::fonts::{self, Face};
use crate::render::pdf::layout::Run;

/// A signature column's width.
const COLUMN: f32 = 216.0;

fn pen(measure: f32, align: Align) -> Pen {
    Pen {
        x: 72.0,
        measure,
        align,
        size: 12.0,
        lead: 14.0,
    }
}

fn set(text: &str, measure: f32, align: Align) -> Vec<Vec<Run>> {
    turnover(text, pen(measure, align), 12.0).unwrap()
}

fn texts(lines: &[Vec<Run>]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.iter().map(|r| r.text.as_str()).collect())
        .collect()
}

fn width(text: &str) -> f32 {
    fonts::width(Face::Regular, text, 12.0).unwrap()
}

#[test]
fn a_role_turns_over_after_its_comma() {
    let role = "Vice Co-Chair, Congressional Armenian Caucus";
    let measure = width("Vice Co-Chair, Congressional Armenian") + 1.0;
    assert!(width(role) > measure);
    let lines = set(role, measure, Align::Left);
    assert_eq!(
        texts(&lines),
        ["Vice Co-Chair,", "Congressional Armenian Caucus"]
    );
}

#[test]
fn lines_after_the_first_hang_under_the_indent() {
    let lines = set(
        "Ranking Member, Subcommittee on National Security",
        200.0,
        Align::Left,
    );
    assert!(lines.len() >= 2);
    assert_eq!(lines[0][0].x, 72.0);
    for l in &lines[1..] {
        assert_eq!(l[0].x, 84.0);
    }
}

#[test]
fn a_name_never_breaks_at_its_own_hyphen_or_gets_one() {
    let name = "Representative Debbie Wasserman-Schultz-Extraordinarily";
    for measure in [120.0, 160.0, 200.0, COLUMN] {
        for t in texts(&set(name, measure, Align::Left)) {
            assert!(!t.ends_with('-'), "at {measure}: {t:?}");
        }
    }
}

#[test]
fn no_single_word_is_left_alone_on_the_last_line() {
    let title = "Chair of the Permanent Select Committee on Intelligence";
    let measure = width("Chair of the Permanent Select Committee on") + 1.0;
    let lines = texts(&set(title, measure, Align::Left));
    assert!(lines.last().unwrap().contains(' '), "{lines:?}");
}

#[test]
fn a_source_that_fits_stays_flush_right() {
    let source = "\u{2014}\u{a0}Co-Chairs, February 6, 2025";
    let lines = set(source, 396.0, Align::Right);
    assert_eq!(lines.len(), 1);
    let x = lines[0][0].x;
    assert!((x + width(source) - (72.0 + 396.0)).abs() < 0.01, "{x}");
}

#[test]
fn a_source_of_more_than_one_line_is_flush_left_and_unhyphenated() {
    let source = "\u{2014}\u{a0}Congressional Armenian Caucus Co-Chairs, in a letter to \
        the Secretary of State on the anniversary of the offensive, February 6, 2025";
    let lines = set(source, 396.0, Align::Right);
    assert!(lines.len() >= 2);
    assert_eq!(lines[0][0].x, 72.0, "flush left");
    assert!(texts(&lines).iter().all(|t| !t.ends_with('-')));
    assert!(texts(&lines)[0].ends_with(','), "{:?}", texts(&lines));
}

#[test]
fn a_word_wider_than_the_column_is_cut_inside_it() {
    let name = format!("Rep. {}", "Nagorno".repeat(43));
    let lines = set(&name, COLUMN, Align::Left);
    assert!(lines.len() > 2);
    for l in &lines {
        assert!(l.iter().all(|r| r.right() <= 72.0 + COLUMN + 0.01), "{l:?}");
    }
    assert_eq!(texts(&lines).concat(), name.replace(' ', ""));
}

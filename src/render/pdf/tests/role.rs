//! Roles on the layout: every run of a letter has one, the structure
//! elements come in reading order, and hyphenated words are joined.

use super::{Letter, sample};
use crate::render::pdf::PdfOptions;
use crate::render::pdf::flow::run;
use crate::render::pdf::fonts::Face;
use crate::render::pdf::layout::{Run, layout};
use crate::render::pdf::role::{Join, Kind, Role, join_hyphenated};
use crate::render::pdf::structure::ua_ready;

#[test]
fn every_run_of_a_draft_letter_has_a_role() {
    let c = Letter::new().sample_body().signers(3, 8).draft().build();
    let l = layout(&c, &PdfOptions::default()).unwrap();
    assert!(l.pages.len() > 1);
    let runs: Vec<&Run> = l.pages.iter().flat_map(|p| &p.runs).collect();
    assert!(runs.iter().all(|r| r.role != Role::Untagged));
    assert!(runs.iter().any(|r| r.role == Role::Watermark));
    assert!(runs.iter().any(|r| r.role == Role::Header));
    assert!(ua_ready(&l));
}

#[test]
fn structure_starts_with_the_letterhead_heading() {
    let l = layout(&sample(), &PdfOptions::default()).unwrap();
    assert_eq!(l.tree[0].kind, Kind::H1);
    assert!(l.tree.iter().any(|n| n.kind == Kind::H2));
}

#[test]
fn a_letter_without_letterhead_does_not_claim_pdf_ua() {
    let c = Letter::new()
        .sample_body()
        .with(|c| c.letterhead.clear())
        .build();
    let l = layout(&c, &PdfOptions::default()).unwrap();
    assert!(l.tree.iter().any(|n| n.kind == Kind::H2));
    assert!(!ua_ready(&l), "a first heading H2 skips a level");
}

fn line(text: &str) -> Vec<Run> {
    vec![run(72.0, 0.0, Face::Regular, text)]
}

#[test]
fn a_break_inside_a_word_joins_it_without_the_hyphen() {
    let mut lines = vec![line("a pre-"), line("condition, then")];
    join_hyphenated(&mut lines, "a precondition, then");
    assert_eq!(lines[0][0].join, Join::Head("precondition,".into()));
    assert_eq!(lines[1][0].join, Join::Tail);
}

#[test]
fn a_break_after_the_word_s_own_hyphen_keeps_it() {
    let mut lines = vec![line("a well-"), line("known fact")];
    join_hyphenated(&mut lines, "a well-known fact");
    assert_eq!(lines[0][0].join, Join::Head("well-known".into()));
}

#[test]
fn a_dash_alone_at_a_line_end_joins_nothing() {
    let mut lines = vec![line("pages 3 -"), line("5 of it")];
    join_hyphenated(&mut lines, "pages 3 - 5 of it");
    assert_eq!(lines[0][0].join, Join::None);
    assert_eq!(lines[1][0].join, Join::None);
}

#[test]
fn a_line_between_two_breaks_is_a_second_half_and_a_first_half() {
    let mut lines = vec![line("a pre-"), line("condition and re-"), line("covery")];
    join_hyphenated(&mut lines, "a precondition and recovery");
    assert_eq!(lines[1][0].join, Join::Both("recovery".into()));
    assert_eq!(lines[2][0].join, Join::Tail);
}

#[test]
fn the_same_spelling_elsewhere_does_not_keep_an_inserted_hyphen() {
    let mut lines = vec![line("to re-cover, then re-"), line("cover it")];
    join_hyphenated(&mut lines, "to re-cover, then recover it");
    assert_eq!(lines[0][0].join, Join::Head("recover".into()));
}

#[test]
fn an_address_broken_at_its_punctuation_joins_whole() {
    let mut lines = vec![line("see caucasusheritage.cornell"), line(".edu/ today")];
    join_hyphenated(&mut lines, "see caucasusheritage.cornell.edu/ today");
    let url = "caucasusheritage.cornell.edu/";
    assert_eq!(lines[0][0].join, Join::Head(url.into()));
    assert_eq!(lines[1][0].join, Join::Tail);
}

#[test]
fn a_break_at_a_space_joins_nothing() {
    let mut lines = vec![line("see the"), line("report today")];
    join_hyphenated(&mut lines, "see the report today");
    assert_eq!(lines[0][0].join, Join::None);
    assert_eq!(lines[1][0].join, Join::None);
}

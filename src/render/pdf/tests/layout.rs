//! Layout: pages, keeps, headers, the draft marks, the snapshot.

use super::{Letter, sample, section, texts};
use crate::render::pdf::layout::{Layout, layout};
use crate::render::pdf::{Face, Paper, PdfOptions};

fn lay(c: &crate::compose::Composed) -> Layout {
    layout(c, &PdfOptions::default()).unwrap()
}

/// Index of the page holding a run whose text is `text`.
fn page_of(l: &Layout, text: &str) -> Option<usize> {
    l.pages
        .iter()
        .position(|p| p.runs.iter().any(|r| r.text == text))
}

#[test]
fn sample_has_letterhead_date_addresses_and_closing() {
    let l = lay(&sample());
    let p1 = &texts(&l)[0];
    for want in [
        "CONGRESS ",
        "February 6, 2025",
        "The Honorable Marco Rubio",
        "Dear Secretary Rubio:",
    ] {
        assert!(p1.iter().any(|t| t == want), "{want}");
    }
    assert_eq!(l.pages[0].rules.len(), 1, "rule under the letterhead");
    assert!(page_of(&l, "Sincerely,").is_some());
    assert!(page_of(&l, "Enclosure: ").is_some());
    assert!(l.pages.len() >= 2);
}

#[test]
fn everything_stays_inside_the_margins() {
    for paper in [Paper::Letter, Paper::A4] {
        let l = layout(&sample(), &PdfOptions { paper }).unwrap();
        for r in l.pages.iter().flat_map(|p| &p.runs) {
            let right = r.right();
            assert!(
                r.x >= 71.9 && right <= l.width - 71.9,
                "{:?} {} {right}",
                r.text,
                r.x
            );
            assert!(
                r.y >= 71.9 && r.y <= l.height - 20.0,
                "{:?} {}",
                r.text,
                r.y
            );
        }
    }
}

#[test]
fn forty_five_signers_flow_over_pages_with_headers() {
    let c = Letter::new().sample_body().signers(4, 41).build();
    let l = lay(&c);
    assert!(l.pages.len() >= 3, "{}", l.pages.len());
    for (i, page) in l.pages.iter().enumerate().skip(1) {
        let t: Vec<&str> = page.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            &t[..3],
            [
                "The Honorable Marco Rubio",
                "February 6, 2025",
                &format!("Page {}", i + 1)
            ]
        );
        assert!(!t.contains(&"CONGRESS "));
    }
    let names = l
        .pages
        .iter()
        .flat_map(|p| &p.runs)
        .filter(|r| r.text.starts_with("Member of Congress"))
        .count();
    assert_eq!(names, 45);
}

#[test]
fn signature_blocks_never_split_across_pages() {
    // A block is name, title, role: each page holds as many titles as names,
    // and as many role starts as lead names.
    for others in 0..30 {
        let c = Letter::new().sample_body().signers(4, others).build();
        let l = lay(&c);
        for p in &l.pages {
            let has = |t: &str| p.runs.iter().filter(|r| r.text == t).count();
            let names: usize = c.signatures.iter().map(|b| has(&b.name)).sum();
            let leads: usize = c
                .signatures
                .iter()
                .filter(|b| b.lead)
                .map(|b| has(&b.name))
                .sum();
            let roles = p
                .runs
                .iter()
                .filter(|r| r.text.starts_with("Co-Chair"))
                .count();
            assert_eq!(names, has("Member of Congress"), "with {others}");
            assert_eq!(leads, roles, "with {others}");
        }
    }
}

#[test]
fn closing_is_never_alone_at_the_foot_of_a_page() {
    // Growing the body moves the closing down the page through every position.
    for extra in 0..24 {
        let mut paras = vec!["Short paragraph."; extra];
        paras.insert(0, "We write about a matter that needs a few lines of text to describe well, and then some more words.");
        let c = Letter::new()
            .sections(vec![section(None, &paras)])
            .signers(2, 2)
            .build();
        let l = lay(&c);
        let closing = page_of(&l, "Sincerely,").unwrap();
        assert_eq!(
            page_of(&l, &c.signatures[0].name),
            Some(closing),
            "extra {extra}"
        );
    }
}

#[test]
fn no_paragraph_leaves_a_single_line_at_a_page_edge() {
    // Paragraph k is made of the token `kNq`, so its lines can be counted per
    // page; lengths vary so that page breaks fall at every line position.
    for shift in 0..8 {
        let paras: Vec<String> = (0..14)
            .map(|k| format!("k{k}q ").repeat(20 + (k * 7 + shift * 5) % 70))
            .collect();
        let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
        let l = lay(&Letter::new().sections(vec![section(None, &refs)]).build());
        assert!(l.pages.len() >= 2);
        for k in 0..paras.len() {
            let token = format!("k{k}q");
            let per_page: Vec<usize> = l
                .pages
                .iter()
                .map(|p| {
                    p.runs
                        .iter()
                        .filter(|r| r.text.split(' ').next() == Some(token.as_str()))
                        .count()
                })
                .filter(|&n| n > 0)
                .collect();
            if per_page.len() > 1 {
                assert!(
                    per_page.iter().all(|&n| n >= 2),
                    "paragraph {k} split {per_page:?} (shift {shift})"
                );
            }
        }
    }
}

#[test]
fn heading_stays_with_its_paragraph() {
    for n in 1..12 {
        let long = "Paragraph text that goes on long enough to need several lines when it is set justified on the page. ".repeat(4);
        let mut sections = vec![section(None, &vec![long.as_str(); n])];
        sections.push(section(Some("The Heading"), &[long.as_str()]));
        let l = lay(&Letter::new().sections(sections).build());
        let p = page_of(&l, "The Heading").unwrap();
        let runs = &l.pages[p].runs;
        let at = runs.iter().position(|r| r.text == "The Heading").unwrap();
        assert!(at + 1 < runs.len(), "heading is last on page {p} with {n}");
    }
}

#[test]
fn drafts_are_marked_on_every_page_with_notes() {
    let c = Letter::new()
        .sample_body()
        .signers(4, 41)
        .draft()
        .with(|c| {
            c.signatures[1].missing = true;
            c.signatures[5].stale = true;
        })
        .build();
    let l = lay(&c);
    for p in &l.pages {
        let mark = p
            .runs
            .iter()
            .find(|r| r.text == "DRAFT")
            .expect("DRAFT on every page");
        assert!(mark.grey && mark.face == Face::Bold && mark.y > l.height - 72.0);
    }
    let all: Vec<String> = texts(&l).concat();
    assert_eq!(all.iter().filter(|t| *t == "(not yet signed)").count(), 1);
    assert_eq!(
        all.iter()
            .filter(|t| *t == "(signed an earlier text)")
            .count(),
        1
    );
    assert!(
        lay(&sample())
            .pages
            .iter()
            .all(|p| p.runs.iter().all(|r| r.text != "DRAFT"))
    );
}

/// The golden snapshot lists every run, rule and image once, each run with
/// its page, position and text; the rule under the letterhead spans the
/// measure between the 1-inch margins of US Letter (72 to 612 - 72 pt).
#[test]
fn snapshot_lists_every_run_rule_and_image_once() {
    let l = lay(&Letter::new().build());
    let snap = l.snapshot();
    let lines: Vec<&str> = snap.lines().collect();
    assert_eq!(lines[0], "paper 612.0 x 792.0");
    let pages = l.pages.iter();
    let items: usize = pages
        .map(|p| p.runs.len() + p.rules.len() + p.images.len())
        .sum();
    assert_eq!(lines.len(), 1 + items, "{snap}");
    for (i, page) in l.pages.iter().enumerate() {
        for r in &page.runs {
            let head = format!("p{} {:.1} {:.1} ", i + 1, r.x, r.y);
            let tail = format!("{:?}", r.text);
            let listed = |line: &&str| line.starts_with(&head) && line.ends_with(&tail);
            assert!(lines.iter().any(listed), "{head}{tail} not in\n{snap}");
        }
    }
    assert!(
        snap.contains("Regular 16.0 ls+0.96 \"CONGRESS \""),
        "{snap}"
    );
    assert!(snap.contains("p1 rule 216.0..396.0"), "{snap}");
}

#[test]
fn a4_is_taller_and_narrower() {
    let l = layout(&sample(), &PdfOptions { paper: Paper::A4 }).unwrap();
    assert_eq!((l.width.round(), l.height.round()), (595.0, 842.0));
    let l = lay(&sample());
    assert_eq!((l.width, l.height), (612.0, 792.0));
}

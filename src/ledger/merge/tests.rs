use super::*;

const HEAD: &str = "[signers.a]\nname = \"A\"\nchamber = \"house\"\n\n# ---- ledger\n";

fn event(signer: &str, at: &str) -> String {
    format!(
        "\n[[signoff]]\nletter = \"l\"\nsigner = \"{signer}\"\nstatus = \"signed\"\nat = {at}\n"
    )
}

fn file(events: &[(&str, &str)]) -> String {
    let mut text = HEAD.to_string();
    for (signer, at) in events {
        text.push_str(&event(signer, at));
    }
    text
}

const T1: &str = "2025-02-01T09:00:00-05:00";
const T2: &str = "2025-02-01T10:00:00-05:00";
const T3: &str = "2025-02-01T11:00:00-05:00";

fn clean(text: String) -> Merged {
    Merged {
        text,
        conflict: false,
    }
}

#[test]
fn both_sides_appends_are_kept_in_time_order() {
    let base = file(&[("a", T1)]);
    let ours = file(&[("a", T1), ("c", T3)]);
    let theirs = file(&[("a", T1), ("b", T2)]);
    let want = file(&[("a", T1), ("b", T2), ("c", T3)]);
    assert_eq!(merge(&base, &ours, &theirs), clean(want));
}

#[test]
fn an_event_both_sides_appended_is_kept_once() {
    let base = file(&[]);
    let ours = file(&[("a", T1), ("b", T2)]);
    let theirs = file(&[("a", T1)]);
    assert_eq!(merge(&base, &ours, &theirs), clean(ours));
}

#[test]
fn equal_times_keep_ours_then_theirs() {
    let base = file(&[]);
    let ours = file(&[("z", T1)]);
    let theirs = file(&[("b", T1)]);
    assert_eq!(
        merge(&base, &ours, &theirs),
        clean(file(&[("z", T1), ("b", T1)]))
    );
}

#[test]
fn the_base_events_stay_first_even_when_a_new_one_is_older() {
    let base = file(&[("a", T2)]);
    let ours = file(&[("a", T2), ("b", T1)]);
    let theirs = file(&[("a", T2), ("c", T3)]);
    assert_eq!(
        merge(&base, &ours, &theirs),
        clean(file(&[("a", T2), ("b", T1), ("c", T3)]))
    );
}

#[test]
fn events_are_copied_byte_for_byte_whatever_their_keys() {
    let base = file(&[]);
    let sealed = "\n[[signoff]]\nseal = \"x1\"\nletter = \"l\"\nsigner = \"b\"\nstatus = \"void\"\nat = 2025-02-01T15:00:00Z  # by hand, after T1 (14:00 UTC)\n";
    let ours = format!("{}{sealed}", file(&[]));
    let theirs = file(&[("a", T1)]);
    assert_eq!(
        merge(&base, &ours, &theirs),
        clean(format!("{}{sealed}", file(&[("a", T1)])))
    );
}

#[test]
fn an_event_one_side_deleted_stays_deleted() {
    let base = file(&[("a", T1), ("a", T1)]);
    let ours = file(&[("a", T1)]);
    let theirs = file(&[("a", T1), ("a", T1), ("b", T2)]);
    assert_eq!(
        merge(&base, &ours, &theirs),
        clean(file(&[("a", T1), ("b", T2)]))
    );
}

#[test]
fn roster_edits_on_both_sides_merge_line_by_line() {
    let base = file(&[("a", T1)]);
    let ours = base.replace("name = \"A\"", "name = \"Ann\"") + &event("b", T2);
    // Lines apart: adjacent edits conflict, in git as here.
    let other = "chamber = \"house\"\n\n[signers.z]\nname = \"Z\"\nchamber = \"senate\"\n";
    let theirs = base.replace("chamber = \"house\"\n", other);
    let want = file(&[("a", T1), ("b", T2)])
        .replace("name = \"A\"", "name = \"Ann\"")
        .replace("chamber = \"house\"\n", other);
    assert_eq!(merge(&base, &ours, &theirs), clean(want));
}

#[test]
fn a_roster_conflict_leaves_markers_and_keeps_every_event() {
    let base = file(&[]);
    let ours = base.replace("name = \"A\"", "name = \"Ann\"") + &event("b", T2);
    let theirs = base.replace("name = \"A\"", "name = \"Anna\"") + &event("c", T1);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.conflict);
    let want_events = format!("{}{}", event("c", T1), event("b", T2));
    assert!(merged.text.ends_with(&want_events), "{}", merged.text);
    assert!(
        merged
            .text
            .contains("<<<<<<< ours\nname = \"Ann\"\n=======\nname = \"Anna\"\n>>>>>>> theirs\n"),
        "{}",
        merged.text
    );
}

#[test]
fn a_last_event_without_a_newline_is_separated_from_the_next() {
    let base = file(&[("a", T1)]);
    let ours = base.trim_end().to_string();
    let theirs = file(&[("a", T1), ("b", T2)]);
    assert_eq!(merge(&base, &ours, &theirs), clean(theirs));
}

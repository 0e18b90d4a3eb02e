use super::*;

fn doc(body: &str) -> String {
    format!(
        "signon-fingerprint-v1\nsalutation: Dear X:\nsection: \nheading: Asks\nparagraph: {body}\nclosing: Sincerely,\n"
    )
}

#[test]
fn a_word_added_counts_one_in_its_section() {
    let r = redline(
        &doc("we congratulate you"),
        &doc("we warmly congratulate you"),
    );
    assert_eq!(r.summary(), "1 word in 'Asks'");
    assert_eq!(
        r.parts[0].pieces,
        [
            Piece::Same("we ".into()),
            Piece::Changed {
                old: String::new(),
                new: "warmly ".into()
            },
            Piece::Same("congratulate you".into()),
        ]
    );
}

#[test]
fn neighbouring_replacements_read_as_one_change() {
    let r = redline(&doc("one two three four"), &doc("one five six four"));
    assert_eq!(
        r.parts[0].pieces[1],
        Piece::Changed {
            old: "two three".into(),
            new: "five six".into()
        }
    );
    assert_eq!(r.words(), 2);
}

#[test]
fn a_reworded_heading_shows_in_the_redline() {
    let old = doc("same");
    let new = old.replace("heading: Asks", "heading: Our asks");
    let r = redline(&old, &new);
    assert_eq!(r.labels(), ["Our asks"]);
    assert_eq!(r.words(), 2);
}

#[test]
fn unchanged_text_is_collapsed_around_a_change() {
    let words: Vec<String> = (1..=30).map(|i| format!("w{i}")).collect();
    let old = words.join(" ");
    let new = old.replace("w15", "NEW");
    let r = redline(&doc(&old), &doc(&new));
    let shown = collapsed(&r.parts[0].pieces, 3);
    assert_eq!(shown[0], Piece::Gap);
    assert_eq!(shown[1], Piece::Same(" w12 w13 w14 ".into()));
    assert_eq!(shown[3], Piece::Same(" w16 w17 w18 ".into()));
    assert_eq!(shown[4], Piece::Gap);
}

//! Names as people read them: the surname a Member is filed under, ids
//! folded to ASCII, and the collation every sorted list of signers uses.
//! The one owner of the naming rules (suffixes, sort keys, plain names): a
//! leaf that validation, the roster tools, status and the letter all use.
//!
//! Sorting follows the Unicode Collation Algorithm (CLDR root order, via
//! ICU4X's `icu_collator`), so "Velázquez" files between "Valadao" and "Waters", as a
//! reader expects, instead of after "Z" as a byte comparison would put it.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::{AlternateHandling, CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::Signer;

/// Generational suffixes, never a surname: skipped by [`default_sort_key`]
/// and by [`plain_name`].
pub const SUFFIXES: [&str; 7] = ["Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"];

/// The surname a name sorts by: its last word, skipping suffixes such as
/// "Jr." and "III" and the comma before them.
pub fn default_sort_key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .rfind(|w| !w.is_empty() && !SUFFIXES.contains(w))
        .unwrap_or(name)
        .to_string()
}

/// The root collator of ICU4X. Its tables are compiled in as ready-made
/// structures, so making it costs microseconds; a collator that parses its
/// tables at start-up cost a sixth of a `signon render`.
fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        let mut options = CollatorOptions::default();
        // Punctuation and spaces count only after letters, accents and case:
        // "O'Rourke" files with "Orourke", not before "Obama".
        options.alternate_handling = Some(AlternateHandling::Shifted);
        options.strength = Some(Strength::Quaternary);
        Collator::try_new(Default::default(), options).expect("compiled-in collation data")
    })
}

/// Compares two texts as a reader expects: accents are a secondary
/// difference ("Velázquez" sorts with the Vs), case and punctuation are
/// nearly ignored. Equal only for texts that collate identically.
pub fn collate(a: &str, b: &str) -> Ordering {
    collator().compare(a, b)
}

/// The order of signers in every list: by `sort_as` (the surname), then by
/// the printed name without nickname and suffix (the given names, in
/// effect), then by id, so the order is total and stable.
pub fn compare_names(a: &Signer, b: &Signer) -> Ordering {
    collate(&a.sort_as, &b.sort_as)
        .then_with(|| collate(&plain_name(&a.name), &plain_name(&b.name)))
        .then_with(|| a.id.cmp(&b.id))
}

/// A printed name without its quoted nickname and generational suffix:
/// `Henry C. "Hank" Johnson, Jr.` becomes `Henry C. Johnson`.
pub fn plain_name(name: &str) -> String {
    let bare = without_nickname(name);
    let mut words: Vec<&str> = bare.split_whitespace().collect();
    while let Some(last) = words.last() {
        if SUFFIXES.contains(last) {
            words.pop();
        } else {
            break;
        }
    }
    let joined = words.join(" ");
    joined.trim_end_matches(',').to_string()
}

/// Removes text in double quotes (straight or curly): the nickname in
/// `Jesús G. "Chuy" García`.
fn without_nickname(name: &str) -> String {
    split_nickname(name).0
}

/// The quoted nickname of a printed name, if it has one: `Chuy` for
/// `Jesús G. "Chuy" García`, the name a Member goes by.
pub fn nickname(name: &str) -> Option<String> {
    split_nickname(name).1
}

/// A printed name split into the name without the text in double quotes
/// (straight or curly) and that text, each with its spaces collapsed.
fn split_nickname(name: &str) -> (String, Option<String>) {
    let (mut out, mut nick) = (String::with_capacity(name.len()), String::new());
    let mut quoted = false;
    for c in name.chars() {
        match c {
            '"' => quoted = !quoted,
            '\u{201c}' => quoted = true,
            '\u{201d}' => quoted = false,
            _ if !quoted => out.push(c),
            _ => nick.push(c),
        }
    }
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let nick = collapse(&nick);
    (collapse(&out), (!nick.is_empty()).then_some(nick))
}

/// The surname to file a Member under, given the printed name and the
/// data's surname (`name.last`). The data's surname wins when the printed
/// name ends with it ("Chris Van Hollen" is filed under "Van Hollen"); when
/// it does not, readers see only the printed name, so its last word is used
/// ("Pablo José Hernández", whose `name.last` is "Hernández Rivera").
pub fn surname_key(printed: &str, surname: &str) -> String {
    let plain = plain_name(printed);
    let words: Vec<&str> = plain.split_whitespace().collect();
    let tail: Vec<&str> = surname.split_whitespace().collect();
    if !tail.is_empty() && words.len() > tail.len() && words.ends_with(&tail) {
        tail.join(" ")
    } else {
        default_sort_key(printed)
    }
}

/// The `sort_as` to write for a Member: only when it differs from what the
/// roster would use anyway.
pub fn sort_as_for(printed: &str, surname: &str) -> Option<String> {
    let key = surname_key(printed, surname);
    (key != default_sort_key(printed)).then_some(key)
}

/// Folds a text to lowercase ASCII: accents dropped (`Velázquez` →
/// `velazquez`), a few letters without a decomposition spelt out.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd().filter(|&c| !is_combining_mark(c)) {
        match c {
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The readable id for a surname: folded, words joined by `-`, anything but
/// letters and digits dropped (`De La Cruz` → `de-la-cruz`, `O'Brien` →
/// `obrien`).
pub fn id_base(surname: &str) -> String {
    fold(surname)
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A name folded for matching a hand-typed roster entry to the data: no
/// nickname, no suffix, no accents, no punctuation, lowercase.
pub fn match_key(name: &str) -> String {
    fold(&plain_name(name))
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_skip_suffixes() {
        assert_eq!(default_sort_key("Frank Pallone, Jr."), "Pallone");
        assert_eq!(default_sort_key("Donald S. Beyer, Jr."), "Beyer");
        assert_eq!(default_sort_key("Gus M. Bilirakis"), "Bilirakis");
        assert_eq!(default_sort_key("John Doe III"), "Doe");
        assert_eq!(default_sort_key("Jane Roe IV"), "Roe");
        assert_eq!(default_sort_key("Nydia M. Velázquez"), "Velázquez");
    }

    #[test]
    fn accents_sort_as_readers_expect() {
        let mut list = [
            Signer::house("waters", "Maxine Waters", "Waters"),
            Signer::house("velazquez", "Nydia M. Velázquez", "Velázquez"),
            Signer::house("valadao", "David G. Valadao", "Valadao"),
            Signer::house("sanchez", "Linda T. Sánchez", "Sánchez"),
            Signer::house("schiff", "Adam B. Schiff", "Schiff"),
        ];
        list.sort_by(compare_names);
        let ids: Vec<&str> = list.iter().map(|s| s.id.0.as_str()).collect();
        assert_eq!(ids, ["sanchez", "schiff", "valadao", "velazquez", "waters"]);
    }

    #[test]
    fn punctuation_and_case_count_only_after_the_letters() {
        let mut list = [
            "Obama",
            "O'Rourke",
            "Orr",
            "DeLauro",
            "de la Cruz",
            "Delgado",
        ];
        list.sort_by(|a, b| collate(a, b));
        assert_eq!(
            list,
            [
                "de la Cruz",
                "DeLauro",
                "Delgado",
                "Obama",
                "O'Rourke",
                "Orr"
            ]
        );
        assert_eq!(collate("Ó", "O"), Ordering::Greater, "accent after base");
        // Equal letters: the punctuation decides (UCA shifted, quaternary).
        assert_eq!(collate("O'Brien", "OBrien"), Ordering::Less);
    }

    #[test]
    fn same_surname_orders_by_given_name_without_nickname() {
        let hank = Signer::house("johnson-ga", "Henry C. \"Hank\" Johnson, Jr.", "Johnson");
        let dusty = Signer::house("johnson-sd", "Dusty Johnson", "Johnson");
        assert_eq!(compare_names(&dusty, &hank), Ordering::Less);
        assert_eq!(plain_name(&hank.name), "Henry C. Johnson");
    }

    #[test]
    fn surnames_from_the_data() {
        assert_eq!(surname_key("Chris Van Hollen", "Van Hollen"), "Van Hollen");
        assert_eq!(surname_key("Monica De La Cruz", "De La Cruz"), "De La Cruz");
        assert_eq!(
            surname_key("Pablo José Hernández", "Hernández Rivera"),
            "Hernández"
        );
        assert_eq!(surname_key("Frank Pallone, Jr.", "Pallone"), "Pallone");
        assert_eq!(surname_key("William R. Timmons IV", "Timmons"), "Timmons");
        assert_eq!(sort_as_for("Frank Pallone, Jr.", "Pallone"), None);
        assert_eq!(
            sort_as_for("Teresa Leger Fernandez", "Leger Fernandez").as_deref(),
            Some("Leger Fernandez")
        );
    }

    #[test]
    fn ids_are_folded_ascii() {
        assert_eq!(id_base("Velázquez"), "velazquez");
        assert_eq!(id_base("De La Cruz"), "de-la-cruz");
        assert_eq!(id_base("Kamlager-Dove"), "kamlager-dove");
        assert_eq!(id_base("O'Halleran"), "ohalleran");
        assert_eq!(match_key("Jesús G. \"Chuy\" García"), "jesus g garcia");
        assert_eq!(
            nickname("Jesús G. \"Chuy\" García").as_deref(),
            Some("Chuy")
        );
        assert_eq!(nickname("Brad Sherman"), None);
    }
}

//! Where a word may be hyphenated, and which words are addresses that
//! break only at their own punctuation: the PDF's line breaker's rules,
//! whose lines the web page prints (`render::lines`).
//!
//! Patterns are `hypher`'s (TeX's English patterns). A word is split only
//! in runs of lowercase letters, with at least two letters before the
//! hyphen and three after (TeX's `\lefthyphenmin`/`\righthyphenmin` for
//! English), and never when it holds a capital (a name, an acronym), a
//! digit, or is a URL or an e-mail address: someone retyping those from
//! paper would type the hyphen too.

/// Letters a hyphenated word keeps before the hyphen.
pub(crate) const LEFT_MIN: usize = 2;
/// Letters a hyphenated word carries after the hyphen.
pub(crate) const RIGHT_MIN: usize = 3;

/// Byte offsets inside `word` (a word as written between spaces, with any
/// punctuation it carries) where signon may break it with a hyphen. Empty
/// for URLs, e-mail addresses, words with a digit or a capital letter.
pub fn hyphenation_points(word: &str) -> Vec<usize> {
    if is_address(word) || word.chars().any(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    let mut points = Vec::new();
    let mut i = 0;
    while i < word.len() {
        let rest = &word[i..];
        let letters = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if letters == 0 {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        points.extend(run_points(&rest[..letters]).into_iter().map(|p| i + p));
        i += letters;
    }
    points
}

/// Hyphenation points of one run of letters, relative to its start.
fn run_points(run: &str) -> Vec<usize> {
    // hypher (without `alloc`) panics past 45 bytes; no real word is that long.
    let fits = run.chars().count() >= LEFT_MIN + RIGHT_MIN && run.len() <= 40;
    if !fits || run.chars().any(char::is_uppercase) {
        return Vec::new();
    }
    let mut points = Vec::new();
    let mut at = 0;
    for syl in hypher::hyphenate_bounded(run, hypher::Lang::English, LEFT_MIN, RIGHT_MIN) {
        at += syl.len();
        points.push(at);
    }
    points.pop();
    points
}

/// Whether `word` is a URL or an e-mail address: it has a scheme
/// (`https://`), starts `www.`, has an `@` between letters, or a dot
/// followed by at least two letters between letters (`cornell.edu`, not
/// `U.S.` or `e.g.`).
pub(crate) fn is_address(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '/');
    // Every test below needs one of these: most words end here, unallocated.
    if !word.bytes().any(|b| matches!(b, b'@' | b'.' | b':')) {
        return false;
    }
    if word.contains("://") || word.starts_with("www.") {
        return true;
    }
    let chars: Vec<char> = word.chars().collect();
    chars.windows(4).any(|w| {
        let (a, sep, b, c) = (w[0], w[1], w[2], w[3]);
        let inner = a.is_alphanumeric() && b.is_alphanumeric();
        inner && (sep == '@' || (sep == '.' && b.is_alphabetic() && c.is_alphabetic()))
    })
}

/// Byte offsets inside the address `word` where a line may break: after a
/// `/` (not inside `//`) and before `.`, `?`, `#` or `-`, never with a
/// hyphen added, and with at least three characters on either side, so
/// that no line starts with a lone ending like `.` or `/`.
pub(crate) fn address_breaks(word: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let n = chars.len();
    (3..n.saturating_sub(2))
        .filter(|&k| {
            let (prev, next) = (chars[k - 1].1, chars[k].1);
            (prev == '/' && next != '/') || (matches!(next, '.' | '?' | '#' | '-') && prev != '/')
        })
        .map(|k| chars[k].0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str) -> String {
        let mut out = word.to_string();
        for p in hyphenation_points(word).into_iter().rev() {
            out.insert(p, '-');
        }
        out
    }

    #[test]
    fn lowercase_words_are_split_at_their_syllables() {
        assert_eq!(split("extraordinary"), "ex-tra-or-di-nary");
        assert_eq!(split("considerable,"), "con-sid-er-able,");
    }

    #[test]
    fn two_letters_before_the_hyphen_at_least() {
        // hypher alone would give "u-nique"-like one-letter heads.
        for word in ["unsafe", "secure", "development", "uneventful"] {
            let points = hyphenation_points(word);
            assert!(points.iter().all(|&p| p >= 2), "{word}: {points:?}");
        }
        assert!(!split("development").starts_with("d-"));
    }

    #[test]
    fn three_letters_after_the_hyphen_at_least() {
        for word in ["transparent", "hostages", "organizations", "policy"] {
            let n = word.len();
            let points = hyphenation_points(word);
            assert!(points.iter().all(|&p| n - p >= 3), "{word}: {points:?}");
        }
    }

    #[test]
    fn capitals_are_never_split() {
        for word in [
            "Representatives",
            "Velázquez",
            "AUTHORIZATION",
            "reAuthorization",
        ] {
            assert_eq!(hyphenation_points(word), Vec::<usize>::new(), "{word}");
        }
    }

    #[test]
    fn numbers_are_never_split() {
        assert_eq!(hyphenation_points("2,000-kilometre"), Vec::<usize>::new());
        assert_eq!(hyphenation_points("907th"), Vec::<usize>::new());
    }

    #[test]
    fn urls_and_email_addresses_are_never_hyphenated() {
        for word in [
            "https://caucasusheritage.cornell.edu/",
            "caucasusheritage.cornell.edu",
            "www.congressionalresearch.gov",
            "legislative.director@mail.house.gov.",
        ] {
            assert!(is_address(word), "{word}");
            assert_eq!(hyphenation_points(word), Vec::<usize>::new(), "{word}");
        }
    }

    #[test]
    fn abbreviations_are_not_addresses() {
        for word in ["U.S.", "e.g.", "i.e.,", "well-known", "and/or", "policy."] {
            assert!(!is_address(word), "{word}");
        }
    }

    #[test]
    fn addresses_break_after_a_slash_and_before_dots() {
        let url = "https://caucasusheritage.cornell.edu/about?id=4#top";
        let parts: Vec<&str> = {
            let mut at = 0;
            let mut v = Vec::new();
            for b in address_breaks(url) {
                v.push(&url[at..b]);
                at = b;
            }
            v.push(&url[at..]);
            v
        };
        assert_eq!(
            parts,
            [
                "https://",
                "caucasusheritage",
                ".cornell",
                ".edu/",
                "about",
                "?id=4",
                "#top"
            ]
        );
    }
}

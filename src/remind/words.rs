//! The days to a deadline as a reminder says them: "two days left", "due
//! today", "the deadline passed three days ago". Small counts in words, as
//! a person would write them; larger ones in digits.

/// "one day left", "two days left", "due today", "the deadline passed one
/// day ago", "the deadline passed 23 days ago".
pub fn days_left(days: i64) -> String {
    let count = |n: i64| {
        let unit = if n == 1 { "day" } else { "days" };
        format!("{} {unit}", number(n))
    };
    match days {
        0 => "due today".to_string(),
        n if n > 0 => format!("{} left", count(n)),
        n => format!("the deadline passed {} ago", count(-n)),
    }
}

/// One to twenty in words, other numbers in digits.
fn number(n: i64) -> String {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    usize::try_from(n)
        .ok()
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_said_as_a_person_writes_them() {
        let said: Vec<String> = [2, 1, 0, -1, -3, 45].map(days_left).into();
        assert_eq!(
            said,
            [
                "two days left",
                "one day left",
                "due today",
                "the deadline passed one day ago",
                "the deadline passed three days ago",
                "45 days left",
            ]
        );
    }
}

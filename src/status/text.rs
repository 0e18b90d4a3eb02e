//! Days, deadlines and times in words, exactly as the terminal table and the
//! HTML page print them (JSON keeps the raw values). One place, so the two
//! views never word the same thing differently.

use chrono::{DateTime, FixedOffset};

use super::LetterStatus;

/// "in 4 days", "in 1 day", "today", "passed 1 day ago", "passed 3 days ago".
pub fn days_text(days: i64) -> String {
    let count = |n: i64| crate::diag::plural(n.unsigned_abs() as usize, "day");
    match days {
        0 => "today".to_string(),
        n if n > 0 => format!("in {}", count(n)),
        n => format!("passed {} ago", count(n)),
    }
}

/// "deadline 2025-02-05: in 4 days", or "no deadline".
pub fn deadline_text(s: &LetterStatus) -> String {
    match (s.deadline, s.days_left) {
        (Some(d), Some(n)) => format!("deadline {d}: {}", days_text(n)),
        _ => "no deadline".to_string(),
    }
}

/// A time as the terminal and the page show it: in the clock's offset.
pub fn when_text(at: Option<DateTime<FixedOffset>>, now: DateTime<FixedOffset>) -> String {
    at.map(|t| {
        t.with_timezone(now.offset())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_said_in_words() {
        let said: Vec<String> = [4, 1, 0, -1, -3].map(days_text).into();
        assert_eq!(
            said,
            [
                "in 4 days",
                "in 1 day",
                "today",
                "passed 1 day ago",
                "passed 3 days ago"
            ]
        );
    }
}

//! The one date-time shape `signon` writes, read without the toml lexer.
//!
//! Every event has an `at`, and toml_datetime's general lexer cost a tenth
//! of `status` on a season's ledger. Only `YYYY-MM-DDTHH:MM:SS` followed by
//! `Z` or `±HH:MM`, with every field in range, is taken here; anything else
//! (fractions, a space for `T`, a leap second, a local time) goes to the
//! general parser, which stays the judge. A test compares the two on
//! every shape.

use toml::value::{Date, Datetime, Offset, Time};

/// `s` as a date-time, by the fixed shape when it fits, else by toml's parser.
pub(super) fn parse(s: &str) -> Option<Datetime> {
    fixed(s.as_bytes()).or_else(|| s.parse().ok())
}

/// The fixed shape, or `None` for anything else (the caller falls back).
fn fixed(b: &[u8]) -> Option<Datetime> {
    let offset = match b.len() {
        20 if b[19] == b'Z' => Offset::Z,
        25 if matches!(b[19], b'+' | b'-') && b[22] == b':' => {
            let (h, m) = (num(&b[20..22])?, num(&b[23..25])?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = (h * 60 + m) as i16;
            Offset::Custom {
                minutes: if b[19] == b'-' { -minutes } else { minutes },
            }
        }
        _ => return None,
    };
    let punctuation = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if punctuation.iter().any(|&(i, c)| b[i] != c) {
        return None;
    }
    let year = num(&b[0..4])?;
    let (month, day) = (num(&b[5..7])?, num(&b[8..10])?);
    let (hour, minute, second) = (num(&b[11..13])?, num(&b[14..16])?, num(&b[17..19])?);
    chrono::NaiveDate::from_ymd_opt(year as i32, month, day)?;
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(Datetime {
        date: Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        }),
        time: Some(Time {
            hour: hour as u8,
            minute: minute as u8,
            second: Some(second as u8),
            nanosecond: None,
        }),
        offset: Some(offset),
    })
}

/// ASCII digits as a number; `None` if any byte is not a digit.
fn num(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0, |n, &d| {
        d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_toml_on_every_shape() {
        let cases = [
            "2025-02-03T10:12:00-05:00",
            "2025-02-03T10:12:00+05:30",
            "2025-02-03T10:12:00Z",
            "2024-02-29T23:59:59Z",
            "2025-02-29T10:12:00Z",
            "2025-13-01T10:12:00Z",
            "2025-02-03T24:00:00Z",
            "2025-02-03T10:60:00Z",
            "2025-02-03T10:12:60Z",
            "2025-02-03T10:12:00-24:00",
            "2025-02-03T10:12:00.5Z",
            "2025-02-03 10:12:00Z",
            "2025-02-03t10:12:00z",
            "2025-02-03T10:12:00",
            "2025-02-03",
            "0000-01-01T00:00:00Z",
            "2025-02-03T10:12:00+0500",
            "2025-0a-03T10:12:00Z",
        ];
        for case in cases {
            let general: Option<Datetime> = case.parse().ok();
            assert_eq!(parse(case), general, "{case}");
        }
    }

    #[test]
    fn takes_signons_own_shape_itself() {
        assert!(fixed(b"2025-02-03T10:12:00-05:00").is_some());
        assert!(fixed(b"2025-02-03T10:12:00Z").is_some());
        assert!(fixed(b"2025-02-03T10:12:00.5Z").is_none());
    }
}

//! The times a responses spreadsheet gives: RFC 3339 with an offset, or the
//! forms spreadsheets and form tools write without one (`12/1/2026 14:05:33`,
//! `2026-12-01 14:05`, `12/1/2026`), read in an IANA time zone, or with a
//! zone as a Google Forms download writes it (`2026/11/28 9:14:02 AM EST`,
//! `… GMT-5`).

use chrono::offset::LocalResult;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

/// Date-and-time forms without an offset, US month/day order for slashes
/// (what Google Sheets, Excel and Microsoft Forms write in the US).
const NAIVE: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%m/%d/%Y %H:%M:%S%.f",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    // Google Forms' download: year first, with slashes.
    "%Y/%m/%d %I:%M:%S %p",
    "%Y/%m/%d %I:%M %p",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
];

/// Dates alone: midnight in the zone.
const DATES: &[&str] = &["%Y-%m-%d", "%m/%d/%Y", "%Y/%m/%d"];

/// The widest UTC offset in use (Kiribati's +14:00): a wider one is a typo.
const MAX_OFFSET_HOURS: i32 = 14;

/// US zone abbreviations a form tool appends, and their hours from UTC.
/// Only these: elsewhere abbreviations collide (`IST`, `CST` in China).
const ZONES: &[(&str, i32)] = &[
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
    ("AKST", -9),
    ("AKDT", -8),
    ("HST", -10),
];

/// The time a cell gives, in `zone` when it has no offset; `Err` says why
/// not, to follow "timestamp `…`".
pub fn parse(cell: &str, zone: Tz) -> Result<DateTime<FixedOffset>, String> {
    let cell = cell.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(cell) {
        return Ok(t);
    }
    let (cell, offset) = zone_suffix(cell)?;
    let cell = four_digit_year(cell)?;
    let naive = NAIVE
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&cell, f).ok())
        .or_else(|| {
            DATES
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(&cell, f).ok())
                .map(|d| d.and_time(NaiveTime::MIN))
        })
        .ok_or_else(|| {
            "is not a time signon reads: use `2026-12-01T14:05:00-05:00`, \
             `2026-12-01 14:05`, `12/1/2026 14:05:33`, `12/1/2026` or \
             `2026/12/01 2:05:33 PM EST`"
                .to_string()
        })?;
    if let Some(offset) = offset {
        return Ok(offset.from_utc_datetime(&(naive - offset)));
    }
    in_zone(&zone, naive)
        .ok_or_else(|| format!("does not exist in {zone}: the clocks skip that hour"))
}

/// A wall-clock time in `zone` with the offset the zone had on that date
/// (summer time kept): a time the clocks repeat when they fall back is the
/// earlier one; a time they skip is `None`. `--at` (in this machine's zone)
/// and a spreadsheet's times (in `--tz`) are both read through it.
pub fn in_zone<Z: TimeZone>(zone: &Z, naive: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.fixed_offset()),
        LocalResult::None => None,
    }
}

/// A cell's time and the offset its last word names, if it names one: a US
/// zone abbreviation, or `GMT`/`UTC` with an optional `±H[:MM]`.
fn zone_suffix(cell: &str) -> Result<(&str, Option<FixedOffset>), String> {
    let Some((rest, last)) = cell.rsplit_once(' ') else {
        return Ok((cell, None));
    };
    let upper = last.to_ascii_uppercase();
    let known = ZONES.iter().find(|(name, _)| *name == upper);
    let seconds = match (known, upper.get(..3)) {
        (Some(&(_, hours)), _) => hours * 3600,
        (None, Some("GMT" | "UTC")) => gmt_offset(&upper[3..]).ok_or_else(|| {
            format!("has an offset `{last}` signon does not read: use `GMT-5` or `GMT+5:30`")
        })?,
        _ => return Ok((cell, None)),
    };
    let offset = FixedOffset::east_opt(seconds).ok_or("has an offset beyond a day")?;
    Ok((rest.trim_end(), Some(offset)))
}

/// Seconds east of UTC in `""`, `-5`, `+5:30`, `-05:00`.
fn gmt_offset(s: &str) -> Option<i32> {
    if s.is_empty() {
        return Some(0);
    }
    let sign = match s.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = s[1..].split_once(':').unwrap_or((&s[1..], "0"));
    let digits = |v: &str| !v.is_empty() && v.len() <= 2 && v.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= MAX_OFFSET_HOURS && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// `12/1/26` spelt `12/1/2026`: chrono's `%Y` would read `26` as the year
/// 26, silently. A two-digit year is taken in this century.
fn four_digit_year(cell: &str) -> Result<String, String> {
    let (date, rest) = cell.split_once(' ').unwrap_or((cell, ""));
    let parts: Vec<&str> = date.split('/').collect();
    let [m, d, y] = parts[..] else {
        return Ok(cell.to_string());
    };
    // Year first (`2026/11/28`, Google Forms): already four digits.
    if m.len() == 4 {
        return Ok(cell.to_string());
    }
    let year = match y.len() {
        2 => format!("20{y}"),
        4 => y.to_string(),
        _ => return Err("has a year of neither 2 nor 4 digits".into()),
    };
    let date = format!("{m}/{d}/{year}");
    Ok(if rest.is_empty() {
        date
    } else {
        format!("{date} {rest}")
    })
}

/// The zone of this machine: `TZ` when it names an IANA zone, else the
/// system's setting; `None` when neither says.
pub fn machine_zone() -> Option<Tz> {
    let env = std::env::var("TZ").ok();
    let named = env
        .as_deref()
        .map(|z| z.trim_start_matches(':').to_string());
    let system = || iana_time_zone::get_timezone().ok();
    named
        .and_then(|z| z.parse().ok())
        .or_else(|| system().and_then(|z| z.parse().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(cell: &str, zone: &str) -> String {
        match parse(cell, zone.parse().unwrap()) {
            Ok(t) => t.to_rfc3339(),
            Err(e) => e,
        }
    }

    #[test]
    fn spreadsheet_forms_in_a_zone() {
        let ny = "America/New_York";
        assert_eq!(at("12/1/2026 14:05:33", ny), "2026-12-01T14:05:33-05:00");
        assert_eq!(at("2026-07-01 14:05", ny), "2026-07-01T14:05:00-04:00");
        assert_eq!(at("12/1/2026", ny), "2026-12-01T00:00:00-05:00");
        assert_eq!(at("12/1/26 2:05 PM", ny), "2026-12-01T14:05:00-05:00");
        assert_eq!(at("2026-12-01T14:05:00Z", ny), "2026-12-01T14:05:00+00:00");
        assert_eq!(
            at("2026-12-01 09:00:00+01:00", ny),
            "2026-12-01T09:00:00+01:00"
        );
    }

    #[test]
    fn google_forms_downloads_with_a_zone() {
        let ny = "America/New_York";
        let want = "2026-11-28T09:14:02-05:00";
        assert_eq!(at("2026/11/28 9:14:02 AM EST", ny), want);
        assert_eq!(at("2026/11/28 9:14:02 AM GMT-5", ny), want);
        assert_eq!(at("2026/11/28 9:14:02 AM", ny), want);
        assert_eq!(
            at("2026/11/28 9:14:02 PM PDT", ny),
            "2026-11-28T21:14:02-07:00"
        );
        assert_eq!(
            at("2026/11/28 9:14:02 AM gmt+5:30", ny),
            "2026-11-28T09:14:02+05:30"
        );
        assert_eq!(
            at("2026/11/28 9:14:02 AM UTC", ny),
            "2026-11-28T09:14:02+00:00"
        );
        assert_eq!(
            at("12/1/2026 14:05:33 CST", ny),
            "2026-12-01T14:05:33-06:00"
        );
        assert!(at("2026/11/28 9:14:02 AM GMT-5x", ny).starts_with("has an offset `GMT-5x`"));
        assert!(at("2026/11/28 9:14:02 AM IST", ny).starts_with("is not a time"));
    }

    #[test]
    fn times_that_are_not() {
        let ny = "America/New_York";
        assert!(at("yesterday", ny).starts_with("is not a time"));
        assert!(at("13/1/2026", ny).starts_with("is not a time"));
        assert!(at("3/8/2026 02:30", ny).starts_with("does not exist in America/New_York"));
        assert_eq!(at("11/1/2026 01:30", ny), "2026-11-01T01:30:00-04:00");
    }
}

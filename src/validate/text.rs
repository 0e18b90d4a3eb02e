//! Text rules shared by the validators: paragraphs, inline `*italic*` and
//! `**bold**`, dates, and the default surname a signer is sorted by.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use toml::value::Datetime;

use crate::model::{Paragraph, Span, Style};

/// Splits a body into paragraphs on blank lines; lines within a paragraph are
/// joined with one space, so re-wrapping the TOML changes nothing.
pub fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in body.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(collapse(&current.join(" ")));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(collapse(&current.join(" ")));
    }
    out
}

/// Collapses runs of ASCII white space to one space and trims the ends.
/// Non-breaking spaces are not ASCII white space and so are kept.
pub fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses `*italic*` and `**bold**` (and `***both***`). Returns the spans, or
/// the byte offset (within `text`) of a marker that is never closed.
pub fn inline(text: &str) -> Result<Paragraph, usize> {
    let mut spans: Paragraph = Vec::new();
    let mut style = Style::default();
    let (mut bold_at, mut italic_at) = (0, 0);
    let mut buf = String::new();
    let mut rest = text;
    let mut pos = 0;
    while let Some(i) = rest.find('*') {
        buf.push_str(&rest[..i]);
        let run = rest[i..].bytes().take_while(|&b| b == b'*').count();
        let toggles_bold = run >= 2;
        let toggles_italic = run % 2 == 1;
        flush(&mut spans, &mut buf, style);
        if toggles_bold {
            style.bold = !style.bold;
            bold_at = pos + i;
        }
        if toggles_italic {
            style.italic = !style.italic;
            italic_at = pos + i;
        }
        pos += i + run;
        rest = &rest[i + run..];
    }
    buf.push_str(rest);
    flush(&mut spans, &mut buf, style);
    match (style.bold, style.italic) {
        (true, _) => Err(bold_at),
        (_, true) => Err(italic_at),
        _ => Ok(spans),
    }
}

fn flush(spans: &mut Paragraph, buf: &mut String, style: Style) {
    if buf.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.style == style => last.text.push_str(buf),
        _ => spans.push(Span {
            text: buf.clone(),
            style,
        }),
    }
    buf.clear();
}

/// A TOML local date (no time, no offset) as a chrono date.
pub fn local_date(dt: &Datetime) -> Option<NaiveDate> {
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    naive_datetime(dt).map(|t| t.date())
}

/// A TOML date or date-time as chrono's, its offset (if any) ignored: a
/// bare date is midnight. The one conversion of TOML's date types.
pub fn naive_datetime(dt: &Datetime) -> Option<NaiveDateTime> {
    let d = dt.date?;
    let date = NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))?;
    let time = match dt.time {
        None => NaiveTime::MIN,
        Some(t) => {
            let (nanos, secs) = (t.nanosecond.unwrap_or(0), u32::from(t.second.unwrap_or(0)));
            NaiveTime::from_hms_nano_opt(u32::from(t.hour), u32::from(t.minute), secs, nanos)?
        }
    };
    Some(date.and_time(time))
}

/// A TOML offset date-time as a chrono date-time.
pub fn offset_datetime(dt: &Datetime) -> Option<DateTime<FixedOffset>> {
    dt.time?;
    let minutes = match dt.offset? {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => i32::from(minutes),
    };
    let tz = FixedOffset::east_opt(minutes * 60)?;
    naive_datetime(dt)?.and_local_timezone(tz).single()
}

/// The first character that has no business in letter text: a control
/// character other than tab, newline and carriage return (a file saved with
/// CRLF line ends), or a bidi control, which would reorder the text around it.
pub fn bad_char(s: &str) -> Option<(usize, char)> {
    if printable_ascii(s, true) {
        return None;
    }
    s.char_indices().find(|&(_, c)| {
        (c.is_control() && c != '\n' && c != '\t' && c != '\r') || is_bidi_control(c)
    })
}

/// The first control character (C0, tab and newline included, DEL, C1) of
/// a one-line text: a roster field or a letter's file name. Printed in a
/// table, a CSV row or a terminal, each of them splits a line or drives the
/// terminal. (`--by` and `--note` go through [`unprintable`], which also
/// refuses a right-to-left mark and may allow the newline.)
pub fn control_char(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|&(_, c)| c.is_control())
}

/// Refuses a text from the command line (`flag`, e.g. `--by`) that is
/// empty or holds a control character or a right-to-left mark, named as an
/// escape (`\u{1b}`) so that the message itself is safe to print. `lines`:
/// the newline is allowed (a `--note` may run over lines; it is written as a
/// TOML escape and shown indented).
pub fn arg_text(flag: &str, value: Option<&str>, lines: bool) -> Result<(), crate::Error> {
    let Some(value) = value else { return Ok(()) };
    if value.trim().is_empty() {
        return Err(crate::Error::hinted(
            format!("`{flag}` is empty: recorded nothing"),
            format!("give printable text, or leave `{flag}` out"),
        ));
    }
    match unprintable(value, lines) {
        Some((_, c)) => Err(crate::Error::hinted(
            format!(
                "{} `{}` in `{flag}`: recorded nothing",
                what_mark(c),
                c.escape_unicode()
            ),
            "give printable text",
        )),
        None => Ok(()),
    }
}

/// The first control character or right-to-left mark of a one-line text
/// (`lines`: newlines allowed) such as a ledger event's `by` or `note`.
pub fn unprintable(s: &str, lines: bool) -> Option<(usize, char)> {
    if printable_ascii(s, false) {
        return None;
    }
    s.char_indices()
        .find(|&(_, c)| (c.is_control() && !(lines && c == '\n')) || is_bidi_control(c))
}

/// True when `s` is printable ASCII (with `breaks`, tabs and line ends
/// too). Most text is, and then holds no control character, no
/// right-to-left mark and nothing the fonts lack: a byte loop answers that
/// faster than a look at each char, which a season's letters and ledger ask
/// for tens of thousands of texts. A fold without an early exit: the
/// compiler vectorizes it.
pub fn printable_ascii(s: &str, breaks: bool) -> bool {
    let plain = |b: u8| matches!(b, b' '..=b'~') || breaks && matches!(b, b'\t' | b'\n' | b'\r');
    s.bytes().fold(true, |all, b| all & plain(b))
}

/// What a character [`unprintable`] found is called in a message.
pub fn what_mark(c: char) -> &'static str {
    match is_bidi_control(c) {
        true => "right-to-left control mark",
        false => "control character",
    }
}

/// `s` safe to print on one line of a terminal or a page: control
/// characters and right-to-left marks shown as escapes (`\u{1b}`, `\n`);
/// `lines`: newlines are kept (a note that runs over lines).
pub fn visible(s: &str, lines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match (c.is_control() && !(lines && c == '\n')) || is_bidi_control(c) {
            true => out.extend(c.escape_default()),
            false => out.push(c),
        }
    }
    out
}

/// Invisible marks that reorder text (U+200E/F, U+202A–E, U+2066–9): in a
/// letter they can only hide what the words say, so they are refused.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

/// The script of `c` when the PDF cannot draw it right even with a font: its
/// letters change shape with their neighbours (Arabic and its kin) or its
/// marks must be placed on the letter before (Hebrew points and accents).
/// Plain Hebrew letters need neither and are set right to left.
pub fn needs_shaping(c: char) -> Option<&'static str> {
    let script = match c {
        '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' => "Hebrew points",
        '\u{05C4}'..='\u{05C5}' | '\u{05C7}' | '\u{FB1E}' => "Hebrew points",
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{0870}'..='\u{08FF}' => "Arabic",
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => "Arabic",
        '\u{0700}'..='\u{074F}' | '\u{0860}'..='\u{086F}' => "Syriac",
        '\u{0780}'..='\u{07BF}' => "Thaana",
        '\u{07C0}'..='\u{07FF}' => "N\u{2019}Ko",
        '\u{0840}'..='\u{085F}' => "Mandaic",
        _ => return None,
    };
    Some(script)
}

/// Every `<<placeholder>>` left from `signon new`, with its byte offset,
/// in order: a field may hold several, and each is reported.
pub fn placeholders(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + s[from..].find("<<")?;
        let len = s[start..].find(">>")? + 2;
        from = start + len;
        Some((start, &s[start..start + len]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styled(text: &str, italic: bool, bold: bool) -> Span {
        Span {
            text: text.into(),
            style: Style { italic, bold },
        }
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_rewrap() {
        let body = "First line\n  wraps here.\n\n   \nSecond\u{a0}para.\n";
        assert_eq!(
            paragraphs(body),
            ["First line wraps here.", "Second\u{a0}para."]
        );
    }

    #[test]
    fn inline_markup() {
        assert_eq!(
            inline("a *b* **c** d").unwrap(),
            vec![
                styled("a ", false, false),
                styled("b", true, false),
                styled(" ", false, false),
                styled("c", false, true),
                styled(" d", false, false),
            ]
        );
        assert_eq!(inline("***x***").unwrap(), vec![styled("x", true, true)]);
        assert_eq!(inline("an *open one"), Err(3));
        assert_eq!(inline("**open"), Err(0));
    }

    #[test]
    fn many_unclosed_markers_report_the_last_open_one() {
        // 10,001 lone `*`: each toggles italic, so the last stays open.
        let text = "*a ".repeat(10_001);
        assert_eq!(inline(&text), Err(30_000));
        // And 10,000 closed pairs then an open `**`: the bold one is named.
        let text = format!("{}**open", "*a* ".repeat(10_000));
        assert_eq!(inline(&text), Err(40_000));
    }

    #[test]
    fn many_emphases_make_alternating_spans() {
        let spans = inline(&"*a* b ".repeat(1_000)).unwrap();
        assert_eq!(spans.len(), 2_000);
        assert_eq!(spans[0], styled("a", true, false));
        assert_eq!(spans[1999], styled(" b ", false, false));
    }

    #[test]
    fn visible_escapes_controls_and_marks_only() {
        assert_eq!(visible("Ana Mar\u{ed}a", false), "Ana Mar\u{ed}a");
        assert_eq!(
            visible("X\u{1b}[2J\u{202e}Y", false),
            "X\\u{1b}[2J\\u{202e}Y"
        );
        assert_eq!(visible("a\nb\tc", true), "a\nb\\tc");
        assert_eq!(visible("a\nb", false), "a\\nb");
    }

    #[test]
    fn scripts_that_need_shaping_are_named() {
        assert_eq!(needs_shaping('\u{0627}'), Some("Arabic"));
        assert_eq!(needs_shaping('\u{FEFB}'), Some("Arabic"));
        assert_eq!(needs_shaping('\u{05B8}'), Some("Hebrew points"));
        assert_eq!(needs_shaping('\u{0710}'), Some("Syriac"));
        assert_eq!(needs_shaping('\u{05E9}'), None, "plain Hebrew letters");
        assert_eq!(needs_shaping('\u{05BE}'), None, "maqaf is punctuation");
        assert_eq!(needs_shaping('\u{FEFF}'), None, "not Arabic");
    }

    #[test]
    fn dates() {
        let d: Datetime = "2025-02-06".parse().unwrap();
        assert_eq!(local_date(&d), NaiveDate::from_ymd_opt(2025, 2, 6));
        let t: Datetime = "2025-02-06T10:00:00".parse().unwrap();
        assert_eq!(local_date(&t), None);
        let o: Datetime = "2025-02-03T10:12:00-05:00".parse().unwrap();
        let at = offset_datetime(&o).unwrap();
        assert_eq!(at.to_rfc3339(), "2025-02-03T10:12:00-05:00");
        assert_eq!(offset_datetime(&t), None);
    }
}

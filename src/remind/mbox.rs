//! Every draft in one mailbox file (mboxrd, the form Thunderbird and
//! Python's `mailbox` read): each message after a `From ` separator line,
//! its CRLF line ends made Unix ones, a body line that begins with `From `
//! (after any `>`s) quoted with one more `>`, and a blank line after it.

use chrono::{DateTime, FixedOffset};

/// The file name of a letter's mailbox: `LETTER.mbox`.
pub fn file_name(letter: &str) -> String {
    format!("{}.mbox", super::safe(letter))
}

/// The messages (RFC 5322, CRLF) as one mbox, separators dated `now`.
pub fn mbox(messages: &[Vec<u8>], now: DateTime<FixedOffset>) -> Vec<u8> {
    let separator = format!("From - {}\n", now.format("%a %b %e %H:%M:%S %Y"));
    let mut out = Vec::new();
    for message in messages {
        out.extend_from_slice(separator.as_bytes());
        let text = String::from_utf8_lossy(message).replace("\r\n", "\n");
        for line in text.lines() {
            if line.trim_start_matches('>').starts_with("From ") {
                out.push(b'>');
            }
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_lines_in_a_body_are_quoted() {
        let now = DateTime::parse_from_rfc3339("2025-02-01T12:00:00+00:00").unwrap();
        let out = mbox(
            &[b"Subject: x\r\n\r\nFrom here\r\n>From there\r\n".to_vec()],
            now,
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "From - Sat Feb  1 12:00:00 2025\nSubject: x\n\n>From here\n>>From there\n\n"
        );
    }
}

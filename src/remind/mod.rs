//! Stage 5, remind: one e-mail draft (RFC 5322) to each office still to
//! chase on a letter — no answer yet, or a signature on an earlier text —
//! for `signon remind`. Nothing is sent: the drafts are files a mail client
//! opens (`X-Unsent: 1`), or one mailbox ([`mbox`]).
//!
//! A draft is built from what the other views already say: the rows of
//! [`crate::status`], the plain text of `render --text`
//! ([`crate::press::letter_text`]) and, for a stale signature, the redline
//! of `signon diff` ([`crate::diff::text::parts`]). Its `Date` is the
//! command's clock and its `Message-ID` is made of the day, the letter and
//! the signer, so the same command on the same day writes the same bytes.

pub mod mbox;
mod words;

use chrono::{DateTime, FixedOffset, NaiveDate};
use mail_builder::MessageBuilder;
use mail_builder::headers::raw::Raw;

use crate::model::Signer;
use crate::status::Row;
pub use words::days_left;

/// What every draft of one letter shares.
pub struct Letter<'a> {
    /// The letter id.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// The sign-on deadline.
    pub deadline: Option<NaiveDate>,
    /// Days from today to the deadline (negative once passed).
    pub days_left: Option<i64>,
    /// The letter as plain text ([`crate::press::letter_text`]).
    pub text: &'a str,
    /// The sender, when one is given: `(name, address)`.
    pub from: Option<(Option<&'a str>, &'a str)>,
    /// The command's clock.
    pub now: DateTime<FixedOffset>,
}

/// One office to chase.
pub struct Office<'a> {
    /// Its status row (state, when).
    pub row: &'a Row,
    /// Its roster entry.
    pub signer: &'a Signer,
    /// The address to write to: the roster's `email`.
    pub email: &'a str,
    /// For a stale signature: the redline since, as `signon diff` prints it
    /// without color; None when the approved text was not found.
    pub redline: Option<String>,
}

/// Whether `address` can go in a `To:` or `From:` as it is: one `@` with
/// something on each side, no spaces, controls, quotes, commas or brackets
/// (which would make it a list, or another header).
pub fn plausible(address: &str) -> bool {
    matches!(address.split_once('@'), Some((local, domain))
        if !local.is_empty() && !domain.is_empty() && !domain.contains('@'))
        && !address
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\",;".contains(c))
}

/// The file name of a draft: `LETTER-SIGNER.eml`.
pub fn file_name(letter: &str, signer: &str) -> String {
    format!("{}-{}.eml", safe(letter), safe(signer))
}

/// The draft to one office, CRLF line ends, quoted-printable UTF-8 body.
pub fn draft(l: &Letter<'_>, o: &Office<'_>) -> Vec<u8> {
    let to_name = o.signer.staffer.as_deref().unwrap_or(&o.signer.name);
    let mut m = MessageBuilder::new()
        .to((to_name, o.email))
        .subject(subject(l))
        .message_id(format!(
            "reminder.{}.{}.{}@signon.invalid",
            l.now.date_naive(),
            safe(l.id),
            safe(&o.signer.id.0)
        ))
        .header("Date", Raw::new(l.now.to_rfc2822()))
        .header("X-Unsent", Raw::new("1"))
        .text_body(body(l, o));
    if let Some((name, address)) = l.from {
        m = match name {
            Some(name) => m.from((name, address)),
            None => m.from(address),
        };
    }
    // Writing into memory cannot fail.
    m.write_to_vec().unwrap_or_default()
}

/// "Sign-on reminder: TITLE (deadline 2025-02-05, two days left)".
fn subject(l: &Letter<'_>) -> String {
    match (l.deadline, l.days_left) {
        (Some(d), Some(n)) => format!(
            "Sign-on reminder: {} (deadline {d}, {})",
            l.title,
            days_left(n)
        ),
        _ => format!("Sign-on reminder: {}", l.title),
    }
}

/// The greeting, why we write, what changed (stale), the letter.
fn body(l: &Letter<'_>, o: &Office<'_>) -> String {
    let greeting = match &o.signer.staffer {
        Some(staffer) => format!("Dear {staffer},"),
        None => "Hello,".to_string(),
    };
    let who = crate::press::signers::press_name(o.signer);
    let mut ask = match (o.row.standing, o.row.at) {
        (crate::model::Standing::Stale, Some(at)) => format!(
            "{who} signed on to the letter \"{}\" on {}, but its text has changed since. Could you confirm the signature on the current text?",
            l.title,
            at.date_naive()
        ),
        _ => format!(
            "We have not yet heard whether {who} will sign on to the letter \"{}\".",
            l.title
        ),
    };
    if let (Some(d), Some(n)) = (l.deadline, l.days_left) {
        ask.push_str(&format!(" The deadline is {d}: {}.", days_left(n)));
    }
    let mut out = format!("{greeting}\n\n{}\n\n", wrap(&ask));
    if o.row.standing == crate::model::Standing::Stale {
        out.push_str(&changes(o.redline.as_deref()));
    }
    out.push_str(&wrap(
        "Please reply to this e-mail to sign on or to decline. The letter as it stands:",
    ));
    out.push_str("\n\n");
    out.push_str(l.text);
    out
}

/// What changed since a stale signature, or why it cannot be shown.
fn changes(redline: Option<&str>) -> String {
    match redline {
        Some(r) => format!(
            "{}\n\n{r}\n",
            wrap("What changed since (removed words in [-brackets-], added ones in {+braces+}):")
        ),
        None => format!(
            "{}\n\n",
            wrap("The text approved then was not kept, so the changes cannot be shown here.")
        ),
    }
}

fn wrap(text: &str) -> String {
    textwrap::fill(text, 72)
}

/// An id as a file name and a Message-ID part: letters, digits, `.`, `_`
/// and `-` kept, anything else made `-`.
fn safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_in_file_names() {
        assert_eq!(
            file_name("2025-02-06-rubio", "o'brien/x"),
            "2025-02-06-rubio-o-brien-x.eml"
        );
    }
}

//! The text fingerprint: `sha256:` over a canonical form of the words a signer
//! approves — recipients, salutation, sections and closing.
//!
//! The canonical form is built from the validated letter, whose text is
//! already whitespace-collapsed (paragraphs re-joined, TOML indentation gone),
//! so re-wrapping or re-indenting changes nothing, while any change of words,
//! punctuation, style markers or order does. It is NFC-normalized so that an
//! accent typed as one code point or two gives the same fingerprint. The date,
//! letterhead, deadline and signatories are deliberately left out: signers
//! approve the words, not the paperwork around them.

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::model::{Letter, Paragraph};

/// The first line of the canonical form; bump it if the form ever changes.
const VERSION: &str = "signon-fingerprint-v1";

/// `sha256:<64 hex digits>` of [`canonical`].
pub fn fingerprint(letter: &Letter) -> String {
    digest(&canonical(letter))
}

/// `sha256:<64 hex digits>` of a canonical text already built: the name a
/// kept approved text must still hash to.
pub fn digest(canonical: &str) -> String {
    let digest = Sha256::digest(canonical.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The canonical text: one `tag: value` line per item, in letter order.
pub fn canonical(letter: &Letter) -> String {
    let mut out = Form(String::new());
    out.line("", VERSION);
    for r in &letter.recipients {
        out.line("recipient", "");
        out.line("name", &r.name);
        out.opt("title", r.title.as_deref());
        r.address.iter().for_each(|a| out.line("address", a));
    }
    out.line("salutation", &letter.salutation);
    for s in &letter.sections {
        out.line("section", "");
        out.opt("heading", s.heading.as_deref());
        s.paragraphs
            .iter()
            .for_each(|p| out.line("paragraph", &markup(p)));
        for q in &s.quotes {
            out.line("quote", &markup(&q.text));
            out.opt("source", q.source.as_deref());
        }
        s.asks.iter().for_each(|a| out.line("ask", &markup(a)));
    }
    out.line("closing", &letter.closing);
    letter.cc.iter().for_each(|c| out.line("cc", c));
    letter
        .enclosures
        .iter()
        .for_each(|e| out.line("enclosure", e));
    // Nearly every text is NFC already, which the quick check confirms at a
    // fraction of the cost of normalizing (a status pass fingerprints every
    // letter).
    match unicode_normalization::is_nfc_quick(out.0.chars()) {
        unicode_normalization::IsNormalized::Yes => out.0,
        _ => out.0.nfc().collect(),
    }
}

struct Form(String);

impl Form {
    fn line(&mut self, tag: &str, value: &str) {
        if tag.is_empty() {
            self.0.push_str(value);
        } else {
            self.0.push_str(tag);
            self.0.push_str(": ");
            self.0.push_str(value);
        }
        self.0.push('\n');
    }

    fn opt(&mut self, tag: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.line(tag, v);
        }
    }
}

/// A paragraph written back with its `*` and `**` markers, so a change of
/// emphasis is a change of text.
fn markup(p: &Paragraph) -> String {
    p.iter()
        .map(|span| {
            let mark = match (span.style.bold, span.style.italic) {
                (true, true) => "***",
                (true, false) => "**",
                (false, true) => "*",
                (false, false) => "",
            };
            format!("{mark}{}{mark}", span.text)
        })
        .collect()
}

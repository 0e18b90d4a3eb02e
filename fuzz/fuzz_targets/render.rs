//! Compose and render: the example letter and roster with fuzz-derived text
//! as a section body, a signer's name and a sign-off note. Whatever
//! validates must compose and render to HTML and PDF without a panic (a
//! missing glyph may be an error, never a crash).
#![no_main]

use libfuzzer_sys::fuzz_target;

const SIGNERS: &str = include_str!("../../signers.toml");
const LETTER: &str = include_str!("../../letters/2025-02-06-rubio.toml");
const NAME: &str = "name = \"Frank Pallone, Jr.\"";

fuzz_target!(|data: &[u8]| {
    // Three strings, NUL-separated (a NUL inside a value is refused anyway).
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\0');
    let body = parts.next().unwrap_or("");
    let name = parts.next().unwrap_or("Frank Pallone, Jr.");
    let note = parts.next().unwrap_or("");
    let letter = with_body(LETTER, &quoted(body));
    let signers = format!(
        "{}\n[[signoff]]\nletter = \"2025-02-06-rubio\"\nsigner = \"pallone\"\n\
         status = \"signed\"\nat = 2025-02-03T10:12:00-05:00\nnote = {}\n",
        SIGNERS.replacen(NAME, &format!("name = {}", quoted(name)), 1),
        quoted(note),
    );
    let checked = signon::validate::texts(&signers, &[("2025-02-06-rubio", &letter)]);
    if checked.has_errors() {
        return;
    }
    for letter in &checked.letters {
        let fp = signon::ledger::fingerprint(letter);
        let states = signon::ledger::states(letter, &checked.ledger, &fp);
        for draft in [true, false] {
            let c = signon::compose::compose(letter, &checked.roster, &states, draft);
            let opts = signon::render::pdf::PdfOptions::default();
            if let Ok(t) = signon::render::pdf::typeset(&c, &opts) {
                let _ = signon::render::html::letter(&c, &t, signon::render::Paper::Letter);
                let _ = signon::render::pdf::paint(&c, &t);
            }
        }
    }
});

/// The letter with its first section's body replaced by `value`.
fn with_body(letter: &str, value: &str) -> String {
    let start = letter
        .find("body = \"\"\"")
        .expect("the example has a body");
    let open = start + "body = ".len();
    let close = letter[open + 3..].find("\"\"\"").expect("closed") + open + 6;
    format!("{}{value}{}", &letter[..open], &letter[close..])
}

/// `s` as a TOML basic string: the fuzzer's text arrives intact, escaped.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

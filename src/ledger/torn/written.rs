//! What signon writes for an event, line by line: a torn tail can only be
//! a prefix of it, so anything else at the end of the file is a mistake to
//! report where it is, never a tear whose repair deletes whole events.

use toml_writer::{ToTomlValue, TomlStringBuilder};

/// The keys signon writes in an event (`append::events_toml`).
const WRITTEN: [&str; 8] = [
    "seal", "letter", "signer", "status", "at", "by", "text", "note",
];

/// The header that begins every event signon writes.
const HEADER: &str = "[[signoff]]";

/// True when `tail`, from a header on, could be the start of events as
/// signon writes them: its header, `key = value` lines of the keys it writes
/// and blank lines, the last line possibly cut anywhere.
pub(in crate::ledger) fn as_written(tail: &str) -> bool {
    tail.split_inclusive('\n').all(|line| {
        let whole = line.ends_with('\n');
        let body = line.strip_suffix('\n').unwrap_or(line);
        let body = body.strip_suffix('\r').unwrap_or(body);
        if body.chars().any(char::is_control) {
            return false;
        }
        if whole {
            body.is_empty() || body == HEADER || key_line(body)
        } else {
            HEADER.starts_with(body) || cut_key_line(body)
        }
    })
}

/// True for a whole `key = value` line exactly as signon writes it: a key
/// it writes, the value as it quotes it (a date for `at`), nothing after.
fn key_line(line: &str) -> bool {
    let Some((key, text)) = line.split_once(" = ") else {
        return false;
    };
    let Ok(table) = toml::from_str::<toml::Table>(line) else {
        return false;
    };
    let written = match table.get(key) {
        Some(toml::Value::Datetime(d)) if key == "at" => d.to_string(),
        Some(toml::Value::String(s)) if key != "at" => {
            TomlStringBuilder::new(s).as_basic().to_toml_value()
        }
        _ => return false,
    };
    WRITTEN.contains(&key) && written == text
}

/// True for the start of a line signon writes, cut anywhere: a prefix of
/// `key = ` or a value begun as signon begins it (a quote, or a date).
fn cut_key_line(line: &str) -> bool {
    if WRITTEN.iter().any(|k| format!("{k} = ").starts_with(line)) {
        return true;
    }
    let Some((key, value)) = line.split_once(" = ") else {
        return false;
    };
    WRITTEN.contains(&key)
        && match key {
            "at" => {
                value.starts_with(|c: char| c.is_ascii_digit())
                    && value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-:+.".contains(c))
            }
            _ => value.strip_prefix('"').is_some_and(string_begun),
        }
}

/// True for the inside of a basic string cut anywhere: nothing follows its
/// closing quote, if it has one.
fn string_begun(inside: &str) -> bool {
    let mut escaped = false;
    for (i, c) in inside.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return i + 1 == inside.len(),
            _ => {}
        }
    }
    true
}

//! A torn fragment that begins a sealed command: its complete lines name
//! the command, so even a write cut inside its first event is reported as
//! the command it is, not as a nameless torn event. And the torn events of
//! a command that did not load, wherever they are, so that its repair
//! deletes them too.

use toml::Spanned;

use super::{Partial, extent_end, line_of};
use crate::ledger::seal::Seal;
use crate::ledger::torn::{Torn, as_written};
use crate::load::raw;

/// The command a torn fragment began, when its seal line is whole.
pub(super) fn partial(text: &str, torn: Torn) -> Option<Partial> {
    let fragment = &text[torn.offset..];
    let mut keys = toml::Table::new();
    // Only whole lines count: the last may be cut anywhere.
    for line in fragment.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
        if let Ok(table) = toml::from_str::<toml::Table>(line) {
            keys.extend(table);
        }
    }
    let value = |k: &str| keys.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let seal = Seal::parse(&value("seal")?)?;
    let header_end = fragment.find('\n').map_or(text.len(), |n| torn.offset + n);
    Some(Partial {
        batch: seal.batch,
        count: seal.count,
        whole: 0,
        letter: value("letter").unwrap_or_default(),
        status: value("status").unwrap_or_default(),
        signers: value("signer").into_iter().collect(),
        span: torn.offset..header_end,
        lines: vec![(line_of(text, torn.offset), line_of(text, text.len()))],
        tail: true,
    })
}

/// The events sealed by `batch` that did not load, by header offset, each
/// with whether it is torn (a prefix of what signon writes, more text
/// appended after it by hand) rather than edited: a torn one belongs to the
/// partial command as much as its whole events do.
pub(super) fn unloaded(
    text: &str,
    batch: &str,
    events: &[Spanned<raw::SignOff>],
) -> Vec<(usize, bool)> {
    let needle = format!("seal = \"{batch}:");
    text.match_indices(&needle)
        .filter(|&(at, _)| at == 0 || text.as_bytes()[at - 1] == b'\n')
        .filter_map(|(at, _)| text[..at].rfind("[[signoff]]"))
        .filter(|start| {
            events
                .binary_search_by_key(start, |e| e.span().start)
                .is_err()
        })
        .map(|start| (start, as_written(&text[start..extent_end(text, start)])))
        .collect()
}

//! The seal every event signon writes carries as its first key:
//! `seal = "<batch>:<index>/<count>:<keys>:<checksum>"`.
//!
//! One command's events go out in one write, and a crash can cut that write
//! at any byte — also exactly at a line end, where what is left still parses
//! as complete, hand-written looking events. The seal makes both visible:
//! `batch` names the command's write and `index`/`count` place the event in
//! it, so a command with members missing is seen as partial; `keys` counts
//! the event's other keys, so an event cut after one of its lines is seen as
//! cut, not edited; the checksum covers the event's values, so an event
//! edited by hand later no longer matches. Events written by hand carry no
//! seal and are taken as they are.
//!
//! The checksum is over the parsed values, not the bytes: re-indenting,
//! comments or CRLF line ends do not break a seal, a changed value does.

use sha2::{Digest, Sha256};

use crate::load::raw;

/// Hex digits of a batch id: 48 bits, ample for the commands of one ledger.
const BATCH_LEN: usize = 12;
/// Hex digits of a checksum: 64 bits, for tamper evidence, not secrecy.
const SUM_LEN: usize = 16;

/// A parsed seal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    /// The command's write.
    pub batch: String,
    /// This event's place in it, from 1.
    pub index: usize,
    /// How many events the command wrote.
    pub count: usize,
    /// How many keys the event has besides the seal.
    pub keys: usize,
    /// The checksum of the event's values.
    pub sum: String,
}

impl Seal {
    /// Parses a seal's text; `None` unless it has signon's exact shape.
    pub fn parse(s: &str) -> Option<Seal> {
        let (batch, rest) = s.split_once(':')?;
        let (place, rest) = rest.split_once(':')?;
        let (keys, sum) = rest.split_once(':')?;
        let (index, count) = place.split_once('/')?;
        let number = |n: &str| -> Option<usize> {
            n.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| n.parse().ok())?
        };
        let (index, count, keys) = (number(index)?, number(count)?, number(keys)?);
        let ok = hex(batch, BATCH_LEN) && hex(sum, SUM_LEN) && (1..=count).contains(&index);
        ok.then(|| Seal {
            batch: batch.to_string(),
            index,
            count,
            keys,
            sum: sum.to_string(),
        })
    }

    /// The seal's text, as written.
    pub fn render(&self) -> String {
        format!(
            "{}:{}/{}:{}:{}",
            self.batch, self.index, self.count, self.keys, self.sum
        )
    }

    /// Whether `fields` are the values this seal was made for.
    pub fn matches(&self, fields: &Fields<'_>) -> bool {
        let digest = digest(&self.batch, self.index, self.count, fields);
        hex_matches(&digest, &self.sum)
    }
}

fn hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// An event's values, as the checksum sees them.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    /// The letter id.
    pub letter: &'a str,
    /// The roster id.
    pub signer: &'a str,
    /// The status word.
    pub status: &'a str,
    /// The time, as TOML prints the parsed date-time.
    pub at: &'a str,
    /// Who recorded it.
    pub by: Option<&'a str>,
    /// The fingerprint.
    pub text: Option<&'a str>,
    /// The note.
    pub note: Option<&'a str>,
}

impl<'a> Fields<'a> {
    /// How many keys these values are written as.
    pub fn keys(&self) -> usize {
        4 + [self.by, self.text, self.note].iter().flatten().count()
    }

    /// The values of a parsed event; `at` is its date-time as TOML prints it.
    pub fn of(e: &'a raw::SignOff, at: &'a str) -> Fields<'a> {
        Fields {
            letter: e.letter.get_ref(),
            signer: e.signer.get_ref(),
            status: e.status.get_ref(),
            at,
            by: e.by.as_deref(),
            text: e.text.as_ref().map(|t| t.get_ref().as_str()),
            note: e.note.as_deref(),
        }
    }

    /// Feeds the values to `hash`, each length-prefixed so that no two sets
    /// of values (a note holding `\nby=`, say) feed the same bytes.
    fn feed(&self, hash: &mut Sha256) {
        let keys = [
            ("letter", Some(self.letter)),
            ("signer", Some(self.signer)),
            ("status", Some(self.status)),
            ("at", Some(self.at)),
            ("by", self.by),
            ("text", self.text),
            ("note", self.note),
        ];
        for (key, value) in keys {
            if let Some(v) = value {
                // No `format!`: `status` feeds every event of a season.
                hash.update(key.as_bytes());
                hash.update((v.len() as u64).to_le_bytes());
                hash.update(v.as_bytes());
            }
        }
    }
}

/// The checksum of one event: its place in the batch and its values.
pub fn checksum(batch: &str, index: usize, count: usize, fields: &Fields<'_>) -> String {
    hex_prefix(&digest(batch, index, count, fields), SUM_LEN)
}

fn digest(batch: &str, index: usize, count: usize, fields: &Fields<'_>) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(batch.as_bytes());
    hash.update((index as u64).to_le_bytes());
    hash.update((count as u64).to_le_bytes());
    fields.feed(&mut hash);
    hash.finalize().into()
}

/// Whether `hex` (lowercase) spells the first bytes of `digest`, without
/// formatting the digest.
fn hex_matches(digest: &[u8], hex: &str) -> bool {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let pairs = hex.as_bytes().chunks(2);
    hex.len() <= 2 * digest.len()
        && pairs
            .zip(digest)
            .all(|(pair, b)| pair == [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]])
}

/// The id of a command's write: derived from the events' values alone, so
/// the same command recorded in two clones of a workspace writes the same
/// bytes, and git's merge driver keeps it once. Two identical commands in
/// one file are one batch twice over, which [`super::batch`] tells from a
/// partial repeat by counting each place's copies.
pub fn batch_id(events: &[Fields<'_>]) -> String {
    let mut hash = Sha256::new();
    hash.update(format!("{}\n", events.len()).as_bytes());
    for f in events {
        f.feed(&mut hash);
    }
    hex_prefix(&hash.finalize(), BATCH_LEN)
}

fn hex_prefix(digest: &[u8], len: usize) -> String {
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    hex[..len].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: Fields<'static> = Fields {
        letter: "l",
        signer: "a",
        status: "signed",
        at: "2025-02-03T10:12:00-05:00",
        by: Some("AH"),
        text: None,
        note: None,
    };

    #[test]
    fn seals_round_trip_and_reject_other_shapes() {
        let sum = checksum("0123456789ab", 2, 3, &FIELDS);
        let text = format!("0123456789ab:2/3:5:{sum}");
        let seal = Seal::parse(&text).expect("a seal");
        assert_eq!(seal.render(), text);
        assert!(seal.matches(&FIELDS));
        for bad in [
            "0123456789ab:4/3:5:0123456789abcdef",
            "0123456789ab:0/3:5:0123456789abcdef",
            "0123456789AB:1/3:5:0123456789abcdef",
            "0123456789ab:+1/3:5:0123456789abcdef",
            "0123456789ab:1/3:5:0123456789abcde",
            "0123456789ab:1/3:0123456789abcdef",
            "0123456789ab:1/3:x:0123456789abcdef",
        ] {
            assert_eq!(Seal::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn any_changed_value_breaks_the_seal() {
        let sum = checksum("0123456789ab", 1, 1, &FIELDS);
        let seal = Seal::parse(&format!("0123456789ab:1/1:5:{sum}")).unwrap();
        let changed = [
            Fields { by: None, ..FIELDS },
            Fields {
                signer: "b",
                ..FIELDS
            },
            Fields {
                note: Some(""),
                ..FIELDS
            },
            Fields {
                at: "2025-02-03T10:12:01-05:00",
                ..FIELDS
            },
        ];
        for f in changed {
            assert!(!seal.matches(&f), "{f:?}");
        }
    }
}

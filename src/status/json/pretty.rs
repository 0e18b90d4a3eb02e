//! serde_json's pretty layout, byte for byte, with each line's break and
//! indent written at once.
//!
//! Why: serde_json's `PrettyFormatter` writes an indent one level at a
//! time, a separate write per two spaces. A season's report has some
//! 190,000 lines, most five levels deep, and those writes were a tenth of
//! `status --json`. This formatter takes the same decisions (an empty array
//! or object stays `[]` or `{}`; every value on its own line) and writes
//! `,\n` and the spaces as one slice of [`BREAK`].

use std::io::{self, Write};

use serde_json::ser::Formatter;

/// The levels [`BREAK`] holds spaces for; a deeper line (none in the
/// report's schema) is indented a slice at a time.
const DEEPEST: usize = 16;

/// Two spaces a level, as serde_json's default.
const INDENT: usize = 2;

/// `,\n` and the deepest indent: a line's break is a slice of it.
const BREAK: [u8; 2 + INDENT * DEEPEST] = {
    let mut bytes = [b' '; 2 + INDENT * DEEPEST];
    bytes[0] = b',';
    bytes[1] = b'\n';
    bytes
};

/// The formatter: how deep the value being written is, and whether the
/// array or object just closing had any member (else it stays `[]`, `{}`).
#[derive(Debug, Default)]
pub(super) struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A formatter for a member of the array or object this one is in,
    /// written apart from it (on another thread): the same depth.
    pub(super) fn member(&self) -> Pretty {
        Pretty {
            depth: self.depth,
            has_value: false,
        }
    }

    /// A new line at the current depth, after a comma when `comma`.
    fn line<W: ?Sized + Write>(&self, w: &mut W, comma: bool) -> io::Result<()> {
        let from = usize::from(!comma);
        let width = INDENT * self.depth;
        if let Some(bytes) = BREAK.get(from..2 + width) {
            return w.write_all(bytes);
        }
        w.write_all(&BREAK[from..2])?;
        let spaces = &BREAK[2..];
        for _ in 0..width / spaces.len() {
            w.write_all(spaces)?;
        }
        w.write_all(&spaces[..width % spaces.len()])
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, false)?;
        }
        w.write_all(bracket)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use serde_json::json;

    use super::{DEEPEST, Pretty};

    fn ours(value: &impl Serialize) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
        value.serialize(&mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_what_serde_jsons_pretty_printer_writes() {
        let value = json!({
            "a": [1, "two", null, {"b": [], "c": {}}, [[true]]],
            "empty": {},
            "list": [],
            "text": "quote \" and line\n",
        });
        assert_eq!(ours(&value), serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn indents_past_the_deepest_level_it_holds() {
        let mut value = json!(["bottom", {"k": 1}]);
        for _ in 0..DEEPEST * 2 + 1 {
            value = json!({ "down": [value, 2] });
        }
        assert_eq!(ours(&value), serde_json::to_string_pretty(&value).unwrap());
    }
}

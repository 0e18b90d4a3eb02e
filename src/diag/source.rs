//! A file's text as diagnostics quote it, with its line starts computed
//! once, when a diagnostic first needs them, and codespan-reporting's view
//! of it.

use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use codespan_reporting::files::{self, Files};

use super::display_path;

/// A file's text, kept so diagnostics can quote it, with its line starts
/// computed once: a file with a thousand problems is indexed once, not once
/// a problem; and a file with none is never indexed (a season's
/// `signers.toml` is megabytes, and `status` has a budget).
#[derive(Debug)]
pub struct Source {
    /// The path as shown to the user (relative to the working directory).
    pub name: String,
    /// The whole text.
    pub text: String,
    /// The byte offset where each line begins, once asked for.
    line_starts: OnceLock<Vec<usize>>,
}

impl Source {
    /// Wraps a file's text under the name shown to the user.
    pub fn new(path: &Path, text: String) -> Arc<Source> {
        Arc::new(Source::named(display_path(path), text))
    }

    /// A source under a name as shown.
    pub(super) fn named(name: String, text: String) -> Source {
        Source {
            name,
            text,
            line_starts: OnceLock::new(),
        }
    }

    /// The byte offset where each line begins, computed on first use.
    fn line_starts(&self) -> &[usize] {
        self.line_starts
            .get_or_init(|| files::line_starts(&self.text).collect())
    }

    /// The byte range of a 1-based line, its line end left out.
    pub fn line_span(&self, line: usize) -> Range<usize> {
        let range = self.line_range((), line.max(1) - 1).unwrap_or(0..0);
        let text = self.text[range.clone()].trim_end_matches(['\n', '\r']);
        range.start..range.start + text.len()
    }

    /// The byte offset of a 1-based line and character column, the inverse
    /// of [`Source::line_col`]: past a line's end, its end; past the last
    /// line, the end of the text.
    pub fn offset_at(&self, line: usize, column: usize) -> usize {
        let end = self.text.len();
        let range = self.line_range((), line.max(1) - 1).unwrap_or(end..end);
        let text = self.text[range.clone()].trim_end_matches(['\n', '\r']);
        text.char_indices()
            .nth(column.max(1) - 1)
            .map_or(range.start + text.len(), |(i, _)| range.start + i)
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        match self.location((), offset.min(self.text.len())) {
            Ok(loc) => (loc.line_number, loc.column_number),
            Err(_) => (1, 1),
        }
    }
}

/// The source as codespan-reporting's one-file database, over the line
/// starts computed once ([`Source::line_starts`]).
impl<'a> Files<'a> for Source {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self
            .line_starts()
            .partition_point(|&s| s <= byte_index)
            .max(1)
            - 1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        let starts = self.line_starts();
        let start = |i: usize| match i.cmp(&starts.len()) {
            std::cmp::Ordering::Less => Ok(starts[i]),
            std::cmp::Ordering::Equal => Ok(self.text.len()),
            std::cmp::Ordering::Greater => Err(files::Error::LineTooLarge {
                given: i,
                max: starts.len() - 1,
            }),
        };
        Ok(start(line_index)?..start(line_index + 1)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_at_is_the_inverse_of_line_col() {
        let src = Source::named("f".into(), "ab\r\ncé d\n".into());
        for offset in [0, 1, 4, 5, 7, 8] {
            let (line, column) = src.line_col(offset);
            assert_eq!(src.offset_at(line, column), offset, "{line}:{column}");
        }
        // Past a line's end, its end; past the last line, the text's end.
        assert_eq!(src.offset_at(1, 9), 2);
        assert_eq!(src.offset_at(9, 1), src.text.len());
    }
}

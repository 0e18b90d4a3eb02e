//! Text in aligned columns, the one table layout of the terminal: `status`,
//! `status --missing`, `signers` and `log` all lay their rows out here, so
//! every table pads by the same rule. Columns are padded by display width,
//! so an accented name ("Velázquez") lines up, and two spaces apart; no line
//! ends in spaces. A leaf: it knows cells, not what is in them.

use anstyle::Style;
use unicode_width::UnicodeWidthStr as _;

/// One cell: its text, an optional terminal style, and alignment.
pub struct Cell {
    text: String,
    color: Option<Style>,
    right: bool,
}

/// A plain cell, aligned left.
pub fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        color: None,
        right: false,
    }
}

impl Cell {
    /// The cell aligned right, as numbers are.
    pub fn right(self) -> Cell {
        Cell {
            right: true,
            ..self
        }
    }

    /// The cell painted in `color` when there is one; the padding, counted
    /// on the text alone, is never painted.
    pub fn styled(self, color: Option<Style>) -> Cell {
        Cell { color, ..self }
    }
}

/// Lays rows out in columns two spaces apart, padded by display width, with
/// no trailing spaces; each line starts with `indent`.
pub fn grid(rows: &[Vec<Cell>], indent: &str) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|x| x.text.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::from(indent);
        for (c, x) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - x.text.width());
            let text = match x.color {
                Some(style) => format!("{}{}{}", style.render(), x.text, style.render_reset()),
                None => x.text.clone(),
            };
            let sep = if c == 0 { "" } else { "  " };
            if x.right {
                line.push_str(&format!("{sep}{pad}{text}"));
            } else {
                line.push_str(&format!("{sep}{text}{pad}"));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_names_line_up() {
        let rows = vec![
            vec![cell("Nydia M. Velázquez"), cell("x")],
            vec![cell("Nydia M. Velazquez"), cell("y")],
        ];
        let out = grid(&rows, "");
        let cols: Vec<usize> = out.lines().map(|l| l.width()).collect();
        assert_eq!(cols[0], cols[1], "{out}");
    }

    #[test]
    fn numbers_align_right_and_lines_keep_no_trailing_space() {
        let rows = vec![
            vec![cell("a"), cell("10").right(), cell("")],
            vec![cell("bb"), cell("7").right(), cell("")],
        ];
        assert_eq!(grid(&rows, "  "), "  a   10\n  bb   7\n");
    }
}

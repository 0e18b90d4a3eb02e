//! Stage 5, render: the [`Composed`](crate::compose::Composed) letter as
//! bytes of an output format.
//!
//! Renderers only format: they never read files or re-validate. The bytes go
//! to disk through [`crate::output::write`], the one safe writer.

pub mod html;
pub mod lines;
pub mod pdf;
pub mod print;

/// The paper a letter is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// US Letter, 8.5 × 11 in: what Congress prints on.
    #[default]
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::Letter => (215.9, 279.4),
            Paper::A4 => (210.0, 297.0),
        }
    }

    /// The CSS `@page { size }` keyword.
    pub fn css(self) -> &'static str {
        match self {
            Paper::Letter => "letter",
            Paper::A4 => "A4",
        }
    }
}

//! `signon render`, `press` and `export`: the commands that write a letter
//! out, with their output formats and paper sizes, and their conversions
//! into the library's types (every `From` of a cli type lives in `cli`).

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// `signon render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// Write the PDF here (default: `out/ID.pdf` in the workspace; `-`:
    /// standard output, for one output only)
    #[arg(long, value_name = "PATH")]
    pub pdf: Option<PathBuf>,
    /// Write the HTML here (default: `out/ID.html` in the workspace; `-`:
    /// standard output, for one output only)
    #[arg(long, value_name = "PATH")]
    pub html: Option<PathBuf>,
    /// Write the letter as plain text here, wrapped at 72 columns (`-`: standard output)
    #[arg(long, value_name = "PATH")]
    pub text: Option<PathBuf>,
    /// The copy to send: refused while a lead has not signed or a signature is stale
    #[arg(long = "final")]
    pub final_copy: bool,
    /// With --final: leave off co-signers (not leads) who signed an earlier text, naming them
    #[arg(long, requires = "final_copy")]
    pub omit_stale: bool,
    /// The paper size (any case: `A4` or `a4`)
    #[arg(long, value_enum, ignore_case = true, default_value_t = Paper::Letter)]
    pub paper: Paper,
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Paper {
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

impl From<Paper> for crate::render::Paper {
    fn from(p: Paper) -> Self {
        match p {
            Paper::Letter => crate::render::Paper::Letter,
            Paper::A4 => crate::render::Paper::A4,
        }
    }
}

/// `signon press`.
#[derive(Debug, Args)]
pub struct PressArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// The output format
    #[arg(long, value_enum, default_value_t = PressFormat::Md)]
    pub format: PressFormat,
    /// Write here instead of standard output (`-`: standard output); the
    /// folder must exist, and no input of the workspace is overwritten
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of the press release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PressFormat {
    /// Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// Plain text, wrapped at 72 columns.
    Txt,
}

impl From<PressFormat> for crate::press::ReleaseFormat {
    fn from(f: PressFormat) -> Self {
        match f {
            PressFormat::Md => crate::press::ReleaseFormat::Markdown,
            PressFormat::Html => crate::press::ReleaseFormat::Html,
            PressFormat::Txt => crate::press::ReleaseFormat::Text,
        }
    }
}

/// `signon export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The letter, by id or path
    #[arg(value_name = "LETTER")]
    pub letter: String,
    /// The output format
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write here instead of standard output (`-`: standard output); the
    /// folder must exist, and no input of the workspace is overwritten
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of the signer list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header row (UTF-8).
    Csv,
    /// A JSON document: the letter and its signers.
    Json,
    /// One `Rep. Name (P-ST)` a line.
    Txt,
}

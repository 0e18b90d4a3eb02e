//! Signature images: read and decoded while the workspace is validated, so
//! that compose and the renderers only ever see checked pixels and never
//! touch the disk.

use std::fmt;

/// The largest signature file accepted, in bytes (2 MB).
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;
/// The largest width or height accepted, in pixels.
pub const MAX_SIDE: u32 = 4000;

/// How a letter fills the space above each signer's printed name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SignatureMode {
    /// Room to sign by hand (the default).
    #[default]
    Blank,
    /// Each signer's image from the roster.
    Images,
    /// "/s/ Name", typeset.
    Conformed,
}

impl SignatureMode {
    /// The word used in the letter file.
    pub fn as_str(self) -> &'static str {
        match self {
            SignatureMode::Blank => "blank",
            SignatureMode::Images => "images",
            SignatureMode::Conformed => "conformed",
        }
    }
}

/// A checked signature image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureImage {
    /// The path as the roster writes it, inside the workspace: it names the
    /// image in the PDF, so signers sharing a file share one image.
    pub path: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The samples, as the PDF takes them.
    pub pixels: Pixels,
    /// The file's bytes: the HTML's `data:` URL, and a JPEG's PDF stream.
    pub file: Vec<u8>,
}

/// An image's samples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pixels {
    /// A JPEG, embedded as it is: 1 (grey) or 3 (colour) components.
    Jpeg {
        /// Colour components.
        components: u8,
    },
    /// A decoded PNG, 8 bits a sample, the alpha kept apart (the PDF's
    /// soft mask); both planes zlib-deflated, as the PDF takes them.
    Png {
        /// 1 (grey) or 3 (RGB).
        channels: u8,
        /// `width × height × channels` samples, row by row, deflated.
        color: Vec<u8>,
        /// One opacity a pixel, deflated; `None` when every pixel is opaque.
        alpha: Option<Vec<u8>>,
    },
}

impl SignatureImage {
    /// The media type of the file.
    pub fn mime(&self) -> &'static str {
        match self.pixels {
            Pixels::Jpeg { .. } => "image/jpeg",
            Pixels::Png { .. } => "image/png",
        }
    }
}

impl fmt::Display for SignatureImage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}x{}", self.path, self.width, self.height)
    }
}

//! Reading a signature image: the file inside the workspace, within the
//! documented limits, decoded by maintained decoders (image-rs's `png`,
//! `zune-jpeg`). Nothing here reports; `validate::images` turns each
//! [`ImageError`] into a diagnostic at the roster line.

use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::model::{MAX_BYTES, MAX_SIDE, Pixels, SignatureImage};

/// Why a signature image cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageError {
    /// The path leaves the workspace: by `..` or as an absolute path, or
    /// (`link`) through a symbolic link.
    Outside {
        /// Through a symbolic link.
        link: bool,
    },
    /// No such file (or not readable).
    Missing(String),
    /// Bigger than [`MAX_BYTES`].
    TooBig(u64),
    /// Wider or taller than [`MAX_SIDE`].
    TooLarge(u32, u32),
    /// Neither a PNG nor a JPEG.
    NotImage,
    /// The decoder failed.
    Undecodable(String),
    /// A CMYK JPEG, which prints with inverted colours in many viewers.
    Cmyk,
}

/// The real path of `written` (relative to the workspace `root`), checked
/// to stay inside the workspace: lexically first, so that `../x.png` is
/// refused whether or not it exists, then with every link resolved.
pub fn resolve(root: &Path, written: &str) -> Result<PathBuf, ImageError> {
    let rel = Path::new(written);
    let mut depth = 0usize;
    for part in rel.components() {
        match part {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir if depth > 0 => depth -= 1,
            _ => return Err(ImageError::Outside { link: false }),
        }
    }
    let root = fs::canonicalize(root).map_err(|e| ImageError::Missing(e.to_string()))?;
    let real = fs::canonicalize(root.join(rel)).map_err(|e| ImageError::Missing(reason(&e)))?;
    if !real.starts_with(&root) {
        return Err(ImageError::Outside { link: true });
    }
    if !real.is_file() {
        return Err(ImageError::Missing("not a file".to_string()));
    }
    Ok(real)
}

fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        _ => e.to_string(),
    }
}

/// Reads and decodes the image at `real`, named `written` in the roster.
pub fn read(real: &Path, written: &str) -> Result<SignatureImage, ImageError> {
    let file = fs::File::open(real).map_err(|e| ImageError::Missing(reason(&e)))?;
    let len = file
        .metadata()
        .map_err(|e| ImageError::Missing(reason(&e)))?
        .len();
    if len > MAX_BYTES {
        return Err(ImageError::TooBig(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImageError::Missing(reason(&e)))?;
    decode(written, bytes)
}

/// Decodes a PNG or JPEG file's bytes (told apart by their signatures).
pub fn decode(written: &str, bytes: Vec<u8>) -> Result<SignatureImage, ImageError> {
    let (width, height, pixels) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(&bytes)?
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg(&bytes)?
    } else {
        return Err(ImageError::NotImage);
    };
    Ok(SignatureImage {
        path: written.to_string(),
        width,
        height,
        pixels,
        file: bytes,
    })
}

fn too_large(width: u32, height: u32) -> Result<(), ImageError> {
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(ImageError::TooLarge(width, height));
    }
    Ok(())
}

/// Any PNG as 8-bit grey or RGB samples plus an alpha plane: palettes and
/// `tRNS` expanded, 16-bit samples cut to 8.
fn png(bytes: &[u8]) -> Result<(u32, u32, Pixels), ImageError> {
    let bad = |e: png::DecodingError| ImageError::Undecodable(e.to_string());
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(bad)?;
    let (width, height) = (reader.info().width, reader.info().height);
    too_large(width, height)?;
    let size = reader
        .output_buffer_size()
        .ok_or(ImageError::TooLarge(width, height))?;
    let mut buf = vec![0; size];
    let frame = reader.next_frame(&mut buf).map_err(bad)?;
    buf.truncate(frame.buffer_size());
    let (channels, has_alpha) = match frame.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        // Expanded by the transformations above.
        png::ColorType::Indexed => {
            return Err(ImageError::Undecodable("palette not expanded".into()));
        }
    };
    let (color, alpha) = if has_alpha {
        split_alpha(&buf, channels)
    } else {
        (buf, None)
    };
    let channels = channels as u8;
    Ok((
        width,
        height,
        Pixels::Png {
            channels,
            color,
            alpha,
        },
    ))
}

/// Splits interleaved samples into colour and alpha; an alpha plane that
/// is opaque everywhere is dropped (no soft mask needed).
fn split_alpha(buf: &[u8], channels: usize) -> (Vec<u8>, Option<Vec<u8>>) {
    let pixels = buf.len() / (channels + 1);
    let mut color = Vec::with_capacity(pixels * channels);
    let mut alpha = Vec::with_capacity(pixels);
    for px in buf.chunks_exact(channels + 1) {
        color.extend_from_slice(&px[..channels]);
        alpha.push(px[channels]);
    }
    let opaque = alpha.iter().all(|&a| a == 255);
    (color, (!opaque).then_some(alpha))
}

/// A JPEG decoded once in full (so that a damaged file is caught here, not
/// by the printer), then kept as the file's bytes.
fn jpeg(bytes: &[u8]) -> Result<(u32, u32, Pixels), ImageError> {
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    let bad = |e: zune_jpeg::errors::DecodeErrors| ImageError::Undecodable(e.to_string());
    let mut decoder =
        zune_jpeg::JpegDecoder::new(zune_jpeg::zune_core::bytestream::ZCursor::new(bytes));
    decoder.decode_headers().map_err(bad)?;
    let (w, h) = decoder.dimensions().unwrap_or((0, 0));
    let (width, height) = (w as u32, h as u32);
    too_large(width, height)?;
    let components = match decoder.input_colorspace() {
        Some(ColorSpace::Luma) => 1,
        Some(ColorSpace::YCbCr | ColorSpace::RGB) => 3,
        Some(ColorSpace::CMYK | ColorSpace::YCCK) => return Err(ImageError::Cmyk),
        other => {
            return Err(ImageError::Undecodable(format!(
                "unsupported colour model {other:?}"
            )));
        }
    };
    decoder.decode().map_err(bad)?;
    Ok((width, height, Pixels::Jpeg { components }))
}

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
    SCRATCH.with_borrow_mut(|scratch| {
        let Scratch {
            pixels,
            color,
            alpha,
            z,
        } = scratch;
        // Reused from image to image: fresh buffers of this size cost more
        // in page faults than the decoding.
        pixels.resize(size, 0);
        let frame = reader.next_frame(pixels).map_err(bad)?;
        let pixels = &pixels[..frame.buffer_size()];
        let (channels, has_alpha) = samples(frame.color_type)?;
        let (color, alpha) = if has_alpha {
            let opaque = split_alpha(pixels, channels, color, alpha);
            let color = deflate(z, color);
            (color, (!opaque).then(|| deflate(z, alpha)))
        } else {
            (deflate(z, pixels), None)
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
    })
}

/// Colour samples a pixel, and whether an alpha sample follows them.
fn samples(color: png::ColorType) -> Result<(usize, bool), ImageError> {
    match color {
        png::ColorType::Grayscale => Ok((1, false)),
        png::ColorType::GrayscaleAlpha => Ok((1, true)),
        png::ColorType::Rgb => Ok((3, false)),
        png::ColorType::Rgba => Ok((3, true)),
        // Expanded by the transformations `png` sets.
        png::ColorType::Indexed => Err(ImageError::Undecodable("palette not expanded".into())),
    }
}

/// Buffers and a compressor for decoding, one set a thread.
struct Scratch {
    pixels: Vec<u8>,
    color: Vec<u8>,
    alpha: Vec<u8>,
    z: flate2::Compress,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch {
        pixels: Vec::new(),
        color: Vec::new(),
        alpha: Vec::new(),
        z: flate2::Compress::new(flate2::Compression::fast(), true),
    });
}

/// Splits interleaved samples into `color` and `alpha`; true when every
/// pixel is opaque (no soft mask needed).
fn split_alpha(pixels: &[u8], channels: usize, color: &mut Vec<u8>, alpha: &mut Vec<u8>) -> bool {
    match channels {
        1 => split::<1, 2>(pixels, color, alpha),
        _ => split::<3, 4>(pixels, color, alpha),
    }
}

/// [`split_alpha`] for `C` colour samples in pixels of `P = C + 1` bytes,
/// sizes known to the compiler so that the loop has no calls in it.
fn split<const C: usize, const P: usize>(
    pixels: &[u8],
    color: &mut Vec<u8>,
    alpha: &mut Vec<u8>,
) -> bool {
    let n = pixels.len() / P;
    color.resize(n * C, 0);
    alpha.resize(n, 0);
    let mut all = 255u8;
    let planes = color.chunks_exact_mut(C).zip(alpha.iter_mut());
    for (px, (c, a)) in pixels.chunks_exact(P).zip(planes) {
        c.copy_from_slice(&px[..C]);
        *a = px[C];
        all &= px[C];
    }
    all == 255
}

/// Samples deflated in the zlib format at the fast level, as the PDF's
/// other streams are: a signature is mostly empty paper, which the fast
/// level packs nearly as well, in a fraction of the time. Kept packed, the
/// decoded images of a long letter take a tenth of the memory. One
/// compressor serves a thread, reset between planes: setting one up zeroes
/// some 400 KB of tables, which for 40 planes was a third of the work.
fn deflate(z: &mut flate2::Compress, data: &[u8]) -> Vec<u8> {
    z.reset();
    let mut out = Vec::with_capacity(data.len() / 8 + 64);
    loop {
        let read = usize::try_from(z.total_in())
            .unwrap_or(data.len())
            .min(data.len());
        let status = z.compress_vec(&data[read..], &mut out, flate2::FlushCompress::Finish);
        match status {
            Ok(flate2::Status::StreamEnd) | Err(_) => return out,
            // The output is full: give it room and go on.
            Ok(_) => out.reserve(out.capacity().max(64)),
        }
    }
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

//! The document printpdf made, finished: its streams compressed, its
//! structure tree and description added, its page boxes and id pinned, and
//! its bytes written.

use super::marks::Mark;
use super::meta::{Meta, pin_trailer_id, set_page_boxes};
use super::{PdfError, Typeset};

/// The document printpdf made, compressed, tagged, described and saved.
pub(super) fn save(
    mut lo: lopdf::Document,
    t: &Typeset,
    meta: &Meta,
    marks: &[Vec<Mark>],
) -> Result<Vec<u8>, PdfError> {
    let layout = &t.layout;
    compress(&mut lo);
    super::structure::tag(&mut lo, &layout.tree, marks);
    super::structure::name_cid_maps(&mut lo);
    super::meta::describe(&mut lo, meta, super::structure::ua_ready(layout));
    set_page_boxes(&mut lo, layout.width, layout.height);
    pin_trailer_id(&mut lo, &meta.id);
    // The streams and some room for the objects around them: the bytes
    // grow once or not at all rather than a dozen times.
    let streams: usize = lo
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .map(|s| s.content.len())
        .sum();
    let mut bytes = Vec::with_capacity(streams + 32 * 1024);
    // The structure tree adds some two hundred small objects, written
    // plainly. Object streams would pack them to a fifth (the example 32 KB
    // instead of 43), but cost 13% more instructions (33.0 M instead of
    // 29.2 M): the render time is the tighter budget.
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(bytes)
}

/// Deflates every stream at the fast level, through zlib-rs (pure Rust: no
/// system libz to load at start-up, which cost more than it saved). printpdf's
/// own `optimize` uses the best level, which cost a third of a render; the
/// fast level leaves the four-page example near 43 KB with its structure
/// tree, and a two-page letter (25 KB) well under its 40 KB budget. One compressor
/// serves every stream, reset between them: setting one up zeroes some
/// 400 KB of tables, which for the ten streams of a letter was a tenth of a
/// render's instructions.
fn compress(doc: &mut lopdf::Document) {
    let mut z = flate2::Compress::new(flate2::Compression::fast(), true);
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        z.reset();
        if let Some(packed) = deflate(&mut z, &stream.content)
            && packed.len() < stream.content.len()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}

/// `data` deflated whole, in the zlib format, by a freshly reset `z`.
fn deflate(z: &mut flate2::Compress, data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let read = usize::try_from(z.total_in()).ok()?;
        let status = z
            .compress_vec(&data[read..], &mut out, flate2::FlushCompress::Finish)
            .ok()?;
        match status {
            flate2::Status::StreamEnd => return Some(out),
            // The output is full: give it room and go on.
            _ => out.reserve(out.capacity().max(64)),
        }
    }
}

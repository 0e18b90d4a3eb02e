//! The roster's `signature` images: each read, kept inside the workspace,
//! held to the documented limits and decoded here, once, so that compose and
//! the renderers get checked pixels and never read a file. Every problem is
//! a diagnostic at the `signature` value in `signers.toml`.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use toml::Spanned;

use super::Checked;
use crate::diag::{Diagnostic, Source};
use crate::load::image::{self, ImageError};
use crate::load::{Workspace, raw};
use crate::model::{MAX_BYTES, MAX_SIDE, SignatureImage, SignatureMode, SignerId};

/// From this many signature images on, they are decoded on two threads: a
/// PNG takes long enough that two are already worth a thread each half.
const MANY_IMAGES: usize = 4;

/// Where a roster entry is, and the signature path it gives.
#[derive(Debug, Clone)]
pub struct SignatureRef {
    /// The signer.
    pub id: SignerId,
    /// The entry's id in `[signers.<id>]`: where a missing image is reported.
    pub entry: Range<usize>,
    /// The `signature` value, when given.
    pub path: Option<Spanned<String>>,
}

/// Every roster entry's signature reference, in file order.
pub(super) fn refs(file: &raw::SignersFile) -> Vec<SignatureRef> {
    file.signers
        .iter()
        .map(|(id, entry)| SignatureRef {
            id: SignerId(id.get_ref().clone()),
            entry: id.span(),
            path: entry.get_ref().signature.clone(),
        })
        .collect()
}

/// Loads every signature image into the roster and returns the problems;
/// then warns, for each letter that prints images, about each signer of its
/// current text whose roster entry has none. A file named by several
/// signers is read once and shared.
pub fn signature_images(ws: &Workspace, checked: &mut Checked) -> Vec<Diagnostic> {
    let Some(src) = checked.signers_source.clone() else {
        return Vec::new();
    };
    let mut diags = Vec::new();
    // Each entry's real path, then each distinct file read once.
    let mut files: Vec<(PathBuf, &str)> = Vec::new();
    let mut placed: Vec<(&SignatureRef, Result<usize, ImageError>)> = Vec::new();
    for r in &checked.signature_refs {
        let Some(path) = &r.path else { continue };
        let at = image::resolve(&ws.root, path.get_ref()).map(|real| {
            files
                .iter()
                .position(|(p, _)| *p == real)
                .unwrap_or_else(|| {
                    files.push((real, path.get_ref()));
                    files.len() - 1
                })
        });
        placed.push((r, at));
    }
    let read = read_all(&files);
    let mut found: Vec<(SignerId, Arc<SignatureImage>)> = Vec::new();
    for (r, at) in placed {
        let path = r
            .path
            .as_ref()
            .expect("only entries with a path are placed");
        match at.and_then(|i| read[i].clone()) {
            Ok(img) => found.push((r.id.clone(), img)),
            Err(e) => diags.push(problem(&src, path, &e)),
        }
    }
    for (id, img) in found {
        if let Some(&i) = checked.roster.by_id.get(&id) {
            checked.roster.signers[i].signature = Some(img);
        }
    }
    diags.extend(missing(&src, checked));
    diags
}

type Read = Result<Arc<SignatureImage>, ImageError>;

/// Reads and decodes the files, half of them on a second thread when there
/// are several: decoding a PNG is most of the cost of images.
fn read_all(files: &[(PathBuf, &str)]) -> Vec<Read> {
    let one = |part: &[(PathBuf, &str)]| -> Vec<Read> {
        part.iter()
            .map(|(real, written)| image::read(real, written).map(Arc::new))
            .collect()
    };
    let (first, second) = files.split_at(files.len() / 2);
    let many = files.len() >= MANY_IMAGES;
    let (mut a, b) = crate::parallel::join(many, || one(first), || one(second));
    a.extend(b);
    a
}

/// The diagnostic for one unusable image, at its `signature` value.
fn problem(src: &Arc<Source>, path: &Spanned<String>, e: &ImageError) -> Diagnostic {
    let p = path.get_ref();
    let (message, help) = match e {
        ImageError::Outside { link: false } => (
            format!("signature `{p}` is outside the workspace"),
            "keep signature images in the workspace folder, e.g. `signatures/`".to_string(),
        ),
        ImageError::Outside { link: true } => (
            format!("signature `{p}` leads outside the workspace through a symbolic link"),
            "keep signature images in the workspace folder, e.g. `signatures/`".to_string(),
        ),
        ImageError::Missing(why) => (
            format!("signature `{p}` cannot be read: {why}"),
            "the path is from the workspace folder (where `signers.toml` is)".to_string(),
        ),
        ImageError::TooBig(len) => (
            format!("signature `{p}` is {len} bytes, over the limit of {MAX_BYTES}"),
            "save it smaller: a signature prints sharp at about 450 × 150 pixels".to_string(),
        ),
        ImageError::TooLarge(w, h) => (
            format!("signature `{p}` is {w} × {h} pixels, over the limit of {MAX_SIDE} a side"),
            "scale it down: a signature prints sharp at about 450 × 150 pixels".to_string(),
        ),
        ImageError::NotImage => (
            format!("signature `{p}` is not a PNG or JPEG image"),
            "save the signature as PNG (transparency kept) or JPEG".to_string(),
        ),
        ImageError::Undecodable(why) => (
            format!("signature `{p}` does not decode: {why}"),
            "the file is damaged: export it again as PNG or JPEG".to_string(),
        ),
        ImageError::Cmyk => (
            format!("signature `{p}` is a CMYK JPEG"),
            "save it as an RGB or greyscale JPEG, or as PNG".to_string(),
        ),
    };
    Diagnostic::error(src, path.span(), message).with_hint(help)
}

/// A warning for each signer of a letter that prints images whose roster
/// entry names no image: their block would fall back to blank space.
fn missing(src: &Arc<Source>, checked: &Checked) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for letter in &checked.letters {
        if letter.signatures != SignatureMode::Images {
            continue;
        }
        let fingerprint = crate::ledger::fingerprint(letter);
        for s in crate::ledger::states(letter, &checked.ledger, &fingerprint) {
            let signed = s.standing.signed_current();
            let has_image = checked
                .roster
                .get(&s.id)
                .is_some_and(|r| r.signature.is_some());
            let Some(r) = checked.signature_refs.iter().find(|r| r.id == s.id) else {
                continue;
            };
            // A broken image is already an error; this is for none at all.
            if signed && !has_image && r.path.is_none() {
                diags.push(
                    Diagnostic::warning(
                        src,
                        r.entry.clone(),
                        format!(
                            "`{}` signed `{}`, which prints signature images, but has no `signature`",
                            s.id, letter.id
                        ),
                    )
                    .with_hint(format!(
                        "add `signature = \"signatures/{}.png\"` to this entry; until then the space above the name stays blank",
                        s.id
                    )),
                );
            }
        }
    }
    diags
}

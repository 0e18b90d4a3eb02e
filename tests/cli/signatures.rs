//! Signature images and conformed signatures on the final copy, and
//! `render --final --omit-stale`. The images are made here, by the tests
//! (a PNG with a transparent background, a JPEG), never checked in; the PDF
//! is read back by poppler's `pdfimages` and checked by `check-pdf`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use crate::support::*;

/// A signature-like stroke (a wave, its shape set by `seed`), dark blue on
/// a transparent background: a PNG with real alpha.
pub(crate) fn png_bytes(w: u32, h: u32, seed: u32) -> Vec<u8> {
    let mut rgba = vec![0u8; (w * h * 4) as usize];
    for x in 0..w {
        let phase = x as f32 / (3.0 + seed as f32);
        let y = (h as f32 / 2.0 + phase.sin() * h as f32 / 3.0) as u32;
        for y in y.saturating_sub(1)..(y + 1).min(h) {
            let i = ((y * w + x) * 4) as usize;
            rgba[i..i + 4].copy_from_slice(&[20, 30, 120, 255]);
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().unwrap();
    writer.write_image_data(&rgba).unwrap();
    writer.finish().unwrap();
    out
}

/// A grey-on-white JPEG of the same kind of stroke.
pub(crate) fn jpeg_bytes(w: u16, h: u16) -> Vec<u8> {
    let mut rgb = vec![255u8; usize::from(w) * usize::from(h) * 3];
    for x in 0..usize::from(w) {
        let y = usize::from(h) / 2 + (x / 4) % (usize::from(h) / 3);
        let i = (y * usize::from(w) + x) * 3;
        rgb[i..i + 3].copy_from_slice(&[40, 40, 40]);
    }
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 85)
        .encode(&rgb, w, h, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    out
}

/// Writes `file` (a PNG, or a JPEG for `.jpg`) into the workspace.
pub(crate) fn write_image(ws: &Path, file: &str, seed: u32) {
    let path = ws.join(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let bytes = if file.ends_with(".jpg") {
        jpeg_bytes(60, 20)
    } else {
        png_bytes(60, 20, seed)
    };
    fs::write(path, bytes).unwrap();
}

/// Gives roster entry `id` the line `signature = "<value>"`.
pub(crate) fn set_signature(ws: &Path, id: &str, value: &str) {
    let path = ws.join("signers.toml");
    let text = fs::read_to_string(&path).unwrap();
    let header = format!("[signers.{id}]\n");
    assert!(text.contains(&header), "no entry {id}");
    let text = text.replacen(&header, &format!("{header}signature = \"{value}\"\n"), 1);
    fs::write(path, text).unwrap();
}

/// Sets the example letter's `[signatories] signatures = "<mode>"`.
pub(crate) fn set_mode(ws: &Path, mode: &str) {
    let path = ws.join(format!("letters/{RUBIO}.toml"));
    let text = fs::read_to_string(&path).unwrap();
    let line = "order = \"alphabetical\"\n";
    assert!(text.contains(line));
    let text = text.replacen(line, &format!("{line}signatures = \"{mode}\"\n"), 1);
    fs::write(path, text).unwrap();
}

/// The example with `mode`, each `(signer, file)` given its image and
/// signed on the current text (files written once, in order of first use).
pub(crate) fn workspace_with(mode: &str, signers: &[(&str, &str)]) -> TempDir {
    let ws = example();
    let p = ws.path();
    let current = fingerprint(p);
    let mut written: Vec<&str> = Vec::new();
    for (id, file) in signers {
        if !written.contains(file) {
            write_image(p, file, written.len() as u32);
            written.push(file);
        }
        set_signature(p, id, file);
        sign(p, id, "signed", "2025-02-03T10:00:00-05:00", Some(&current));
    }
    set_mode(p, mode);
    ws
}

/// The four leads: two PNGs, a JPEG, and a fourth sharing the first PNG.
const LEADS: [(&str, &str); 4] = [
    ("pallone", "signatures/pallone.png"),
    ("bilirakis", "signatures/bilirakis.png"),
    ("sherman", "signatures/sherman.jpg"),
    ("valadao", "signatures/pallone.png"),
];

/// A tool of `shared/tools`, found beside the repository or above it.
fn shared_tool(name: &str) -> PathBuf {
    let from_env = std::env::var_os("SIGNON_SHARED").map(PathBuf::from);
    let beside = repo()
        .ancestors()
        .map(|a| a.join("shared"))
        .find(|s| s.join("tools").join(name).is_file());
    let tool = from_env
        .or(beside)
        .expect("no shared/tools: run shared/tools/setup");
    tool.join("tools").join(name)
}

/// `pdfimages -list` rows: (type, enc, object id) of each image drawn.
fn pdf_images(pdf: &Path) -> Vec<(String, String, String)> {
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(pdf)
        .output()
        .expect("pdfimages (poppler-utils) is needed: run shared/tools/setup");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .skip(2)
        .map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            (f[2].to_string(), f[8].to_string(), f[10].to_string())
        })
        .collect()
}

fn render(ws: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["render", RUBIO];
    all.extend_from_slice(args);
    signon(ws, &all)
}

#[test]
fn final_pdf_embeds_each_signature_image_once() {
    let ws = workspace_with("images", &LEADS);
    let out = render(ws.path(), &["--final", "--pdf", "final.pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = pdf_images(&ws.path().join("final.pdf"));
    let of = |kind: &str| -> Vec<&(String, String, String)> {
        rows.iter().filter(|r| r.0 == kind).collect()
    };
    // Four signers drawn, from three distinct images.
    assert_eq!(of("image").len(), 4, "{rows:?}");
    let mut objects: Vec<&str> = of("image").iter().map(|r| r.2.as_str()).collect();
    objects.sort();
    objects.dedup();
    assert_eq!(objects.len(), 3, "{rows:?}");
    // The JPEG passes through; each PNG drawing has its soft mask.
    assert_eq!(of("image").iter().filter(|r| r.1 == "jpeg").count(), 1);
    assert_eq!(of("smask").len(), 3, "{rows:?}");
    let check = Command::new(shared_tool("check-pdf"))
        .arg(ws.path().join("final.pdf"))
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

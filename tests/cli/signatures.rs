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
        sign(p, id, "signed", "2025-01-29T10:00:00-05:00", Some(&current));
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

/// Read back with lopdf: (images, soft masks, drawings) — image XObjects
/// apart from the soft masks that other images name, and the `Do`
/// operators on every page.
fn images_in(pdf: &Path) -> (usize, usize, usize) {
    let doc = lopdf::Document::load(pdf).unwrap();
    let is_image = |s: &&lopdf::Stream| {
        s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image")
    };
    let images: Vec<&lopdf::Stream> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(is_image)
        .collect();
    let masks = images.iter().filter(|s| s.dict.has(b"SMask")).count();
    let drawn = doc
        .get_pages()
        .values()
        .map(|&page| {
            let content = doc.get_and_decode_page_content(page).unwrap();
            content
                .operations
                .iter()
                // Images are `/Im0`, `/Im1`…; a draft's DRAFT mark is `/Wm0`.
                .filter(|op| op.operator == "Do" && is_image_name(&op.operands))
                .count()
        })
        .sum();
    (images.len() - masks, masks, drawn)
}

fn is_image_name(operands: &[lopdf::Object]) -> bool {
    operands
        .first()
        .and_then(|o| o.as_name().ok())
        .is_some_and(|n| n.starts_with(b"Im"))
}

fn final_with_images() -> TempDir {
    let ws = workspace_with("images", &LEADS);
    let out = render(ws.path(), &["--final", "--pdf", "final.pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    ws
}

#[test]
fn final_pdf_embeds_each_signature_image_once() {
    let ws = final_with_images();
    let pdf = ws.path().join("final.pdf");
    // Four signers drawn, from three distinct images; each PNG (two of
    // them) with its soft mask.
    assert_eq!(images_in(&pdf), (3, 2, 4));
    // The JPEG is the file itself, byte for byte: passed through.
    let jpeg = fs::read(ws.path().join("signatures/sherman.jpg")).unwrap();
    let bytes = fs::read(&pdf).unwrap();
    assert!(bytes.windows(jpeg.len()).any(|w| w == jpeg));
}

/// The same final copy read back by independent tools: poppler's
/// `pdfimages` and the shared `check-pdf`. Ignored in plain `cargo test`
/// (a fresh machine has neither); `.ci/run` installs them and runs it.
#[test]
#[ignore = "needs poppler-utils and shared/tools (run by .ci/run)"]
fn final_pdf_images_read_back_by_poppler_and_check_pdf() {
    let ws = final_with_images();
    let rows = pdf_images(&ws.path().join("final.pdf"));
    let of = |kind: &str| -> Vec<&(String, String, String)> {
        rows.iter().filter(|r| r.0 == kind).collect()
    };
    assert_eq!(of("image").len(), 4, "{rows:?}");
    let mut objects: Vec<&str> = of("image").iter().map(|r| r.2.as_str()).collect();
    objects.sort();
    objects.dedup();
    assert_eq!(objects.len(), 3, "{rows:?}");
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

/// `signon check` on the example, its ledger empty, with one roster entry
/// pointing at `value`: exit 1 and the whole of standard error.
fn check_with_signature(value: &str, prepare: impl FnOnce(&Path)) -> (i32, String) {
    let ws = example();
    prepare(ws.path());
    set_signature(ws.path(), "pallone", value);
    let out = signon(ws.path(), &["check"]);
    (code(&out), stderr(&out))
}

/// The whole standard error of a `check` refusing pallone's `signature`
/// (line 18 of the example roster) with `message` and `help`.
fn refusal(value: &str, message: &str, help: &str) -> String {
    let carets = "^".repeat(value.len() + 2);
    format!(
        "signers.toml:18:13: error: signature `{value}` {message}
   |
18 | signature = \"{value}\"
   |             {carets}
   |
   = help: {help}

found 1 error
"
    )
}

#[test]
fn parent_path_is_refused_at_the_roster_line() {
    let (code, err) = check_with_signature("../x.png", |_| {});
    assert_eq!(code, 1);
    let help = "keep signature images in the workspace folder, e.g. `signatures/`";
    assert_eq!(err, refusal("../x.png", "is outside the workspace", help));
}

#[test]
fn symbolic_link_out_of_the_workspace_is_refused() {
    let elsewhere = TempDir::new().unwrap();
    write_image(elsewhere.path(), "real.png", 0);
    let target = elsewhere.path().join("real.png");
    let (code, err) = check_with_signature("signatures/link.png", |ws| {
        fs::create_dir_all(ws.join("signatures")).unwrap();
        std::os::unix::fs::symlink(&target, ws.join("signatures/link.png")).unwrap();
    });
    assert_eq!(code, 1);
    let help = "keep signature images in the workspace folder, e.g. `signatures/`";
    let message = "leads outside the workspace through a symbolic link";
    assert_eq!(err, refusal("signatures/link.png", message, help));
}

#[test]
fn undecodable_image_is_refused_at_the_roster_line() {
    let (code, err) = check_with_signature("signatures/cut.png", |ws| {
        let mut bytes = png_bytes(60, 20, 0);
        bytes.truncate(bytes.len() / 2);
        fs::create_dir_all(ws.join("signatures")).unwrap();
        fs::write(ws.join("signatures/cut.png"), bytes).unwrap();
    });
    assert_eq!(code, 1);
    let help = "the file is damaged: export it again as PNG or JPEG";
    let message = "does not decode: unexpected end of file";
    assert_eq!(err, refusal("signatures/cut.png", message, help));
}

#[test]
fn image_over_the_size_limit_is_refused() {
    let (code, err) = check_with_signature("signatures/wide.png", |ws| {
        fs::create_dir_all(ws.join("signatures")).unwrap();
        fs::write(ws.join("signatures/wide.png"), png_bytes(4001, 2, 0)).unwrap();
    });
    assert_eq!(code, 1);
    let help = "scale it down: a signature prints sharp at about 450 × 150 pixels";
    let message = "is 4001 × 2 pixels, over the limit of 4000 a side";
    assert_eq!(err, refusal("signatures/wide.png", message, help));
}

#[test]
fn other_files_are_not_images() {
    let (code, err) = check_with_signature("signatures/pallone.gif", |ws| {
        fs::create_dir_all(ws.join("signatures")).unwrap();
        fs::write(ws.join("signatures/pallone.gif"), b"GIF89a").unwrap();
    });
    assert_eq!(code, 1);
    let help = "save the signature as PNG (transparency kept) or JPEG";
    assert_eq!(
        err,
        refusal("signatures/pallone.gif", "is not a PNG or JPEG image", help)
    );
}

#[test]
fn check_warns_about_a_signer_without_an_image() {
    let ws = workspace_with("images", &LEADS[..1]);
    let current = fingerprint(ws.path());
    sign(
        ws.path(),
        "beyer",
        "signed",
        "2025-01-29T11:00:00-05:00",
        Some(&current),
    );
    let out = signon(ws.path(), &["check", RUBIO]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "signers.toml:61:10: warning: `beyer` signed `2025-02-06-rubio`, which prints signature images, but has no `signature`
   |
61 | [signers.beyer]
   |          ^^^^^
   |
   = help: add `signature = \"signatures/beyer.png\"` to this entry; until then the space above the name stays blank

"
    );
}

#[test]
fn stale_signer_gets_no_image_even_in_a_draft() {
    let ws = workspace_with("images", &LEADS[..1]);
    write_image(ws.path(), "signatures/chu.png", 7);
    set_signature(ws.path(), "chu", "signatures/chu.png");
    sign(
        ws.path(),
        "chu",
        "signed",
        "2025-01-28T09:00:00-05:00",
        Some(OLD),
    );
    let out = render(ws.path(), &["--pdf", "draft.pdf", "--html", "draft.html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let (images, _, drawn) = images_in(&ws.path().join("draft.pdf"));
    assert_eq!((images, drawn), (1, 1), "pallone's image only");
    let html = fs::read_to_string(ws.path().join("draft.html")).unwrap();
    assert_eq!(html.matches("<img ").count(), 1);
    assert!(html.contains("alt=\"Signature of Frank Pallone, Jr.\""));
}

#[test]
fn final_html_embeds_images_as_data_urls() {
    let ws = workspace_with("images", &LEADS);
    let out = render(ws.path(), &["--final", "--html", "final.html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let html = fs::read_to_string(ws.path().join("final.html")).unwrap();
    golden("signatures-images/expected/final.html", &html, None);
}

#[test]
fn conformed_signatures_are_typeset() {
    let ws = workspace_with("conformed", &LEADS);
    let out = render(
        ws.path(),
        &["--final", "--html", "final.html", "--pdf", "final.pdf"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let html = fs::read_to_string(ws.path().join("final.html")).unwrap();
    golden("signatures-conformed/expected/final.html", &html, None);
    let doc = lopdf::Document::load(ws.path().join("final.pdf")).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    assert!(text.contains("/s/ Frank Pallone, Jr."), "{text}");
    assert!(pdf_images(&ws.path().join("final.pdf")).is_empty());
}

/// The leads signed, Beyer too, and Chu on an earlier text.
fn with_stale_cosigner() -> TempDir {
    let mut signers = LEADS.to_vec();
    signers.push(("beyer", "signatures/beyer.png"));
    let ws = workspace_with("images", &signers);
    sign(
        ws.path(),
        "chu",
        "signed",
        "2025-01-28T09:00:00-05:00",
        Some(OLD),
    );
    ws
}

#[test]
fn final_without_omit_stale_still_refuses_a_stale_cosigner() {
    let ws = with_stale_cosigner();
    let out = render(ws.path(), &["--final", "--html", "final.html"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("Judy Chu (`chu`) signed an earlier text"));
    assert!(!ws.path().join("final.html").exists());
}

#[test]
fn omit_stale_leaves_stale_cosigners_off_and_names_them() {
    let ws = with_stale_cosigner();
    let out = render(
        ws.path(),
        &["--final", "--omit-stale", "--html", "final.html"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "warning: left off the final copy, as they signed an earlier text: Judy Chu (`chu`)\n"
    );
    let html = fs::read_to_string(ws.path().join("final.html")).unwrap();
    assert!(!html.contains("Judy Chu"));
    assert!(html.contains("Donald S. Beyer, Jr."));
    assert!(!html.contains("DRAFT"));
}

#[test]
fn omit_stale_still_refuses_a_stale_lead() {
    let ws = with_stale_cosigner();
    sign(
        ws.path(),
        "sherman",
        "signed",
        "2025-01-29T12:00:00-05:00",
        Some(OLD),
    );
    let out = render(
        ws.path(),
        &["--final", "--omit-stale", "--html", "final.html"],
    );
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains("Brad Sherman (`sherman`) signed an earlier text"),
        "{err}"
    );
    assert!(!ws.path().join("final.html").exists());
}

#[test]
fn omit_stale_needs_final() {
    let ws = with_stale_cosigner();
    let out = render(ws.path(), &["--omit-stale"]);
    assert_eq!(code(&out), 2);
}

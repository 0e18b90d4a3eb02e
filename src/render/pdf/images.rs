//! Painting signature images: each distinct image becomes one image XObject,
//! drawn wherever the layout placed it (`Do`). A JPEG goes in as the file's
//! bytes (`DCTDecode`, never re-encoded); a PNG's samples, deflated when
//! it was read (`FlateDecode`), its alpha as a soft mask (`SMask`). Resource
//! names follow the order of first use, so the bytes stay reproducible.

use std::collections::BTreeMap;

use printpdf::xobject::{DictItem, ExternalStream, ExternalXObject, XObject, XObjectTransform};
use printpdf::{Op, PdfDocument, Pt, XObjectId};

use super::page::{ImageBox, Layout};
use crate::model::{Pixels, SignatureImage};

/// Registers every image the layout shows, once each; returns its
/// resource name by path.
pub(super) fn embed(doc: &mut PdfDocument, layout: &Layout) -> BTreeMap<String, XObjectId> {
    let mut ids = BTreeMap::new();
    for b in layout.pages.iter().flat_map(|p| &p.images) {
        if ids.contains_key(&b.image.path) {
            continue;
        }
        let id = add_xobject(doc, format!("Im{}", ids.len()), stream(&b.image));
        ids.insert(b.image.path.clone(), id);
    }
    ids
}

/// Registers `stream` as the XObject named `name` (a fixed name keeps the
/// bytes stable; printpdf's own are random).
pub(super) fn add_xobject(
    doc: &mut PdfDocument,
    name: String,
    stream: ExternalStream,
) -> XObjectId {
    let id = XObjectId(name);
    let xobject = ExternalXObject {
        stream,
        width: None,
        height: None,
        dpi: None,
    };
    doc.resources
        .xobjects
        .map
        .insert(id.clone(), XObject::External(xobject));
    id
}

/// The drawing of an image: scaled from the unit square to its box
/// (printpdf wraps it in `q … cm … Do Q`).
pub(super) fn op(b: &ImageBox, ids: &BTreeMap<String, XObjectId>) -> Option<Op> {
    Some(Op::UseXobject {
        id: ids.get(&b.image.path)?.clone(),
        transform: XObjectTransform {
            translate_x: Some(Pt(b.x)),
            translate_y: Some(Pt(b.y)),
            scale_x: Some(b.width),
            scale_y: Some(b.height),
            no_auto_scale: true,
            ..XObjectTransform::default()
        },
    })
}

/// The image XObject's stream.
fn stream(img: &SignatureImage) -> ExternalStream {
    match &img.pixels {
        Pixels::Jpeg { components } => ExternalStream {
            dict: image_dict(img, *components, "DCTDecode"),
            content: img.file.clone(),
            compress: false,
        },
        Pixels::Png {
            channels,
            color,
            alpha,
        } => {
            let mut dict = image_dict(img, *channels, "FlateDecode");
            if let Some(alpha) = alpha {
                let mask = ExternalStream {
                    dict: image_dict(img, 1, "FlateDecode"),
                    content: alpha.clone(),
                    compress: false,
                };
                dict.insert("SMask".into(), DictItem::Stream { stream: mask });
            }
            ExternalStream {
                dict,
                content: color.clone(),
                compress: false,
            }
        }
    }
}

/// An image dictionary of 8-bit samples with `components` colour
/// components (1: grey, 3: RGB).
fn image_dict(img: &SignatureImage, components: u8, filter: &str) -> BTreeMap<String, DictItem> {
    let name = |s: &str| DictItem::Name(s.as_bytes().to_vec());
    let space = if components == 1 {
        "DeviceGray"
    } else {
        "DeviceRGB"
    };
    BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), DictItem::Int(i64::from(img.width))),
        ("Height".to_string(), DictItem::Int(i64::from(img.height))),
        ("ColorSpace".to_string(), name(space)),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("Filter".to_string(), name(filter)),
    ])
}

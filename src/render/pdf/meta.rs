//! The document information and trailer id pinned into every PDF, and the
//! catalog entries that describe it: language, title display and the XMP
//! metadata that repeats the information for archives.
//!
//! printpdf stamps the clock time and a random `/ID` by default; here the
//! dates come from the letter and the id from its id, so the same input
//! gives the same bytes. The page boxes are set here too, to the paper's
//! published size. Apart from the painting because none of it depends
//! on the layout: it is all derived from the [`Composed`] letter.

use chrono::{Datelike, NaiveDate};
use printpdf::PdfDocument;

use crate::compose::Composed;

/// The document information pinned into the PDF.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Meta {
    pub(crate) title: String,
    pub(crate) author: String,
    pub(crate) subject: String,
    pub(crate) creator: String,
    /// Creation and modification date (midnight UTC).
    pub(crate) date: NaiveDate,
    /// Seeds the document id.
    pub(crate) id: String,
}

impl Meta {
    /// Metadata of letter `c`, written by signon `version`.
    pub(crate) fn of(c: &Composed, version: &str) -> Meta {
        Meta {
            title: c.title.clone(),
            author: c.authors.clone(),
            subject: c.summary.clone(),
            creator: format!("signon {version}"),
            date: c.date,
            id: c.id.clone(),
        }
    }
}

/// Writes `meta` into the document information, with every date pinned.
pub(super) fn set_info(doc: &mut PdfDocument, meta: &Meta) {
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.creator = meta.creator.clone();
    info.producer = meta.creator.clone();
    let when = midnight_utc(meta.date);
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
    info.identifier = document_id(&meta.id);
}

/// The document's language, on the catalog and in the XMP metadata.
pub(super) const LANG: &str = "en-US";

/// Sets the catalog's `/Lang`, `/ViewerPreferences` and `/Metadata` (XMP,
/// left uncompressed so that archives can read it without a PDF parser);
/// `ua` adds the PDF/UA-1 identification.
pub(super) fn describe(doc: &mut lopdf::Document, meta: &Meta, ua: bool) {
    use lopdf::{Dictionary, Object, Stream};
    let xmp = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        super::xmp::packet(meta, ua).into_bytes(),
    );
    let xmp = doc.add_object(xmp);
    doc.version = "1.7".to_string();
    // printpdf writes an empty `/GTS_PDFXVersion`, which some readers take
    // for a PDF/X claim; the letter makes none.
    let info = doc.trailer.get(b"Info").and_then(Object::as_reference);
    if let Ok(Object::Dictionary(info)) = info.and_then(|id| doc.get_object_mut(id)) {
        info.remove(b"GTS_PDFXVersion");
    }
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Lang", super::structure::string(LANG));
        let prefs = Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]);
        catalog.set("ViewerPreferences", prefs);
        catalog.set("Metadata", xmp);
    }
}

fn midnight_utc(d: NaiveDate) -> printpdf::OffsetDateTime {
    let date = printpdf::Date {
        year: d.year(),
        month: d.month() as u8,
        day: d.day() as u8,
    };
    let time = printpdf::Time {
        hour: 0,
        minute: 0,
        second: 0,
        millisecond: 0,
    };
    let offset = printpdf::Offset {
        hours: 0,
        minutes: 0,
        seconds: 0,
        milliseconds: 0,
    };
    printpdf::OffsetDateTime::new_in_offset(date, time, offset)
}

/// 32 hex digits from two FNV-1a hashes of the letter id.
fn document_id(id: &str) -> String {
    let fnv = |seed: u64| {
        id.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    format!(
        "{:016X}{:016X}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x8422_2325_cbf2_9ce4)
    )
}

/// Sets the trailer `/ID` (two strings, the same at creation) to the id
/// derived from the letter: printpdf writes a random one.
pub(super) fn pin_trailer_id(doc: &mut lopdf::Document, id: &str) {
    use lopdf::{Object, StringFormat};
    let fixed = || Object::String(document_id(id).into_bytes(), StringFormat::Literal);
    doc.trailer.set("ID", Object::Array(vec![fixed(), fixed()]));
}

/// Sets every page's boxes to the paper's size in points as published, to
/// the hundredth: 612 × 792 (Letter), 595.28 × 841.89 (A4). printpdf takes
/// sizes in millimetres and back, which leaves a Letter page 792.001 high.
pub(super) fn set_page_boxes(doc: &mut lopdf::Document, width: f32, height: f32) {
    use lopdf::Object;
    let hundredth = |x: f32| Object::Real((x * 100.0).round() / 100.0);
    let rect = || {
        let zero = Object::Integer(0);
        Object::Array(vec![
            zero.clone(),
            zero,
            hundredth(width),
            hundredth(height),
        ])
    };
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    for id in pages {
        if let Ok(page) = doc.get_dictionary_mut(id) {
            for name in ["MediaBox", "CropBox", "TrimBox"] {
                page.set(name, rect());
            }
        }
    }
}

//! The XMP metadata packet: the document information again, in the form
//! archives (PDF/A, PDF/UA) read, with the same title, author, subject,
//! tool and dates as the `/Info` dictionary.

use std::fmt::Write;

use super::meta::{LANG, Meta};

/// The XMP packet for `meta`; `ua` adds the PDF/UA-1 identification.
pub(super) fn packet(meta: &Meta, ua: bool) -> String {
    let date = format!("{}T00:00:00Z", meta.date.format("%Y-%m-%d"));
    let mut x = String::with_capacity(1500);
    x.push_str("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    x.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    x.push_str("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    x.push_str(concat!(
        "<rdf:Description rdf:about=\"\"",
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
        " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"",
        " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"",
        " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n",
    ));
    x.push_str("<dc:format>application/pdf</dc:format>\n");
    let alt = |x: &mut String, tag: &str, text: &str| {
        let _ = writeln!(
            x,
            "<{tag}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{tag}>",
            escape(text)
        );
    };
    alt(&mut x, "dc:title", &meta.title);
    // One entry holding the whole Author string, as PDF/A asks of dc:creator.
    let _ = writeln!(
        x,
        "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
        escape(&meta.author)
    );
    alt(&mut x, "dc:description", &meta.subject);
    let _ = writeln!(
        x,
        "<dc:language><rdf:Bag><rdf:li>{LANG}</rdf:li></rdf:Bag></dc:language>"
    );
    let tool = escape(&meta.creator);
    let _ = writeln!(x, "<xmp:CreatorTool>{tool}</xmp:CreatorTool>");
    for key in ["CreateDate", "ModifyDate", "MetadataDate"] {
        let _ = writeln!(x, "<xmp:{key}>{date}</xmp:{key}>");
    }
    let _ = writeln!(x, "<pdf:Producer>{tool}</pdf:Producer>");
    if ua {
        x.push_str("<pdfuaid:part>1</pdfuaid:part>\n");
    }
    x.push_str("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    x
}

/// `s` with the XML special characters escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 has no place for other control characters.
            c if c.is_control() && !matches!(c, '\t' | '\n') => {}
            c => out.push(c),
        }
    }
    out
}

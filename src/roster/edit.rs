//! Field-level edits of one `[signers.<id>]` table with toml_edit, keeping
//! what a person wrote around the values: key order, spacing and the
//! comment at the end of a line.

use std::fmt;

use toml_edit::{Item, TableLike, Value};

/// A roster value the import writes: text or a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Field {
    /// A string, e.g. a name.
    Text(String),
    /// An integer, e.g. a district.
    Number(i64),
}

impl Field {
    fn to_value(&self) -> Value {
        match self {
            Field::Text(s) => Value::from(s.as_str()),
            Field::Number(n) => Value::from(*n),
        }
    }

    /// The value as the file holds it, if it is a string or an integer.
    pub(crate) fn read(item: &Item) -> Option<Field> {
        let v = item.as_value()?;
        v.as_str()
            .map(|s| Field::Text(s.to_string()))
            .or_else(|| v.as_integer().map(Field::Number))
    }
}

impl fmt::Display for Field {
    /// As TOML would print it: `"Brad Sherman"`, `32`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Text(s) => write!(f, "{}", Value::from(s.as_str())),
            Field::Number(n) => write!(f, "{n}"),
        }
    }
}

/// One field a re-import changed: old and new, `None` for absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The key, e.g. `office`.
    pub key: &'static str,
    /// The value before, as TOML text.
    pub old: Option<String>,
    /// The value after, as TOML text.
    pub new: Option<String>,
}

/// Sets `key` to `new` unless it already holds it; a replaced value keeps
/// the old one's decor (toml_edit would otherwise drop the line's trailing
/// comment, see DEPS.md). Returns the change made, if any.
pub(crate) fn set(
    table: &mut dyn TableLike,
    key: &'static str,
    new: &Field,
) -> Option<FieldChange> {
    let old_item = table.get(key);
    let old = old_item.and_then(Field::read);
    if old.as_ref() == Some(new) {
        return None;
    }
    let old_text = old_item.map(shown);
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(v) => {
            let decor = v.decor().clone();
            *v = new.to_value();
            *v.decor_mut() = decor;
        }
        None => {
            table.insert(key, Item::Value(new.to_value()));
        }
    }
    Some(FieldChange {
        key,
        old: old_text,
        new: Some(new.to_string()),
    })
}

/// Removes `key` (a Senator has no district), returning the change if it
/// was there. Comments on the removed line, or just above it, move to the
/// next key, so a person's note is never lost.
pub(crate) fn remove(table: &mut dyn TableLike, key: &'static str) -> Option<FieldChange> {
    let next = table
        .iter()
        .map(|(k, _)| k.to_string())
        .skip_while(|k| k != key)
        .nth(1);
    let above = table.key(key).map(|k| decor_text(k.leaf_decor().prefix()));
    let old = table.remove(key)?;
    let trailing = old.as_value().map(|v| decor_text(v.decor().suffix()));
    let mut kept = above.unwrap_or_default();
    if let Some(c) = trailing
        .as_deref()
        .map(str::trim)
        .filter(|c| c.starts_with('#'))
    {
        kept.push_str(c);
        kept.push('\n');
    }
    if let Some(mut k) = next.as_deref().and_then(|n| table.key_mut(n))
        && kept.contains('#')
    {
        let below = decor_text(k.leaf_decor().prefix());
        k.leaf_decor_mut().set_prefix(kept + &below);
    }
    Some(FieldChange {
        key,
        old: Some(shown(&old)),
        new: None,
    })
}

fn decor_text(raw: Option<&toml_edit::RawString>) -> String {
    raw.and_then(|r| r.as_str()).unwrap_or_default().to_string()
}

/// A value as written in the file, without its surrounding spaces and comment.
fn shown(item: &Item) -> String {
    match Field::read(item) {
        Some(f) => f.to_string(),
        None => item.to_string().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::DocumentMut;

    #[test]
    fn a_replaced_value_keeps_its_comment() {
        let mut doc: DocumentMut = "name = \"Old\"   # keep me\n".parse().unwrap();
        let change = set(doc.as_table_mut(), "name", &Field::Text("New".into())).unwrap();
        assert_eq!(doc.to_string(), "name = \"New\"   # keep me\n");
        assert_eq!(change.old.as_deref(), Some("\"Old\""));
        assert_eq!(
            set(doc.as_table_mut(), "name", &Field::Text("New".into())),
            None
        );
    }

    #[test]
    fn a_removed_line_leaves_its_comment_to_the_next() {
        let mut doc: DocumentMut = "a = 1\ndistrict = 30   # old seat\nb = 2\n"
            .parse()
            .unwrap();
        remove(doc.as_table_mut(), "district").unwrap();
        assert_eq!(doc.to_string(), "a = 1\n# old seat\nb = 2\n");
    }
}

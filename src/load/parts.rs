//! Every problem of a file, not just the first: a file is parsed once into
//! toml's spanned document tree (all syntax errors at once, from toml's
//! recoverable parser), then each top-level part — and each element of an
//! array of tables, each signer of the roster — is deserialized on its own.
//! A misspelt key in `[letter]`, a wrong type in the third `[[section]]` and
//! an unknown signer in `[signatories]` are all reported in one run, and one
//! bad ledger event does not hide the roster.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::raw::{LetterFile, SignersFile};
use crate::diag::{Diagnostic, Source};

/// Builds a letter file from its parts, with every problem found.
pub(super) fn letter_file(src: &Arc<Source>) -> (LetterFile, Vec<Diagnostic>) {
    let mut file = LetterFile::default();
    let mut p = Parts::new(
        src,
        &["letter", "recipient", "section", "closing", "signatories"],
    );
    let Some(doc) = p.document() else {
        return (file, p.diags);
    };
    for (key, value) in doc {
        match key.get_ref().as_ref() {
            "letter" => file.letter = p.one(value),
            "recipient" => file.recipient = p.each(value),
            "section" => file.section = p.each(value),
            "closing" => file.closing = p.one(value),
            "signatories" => file.signatories = p.one(value),
            _ => p.unknown(&key),
        }
    }
    for (name, example) in [
        ("letter", "[letter]` with `title`, `date` and `salutation"),
        ("recipient", "[[recipient]]` with `name` and `address"),
        ("section", "[[section]]` with a `body"),
        ("signatories", "[signatories]` with `leads"),
    ] {
        if !p.seen(name) {
            p.diags.push(
                Diagnostic::error(src, 0..0, format!("missing `{name}`"))
                    .with_hint(format!("add `{example}`")),
            );
        }
    }
    (file, p.diags)
}

/// Builds the roster-and-ledger file from its parts, with every problem found.
pub(super) fn signers_file(src: &Arc<Source>) -> (SignersFile, Vec<Diagnostic>) {
    let mut file = SignersFile::default();
    let mut p = Parts::new(src, &["signers", "signoff"]);
    let Some(doc) = p.document() else {
        return (file, p.diags);
    };
    file.parsed = true;
    for (key, value) in doc {
        match key.get_ref().as_ref() {
            "signers" => (file.signers, file.broken) = p.values(value),
            "signoff" => file.signoff = p.each(value),
            _ => p.unknown(&key),
        }
    }
    (file, p.diags)
}

struct Parts<'a> {
    src: &'a Arc<Source>,
    names: &'static [&'static str],
    seen: Vec<String>,
    diags: Vec<Diagnostic>,
}

impl<'a> Parts<'a> {
    fn new(src: &'a Arc<Source>, names: &'static [&'static str]) -> Self {
        Parts {
            src,
            names,
            seen: Vec::new(),
            diags: Vec::new(),
        }
    }

    /// The document tree, or `None` after reporting every syntax error.
    fn document(&mut self) -> Option<DeTable<'a>> {
        let conflicts = super::problems::conflict_markers(self.src);
        if !conflicts.is_empty() {
            self.diags.extend(conflicts);
            return None;
        }
        let (doc, syntax) = DeTable::parse_recoverable(&self.src.text);
        if !syntax.is_empty() {
            self.diags.extend(
                syntax
                    .iter()
                    .map(|e| super::problems::diagnostic(self.src, e)),
            );
            return None;
        }
        let doc = doc.into_inner();
        self.seen = doc.keys().map(|k| k.get_ref().to_string()).collect();
        Some(doc)
    }

    fn seen(&self, name: &str) -> bool {
        self.seen.iter().any(|s| s == name)
    }

    fn unknown(&mut self, key: &Spanned<toml::de::DeString<'_>>) {
        let wrong = key.get_ref().as_ref();
        let expected: Vec<String> = self.names.iter().map(|n| format!("`{n}`")).collect();
        self.diags.push(
            Diagnostic::error(self.src, key.span(), format!("unknown table `{wrong}`"))
                .with_label(format!("expected one of {}", expected.join(", ")))
                .with_suggestion(wrong, self.names.iter().copied()),
        );
    }

    fn one<T: DeserializeOwned>(&mut self, value: Spanned<DeValue<'_>>) -> Option<T> {
        T::deserialize(ValueDeserializer::from(value))
            .map_err(|e| self.diags.push(super::problems::diagnostic(self.src, &e)))
            .ok()
    }

    fn each<T: DeserializeOwned>(&mut self, value: Spanned<DeValue<'_>>) -> Vec<T> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) if items.is_empty() => {
                self.diags.push(Diagnostic::error(
                    self.src,
                    span,
                    "empty list: give at least one",
                ));
                Vec::new()
            }
            DeValue::Array(items) => items
                .into_iter()
                .filter_map(|item| self.one(item))
                .collect(),
            _ => {
                self.diags.push(Diagnostic::error(
                    self.src,
                    span,
                    "expected an array of tables `[[...]]`",
                ));
                Vec::new()
            }
        }
    }

    /// The values of a table that deserialize, and the keys of those that don't.
    fn values<T: DeserializeOwned>(
        &mut self,
        value: Spanned<DeValue<'_>>,
    ) -> (BTreeMap<Spanned<String>, T>, Vec<String>) {
        let span = value.span();
        let DeValue::Table(table) = value.into_inner() else {
            self.diags.push(Diagnostic::error(
                self.src,
                span,
                "expected a table of tables",
            ));
            return (BTreeMap::new(), Vec::new());
        };
        let (mut good, mut broken) = (BTreeMap::new(), Vec::new());
        for (k, v) in table {
            let key = Spanned::new(k.span(), k.get_ref().to_string());
            match self.one(v) {
                Some(v) => drop(good.insert(key, v)),
                None => broken.push(key.into_inner()),
            }
        }
        (good, broken)
    }
}

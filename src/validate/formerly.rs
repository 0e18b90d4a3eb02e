//! A letter's earlier ids (`[letter] formerly`, written by `signon mv`):
//! which letter each one became, so that the ledger's events under an old
//! id count for the letter it is now, and the checks that keep one history
//! counted for one letter only.

use std::path::PathBuf;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, Source};
use crate::load::raw;

/// Every letter file's id, and which letters name each earlier id.
#[derive(Debug, Default)]
pub(super) struct History {
    /// The ids of the letter files of the workspace.
    ids: FxHashSet<String>,
    /// Each earlier id, and the letters whose `formerly` names it (sorted).
    claims: FxHashMap<String, Vec<String>>,
}

impl History {
    /// A history with the workspace's letter ids and no claims yet.
    pub(super) fn new(letter_ids: &[String]) -> History {
        History {
            ids: letter_ids.iter().cloned().collect(),
            claims: FxHashMap::default(),
        }
    }

    /// Records that `letter` names `formerly` as its earlier ids.
    pub(super) fn add<'s>(&mut self, letter: &str, formerly: impl IntoIterator<Item = &'s str>) {
        for old in formerly {
            let claimants = self.claims.entry(old.to_string()).or_default();
            if let Err(at) = claimants.binary_search_by(|c| c.as_str().cmp(letter)) {
                claimants.insert(at, letter.to_string());
            }
        }
    }

    /// The letter whose events include those under `id`: `None` when `id`
    /// is a letter of its own or no letter names it. When two letters name
    /// it (an error of its own) the first by id, so the events are not also
    /// reported as unknown.
    pub(super) fn owner(&self, id: &str) -> Option<&str> {
        if self.ids.contains(id) {
            return None;
        }
        self.claims.get(id)?.first().map(String::as_str)
    }

    /// Whether an id of the ledger is no letter's, so that the `formerly`
    /// of letters not being checked must be read to place its events.
    pub(super) fn is_unknown(&self, id: &str) -> bool {
        !self.ids.contains(id) && !self.claims.contains_key(id)
    }

    /// The letters whose `formerly` names `id`, sorted.
    pub(super) fn claimants(&self, id: &str) -> &[String] {
        self.claims.get(id).map_or(&[], Vec::as_slice)
    }

    /// Adds the `formerly` of letter files not loaded for this command. The
    /// text is searched before it is parsed: most letters have no
    /// `formerly`. A file that does not read or parse is skipped; it is
    /// reported when it is checked itself.
    pub(super) fn read_unloaded(&mut self, paths: &[PathBuf]) {
        #[derive(Deserialize)]
        struct File {
            letter: Option<Meta>,
        }
        #[derive(Deserialize)]
        struct Meta {
            #[serde(default)]
            formerly: Vec<String>,
        }
        for path in paths {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            if !text.contains("formerly") {
                continue;
            }
            if let Ok(File { letter: Some(meta) }) = toml::from_str::<File>(&text) {
                let id = crate::load::letter_id(path);
                self.add(&id, meta.formerly.iter().map(String::as_str));
            }
        }
    }
}

/// The letter's earlier ids, each checked on its own: a valid letter id,
/// and not the letter's own.
pub(super) fn check_own(
    id: &str,
    src: &Arc<Source>,
    meta: &raw::LetterMeta,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    for old in &meta.formerly {
        let name = old.get_ref();
        let problem = if !crate::model::valid_id(name) {
            Diagnostic::error(src, old.span(), format!("invalid letter id `{name}`"))
                .with_label("use letters, digits, `-`, `_` and `.`")
        } else if name == id {
            Diagnostic::error(src, old.span(), format!("`{name}` is this letter's own id"))
                .with_label("`formerly` lists the letter's earlier ids")
                .with_hint(format!("remove `{name}` from `formerly`"))
        } else {
            continue;
        };
        diags.push(problem);
    }
    meta.formerly.iter().map(|f| f.get_ref().clone()).collect()
}

/// The checks of `id`'s `formerly` against the other letters: an earlier id
/// must not be an existing letter's, nor another letter's earlier id, or one
/// history would count twice. Returns whether any was found.
pub(super) fn check_others(
    id: &str,
    src: &Arc<Source>,
    file: &raw::LetterFile,
    history: &History,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let Some(meta) = &file.letter else {
        return false;
    };
    let before = diags.len();
    for old in &meta.get_ref().formerly {
        let name = old.get_ref();
        if name == id || !crate::model::valid_id(name) {
            continue; // reported with the letter itself
        }
        if history.ids.contains(name) {
            diags.push(existing_letter(src, old));
        } else if let Some(other) = history
            .claims
            .get(name.as_str())
            .and_then(|c| c.iter().find(|c| *c != id))
        {
            diags.push(
                Diagnostic::error(
                    src,
                    old.span(),
                    format!("`{name}` is also in the `formerly` of `{other}`"),
                )
                .with_label("claimed by two letters")
                .with_hint(format!(
                    "the events under `{name}` count for one letter only: keep it in one `formerly`"
                )),
            );
        }
    }
    diags.len() > before
}

fn existing_letter(src: &Arc<Source>, old: &Spanned<String>) -> Diagnostic {
    let name = old.get_ref();
    Diagnostic::error(
        src,
        old.span(),
        format!("`{name}` is the id of another letter"),
    )
    .with_label(format!("`letters/{name}.toml` exists"))
    .with_hint(format!(
        "its events count for that letter; two letters claiming the same history would double count it: remove `{name}` from `formerly`"
    ))
}

/// The events naming a letter that does not exist, by id: where the first
/// one's diagnostic goes in the list (which orders them, as first seen),
/// its span, and how many events there are.
#[derive(Default)]
pub(super) struct Unknown {
    ids: FxHashMap<String, (usize, std::ops::Range<usize>, usize)>,
}

impl Unknown {
    /// Counts an event naming `id`; `at` is where a first one's error goes.
    pub(super) fn add(&mut self, id: &Spanned<String>, at: usize) {
        let entry = self.ids.entry(id.get_ref().clone());
        entry.or_insert((at, id.span(), 0)).2 += 1;
    }

    /// One error per unknown id, at its first event, with the place it goes
    /// in the list: a renamed letter file would otherwise give one per event
    /// of its ledger.
    pub(super) fn diagnostics(
        self,
        src: &Arc<Source>,
        letters: &[&str],
    ) -> Vec<(usize, Diagnostic)> {
        let mut ids: Vec<_> = self.ids.into_iter().collect();
        ids.sort_unstable_by_key(|(_, (at, span, _))| (*at, span.start));
        ids.into_iter()
            .map(|(id, (at, span, n))| (at, unknown_letter(src, letters, &id, span, n)))
            .collect()
    }
}

/// "N events name letter `x`, which does not exist", at the first of them.
fn unknown_letter(
    src: &Arc<Source>,
    letters: &[&str],
    id: &str,
    span: std::ops::Range<usize>,
    n: usize,
) -> Diagnostic {
    let (what, label) = if n == 1 {
        ("1 event names".to_string(), "no such file in letters/")
    } else {
        (
            format!("{n} events name"),
            "the first of them; no such file in letters/",
        )
    };
    let message = format!("{what} letter `{id}`, which does not exist");
    Diagnostic::error(src, span, message)
        .with_label(label)
        .with_suggestion(id, letters.iter().copied())
        .with_hint(format!(
            "if it was renamed, add `formerly = [\"{id}\"]` to its [letter] table (signon mv does this)"
        ))
}

/// "unknown signer `x` in N events", once, at the first, with the likely
/// cause: a close roster id that no event names, while several name this
/// one, was renamed (the events are never rewritten); otherwise this event
/// was mistyped.
pub(super) fn unknown_signer_once(
    src: &Arc<Source>,
    (id, span, n): (&str, std::ops::Range<usize>, usize),
    known: &[&str],
    named: &FxHashSet<&str>,
) -> Diagnostic {
    let (count, label) = match n {
        1 => (String::new(), "not in signers.toml"),
        _ => (
            format!(" in {n} events"),
            "the first of them; not in signers.toml",
        ),
    };
    let d = Diagnostic::error(src, span, format!("unknown signer `{id}`{count}"));
    let hint = match crate::diag::suggest(id, known.iter().copied()) {
        Some(near) if n == 1 || named.contains(near) => format!("did you mean `{near}`?"),
        Some(near) => format!(
            "the roster has `{near}`: if `[signers.{near}]` was meant to be `{id}` (a typo, or a rename), name it `{id}` again; events are never rewritten"
        ),
        None => format!(
            "the ledger keeps every event: restore `[signers.{id}]` in the roster (a removed Member stays as long as events name them)"
        ),
    };
    d.with_label(label).with_hint(hint)
}

//! The `[signatories]` of a letter: leads (bare ids or `{ id, role }`
//! tables), the invited, and the order of the others — every id checked
//! against the roster, with "did you mean" for a near miss.

use rustc_hash::FxHashSet;
use toml::Spanned;

use super::ledger::unknown_signer;
use super::letter::Cx;
use super::text;
use crate::diag::Diagnostic;
use crate::load::raw;
use crate::model::{Lead, Order, Roster, SignatureMode, SignerId};

/// The ids letters may name, hashed once for all the letters checked: a
/// season's letters list thousands of ids, and a binary search with SipHash
/// was half of checking them. FxHash: the ids are our own.
pub(super) struct Known<'r> {
    roster: &'r Roster,
    ids: FxHashSet<&'r str>,
}

impl<'r> Known<'r> {
    pub(super) fn new(roster: &'r Roster) -> Self {
        let ids = roster.by_id.keys().map(|id| id.0.as_str()).collect();
        Known { roster, ids }
    }
}

impl Cx<'_> {
    pub(super) fn signatories(
        &mut self,
        raw: &Spanned<raw::Signatories>,
        known: Option<&Known<'_>>,
    ) -> (Vec<Lead>, Vec<SignerId>, Order, SignatureMode) {
        let s = raw.get_ref();
        let lead_ids: Vec<Spanned<String>> =
            s.leads.get_ref().iter().map(raw::Lead::id_at).collect();
        let mut seen = FxHashSet::default();
        seen.reserve(lead_ids.len() + s.invited.len());
        let roster = known.map(|k| k.roster);
        let ids = known.map(|k| &k.ids);
        let leads = self.leads(s, &lead_ids, roster, ids, &mut seen);
        let invited = self.invited(&s.invited, ids, &mut seen);
        let mode = self.signature_mode(s.signatures.as_ref());
        (leads, invited, self.order(s.order.as_ref()), mode)
    }

    /// The leads, each with its role (given here, or the roster's).
    fn leads<'s>(
        &mut self,
        s: &raw::Signatories,
        ids: &'s [Spanned<String>],
        roster: Option<&Roster>,
        known: Option<&FxHashSet<&str>>,
        seen: &mut FxHashSet<&'s str>,
    ) -> Vec<Lead> {
        if s.leads.get_ref().is_empty() {
            self.diags.push(
                Diagnostic::error(self.src, s.leads.span(), "`leads` is empty")
                    .with_label("name at least one signer"),
            );
        }
        let mut leads = Vec::new();
        for (lead, spanned_id) in s.leads.get_ref().iter().zip(ids) {
            self.check_id(spanned_id, known, seen, "leads");
            let id = SignerId(spanned_id.get_ref().clone());
            let role = lead
                .get_ref()
                .role
                .as_ref()
                .map(|r| text::collapse(r.get_ref()));
            let role = role.or_else(|| roster?.get(&id)?.role.clone());
            leads.push(Lead { id, role });
        }
        leads
    }

    /// The invited; `seen` holds the leads, and a lead invited too is
    /// dropped with a warning.
    fn invited<'s>(
        &mut self,
        ids: &'s [Spanned<String>],
        known: Option<&FxHashSet<&str>>,
        seen: &mut FxHashSet<&'s str>,
    ) -> Vec<SignerId> {
        let leads = seen.clone();
        let mut invited = Vec::new();
        for id in ids {
            if leads.contains(id.get_ref().as_str()) {
                self.diags.push(
                    Diagnostic::warning(
                        self.src,
                        id.span(),
                        format!("`{}` is both a lead and invited", id.get_ref()),
                    )
                    .with_hint("leads sign anyway: remove it from `invited`"),
                );
                continue;
            }
            self.check_id(id, known, seen, "invited");
            invited.push(SignerId(id.get_ref().clone()));
        }
        invited
    }

    /// Reports an id missing from the roster (unless the roster itself failed
    /// to load, which is reported once, not once per id) or listed twice.
    fn check_id<'s>(
        &mut self,
        id: &'s Spanned<String>,
        known: Option<&FxHashSet<&str>>,
        seen: &mut FxHashSet<&'s str>,
        list: &str,
    ) {
        if let Some(known) = known.filter(|k| !k.contains(id.get_ref().as_str())) {
            // In any order: the suggestion is the nearest, ties by id.
            let ids: Vec<&str> = known.iter().copied().collect();
            self.diags.push(unknown_signer(self.src, id, &ids));
        } else if !seen.insert(id.get_ref()) {
            self.diags.push(
                Diagnostic::warning(
                    self.src,
                    id.span(),
                    format!("`{}` is listed twice", id.get_ref()),
                )
                .with_label(format!("already in `{list}` or the leads")),
            );
        }
    }

    fn order(&mut self, value: Option<&Spanned<String>>) -> Order {
        let Some(value) = value else {
            return Order::default();
        };
        match value.get_ref().as_str() {
            "alphabetical" => Order::Alphabetical,
            "signed" => Order::Signed,
            "listed" => Order::Listed,
            other => {
                self.diags.push(
                    Diagnostic::error(self.src, value.span(), format!("unknown order `{other}`"))
                        .with_label("expected `alphabetical`, `signed` or `listed`")
                        .with_suggestion(other, ["alphabetical", "signed", "listed"]),
                );
                Order::default()
            }
        }
    }

    /// `signatures = "blank" | "images" | "conformed"`.
    fn signature_mode(&mut self, value: Option<&Spanned<String>>) -> SignatureMode {
        let Some(value) = value else {
            return SignatureMode::default();
        };
        let modes = [
            SignatureMode::Blank,
            SignatureMode::Images,
            SignatureMode::Conformed,
        ];
        let given = value.get_ref().as_str();
        if let Some(mode) = modes.into_iter().find(|m| m.as_str() == given) {
            return mode;
        }
        self.diags.push(
            Diagnostic::error(
                self.src,
                value.span(),
                format!("unknown signatures `{given}`"),
            )
            .with_label("expected `blank`, `images` or `conformed`")
            .with_suggestion(given, ["blank", "images", "conformed"]),
        );
        SignatureMode::default()
    }
}

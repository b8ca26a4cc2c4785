//! What the planner found, line by line and customer by customer: a code from the
//! table of [`codes`] (rule, severity, message), and the typed [`values`] its
//! message is filled with ([`message`]).
//!
//! Below the rest of `plan`: the lines, the customers and the checklist build
//! findings and fill templates with these values; nothing here depends on them.

mod codes;
mod fix;
mod message;
mod values;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::rules::{RuleId, Severity};

pub use codes::FindingCode;
pub use fix::Fix;
pub use message::fill_values;
#[cfg(test)]
pub(crate) use values::MAX_VALUES;
pub use values::{placeholder_set, FindingValue, FindingValues, StoredValues};

/// A finding: a rule, a severity and the values it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredFinding")]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    pub code: FindingCode,
    pub values: FindingValues,
}

/// A finding as JSON holds it, its values named before they meet their template.
#[derive(Deserialize)]
struct StoredFinding {
    rule: RuleId,
    severity: Severity,
    code: FindingCode,
    #[serde(default)]
    values: StoredValues,
}

impl From<StoredFinding> for Finding {
    fn from(stored: StoredFinding) -> Finding {
        // A finding may carry values its own message does not show (a date the
        // letter uses), so names are those of every finding template.
        static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
        let names = NAMES
            .get_or_init(|| placeholder_set(FindingCode::ALL.iter().map(|code| code.template(Lang::En))));
        let values = stored.values.resolve(names);
        Finding { rule: stored.rule, severity: stored.severity, code: stored.code, values }
    }
}

impl Finding {
    pub fn new(code: FindingCode) -> Finding {
        Finding { rule: code.rule(), severity: code.severity(), code, values: FindingValues::default() }
    }

    /// Adds a value the message shows.
    #[inline]
    pub fn with(mut self, name: &'static str, value: impl Into<FindingValue>) -> Finding {
        self.values.insert(name, value.into());
        self
    }

    /// Adds a text the program holds for its whole run (an id, a catalog label), without copying it.
    #[inline]
    pub fn with_static(self, name: &'static str, text: &'static str) -> Finding {
        self.with(name, FindingValue::Static(text))
    }

    pub fn is_blocker(&self) -> bool {
        self.severity == Severity::Blocker
    }

    /// The message in `lang`, with the values filled in.
    pub fn message(&self, lang: Lang) -> String {
        fill_values(self.code.template(lang), &self.values, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::template::placeholder_names;
    use crate::model::{Actor, Channel, GdapRole, GdapRoles, MigrationPath, SubscriptionStatus};
    use chrono::NaiveDate;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = placeholder_names(text).collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_placeholders() {
        for code in FindingCode::ALL {
            let (en, fr) = (code.template(Lang::En), code.template(Lang::Fr));
            assert_ne!(en, fr, "{code:?} is not translated");
            assert_eq!(placeholders(en), placeholders(fr), "{code:?}");
        }
    }

    #[test]
    fn no_template_needs_more_values_than_a_finding_holds() {
        for template in FindingCode::ALL.iter().flat_map(|code| Lang::ALL.map(|lang| code.template(lang))) {
            let mut names = placeholders(template);
            names.dedup();
            assert!(names.len() <= MAX_VALUES, "{template}");
        }
    }

    #[test]
    fn typed_values_fill_the_message_with_their_labels() {
        let finding = Finding::new(FindingCode::CountryUnknown).with("party", Actor::Partner);
        assert_eq!(
            finding.message(Lang::En),
            "The country of the partner is not known: the same-region rule could not be checked."
        );
        assert_eq!(
            finding.message(Lang::Fr),
            "Pays inconnu pour le partenaire : la règle de même région n’a pas pu être vérifiée."
        );
        let chosen = Finding::new(FindingCode::PathConfirmedByUser)
            .with("path", MigrationPath::Repurchase)
            .with("recommended", MigrationPath::PartnerTransfer);
        assert_eq!(
            chosen.message(Lang::Fr),
            "Parcours choisi par l’utilisateur : Achat dans CSP (le planificateur recommande : Transfert de partenaire à partenaire)."
        );
        let channel = Finding::new(FindingCode::EaTransferNotAvailable).with("channel", Channel::CspLegacy);
        assert!(channel
            .message(Lang::Fr)
            .ends_with("Canal source : Autre partenaire CSP, offre historique."));
        let roles: GdapRoles = GdapRole::ALL.into_iter().collect();
        let mut values = FindingValues::default();
        values.insert("roles", roles.into());
        assert_eq!(
            fill_values("{roles}", &values, Lang::En),
            "Service support administrator, License administrator"
        );
    }

    #[test]
    fn a_text_value_is_never_translated() {
        for product in ["expired", "Unknown", "party:partner", "repurchase", "direct"] {
            let finding = Finding::new(FindingCode::AlreadyEnded)
                .with("product", product)
                .with("status", SubscriptionStatus::Expired);
            assert_eq!(
                finding.message(Lang::Fr),
                format!("{product} est déjà à l’état expiré : il n’est pas migré.")
            );
        }
    }

    #[test]
    fn dates_read_in_words_in_each_language() {
        let term_end = NaiveDate::from_ymd_opt(2027, 2, 15).expect("a date");
        let finding = Finding::new(FindingCode::AutoRenewAlreadyOff).with("term_end", term_end);
        assert_eq!(finding.message(Lang::En), "Auto-renew is already off: the source ends on 15 Feb 2027.");
        assert_eq!(
            finding.message(Lang::Fr),
            "Le renouvellement automatique est déjà désactivé : la source se termine le 15 févr. 2027."
        );
    }

    #[test]
    fn a_missing_value_shows_its_placeholder() {
        assert_eq!(
            Finding::new(FindingCode::Overlap).message(Lang::En),
            "{overlap_days} days of overlap between the source and the CSP subscription."
        );
    }

    #[test]
    fn typed_values_read_back_from_json_as_themselves() {
        let finding = Finding::new(FindingCode::AutoRenewOff)
            .with("who", Actor::CurrentPartner)
            .with("auto_renew_off_by", NaiveDate::from_ymd_opt(2027, 2, 15).expect("a date"))
            .with("term_end", "Unknown");
        let text = serde_json::to_string(&finding).expect("serializable");
        assert!(text.contains(r#""who":{"party":"current-partner"}"#), "{text}");
        let read: Finding = serde_json::from_str(&text).expect("readable");
        assert_eq!(read, finding);
        assert_eq!(read.values.get("term_end").and_then(FindingValue::text), Some("Unknown"));
    }
}

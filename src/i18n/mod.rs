//! The two languages of the app and its documents, and the user-interface texts.
//!
//! Small typed tables rather than an i18n crate: every text is an enum variant
//! with its English and French forms side by side, so a missing translation does
//! not compile, costs nothing at run time and adds no dependency to the wasm
//! (an i18n crate with run-time lookup and plural rules would add tens of KB).
//! The interface's tables live here, one file per feature, outside the wasm-only
//! `ui` module so that `cargo test` checks them natively. Domain texts (rule
//! explanations, findings, documents) live next to their code and take a `Lang` too.

pub mod cost_ui;
pub mod drafts;
pub mod export_ui;
pub mod flow;
pub mod format;
pub mod glossary;
pub mod import_ui;
pub mod labels;
pub mod offline;
pub mod plan_ui;
pub mod safety;
pub mod template;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Reads `en`, `fr`, or a browser language tag such as `fr-CA`; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// Picks the form of a text for this language.
    pub fn pick<T>(self, en: T, fr: T) -> T {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}

/// Declares a table of interface texts: an enum whose every variant must give its
/// English and French forms, `ALL`, and `get(lang)`. Each feature of the interface
/// declares its own table next to its components.
#[macro_export]
macro_rules! texts {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($key:ident => $en:expr, $fr:expr;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name { $($key,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                match self {
                    $($name::$key => lang.pick($en, $fr),)*
                }
            }
        }
    };
}

/// Checks a text table: both forms present, and the same `{placeholders}` in each.
/// Every table's tests call it, so a missing translation fails `cargo test`.
pub fn check_translations<'a>(
    entries: impl IntoIterator<Item = (String, &'a str, &'a str)>,
) -> Result<usize, String> {
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = template::placeholder_names(text).collect();
        crate::sorting::sort(&mut names);
        names
    }
    let mut checked = 0;
    for (key, en, fr) in entries {
        if en.trim().is_empty() {
            return Err(format!("{key} has no English text"));
        }
        if fr.trim().is_empty() {
            return Err(format!("{key} has no French text"));
        }
        if placeholders(en) != placeholders(fr) {
            return Err(format!("{key} has different placeholders in English ({en}) and French ({fr})"));
        }
        checked += 1;
    }
    Ok(checked)
}

/// The entries of a text table, for `check_translations`.
#[macro_export]
macro_rules! text_entries {
    ($name:ident) => {
        $name::ALL.iter().map(|text| {
            (format!("{text:?}"), text.get($crate::i18n::Lang::En), text.get($crate::i18n::Lang::Fr))
        })
    };
}

texts! {
    /// Texts of the app shell and the start screen.
    pub enum Text {
    AppName => "CSP Migration Planner", "Planificateur de migration CSP";
    Tagline => "Plan the move of a customer's Microsoft 365 subscriptions into your CSP program, subscription by subscription.",
               "Planifiez le passage des abonnements Microsoft 365 d’un client dans votre programme CSP, abonnement par abonnement.";
    LanguageLabel => "Language", "Langue";
    NewPlan => "New plan", "Nouveau plan";
    NewPlanHint => "Import a customer's subscription export and plan its move.",
                   "Importez l’export des abonnements d’un client et planifiez sa migration.";
    OpenDemo => "Open the demo plan", "Ouvrir le plan de démonstration";
    OpenDemoHint => "A realistic sample customer: several channels, a retired offer, a blocker and a credit case.",
                    "Un client d’exemple réaliste : plusieurs canaux, une offre retirée, un blocage et un cas de crédit.";
    SavedDrafts => "Saved drafts", "Brouillons enregistrés";
    NoDrafts => "No saved drafts yet. Drafts are kept in this browser as you work.",
                "Aucun brouillon enregistré pour l’instant. Les brouillons sont conservés dans ce navigateur au fil de votre travail.";
    DismissError => "Dismiss", "Fermer";
    ErrorTitle => "What could not be done", "Ce qui n’a pas pu être fait";
    FooterPrivacy => "Your data stays in this browser: nothing is sent to any server.",
                     "Vos données restent dans ce navigateur : rien n’est envoyé à aucun serveur.";
    Version => "Version", "Version";
    LoadingPlanner => "Loading the planner…", "Chargement du planificateur…";
    Reopening => "Reopening “{name}”…", "Réouverture de « {name} »…";
    PlannerLoadFailed => "The planner could not be loaded ({reason}). Check the connection, then reload the page: your drafts are safe in this browser.",
                         "Le planificateur n’a pas pu être chargé ({reason}). Vérifiez la connexion, puis rechargez la page : vos brouillons restent en sécurité dans ce navigateur.";
    ReloadPage => "Reload the page", "Recharger la page";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_text_exists_in_both_languages_with_the_same_placeholders() {
        assert_eq!(check_translations(text_entries!(Text)), Ok(Text::ALL.len()));
    }

    #[test]
    fn a_missing_translation_or_placeholder_is_reported() {
        let missing = [("Key".to_string(), "Seats", " ")];
        assert!(check_translations(missing).is_err());
        let mismatched = [("Key".to_string(), "{count} seats", "{nombre} licences")];
        assert!(check_translations(mismatched).is_err());
    }

    #[test]
    fn browser_language_tags_pick_a_language() {
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de-DE"), None);
    }
}

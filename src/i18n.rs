//! The two languages of the app and its documents, and the user-interface texts.
//!
//! A small typed table rather than an i18n crate: every text is a `Text` variant
//! with its English and French forms side by side, so a missing translation does
//! not compile, costs nothing at run time and adds no dependency to the wasm.
//! Domain texts (rule explanations, findings, documents) live next to their code
//! and take a `Lang` too.

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

/// Declares the `Text` enum and its table; each entry must give both languages.
macro_rules! texts {
    ($($key:ident => $en:expr, $fr:expr;)*) => {
        /// A user-interface text. `Text::X.get(lang)` gives its form in `lang`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text { $($key,)* }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            pub fn get(self, lang: Lang) -> &'static str {
                match self {
                    $(Text::$key => lang.pick($en, $fr),)*
                }
            }
        }
    };
}

texts! {
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
    ErrorTitle => "Something went wrong", "Un problème est survenu";
    FooterPrivacy => "Your data stays in this browser: nothing is sent to any server.",
                     "Vos données restent dans ce navigateur : rien n’est envoyé à aucun serveur.";
    Version => "Version", "Version";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Placeholders such as `{count}` a text carries, in order of appearance.
    fn placeholders(text: &str) -> Vec<&str> {
        text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect()
    }

    #[test]
    fn every_text_exists_in_both_languages_with_the_same_placeholders() {
        for text in Text::ALL {
            let (en, fr) = (text.get(Lang::En), text.get(Lang::Fr));
            assert!(!en.trim().is_empty(), "{text:?} has no English text");
            assert!(!fr.trim().is_empty(), "{text:?} has no French text");
            let (mut en_names, mut fr_names) = (placeholders(en), placeholders(fr));
            en_names.sort_unstable();
            fr_names.sort_unstable();
            assert_eq!(en_names, fr_names, "{text:?} has different placeholders in English and French");
        }
    }

    #[test]
    fn browser_language_tags_pick_a_language() {
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de-DE"), None);
    }
}

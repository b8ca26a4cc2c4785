//! Texts of the offline app: a new version is ready to take over.

crate::texts! {
    /// Texts of the update banner (src/ui/update.rs).
    pub enum OfflineText {
        UpdateReady => "A new version of the planner is ready. Reload to use it: your drafts stay as they are.",
                       "Une nouvelle version du planificateur est prête. Rechargez pour l’utiliser : vos brouillons restent tels quels.";
        UpdateReload => "Reload now", "Recharger maintenant";
        UpdateReloading => "Reloading…", "Rechargement…";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_translations;

    #[test]
    fn every_offline_text_exists_in_both_languages() {
        assert_eq!(check_translations(crate::text_entries!(OfflineText)), Ok(OfflineText::ALL.len()));
    }
}

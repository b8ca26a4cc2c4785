//! Texts of what keeps the user's work safe: undo and redo, the confirmation of
//! "Reset all adjustments", a draft file dropped on the import step, and files
//! kept in the draft while their columns are mapped.

crate::texts! {
    /// Texts of undo, redo and the other safeguards of the user's work.
    pub enum SafetyText {
        Undo => "Undo", "Annuler";
        Redo => "Redo", "Rétablir";
        UndoWhat => "Undo: {what} (Ctrl+Z)", "Annuler : {what} (Ctrl+Z)";
        RedoWhat => "Redo: {what} (Ctrl+Shift+Z)", "Rétablir : {what} (Ctrl+Maj+Z)";
        NothingToUndo => "Nothing to undo", "Rien à annuler";
        NothingToRedo => "Nothing to redo", "Rien à rétablir";
        Undone => "Undone: {what}.", "Annulé : {what}.";
        Redone => "Redone: {what}.", "Rétabli : {what}.";
        KindAdjustments => "adjustments of the plan", "ajustements du plan";
        KindSubscriptions => "subscriptions (channel, fixed row, mapping or import)", "abonnements (canal, ligne corrigée, correspondance ou import)";
        KindProfiles => "customer, partner or plan settings", "client, partenaire ou réglages du plan";
        KindName => "draft name", "nom du brouillon";
        ResetAllConfirm => "Reset every adjustment of this plan ({count})? Line notes are kept, and Undo at the top of the page brings the adjustments back.",
                           "Annuler tous les ajustements de ce plan ({count}) ? Les notes des lignes sont conservées, et le bouton « Annuler » en haut de page les fait revenir.";
        ResetAllYes => "Reset them", "Les annuler";
        ResetAllNo => "Keep them", "Les garder";
        DroppedDraft => "{file} is a saved draft or an exported plan (“{name}”, {count} subscriptions), not a subscription export.",
                        "{file} est un brouillon enregistré ou un plan exporté (« {name} », {count} abonnements), pas un export d’abonnements.";
        DroppedDraftUnreadable => "{file} is a draft or an exported plan this version cannot open: {reason}.",
                                  "{file} est un brouillon ou un plan exporté que cette version ne peut pas ouvrir : {reason}.";
        OpenDroppedDraft => "Open it as a draft", "L’ouvrir comme brouillon";
        DismissDroppedDraft => "Dismiss", "Ignorer";
        PendingTooLarge => "{files}: too large to keep in the draft; if the page is reloaded before the columns are mapped, drop it again.",
                           "{files} : trop volumineux pour être gardé dans le brouillon ; si la page est rechargée avant la correspondance des colonnes, déposez-le à nouveau.";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_translations;

    #[test]
    fn every_safety_text_exists_in_both_languages() {
        assert_eq!(check_translations(crate::text_entries!(SafetyText)), Ok(SafetyText::ALL.len()));
    }
}

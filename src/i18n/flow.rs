//! Texts of the planner's steps.

crate::texts! {
    /// Texts of the planner flow (steps, navigation, forms).
    pub enum FlowText {
        StepsLabel => "Planner steps", "Étapes du planificateur";
        StepImport => "Import", "Import";
        StepReview => "Review", "Vérification";
        StepCustomer => "Customer and partner", "Client et partenaire";
        StepPlan => "Plan", "Plan";
        StepExport => "Export", "Export";
        Next => "Next step", "Étape suivante";
        BackToStart => "All drafts", "Tous les brouillons";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_translations;

    #[test]
    fn every_flow_text_exists_in_both_languages() {
        assert_eq!(check_translations(crate::text_entries!(FlowText)), Ok(FlowText::ALL.len()));
    }
}

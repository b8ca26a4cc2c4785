//! Texts of the plan step.

crate::texts! {
    /// Texts of the plan step (summary, table, details, overrides, checklist, timeline).
    pub enum PlanText {
        Title => "Plan", "Plan";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_translations;

    #[test]
    fn every_plan_text_exists_in_both_languages() {
        assert_eq!(check_translations(crate::text_entries!(PlanText)), Ok(PlanText::ALL.len()));
    }
}

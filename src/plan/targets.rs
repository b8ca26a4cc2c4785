//! The offers a user can choose as a line's target: the ranked equivalents
//! first, with the service plans each loses and gains, then the catalog, found
//! by name or part number. Products for other audiences (government,
//! education, trials and previews) and other regions (EEA-only SKUs outside
//! the EEA) are counted but left out unless the user asks for every product.
//! Every choice is named with its part number, since several products share a
//! display name (two "Visio Plan 2").

use super::offer::is_eea_only;
use super::{Plan, PlanLine};
use crate::catalog::{lookup_key, Catalog, Product};

/// Most catalog products listed at once: a search narrows the rest.
pub const MAX_CATALOG_CHOICES: usize = 60;

/// Who a catalog product is sold to, when that is not every commercial customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    Commercial,
    Government,
    Education,
    TrialOrPreview,
    /// Sold in other regions only (an EEA-only SKU for a customer outside the EEA).
    OtherRegion,
}

/// Name and part number fragments (upper case) of products for other audiences.
const GOVERNMENT_MARKS: &[&str] = &["GCC", "USGOV", "_GOV", " GOV", "DOD", "GOVERNMENT", "ITAR"];
const EDUCATION_MARKS: &[&str] =
    &["EDU", "FACULTY", "STUDENT", "EDUCATION", " A1", " A3", " A5", "_A1", "_A3", "_A5", "ACADEMIC"];
const TRIAL_MARKS: &[&str] = &["TRIAL", "PREVIEW", "VIRAL", "DEVELOPER", "_HUB"];

/// The audience of a catalog product, for a customer in the EEA or not.
pub fn audience(product: &Product, customer_in_eea: bool) -> Audience {
    let text = format!(" {} {}", product.name, product.sku_part_number).to_uppercase();
    let has = |marks: &[&str]| marks.iter().any(|mark| text.contains(mark));
    if has(TRIAL_MARKS) {
        Audience::TrialOrPreview
    } else if has(GOVERNMENT_MARKS) {
        Audience::Government
    } else if has(EDUCATION_MARKS) {
        Audience::Education
    } else if !customer_in_eea && is_eea_only(&product.name) {
        Audience::OtherRegion
    } else {
        Audience::Commercial
    }
}

/// Whether the customer a line belongs to is in the EEA or Switzerland (TEAMS-EEA).
pub fn customer_in_eea(plan: &Plan, line: &PlanLine) -> bool {
    plan.customers
        .iter()
        .find(|customer| customer.lines.iter().any(|own| std::ptr::eq(own, line)))
        .and_then(|customer| customer.tenant_country.as_deref())
        .is_some_and(crate::markets::is_eea_or_switzerland)
}

/// One offer the user can choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetChoice {
    pub sku_id: String,
    /// The product's name, as the line shows it once chosen.
    pub name: String,
    pub part_number: String,
    /// For a ranked equivalent: how many service plans of the source it lacks and adds.
    pub plans: Option<(usize, usize)>,
}

/// What the target picker lists for a line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TargetChoices {
    /// The ranked equivalents (EQUIV-1), best first; always listed when they match the search.
    pub ranked: Vec<TargetChoice>,
    /// Catalog products matching the search, by name, at most [`MAX_CATALOG_CHOICES`].
    pub catalog: Vec<TargetChoice>,
    /// Catalog products matching the search beyond those listed.
    pub more: usize,
    /// Products matching the search left out for their audience or region.
    pub hidden: usize,
}

fn choice(product: &Product, plans: Option<(usize, usize)>) -> TargetChoice {
    TargetChoice {
        sku_id: product.sku_id.clone(),
        name: product.name.clone(),
        part_number: product.sku_part_number.clone(),
        plans,
    }
}

/// The choices for `line`, for a search text (name or part number, case, accents
/// and punctuation ignored); `every_product` lists other audiences and regions too.
/// The chosen target stays listed whatever the search, so the picker always shows it.
pub fn target_choices(
    catalog: &Catalog,
    line: &PlanLine,
    customer_in_eea: bool,
    search: &str,
    every_product: bool,
    chosen: Option<&str>,
) -> TargetChoices {
    let wanted = lookup_key(search);
    let matches = |product: &Product| {
        wanted.is_empty()
            || lookup_key(&product.name).contains(&wanted)
            || lookup_key(&product.sku_part_number).contains(&wanted)
    };
    let is_chosen =
        |product: &Product| chosen.is_some_and(|chosen| chosen.eq_ignore_ascii_case(&product.sku_id));
    let mut choices = TargetChoices::default();
    for candidate in line.candidates.iter() {
        if let Some(product) = catalog.by_sku_id(&candidate.offer.sku_id) {
            if matches(product) || is_chosen(product) {
                let plans = (candidate.plans_lost.len(), candidate.plans_gained.len());
                choices.ranked.push(choice(product, Some(plans)));
            }
        }
    }
    // Keyed once (a key per comparison would lower-case each name many times).
    let mut listed: Vec<((bool, String, &str), &Product)> = catalog
        .products()
        .iter()
        .filter(|product| !choices.ranked.iter().any(|ranked| ranked.sku_id == product.sku_id))
        .filter(|product| matches(product) || is_chosen(product))
        .filter(|product| {
            let shown = every_product
                || is_chosen(product)
                || audience(product, customer_in_eea) == Audience::Commercial;
            if !shown {
                choices.hidden += 1;
            }
            shown
        })
        .map(|product| {
            ((!is_chosen(product), product.name.to_lowercase(), product.sku_part_number.as_str()), product)
        })
        .collect();
    crate::sorting::sort_by(&mut listed, |a, b| a.0.cmp(&b.0));
    choices.more = listed.len().saturating_sub(MAX_CATALOG_CHOICES);
    choices.catalog =
        listed.into_iter().take(MAX_CATALOG_CHOICES).map(|(_, product)| choice(product, None)).collect();
    choices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, PlanInput, Subscription};

    fn line_for(part_number: &str) -> PlanLine {
        let input = PlanInput {
            subscriptions: vec![Subscription {
                subscription_id: "S1".into(),
                sku_part_number: Some(part_number.into()),
                seats_total: 10,
                channel: Channel::Direct,
                ..Subscription::default()
            }],
            ..PlanInput::default()
        };
        let plan = super::super::make_plan(&input, Catalog::builtin());
        plan.customers
            .into_iter()
            .flat_map(|customer| customer.lines)
            .next()
            .unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn government_education_and_trial_products_are_hidden_unless_asked_for() {
        let line = line_for("SPB");
        let choices = target_choices(Catalog::builtin(), &line, true, "Office 365 E3", false, None);
        assert!(choices.hidden > 0, "GCC and education variants are hidden");
        for listed in &choices.catalog {
            let product = Catalog::builtin().by_sku_id(&listed.sku_id).unwrap_or_else(|| unreachable!());
            assert_eq!(audience(product, true), Audience::Commercial, "{}", listed.name);
        }
        let every = target_choices(Catalog::builtin(), &line, true, "Office 365 E3", true, None);
        assert_eq!(every.hidden, 0);
        assert!(every.catalog.len() + every.more > choices.catalog.len() + choices.more);
    }

    #[test]
    fn an_eea_only_suite_is_another_region_outside_the_eea() {
        let line = line_for("SPB");
        let search = "E5 EEA (no Teams)";
        let outside = target_choices(Catalog::builtin(), &line, false, search, false, None);
        assert!(outside.catalog.iter().all(|choice| !choice.name.contains("EEA (no Teams)")));
        let inside = target_choices(Catalog::builtin(), &line, true, search, false, None);
        assert!(inside.catalog.iter().any(|choice| choice.name.contains("EEA (no Teams)")));
    }

    #[test]
    fn products_sharing_a_name_are_told_apart_by_their_part_number() {
        let line = line_for("SPB");
        let choices = target_choices(Catalog::builtin(), &line, true, "Visio Plan 2", true, None);
        let visio: Vec<&TargetChoice> =
            choices.catalog.iter().filter(|choice| choice.name == "Visio Plan 2").collect();
        assert!(visio.len() >= 2, "two products are named Visio Plan 2: {visio:?}");
        let mut parts: Vec<&str> = visio.iter().map(|choice| choice.part_number.as_str()).collect();
        parts.dedup();
        assert_eq!(parts.len(), visio.len(), "each has its own part number");
    }

    #[test]
    fn ranked_equivalents_come_first_and_the_chosen_target_is_always_listed() {
        let line = line_for("ENTERPRISEPACK");
        let choices = target_choices(Catalog::builtin(), &line, true, "", false, None);
        assert!(!choices.ranked.is_empty(), "Office 365 E3 has ranked equivalents");
        assert!(choices.ranked.iter().all(|choice| choice.plans.is_some()));
        assert!(choices.catalog.len() <= MAX_CATALOG_CHOICES);
        // A search that misses the chosen product still lists it, first.
        let chosen = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"; // Microsoft 365 Business Premium
        let searched = target_choices(Catalog::builtin(), &line, true, "zzz", false, Some(chosen));
        let all: Vec<&TargetChoice> = searched.ranked.iter().chain(&searched.catalog).collect();
        assert_eq!(all.first().map(|choice| choice.sku_id.as_str()), Some(chosen));
    }
}

//! Which product a subscription is, and which offer to buy in CSP: the same SKU
//! when it is still sold (CONT-1), else equivalents ranked by the core workloads
//! they share, with the service plans lost and gained (EQUIV-1, TEAMS-UNBUNDLE).

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;

use super::findings::{Finding, FindingCode};
use super::{OfferCandidate, OfferRef, Shared, TargetOffer};
use crate::catalog::{Catalog, CoreWorkload, Product, ServicePlan};
use crate::model::Subscription;

/// Enterprise suites with Teams that are no longer sold to new customers, with
/// their "(no Teams)" equivalent (worldwide, then the EEA variant when the table
/// has no worldwide one). Rule TEAMS-UNBUNDLE, from 2023-10-01 (EEA, CH) and
/// 2024-04-01 (worldwide).
const TEAMS_SUITES: &[(&str, &str, &str)] = &[
    // Office 365 E1 -> Office 365 E1 (no Teams) | Office 365 E1 EEA (no Teams)
    (
        "18181a46-0d4e-45cd-891e-60aabd171b4e",
        "f8ced641-8e17-4dc5-b014-f5a2d53f6ac8",
        "b57282e3-65bd-4252-9502-c0eae1e5ab7f",
    ),
    // Office 365 E3 -> Office 365 E3 (no Teams) | Office 365 E3 EEA (no Teams)
    (
        "6fd2c87f-b296-42f0-b197-1e91e994b900",
        "46c3a859-c90d-40b3-9551-6178a48d5c18",
        "d711d25a-a21c-492f-bd19-aae1e8ebaf30",
    ),
    // Office 365 E5 -> Office 365 E5 EEA (no Teams) (the table has no worldwide one)
    ("c7df2760-2c81-4ef7-b578-5b5392b571df", "", "cf50bae9-29e8-4775-b07c-56ee10e3776d"),
    // Office 365 E5 without Audio Conferencing -> Office 365 E5 EEA (no Teams) without Audio Conferencing
    ("26d45bd9-adf1-46cd-a9e1-51e9a5524128", "", "71772aeb-4bb8-4f74-9dd4-36c7a9b5ca74"),
    // Microsoft 365 E3 -> Microsoft 365 E3 (no Teams) | Microsoft 365 E3 EEA (no Teams)
    (
        "05e9a617-0261-4cee-bb44-138d3ef5d965",
        "dcf0408c-aaec-446c-afd4-43e3683943ea",
        "c2fe850d-fbbb-4858-b67d-bd0c6e746da3",
    ),
    // Microsoft 365 E5 -> Microsoft 365 E5 (no Teams) | Microsoft 365 E5 EEA (no Teams)
    (
        "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
        "18a4bd3f-0b5b-4887-b04f-61dd0ee15f5e",
        "3271cf8e-2be5-4a09-a549-70fd05baaa17",
    ),
    // Microsoft 365 E5 without Audio Conferencing -> Microsoft 365 E5 EEA (no Teams) without Audio Conferencing
    ("cd2925a3-5076-4233-8931-638a8c94f773", "", "90277bc7-a6fe-4181-99d8-712b08b8d32b"),
];

/// Microsoft Teams Enterprise, the license sold next to a "(no Teams)" suite.
pub(super) const TEAMS_ENTERPRISE_SKU_ID: &str = "7e31c0d9-9551-471d-836f-32ee72be4a01";

pub(super) const TEAMS_UNBUNDLE_EEA_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2023, 10, 1) {
    Some(date) => date,
    None => panic!("invalid date"), // evaluated at compile time
};
pub(super) const TEAMS_UNBUNDLE_WORLD_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2024, 4, 1) {
    Some(date) => date,
    None => panic!("invalid date"), // evaluated at compile time
};

/// Products of the Business family, capped at 300 seats per tenant (CAP-BUSINESS).
const BUSINESS_FAMILY_PREFIXES: &[&str] = &[
    "microsoft 365 business basic",
    "microsoft 365 business standard",
    "microsoft 365 business premium",
    "microsoft 365 apps for business",
];

/// Name markers of variants that are not equivalents for a commercial customer
/// unless the source is one too (government clouds, education, trials, minimums).
const SPECIAL_VARIANT_MARKERS: &[&str] = &[
    "gcc",
    "usgov",
    "dod",
    "government",
    "faculty",
    "student",
    " edu",
    "_edu",
    "trial",
    "donation",
    "nonprofit",
    "_hub",
    "500 seats",
    "unattended",
    "sovereign",
    "_cn",
    "(china)",
    "for telstra",
    "prepaid",
    "developer",
    " a1",
    " a3",
    " a5",
];

/// Name markers of products sold by usage or capacity, not per seat.
const NON_SEAT_MARKERS: &[&str] =
    &["pay-as-you-go", "pay as you go", "capacity", "credits", "payg", "metered"];

pub(super) fn is_non_seat_name(name: &str) -> bool {
    // The markers are ASCII, so comparing ASCII case-insensitively needs no lower-cased copy.
    let bytes = name.as_bytes();
    NON_SEAT_MARKERS.iter().any(|marker| {
        bytes.windows(marker.len()).any(|window| window.eq_ignore_ascii_case(marker.as_bytes()))
    })
}

/// How many ranked alternatives a line shows.
const CANDIDATE_LIMIT: usize = 3;

/// How a subscription's product was found in the catalog.
pub(super) struct Resolution {
    pub product_index: Option<usize>,
    pub findings: Vec<Finding>,
}

/// Resolves a subscription's SKU: by GUID, then part number, then display name.
/// An unknown SKU stays unknown (the caller asks the user); nothing is guessed.
pub(super) fn resolve(catalog: &Catalog, subscription: &Subscription, cache: &mut OfferCache) -> Resolution {
    let mut findings = Vec::new();
    if let Some(index) =
        subscription.sku_id.as_deref().and_then(|sku_id| cache.index_by_sku_id(catalog, sku_id))
    {
        return Resolution { product_index: Some(index), findings };
    }
    if let Some(part_number) = subscription.sku_part_number.as_deref().filter(|part| !part.trim().is_empty())
    {
        let indexes = catalog.indexes_by_part_number(part_number);
        if let Some(&index) = indexes.first() {
            if indexes.len() > 1 {
                if let Some(product) = catalog.product(index) {
                    findings.push(
                        Finding::new(FindingCode::AmbiguousPartNumber)
                            .with("part_number", part_number.trim())
                            .with("count", indexes.len())
                            .with("name", &product.name)
                            .with("sku_id", &product.sku_id),
                    );
                }
            }
            return Resolution { product_index: Some(index), findings };
        }
    }
    for name in [subscription.product.as_str(), subscription.sku_part_number.as_deref().unwrap_or_default()] {
        if let Some(index) = cache.index_by_name(catalog, name) {
            if let Some(product) = catalog.product(index) {
                findings.push(
                    Finding::new(FindingCode::ResolvedByName)
                        .with("product", name.trim())
                        .with("name", &product.name)
                        .with("sku_id", &product.sku_id),
                );
            }
            return Resolution { product_index: Some(index), findings };
        }
    }
    Resolution { product_index: None, findings }
}

pub(super) fn offer_ref(product: &Product) -> OfferRef {
    OfferRef {
        sku_id: product.sku_id.clone(),
        sku_part_number: product.sku_part_number.clone(),
        name: product.name.clone(),
    }
}

pub(super) fn is_business_family(product: &Product) -> bool {
    let name = product.name.to_lowercase();
    BUSINESS_FAMILY_PREFIXES.iter().any(|prefix| name.starts_with(prefix)) && !name.contains("donation")
}

/// The catalog indexes of a retired suite's "(no Teams)" equivalents: the
/// worldwide one, then the EEA-only one, each when the catalog has it.
pub(super) type SuiteEquivalents = (Option<usize>, Option<usize>);

/// The "(no Teams)" equivalents of a retired suite with Teams, if the product is one.
pub(super) fn teams_suite_equivalent(catalog: &Catalog, product: &Product) -> Option<SuiteEquivalents> {
    let (_, worldwide, eea) = TEAMS_SUITES.iter().find(|(source, _, _)| *source == product.sku_id)?;
    let index = |sku_id: &str| (!sku_id.is_empty()).then(|| catalog.index_by_sku_id(sku_id)).flatten();
    Some((index(worldwide), index(eea)))
}

/// Sold only in the EEA and Switzerland ("... EEA (no Teams)", "Microsoft Teams EEA"):
/// never a target elsewhere (TEAMS-EEA).
pub(super) fn is_eea_only(name: &str) -> bool {
    name.contains("EEA (no Teams)") || name.trim() == "Microsoft Teams EEA"
}

/// Microsoft Teams EEA, the Teams licence of the "(no Teams)" suites in the EEA (TEAMS-EEA).
pub(super) const TEAMS_EEA_SKU_ID: &str = "7e74bd05-2c47-404e-829a-ba95c66fe8e5";

/// The day suites with Teams stopped being sold in the customer's country.
pub(super) fn teams_unbundled_from(country: Option<&str>) -> NaiveDate {
    match country {
        Some(code) if crate::markets::is_eea_or_switzerland(code) => TEAMS_UNBUNDLE_EEA_FROM,
        _ => TEAMS_UNBUNDLE_WORLD_FROM,
    }
}

/// What a plan computes once per product or per pair of products and shares
/// between its lines: resolutions, ranked candidates, targets, comparisons.
#[derive(Default)]
pub(super) struct OfferCache {
    resolved_sku_ids: HashMap<String, Option<usize>, FastHash>,
    ranked: HashMap<(usize, bool), Shared<Vec<OfferCandidate>>, FastHash>,
    teams_candidates: HashMap<(usize, usize, usize), Shared<Vec<OfferCandidate>>, FastHash>,
    refs: HashMap<usize, Shared<OfferRef>, FastHash>,
    names: Vec<Option<Arc<str>>>,
    targets: HashMap<TargetKey, Shared<TargetOffer>, FastHash>,
    lost_plans: HashMap<(usize, usize, Option<usize>), Option<LostPlans>, FastHash>,
    business: Vec<Option<bool>>,
    /// Per product: whether it is an add-on, and of which kind (ADDON-BASE).
    add_on_kinds: Vec<Option<Option<crate::model::AddOnKind>>>,
    excluded_or_non_seat: Vec<Option<(bool, bool)>>,
    no_candidates: Option<Shared<Vec<OfferCandidate>>>,
    teams_enterprise: Option<Option<usize>>,
    teams_eea: Option<Option<usize>>,
    resolved_names: HashMap<String, Option<usize>, FastHash>,
    /// Per product: `None` when it is not a retired suite with Teams, else its equivalent.
    teams_suite_equivalents: Vec<Option<Option<SuiteEquivalents>>>,
    catalog_label: Option<Arc<str>>,
    /// "Suite + add-on" names of the targets bought with an add-on.
    pair_names: HashMap<(usize, usize), Arc<str>, FastHash>,
}

/// Target product, add-on, same as the source, chosen by the user.
type TargetKey = (usize, Option<usize>, bool, bool);
/// How many service plans a target lacks, and their friendly names joined.
pub(super) type LostPlans = (usize, Arc<str>);

/// The hasher of the plan's caches: the SKU ids, product and customer names hashed
/// per line are short and trusted enough that SipHash's protection against crafted
/// keys is not worth its cost here.
pub(super) type FastHash = rustc_hash::FxBuildHasher;

impl OfferCache {
    /// Alternatives to the source product, best first; EEA-only SKUs only for a
    /// tenant in the EEA or Switzerland (TEAMS-EEA).
    pub(super) fn ranked(
        &mut self,
        catalog: &Catalog,
        source_index: usize,
        in_eea: bool,
    ) -> Shared<Vec<OfferCandidate>> {
        self.ranked
            .entry((source_index, in_eea))
            .or_insert_with(|| {
                let mut candidates = rank_candidates(catalog, source_index);
                if !in_eea {
                    candidates.retain(|candidate| !is_eea_only(&candidate.offer.name));
                }
                Shared::new(candidates)
            })
            .clone()
    }

    /// The "(no Teams)" suite + Teams pair first, then the two best other candidates.
    pub(super) fn teams_candidates(
        &mut self,
        catalog: &Catalog,
        source: usize,
        suite: usize,
        teams: usize,
        in_eea: bool,
    ) -> Shared<Vec<OfferCandidate>> {
        if let Some(candidates) = self.teams_candidates.get(&(source, suite, teams)) {
            return candidates.clone();
        }
        let mut candidates = Vec::new();
        if let (Some(source_product), Some(suite_product), Some(teams_product)) =
            (catalog.product(source), catalog.product(suite), catalog.product(teams))
        {
            candidates.push(candidate_for(source_product, suite_product, Some(teams_product)));
            let suite_sku = &suite_product.sku_id;
            candidates.extend(
                self.ranked(catalog, source, in_eea)
                    .iter()
                    .filter(|candidate| &candidate.offer.sku_id != suite_sku)
                    .take(2)
                    .cloned(),
            );
        }
        let shared = Shared::new(candidates);
        self.teams_candidates.insert((source, suite, teams), shared.clone());
        shared
    }

    pub(super) fn offer_ref(&mut self, catalog: &Catalog, index: usize) -> Option<Shared<OfferRef>> {
        let product = catalog.product(index)?;
        Some(self.refs.entry(index).or_insert_with(|| Shared::new(offer_ref(product))).clone())
    }

    /// The product's name, shared by the findings that show it.
    pub(super) fn name(&mut self, catalog: &Catalog, index: usize) -> Arc<str> {
        slot(&mut self.names, index, catalog.product_count())
            .get_or_insert_with(|| {
                Arc::from(catalog.product(index).map_or("", |product| product.name.as_str()))
            })
            .clone()
    }

    pub(super) fn target(
        &mut self,
        catalog: &Catalog,
        target: usize,
        add_on: Option<usize>,
        same_as_source: bool,
        chosen_by_user: bool,
    ) -> Option<Shared<TargetOffer>> {
        let key = (target, add_on, same_as_source, chosen_by_user);
        if let Some(shared) = self.targets.get(&key) {
            return Some(shared.clone());
        }
        let product = catalog.product(target)?;
        let offer = Shared::new(TargetOffer {
            sku_id: product.sku_id.clone(),
            sku_part_number: product.sku_part_number.clone(),
            name: product.name.clone(),
            add_on: add_on.and_then(|index| catalog.product(index)).map(offer_ref),
            same_as_source,
            chosen_by_user,
        });
        self.targets.insert(key, offer.clone());
        Some(offer)
    }

    /// How many plans of `source` the target (with its add-on) lacks, and their
    /// friendly names joined; `None` when it lacks none.
    pub(super) fn lost_plans(
        &mut self,
        catalog: &Catalog,
        source: usize,
        target: usize,
        add_on: Option<usize>,
    ) -> Option<LostPlans> {
        self.lost_plans
            .entry((source, target, add_on))
            .or_insert_with(|| {
                let (source, target) = (catalog.product(source)?, catalog.product(target)?);
                let comparison =
                    candidate_for(source, target, add_on.and_then(|index| catalog.product(index)));
                let names: Vec<&str> =
                    comparison.plans_lost.iter().map(|plan| plan.friendly_name.as_str()).collect();
                (!names.is_empty()).then(|| (names.len(), Arc::from(names.join(", "))))
            })
            .clone()
    }

    pub(super) fn is_business_family(&mut self, catalog: &Catalog, index: usize) -> bool {
        *slot(&mut self.business, index, catalog.product_count())
            .get_or_insert_with(|| catalog.product(index).is_some_and(is_business_family))
    }

    pub(super) fn add_on_kind(&mut self, catalog: &Catalog, index: usize) -> Option<crate::model::AddOnKind> {
        *slot(&mut self.add_on_kinds, index, catalog.product_count())
            .get_or_insert_with(|| catalog.product(index).and_then(super::add_ons::product_kind))
    }

    /// Whether a product is on the exclude list, and whether it is sold by usage or
    /// capacity rather than per seat (its name says so).
    pub(super) fn excluded_or_non_seat(&mut self, catalog: &Catalog, index: usize) -> (bool, bool) {
        *slot(&mut self.excluded_or_non_seat, index, catalog.product_count()).get_or_insert_with(|| {
            match catalog.product(index) {
                Some(product) => {
                    (catalog.excluded(&product.sku_id).is_some(), is_non_seat_name(&product.name))
                }
                None => (false, false),
            }
        })
    }

    /// [`teams_suite_equivalent`] of a product, looked up once per product.
    pub(super) fn teams_suite_equivalent(
        &mut self,
        catalog: &Catalog,
        index: usize,
    ) -> Option<SuiteEquivalents> {
        *slot(&mut self.teams_suite_equivalents, index, catalog.product_count()).get_or_insert_with(|| {
            catalog.product(index).and_then(|product| teams_suite_equivalent(catalog, product))
        })
    }

    /// `Suite + Add-on`, the name of a target bought with its add-on, shared by the findings that show it.
    pub(super) fn pair_name(&mut self, catalog: &Catalog, target: usize, add_on: usize) -> Arc<str> {
        if let Some(name) = self.pair_names.get(&(target, add_on)) {
            return name.clone();
        }
        let name: Arc<str> =
            Arc::from(format!("{} + {}", self.name(catalog, target), self.name(catalog, add_on)));
        self.pair_names.insert((target, add_on), name.clone());
        name
    }

    /// The catalog's label, shared by the findings that show it.
    pub(super) fn catalog_label(&mut self, catalog: &Catalog) -> Arc<str> {
        self.catalog_label.get_or_insert_with(|| Arc::from(catalog.source_label())).clone()
    }

    pub(super) fn teams_enterprise(&mut self, catalog: &Catalog) -> Option<usize> {
        *self.teams_enterprise.get_or_insert_with(|| catalog.index_by_sku_id(TEAMS_ENTERPRISE_SKU_ID))
    }

    /// The Teams licence sold next to a "(no Teams)" suite: Microsoft Teams EEA in
    /// the EEA and Switzerland where the catalog has it, else Teams Enterprise.
    pub(super) fn teams_licence(&mut self, catalog: &Catalog, in_eea: bool) -> Option<usize> {
        let eea = *self.teams_eea.get_or_insert_with(|| catalog.index_by_sku_id(TEAMS_EEA_SKU_ID));
        match eea {
            Some(index) if in_eea => Some(index),
            _ => self.teams_enterprise(catalog),
        }
    }

    pub(super) fn no_candidates(&mut self) -> Shared<Vec<OfferCandidate>> {
        self.no_candidates.get_or_insert_with(|| Shared::new(Vec::new())).clone()
    }

    /// A product display name as the catalog knows it, looked up once per distinct text.
    fn index_by_name(&mut self, catalog: &Catalog, name: &str) -> Option<usize> {
        if let Some(found) = self.resolved_names.get(name) {
            return *found;
        }
        let found = catalog.indexes_by_name(name).first().copied();
        self.resolved_names.insert(name.to_string(), found);
        found
    }

    /// A subscription's SKU GUID as the catalog knows it, looked up once per distinct text.
    fn index_by_sku_id(&mut self, catalog: &Catalog, sku_id: &str) -> Option<usize> {
        if let Some(found) = self.resolved_sku_ids.get(sku_id) {
            return *found;
        }
        let found = catalog.index_by_sku_id(sku_id);
        self.resolved_sku_ids.insert(sku_id.to_string(), found);
        found
    }
}

/// The cache entry of a product index, the vector growing to the catalog's size on first use.
fn slot<T>(entries: &mut Vec<Option<T>>, index: usize, product_count: usize) -> &mut Option<T> {
    if entries.len() <= index {
        entries.resize_with(product_count.max(index + 1), || None);
    }
    &mut entries[index] // in range: resized just above
}

fn is_special_variant(product: &Product) -> bool {
    let text = format!("{} {}", product.name, product.sku_part_number).to_lowercase();
    SPECIAL_VARIANT_MARKERS.iter().any(|marker| text.contains(marker))
}

fn is_retired_teams_suite(product: &Product) -> bool {
    TEAMS_SUITES.iter().any(|(source, _, _)| *source == product.sku_id)
}

fn rank_candidates(catalog: &Catalog, source_index: usize) -> Vec<OfferCandidate> {
    let Some(source) = catalog.product(source_index) else {
        return Vec::new();
    };
    if source.core_workloads == 0 {
        return Vec::new();
    }
    let source_is_special = is_special_variant(source);
    let mut scored: Vec<(u32, usize, usize, &str, usize)> = Vec::new();
    for (index, candidate) in catalog.products().iter().enumerate() {
        if index == source_index
            || catalog.excluded(&candidate.sku_id).is_some()
            || is_retired_teams_suite(candidate)
            || (!source_is_special && is_special_variant(candidate))
        {
            continue;
        }
        let shared = (source.core_workloads & candidate.core_workloads).count_ones();
        if shared == 0 {
            continue;
        }
        let (lost, gained) = plan_difference(&source.service_plans, &candidate.service_plans);
        scored.push((shared, lost.len(), gained.len(), candidate.name.as_str(), index));
    }
    // Most shared core workloads first, then fewest plans lost, fewest gained, then name.
    crate::sorting::sort_by(&mut scored, |a, b| {
        b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(b.3)).then(a.4.cmp(&b.4))
    });
    scored
        .into_iter()
        .take(CANDIDATE_LIMIT)
        .filter_map(|(_, _, _, _, index)| {
            catalog.product(index).map(|candidate| candidate_for(source, candidate, None))
        })
        .collect()
}

/// Compares a source with a candidate (and its add-on): workloads and plans.
pub(super) fn candidate_for(
    source: &Product,
    candidate: &Product,
    add_on: Option<&Product>,
) -> OfferCandidate {
    let mut candidate_plans: Vec<ServicePlan> = candidate.service_plans.clone();
    let mut candidate_workloads = candidate.core_workloads;
    if let Some(add_on) = add_on {
        candidate_workloads |= add_on.core_workloads;
        for plan in &add_on.service_plans {
            if !candidate_plans.iter().any(|existing| existing.id == plan.id) {
                candidate_plans.push(plan.clone());
            }
        }
    }
    let (plans_lost, plans_gained) = plan_difference(&source.service_plans, &candidate_plans);
    OfferCandidate {
        offer: offer_ref(candidate),
        add_on: add_on.map(offer_ref),
        shared_workloads: CoreWorkload::in_set(source.core_workloads & candidate_workloads).collect(),
        missing_workloads: CoreWorkload::in_set(source.core_workloads & !candidate_workloads).collect(),
        plans_lost: plans_lost.into_iter().cloned().collect(),
        plans_gained: plans_gained.into_iter().cloned().collect(),
    }
}

/// Plans of `source` missing from `target`, and plans of `target` missing from
/// `source`, compared by service plan id, each sorted by name.
fn plan_difference<'a>(
    source: &'a [ServicePlan],
    target: &'a [ServicePlan],
) -> (Vec<&'a ServicePlan>, Vec<&'a ServicePlan>) {
    let source_ids: BTreeSet<&str> = source.iter().map(|plan| plan.id.as_str()).collect();
    let target_ids: BTreeSet<&str> = target.iter().map(|plan| plan.id.as_str()).collect();
    let mut lost: Vec<&ServicePlan> =
        source.iter().filter(|plan| !target_ids.contains(plan.id.as_str())).collect();
    let mut gained: Vec<&ServicePlan> =
        target.iter().filter(|plan| !source_ids.contains(plan.id.as_str())).collect();
    crate::sorting::sort_by(&mut lost, |a, b| a.name.cmp(&b.name));
    crate::sorting::sort_by(&mut gained, |a, b| a.name.cmp(&b.name));
    (lost, gained)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suite_of_the_teams_table_and_its_equivalent_is_in_the_catalog() {
        let catalog = Catalog::builtin();
        for (source, worldwide, eea) in TEAMS_SUITES {
            let product = catalog.by_sku_id(source).expect("a suite of the table");
            assert!(product.has_workload(CoreWorkload::Teams), "{} has Teams", product.name);
            for sku_id in [worldwide, eea].into_iter().filter(|sku_id| !sku_id.is_empty()) {
                let equivalent = catalog.by_sku_id(sku_id).expect("an equivalent of the table");
                assert!(equivalent.name.contains("no Teams"), "{}", equivalent.name);
            }
        }
        assert!(catalog
            .by_sku_id(TEAMS_ENTERPRISE_SKU_ID)
            .is_some_and(|teams| teams.has_workload(CoreWorkload::Teams)));
    }

    #[test]
    fn office_365_e3_without_teams_loses_teams_among_its_plans() {
        let catalog = Catalog::builtin();
        let (Some(e3), Some(no_teams), Some(teams)) = (
            catalog.by_sku_part_number("ENTERPRISEPACK"),
            catalog.by_sku_id("46c3a859-c90d-40b3-9551-6178a48d5c18"),
            catalog.by_sku_id(TEAMS_ENTERPRISE_SKU_ID),
        ) else {
            panic!("catalog products missing");
        };
        let alone = candidate_for(e3, no_teams, None);
        assert!(alone.plans_lost.iter().any(|plan| plan.name == "TEAMS1"));
        assert!(alone.missing_workloads.contains(&CoreWorkload::Teams));
        let pair = candidate_for(e3, no_teams, Some(teams));
        assert!(!pair.missing_workloads.contains(&CoreWorkload::Teams));
        assert!(pair.plans_lost.len() < alone.plans_lost.len());
    }

    #[test]
    fn business_family_is_recognised() {
        let catalog = Catalog::builtin();
        let family: Vec<&str> = catalog
            .products()
            .iter()
            .filter(|product| is_business_family(product))
            .map(|product| product.sku_part_number.as_str())
            .collect();
        for part_number in ["O365_BUSINESS_ESSENTIALS", "O365_BUSINESS_PREMIUM", "SPB", "O365_BUSINESS"] {
            assert!(family.contains(&part_number), "{part_number}");
        }
        assert!(!family.iter().any(|part| part.starts_with("BUSINESS_VOICE")));
    }
}

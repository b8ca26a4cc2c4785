//! The planner: a pure, deterministic function from a [`PlanInput`] to a [`Plan`].
//!
//! One line per input subscription (never more, never fewer), grouped into
//! customers; each line says its path, its target offer, its seats, its dates and
//! the findings that explain them, each citing a rule of [`crate::rules`]. Per
//! customer: the ordered checklist, totals before and after, and key dates.

mod add_ons;
mod checklist;
mod commerce;
mod customer;
mod dates;
mod findings;
mod gdap;
mod lifecycle;
mod line;
mod offer;
pub mod query;
mod seats;
mod shared;
pub mod targets;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, CoreWorkload, ServicePlan};
use crate::model::{Channel, MigrationPath, PlanInput, SubscriptionStatus};
use crate::rules::{RuleId, RULES_AS_OF};

pub use crate::model::Actor;
pub use checklist::{ChecklistStep, StepCode};
pub use findings::{Finding, FindingCode, FindingValue, FindingValues, Fix};
pub use shared::Shared;

/// The whole plan: one entry per customer (tenant).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub rules_as_of: NaiveDate,
    pub as_of: NaiveDate,
    /// The catalog the plan was made with ("built-in, 2026-11-24" or a loaded copy).
    pub catalog: String,
    pub partner_name: String,
    pub partner_country: Option<String>,
    /// The partner's CSP market id (`europe`), when its country is known.
    pub partner_market: Option<String>,
    pub customers: Vec<CustomerPlan>,
}

impl Plan {
    pub fn lines(&self) -> impl Iterator<Item = &PlanLine> {
        self.customers.iter().flat_map(|customer| customer.lines.iter())
    }

    /// Every finding of the plan, customer-wide ones first.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.customers.iter().flat_map(|customer| {
            customer.findings.iter().chain(customer.lines.iter().flat_map(|line| line.findings.iter()))
        })
    }

    pub fn blocker_count(&self) -> usize {
        self.findings().filter(|finding| finding.is_blocker()).count()
    }

    /// The rules that produced at least one finding or step, in registry order.
    pub fn rules_fired(&self) -> Vec<RuleId> {
        let mut rules: Vec<RuleId> =
            self.customers.iter().flat_map(|customer| customer.rules_fired.iter().copied()).collect();
        crate::sorting::sort(&mut rules);
        rules.dedup();
        rules
    }
}

/// The plan of one customer tenant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerPlan {
    pub name: String,
    pub tenant_id: Option<String>,
    /// ISO code of the tenant country (a subscription's own country wins over the input's).
    pub tenant_country: Option<String>,
    pub market: Option<String>,
    pub lines: Vec<PlanLine>,
    /// Findings about the whole customer (region, caps, relationship, MCA, GDAP).
    pub findings: Vec<Finding>,
    pub checklist: Vec<ChecklistStep>,
    pub totals: Vec<ProductTotal>,
    /// Seats to move, moved, blocked and left out, each counted once.
    pub seats: SeatCounts,
    pub key_dates: KeyDates,
    /// Rules that produced a finding or a step for this customer, in registry order.
    pub rules_fired: Vec<RuleId>,
}

impl CustomerPlan {
    pub fn blocker_count(&self) -> usize {
        self.findings
            .iter()
            .chain(self.lines.iter().flat_map(|line| line.findings.iter()))
            .filter(|finding| finding.is_blocker())
            .count()
    }
}

/// The plan of one source subscription.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanLine {
    pub subscription_id: String,
    /// The product as the source file names it (shared by the lines naming it alike).
    pub product: Shared<str>,
    /// The catalog product the source resolved to, when it did.
    pub source_sku: Option<Shared<OfferRef>>,
    pub channel: Channel,
    pub status: SubscriptionStatus,
    pub path: MigrationPath,
    /// What the planner recommends, before the user's path override.
    pub recommended_path: MigrationPath,
    pub target: Option<Shared<TargetOffer>>,
    /// Ranked alternatives when the offer changes or is unknown (EQUIV-1).
    pub candidates: Shared<Vec<OfferCandidate>>,
    /// Seats to provision (the source total unless overridden).
    pub seats: u32,
    pub seats_source_total: u32,
    pub seats_assigned: Option<u32>,
    pub dates: LineDates,
    /// Days both the source and the CSP subscription are paid for.
    pub overlap_days: Option<u32>,
    /// Cost of the overlap, when the source gives a unit price.
    pub overlap_cost: Option<f64>,
    pub currency: Option<Shared<str>>,
    /// Licenses must be reassigned because the offer changes (REASSIGN-1).
    pub reassign_licenses: bool,
    /// Bought directly from Microsoft: may be credit-eligible (CRED-1, DIRECT-ACCOUNT).
    pub credit_eligible: bool,
    /// The billing account of a direct source (DIRECT-ACCOUNT); `unknown` otherwise.
    #[serde(default)]
    pub billing_account: crate::model::BillingAccount,
    /// Partner-to-partner transfer batch (1-based), for `partner_transfer` lines.
    pub transfer_batch: Option<u32>,
    /// For an add-on (Copilot, Teams Phone, ...): its kind and its base (ADDON-BASE).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_on: Option<AddOnOf>,
    /// Which of the user's overrides were applied.
    pub overrides_applied: Vec<OverrideField>,
    pub note: Option<String>,
    pub findings: LineFindings,
    pub source: LineSource,
}

/// The findings of one line, read as a slice. The lines of a customer keep theirs
/// in one shared vector, the one they were gathered in: a plan of 100,000 lines
/// would otherwise allocate (and free) 100,000 vectors, and copy every finding once
/// more. Serialized as a list, exactly as a vector.
#[derive(Clone)]
pub struct LineFindings {
    all: Shared<Vec<Finding>>,
    start: usize,
    end: usize,
}

impl LineFindings {
    /// The findings `range` of `all`.
    pub(crate) fn part(all: Shared<Vec<Finding>>, range: std::ops::Range<usize>) -> LineFindings {
        LineFindings { all, start: range.start, end: range.end }
    }
}

impl std::ops::Deref for LineFindings {
    type Target = [Finding];

    fn deref(&self) -> &[Finding] {
        self.all.get(self.start..self.end).unwrap_or_default()
    }
}

impl<'a> IntoIterator for &'a LineFindings {
    type Item = &'a Finding;
    type IntoIter = std::slice::Iter<'a, Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl From<Vec<Finding>> for LineFindings {
    fn from(findings: Vec<Finding>) -> Self {
        let end = findings.len();
        LineFindings { all: Shared::new(findings), start: 0, end }
    }
}

impl PartialEq for LineFindings {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for LineFindings {}

impl std::fmt::Debug for LineFindings {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for LineFindings {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for LineFindings {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Finding>::deserialize(deserializer).map(LineFindings::from)
    }
}

/// Where a line's subscription was read from (as [`crate::model::SourceRef`]), the
/// file name shared by the lines of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineSource {
    pub file: Shared<str>,
    /// 1-based line of the record in the file (for JSON, the line where the object starts).
    pub line: u32,
}

impl PlanLine {
    pub fn has_blocker(&self) -> bool {
        self.findings.iter().any(Finding::is_blocker)
    }

    pub fn is_migrated(&self) -> bool {
        matches!(
            self.path,
            MigrationPath::PartnerTransfer | MigrationPath::EaChannelTransfer | MigrationPath::Repurchase
        )
    }

    /// The product's name for people: the catalog's name when the file named the
    /// product only by its part number or SKU id (`ENTERPRISEPREMIUM` → `Office 365 E5`).
    pub fn product_name(&self) -> &str {
        let product = self.product.trim();
        match self.source_sku.as_deref() {
            Some(sku)
                if product.is_empty()
                    || product.eq_ignore_ascii_case(&sku.sku_part_number)
                    || product.eq_ignore_ascii_case(&sku.sku_id) =>
            {
                sku.name.trim()
            }
            _ => product,
        }
    }

    /// The subscription id as the file gave it; `None` for one the importer made
    /// up from the SKU and the row (`ENTERPRISEPREMIUM@cipp-license-report.csv:2`),
    /// which says nothing the product name and the source do not.
    pub fn given_id(&self) -> Option<&str> {
        let id = self.subscription_id.as_str();
        let base = id.split_once('#').map_or(id, |(base, _)| base);
        // `…@{file}:{line}`, read without building that text: checklists ask for
        // the ids of every line several times.
        let generated = base.rsplit_once(':').is_some_and(|(head, line)| {
            line.parse::<u32>().ok() == Some(self.source.line)
                && head.strip_suffix(&*self.source.file).is_some_and(|head| head.ends_with('@'))
        });
        (!generated && !id.trim().is_empty()).then_some(id)
    }
}

/// What an add-on line extends (ADDON-BASE).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddOnOf {
    pub kind: crate::model::AddOnKind,
    /// The subscription id of its base line, when the plan found one.
    pub base_subscription_id: Option<String>,
}

impl PlanLine {
    /// Whether this line is an add-on of another.
    pub fn is_add_on(&self) -> bool {
        self.add_on.is_some()
    }
}

/// Which override of [`crate::model::LineOverride`] was applied to a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OverrideField {
    TargetSku,
    Seats,
    PurchaseOn,
    Path,
    Excluded,
    /// The source facts the user gave ([`crate::model::SourceOverride`]).
    SourceTermEnd,
    SourceAutoRenew,
    SourceChannel,
    SourceTerm,
    SourceBilling,
}

/// A catalog product, as a plan refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferRef {
    pub sku_id: String,
    pub sku_part_number: String,
    pub name: String,
}

/// The offer to buy (or keep) in CSP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetOffer {
    pub sku_id: String,
    pub sku_part_number: String,
    pub name: String,
    /// A second license bought with the same seats (Teams Enterprise next to a
    /// "(no Teams)" suite, TEAMS-UNBUNDLE).
    pub add_on: Option<OfferRef>,
    /// Same SKU as the source (CONT-1).
    pub same_as_source: bool,
    /// Chosen by the user rather than the planner.
    pub chosen_by_user: bool,
}

/// An equivalent offer, ranked by the core workloads it shares with the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferCandidate {
    pub offer: OfferRef,
    pub add_on: Option<OfferRef>,
    pub shared_workloads: Vec<CoreWorkload>,
    pub missing_workloads: Vec<CoreWorkload>,
    /// Service plans of the source the candidate lacks: the data-loss risk.
    pub plans_lost: Vec<ServicePlan>,
    pub plans_gained: Vec<ServicePlan>,
}

/// The dates of one line; all `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LineDates {
    /// Source term end (inclusive), known or estimated.
    pub term_end: Option<NaiveDate>,
    pub term_end_estimated: bool,
    /// Last day to turn off the source's auto-renew or recurring billing.
    pub auto_renew_off_by: Option<NaiveDate>,
    /// The day a partner-to-partner transfer is initiated or an EA channel transfer scheduled.
    pub transfer_on: Option<NaiveDate>,
    /// For a partner-to-partner transfer: the last day to wait for the source
    /// partner's approval before buying instead (P2P-LAPSE).
    #[serde(default)]
    pub fallback_on: Option<NaiveDate>,
    /// Recommended (or chosen) CSP purchase date; for an EA channel transfer, the
    /// day the scheduled CSP subscription starts.
    pub purchase_on: Option<NaiveDate>,
    /// Last day the new subscription can be cancelled with a refund (NCE-CANCEL).
    pub cancel_window_ends: Option<NaiveDate>,
    /// The day users move to the CSP subscription: the day after the source term end.
    pub cutover_on: Option<NaiveDate>,
    /// Last day users keep access to the source after its term end (30 days for CSP
    /// and direct, EXPIRED-30; 90 days for EA, EA-GRACE).
    #[serde(default)]
    pub users_lose_access_after: Option<NaiveDate>,
    /// Last day the source's data is safe; at risk after it (CSP: the 30 expired days,
    /// EXPIRED-30; direct: until Disabled ends, DIRECT-REACTIVATE; EA: EA-GRACE).
    pub data_at_risk_after: Option<NaiveDate>,
}

/// Seats per product before and after the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductTotal {
    /// The SKU GUID, or the product name as the file gives it when unknown.
    pub key: String,
    pub name: String,
    pub seats_before: u64,
    pub seats_after: u64,
}

/// The customer's seats, each counted once: `to_move` = `moved` + `blocked`; the
/// seats left out are not part of the move (free, trial, non-seat, ended, left out
/// by the user); add-on seats bought next to a suite (Teams Enterprise beside a
/// "(no Teams)" suite) are counted apart, never as seats moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SeatCounts {
    /// Seats of the lines that move or are blocked, as planned (overrides applied).
    pub to_move: u64,
    /// Seats of the lines that move.
    pub moved: u64,
    /// Seats of the blocked lines: they move once their blockers are resolved.
    pub blocked: u64,
    /// Source seats of the lines that are not migrated.
    pub left_out: u64,
    /// Of `left_out`: free, viral and trial SKUs (FREE-TRIAL).
    pub left_out_free_or_trial: u64,
    /// Of `left_out`: subscriptions already ended (EXPIRED-30).
    pub left_out_ended: u64,
    /// Of `left_out`: left out by the user (MULTI-1).
    pub left_out_by_user: u64,
    /// Of `left_out`: products without seats (SEAT-BASED).
    pub left_out_not_seat_based: u64,
    /// Add-on licences bought with a new suite (TEAMS-UNBUNDLE), not counted in `moved`.
    pub add_on_seats: u64,
}

/// The customer's milestones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct KeyDates {
    pub relationship_request_on: Option<NaiveDate>,
    /// The day the relationship, the MCA and GDAP are expected to be in place.
    pub ready_on: Option<NaiveDate>,
    pub first_purchase_on: Option<NaiveDate>,
    pub last_purchase_on: Option<NaiveDate>,
    pub first_term_end: Option<NaiveDate>,
    #[serde(default)]
    pub earliest_users_lose_access_after: Option<NaiveDate>,
    pub earliest_data_at_risk_after: Option<NaiveDate>,
    pub last_cutover_on: Option<NaiveDate>,
    /// The fields above whose date comes from blocked lines only (`earliest_data_at_risk_after`, ...).
    #[serde(default)]
    pub from_blocked_lines: Vec<String>,
}

impl KeyDates {
    /// Whether the date of `field` (a field name of this struct) comes from blocked lines only.
    pub fn from_blocked(&self, field: &str) -> bool {
        self.from_blocked_lines.iter().any(|blocked| blocked == field)
    }
}

/// Makes the plan. Pure and deterministic: the same input and catalog always give
/// the same plan; no input makes it panic.
pub fn make_plan(input: &PlanInput, catalog: &Catalog) -> Plan {
    // The user's corrections of the sources are facts the plan starts from.
    let input = input.with_source_overrides();
    let input = &*input;
    let partner_country =
        input.partner.country.as_deref().map(normalise_country).filter(|code| !code.is_empty());
    let partner_market = partner_country.as_deref().and_then(crate::markets::market_of);
    let mut offer_cache = offer::OfferCache::default();
    let mut scratch = customer::CustomerScratch::new(input);
    let customers = customer::group_by_customer(input)
        .into_iter()
        .map(|group| {
            customer::plan_customer(
                input,
                catalog,
                &group,
                partner_country.as_deref(),
                partner_market,
                &mut offer_cache,
                &mut scratch,
            )
        })
        .collect();
    Plan {
        rules_as_of: RULES_AS_OF,
        as_of: input.settings.as_of,
        catalog: catalog.source_label().to_string(),
        partner_name: input.partner.name.clone(),
        partner_country,
        partner_market: partner_market.map(|market| market.id.to_string()),
        customers,
    }
}

/// An ISO code in upper case, or a country name turned into its code when known.
fn normalise_country(text: &str) -> String {
    if let Some(country) = crate::markets::country(text) {
        return country.code.to_string();
    }
    crate::markets::code_of(text).map(str::to_string).unwrap_or_else(|| text.trim().to_ascii_uppercase())
}

//! The normalised input of the planner: what every import format is turned into,
//! and what a draft stores. Plain serde types, no browser dependency.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Commitment term of a subscription, as Partner Center spells it (`termDuration`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum Term {
    P1M,
    P1Y,
    P3Y,
    #[default]
    #[serde(rename = "unknown")]
    Unknown,
}

impl Term {
    pub const ALL: [Term; 4] = [Term::P1M, Term::P1Y, Term::P3Y, Term::Unknown];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum BillingFrequency {
    Monthly,
    Annual,
    Triennial,
    #[default]
    Unknown,
}

impl BillingFrequency {
    pub const ALL: [BillingFrequency; 4] = [
        BillingFrequency::Monthly,
        BillingFrequency::Annual,
        BillingFrequency::Triennial,
        BillingFrequency::Unknown,
    ];
}

/// The billing account of a subscription bought directly from Microsoft: decides
/// whether it can be credited and how it ends (DIRECT-ACCOUNT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum BillingAccount {
    /// Microsoft Online Subscription Agreement: prorated credit whenever cancelled.
    Mosa,
    /// Microsoft Customer Agreement: credit only within 7 days of start or renewal.
    Mca,
    /// The file does not say: the plan asks.
    #[default]
    Unknown,
}

impl BillingAccount {
    pub const ALL: [BillingAccount; 3] = [BillingAccount::Mosa, BillingAccount::Mca, BillingAccount::Unknown];

    /// The id used in files, drafts and on the command line (`mosa`, `mca`, `unknown`).
    pub fn id(self) -> &'static str {
        match self {
            BillingAccount::Mosa => "mosa",
            BillingAccount::Mca => "mca",
            BillingAccount::Unknown => "unknown",
        }
    }

    pub fn from_id(id: &str) -> Option<BillingAccount> {
        BillingAccount::ALL.into_iter().find(|account| account.id().eq_ignore_ascii_case(id.trim()))
    }
}

/// Where the customer bought the subscription: decides which migration path exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// Bought in the Microsoft 365 admin center (MOSA or MCA billing account).
    Direct,
    /// Enterprise Agreement / volume licensing.
    Ea,
    /// Another CSP partner, on a new-commerce offer.
    CspNce,
    /// Another CSP partner, on a legacy CSP offer.
    CspLegacy,
    /// The export did not say; the planner asks rather than guess.
    #[default]
    Unknown,
}

impl Channel {
    pub const ALL: [Channel; 5] =
        [Channel::Direct, Channel::Ea, Channel::CspNce, Channel::CspLegacy, Channel::Unknown];

    /// The id used in files and on the command line (`direct`, `csp-nce`, ...).
    pub fn id(self) -> &'static str {
        match self {
            Channel::Direct => "direct",
            Channel::Ea => "ea",
            Channel::CspNce => "csp-nce",
            Channel::CspLegacy => "csp-legacy",
            Channel::Unknown => "unknown",
        }
    }

    pub fn from_id(id: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|channel| channel.id().eq_ignore_ascii_case(id.trim()))
    }
}

/// Lifecycle state of the source subscription, merged from Graph's `capabilityStatus`
/// / `status` and Partner Center's `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum SubscriptionStatus {
    Active,
    /// Graph `Warning`: in the grace period after the term ended.
    Warning,
    Suspended,
    Expired,
    Disabled,
    Deleted,
    LockedOut,
    Pending,
    #[default]
    Unknown,
}

impl SubscriptionStatus {
    pub const ALL: [SubscriptionStatus; 9] = [
        SubscriptionStatus::Active,
        SubscriptionStatus::Warning,
        SubscriptionStatus::Suspended,
        SubscriptionStatus::Expired,
        SubscriptionStatus::Disabled,
        SubscriptionStatus::Deleted,
        SubscriptionStatus::LockedOut,
        SubscriptionStatus::Pending,
        SubscriptionStatus::Unknown,
    ];
}

/// Where a subscription was read from, so every message can point back at it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct SourceRef {
    pub file: String,
    /// 1-based line of the record in the file (for JSON, the line where the object starts).
    pub line: u32,
}

/// One source subscription, normalised whatever file it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Subscription {
    /// Customer (tenant) name; empty means the plan's customer.
    pub customer: String,
    pub tenant_id: Option<String>,
    /// ISO 3166-1 alpha-2 code of the tenant country, when the file says.
    pub tenant_country: Option<String>,
    /// Non-empty and unique within a plan input: the importer makes one up
    /// (from the SKU and the source line) when the file has none.
    pub subscription_id: String,
    pub product: String,
    /// SKU GUID in lower case (Graph `skuId`, the reference table's `GUID`).
    pub sku_id: Option<String>,
    /// `skuPartNumber` / `String_Id`, e.g. `ENTERPRISEPACK`.
    pub sku_part_number: Option<String>,
    /// New-commerce or legacy offer id, when the file gives one.
    pub offer_id: Option<String>,
    pub seats_total: u32,
    pub seats_assigned: Option<u32>,
    pub status: SubscriptionStatus,
    pub term: Term,
    pub billing: BillingFrequency,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
    /// The term end was inferred (e.g. from Graph's `nextLifecycleDateTime`), not read.
    pub term_end_estimated: bool,
    pub auto_renew: Option<bool>,
    pub trial: bool,
    pub channel: Channel,
    /// For a direct subscription, its billing account type (DIRECT-ACCOUNT).
    pub billing_account: BillingAccount,
    /// The partner tenant that sold the subscription, when a partner did (Graph `ownerTenantId`).
    pub owner_tenant_id: Option<String>,
    pub unit_price: Option<f64>,
    pub currency: Option<String>,
    pub source: SourceRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum BillingModel {
    /// Direct-bill partner: buys from Microsoft and attests the MCA itself.
    #[default]
    DirectBill,
    /// Indirect reseller: buys through an indirect provider, who attests the MCA.
    IndirectReseller,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum RelationshipStatus {
    #[default]
    None,
    Requested,
    Accepted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum GdapStatus {
    #[default]
    None,
    Requested,
    Active,
}

/// The least-privileged GDAP roles the plan cares about (GDAP-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GdapRole {
    /// Opens Microsoft 365 support tickets, e.g. about a credit.
    ServiceSupportAdministrator,
    /// Assigns licenses when the offer changes.
    LicenseAdministrator,
}

impl GdapRole {
    pub const ALL: [GdapRole; 2] = [GdapRole::ServiceSupportAdministrator, GdapRole::LicenseAdministrator];

    fn bit(self) -> u8 {
        match self {
            GdapRole::ServiceSupportAdministrator => 1,
            GdapRole::LicenseAdministrator => 2,
        }
    }
}

/// A set of GDAP roles, as a step asks for them; written as the list of its roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct GdapRoles(u8);

impl GdapRoles {
    pub fn with(self, role: GdapRole) -> GdapRoles {
        GdapRoles(self.0 | role.bit())
    }

    pub fn contains(self, role: GdapRole) -> bool {
        self.0 & role.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The roles in the set, in `GdapRole::ALL` order.
    pub fn iter(self) -> impl Iterator<Item = GdapRole> {
        GdapRole::ALL.into_iter().filter(move |role| self.contains(*role))
    }
}

impl FromIterator<GdapRole> for GdapRoles {
    fn from_iter<I: IntoIterator<Item = GdapRole>>(roles: I) -> GdapRoles {
        roles.into_iter().fold(GdapRoles::default(), GdapRoles::with)
    }
}

impl Serialize for GdapRoles {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for GdapRoles {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<GdapRole>::deserialize(deserializer)?.into_iter().collect())
    }
}

/// Who must act on a step or a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    /// The partner making the plan.
    Partner,
    /// The customer, in its tenant.
    Customer,
    /// The CSP partner the customer buys the source subscription from today.
    CurrentPartner,
}

impl Actor {
    pub const ALL: [Actor; 3] = [Actor::Partner, Actor::Customer, Actor::CurrentPartner];
}

/// Where an offer stopped being sold: Microsoft retired the Teams suites in the
/// EEA and Switzerland first, then worldwide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SalesArea {
    EeaAndSwitzerland,
    Worldwide,
}

impl SalesArea {
    pub const ALL: [SalesArea; 2] = [SalesArea::EeaAndSwitzerland, SalesArea::Worldwide];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CustomerProfile {
    pub name: String,
    pub tenant_id: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct PartnerProfile {
    pub name: String,
    /// ISO 3166-1 alpha-2 of the partner's location, which sets its CSP market.
    pub country: Option<String>,
    pub billing_model: BillingModel,
    pub relationship: RelationshipStatus,
    pub mca_accepted: bool,
    pub gdap: GdapStatus,
    pub gdap_roles: Vec<GdapRole>,
    /// The partner's own sell prices, remembered with the profile (see [`SellPrice`]).
    pub sell_prices: Vec<SellPrice>,
    /// Who the customer talks to at the partner, as the letter names them.
    pub contact: PartnerContact,
    /// Who signs the customer letter.
    pub signatory: Signatory,
    /// The partner's logo at the top of the letter: a `data:image/...;base64,` URL
    /// checked by [`crate::export::logo`], shown only as an image.
    pub logo: Option<String>,
}

/// The partner's contact for the customer: every part optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct PartnerContact {
    pub name: String,
    pub email: String,
    pub phone: String,
}

/// The person who signs the customer letter, with their role ("Account manager").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Signatory {
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanSettings {
    /// The day the plan is made for ("today" unless the user says otherwise).
    pub as_of: NaiveDate,
    /// Days the customer is given to accept the reseller relationship and the MCA.
    pub acceptance_days: u32,
    /// Days between the planned purchase and the source term end, so the new
    /// subscription's 7-day cancellation window covers the cut-over.
    pub purchase_lead_days: u32,
    /// The billing choice of every CSP line the user has not set one for.
    pub billing_default: BillingChoice,
}

impl Default for PlanSettings {
    fn default() -> Self {
        PlanSettings {
            // A fixed, valid date: callers always set `as_of`; this only keeps Default total.
            as_of: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            acceptance_days: 7,
            purchase_lead_days: 3,
            billing_default: BillingChoice::default(),
        }
    }
}

/// What the planner would recommend, as the migration path of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MigrationPath {
    PartnerTransfer,
    EaChannelTransfer,
    Repurchase,
    Blocked,
    NotMigrated,
}

impl MigrationPath {
    pub const ALL: [MigrationPath; 5] = [
        MigrationPath::PartnerTransfer,
        MigrationPath::EaChannelTransfer,
        MigrationPath::Repurchase,
        MigrationPath::Blocked,
        MigrationPath::NotMigrated,
    ];

    pub fn id(self) -> &'static str {
        match self {
            MigrationPath::PartnerTransfer => "partner_transfer",
            MigrationPath::EaChannelTransfer => "ea_channel_transfer",
            MigrationPath::Repurchase => "repurchase",
            MigrationPath::Blocked => "blocked",
            MigrationPath::NotMigrated => "not_migrated",
        }
    }
}

/// The user's decisions on one line, which win over the planner's recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct LineOverride {
    pub target_sku_id: Option<String>,
    pub seats: Option<u32>,
    pub purchase_on: Option<NaiveDate>,
    pub path: Option<MigrationPath>,
    pub excluded: bool,
    pub note: Option<String>,
    /// The CSP billing choice of this line, instead of the plan's default.
    pub billing: Option<BillingChoice>,
    /// The user's answer to each licence optimisation suggested for this line.
    pub optimisations: BTreeMap<Optimisation, Decision>,
}

impl LineOverride {
    pub fn is_empty(&self) -> bool {
        *self == LineOverride::default()
    }
}

/// Everything the planner needs; a draft stores exactly this (plus the import report).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct PlanInput {
    pub customer: CustomerProfile,
    pub partner: PartnerProfile,
    pub settings: PlanSettings,
    pub subscriptions: Vec<Subscription>,
    /// Keyed by `Subscription::subscription_id`.
    pub overrides: BTreeMap<String, LineOverride>,
    /// The rows of new-commerce price lists that are about the imported products
    /// (a whole list has hundreds of thousands of rows: only these are kept).
    pub list_prices: Vec<ListPrice>,
}

/// How a CSP subscription is committed and billed; the price depends on it
/// (PRICE-BILLING, TERM-3Y).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum BillingChoice {
    /// One-month term, billed monthly: 20% more than an annual term.
    MonthlyTerm,
    /// One-year term billed monthly: 5% more than paid upfront (from 2025-04-01).
    #[default]
    AnnualMonthly,
    /// One-year term paid upfront.
    AnnualUpfront,
    /// Three-year term billed monthly, for the offers that have one.
    TriennialMonthly,
    /// Three-year term paid upfront, for the offers that have one.
    TriennialUpfront,
}

impl BillingChoice {
    pub const ALL: [BillingChoice; 5] = [
        BillingChoice::MonthlyTerm,
        BillingChoice::AnnualMonthly,
        BillingChoice::AnnualUpfront,
        BillingChoice::TriennialMonthly,
        BillingChoice::TriennialUpfront,
    ];

    /// The id used in files and on the command line (`annual-monthly`, ...).
    pub fn id(self) -> &'static str {
        match self {
            BillingChoice::MonthlyTerm => "monthly-term",
            BillingChoice::AnnualMonthly => "annual-monthly",
            BillingChoice::AnnualUpfront => "annual-upfront",
            BillingChoice::TriennialMonthly => "triennial-monthly",
            BillingChoice::TriennialUpfront => "triennial-upfront",
        }
    }

    pub fn from_id(id: &str) -> Option<BillingChoice> {
        BillingChoice::ALL.into_iter().find(|choice| choice.id().eq_ignore_ascii_case(id.trim()))
    }

    /// The term and billing plan as Partner Center and its price lists write them.
    pub fn term_and_billing(self) -> (Term, BillingFrequency) {
        match self {
            BillingChoice::MonthlyTerm => (Term::P1M, BillingFrequency::Monthly),
            BillingChoice::AnnualMonthly => (Term::P1Y, BillingFrequency::Monthly),
            BillingChoice::AnnualUpfront => (Term::P1Y, BillingFrequency::Annual),
            BillingChoice::TriennialMonthly => (Term::P3Y, BillingFrequency::Monthly),
            BillingChoice::TriennialUpfront => (Term::P3Y, BillingFrequency::Triennial),
        }
    }

    /// The choice of a term and billing plan, when they make one.
    pub fn of(term: Term, billing: BillingFrequency) -> Option<BillingChoice> {
        BillingChoice::ALL.into_iter().find(|choice| choice.term_and_billing() == (term, billing))
    }

    pub fn is_triennial(self) -> bool {
        matches!(self, BillingChoice::TriennialMonthly | BillingChoice::TriennialUpfront)
    }
}

/// A price the partner sells a SKU at, per seat and per month, for one billing choice.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SellPrice {
    /// SKU GUID in lower case.
    pub sku_id: String,
    pub billing: BillingChoice,
    /// ISO 4217 code in upper case.
    pub currency: String,
    /// Per seat and per month, in hundredths of the currency (cents).
    pub monthly_cents: i64,
}

/// One row of a new-commerce price list: what the partner pays Microsoft
/// (`UnitPrice`) and Microsoft's estimated retail price (`ERP Price`), per seat
/// and per billing period of its term and billing plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ListPrice {
    /// `ProductId:SkuId`, e.g. `CFQ7TTC0LH18:0001`.
    pub offer_prefix: String,
    pub title: String,
    pub term: Term,
    pub billing: BillingFrequency,
    pub market: Option<String>,
    pub currency: String,
    pub unit_price: f64,
    pub erp_price: Option<f64>,
    pub source: SourceRef,
}

/// A licence optimisation the planner may suggest for a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Optimisation {
    /// Buy the assigned seats rather than the total (NCE-SEATS).
    UnassignedSeats,
    /// A standalone product whose service plans a suite of the tenant already gives.
    RedundantStandalone,
    /// A cheaper suite gives every service plan in use.
    CheaperSuite,
}

/// The user's answer to a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Accepted,
    Refused,
}

impl PlanInput {
    /// Sets the billing account type of the direct subscription `subscription_id`,
    /// or of every direct subscription when `None` (DIRECT-ACCOUNT); other channels
    /// have no such account and are left alone.
    pub fn set_billing_account(&mut self, subscription_id: Option<&str>, account: BillingAccount) {
        let direct =
            self.subscriptions.iter_mut().filter(|subscription| subscription.channel == Channel::Direct);
        for subscription in direct {
            if subscription_id.is_none_or(|id| id == subscription.subscription_id) {
                subscription.billing_account = account;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_billing_account_is_set_per_direct_subscription_or_for_all() {
        let subscription = |id: &str, channel| Subscription {
            subscription_id: id.into(),
            channel,
            ..Subscription::default()
        };
        let mut input = PlanInput {
            subscriptions: vec![
                subscription("A", Channel::Direct),
                subscription("B", Channel::Direct),
                subscription("C", Channel::Ea),
            ],
            ..PlanInput::default()
        };
        input.set_billing_account(Some("B"), BillingAccount::Mca);
        let accounts =
            |input: &PlanInput| input.subscriptions.iter().map(|s| s.billing_account).collect::<Vec<_>>();
        assert_eq!(accounts(&input), [BillingAccount::Unknown, BillingAccount::Mca, BillingAccount::Unknown]);
        input.set_billing_account(None, BillingAccount::Mosa);
        assert_eq!(accounts(&input), [BillingAccount::Mosa, BillingAccount::Mosa, BillingAccount::Unknown]);
    }
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum BillingFrequency {
    Monthly,
    Annual,
    Triennial,
    #[default]
    Unknown,
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
}

impl Default for PlanSettings {
    fn default() -> Self {
        PlanSettings {
            // A fixed, valid date: callers always set `as_of`; this only keeps Default total.
            as_of: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            acceptance_days: 7,
            purchase_lead_days: 3,
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

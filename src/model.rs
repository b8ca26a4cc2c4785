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

/// A source the planner names itself, rather than a file the user dropped: the
/// demo's customer file and price list, and each pasted table. Drafts and files
/// hold its id (the English name, as drafts always did); every reader sees it
/// in their own language through [`crate::i18n::labels::source_label`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NamedSource {
    DemoCustomer,
    DemoPriceList,
    /// The n-th table pasted into the import step (1-based).
    PastedTable(u32),
}

impl NamedSource {
    const DEMO_CUSTOMER: &'static str = "demo: Contoso Rénovation SAS";
    const DEMO_PRICE_LIST: &'static str = "demo: sample price list (EUR, FR)";
    const PASTED_TABLE: &'static str = "Pasted table ";
    /// How a French session named a pasted table before the name had an id.
    const PASTED_TABLE_FR: &'static str = "Tableau collé ";

    /// The id a draft holds as the source's file name.
    pub fn id(self) -> String {
        match self {
            NamedSource::DemoCustomer => NamedSource::DEMO_CUSTOMER.to_string(),
            NamedSource::DemoPriceList => NamedSource::DEMO_PRICE_LIST.to_string(),
            NamedSource::PastedTable(number) => format!("{}{number}", NamedSource::PASTED_TABLE),
        }
    }

    /// The pasted table after those `taken` names (in a draft of any age) already number.
    pub fn next_pasted_table<'a>(taken: impl IntoIterator<Item = &'a str>) -> NamedSource {
        let taken: Vec<Option<NamedSource>> = taken.into_iter().map(NamedSource::of_file).collect();
        (1..=u32::MAX)
            .map(NamedSource::PastedTable)
            .find(|candidate| !taken.contains(&Some(*candidate)))
            .unwrap_or(NamedSource::PastedTable(u32::MAX))
    }

    /// The named source a file name is, in a draft of any age; `None` for a user's file.
    pub fn of_file(file: &str) -> Option<NamedSource> {
        match file {
            NamedSource::DEMO_CUSTOMER => Some(NamedSource::DemoCustomer),
            NamedSource::DEMO_PRICE_LIST => Some(NamedSource::DemoPriceList),
            _ => [NamedSource::PASTED_TABLE, NamedSource::PASTED_TABLE_FR]
                .iter()
                .find_map(|stem| file.strip_prefix(stem))
                .filter(|number| !number.starts_with('0'))
                .and_then(|number| number.parse().ok())
                .map(NamedSource::PastedTable),
        }
    }
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
    /// The file says this subscription is an add-on of another (the NCE bulk tool's
    /// `AddOn`); add-ons the catalog knows are recognised without it (ADDON-BASE).
    /// Left out of drafts and exports when false, as most subscriptions are.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub add_on: bool,
    /// The subscription this add-on extends, when the file says (`BaseSubscriptionId`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_subscription_id: Option<String>,
    /// The service plans of the SKU and whether the tenant has each on, when the
    /// file says (Graph `servicePlans`). Older drafts have none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_plans: Vec<ServicePlanUse>,
    pub source: SourceRef,
}

/// A licence that extends a base licence of the same users, and so needs one
/// (ADDON-BASE). Each kind says which base qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AddOnKind {
    /// Microsoft 365 Copilot: a Microsoft 365 or Office 365 suite, or an Exchange,
    /// SharePoint or Teams plan.
    Copilot,
    /// Microsoft 365 Copilot Business: a Business plan (Basic, Standard, Premium).
    CopilotBusiness,
    /// Teams Phone, Audio Conferencing, Teams Premium: a licence that includes Teams.
    Teams,
    /// Defender for Office 365, Exchange Online Archiving, the Purview (compliance)
    /// add-ons: a licence that includes Exchange Online.
    Exchange,
    /// Microsoft 365 E5 Security: a licence that includes Entra ID P1.
    Security,
    /// Defender add-ons (vulnerability management, app governance): the Defender
    /// product they extend.
    Defender,
    /// Extra file storage: a licence that includes SharePoint Online.
    Storage,
    /// Marked as an add-on by the file, of a kind the planner does not know: any
    /// Microsoft 365 suite or plan.
    Other,
}

impl AddOnKind {
    pub const ALL: [AddOnKind; 8] = [
        AddOnKind::Copilot,
        AddOnKind::CopilotBusiness,
        AddOnKind::Teams,
        AddOnKind::Exchange,
        AddOnKind::Security,
        AddOnKind::Defender,
        AddOnKind::Storage,
        AddOnKind::Other,
    ];
}

/// One service plan of a subscription's SKU, as Graph's `subscribedSkus` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ServicePlanUse {
    /// `servicePlanId`, a GUID in lower case.
    pub id: String,
    /// `servicePlanName`, e.g. `EXCHANGE_S_ENTERPRISE`.
    pub name: String,
    /// `provisioningStatus` as written: `Success`, `Disabled`, `PendingInput`, ...
    pub status: String,
}

impl ServicePlanUse {
    /// Whether the tenant uses the plan: every status but `Disabled` counts, so a
    /// plan being provisioned (or in error) is never offered away.
    pub fn in_use(&self) -> bool {
        !self.status.trim().eq_ignore_ascii_case("disabled")
    }
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
    /// What the user says of the source subscription where the file is silent or wrong.
    #[serde(skip_serializing_if = "SourceOverride::is_empty")]
    pub source: SourceOverride,
}

impl LineOverride {
    pub fn is_empty(&self) -> bool {
        *self == LineOverride::default()
    }
}

/// The facts of a source subscription the user gives, each winning over the file's:
/// Graph and CIPP exports often lack the term end, the channel or the term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SourceOverride {
    /// The source's term end (inclusive).
    pub term_end: Option<NaiveDate>,
    pub auto_renew: Option<bool>,
    pub channel: Option<Channel>,
    pub term: Option<Term>,
    pub billing: Option<BillingFrequency>,
}

impl SourceOverride {
    pub fn is_empty(&self) -> bool {
        *self == SourceOverride::default()
    }

    /// The subscription as the user says it is: a term end given by the user is
    /// not an estimate.
    pub fn apply(&self, subscription: &mut Subscription) {
        if let Some(term_end) = self.term_end {
            subscription.term_end = Some(term_end);
            subscription.term_end_estimated = false;
        }
        if let Some(auto_renew) = self.auto_renew {
            subscription.auto_renew = Some(auto_renew);
        }
        if let Some(channel) = self.channel {
            subscription.channel = channel;
        }
        if let Some(term) = self.term {
            subscription.term = term;
        }
        if let Some(billing) = self.billing {
            subscription.billing = billing;
        }
    }
}

// Where each fact of a source subscription the planner relies on comes from: the
// file, an estimate made from the file's dates, or the user ([`SourceOverride`]),
// so the interface can say which.
/// Where a fact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactOrigin {
    /// Read from the imported file.
    File,
    /// Inferred from the file's other dates (Graph's `nextLifecycleDateTime`).
    Estimated,
    /// Given by the user.
    User,
    /// Neither the file nor the user says.
    Missing,
}

impl FactOrigin {
    pub const ALL: [FactOrigin; 4] =
        [FactOrigin::File, FactOrigin::Estimated, FactOrigin::User, FactOrigin::Missing];

    /// The id used in the interface's class names and test ids.
    pub fn id(self) -> &'static str {
        match self {
            FactOrigin::File => "file",
            FactOrigin::Estimated => "estimated",
            FactOrigin::User => "user",
            FactOrigin::Missing => "missing",
        }
    }
}

/// One fact and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact<T> {
    pub value: Option<T>,
    pub origin: FactOrigin,
}

impl<T> Fact<T> {
    fn of(user: Option<T>, file: Option<T>, estimated: bool) -> Fact<T> {
        match (user, file) {
            (Some(value), _) => Fact { value: Some(value), origin: FactOrigin::User },
            (None, Some(value)) if estimated => Fact { value: Some(value), origin: FactOrigin::Estimated },
            (None, Some(value)) => Fact { value: Some(value), origin: FactOrigin::File },
            (None, None) => Fact { value: None, origin: FactOrigin::Missing },
        }
    }
}

/// The facts of a source subscription the user can give where the file lacks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceFacts {
    pub term_end: Fact<NaiveDate>,
    pub auto_renew: Fact<bool>,
    pub channel: Fact<Channel>,
    pub term: Fact<Term>,
    pub billing: Fact<BillingFrequency>,
}

impl Subscription {
    /// The facts of this subscription, as imported (not yet corrected), once `source` is applied.
    pub fn facts(&self, source: &SourceOverride) -> SourceFacts {
        source_facts(self, source)
    }
}

fn source_facts(subscription: &Subscription, source: &SourceOverride) -> SourceFacts {
    let known = |known: bool| known.then_some(());
    SourceFacts {
        term_end: Fact::of(source.term_end, subscription.term_end, subscription.term_end_estimated),
        auto_renew: Fact::of(source.auto_renew, subscription.auto_renew, false),
        channel: Fact::of(
            source.channel,
            known(subscription.channel != Channel::Unknown).map(|()| subscription.channel),
            false,
        ),
        term: Fact::of(
            source.term,
            known(subscription.term != Term::Unknown).map(|()| subscription.term),
            false,
        ),
        billing: Fact::of(
            source.billing,
            known(subscription.billing != BillingFrequency::Unknown).map(|()| subscription.billing),
            false,
        ),
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
    /// The input with every subscription as the user corrected it ([`SourceOverride`]):
    /// borrowed as it is when no line corrects its source.
    pub fn with_source_overrides(&self) -> std::borrow::Cow<'_, PlanInput> {
        if self.overrides.values().all(|line_override| line_override.source.is_empty()) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut input = self.clone();
        for subscription in &mut input.subscriptions {
            if let Some(line_override) = self.overrides.get(&subscription.subscription_id) {
                line_override.source.apply(subscription);
            }
        }
        std::borrow::Cow::Owned(input)
    }

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

    #[test]
    fn each_fact_says_whether_it_comes_from_the_file_an_estimate_or_the_user() {
        let date = |day| NaiveDate::from_ymd_opt(2027, 7, day).unwrap_or_default();
        let subscription = Subscription {
            term_end: Some(date(31)),
            term_end_estimated: true,
            term: Term::P1Y,
            ..Subscription::default()
        };
        let from_file = source_facts(&subscription, &SourceOverride::default());
        assert_eq!(from_file.term_end, Fact { value: Some(date(31)), origin: FactOrigin::Estimated });
        assert_eq!(from_file.term, Fact { value: Some(Term::P1Y), origin: FactOrigin::File });
        assert_eq!(from_file.channel, Fact { value: None, origin: FactOrigin::Missing });
        assert_eq!(from_file.auto_renew.origin, FactOrigin::Missing);
        let given = SourceOverride {
            term_end: Some(date(1)),
            channel: Some(Channel::Direct),
            auto_renew: Some(false),
            ..SourceOverride::default()
        };
        let corrected = source_facts(&subscription, &given);
        assert_eq!(corrected.term_end, Fact { value: Some(date(1)), origin: FactOrigin::User });
        assert_eq!(corrected.channel, Fact { value: Some(Channel::Direct), origin: FactOrigin::User });
        assert_eq!(corrected.auto_renew, Fact { value: Some(false), origin: FactOrigin::User });
        assert_eq!(corrected.billing.origin, FactOrigin::Missing);
    }
}

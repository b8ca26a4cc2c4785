//! Add-ons and their bases (ADDON-BASE): which lines are add-ons, which line of
//! the same customer is each one's base, and what that means for the plan. An
//! add-on (Copilot, Teams Phone, Audio Conferencing, a Defender or Purview
//! add-on, extra storage) licenses users who hold a base licence: the base is
//! bought first, moves with its add-ons, and an add-on without a base in the plan
//! cannot be bought.

use std::sync::Arc;

use chrono::NaiveDate;

use super::PlanLine;
use crate::catalog::{CoreWorkload, Product};
use crate::model::{AddOnKind, MigrationPath, Subscription};

/// Part numbers (`String_Id`, upper case) of the add-ons in Microsoft's licensing
/// table, by prefix, with their kind. Government and education variants share
/// their commercial prefix.
const ADD_ON_PART_NUMBERS: &[(&str, AddOnKind)] = &[
    ("MICROSOFT_365_COPILOT", AddOnKind::Copilot),
    ("M365_COPILOT", AddOnKind::Copilot),
    ("MCOEV", AddOnKind::Teams),
    ("MCOMEETADV", AddOnKind::Teams),
    ("MICROSOFT_TEAMS_AUDIO_CONFERENCING", AddOnKind::Teams),
    ("MICROSOFT_TEAMS_PREMIUM", AddOnKind::Teams),
    ("TEAMS_PREMIUM", AddOnKind::Teams),
    ("ATP_ENTERPRISE", AddOnKind::Exchange),
    ("THREAT_INTELLIGENCE", AddOnKind::Exchange),
    ("EXCHANGEARCHIVE_ADDON", AddOnKind::Exchange),
    ("INFORMATION_PROTECTION_COMPLIANCE", AddOnKind::Exchange),
    ("EQUIVIO_ANALYTICS", AddOnKind::Exchange),
    ("SPE_F5_COMP", AddOnKind::Exchange),
    ("SPE_F5_SECCOMP", AddOnKind::Exchange),
    ("CMPA_ADDON", AddOnKind::Exchange),
    ("IDENTITY_THREAT_PROTECTION", AddOnKind::Security),
    ("TVM_PREMIUM_ADD_ON", AddOnKind::Defender),
    ("MICROSOFT_CLOUD_APP_SECURITY_APP_GOVERNANCE_ADD_ON", AddOnKind::Defender),
    ("SHAREPOINTSTORAGE", AddOnKind::Storage),
    ("STREAM_STORAGE", AddOnKind::Storage),
];

/// Name fragments (lower case) of add-ons a file names without a SKU the catalog
/// knows, most specific first ("Copilot Business" before "Copilot").
const ADD_ON_NAMES: &[(&str, AddOnKind)] = &[
    ("copilot business", AddOnKind::CopilotBusiness),
    ("microsoft 365 copilot", AddOnKind::Copilot),
    ("copilot for microsoft 365", AddOnKind::Copilot),
    ("teams phone", AddOnKind::Teams),
    ("audio conferencing", AddOnKind::Teams),
    ("teams premium", AddOnKind::Teams),
    ("defender for office 365", AddOnKind::Exchange),
    ("exchange online archiving", AddOnKind::Exchange),
    ("e5 compliance", AddOnKind::Exchange),
    ("e5 security", AddOnKind::Security),
    ("extra file storage", AddOnKind::Storage),
];

/// What kind of add-on a catalog product is, if it is one.
pub(super) fn product_kind(product: &Product) -> Option<AddOnKind> {
    if product.name.to_lowercase().contains("copilot business") {
        return Some(AddOnKind::CopilotBusiness);
    }
    let part_number = product.sku_part_number.to_ascii_uppercase();
    ADD_ON_PART_NUMBERS.iter().find(|(prefix, _)| part_number.starts_with(prefix)).map(|(_, kind)| *kind)
}

/// What kind of add-on a product the catalog does not know is, by its name.
pub(super) fn name_kind(name: &str) -> Option<AddOnKind> {
    let name = name.to_lowercase();
    // "Microsoft 365 E5 without Audio Conferencing" is a suite, not an add-on.
    if name.contains("without") || name.contains("sans ") {
        return None;
    }
    ADD_ON_NAMES.iter().find(|(fragment, _)| name.contains(fragment)).map(|(_, kind)| *kind)
}

/// What kind of add-on a subscription is, if it is one: by its catalog product
/// (`product_kind`, `None` when it resolved to none), else by its name, else by
/// the file's own `AddOn` mark.
pub(super) fn kind_of(
    subscription: &Subscription,
    product_kind: Option<Option<AddOnKind>>,
) -> Option<AddOnKind> {
    match product_kind {
        Some(kind) => kind,
        None => name_kind(&subscription.product),
    }
    .or(subscription.add_on.then_some(AddOnKind::Other))
}

/// Whether a (non add-on) product is a base the add-on kind can extend;
/// `business_family` says whether it is a Business plan.
pub(super) fn qualifies_as_base(kind: AddOnKind, base: &Product, business_family: bool) -> bool {
    let any = |workloads: &[CoreWorkload]| workloads.iter().any(|workload| base.has_workload(*workload));
    match kind {
        AddOnKind::Copilot => any(&[
            CoreWorkload::Exchange,
            CoreWorkload::SharePoint,
            CoreWorkload::OfficeApps,
            CoreWorkload::Teams,
        ]),
        AddOnKind::CopilotBusiness => business_family,
        AddOnKind::Teams => any(&[CoreWorkload::Teams]),
        AddOnKind::Exchange => any(&[CoreWorkload::Exchange]),
        AddOnKind::Security => any(&[CoreWorkload::Entra]),
        AddOnKind::Defender => any(&[CoreWorkload::Defender]),
        AddOnKind::Storage => any(&[CoreWorkload::SharePoint]),
        AddOnKind::Other => any(&[
            CoreWorkload::Exchange,
            CoreWorkload::SharePoint,
            CoreWorkload::OfficeApps,
            CoreWorkload::Teams,
            CoreWorkload::Entra,
        ]),
    }
}

/// The base of an add-on line, as the add-on's planning needs it.
#[derive(Debug, Clone)]
pub(super) enum BaseOfAddOn {
    /// The base line, planned before its add-ons.
    Found(PlannedBase),
    /// The file names a base subscription id that no line of this customer has.
    NotInFile(Arc<str>),
    /// No line of this customer qualifies as the base.
    Missing,
    /// The file names as the base the add-on itself, or an add-on that names it in turn.
    Circular(Arc<str>),
}

/// What an add-on line needs to know of its planned base.
#[derive(Debug, Clone)]
pub(super) struct PlannedBase {
    pub subscription_id: Arc<str>,
    pub name: Arc<str>,
    pub path: MigrationPath,
    /// The day the base is in CSP: bought, or its transfer initiated.
    pub in_csp_from: Option<NaiveDate>,
    pub seats: u32,
}

impl PlannedBase {
    pub(super) fn of(line: &PlanLine) -> PlannedBase {
        let name = line
            .source_sku
            .as_ref()
            .map_or_else(|| line.product.to_arc(), |sku| Arc::from(sku.name.as_str()));
        PlannedBase {
            subscription_id: Arc::from(line.subscription_id.as_str()),
            name,
            path: line.path,
            in_csp_from: match line.path {
                MigrationPath::PartnerTransfer => line.dates.transfer_on,
                _ => line.dates.purchase_on.or(line.dates.transfer_on),
            },
            seats: line.seats,
        }
    }
}

/// The base the file names for a subscription, if it names one.
pub(super) fn named_base(subscription: &Subscription) -> Option<&str> {
    subscription.base_subscription_id.as_deref().map(str::trim).filter(|id| !id.is_empty())
}

/// Whether a subscription id is the one `wanted` names.
pub(super) fn is_named(subscription_id: &str, wanted: &str) -> bool {
    subscription_id.trim().eq_ignore_ascii_case(wanted)
}

/// Which planned line is the base: the one the file names, else the best line
/// that qualifies (moving before blocked before left out, then the most seats,
/// then the first). `qualifies` says whether a line's product can be the base;
/// `unplanned` whether a subscription id is an add-on not planned yet, which can
/// only be when add-ons name each other in a circle.
pub(super) fn find_base(
    subscription: &Subscription,
    planned: &[Option<PlanLine>],
    qualifies: impl Fn(usize) -> bool,
    unplanned: impl Fn(&str) -> bool,
) -> BaseOfAddOn {
    if let Some(wanted) = named_base(subscription) {
        if is_named(&subscription.subscription_id, wanted) || unplanned(wanted) {
            return BaseOfAddOn::Circular(Arc::from(wanted));
        }
        return match planned.iter().flatten().find(|line| is_named(&line.subscription_id, wanted)) {
            Some(line) => BaseOfAddOn::Found(PlannedBase::of(line)),
            None => BaseOfAddOn::NotInFile(Arc::from(wanted)),
        };
    }
    let rank = |line: &PlanLine| match line.path {
        _ if line.is_migrated() => 0,
        MigrationPath::Blocked => 1,
        _ => 2,
    };
    planned
        .iter()
        .enumerate()
        .filter_map(|(index, line)| line.as_ref().filter(|_| qualifies(index)))
        .min_by_key(|line| (rank(line), std::cmp::Reverse(line.seats)))
        .map_or(BaseOfAddOn::Missing, |line| BaseOfAddOn::Found(PlannedBase::of(line)))
}

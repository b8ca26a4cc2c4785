//! Partner Center's "Export subscriptions" CSV (Subscription ID, Subscription,
//! Quantity, Status, Reseller), with the optional columns later exports add.

use super::TableSpec;
use crate::import::format_id::FormatId;
use crate::import::mapping::Field;
use crate::import::rows::no_finishing;

pub(crate) const SPEC: TableSpec = TableSpec {
    format: FormatId::PartnerCenterCsv,
    signature: &["subscriptionid", "subscription", "quantity", "status"],
    columns: &[
        ("subscriptionid", Field::SubscriptionId),
        ("subscription", Field::Product),
        ("offername", Field::Product),
        ("quantity", Field::SeatsTotal),
        ("status", Field::Status),
        ("customername", Field::Customer),
        ("customer", Field::Customer),
        ("customertenantid", Field::TenantId),
        ("offerid", Field::OfferId),
        ("term", Field::Term),
        ("termduration", Field::Term),
        ("billingfrequency", Field::Billing),
        ("billingcycle", Field::Billing),
        ("autorenew", Field::AutoRenew),
        ("autorenewenabled", Field::AutoRenew),
        ("effectivestartdate", Field::TermStart),
        ("startdate", Field::TermStart),
        ("commitmentenddate", Field::TermEnd),
        ("enddate", Field::TermEnd),
        ("renewaldate", Field::TermEnd),
    ],
    extras: &[],
    // The channel comes from the offer id (new-commerce pattern or legacy GUID) when there is one.
    finish: no_finishing,
};

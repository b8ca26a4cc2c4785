//! The planner's own template CSV, offered for download in the app, with the
//! model's field names as columns.

use super::TableSpec;
use crate::import::format_id::FormatId;
use crate::import::mapping::Field;
use crate::import::rows::no_finishing;

/// The template's columns, in order.
pub const TEMPLATE_COLUMNS: [&str; 18] = [
    "customer",
    "tenant_country",
    "subscription_id",
    "product",
    "sku_part_number",
    "sku_id",
    "seats_total",
    "seats_assigned",
    "term",
    "billing",
    "term_start",
    "term_end",
    "auto_renew",
    "status",
    "channel",
    "billing_account",
    "unit_price",
    "currency",
];

pub(crate) const SPEC: TableSpec = TableSpec {
    format: FormatId::PlannerTemplate,
    signature: &["skupartnumber", "seatstotal", "seatsassigned", "termend"],
    columns: &[
        ("customer", Field::Customer),
        ("tenantid", Field::TenantId),
        ("tenantcountry", Field::TenantCountry),
        ("subscriptionid", Field::SubscriptionId),
        ("product", Field::Product),
        ("skupartnumber", Field::SkuPartNumber),
        ("skuid", Field::SkuId),
        ("offerid", Field::OfferId),
        ("seatstotal", Field::SeatsTotal),
        ("seatsassigned", Field::SeatsAssigned),
        ("term", Field::Term),
        ("billing", Field::Billing),
        ("termstart", Field::TermStart),
        ("termend", Field::TermEnd),
        ("autorenew", Field::AutoRenew),
        ("trial", Field::Trial),
        ("status", Field::Status),
        ("channel", Field::Channel),
        ("billingaccount", Field::BillingAccount),
        ("ownertenantid", Field::OwnerTenantId),
        ("unitprice", Field::UnitPrice),
        ("currency", Field::Currency),
    ],
    extras: &[],
    finish: no_finishing,
};

/// The template with a header and two rows that are plainly examples
/// (a fictitious customer, ids that say "example").
pub fn template_csv() -> String {
    let mut text = TEMPLATE_COLUMNS.join(",");
    text.push_str("\r\n");
    text.push_str("Example Customer Ltd,FR,example-subscription-1,Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,25,22,P1Y,monthly,2025-07-01,2026-06-30,true,active,direct,mca,,\r\n");
    text.push_str("Example Customer Ltd,FR,example-subscription-2,Microsoft 365 Business Premium,SPB,cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46,10,10,P1M,monthly,2026-03-01,2026-03-31,true,active,csp-nce,,20.60,EUR\r\n");
    text
}

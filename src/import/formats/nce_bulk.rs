//! The new-commerce bulk migration tool's `subscriptions.csv`: one row per
//! legacy CSP subscription, several customers in one file.

use super::TableSpec;
use crate::import::format_id::FormatId;
use crate::import::mapping::Field;
use crate::import::rows::{Binding, Cells, FileContext};
use crate::model::{Channel, Subscription};

const LEGACY_SUBSCRIPTION_NAME: usize = 0;

pub(crate) const SPEC: TableSpec = TableSpec {
    format: FormatId::NceBulkMigration,
    signature: &["legacysubscriptionid", "customertenantid", "currentseatcount"],
    columns: &[
        ("customername", Field::Customer),
        ("customertenantid", Field::TenantId),
        ("legacysubscriptionid", Field::SubscriptionId),
        ("legacyproductname", Field::Product),
        ("expirationdate", Field::TermEnd),
        ("autorenewenabled", Field::AutoRenew),
        ("currentterm", Field::Term),
        ("currentbillingplan", Field::Billing),
        ("currentseatcount", Field::SeatsTotal),
        ("partnertenantid", Field::OwnerTenantId),
        ("addon", Field::AddOn),
        ("basesubscriptionid", Field::BaseSubscriptionId),
    ],
    extras: &["legacysubscriptionname"],
    finish,
};

/// Every row of this tool is a legacy CSP subscription, sold by the partner
/// whose tenant the file names.
fn finish(subscription: &mut Subscription, binding: &Binding, cells: &dyn Cells, _: &mut FileContext) {
    subscription.channel = Channel::CspLegacy;
    if subscription.product.is_empty() {
        subscription.product = binding.extra(cells, LEGACY_SUBSCRIPTION_NAME).into_owned();
    }
}

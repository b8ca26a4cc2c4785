//! CIPP's license report CSV: one row per tenant and license, where
//! `skuPartNumber` holds the friendly name and `NextLifecycle` the next
//! renewal or expiry date.

use super::TableSpec;
use crate::import::format_id::FormatId;
use crate::import::mapping::Field;
use crate::import::rows::{Binding, Cells, FileContext};
use crate::model::Subscription;

const FRIENDLY_NAME: usize = 0;

pub(crate) const SPEC: TableSpec = TableSpec {
    format: FormatId::CippLicenseReport,
    signature: &["tenant", "license", "countused", "totallicenses"],
    columns: &[
        ("tenant", Field::Customer),
        ("license", Field::Product),
        ("countused", Field::SeatsAssigned),
        ("countavailable", Field::SeatsAvailable),
        ("totallicenses", Field::SeatsTotal),
        ("skuid", Field::SkuId),
        ("subscriptionid", Field::SubscriptionId),
        ("term", Field::Term),
        ("nextlifecycle", Field::TermEnd),
        ("istrial", Field::Trial),
    ],
    extras: &["skupartnumber"],
    finish,
};

/// CIPP's next lifecycle date comes from Graph's `nextLifecycleDateTime`, an
/// estimate of the term end rather than a contract date.
fn finish(subscription: &mut Subscription, binding: &Binding, cells: &dyn Cells, _: &mut FileContext) {
    if subscription.product.is_empty() {
        subscription.product = binding.extra(cells, FRIENDLY_NAME).into_owned();
    }
    subscription.term_end_estimated = subscription.term_end.is_some();
}

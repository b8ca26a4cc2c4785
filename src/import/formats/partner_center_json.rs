//! Partner Center REST subscriptions (`GET /customers/{id}/subscriptions`):
//! one object, or a collection `{"items":[...]}`.

use serde_json::{Map, Value};

use crate::import::error::{IssueKind, ValueKind};
use crate::import::json::{property, text};
use crate::import::rows::{DateTarget, FileContext, RowRejected};
use crate::import::values::{
    clean_cell, is_nce_offer_id, parse_billing, parse_guid, parse_status, parse_term,
};
use crate::model::{Channel, Subscription};

fn cleaned(object: &Map<String, Value>, name: &str) -> String {
    text(object, name).map(|raw| clean_cell(&raw).into_owned()).unwrap_or_default()
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// Reads one subscription; a missing or unreadable quantity rejects it.
pub(crate) fn read_item(ctx: &mut FileContext, line: u32, item: &Value) {
    ctx.start_row(line);
    let Value::Object(object) = item else {
        ctx.reject_item(None, IssueKind::MissingIdentity, item);
        return;
    };
    let mut subscription = Subscription {
        subscription_id: cleaned(object, "id"),
        offer_id: non_empty(cleaned(object, "offerId")),
        product: non_empty(cleaned(object, "offerName")).unwrap_or_else(|| cleaned(object, "friendlyName")),
        ..Subscription::default()
    };
    // Every property is read even once the item is rejected, so every problem of
    // the item is reported at once.
    let mut rejected = Vec::new();
    if subscription.subscription_id.is_empty()
        && subscription.offer_id.is_none()
        && subscription.product.is_empty()
    {
        rejected.push(RowRejected { field: None, kind: IssueKind::MissingIdentity });
    }
    match ctx.read_count(&cleaned(object, "quantity")) {
        Ok(quantity) => subscription.seats_total = quantity.unwrap_or(0),
        Err(kind) => rejected.push(RowRejected { field: Some("quantity".into()), kind }),
    }
    subscription.term_start =
        ctx.read_date("effectiveStartDate", &cleaned(object, "effectiveStartDate"), DateTarget::TermStart);
    subscription.term_end =
        ctx.read_date("commitmentEndDate", &cleaned(object, "commitmentEndDate"), DateTarget::TermEnd);
    subscription.status = ctx
        .read_with("status", &cleaned(object, "status"), ValueKind::Status, parse_status)
        .unwrap_or_default();
    subscription.auto_renew = ctx.read_bool("autoRenewEnabled", &cleaned(object, "autoRenewEnabled"));
    subscription.trial = ctx.read_bool("isTrial", &cleaned(object, "isTrial")).unwrap_or(false);
    subscription.term = ctx
        .read_with("termDuration", &cleaned(object, "termDuration"), ValueKind::Term, parse_term)
        .unwrap_or_default();
    let billing_cycle = cleaned(object, "billingCycle");
    subscription.billing = ctx
        .read_with("billingCycle", &billing_cycle, ValueKind::BillingFrequency, parse_billing)
        .unwrap_or_default();
    let product_type = property(object, "productType")
        .and_then(Value::as_object)
        .map(|product_type| cleaned(product_type, "id"))
        .unwrap_or_default();
    subscription.channel = if product_type.to_ascii_lowercase().contains("nce")
        || subscription.offer_id.as_deref().is_some_and(is_nce_offer_id)
    {
        Channel::CspNce
    } else if subscription.offer_id.as_deref().and_then(parse_guid).is_some() {
        Channel::CspLegacy
    } else {
        Channel::Unknown
    };
    if !rejected.is_empty() {
        ctx.reject_item_for(rejected, item);
        return;
    }
    ctx.accept(subscription);
}

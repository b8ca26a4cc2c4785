//! The purchase list: what to order in Partner Center, SKU by SKU.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{amount, CostPlan, Money, Quote};
use crate::model::{BillingChoice, MigrationPath};

/// One SKU to buy (or schedule, for an EA channel transfer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PurchaseRow {
    pub customer: String,
    pub subscription_id: String,
    pub name: String,
    pub sku_part_number: String,
    pub sku_id: String,
    pub seats: u32,
    pub billing: BillingChoice,
    /// Bought on, or for an EA channel transfer, the day the scheduled subscription starts.
    pub buy_on: Option<NaiveDate>,
    /// An add-on bought with the line's suite (Teams Enterprise with a "(no Teams)" suite).
    pub add_on: bool,
    pub scheduled_by_ea_transfer: bool,
    pub price: Option<Quote>,
    pub monthly: Option<Money>,
    pub cost: Option<Quote>,
}

/// The rows to order, customers and lines in plan order, each add-on after its suite.
pub fn purchase_list(cost: &CostPlan, plan: &crate::plan::Plan) -> Vec<PurchaseRow> {
    // Looked up by id: a plan may have tens of thousands of lines.
    let purchase_dates: std::collections::HashMap<&str, Option<NaiveDate>> =
        plan.lines().map(|line| (line.subscription_id.as_str(), line.dates.purchase_on)).collect();
    let mut rows = Vec::new();
    for customer in &cost.customers {
        for line in customer.lines.iter().filter(|line| !line.dropped) {
            if !matches!(line.path, MigrationPath::Repurchase | MigrationPath::EaChannelTransfer) {
                continue;
            }
            let buy_on = purchase_dates.get(line.subscription_id.as_str()).copied().flatten();
            for (index, component) in line.components.iter().enumerate() {
                let monthly = component.price.as_ref().and_then(|price| {
                    amount(price.per_seat_monthly, line.seats, 1.0)
                        .map(|cents| Money::new(cents, &price.currency))
                });
                rows.push(PurchaseRow {
                    customer: customer.name.clone(),
                    subscription_id: line.subscription_id.clone(),
                    name: component.name.clone(),
                    sku_part_number: component.sku_part_number.clone(),
                    sku_id: component.sku_id.clone(),
                    seats: line.seats,
                    billing: line.billing,
                    buy_on,
                    add_on: index > 0,
                    scheduled_by_ea_transfer: line.path == MigrationPath::EaChannelTransfer,
                    price: component.price.clone(),
                    monthly,
                    cost: component.cost.clone(),
                });
            }
        }
    }
    rows
}

//! Licence optimisation: seats bought but not assigned (NCE-SEATS), a
//! standalone Exchange plan next to a suite that already includes Exchange
//! (EQUIV-1: the suite's service plans cover it), and a cheaper suite whose
//! service plans include every one the tenant uses (EQUIV-1, when the file says
//! which are in use: Graph `servicePlans`). Each is a suggestion with its money
//! effect, which the user accepts or refuses as an override of the line;
//! nothing is removed without the user, since the file has no per-user data.
//!
//! A cheaper suite is only suggested at a known price, lower than the line's,
//! in the same currency and billing choice: a suite without a price is not
//! mentioned, since whether it is cheaper is not known.

use serde::{Deserialize, Serialize};

use super::quote::{self, Wanted};
use super::{amount, Component, LineCost, Money};
use crate::catalog::{Catalog, CoreWorkload};
use crate::model::{Decision, Optimisation, PlanInput, Subscription};
use crate::plan::{Finding, FindingCode, FindingValue, PlanLine};

/// One suggestion on a line, with what it saves per year and the user's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub kind: Optimisation,
    pub finding: Finding,
    pub saving_yearly: Option<Money>,
    pub decision: Option<Decision>,
    /// For unassigned seats: the seats to buy when the suggestion is accepted.
    pub seats: Option<u32>,
}

/// A line's price per seat and per month in CSP (every component), or its
/// current price when no CSP price is known, with its currency. The suite an
/// accepted cheaper one replaced is the one priced: seats are saved first, at
/// the plan's suite, then the cheaper suite on the seats left, so accepted
/// savings add up to what the line no longer costs.
fn per_seat_monthly(line: &LineCost) -> Option<(f64, String)> {
    let replaced = usize::from(line.suite_replaced.is_some());
    let components = line.suite_replaced.iter().chain(line.components.iter().skip(replaced));
    let prices: Option<Vec<_>> = components.map(|component| component.price.as_ref()).collect();
    match prices {
        Some(prices) if !prices.is_empty() => {
            let currency = prices[0].currency.clone();
            prices
                .iter()
                .all(|price| price.currency == currency)
                .then(|| (prices.iter().map(|price| price.per_seat_monthly).sum(), currency))
        }
        _ => line.current_price.as_ref().map(|price| (price.per_seat_monthly, price.currency.clone())),
    }
}

fn money_value(money: &Money) -> FindingValue {
    FindingValue::Money(money.cents, std::sync::Arc::from(money.currency.as_str()))
}

/// The suite of the catalog cheapest for `wanted`'s billing, cheaper than
/// `current` (the line's suite, priced), whose service plans, with those of the
/// line's add-on when it has one (`add_on_sku_id`), include every plan
/// `subscription` has in use; with the number of plans in use.
pub(super) fn cheaper_suite(
    subscription: &Subscription,
    current: &Component,
    add_on_sku_id: Option<&str>,
    input: &PlanInput,
    catalog: &Catalog,
    wanted: &Wanted,
) -> Option<(Component, usize)> {
    let price = current.price.as_ref()?;
    let in_use: Vec<&str> =
        subscription.service_plans.iter().filter(|plan| plan.in_use()).map(|plan| plan.id.as_str()).collect();
    let add_on = match add_on_sku_id {
        Some(sku_id) => Some(catalog.by_sku_id(sku_id)?),
        None => None,
    };
    // What only the add-on brings (Teams, beside a suite without it) must not be bought twice.
    let suite_workloads = catalog.by_sku_id(&current.sku_id).map_or(0, |suite| suite.core_workloads);
    let without = add_on.map_or(0, |add_on| add_on.core_workloads & !suite_workloads);
    let cheaper = catalog
        .covering(&in_use, add_on, without)
        .filter(|product| !product.sku_id.eq_ignore_ascii_case(&current.sku_id))
        .filter_map(|product| {
            let mut names: Vec<&str> = vec![product.name.as_str(), product.sku_part_number.as_str()];
            names.extend(product.other_names.iter().map(String::as_str));
            let wanted = Wanted {
                sku_id: &product.sku_id,
                names,
                offer_prefix: None,
                currency: Some(price.currency.as_str()),
                ..*wanted
            };
            let suite_price = quote::sell_price(&input.partner.sell_prices, &wanted)
                .or_else(|| quote::list_retail_price(&input.list_prices, &wanted))
                .filter(|suite| {
                    suite.currency == price.currency && suite.per_seat_monthly < price.per_seat_monthly
                })?;
            Some(Component {
                sku_id: product.sku_id.clone(),
                sku_part_number: product.sku_part_number.clone(),
                name: product.name.clone(),
                cost: quote::list_cost_price(&input.list_prices, &wanted),
                price: Some(suite_price),
            })
        });
    // The cheapest; between two at the same price, the first name, so a plan reads the same every time.
    let per_seat =
        |suite: &Component| suite.price.as_ref().map_or(f64::INFINITY, |price| price.per_seat_monthly);
    let best =
        cheaper.min_by(|a, b| per_seat(a).total_cmp(&per_seat(b)).then_with(|| a.name.cmp(&b.name)))?;
    Some((best, in_use.len()))
}

/// The suggestion to buy `suite` rather than `current` for `seats` seats, with
/// the user's answer, or `None` when the saving is not a finite amount.
pub(super) fn cheaper_suite_suggestion(
    current: &Component,
    suite: &Component,
    in_use: usize,
    seats: u32,
    decision: Option<Decision>,
) -> Option<Suggestion> {
    let (price, suite_price) = (current.price.as_ref()?, suite.price.as_ref()?);
    let per_seat = |monthly: f64| amount(monthly, 1, 1.0).map(|cents| Money::new(cents, &price.currency));
    let cents = amount(price.per_seat_monthly - suite_price.per_seat_monthly, seats, 12.0)?;
    let saving = Money::new(cents, &price.currency);
    let finding = Finding::new(FindingCode::CheaperSuite)
        .with("in_use", in_use)
        .with("suite", suite.name.as_str())
        .with("suite_price", money_value(&per_seat(suite_price.per_seat_monthly)?))
        .with("price", money_value(&per_seat(price.per_seat_monthly)?))
        .with("saving", money_value(&saving));
    Some(Suggestion {
        kind: Optimisation::CheaperSuite,
        finding,
        saving_yearly: Some(saving),
        decision,
        seats: None,
    })
}

/// Adds the suggestions of one customer's lines (`plan_lines` are all its plan lines).
pub(super) fn suggest(lines: &mut [LineCost], plan_lines: &[PlanLine], input: &PlanInput, catalog: &Catalog) {
    let decision = |id: &str, kind: Optimisation| {
        input.overrides.get(id).and_then(|line_override| line_override.optimisations.get(&kind).copied())
    };
    let plan_line = |id: &str| plan_lines.iter().find(|line| line.subscription_id == id);
    // Suites of the tenant that include Exchange, with their seats.
    let suites: Vec<(String, String, u32)> = lines
        .iter()
        .filter(|line| !line.dropped)
        .filter_map(|line| {
            let component = line.components.first()?;
            let product = catalog.by_sku_id(&component.sku_id)?;
            let suite = product.has_workload(CoreWorkload::Exchange)
                && product.core_workloads != CoreWorkload::Exchange.bit();
            suite.then(|| (line.subscription_id.clone(), component.name.clone(), line.seats))
        })
        .collect();
    for line in lines.iter_mut() {
        let Some(plan) = plan_line(&line.subscription_id) else { continue };
        let price = per_seat_monthly(line);
        // A partner-to-partner transfer moves whole subscriptions, quantity unchanged (P2P-TRANSFER).
        let seats_can_change = line.path != crate::model::MigrationPath::PartnerTransfer;
        if let (true, Some(assigned), Some((monthly, currency))) =
            (seats_can_change, plan.seats_assigned, price.as_ref())
        {
            let answer = decision(&line.subscription_id, Optimisation::UnassignedSeats);
            // Once accepted, the line buys the assigned seats: the suggestion is
            // still shown, against the seats the source holds.
            let total = if answer == Some(Decision::Accepted) { line.seats_source_total } else { plan.seats };
            if assigned < total {
                if let Some(cents) = amount(*monthly, total - assigned, 12.0) {
                    let saving = Money::new(cents, currency);
                    let finding = Finding::new(FindingCode::UnassignedSeatsSaving)
                        .with("unassigned", total - assigned)
                        .with("total", total)
                        .with("assigned", assigned)
                        .with("saving", money_value(&saving));
                    line.suggestions.push(Suggestion {
                        kind: Optimisation::UnassignedSeats,
                        finding,
                        saving_yearly: Some(saving),
                        decision: answer,
                        seats: Some(assigned),
                    });
                }
            }
        }
        let standalone_exchange = line
            .components
            .first()
            .and_then(|component| catalog.by_sku_id(&component.sku_id))
            .is_some_and(|product| product.core_workloads == CoreWorkload::Exchange.bit());
        let seats = plan.seats;
        let covering =
            suites.iter().find(|(id, _, suite_seats)| *id != line.subscription_id && *suite_seats >= seats);
        if let (true, Some((_, suite, suite_seats)), Some((monthly, currency))) =
            (standalone_exchange, covering, price.as_ref())
        {
            if let Some(cents) = amount(*monthly, seats, 12.0) {
                let saving = Money::new(cents, currency);
                let finding = Finding::new(FindingCode::RedundantStandalone)
                    .with(
                        "product",
                        line.components.first().map(|component| component.name.as_str()).unwrap_or_default(),
                    )
                    .with("suite", suite)
                    .with("suite_seats", *suite_seats)
                    .with("saving", money_value(&saving));
                line.suggestions.push(Suggestion {
                    kind: Optimisation::RedundantStandalone,
                    finding,
                    saving_yearly: Some(saving),
                    decision: decision(&line.subscription_id, Optimisation::RedundantStandalone),
                    seats: None,
                });
            }
        }
    }
}

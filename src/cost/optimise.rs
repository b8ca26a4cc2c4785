//! Licence optimisation: seats bought but not assigned (NCE-SEATS), and a
//! standalone Exchange plan next to a suite that already includes Exchange
//! (EQUIV-1: the suite's service plans cover it). Each is a suggestion with its
//! money effect, which the user accepts or refuses as an override of the line;
//! nothing is removed without the user, since the file has no per-user data.

use serde::{Deserialize, Serialize};

use super::{amount, LineCost, Money};
use crate::catalog::{Catalog, CoreWorkload};
use crate::model::{Decision, Optimisation, PlanInput};
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
/// current price when no CSP price is known, with its currency.
fn per_seat_monthly(line: &LineCost) -> Option<(f64, String)> {
    let prices: Option<Vec<_>> = line.components.iter().map(|component| component.price.as_ref()).collect();
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

//! The money view of a plan: what the customer pays today, what it will pay in
//! CSP for the billing chosen on each line, the overlap of the move, what the
//! partner earns, and the licences it can stop paying for.
//!
//! A pure function of the plan and the input it was made from ([`assess`]),
//! tested natively. Amounts are kept in hundredths of their currency (cents),
//! each with its currency: a line's yearly figure is computed once, and every
//! total is the exact sum of its lines, one total per currency (amounts in two
//! currencies are never added). A price comes from the first source that has one
//! (see [`quote`]), and says which; a line without a price is counted, never
//! filled in.

pub mod billing;
mod chart;
mod optimise;
pub mod partner_prices;
mod purchase;
pub mod quote;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use chart::{MonthBar, MonthlyChart};
pub use optimise::Suggestion;
pub use purchase::{purchase_list, PurchaseRow};
pub use quote::{PriceOrigin, Quote};

use crate::catalog::Catalog;
use crate::model::{BillingChoice, Decision, MigrationPath, Optimisation, PlanInput, Subscription};
use crate::plan::{Plan, PlanLine};

/// An amount in hundredths of a currency (ISO 4217 code, upper case).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Money {
    pub cents: i64,
    pub currency: String,
}

impl Money {
    pub fn new(cents: i64, currency: &str) -> Money {
        Money { cents, currency: currency.to_string() }
    }

    /// Written as the language writes money (`€1,234.56`, `1 234,56 €`).
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::format::money_cents(self.cents, Some(&self.currency), lang)
    }

    /// The amount with two decimals and a point, for files (`1234.56`).
    pub fn plain(&self) -> String {
        let sign = if self.cents < 0 { "-" } else { "" };
        format!("{sign}{}.{:02}", self.cents.unsigned_abs() / 100, self.cents.unsigned_abs() % 100)
    }
}

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(2))?;
        // Cents are exact in an f64 for any amount a plan can hold (below 2^53).
        map.serialize_entry("amount", &(self.cents as f64 / 100.0))?;
        map.serialize_entry("currency", &self.currency)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            amount: f64,
            currency: String,
        }
        let raw = Raw::deserialize(deserializer)?;
        Ok(Money { cents: (raw.amount * 100.0).round() as i64, currency: raw.currency })
    }
}

/// `seats` × a price per seat and per month, over `months`, in cents; `None` when
/// it is not a finite amount.
fn amount(per_seat_monthly: f64, seats: u32, months: f64) -> Option<i64> {
    let cents = (per_seat_monthly * f64::from(seats) * months * 100.0).round();
    (cents.is_finite() && cents.abs() < 9.0e15).then_some(cents as i64)
}

/// One product bought for a line: its target offer, or the add-on bought with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Component {
    pub sku_id: String,
    pub sku_part_number: String,
    pub name: String,
    /// What the customer pays in CSP, per seat and per month.
    pub price: Option<Quote>,
    /// What the partner pays Microsoft, per seat and per month.
    pub cost: Option<Quote>,
}

/// The money of one migrated line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineCost {
    pub subscription_id: String,
    pub product: String,
    pub path: MigrationPath,
    /// The billing the CSP subscription is priced at.
    pub billing: BillingChoice,
    /// Chosen on this line rather than taken from the plan's default.
    pub billing_chosen: bool,
    /// The user asked for a three-year term the offer does not have (TERM-3Y).
    pub billing_fell_back: bool,
    /// A partner-to-partner transfer keeps the source's term and billing.
    pub billing_kept_by_transfer: bool,
    pub three_year_term: bool,
    pub seats: u32,
    pub seats_source_total: u32,
    /// Not bought in CSP: the user accepted that a suite of the tenant covers it.
    pub dropped: bool,
    pub current_price: Option<Quote>,
    pub current_monthly: Option<Money>,
    pub current_yearly: Option<Money>,
    pub components: Vec<Component>,
    /// The suite the plan buys for this line, when the user accepted a cheaper
    /// one (which is then the first component).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suite_replaced: Option<Component>,
    pub csp_monthly: Option<Money>,
    pub csp_yearly: Option<Money>,
    /// CSP minus current, per year, when both are known in the same currency.
    pub difference_yearly: Option<Money>,
    pub cost_yearly: Option<Money>,
    /// Sell minus cost, per year, when the partner's own sell price and the cost are known.
    pub margin_yearly: Option<Money>,
    pub overlap_days: Option<u32>,
    pub overlap_cost: Option<Money>,
    pub term_end: Option<NaiveDate>,
    pub starts_on: Option<NaiveDate>,
    pub suggestions: Vec<Suggestion>,
}

/// The totals of one currency, each the sum of the lines that have the figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CurrencyTotals {
    pub currency: String,
    pub current_yearly: i64,
    pub csp_yearly: i64,
    /// Current and CSP of the lines that have both: the saving (negative) or increase.
    pub compared_lines: usize,
    pub difference_yearly: i64,
    pub overlap: i64,
    /// The CSP year plus the overlap of the move.
    pub first_year: i64,
    pub cost_yearly: i64,
    pub margin_yearly: i64,
    pub margin_lines: usize,
    /// What the accepted suggestions save per year, and what the open ones would.
    pub saving_accepted_yearly: i64,
    pub saving_open_yearly: i64,
}

/// Totals, one per currency, and how many lines lack a price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Totals {
    pub by_currency: Vec<CurrencyTotals>,
    pub lines: usize,
    pub lines_without_current: usize,
    pub lines_without_csp: usize,
}

impl Totals {
    fn of<'a>(lines: impl Iterator<Item = &'a LineCost>) -> Totals {
        let mut by_currency: BTreeMap<String, CurrencyTotals> = BTreeMap::new();
        let mut totals = Totals::default();
        let mut add = |money: &Option<Money>, field: fn(&mut CurrencyTotals) -> &mut i64| {
            if let Some(money) = money {
                let entry = by_currency.entry(money.currency.clone()).or_insert_with(|| CurrencyTotals {
                    currency: money.currency.clone(),
                    ..Default::default()
                });
                // Saturating: absurd seat counts (u32::MAX) must not wrap a total.
                let total = field(entry);
                *total = total.saturating_add(money.cents);
            }
        };
        let mut compared: Vec<String> = Vec::new();
        let mut margins: Vec<String> = Vec::new();
        for line in lines {
            totals.lines += 1;
            totals.lines_without_current += usize::from(line.current_yearly.is_none());
            totals.lines_without_csp += usize::from(line.csp_yearly.is_none() && !line.dropped);
            add(&line.current_yearly, |totals| &mut totals.current_yearly);
            add(&line.csp_yearly, |totals| &mut totals.csp_yearly);
            add(&line.difference_yearly, |totals| &mut totals.difference_yearly);
            add(&line.overlap_cost, |totals| &mut totals.overlap);
            add(&line.cost_yearly, |totals| &mut totals.cost_yearly);
            add(&line.margin_yearly, |totals| &mut totals.margin_yearly);
            for suggestion in &line.suggestions {
                match suggestion.decision {
                    Some(Decision::Accepted) => {
                        add(&suggestion.saving_yearly, |totals| &mut totals.saving_accepted_yearly)
                    }
                    None => add(&suggestion.saving_yearly, |totals| &mut totals.saving_open_yearly),
                    Some(Decision::Refused) => {}
                }
            }
            if let Some(difference) = &line.difference_yearly {
                compared.push(difference.currency.clone());
            }
            if let Some(margin) = &line.margin_yearly {
                margins.push(margin.currency.clone());
            }
        }
        for currency in compared {
            if let Some(entry) = by_currency.get_mut(&currency) {
                entry.compared_lines += 1;
            }
        }
        for currency in margins {
            if let Some(entry) = by_currency.get_mut(&currency) {
                entry.margin_lines += 1;
            }
        }
        for entry in by_currency.values_mut() {
            entry.first_year = entry.csp_yearly.saturating_add(entry.overlap);
        }
        totals.by_currency = by_currency.into_values().collect();
        totals
    }

    /// The totals of the currency most lines are priced in, shown first.
    pub fn main(&self) -> Option<&CurrencyTotals> {
        self.by_currency
            .iter()
            .max_by_key(|totals| (totals.csp_yearly != 0, totals.compared_lines, totals.current_yearly))
    }
}

/// The money of one customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerCost {
    pub name: String,
    pub lines: Vec<LineCost>,
    pub totals: Totals,
    pub chart: Option<MonthlyChart>,
}

impl CustomerCost {
    /// What the customer may see: its own prices today and in CSP, never the
    /// partner's cost or margin. A CSP price that is the partner's own cost
    /// (a price list without a retail price) is left out, and counted as missing.
    pub fn for_customer(&self) -> CustomerCost {
        let lines: Vec<LineCost> = self
            .lines
            .iter()
            .map(|line| {
                let mut line = line.clone();
                let from_cost = line.components.iter().any(|component| {
                    component
                        .price
                        .as_ref()
                        .is_some_and(|price| matches!(price.origin, PriceOrigin::PriceListCost { .. }))
                });
                if from_cost {
                    line.csp_monthly = None;
                    line.csp_yearly = None;
                    line.difference_yearly = None;
                }
                for component in &mut line.components {
                    component.cost = None;
                    if from_cost {
                        component.price = None;
                    }
                }
                line.cost_yearly = None;
                line.margin_yearly = None;
                line
            })
            .collect();
        let totals = Totals::of(lines.iter());
        // The documents draw no chart.
        CustomerCost { name: self.name.clone(), chart: None, lines, totals }
    }
}

/// The money view of a whole plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostPlan {
    pub billing_default: BillingChoice,
    pub customers: Vec<CustomerCost>,
    pub totals: Totals,
    /// The whole plan's chart in each currency with something to draw, the
    /// main currency's first (see [`Totals::main`]).
    #[serde(default)]
    pub charts: Vec<MonthlyChart>,
}

impl CostPlan {
    pub fn lines(&self) -> impl Iterator<Item = &LineCost> {
        self.customers.iter().flat_map(|customer| customer.lines.iter())
    }

    pub fn line(&self, subscription_id: &str) -> Option<&LineCost> {
        self.lines().find(|line| line.subscription_id == subscription_id)
    }

    /// Whether any price at all is known: without one there is nothing to show but the ask.
    pub fn has_prices(&self) -> bool {
        self.lines().any(|line| line.current_yearly.is_some() || line.csp_yearly.is_some())
    }
}

/// The money view as JSON, each suggestion with its message in `lang` (the
/// `cost` field of the plan export, described in the README).
pub fn cost_to_json(cost: &CostPlan, lang: crate::i18n::Lang) -> serde_json::Value {
    let mut value = serde_json::to_value(cost).unwrap_or(serde_json::Value::Null);
    let lines =
        cost.lines().map(|line| line.suggestions.iter().map(|suggestion| suggestion.finding.message(lang)));
    let json_lines = value
        .get_mut("customers")
        .and_then(serde_json::Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(|customer| customer.get_mut("lines").and_then(serde_json::Value::as_array_mut))
        .flatten();
    for (json_line, messages) in json_lines.zip(lines) {
        let suggestions = json_line.get_mut("suggestions").and_then(serde_json::Value::as_array_mut);
        for (suggestion, message) in suggestions.into_iter().flatten().zip(messages) {
            if let Some(fields) = suggestion.as_object_mut() {
                fields.insert("message".into(), serde_json::Value::String(message));
            }
        }
    }
    value
}

/// The money view of `plan`, made from `input`. Pure and deterministic.
pub fn assess(plan: &Plan, input: &PlanInput, catalog: &Catalog) -> CostPlan {
    // The plan was made with the user's corrections of the sources (term, billing).
    let input = input.with_source_overrides();
    let input = &*input;
    let subscriptions: std::collections::HashMap<&str, &Subscription> = input
        .subscriptions
        .iter()
        .map(|subscription| (subscription.subscription_id.as_str(), subscription))
        .collect();
    let customers: Vec<CustomerCost> = plan
        .customers
        .iter()
        .map(|customer| {
            let mut lines: Vec<LineCost> = customer
                .lines
                .iter()
                .filter(|line| line.is_migrated() && line.target.is_some())
                .filter_map(|line| {
                    let subscription = subscriptions.get(line.subscription_id.as_str())?;
                    let market = customer.tenant_country.as_deref();
                    Some(line_cost(line, subscription, input, catalog, plan.as_of, market))
                })
                .collect();
            optimise::suggest(&mut lines, &customer.lines, input, catalog);
            let totals = Totals::of(lines.iter());
            let chart = totals.main().map(|main| chart::monthly(&lines, &main.currency, plan.as_of));
            CustomerCost { name: customer.name.clone(), lines, totals, chart }
        })
        .collect();
    let totals = Totals::of(customers.iter().flat_map(|customer| customer.lines.iter()));
    let main = totals.main().map(|main| main.currency.as_str());
    let currencies = main.into_iter().chain(
        totals
            .by_currency
            .iter()
            .map(|totals| totals.currency.as_str())
            .filter(|currency| Some(*currency) != main),
    );
    let charts = currencies
        .map(|currency| {
            chart::monthly(customers.iter().flat_map(|customer| customer.lines.iter()), currency, plan.as_of)
        })
        .filter(|chart| !chart.is_empty())
        .collect();
    CostPlan { billing_default: input.settings.billing_default, customers, totals, charts }
}

fn line_cost(
    line: &PlanLine,
    subscription: &Subscription,
    input: &PlanInput,
    catalog: &Catalog,
    as_of: NaiveDate,
    market: Option<&str>,
) -> LineCost {
    let line_override = input.overrides.get(&line.subscription_id);
    let target = line.target.as_deref();
    let three_year_term =
        target.is_some_and(|target| crate::catalog::has_three_year_term(&target.sku_part_number));
    let source_choice = BillingChoice::of(subscription.term, subscription.billing);
    let kept_by_transfer = line.path == MigrationPath::PartnerTransfer && source_choice.is_some();
    let asked = line_override.and_then(|line_override| line_override.billing);
    let wanted_choice = match (kept_by_transfer, source_choice) {
        (true, Some(choice)) => choice,
        _ => asked.unwrap_or(input.settings.billing_default),
    };
    let choice =
        if kept_by_transfer { wanted_choice } else { billing::available(wanted_choice, three_year_term) };
    let on = line.dates.purchase_on.or(line.dates.transfer_on).unwrap_or(as_of);
    let dropped = line_override.is_some_and(|line_override| {
        line_override.optimisations.get(&Optimisation::RedundantStandalone) == Some(&Decision::Accepted)
    });

    let current_price = quote::current_price(subscription);
    let current_cents = |months: f64| {
        current_price.as_ref().and_then(|price| {
            amount(price.per_seat_monthly, subscription.seats_total, months)
                .map(|cents| Money::new(cents, &price.currency))
        })
    };
    let (current_monthly, current_yearly) = (current_cents(1.0), current_cents(12.0));

    let mut components = Vec::new();
    let mut suggestions = Vec::new();
    let mut suite_replaced = None;
    if let Some(target) = target {
        let offer_prefix = target
            .same_as_source
            .then_some(subscription.offer_id.as_deref())
            .flatten()
            .map(|offer| offer.split(':').take(2).collect::<Vec<_>>().join(":"));
        let mut names = vec![target.name.as_str(), target.sku_part_number.as_str()];
        if target.same_as_source {
            names.push(subscription.product.as_str());
        }
        let preferred =
            current_price.as_ref().map(|price| price.currency.as_str()).filter(|code| !code.is_empty());
        let wanted = quote::Wanted {
            sku_id: &target.sku_id,
            names,
            offer_prefix,
            choice,
            on,
            market,
            currency: preferred,
        };
        let price = quote::sell_price(&input.partner.sell_prices, &wanted)
            .or_else(|| quote::list_retail_price(&input.list_prices, &wanted))
            .or_else(|| {
                (target.same_as_source && target.add_on.is_none())
                    .then(|| quote::current_as_csp(subscription, &wanted))
                    .flatten()
            });
        let cost = quote::list_cost_price(&input.list_prices, &wanted);
        let mut suite = Component {
            sku_id: target.sku_id.clone(),
            sku_part_number: target.sku_part_number.clone(),
            name: target.name.clone(),
            price,
            cost,
        };
        // A transfer moves the subscription as it is: only a purchase can change the suite.
        let suite_can_change = line.path != MigrationPath::PartnerTransfer && !dropped;
        let add_on_sku_id = target.add_on.as_ref().map(|add_on| add_on.sku_id.as_str());
        if let Some((cheaper, in_use)) = suite_can_change
            .then(|| optimise::cheaper_suite(subscription, &suite, add_on_sku_id, input, catalog, &wanted))
            .flatten()
        {
            let decision = line_override.and_then(|line_override| {
                line_override.optimisations.get(&Optimisation::CheaperSuite).copied()
            });
            suggestions
                .extend(optimise::cheaper_suite_suggestion(&suite, &cheaper, in_use, line.seats, decision));
            if decision == Some(Decision::Accepted) {
                suite_replaced = Some(std::mem::replace(&mut suite, cheaper));
            }
        }
        components.push(suite);
        if let Some(add_on) = &target.add_on {
            let wanted = quote::Wanted {
                sku_id: &add_on.sku_id,
                names: vec![add_on.name.as_str(), add_on.sku_part_number.as_str()],
                offer_prefix: None,
                ..wanted
            };
            components.push(Component {
                sku_id: add_on.sku_id.clone(),
                sku_part_number: add_on.sku_part_number.clone(),
                name: add_on.name.clone(),
                price: quote::sell_price(&input.partner.sell_prices, &wanted)
                    .or_else(|| quote::list_retail_price(&input.list_prices, &wanted)),
                cost: quote::list_cost_price(&input.list_prices, &wanted),
            });
        }
    }
    let seats = if dropped { 0 } else { line.seats };
    let sum = |pick: fn(&Component) -> Option<&Quote>, months: f64| -> Option<Money> {
        let quotes: Option<Vec<&Quote>> = components.iter().map(pick).collect();
        let quotes = quotes?;
        let currency = quotes.first()?.currency.clone();
        if quotes.iter().any(|quote| quote.currency != currency) {
            return None;
        }
        let cents =
            quotes.iter().map(|quote| amount(quote.per_seat_monthly, seats, months)).sum::<Option<i64>>()?;
        Some(Money { cents, currency })
    };
    let csp_monthly = sum(|component| component.price.as_ref(), 1.0);
    let csp_yearly = sum(|component| component.price.as_ref(), 12.0);
    let cost_yearly = sum(|component| component.cost.as_ref(), 12.0);
    let own_sell_price = components.iter().all(|component| {
        component.price.as_ref().is_some_and(|price| price.origin == PriceOrigin::PartnerSellPrice)
    });
    let margin_yearly = match (&csp_yearly, &cost_yearly) {
        (Some(sell), Some(cost)) if own_sell_price && sell.currency == cost.currency => {
            Some(Money { cents: sell.cents - cost.cents, currency: sell.currency.clone() })
        }
        _ => None,
    };
    let difference_yearly = match (&csp_yearly, &current_yearly) {
        (Some(csp), Some(current)) if csp.currency == current.currency => {
            Some(Money { cents: csp.cents - current.cents, currency: csp.currency.clone() })
        }
        _ => None,
    };
    let overlap_cost = line.overlap_cost.and_then(|cost| {
        let currency = line.currency.as_deref().unwrap_or_default();
        let cents = (cost * 100.0).round();
        cents.is_finite().then(|| Money::new(cents as i64, currency))
    });
    let starts_on = match line.path {
        MigrationPath::PartnerTransfer => line.dates.transfer_on,
        _ => line.dates.purchase_on,
    };
    LineCost {
        subscription_id: line.subscription_id.clone(),
        product: line.product.to_string(),
        path: line.path,
        billing: choice,
        billing_chosen: asked.is_some() && !kept_by_transfer,
        billing_fell_back: choice != wanted_choice,
        billing_kept_by_transfer: kept_by_transfer,
        three_year_term,
        seats,
        seats_source_total: line.seats_source_total,
        dropped,
        current_price,
        current_monthly,
        current_yearly,
        components,
        suite_replaced,
        csp_monthly,
        csp_yearly,
        difference_yearly,
        cost_yearly,
        margin_yearly,
        overlap_days: line.overlap_days,
        overlap_cost,
        term_end: line.dates.term_end,
        starts_on,
        suggestions,
    }
}

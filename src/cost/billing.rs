//! What a billing choice does to a price (PRICE-BILLING) and which offers have
//! a three-year term (TERM-3Y).

use chrono::NaiveDate;

use crate::model::{BillingChoice, BillingFrequency};
use crate::rules::{rule, RuleId};

/// Prices within one family convert into each other by the PRICE-BILLING
/// multipliers; a one-year price never gives a three-year one (Microsoft sets
/// those apart), so the planner does not invent it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    OneYear,
    ThreeYears,
}

fn family(choice: BillingChoice) -> Family {
    if choice.is_triennial() {
        Family::ThreeYears
    } else {
        Family::OneYear
    }
}

/// The price of `choice` as a multiple of the upfront price of its term
/// (annual for the monthly term), for a purchase on `on`: monthly billing of an
/// annual or three-year term +5% from 2025-04-01, a monthly term +20% over annual.
pub fn multiplier(choice: BillingChoice, on: NaiveDate) -> f64 {
    let monthly_billing_premium = if on >= rule(RuleId::PriceBilling).applies_from { 1.05 } else { 1.0 };
    match choice {
        BillingChoice::AnnualUpfront | BillingChoice::TriennialUpfront => 1.0,
        BillingChoice::AnnualMonthly | BillingChoice::TriennialMonthly => monthly_billing_premium,
        BillingChoice::MonthlyTerm => 1.2,
    }
}

/// A price per seat and per month for `from` read as the price of `to`, when
/// both are of the same family; `None` otherwise.
pub fn convert(per_seat_monthly: f64, from: BillingChoice, to: BillingChoice, on: NaiveDate) -> Option<f64> {
    if family(from) != family(to) {
        return None;
    }
    Some(per_seat_monthly / multiplier(from, on) * multiplier(to, on))
}

/// Months in one billing period: a price list gives a price per seat and per
/// billing period (a year's price for annual billing).
pub fn months_per_period(billing: BillingFrequency) -> f64 {
    match billing {
        BillingFrequency::Annual => 12.0,
        BillingFrequency::Triennial => 36.0,
        BillingFrequency::Monthly | BillingFrequency::Unknown => 1.0,
    }
}

/// The choice a line is priced at: a three-year choice for an offer without a
/// three-year term falls back to the same billing of a one-year term.
pub fn available(choice: BillingChoice, three_years: bool) -> BillingChoice {
    match choice {
        BillingChoice::TriennialMonthly if !three_years => BillingChoice::AnnualMonthly,
        BillingChoice::TriennialUpfront if !three_years => BillingChoice::AnnualUpfront,
        choice => choice,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    #[test]
    fn monthly_billing_costs_five_percent_more_from_april_2025_and_a_monthly_term_twenty() {
        let after = day("2026-12-01");
        let upfront = 20.0;
        let monthly = convert(upfront, BillingChoice::AnnualUpfront, BillingChoice::AnnualMonthly, after);
        assert!(monthly.is_some_and(|price| (price - 21.0).abs() < 1e-9));
        let term = convert(upfront, BillingChoice::AnnualUpfront, BillingChoice::MonthlyTerm, after);
        assert!(term.is_some_and(|price| (price - 24.0).abs() < 1e-9));
        let before = day("2025-03-31");
        let old = convert(upfront, BillingChoice::AnnualUpfront, BillingChoice::AnnualMonthly, before);
        assert!(old.is_some_and(|price| (price - 20.0).abs() < 1e-9));
        assert_eq!(
            convert(upfront, BillingChoice::AnnualUpfront, BillingChoice::TriennialUpfront, after),
            None
        );
    }
}

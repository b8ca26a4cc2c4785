//! The dates of a line: when to buy, when the source must stop renewing, and the
//! last safe day before data is at risk. Every rule here is a small function.

use chrono::{Days, NaiveDate};

use crate::model::BillingFrequency;

/// The new subscription's refund window (NCE-CANCEL, 7 calendar days since 2022-01-10).
pub(super) const CANCEL_WINDOW_DAYS: u64 = 7;

pub(super) fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    // Beyond chrono's range (year 262143) the date stays as it is rather than panic.
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

pub(super) fn sub_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

/// The day users move: renewal would run the day after the inclusive term end (NCE-RENEW).
pub(super) fn cutover_on(term_end: NaiveDate) -> NaiveDate {
    add_days(term_end, 1)
}

/// Last day to turn off auto-renew or recurring billing: the day before the term end,
/// one day of margin because renewals run on UTC dates (NCE-RENEW, DIRECT-CANCEL).
pub(super) fn auto_renew_off_by(term_end: NaiveDate, as_of: NaiveDate) -> NaiveDate {
    sub_days(term_end, 1).max(as_of)
}

/// The recommended CSP purchase date (TIME-1): `lead_days` before the natural end,
/// so the 7-day cancellation window of the new subscription covers the cut-over,
/// never before the relationship and MCA are in place (`ready_on`). When duplicates
/// are not allowed (CAP-SUBS, CAP-BUSINESS) the purchase waits for the cut-over.
pub(super) fn recommended_purchase_on(
    term_end: NaiveDate,
    ready_on: NaiveDate,
    lead_days: u32,
    buy_after_expiry: bool,
) -> NaiveDate {
    let ideal =
        if buy_after_expiry { cutover_on(term_end) } else { sub_days(term_end, u64::from(lead_days)) };
    ideal.max(ready_on)
}

pub(super) fn cancel_window_ends(purchase_on: NaiveDate) -> NaiveDate {
    add_days(purchase_on, CANCEL_WINDOW_DAYS)
}

/// Days both subscriptions run: from the purchase to the inclusive term end.
pub(super) fn overlap_days(purchase_on: NaiveDate, term_end: NaiveDate) -> u32 {
    let days = (term_end - purchase_on).num_days() + 1;
    u32::try_from(days.max(0)).unwrap_or(u32::MAX)
}

/// Cost of the overlap. The unit price is read per seat and per billing period
/// (monthly when the file does not say), as Partner Center prices are.
pub(super) fn overlap_cost(
    unit_price: f64,
    billing: BillingFrequency,
    seats: u32,
    overlap_days: u32,
) -> Option<f64> {
    if !unit_price.is_finite() || unit_price < 0.0 {
        return None;
    }
    let period_days = match billing {
        BillingFrequency::Annual => 365.0,
        BillingFrequency::Triennial => 1095.0,
        BillingFrequency::Monthly | BillingFrequency::Unknown => 365.0 / 12.0,
    };
    let cost = unit_price / period_days * f64::from(seats) * f64::from(overlap_days);
    cost.is_finite().then(|| (cost * 100.0).round() / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    #[test]
    fn purchase_is_lead_days_before_the_end_but_never_before_ready() {
        assert_eq!(
            recommended_purchase_on(day("2026-12-31"), day("2026-12-01"), 3, false),
            day("2026-12-28")
        );
        assert_eq!(
            recommended_purchase_on(day("2026-12-31"), day("2026-12-30"), 3, false),
            day("2026-12-30")
        );
        assert_eq!(recommended_purchase_on(day("2026-12-31"), day("2026-12-01"), 3, true), day("2027-01-01"));
    }

    #[test]
    fn overlap_counts_the_inclusive_end_and_costs_by_billing_period() {
        assert_eq!(overlap_days(day("2026-12-28"), day("2026-12-31")), 4);
        assert_eq!(overlap_days(day("2027-01-02"), day("2026-12-31")), 0);
        assert_eq!(overlap_cost(365.0, BillingFrequency::Annual, 10, 4), Some(40.0));
        assert_eq!(overlap_cost(f64::NAN, BillingFrequency::Annual, 10, 4), None);
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        assert_eq!(add_days(NaiveDate::MAX, 30), NaiveDate::MAX);
        assert_eq!(sub_days(NaiveDate::MIN, 3), NaiveDate::MIN);
    }
}

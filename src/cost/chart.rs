//! Current versus CSP per month over the plan's first year, the overlap visible:
//! each month, what the customer still pays for its source subscriptions (until
//! their term ends), what it pays in CSP (from the purchase or transfer), and
//! the part of the source paid while the CSP subscription already runs. One
//! chart per currency: amounts in two currencies are never drawn together.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::LineCost;

/// One month of the chart, in cents of the chart's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthBar {
    /// The first day of the month.
    pub month: NaiveDate,
    pub source_cents: i64,
    pub csp_cents: i64,
    /// The part of `source_cents` paid on days the CSP subscription also runs.
    pub overlap_cents: i64,
}

/// Twelve months from the plan date's month, in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthlyChart {
    pub currency: String,
    /// What the customer pays per month today (the lines with a current price).
    pub today_monthly_cents: i64,
    pub months: Vec<MonthBar>,
    /// Lines left out: without both prices in this currency, or without dates
    /// (a line priced only in another currency is in that currency's chart).
    pub lines_left_out: usize,
}

impl MonthlyChart {
    /// The highest bar (source plus CSP), for the chart's scale.
    pub fn peak_cents(&self) -> i64 {
        self.months
            .iter()
            .map(|bar| bar.source_cents + bar.csp_cents)
            .chain(std::iter::once(self.today_monthly_cents))
            .max()
            .unwrap_or(0)
    }

    /// Nothing to draw: no line is priced both today and in CSP in this currency.
    pub fn is_empty(&self) -> bool {
        self.today_monthly_cents == 0 && self.months.iter().all(|bar| bar.source_cents + bar.csp_cents == 0)
    }
}

fn days_in(month: NaiveDate) -> u32 {
    let next = month.checked_add_months(Months::new(1)).unwrap_or(month);
    u32::try_from((next - month).num_days()).unwrap_or(30).max(1)
}

/// The chart of `lines` in `currency`, from the month of `as_of`.
pub(super) fn monthly<'a>(
    lines: impl IntoIterator<Item = &'a LineCost>,
    currency: &str,
    as_of: NaiveDate,
) -> MonthlyChart {
    let first = as_of.with_day(1).unwrap_or(as_of);
    let mut months: Vec<MonthBar> = (0..12)
        .filter_map(|offset| first.checked_add_months(Months::new(offset)))
        .map(|month| MonthBar { month, source_cents: 0, csp_cents: 0, overlap_cents: 0 })
        .collect();
    let mut today_monthly_cents = 0;
    let mut lines_left_out = 0;
    for line in lines {
        let current = line.current_monthly.as_ref().filter(|money| money.currency == currency);
        let csp = line.csp_monthly.as_ref().filter(|money| money.currency == currency);
        let priced = line.current_monthly.is_some() || line.csp_monthly.is_some();
        if priced && current.is_none() && csp.is_none() {
            // Another currency's line: that currency's chart draws it or counts it.
            continue;
        }
        let dated = line.term_end.is_some() && line.starts_on.is_some();
        // Only lines priced both today and in CSP: a line with one price would
        // read as a cost appearing or vanishing.
        let (Some(current), Some(csp), true) = (current, csp, dated) else {
            lines_left_out += 1;
            continue;
        };
        today_monthly_cents += current.cents;
        for bar in &mut months {
            let days = days_in(bar.month);
            let (mut source_days, mut csp_days, mut both_days) = (0i64, 0i64, 0i64);
            for day in bar.month.iter_days().take(days as usize) {
                let source_runs = line.term_end.is_some_and(|end| day <= end);
                let csp_runs = line.starts_on.is_some_and(|start| day >= start);
                source_days += i64::from(source_runs);
                csp_days += i64::from(csp_runs);
                both_days += i64::from(source_runs && csp_runs);
            }
            let share = |monthly: i64, part: i64| monthly * part / i64::from(days);
            bar.source_cents += share(current.cents, source_days);
            bar.overlap_cents += share(current.cents, both_days);
            bar.csp_cents += share(csp.cents, csp_days);
        }
    }
    MonthlyChart { currency: currency.to_string(), today_monthly_cents, months, lines_left_out }
}

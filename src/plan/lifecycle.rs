//! What happens to a source subscription after its term ends, per channel: how long
//! users keep access and how long its data can still be recovered (EXPIRED-30,
//! DIRECT-REACTIVATE, EA-GRACE).

use chrono::NaiveDate;

use super::dates::add_days;
use crate::model::Channel;
use crate::rules::RuleId;

/// The states a source goes through after its term end, in days from that end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Lifecycle {
    /// Days users keep access after the term end (Expired for CSP and direct, the
    /// usable grace for EA).
    pub access_days: u64,
    /// Days after the term end until the data is at risk: the new licence must be
    /// in place by then to keep it.
    pub data_days: u64,
    /// The rule these days come from.
    pub rule: RuleId,
}

/// CSP: Expired 30 days (users keep access, no reactivation), then Disabled; a new
/// subscription must be provisioned within the 30 days (EXPIRED-30).
const CSP: Lifecycle = Lifecycle { access_days: 30, data_days: 30, rule: RuleId::Expired30 };
/// Direct: Expired 30 days then Disabled 90 days, and an admin can reactivate it in
/// both states, so the data stays recoverable for 120 days (DIRECT-REACTIVATE).
const DIRECT: Lifecycle = Lifecycle { access_days: 30, data_days: 120, rule: RuleId::DirectReactivate };
/// EA / volume licensing: usable 90 days after the end date, then 60 days inactive (EA-GRACE).
const EA: Lifecycle = Lifecycle { access_days: 90, data_days: 150, rule: RuleId::EaGrace };

pub(super) fn of(channel: Channel) -> Lifecycle {
    match channel {
        Channel::Direct => DIRECT,
        Channel::Ea => EA,
        // Unknown is planned as the shortest lifecycle: a guess must never promise more time.
        Channel::CspNce | Channel::CspLegacy | Channel::Unknown => CSP,
    }
}

impl Lifecycle {
    /// The last day users keep access.
    pub fn users_lose_access_after(self, term_end: NaiveDate) -> NaiveDate {
        add_days(term_end, self.access_days)
    }

    /// The last day the data is safe: after it, the data is at risk.
    pub fn data_at_risk_after(self, term_end: NaiveDate) -> NaiveDate {
        add_days(term_end, self.data_days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_and_data_dates_follow_the_channel() {
        let end: NaiveDate = "2026-12-31".parse().expect("a date");
        let dates = |channel| {
            let lifecycle = of(channel);
            (
                lifecycle.users_lose_access_after(end).to_string(),
                lifecycle.data_at_risk_after(end).to_string(),
            )
        };
        assert_eq!(dates(Channel::CspNce), ("2027-01-30".into(), "2027-01-30".into()));
        assert_eq!(dates(Channel::Direct), ("2027-01-30".into(), "2027-04-30".into()));
        assert_eq!(dates(Channel::Ea), ("2027-03-31".into(), "2027-05-30".into()));
        assert_eq!(dates(Channel::Unknown), dates(Channel::CspNce));
    }
}

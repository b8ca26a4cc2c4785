//! Commerce facts checked in December 2026 that a line's plan must say: the
//! fallback of a partner-to-partner transfer (P2P-LAPSE), what deletes scheduled
//! changes (SCHEDULED-CHANGES), refused EA renewals (EA-RENEWAL), GDAP's blind spot
//! on EA subscriptions (GDAP-EA) and three-year CSP terms (TERM-3Y).

use super::dates;
use super::findings::{Finding, FindingCode};
use super::PlanLine;
use crate::model::{Channel, MigrationPath, Subscription, Term};

/// Days after which a transfer request the source partner ignores lapses (P2P-LAPSE, unverified).
const TRANSFER_LAPSE_DAYS: u64 = 30;

/// The last day to give up on a transfer and buy instead: when the request would
/// lapse, or earlier when a purchase must still come `lead_days` before the term end.
pub(super) fn fallback_on(
    transfer_on: chrono::NaiveDate,
    term_end: Option<chrono::NaiveDate>,
    lead_days: u32,
) -> chrono::NaiveDate {
    let lapse = dates::add_days(transfer_on, TRANSFER_LAPSE_DAYS);
    let latest_purchase = term_end.map(|end| dates::sub_days(end, u64::from(lead_days)));
    latest_purchase.map_or(lapse, |latest| lapse.min(latest)).max(transfer_on)
}

pub(super) fn line_findings(
    purchase_lead_days: u32,
    subscription: &Subscription,
    working_path: MigrationPath,
    line: &mut PlanLine,
    findings: &mut Vec<Finding>,
) {
    if working_path == MigrationPath::PartnerTransfer {
        if let Some(transfer_on) = line.dates.transfer_on {
            let fallback = fallback_on(transfer_on, line.dates.term_end, purchase_lead_days);
            line.dates.fallback_on = Some(fallback);
            findings.push(Finding::new(FindingCode::TransferFallback).with("fallback_on", fallback));
        }
        if let Some(term_end) = line.dates.term_end {
            findings.push(
                Finding::new(FindingCode::ScheduledChangesDeleted)
                    .with("renewal_on", dates::cutover_on(term_end)),
            );
        }
    }
    if subscription.channel == Channel::Ea {
        let code = match working_path {
            MigrationPath::EaChannelTransfer => FindingCode::EaRenewalAsk,
            _ => FindingCode::EaRenewalRefusedPurchase,
        };
        findings.push(Finding::new(code));
        findings.push(Finding::new(FindingCode::GdapNotForEa));
    }
    let three_year_target =
        line.target.as_ref().filter(|target| crate::catalog::has_three_year_term(&target.sku_part_number));
    if let (Some(target), Term::P3Y) = (three_year_target, subscription.term) {
        findings.push(
            Finding::new(FindingCode::ThreeYearTerm)
                .with("target", target.name.as_str())
                .with("seats", line.seats),
        );
    }
}

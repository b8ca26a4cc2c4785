//! The built-in demo shows every kind of line the planner handles, on any day.

use chrono::NaiveDate;
use csp_planner::catalog::Catalog;
use csp_planner::demo::demo_input;
use csp_planner::model::{Channel, MigrationPath};
use csp_planner::plan::{make_plan, FindingCode};
use csp_planner::rules::RuleId;

#[test]
fn the_demo_covers_every_channel_a_retired_suite_a_credit_case_and_a_blocker_on_any_day() {
    for as_of in ["2026-11-24", "2027-06-30", "2030-01-15"] {
        let as_of: NaiveDate = as_of.parse().expect("a date");
        let input = demo_input(as_of);
        assert!((10..=15).contains(&input.subscriptions.len()));
        for subscription in input.subscriptions.iter().filter(|subscription| subscription.sku_id.is_some()) {
            let sku_id = subscription.sku_id.as_deref().unwrap_or_default();
            assert!(Catalog::builtin().by_sku_id(sku_id).is_some(), "{sku_id} is a real SKU");
        }
        let plan = make_plan(&input, Catalog::builtin());
        let customer = &plan.customers[0];
        let paths: Vec<MigrationPath> = customer.lines.iter().map(|line| line.path).collect();
        for path in MigrationPath::ALL {
            assert!(paths.contains(&path), "{as_of}: no {path:?} line");
        }
        let codes: Vec<FindingCode> = plan.findings().map(|finding| finding.code).collect();
        for code in [
            FindingCode::TeamsSuiteRetired,
            FindingCode::CreditPossible,
            FindingCode::PurchaseTooLate,
            FindingCode::UnknownSku,
            FindingCode::ChannelUnknown,
            FindingCode::FreeSkuNotMigrated,
            FindingCode::TrialNotMigrated,
        ] {
            assert!(codes.contains(&code), "{as_of}: no {code:?}");
        }
        for rule in [
            RuleId::Rel1,
            RuleId::Mca1,
            RuleId::P2pTransfer,
            RuleId::EaChannel,
            RuleId::Cred1,
            RuleId::TeamsUnbundle,
            RuleId::Expired30,
        ] {
            assert!(plan.rules_fired().contains(&rule), "{as_of}: {rule} did not fire");
        }
        assert!(customer.checklist.len() >= 8);
        // Today's world: no legacy CSP line, and the December 2026 facts show.
        assert!(input.subscriptions.iter().all(|subscription| subscription.channel != Channel::CspLegacy));
        for code in [
            FindingCode::TeamsEeaLicence,
            FindingCode::TransferFallback,
            FindingCode::EaRenewalAsk,
            FindingCode::GdapNotForEa,
            FindingCode::BillingAccountUnknown,
            FindingCode::CreditMosa,
            FindingCode::DirectLifecycleDates,
            FindingCode::EaLifecycleDates,
        ] {
            assert!(codes.contains(&code), "{as_of}: no {code:?}");
        }
    }
}

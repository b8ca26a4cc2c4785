//! One golden file per import case: each fixture of `tests/fixtures/import/`, read
//! with the options a user would choose, must give the outcome written in
//! `tests/golden/import/<case>.json` (the subscriptions, the report: format
//! recognised, counts, issues with file, line and field, rejected rows; prices,
//! licensing tables and unmapped tables). Every row is accounted for.
//!
//! Regenerate after a deliberate change: `UPDATE_GOLDEN=1 cargo test --test import_formats`,
//! then read the diff. The short tests below name what a golden file cannot show
//! (an option changing a field, two files reading alike, an invariant).

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail the test by panicking"
)]

use std::path::{Path, PathBuf};

use csp_planner::import::{import_files, FormatId, ImportOptions, ImportOutcome, InputFile, IssueKind};

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

/// One golden case: the files imported together and the options they are imported with.
struct Case {
    name: &'static str,
    files: &'static [&'static str],
    options: fn() -> ImportOptions,
}

fn default_options() -> ImportOptions {
    ImportOptions::default()
}

/// The mapping the importer suggests for the French hand-made list, confirmed as is
/// (what the user does in the review step).
fn french_list_confirmed() -> ImportOptions {
    let unmapped = import(&["french-handmade-cp1252.csv"]).unmapped_tables;
    ImportOptions {
        mappings: unmapped.into_iter().map(|table| table.suggested).collect(),
        ..default_options()
    }
}

fn second_sheet_accepted() -> ImportOptions {
    ImportOptions { sheet: Some("Licences FR".into()), accept_suggested_mappings: true, ..default_options() }
}

fn read_as_mapped_table() -> ImportOptions {
    ImportOptions { format_override: Some(FormatId::MappedTable), ..default_options() }
}

const CASES: &[Case] = &[
    Case { name: "planner-template", files: &["planner-template.csv"], options: default_options },
    Case {
        name: "planner-template-libreoffice-xlsx",
        files: &["planner-template-libreoffice.xlsx"],
        options: default_options,
    },
    Case {
        name: "template-unicode-text-utf16le",
        files: &["template-unicode-text-utf16le.txt"],
        options: default_options,
    },
    Case { name: "graph-subscribed-skus", files: &["graph-subscribedSkus.json"], options: default_options },
    Case {
        name: "graph-directory-subscriptions",
        files: &["graph-directory-subscriptions.json"],
        options: default_options,
    },
    Case {
        name: "graph-joined-across-files",
        files: &["graph-directory-subscriptions.json", "graph-subscribedSkus.json"],
        options: default_options,
    },
    Case {
        name: "partner-center-json-collection",
        files: &["partner-center-subscriptions.json"],
        options: default_options,
    },
    Case {
        name: "partner-center-json-single",
        files: &["partner-center-subscription-single.json"],
        options: default_options,
    },
    Case { name: "partner-center-csv", files: &["partner-center-export.csv"], options: default_options },
    Case {
        name: "partner-center-csv-read-as-mapped-table",
        files: &["partner-center-export.csv"],
        options: read_as_mapped_table,
    },
    Case { name: "nce-bulk-migration", files: &["nce-bulk-subscriptions.csv"], options: default_options },
    Case {
        name: "nce-price-list-with-subscriptions",
        files: &["partner-center-subscriptions.json", "nce-pricelist.csv"],
        options: default_options,
    },
    Case {
        name: "powershell-mg-subscribed-sku",
        files: &["powershell-mg-subscribedsku.csv"],
        options: default_options,
    },
    Case {
        name: "powershell-azuread-subscribed-sku",
        files: &["powershell-azuread-subscribedsku.csv"],
        options: default_options,
    },
    Case {
        name: "powershell-msol-account-sku",
        files: &["powershell-msol-accountsku.csv"],
        options: default_options,
    },
    Case { name: "cipp-license-report", files: &["cipp-license-report.csv"], options: default_options },
    Case {
        name: "licensing-reference",
        files: &["licensing-reference-excerpt.csv"],
        options: default_options,
    },
    Case {
        name: "french-handmade-list-unmapped",
        files: &["french-handmade-cp1252.csv"],
        options: default_options,
    },
    Case {
        name: "french-handmade-list-mapped",
        files: &["french-handmade-cp1252.csv"],
        options: french_list_confirmed,
    },
    Case { name: "xlsx-first-sheet", files: &["workbook-two-sheets.xlsx"], options: default_options },
    Case {
        name: "xlsx-second-sheet-mapped",
        files: &["workbook-two-sheets.xlsx"],
        options: second_sheet_accepted,
    },
];

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/import")
}

/// Where two texts part, as `line N: expected … / actual …`, so a failure reads at once.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    for number in 1.. {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(wanted), Some(got)) if wanted == got => continue,
            (wanted, got) => {
                return format!(
                    "line {number}:\n  expected: {}\n  actual:   {}",
                    wanted.unwrap_or("(end of file)"),
                    got.unwrap_or("(end of file)")
                )
            }
        }
    }
    unreachable!("the loop returns at the first difference")
}

#[test]
fn imports_match_their_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for case in CASES {
        let outcome = import_with(case.files, &(case.options)());
        let actual = serde_json::to_string_pretty(&outcome).expect("serializable") + "\n";
        let path = golden_dir().join(format!("{}.json", case.name));
        if update {
            std::fs::create_dir_all(golden_dir()).expect("creatable golden dir");
            std::fs::write(&path, &actual).expect("writable golden dir");
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
        if expected != actual {
            failures.push(format!("{}: {}", case.name, first_difference(&expected, &actual)));
        }
    }
    assert!(
        failures.is_empty(),
        "imports differ from their golden files (UPDATE_GOLDEN=1 to regenerate, then review the diff):\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_format_has_a_golden_case_and_every_golden_file_a_case() {
    for format in FormatId::ALL {
        let covered = CASES.iter().any(|case| {
            import_with(case.files, &(case.options)())
                .report
                .formats
                .iter()
                .any(|file| file.format == Some(format))
        });
        assert!(covered, "no golden case reads {format:?}");
    }
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        return;
    }
    for entry in std::fs::read_dir(golden_dir()).expect("tests/golden/import") {
        let name = entry.expect("a readable entry").file_name().to_string_lossy().into_owned();
        let case = name.strip_suffix(".json").unwrap_or(&name);
        assert!(CASES.iter().any(|known| known.name == case), "{name} has no case: delete it");
    }
}

#[test]
fn downloadable_template_imports_as_the_template_without_issues() {
    let file =
        InputFile { name: "template.csv".into(), bytes: csp_planner::import::template_csv().into_bytes() };
    let outcome = import_files(&[file], &ImportOptions::default());
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::PlannerTemplate));
    assert_eq!(outcome.subscriptions.len(), 2);
    assert!(outcome.report.issues.is_empty(), "{:#?}", outcome.report.issues);
    assert!(outcome.subscriptions.iter().all(|subscription| subscription.customer.starts_with("Example")));
}

/// `planner-template-libreoffice.xlsx` is `planner-template.csv` opened and
/// saved by LibreOffice Calc 7.4 (`soffice --headless --convert-to xlsx`):
/// a real writer's shared strings, custom `yyyy\-mm\-dd` date style, boolean
/// cells, a "TRUE"/"FALSE" number format and `date1904="false"`.
#[test]
fn a_workbook_written_by_libreoffice_imports_like_its_csv() {
    let from_csv = import(&["planner-template.csv"]);
    let from_xlsx = import(&["planner-template-libreoffice.xlsx"]);
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
    let recognised = import(&["partner-center-export.csv"]);
    let overridden = import_with(&["partner-center-export.csv"], &read_as_mapped_table());
    assert_eq!(recognised.report.formats[0].format, Some(FormatId::PartnerCenterCsv));
    assert_eq!(overridden.report.formats[0].format, Some(FormatId::MappedTable));
    assert_eq!(overridden.subscriptions.len(), recognised.subscriptions.len());
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
}

/// The golden file shows the price rows read and the subscriptions left without
/// a price; what a plan input keeps of them is [`relevant_prices`]'s choice.
#[test]
fn price_list_rows_kept_are_those_about_the_imported_offers() {
    let outcome = import(&["partner-center-subscriptions.json", "nce-pricelist.csv"]);
    // A price list gives the partner's cost, never the customer's current price.
    assert!(outcome.subscriptions.iter().all(|subscription| subscription.unit_price.is_none()));
    let kept = csp_planner::import::relevant_prices(
        &outcome.prices,
        &outcome.subscriptions,
        csp_planner::catalog::Catalog::builtin(),
    );
    let kept: Vec<(&str, f64, Option<f64>)> =
        kept.iter().map(|price| (price.offer_prefix.as_str(), price.unit_price, price.erp_price)).collect();
    assert_eq!(
        kept,
        [
            ("CFQ7TTC0LH18:0001", 5.6, Some(6.16)),
            ("CFQ7TTC0LH18:0001", 67.2, Some(73.92)),
            ("CFQ7TTC0LH18:0001", 6.72, Some(7.39)),
            ("CFQ7TTC0LFLZ:0002", 40.7, Some(44.77))
        ],
        "every term of the imported offers; nothing for the legacy offer"
    );
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

//! What the importer says when it cannot read something: every issue has a
//! file, a line and a field where they apply, a message in English and
//! French, and no row disappears.

#![allow(clippy::panic, reason = "a fixture that cannot be read fails the test")]

use std::path::Path;

use csp_planner::i18n::Lang;
use csp_planner::import::{
    import_files, retry_rejected_row, FileKind, FormatId, ImportOptions, ImportOutcome, InputFile, IssueKind,
    JsonProblem, Severity, WorkbookProblem, MAX_FILE_BYTES,
};

fn fixture(name: &str) -> InputFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("fixture {}: {error}", path.display()));
    InputFile { name: name.to_owned(), bytes }
}

fn text_file(name: &str, text: &str) -> InputFile {
    InputFile { name: name.to_owned(), bytes: text.as_bytes().to_vec() }
}

fn import(files: Vec<InputFile>) -> ImportOutcome {
    let outcome = import_files(&files, &ImportOptions::default());
    assert!(outcome.report.counts().balances(), "{:?}", outcome.report.counts());
    for issue in &outcome.report.issues {
        for lang in Lang::ALL {
            assert!(!issue.message(lang).trim().is_empty(), "{issue:?} has no {lang:?} message");
        }
        assert_ne!(issue.message(Lang::En), issue.message(Lang::Fr), "{issue:?} is not translated");
    }
    outcome
}

fn only_issue(outcome: &ImportOutcome) -> &csp_planner::import::Issue {
    assert_eq!(outcome.report.issues.len(), 1, "{:#?}", outcome.report.issues);
    &outcome.report.issues[0]
}

#[test]
fn files_that_are_not_tables_say_what_they_look_like() {
    for (name, looks_like, words) in [
        ("screenshot.png", FileKind::PngImage, "image"),
        ("invoice.pdf", FileKind::Pdf, "PDF"),
        ("export-archive.zip", FileKind::Zip, "zip archive"),
    ] {
        let outcome = import(vec![fixture(name)]);
        let issue = only_issue(&outcome);
        assert_eq!(issue.kind, IssueKind::NotATable { looks_like });
        assert_eq!((issue.severity, issue.line), (Severity::Error, None));
        let message = issue.message(Lang::En);
        assert!(message.contains(words) && message.contains("Export"), "{message}");
        assert!(issue.message(Lang::Fr).contains("Exportez"));
    }
}

#[test]
fn renaming_a_file_changes_nothing() {
    let mut renamed = fixture("graph-subscribedSkus.json");
    renamed.name = "licences.csv".into();
    let outcome = import(vec![renamed]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::GraphSubscribedSkus));
    let mut image = fixture("screenshot.png");
    image.name = "subscriptions.csv".into();
    assert!(matches!(
        only_issue(&import(vec![image])).kind,
        IssueKind::NotATable { looks_like: FileKind::PngImage }
    ));
}

#[test]
fn invalid_json_says_where_and_what_in_plain_words() {
    let outcome = import(vec![fixture("graph-truncated.json")]);
    let issue = only_issue(&outcome);
    assert_eq!(
        issue.kind,
        IssueKind::InvalidJson { line: 7, column: 5, problem: JsonProblem::TrailingComma }
    );
    assert_eq!(
        issue.message(Lang::En),
        "This JSON file is invalid at line 7, column 5: there is a comma just before a closing bracket."
    );
    assert!(issue
        .message(Lang::Fr)
        .starts_with("Ce fichier JSON est invalide ligne 7, colonne 5 : il y a une virgule"));

    let truncated = import(vec![text_file("cut.json", "{\"value\": [ {\"skuId\": \"c7df")]);
    assert!(only_issue(&truncated).message(Lang::En).contains("truncated"));
}

#[test]
fn damaged_workbooks_say_what_is_wrong() {
    let workbook = fixture("workbook-two-sheets.xlsx");
    let mut cut = workbook.clone();
    cut.bytes.truncate(cut.bytes.len() / 2);
    let outcome = import(vec![cut]);
    let issue = only_issue(&outcome);
    assert_eq!(
        (&issue.kind, issue.severity),
        (&IssueKind::InvalidWorkbook { problem: WorkbookProblem::Truncated }, Severity::Error)
    );
    assert!(
        issue.message(Lang::En).contains("partial download")
            && issue.message(Lang::En).contains("save it again"),
        "{}",
        issue.message(Lang::En)
    );
    assert!(issue.message(Lang::Fr).contains("téléchargement interrompu"), "{}", issue.message(Lang::Fr));

    // One byte changed inside the first sheet's compressed data (after its local header).
    let mut damaged = workbook.clone();
    let name = b"xl/worksheets/sheet1.xml";
    let header =
        damaged.bytes.windows(name.len()).position(|window| window == name).expect("a local header") - 30;
    let extra = usize::from(u16::from_le_bytes([damaged.bytes[header + 28], damaged.bytes[header + 29]]));
    damaged.bytes[header + 30 + name.len() + extra + 10] ^= 0x5A;
    let outcome = import(vec![damaged]);
    let issue = only_issue(&outcome);
    assert_eq!(
        issue.kind,
        IssueKind::InvalidWorkbook {
            problem: WorkbookProblem::DamagedPart { part: "xl/worksheets/sheet1.xml".into() }
        }
    );
    assert!(
        issue.message(Lang::En).contains("its part xl/worksheets/sheet1.xml is damaged"),
        "{}",
        issue.message(Lang::En)
    );
    assert!(issue.message(Lang::Fr).contains("endommagée"));

    let options = ImportOptions { sheet: Some("Feuil1".into()), ..ImportOptions::default() };
    let outcome = import_files(&[workbook], &options);
    let issue = only_issue(&outcome);
    assert_eq!(
        issue.message(Lang::En),
        "The workbook has no sheet named \"Feuil1\"; its sheets are: Abonnements, Licences FR."
    );
}

#[test]
fn files_above_the_size_limit_are_refused_with_the_limit() {
    let big = InputFile {
        name: "huge.csv".into(),
        bytes: vec![b'a'; usize::try_from(MAX_FILE_BYTES).unwrap_or(0) + 1],
    };
    let outcome = import(vec![big]);
    let issue = only_issue(&outcome);
    assert!(matches!(issue.kind, IssueKind::TooLarge { limit_bytes: MAX_FILE_BYTES, .. }));
    assert!(issue.message(Lang::En).contains("up to 50.0 MB"), "{}", issue.message(Lang::En));
    assert!(issue.message(Lang::Fr).contains("jusqu’à 50,0 Mo"));
}

#[test]
fn empty_files_are_reported() {
    let outcome = import(vec![text_file("empty.csv", " \r\n")]);
    assert_eq!(only_issue(&outcome).kind, IssueKind::EmptyFile);
}

#[test]
fn field_errors_carry_file_line_and_column_and_keep_the_row() {
    let csv = "customer,subscription_id,product,sku_part_number,sku_id,seats_total,seats_assigned,term,term_end,auto_renew,channel\n\
               Contoso,s1,Office 365 E3,ENTERPRISEPACK,not-a-guid,10,3,P1Y,2026-02-30,perhaps,nce\n\
               Contoso,s2,Office 365 E5,ENTERPRISEPREMIUM,,ten,3,P1Y,2026-03-31,yes,direct\n\
               Contoso,s3,,,,4,,,,,\n\
               Contoso,,,,,4,,,,,\n";
    let outcome = import(vec![text_file("hand.csv", csv)]);
    assert_eq!(outcome.report.formats[0].format, Some(FormatId::PlannerTemplate));
    let report = &outcome.report;
    assert_eq!(
        (report.rows_read, report.imported, report.imported_with_warnings, report.rejected),
        (4, 2, 1, 2)
    );
    let at = |line: u32, field: &str| {
        report
            .issues
            .iter()
            .find(|issue| issue.line == Some(line) && issue.field.as_deref() == Some(field))
            .map(|issue| &issue.kind)
    };
    assert_eq!(
        at(2, "sku_id"),
        Some(&IssueKind::InvalidValue {
            value: "not-a-guid".into(),
            expected: csp_planner::import::ValueKind::Guid
        })
    );
    assert_eq!(at(2, "term_end"), Some(&IssueKind::InvalidDate { value: "2026-02-30".into() }));
    assert!(matches!(at(2, "auto_renew"), Some(IssueKind::InvalidValue { .. })));
    assert!(matches!(at(3, "seats_total"), Some(IssueKind::InvalidCount { .. })));
    let sentence =
        report.issues.iter().find(|issue| issue.line == Some(3)).map(|issue| issue.located_message(Lang::En));
    assert_eq!(
        sentence.as_deref(),
        Some("hand.csv, line 3, seats_total: \"ten\" in seats_total is not a license count: not a number.")
    );
    let s1 = &outcome.subscriptions[0];
    assert_eq!((s1.sku_id.as_ref(), s1.term_end, s1.auto_renew, s1.seats_total), (None, None, None, 10));
    assert_eq!(s1.channel, csp_planner::model::Channel::CspNce);
    assert_eq!(report.rejected_rows.len(), 2);
    assert_eq!(report.rejected_rows[0].line, 3);
    assert_eq!(report.rejected_rows[0].cells[5], "ten");
    assert_eq!(report.rejected_rows[1].line, 5, "a row naming nothing is kept too");
}

#[test]
fn a_rejected_row_reports_every_error_of_the_row_at_once() {
    let csv = "customer,subscription_id,product,sku_part_number,sku_id,seats_total,seats_assigned,term,term_end,auto_renew,channel\n\
               Contoso,s1,Office 365 E3,ENTERPRISEPACK,,10,3,P1Y,2026-03-31,yes,direct\n\
               Contoso,,,,not-a-guid,ten,,P1Y,2026-02-30,perhaps,\n";
    let outcome = import(vec![text_file("hand.csv", csv)]);
    let report = &outcome.report;
    assert_eq!((report.imported, report.rejected), (1, 1));
    let at_line_3: Vec<(Option<&str>, &IssueKind, Severity)> = report
        .issues_at("hand.csv", 3)
        .map(|issue| (issue.field.as_deref(), &issue.kind, issue.severity))
        .collect();
    let fields: Vec<Option<&str>> = at_line_3.iter().map(|(field, _, _)| *field).collect();
    for expected in [Some("sku_id"), Some("seats_total"), Some("term_end"), Some("auto_renew"), None] {
        assert!(fields.contains(&expected), "{expected:?} in {at_line_3:#?}");
    }
    let errors: Vec<&IssueKind> = at_line_3
        .iter()
        .filter(|(_, _, severity)| *severity == Severity::Error)
        .map(|(_, kind, _)| *kind)
        .collect();
    assert!(
        matches!(errors.as_slice(), [IssueKind::InvalidCount { .. }, IssueKind::MissingIdentity]),
        "{errors:#?}"
    );

    // Fixing the seats alone: the row is rejected again, for what is still wrong only.
    let mut row = report.rejected_rows[0].clone();
    row.cells[5] = "10".into();
    let retried = retry_rejected_row(&row, &ImportOptions::default());
    let kinds: Vec<&IssueKind> = retried
        .report
        .issues
        .iter()
        .filter(|issue| issue.severity == Severity::Error)
        .map(|issue| &issue.kind)
        .collect();
    assert_eq!(kinds, [&IssueKind::MissingIdentity]);

    // A Partner Center item with neither an identity nor a readable quantity says both.
    let json = r#"{"items":[{"id":"","offerId":"","offerName":"","quantity":"many","commitmentEndDate":"someday","autoRenewEnabled":true}]}"#;
    let outcome = import(vec![text_file("subscriptions.json", json)]);
    let errors: Vec<(Option<&str>, &IssueKind)> = outcome
        .report
        .issues
        .iter()
        .filter(|issue| issue.severity == Severity::Error)
        .map(|issue| (issue.field.as_deref(), &issue.kind))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors.iter().any(|(field, _)| *field == Some("quantity")));
    assert!(errors.iter().any(|(_, kind)| **kind == IssueKind::MissingIdentity));
    assert!(outcome.report.issues.iter().any(|issue| issue.field.as_deref() == Some("commitmentEndDate")));
}

#[test]
fn a_rejected_row_fixed_in_place_imports_at_its_line() {
    let csv = "customer,subscription_id,product,sku_part_number,seats_total,seats_assigned,term_end\n\
               Contoso,s1,Office 365 E3,ENTERPRISEPACK,10,3,2026-03-31\n\
               Contoso,s2,Office 365 E5,ENTERPRISEPREMIUM,ten,3,2026-03-31\n";
    let outcome = import(vec![text_file("hand.csv", csv)]);
    let mut row = outcome.report.rejected_rows[0].clone();
    row.cells[4] = "10".into();
    let retried = retry_rejected_row(&row, &ImportOptions::default());
    assert!(retried.report.issues.is_empty(), "{:#?}", retried.report.issues);
    assert_eq!(retried.subscriptions.len(), 1);
    assert_eq!((retried.subscriptions[0].seats_total, retried.subscriptions[0].source.line), (10, 3));

    let json = import(vec![fixture("partner-center-subscriptions.json")]);
    let mut row = json.report.rejected_rows[0].clone();
    let quantity = row.headers.iter().position(|header| header == "quantity").unwrap_or(usize::MAX);
    if let Some(cell) = row.cells.get_mut(quantity) {
        *cell = "2".into();
    }
    let retried = retry_rejected_row(&row, &ImportOptions::default());
    assert_eq!(retried.subscriptions.len(), 1, "{:#?}", retried.report.issues);
    assert_eq!((retried.subscriptions[0].seats_total, retried.subscriptions[0].source.line), (2, row.line));
    assert_eq!(
        retried.subscriptions[0].channel,
        csp_planner::model::Channel::CspNce,
        "nested productType survives"
    );
}

#[test]
fn ambiguous_dates_follow_the_user_or_say_what_was_assumed() {
    let csv =
        "product,seats_total,seats_assigned,sku_part_number,term_end\nE3,5,1,ENTERPRISEPACK,03/04/2026\n";
    let outcome = import(vec![text_file("us.csv", csv)]);
    assert!(outcome
        .report
        .issues
        .iter()
        .any(|issue| matches!(issue.kind, IssueKind::AmbiguousDateOrder { .. })));
    assert_eq!(outcome.subscriptions[0].term_end, chrono::NaiveDate::from_ymd_opt(2026, 3, 4));
    let options = ImportOptions {
        date_order: Some(csp_planner::import::DateOrder::DayMonthYear),
        ..ImportOptions::default()
    };
    let outcome = import_files(&[text_file("fr.csv", csv)], &options);
    assert!(outcome.report.issues.is_empty(), "{:#?}", outcome.report.issues);
    assert_eq!(outcome.subscriptions[0].term_end, chrono::NaiveDate::from_ymd_opt(2026, 4, 3));
}

#[test]
fn duplicate_ids_are_suffixed_and_reported() {
    let csv = "subscription_id,product,sku_part_number,seats_total,seats_assigned,term_end\nabc,E3,ENTERPRISEPACK,5,1,\nabc,E5,ENTERPRISEPREMIUM,5,1,\n";
    let outcome = import(vec![text_file("dup.csv", csv)]);
    let ids: Vec<&str> = outcome.subscriptions.iter().map(|s| s.subscription_id.as_str()).collect();
    assert_eq!(ids, ["abc", "abc#2"]);
    assert!(
        matches!(&only_issue(&outcome).kind, IssueKind::DuplicateSubscriptionId { renamed_to, .. } if renamed_to == "abc#2")
    );
}

#[test]
fn an_empty_graph_answer_says_so() {
    let outcome = import(vec![text_file("empty.json", r#"{"@odata.context": "x", "value": []}"#)]);
    assert_eq!(only_issue(&outcome).kind, IssueKind::EmptyJsonList);
    let outcome = import(vec![text_file("numbers.json", "[1, 2]")]);
    assert_eq!(only_issue(&outcome).kind, IssueKind::JsonWithoutSubscriptions);
}

#[test]
fn a_json_list_of_another_shape_waits_for_a_mapping() {
    let json = r#"[{"Produit": "Microsoft 365 E3", "Licences": 12, "Fin": "2026-06-30"}]"#;
    let outcome = import(vec![text_file("export.json", json)]);
    assert_eq!(outcome.unmapped_tables.len(), 1);
    let mut headers = outcome.unmapped_tables[0].headers.clone();
    headers.sort();
    assert_eq!(headers, ["Fin", "Licences", "Produit"]);
    assert!(matches!(only_issue(&outcome).kind, IssueKind::TableNotRecognised { rows: 1 }));
}

#[test]
fn the_report_survives_a_json_round_trip() {
    let outcome = import(vec![
        fixture("partner-center-subscriptions.json"),
        fixture("graph-truncated.json"),
        fixture("screenshot.png"),
        fixture("french-handmade-cp1252.csv"),
    ]);
    let text = serde_json::to_string(&outcome).unwrap_or_default();
    let back: ImportOutcome = serde_json::from_str(&text).unwrap_or_else(|error| panic!("{error}: {text}"));
    assert_eq!(back, outcome);
    let issue = serde_json::to_value(&outcome.report.issues[0]).unwrap_or_default();
    assert!(
        issue.get("kind").is_some() && issue.get("severity").is_some() && issue.get("file").is_some(),
        "{issue}"
    );
}

//! `cspplan plan` end to end: files in, documented JSON or Markdown out, exit codes.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail the test by panicking"
)]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn cspplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cspplan")).arg("plan").args(args).output().expect("cspplan runs")
}

fn temporary_file(name: &str, contents: &str) -> PathBuf {
    let directory = std::env::temp_dir().join(format!("cspplan-plan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("a temporary directory");
    let path = directory.join(name);
    std::fs::write(&path, contents).expect("a temporary file");
    path
}

fn json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON on standard output")
}

#[test]
fn a_template_csv_gives_the_documented_json() {
    let path = temporary_file("template.csv", &csp_planner::import::template_csv());
    let plan = json(&cspplan(&[
        path.to_str().unwrap_or_default(),
        "--partner-country",
        "FR",
        "--as-of",
        "2026-05-01",
    ]));
    assert_eq!(plan["schema_version"], 1);
    assert_eq!(plan["rules_as_of"], "2026-12-03");
    let line = &plan["customers"][0]["lines"][0];
    for key in ["subscription_id", "product", "path", "target", "seats", "dates", "findings"] {
        assert!(line.get(key).is_some(), "a line has `{key}`");
    }
    for key in ["term_end", "auto_renew_off_by", "purchase_on", "cancel_window_ends", "data_at_risk_after"] {
        assert!(line["dates"].get(key).is_some(), "dates have `{key}`");
    }
    for key in ["sku_id", "sku_part_number", "name"] {
        assert!(line["target"].get(key).is_some(), "target has `{key}`");
    }
    let finding = &line["findings"][0];
    for key in ["rule", "severity", "message"] {
        assert!(finding.get(key).is_some(), "a finding has `{key}`");
    }
    assert_eq!(plan["customers"][0]["lines"][1]["path"], "partner_transfer");
}

#[test]
fn a_saved_plan_input_is_read_as_a_draft_and_french_is_available() {
    let input = serde_json::to_string(&csp_planner::demo::demo_input(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default(),
    ))
    .expect("serializable");
    let path = temporary_file("draft.json", &input);
    let plan = json(&cspplan(&[path.to_str().unwrap_or_default(), "--lang", "fr", "--as-of", "2026-11-24"]));
    assert_eq!(plan["lang"], "fr");
    assert_eq!(plan["customers"][0]["name"], "Contoso Rénovation SAS");
    assert_eq!(plan["customers"][0]["lines"].as_array().map(Vec::len), Some(14));
    assert!(plan["blockers"].as_u64().unwrap_or_default() > 0, "the demo has blockers and still exits 0");
    let messages = plan["customers"][0]["lines"][0]["findings"].to_string();
    assert!(messages.contains("fenêtre") || messages.contains("annulable"), "{messages}");
}

#[test]
fn markdown_is_the_apps_partner_report() {
    let output = cspplan(&["--demo", "--format", "md", "--as-of", "2026-11-24"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let input = csp_planner::demo::demo_input(as_of);
    let catalog = csp_planner::catalog::Catalog::builtin();
    let plan = csp_planner::plan::make_plan(&input, catalog);
    let cost = csp_planner::cost::assess(&plan, &input, catalog);
    let report =
        csp_planner::export::report::partner_report(&plan, &input, &cost, csp_planner::i18n::Lang::En);
    assert_eq!(text, csp_planner::export::markdown::to_markdown(&report));
    assert!(text.starts_with("# Migration plan: Contoso Rénovation SAS\n"), "{text}");
    // What the command's own Markdown had: findings with their rule ids, dates, the checklist.
    for wanted in [
        "`NCE-CANCEL`",
        "## Blockers",
        "## About the whole customer",
        "## Checklist",
        "| By | Who | Step | Rule |",
        "Data at risk after",
        "## Costs and margin",
        "### Purchase list",
        "## Rules and sources",
    ] {
        assert!(text.contains(wanted), "{wanted} in {text}");
    }
}

#[test]
fn unreadable_inputs_and_bad_arguments_exit_2_with_a_message() {
    let missing = cspplan(&["/no/such/file.csv"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /no/such/file.csv"));

    let garbage = temporary_file("garbage.bin", "\u{0}\u{1}\u{2} not a table");
    let unreadable = cspplan(&[garbage.to_str().unwrap_or_default()]);
    assert_eq!(unreadable.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unreadable.stderr).contains("no subscription could be read"));

    let bad_date = cspplan(&["--demo", "--as-of", "24/11/2026"]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("--as-of"));

    assert_eq!(cspplan(&[]).status.code(), Some(2));
    assert_eq!(cspplan(&["--demo", "--lang", "de"]).status.code(), Some(2));
    assert_eq!(cspplan(&["--demo", "--partner-country", "France!"]).status.code(), Some(2));
}

#[test]
fn the_as_of_date_defaults_to_today() {
    let plan = json(&cspplan(&["--demo"]));
    let as_of = plan["as_of"].as_str().unwrap_or_default();
    assert_eq!(as_of.len(), 10, "{as_of}");
    assert!(as_of.as_bytes()[4] == b'-' && as_of >= "2026-01-01", "{as_of}");
}

#[test]
fn help_lists_every_option_and_exits_0() {
    for args in [&["--help"][..], &["-h"], &["--demo", "--help"]] {
        let output = cspplan(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let help = String::from_utf8_lossy(&output.stdout);
        assert!(help.contains("usage: cspplan plan [OPTIONS] FILE..."), "{help}");
        for option in [
            "--partner-country CC",
            "--customer-country CC",
            "--as-of YYYY-MM-DD",
            "--lang en|fr",
            "--format json|md",
            "--catalog CSV",
            "--accept-mappings",
            "--demo",
            "--billing CHOICE",
            "--sell-prices CSV",
            "-h, --help",
        ] {
            assert!(help.contains(option), "{option} in {help}");
        }
    }
    let french = cspplan(&["--lang", "fr", "--help"]);
    assert!(String::from_utf8_lossy(&french.stdout).contains("utilisation : cspplan plan"));

    let top = Command::new(env!("CARGO_BIN_EXE_cspplan")).arg("--help").output().expect("cspplan runs");
    assert_eq!(top.status.code(), Some(0));
    let usage = String::from_utf8_lossy(&top.stdout);
    assert!(
        usage.contains("cspplan plan [OPTIONS] FILE...")
            && usage.contains("cspplan import [OPTIONS] FILE...")
    );
}

#[test]
fn usage_errors_say_which_option_and_what_is_wrong() {
    let stderr = |args: &[&str]| {
        let output = cspplan(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let unknown = stderr(&["--demo", "--colour", "red"]);
    assert!(unknown.starts_with("cspplan: unknown option --colour\nusage: cspplan plan"), "{unknown}");
    assert!(stderr(&["--demo", "--as-of"]).contains("--as-of needs a value (YYYY-MM-DD)"));
    assert!(stderr(&["--demo", "--demo=yes"]).contains("--demo takes no value"));
    assert!(stderr(&["--demo", "--format", "pdf"]).contains("--format: unknown format \"pdf\""));
    assert!(stderr(&["--demo", "--partner-country", "France!"]).contains("--partner-country: \"France!\""));
    assert!(stderr(&["--demo", "--billing", "weekly"]).contains("--billing: unknown billing \"weekly\""));
    assert!(stderr(&["--lang", "fr", "--demo", "--billing", "weekly"])
        .contains("--billing: facturation inconnue \"weekly\""));
    assert!(stderr(&[]).starts_with("cspplan: no file to plan\n"));
    // `--as-of=DATE` is the same as `--as-of DATE`.
    let plan = json(&cspplan(&["--demo", "--as-of=2026-11-24"]));
    assert_eq!(plan["as_of"], "2026-11-24");
}

#[test]
fn the_demo_with_a_sell_price_file_gives_its_cost_and_margin() {
    let prices = temporary_file(
        "sell-prices.csv",
        "sku_id,product,billing,currency,monthly_price\r\n\
         cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46,Microsoft 365 Business Premium,annual-upfront,EUR,24.00\r\n\
         not-a-sku,Broken,annual-upfront,EUR,1\r\n",
    );
    let output = cspplan(&[
        "--demo",
        "--as-of",
        "2026-12-03",
        "--billing",
        "annual-upfront",
        "--sell-prices",
        prices.to_str().unwrap_or_default(),
    ]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("line 3, sku_id"), "the bad row is reported");
    let plan = json(&output);
    let cost = &plan["cost"];
    assert_eq!(cost["billing_default"], "annual-upfront");
    let premium = cost["customers"][0]["lines"]
        .as_array()
        .and_then(|lines| lines.iter().find(|line| line["subscription_id"] == "DIR-BP-001"))
        .cloned()
        .unwrap_or_default();
    // 24.00 a seat a month for 45 seats, against the demo list's 247.20 a seat a year.
    assert_eq!(premium["csp_yearly"], serde_json::json!({ "amount": 12960.0, "currency": "EUR" }));
    assert_eq!(premium["margin_yearly"], serde_json::json!({ "amount": 1836.0, "currency": "EUR" }));
    assert!(premium["suggestions"][0]["message"].as_str().is_some_and(|message| message.contains("41")));
    let totals = &cost["totals"]["by_currency"][0];
    assert_eq!(totals["currency"], "EUR");
    assert_eq!(totals["margin_yearly"], 183_600, "in cents");
    let markdown = cspplan(&["--demo", "--as-of", "2026-12-03", "--format", "md", "--lang", "fr"]);
    assert!(String::from_utf8_lossy(&markdown.stdout).contains("## Coûts et marge"));
}

#[test]
fn an_add_on_of_the_bulk_tool_names_its_base_in_json_and_markdown() {
    let bulk = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/nce-bulk-subscriptions.csv");
    let base = "5f3e2d1c-0b9a-4876-a543-210fedcba987";
    let add_on = "6a4f3e2d-1c0b-4a98-b765-43210fedcba9";
    let plan = json(&cspplan(&[bulk, "--partner-country", "FR", "--as-of", "2026-05-01"]));
    let lines: Vec<&Value> = plan["customers"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|customer| customer["lines"].as_array().into_iter().flatten())
        .collect();
    let line = lines.iter().find(|line| line["subscription_id"] == add_on).expect("the add-on line");
    assert_eq!(line["add_on"]["kind"], "teams");
    assert_eq!(line["add_on"]["base_subscription_id"], base);
    let base_line = lines.iter().find(|line| line["subscription_id"] == base).expect("the base line");
    assert!(base_line.get("add_on").is_none(), "a base carries no add_on");
    assert_eq!(line["transfer_batch"], base_line["transfer_batch"], "one batch for the base and its add-on");
    assert!(line["findings"].as_array().into_iter().flatten().any(|finding| finding["rule"] == "ADDON-BASE"));

    for (lang, text) in [("en", "is an add-on: its users need"), ("fr", "est un module complémentaire")] {
        let output = cspplan(&[
            bulk,
            "--partner-country",
            "FR",
            "--as-of",
            "2026-05-01",
            "--format",
            "md",
            "--lang",
            lang,
        ]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let markdown = String::from_utf8_lossy(&output.stdout);
        assert!(
            markdown.contains("ADDON-BASE") && markdown.contains(text),
            "{lang}: the report cites ADDON-BASE"
        );
    }
}

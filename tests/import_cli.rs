//! `cspplan import`: the normalised subscriptions and the report as JSON,
//! exit 2 with a message when no file can be read.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail the test by panicking"
)]

use std::path::Path;
use std::process::Command;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn cspplan(args: &[&str]) -> (i32, serde_json::Value, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_cspplan")).arg("import").args(args).output();
    let output = output.unwrap_or_else(|error| panic!("cspplan did not run: {error}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null);
    (output.status.code().unwrap_or(-1), json, String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn prints_subscriptions_and_report_as_json() {
    let (code, json, stderr) = cspplan(&[
        &fixture("graph-subscribedSkus.json"),
        &fixture("graph-directory-subscriptions.json"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let subscriptions = json["subscriptions"].as_array().map_or(0, Vec::len);
    assert_eq!(subscriptions, 4);
    let first = &json["subscriptions"][0];
    for field in
        ["sku_part_number", "sku_id", "product", "seats_total", "seats_assigned", "term_end", "channel"]
    {
        assert!(first.get(field).is_some(), "{field} missing in {first}");
    }
    let report = &json["report"];
    assert_eq!(report["formats"][0]["format"], "graph-subscribed-skus");
    assert_eq!(report["rows_read"], 6);
    assert_eq!(report["imported"], 4);
    assert_eq!(report["rejected"], 0);
    let issue = &report["issues"][0];
    for field in ["file", "line", "field", "message"] {
        assert!(issue.get(field).is_some(), "{field} missing in {issue}");
    }
}

#[test]
fn messages_in_french_on_request() {
    let (code, json, _) = cspplan(&[&fixture("partner-center-subscriptions.json"), "--lang", "fr"]);
    assert_eq!(code, 0);
    let messages: Vec<&str> = json["report"]["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|issue| issue["message"].as_str())
        .collect();
    assert!(messages.iter().any(|message| message.contains("n’est pas une date valide")), "{messages:?}");
}

#[test]
fn exit_2_when_no_file_can_be_read() {
    let (code, _, stderr) = cspplan(&["/nonexistent/subscriptions.csv"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no file can be read") && stderr.contains("/nonexistent/subscriptions.csv"),
        "{stderr}"
    );

    let (code, _, stderr) = cspplan(&[&fixture("screenshot.png"), &fixture("invoice.pdf")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("image") && stderr.contains("PDF"), "{stderr}");
}

#[test]
fn wrong_arguments_exit_2() {
    assert_eq!(cspplan(&[]).0, 2);
    assert_eq!(cspplan(&[&fixture("planner-template.csv"), "--format", "xml"]).0, 2);
}

#[test]
fn help_lists_every_option_and_an_unknown_one_is_named() {
    let output = Command::new(env!("CARGO_BIN_EXE_cspplan")).args(["import", "--help"]).output();
    let output = output.unwrap_or_else(|error| panic!("cspplan did not run: {error}"));
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("usage: cspplan import [OPTIONS] FILE..."), "{help}");
    for option in [
        "--format json",
        "--lang en|fr",
        "--input-format ID",
        "--date-order dmy|mdy",
        "--sheet NAME",
        "--accept-mappings",
        "-h, --help",
    ] {
        assert!(help.contains(option), "{option} in {help}");
    }

    let (code, _, stderr) = cspplan(&[&fixture("planner-template.csv"), "--sheets", "Data"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("cspplan: unknown option --sheets\nusage: cspplan import"), "{stderr}");
    let (code, _, stderr) = cspplan(&[&fixture("planner-template.csv"), "--input-format", "pdf"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--input-format: unknown input format \"pdf\"; known: "), "{stderr}");
    let (code, _, stderr) = cspplan(&[&fixture("planner-template.csv"), "--date-order", "ymd"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--date-order: unknown date order \"ymd\""), "{stderr}");
}

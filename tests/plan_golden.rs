//! Golden plans: for each `tests/golden/plan/<case>.input.json` (a `PlanInput` plus
//! `about`, `expect_rules` and optionally `golden_lines`), the plan in English and
//! French must equal `<case>.en.json` / `<case>.fr.json`, and fire the rules the
//! case is about.
//!
//! Regenerate after a deliberate change: `UPDATE_GOLDEN=1 cargo test --test plan_golden`,
//! then read the diff.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail the test by panicking"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use csp_planner::catalog::Catalog;
use csp_planner::export::json::plan_to_json;
use csp_planner::i18n::Lang;
use csp_planner::model::PlanInput;
use csp_planner::plan::make_plan;
use csp_planner::rules::RULES;
use serde_json::Value;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/plan")
}

fn cases() -> Vec<(String, Value)> {
    let mut cases: Vec<(String, Value)> = std::fs::read_dir(golden_dir())
        .expect("tests/golden/plan")
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().strip_suffix(".input.json")?.to_string();
            let text = std::fs::read_to_string(entry.path()).expect("a readable case");
            Some((name, serde_json::from_str(&text).expect("a JSON case")))
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    cases
}

fn strings(value: &Value, key: &str) -> Vec<String> {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(|item| item.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Keeps only the lines a large case is about, so its golden file stays readable.
fn keep_lines(mut plan: Value, wanted: &[String]) -> Value {
    if wanted.is_empty() {
        return plan;
    }
    if let Some(customers) = plan.get_mut("customers").and_then(Value::as_array_mut) {
        for customer in customers {
            if let Some(lines) = customer.get_mut("lines").and_then(Value::as_array_mut) {
                lines.retain(|line| {
                    line.get("subscription_id")
                        .and_then(Value::as_str)
                        .is_some_and(|id| wanted.iter().any(|wanted| wanted == id))
                });
            }
        }
    }
    plan
}

#[test]
fn plans_match_their_golden_files_in_both_languages() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let catalog = Catalog::builtin();
    let mut failures = Vec::new();
    for (name, case) in cases() {
        let input: PlanInput = serde_json::from_value(case.clone())
            .unwrap_or_else(|error| panic!("{name}: not a plan input: {error}"));
        let plan = make_plan(&input, catalog);
        let fired: BTreeSet<String> = plan.rules_fired().iter().map(|rule| rule.code().to_string()).collect();
        for rule in strings(&case, "expect_rules") {
            assert!(fired.contains(&rule), "{name}: rule {rule} did not fire (fired: {fired:?})");
        }
        for lang in Lang::ALL {
            let actual = keep_lines(plan_to_json(&plan, lang), &strings(&case, "golden_lines"));
            let path = golden_dir().join(format!("{name}.{}.json", lang.code()));
            let actual_text = serde_json::to_string_pretty(&actual).expect("serializable") + "\n";
            if update {
                std::fs::write(&path, &actual_text).expect("writable golden dir");
                continue;
            }
            let expected_text = std::fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
            if expected_text != actual_text {
                failures.push(format!("{name} ({})", lang.code()));
            }
        }
    }
    assert!(failures.is_empty(), "plans differ from their golden files: {failures:?} (UPDATE_GOLDEN=1 to regenerate, then review the diff)");
}

#[test]
fn every_rule_of_the_registry_has_a_golden_case() {
    let covered: BTreeSet<String> =
        cases().iter().flat_map(|(_, case)| strings(case, "expect_rules")).collect();
    // Rules of prices, applied by the cost view: its golden cases are in tests/cost_model.rs.
    const COST_RULES: [&str; 2] = ["PRICE-BILLING", "TERM-3Y"];
    for rule in RULES.iter().filter(|rule| !COST_RULES.contains(&rule.code)) {
        assert!(covered.contains(rule.code), "no golden case expects {}", rule.code);
    }
}

#[test]
fn a_plan_survives_a_serde_round_trip() {
    let catalog = Catalog::builtin();
    for (name, case) in cases() {
        let input: PlanInput = serde_json::from_value(case).expect("a plan input");
        let plan = make_plan(&input, catalog);
        let text = serde_json::to_string(&plan).expect("serializable");
        let back: csp_planner::plan::Plan =
            serde_json::from_str(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(back, plan, "{name}");
    }
}

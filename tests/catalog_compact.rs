//! The compact built-in catalog holds exactly the rows of the committed CSV.
//!
//! Regenerate it after replacing `data/licensing-service-plan-reference.csv`:
//! `cargo test --test catalog_compact -- --ignored regenerate_compact_catalog`

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail the test by panicking"
)]

use csp_planner::catalog::{compact, Catalog, ReferenceRow};

const CSV_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/licensing-service-plan-reference.csv");
const COMPACT_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/catalog.compact.txt");

fn csv_rows() -> Vec<ReferenceRow> {
    let text = std::fs::read_to_string(CSV_PATH).expect("the committed reference CSV");
    let mut rows = Catalog::parse_reference_rows(&text).expect("a valid reference CSV");
    for row in &mut rows {
        row.line = 0;
    }
    rows
}

#[test]
#[ignore = "generator: rewrites data/catalog.compact.txt from the CSV"]
fn regenerate_compact_catalog() {
    let text = compact::encode(&csv_rows(), "Microsoft licensing-service-plan-reference.csv");
    std::fs::write(COMPACT_PATH, text).expect("writable data/");
}

#[test]
fn the_compact_form_holds_exactly_the_rows_of_the_csv_in_order() {
    let text = std::fs::read_to_string(COMPACT_PATH).expect("data/catalog.compact.txt");
    let (compact_rows, _) = compact::decode(&text).expect("a valid compact catalog");
    let csv_rows = csv_rows();
    assert_eq!(compact_rows.len(), csv_rows.len());
    for (index, (compact_row, csv_row)) in compact_rows.iter().zip(&csv_rows).enumerate() {
        assert_eq!(compact_row, csv_row, "row {} differs", index + 2);
    }
}

#[test]
fn the_builtin_catalog_has_every_product_and_plan_of_the_csv() {
    let from_csv = Catalog::from_rows(&csv_rows(), "csv".into());
    let builtin = Catalog::builtin();
    assert_eq!(builtin.product_count(), 619);
    assert_eq!(builtin.row_count(), 5990);
    assert_eq!(builtin.products(), from_csv.products());
    let distinct_plans: std::collections::BTreeSet<&str> = builtin
        .products()
        .iter()
        .flat_map(|product| product.service_plans.iter().map(|plan| plan.id.as_str()))
        .collect();
    assert_eq!(distinct_plans.len(), 791);
    assert_eq!(builtin.source_label(), "built-in, 2026-11-24");
}

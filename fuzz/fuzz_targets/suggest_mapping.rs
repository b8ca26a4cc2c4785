//! `suggest_mapping` on a table read from arbitrary text (lines, tabs).
#![no_main]

use csp_planner::import::suggest_mapping;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut rows: Vec<Vec<String>> = text.lines().map(|line| line.split('\t').map(str::to_owned).collect()).collect();
    if rows.is_empty() {
        return;
    }
    let headers = rows.remove(0);
    let mapping = suggest_mapping(&headers, &rows);
    assert_eq!(mapping.columns.len(), headers.len());
});

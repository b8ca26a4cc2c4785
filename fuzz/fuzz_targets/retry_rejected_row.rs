//! `retry_rejected_row` on a row of arbitrary headers, cells, line and format.
#![no_main]

use csp_planner::import::{retry_rejected_row, FormatId, ImportOptions, RejectedRow};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut lines = text.split('\n');
    let selector = lines.next().unwrap_or_default().bytes().fold(0u32, |sum, byte| sum.wrapping_add(u32::from(byte)));
    let headers: Vec<String> = lines.next().unwrap_or_default().split('\t').map(str::to_owned).collect();
    let cells: Vec<String> = lines.next().unwrap_or_default().split('\t').map(str::to_owned).collect();
    let format = FormatId::ALL.get(selector as usize % (FormatId::ALL.len() + 1)).copied();
    let row = RejectedRow {
        file: "fuzz".into(),
        line: selector % 5000,
        format,
        headers,
        cells,
        decimal_comma: selector % 3 == 0,
        date_order: None,
    };
    let outcome = retry_rejected_row(&row, &ImportOptions::default());
    assert!(outcome.report.counts().balances());
});

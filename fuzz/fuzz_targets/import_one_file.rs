//! `import_files` on one file of arbitrary bytes: never panics, and every row
//! read is accounted for.
#![no_main]

use csp_planner::import::{import_files, ImportOptions, InputFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let options = ImportOptions { accept_suggested_mappings: bytes.first().is_some_and(|b| b % 2 == 0), ..ImportOptions::default() };
    let outcome = import_files(&[InputFile { name: "fuzz".into(), bytes: bytes.to_vec() }], &options);
    assert!(outcome.report.counts().balances());
    assert!(outcome.subscriptions.iter().all(|subscription| !subscription.subscription_id.is_empty()));
});

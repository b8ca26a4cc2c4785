//! `import_files` on two files cut from the input at its first NUL-NUL pair,
//! so the cross-file steps (Graph join, price list) see fuzzed data.
#![no_main]

use csp_planner::import::{import_files, ImportOptions, InputFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let cut = bytes.windows(2).position(|pair| pair == [0, 0]).unwrap_or(bytes.len());
    let (first, second) = bytes.split_at(cut);
    let second = second.get(2..).unwrap_or_default();
    let files = [
        InputFile { name: "first".into(), bytes: first.to_vec() },
        InputFile { name: "second".into(), bytes: second.to_vec() },
    ];
    let outcome = import_files(&files, &ImportOptions::default());
    assert!(outcome.report.counts().balances());
});

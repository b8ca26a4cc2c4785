//! Inputs the fuzz targets (fuzz/fuzz_targets) found crashing, replayed through
//! the same entry points: each must now import without panicking.

#![allow(clippy::panic, reason = "a fixture that cannot be read fails the test")]

use std::path::Path;

use csp_planner::import::{import_files, suggest_mapping, ImportOptions, InputFile};

fn crash_inputs() -> Vec<(String, Vec<u8>)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/fuzz");
    let mut inputs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .filter_map(Result::ok)
        .filter_map(|entry| {
            Some((entry.file_name().to_string_lossy().into_owned(), std::fs::read(entry.path()).ok()?))
        })
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    inputs
}

#[test]
fn crashes_found_by_fuzzing_import_cleanly() {
    for (name, bytes) in crash_inputs() {
        for accept_suggested_mappings in [false, true] {
            let options = ImportOptions { accept_suggested_mappings, ..ImportOptions::default() };
            let outcome = import_files(&[InputFile { name: name.clone(), bytes: bytes.clone() }], &options);
            assert!(outcome.report.counts().balances(), "{name}");
        }
        let cut = bytes.windows(2).position(|pair| pair == [0, 0]).unwrap_or(bytes.len());
        let (first, second) = bytes.split_at(cut);
        let files = [
            InputFile { name: "first".into(), bytes: first.to_vec() },
            InputFile { name: "second".into(), bytes: second.get(2..).unwrap_or_default().to_vec() },
        ];
        assert!(import_files(&files, &ImportOptions::default()).report.counts().balances(), "{name}");
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let mut rows: Vec<Vec<String>> =
                text.lines().map(|line| line.split('\t').map(str::to_owned).collect()).collect();
            if !rows.is_empty() {
                let headers = rows.remove(0);
                assert_eq!(suggest_mapping(&headers, &rows).columns.len(), headers.len());
            }
        }
    }
}

//! Properties of the importer over generated input: every row read is
//! accounted for, and no input, however broken, makes it panic.
//! The long run: `PROPTEST_CASES=60000 cargo test --profile bench --test import_properties`
//! (the cargo-fuzz targets in `fuzz/` cover the same entry points with coverage guidance).

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail the test by panicking"
)]

use std::path::Path;

use csp_planner::import::{import_files, retry_rejected_row, ImportOptions, InputFile, TEMPLATE_COLUMNS};
use proptest::prelude::*;

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("fixture {}: {error}", path.display()))
}

/// Imports and checks what must hold for any input.
fn import_checked(name: &str, bytes: Vec<u8>, options: &ImportOptions) -> csp_planner::import::ImportOutcome {
    let outcome = import_files(&[InputFile { name: name.to_owned(), bytes }], options);
    let report = &outcome.report;
    assert!(report.counts().balances(), "{:?}", report.counts());
    let ids: std::collections::HashSet<&str> =
        outcome.subscriptions.iter().map(|s| s.subscription_id.as_str()).collect();
    assert_eq!(ids.len(), outcome.subscriptions.len(), "ids are unique");
    assert!(!ids.contains(""), "ids are not empty");
    for issue in &report.issues {
        let _ = issue.message(csp_planner::i18n::Lang::Fr);
    }
    for row in report.rejected_rows.iter().take(3) {
        let _ = retry_rejected_row(row, options);
    }
    outcome
}

/// A cell of the template: valid values, near misses and plain junk.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[A-Za-z0-9 ]{1,12}",
        (0u32..5000).prop_map(|n| n.to_string()),
        Just("1 200".to_owned()),
        Just("12,50".to_owned()),
        Just("-3".to_owned()),
        Just("2026-03-31".to_owned()),
        Just("31/03/2026".to_owned()),
        Just("03/04/2026".to_owned()),
        Just("2015-11-25T06: 41: 12Z".to_owned()),
        Just("oui".to_owned()),
        Just("P1Y".to_owned()),
        Just("csp-nce".to_owned()),
        Just("6fd2c87f-b296-42f0-b197-1e91e994b900".to_owned()),
        Just("Total".to_owned()),
        Just("line one\nline two".to_owned()),
        Just("say \"hi\", then; go|tab\t".to_owned()),
        Just("\u{200B}Microsoft\u{00A0}365".to_owned()),
        Just("Licences attribuées".to_owned()),
    ]
}

/// A data line: cells, or a blank line.
fn line(columns: usize) -> impl Strategy<Value = Option<Vec<String>>> {
    prop_oneof![1 => Just(None), 8 => prop::collection::vec(cell(), 0..=columns + 1).prop_map(Some)]
}

fn quote(cell: &str, delimiter: char) -> String {
    if cell.contains(['"', '\n', '\r', delimiter]) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

proptest! {
    /// Rows read = imported + rejected + blank lines + total lines, and rows
    /// read is every line after the header, whatever the dialect and encoding.
    #[test]
    fn no_row_disappears(
        lines in prop::collection::vec(line(17), 1..40),
        delimiter in prop::sample::select(vec![',', ';', '\t', '|']),
        encoding in 0..3u8,
        crlf in any::<bool>(),
    ) {
        let newline = if crlf { "\r\n" } else { "\n" };
        let mut text = TEMPLATE_COLUMNS.join(&delimiter.to_string());
        // Blank lines at the very end are not rows: the table ends there.
        let last_row = lines.iter().rposition(Option::is_some);
        let Some(last_row) = last_row else { return Ok(()) };
        for cells in &lines[..=last_row] {
            text.push_str(newline);
            if let Some(cells) = cells {
                let cells: Vec<String> = cells.iter().map(|cell| quote(cell, delimiter)).collect();
                // A row of one empty cell would be a blank line: give it a separator.
                let row = if cells.len() <= 1 && cells.iter().all(String::is_empty) { delimiter.to_string() } else { cells.join(&delimiter.to_string()) };
                text.push_str(&row);
            }
        }
        text.push_str(newline);
        let bytes = match encoding {
            0 => text.into_bytes(),
            1 => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            _ => [vec![0xFF, 0xFE], text.encode_utf16().flat_map(u16::to_le_bytes).collect()].concat(),
        };
        let options = ImportOptions { format_override: Some(csp_planner::import::FormatId::PlannerTemplate), ..ImportOptions::default() };
        let outcome = import_checked("generated.csv", bytes, &options);
        let report = &outcome.report;
        prop_assert_eq!(report.rows_read, last_row + 1);
        prop_assert_eq!(report.imported, outcome.subscriptions.len());
        prop_assert_eq!(report.rejected, report.rejected_rows.len());
    }

    /// Any bytes at all.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        import_checked("anything", bytes, &ImportOptions::default());
    }

    /// Valid exports with a few bytes changed, inserted or removed.
    #[test]
    fn near_valid_files_never_panic(
        which in 0..7usize,
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8),
        accept_mappings in any::<bool>(),
    ) {
        let names = [
            "planner-template.csv",
            "graph-subscribedSkus.json",
            "partner-center-subscriptions.json",
            "french-handmade-cp1252.csv",
            "powershell-azuread-subscribedsku.csv",
            "template-unicode-text-utf16le.txt",
            "workbook-two-sheets.xlsx",
        ];
        let mut bytes = fixture_bytes(names[which]);
        for (at, byte, action) in edits {
            if bytes.is_empty() { break; }
            let at = at.index(bytes.len());
            match action {
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => { bytes.remove(at); }
            }
        }
        let options = ImportOptions { accept_suggested_mappings: accept_mappings, ..ImportOptions::default() };
        import_checked(names[which], bytes, &options);
    }

    /// Text that looks like JSON: brackets, quotes, keys the readers look for.
    #[test]
    fn json_like_text_never_panics(parts in prop::collection::vec(prop_oneof![
        Just("{".to_owned()), Just("}".to_owned()), Just("[".to_owned()), Just("]".to_owned()), Just(",".to_owned()), Just(":".to_owned()),
        Just("\"value\"".to_owned()), Just("\"items\"".to_owned()), Just("\"skuId\"".to_owned()), Just("\"skuPartNumber\"".to_owned()),
        Just("\"consumedUnits\"".to_owned()), Just("\"prepaidUnits\"".to_owned()), Just("\"totalLicenses\"".to_owned()),
        Just("\"quantity\"".to_owned()), Just("\"offerId\"".to_owned()), Just("\"nextLifecycleDateTime\"".to_owned()),
        Just("\"2026-03-31T00:00:00Z\"".to_owned()), Just("-1".to_owned()), Just("1e400".to_owned()), Just("null".to_owned()),
        Just("\"\\u0000\"".to_owned()), Just("\n".to_owned()), "\"[a-z]{0,5}\"", (0u64..u64::MAX).prop_map(|n| n.to_string()),
    ], 1..60)) {
        import_checked("generated.json", parts.concat().into_bytes(), &ImportOptions::default());
    }
}

/// The parts of the workbook fixture, `(name, contents)`, in archive order.
fn workbook_parts() -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let bytes = fixture_bytes("workbook-two-sheets.xlsx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("the fixture is a zip");
    (0..archive.len())
        .map(|index| {
            let mut part = archive.by_index(index).expect("readable part");
            let mut contents = Vec::new();
            part.read_to_end(&mut contents).expect("readable part");
            (part.name().expect("a utf-8 name").to_string(), contents)
        })
        .collect()
}

fn zip_parts(parts: &[(String, Vec<u8>)], deflate: bool) -> Vec<u8> {
    use std::io::Write;
    let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, contents) in parts {
        writer.start_file(name.as_str(), options).expect("in memory");
        writer.write_all(contents).expect("in memory");
    }
    writer.finish().expect("in memory").into_inner()
}

/// Markup that matters to the workbook reader, to splice into its parts.
fn xml_snippet() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::sample::select(vec![
            "<",
            ">",
            "/>",
            "\"",
            "'",
            "&",
            "&amp;",
            "&#",
            "&#x110000;",
            "&#xD800;",
            "_x000D_",
            "_x12",
            "<![CDATA[",
            "]]>",
            "<!--",
            "<?",
            "<!DOCTYPE x [<!ENTITY a \"b\">]>",
            "<c r=\"XFD1048576\"><v>1</v></c>",
            "<c r=\"A0\" t=\"s\"><v>99999999999</v></c>",
            "<row r=\"4294967295\">",
            "<row>",
            "</row>",
            "<c>",
            "</c>",
            "<v>",
            "</v>",
            "<is><t>",
            "</t></is>",
            "<rPh>",
            "</rPh>",
            "<si>",
            "</si>",
            "<si/>",
            "<t>",
            " t=\"b\"",
            " t=\"e\"",
            " t=\"d\"",
            " t=\"inlineStr\"",
            " s=\"1\"",
            " s=\"999\"",
            "<v>1e308</v>",
            "<v>-0</v>",
            "<v>NaN</v>",
            "<v>2958466</v>",
            "<xf numFmtId=\"164\"/>",
            "<numFmt numFmtId=\"164\" formatCode=\"[h\"/>",
            " date1904=\"1\"",
            "<sheet name=\"\" r:id=\"rId9\"/>",
            "<Relationship Id=\"rId1\" Target=\"../../../../x\"/>",
            "é",
            "\u{0}",
        ])
        .prop_map(|snippet| snippet.as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 1..4),
    ]
}

proptest! {
    /// Workbooks whose XML parts are damaged inside a sound archive (stored or
    /// deflated, so the checksums hold): the scanner, the relationships, shared
    /// strings, styles and cells see every kind of broken markup.
    #[test]
    fn workbooks_with_damaged_parts_never_panic(
        part in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), xml_snippet(), 0..3u8), 1..10),
        deflate in any::<bool>(),
        sheet in prop::option::of(prop::sample::select(vec!["Abonnements", "Licences FR", "Autre"])),
    ) {
        let mut parts = workbook_parts();
        let at = part.index(parts.len());
        let contents = &mut parts[at].1;
        for (position, snippet, action) in edits {
            let position = position.index(contents.len() + 1);
            match action {
                0 => { contents.splice(position..position, snippet); }
                1 => { let end = (position + snippet.len()).min(contents.len()); contents.splice(position..end, snippet); }
                _ => { let end = (position + snippet.len() * 7).min(contents.len()); contents.drain(position..end); }
            }
        }
        let bytes = zip_parts(&parts, deflate);
        let _ = csp_planner::import::sheet_names(&bytes);
        let options = ImportOptions { sheet: sheet.map(str::to_owned), accept_suggested_mappings: true, ..ImportOptions::default() };
        import_checked("damaged.xlsx", bytes, &options);
    }

    /// A sound archive whose parts hold arbitrary bytes.
    #[test]
    fn workbooks_of_arbitrary_parts_never_panic(
        contents in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..512), 7),
        deflate in any::<bool>(),
    ) {
        let parts: Vec<(String, Vec<u8>)> = workbook_parts().into_iter().zip(contents).map(|((name, _), bytes)| (name, bytes)).collect();
        let bytes = zip_parts(&parts, deflate);
        let _ = csp_planner::import::sheet_names(&bytes);
        import_checked("arbitrary.xlsx", bytes, &ImportOptions::default());
    }
}

/// The damaged-markup strategy reaches the reader: an undamaged rebuild of
/// the fixture, stored instead of deflated, imports exactly like the fixture.
#[test]
fn a_rebuilt_stored_workbook_imports_like_the_fixture() {
    let stored = zip_parts(&workbook_parts(), false);
    let outcome = import_checked("stored.xlsx", stored, &ImportOptions::default());
    let original = import_checked(
        "workbook-two-sheets.xlsx",
        fixture_bytes("workbook-two-sheets.xlsx"),
        &ImportOptions::default(),
    );
    assert_eq!(outcome.subscriptions.len(), 2);
    assert_eq!(
        outcome.subscriptions.iter().map(|s| &s.subscription_id).collect::<Vec<_>>(),
        original.subscriptions.iter().map(|s| &s.subscription_id).collect::<Vec<_>>()
    );
}

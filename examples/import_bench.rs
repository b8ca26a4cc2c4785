//! Import benchmark (not a test): generates a 100,000-row template CSV (about
//! 15 MB) and the same subscriptions as Graph `directory/subscriptions` JSON,
//! imports each a few times and prints throughput and peak memory.
//!
//! Also the same template as an Excel workbook (shared strings, date cells),
//! written as Excel writes it.
//!
//! Run: `cargo run --profile bench --example import_bench [rows] [csv|json|xlsx]`

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark tool stops with a message when its set-up fails"
)]

use std::time::{Duration, Instant};

use csp_planner::import::{import_files, template_csv, ImportOptions, InputFile};

const PRODUCTS: [(&str, &str, &str); 5] = [
    ("Office 365 E3", "ENTERPRISEPACK", "6fd2c87f-b296-42f0-b197-1e91e994b900"),
    ("Microsoft 365 Business Premium", "SPB", "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"),
    ("Microsoft 365 E5", "SPE_E5", "06ebc4ee-1bb5-47dd-8120-11324bc54e06"),
    ("Microsoft Entra ID P1", "AAD_PREMIUM", "078d2b04-f1bd-4111-bbd4-b4b1b354cef4"),
    ("Exchange Online (Plan 1)", "EXCHANGESTANDARD", "4b9405b0-7788-4568-add1-99614e613b69"),
];

fn subscription_guid(row: usize) -> String {
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        row * 7919 % 0xFFFF_FFFF,
        row % 0xFFFF,
        row % 0xFFF,
        (row / 7) % 0xFFF,
        row * 104_729
    )
}

fn template_rows(rows: usize) -> String {
    let header = template_csv().lines().next().unwrap_or_default().to_owned();
    let mut text = String::with_capacity(rows * 160);
    text.push_str(&header);
    text.push('\n');
    for row in 0..rows {
        let (product, part, sku) = PRODUCTS[row % PRODUCTS.len()];
        let seats = 5 + row % 400;
        let month = 1 + row % 12;
        text.push_str(&format!(
            "Customer {customer:05},FR,{id},{product},{part},{sku},{seats},{assigned},P1Y,monthly,2025-{month:02}-01,2026-{month:02}-28,true,active,csp-nce,{price}.{cents:02},EUR\n",
            customer = row / 20,
            id = subscription_guid(row),
            assigned = seats - row % 5,
            price = 5 + row % 50,
            cents = row % 100,
        ));
    }
    text
}

fn graph_json(rows: usize) -> String {
    let mut text = String::with_capacity(rows * 420);
    text.push_str("{\n  \"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#directory/subscriptions\",\n  \"value\": [\n");
    for row in 0..rows {
        let (_, part, sku) = PRODUCTS[row % PRODUCTS.len()];
        let month = 1 + row % 12;
        if row > 0 {
            text.push_str(",\n");
        }
        text.push_str(&format!(
            "    {{\n      \"id\": \"{id}\",\n      \"commerceSubscriptionId\": \"{id}\",\n      \"createdDateTime\": \"2025-{month:02}-01T08:00:00Z\",\n      \"isTrial\": false,\n      \"nextLifecycleDateTime\": \"2026-{month:02}-01T08:00:00Z\",\n      \"ownerTenantId\": \"7c6b5a49-3827-4165-8f4e-3d2c1b0a9f8e\",\n      \"ownerType\": \"Company\",\n      \"skuId\": \"{sku}\",\n      \"skuPartNumber\": \"{part}\",\n      \"status\": \"Enabled\",\n      \"totalLicenses\": {seats}\n    }}",
            id = subscription_guid(row),
            seats = 5 + row % 400,
        ));
    }
    text.push_str("\n  ]\n}\n");
    text
}

/// The template rows as an `.xlsx`: text in shared strings, numbers as
/// numbers, ISO dates as serial days with a date style, deflated like Excel.
fn template_xlsx(rows: usize) -> Vec<u8> {
    use std::collections::HashMap;
    use std::io::Write;

    let csv = template_rows(rows);
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid epoch");
    let mut strings: Vec<String> = Vec::new();
    let mut string_index: HashMap<String, usize> = HashMap::new();
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (row, line) in csv.lines().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, row + 1));
        for (column, cell) in line.split(',').enumerate() {
            let reference = format!("{}{}", char::from(b'A' + column as u8), row + 1);
            if cell.is_empty() {
                continue;
            }
            if let Ok(date) = chrono::NaiveDate::parse_from_str(cell, "%Y-%m-%d") {
                sheet.push_str(&format!(
                    r#"<c r="{reference}" s="1"><v>{}</v></c>"#,
                    (date - epoch).num_days()
                ));
            } else if row > 0 && cell.parse::<f64>().is_ok() {
                sheet.push_str(&format!(r#"<c r="{reference}"><v>{cell}</v></c>"#));
            } else {
                let index = *string_index.entry(cell.to_owned()).or_insert_with(|| {
                    strings.push(cell.to_owned());
                    strings.len() - 1
                });
                sheet.push_str(&format!(r#"<c r="{reference}" t="s"><v>{index}</v></c>"#));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let mut shared = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="{}">"#,
        strings.len()
    );
    for text in &strings {
        shared.push_str(&format!("<si><t>{}</t></si>", text.replace('&', "&amp;").replace('<', "&lt;")));
    }
    shared.push_str("</sst>");
    let parts: [(&str, String); 6] = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Subscriptions" sheetId="1" r:id="rId1"/></sheets></workbook>"#.into()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.into()),
        ("xl/styles.xml", r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#.into()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts
        .iter()
        .map(|(name, content)| (*name, content.as_str()))
        .chain([("xl/sharedStrings.xml", shared.as_str())])
    {
        zip.start_file(name, options).expect("in memory");
        zip.write_all(content.as_bytes()).expect("in memory");
    }
    zip.finish().expect("in memory").into_inner()
}

/// Peak resident memory of this process so far (`VmHWM`), in MB.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes / 1024.0)
}

/// CPU time this thread has run, in nanoseconds (`/proc/thread-self/schedstat`):
/// on a loaded machine it shows the import's own cost where wall time cannot.
fn thread_cpu_time() -> Option<Duration> {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: u64 = schedstat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanoseconds))
}

/// Resets the peak so each format's figure is its own (Linux 4.0+; ignored elsewhere).
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn measure(label: &str, name: &str, bytes: Vec<u8>, rows: usize) {
    let megabytes = bytes.len() as f64 / 1_000_000.0;
    let file = [InputFile { name: name.into(), bytes }];
    let options = ImportOptions::default();
    reset_peak_memory();
    let mut best_wall = Duration::MAX;
    let mut best_cpu = Duration::MAX;
    for _ in 0..5 {
        let started = Instant::now();
        let cpu_started = thread_cpu_time();
        let outcome = import_files(&file, &options);
        let cpu = thread_cpu_time().zip(cpu_started).map(|(end, start)| end.saturating_sub(start));
        let elapsed = started.elapsed();
        assert_eq!(outcome.subscriptions.len(), rows, "{label}: {:?}", outcome.report.issues.first());
        best_wall = best_wall.min(elapsed);
        best_cpu = best_cpu.min(cpu.unwrap_or(elapsed));
    }
    // One machine-readable line per format for `make bench` (scripts/bench.sh).
    let key = label.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join("_");
    println!(
        "bench-json: {{\"{key}_mb_per_s_cpu\": {:.1}, \"{key}_rows_per_s_cpu\": {:.0}, \"{key}_peak_memory_mb\": {:.0}}}",
        megabytes / best_cpu.as_secs_f64(),
        rows as f64 / best_cpu.as_secs_f64(),
        peak_memory_mb().unwrap_or(f64::NAN),
    );
    for (clock, best) in [("wall", best_wall), ("cpu", best_cpu)] {
        let seconds = best.as_secs_f64();
        println!(
            "{label:<30} {megabytes:6.2} MB {rows:>7} rows  best of 5 ({clock:>4}): {:7.1} ms {:7.1} MB/s {:>9.0} rows/s  peak memory {:.0} MB",
            seconds * 1000.0,
            megabytes / seconds,
            rows as f64 / seconds,
            peak_memory_mb().unwrap_or(f64::NAN),
        );
    }
}

fn main() {
    let rows: usize = std::env::args().nth(1).and_then(|arg| arg.parse().ok()).unwrap_or(100_000);
    let only = std::env::args().nth(2);
    println!("MB = 10^6 bytes; peak memory is the process's VmHWM, reset before each format");
    let wanted = |format: &str| only.as_deref().is_none_or(|only| only == format);
    if wanted("csv") {
        measure("template CSV", "bench.csv", template_rows(rows).into_bytes(), rows);
    }
    if wanted("json") {
        measure("Graph directory/subscriptions", "bench.json", graph_json(rows).into_bytes(), rows);
    }
    if wanted("xlsx") {
        // Workbooks are smaller than exports in practice: a tenth of the rows by default.
        let workbook_rows = if std::env::args().nth(1).is_some() { rows } else { rows / 10 };
        measure("template XLSX", "bench.xlsx", template_xlsx(workbook_rows), workbook_rows);
    }
}

//! Writes `tests/fixtures/import/workbook-two-sheets.xlsx`, the Excel fixture
//! of the importer tests: a minimal Office Open XML workbook written by hand
//! (inline strings, a date style), so no spreadsheet application is needed.
//!
//! Sheet 1 "Abonnements" holds the planner template with real date cells
//! (Excel serial days); sheet 2 "Licences FR" a French hand-made list.
//!
//! Run: `cargo run --example make_import_xlsx_fixture`

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark tool stops with a message when its set-up fails"
)]

use std::io::Write;

use chrono::NaiveDate;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

enum Cell {
    Text(&'static str),
    Number(f64),
    Date(i32, u32, u32),
    Bool(bool),
    Empty,
}

fn column_letter(index: usize) -> String {
    let mut letters = String::new();
    let mut rest = index + 1;
    while rest > 0 {
        let remainder = (rest - 1) % 26;
        letters.insert(0, char::from(b'A' + remainder as u8));
        rest = (rest - 1) / 26;
    }
    letters
}

fn excel_serial(year: i32, month: u32, day: u32) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a valid epoch");
    let date = NaiveDate::from_ymd_opt(year, month, day).expect("fixture dates are valid");
    (date - epoch).num_days()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn sheet_xml(rows: &[Vec<Cell>]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (row_index, row) in rows.iter().enumerate() {
        xml.push_str(&format!(r#"<row r="{}">"#, row_index + 1));
        for (column, cell) in row.iter().enumerate() {
            let reference = format!("{}{}", column_letter(column), row_index + 1);
            match cell {
                Cell::Text(text) => xml.push_str(&format!(
                    r#"<c r="{reference}" t="inlineStr"><is><t>{}</t></is></c>"#,
                    escape(text)
                )),
                Cell::Number(number) => xml.push_str(&format!(r#"<c r="{reference}"><v>{number}</v></c>"#)),
                Cell::Date(year, month, day) => xml.push_str(&format!(
                    r#"<c r="{reference}" s="1"><v>{}</v></c>"#,
                    excel_serial(*year, *month, *day)
                )),
                Cell::Bool(flag) => {
                    xml.push_str(&format!(r#"<c r="{reference}" t="b"><v>{}</v></c>"#, u8::from(*flag)))
                }
                Cell::Empty => {}
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    use Cell::*;
    let header = csp_planner::import::TEMPLATE_COLUMNS;
    let template_sheet = vec![
        header.iter().map(|name| Text(name)).collect(),
        vec![
            Text("Contoso Pharma"),
            Text("FR"),
            Text("ws-0001"),
            Text("Office 365 E3"),
            Text("ENTERPRISEPACK"),
            Text("6fd2c87f-b296-42f0-b197-1e91e994b900"),
            Number(60.0),
            Number(58.0),
            Text("P1Y"),
            Text("annual"),
            Date(2025, 9, 1),
            Date(2026, 8, 31),
            Bool(true),
            Text("active"),
            Text("direct"),
            Empty,
            Empty,
        ],
        vec![
            Text("Contoso Pharma"),
            Text("FR"),
            Text("ws-0002"),
            Text("Microsoft 365 Business Premium"),
            Text("SPB"),
            Text("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"),
            Number(25.0),
            Number(19.0),
            Text("P1Y"),
            Text("monthly"),
            Date(2026, 1, 15),
            Date(2027, 1, 14),
            Bool(false),
            Text("active"),
            Text("csp-nce"),
            Number(20.6),
            Text("EUR"),
        ],
    ];
    let french_sheet = vec![
        vec![Text("Produit"), Text("Licences"), Text("Licences attribuées"), Text("Date de fin")],
        vec![Text("Microsoft 365 E5"), Number(30.0), Number(28.0), Date(2026, 12, 31)],
        vec![Text("Power BI Pro"), Number(12.0), Number(12.0), Date(2026, 6, 30)],
    ];

    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/workbook-two-sheets.xlsx");
    let mut zip = ZipWriter::new(std::fs::File::create(&path)?);
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let parts: [(&str, String); 7] = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Abonnements" sheetId="1" r:id="rId1"/><sheet name="Licences FR" sheetId="2" r:id="rId2"/></sheets></workbook>"#.into()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.into()),
        ("xl/styles.xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#.into()),
        ("xl/worksheets/sheet1.xml", sheet_xml(&template_sheet)),
        ("xl/worksheets/sheet2.xml", sheet_xml(&french_sheet)),
    ];
    for (name, content) in parts {
        zip.start_file(name, options)?;
        zip.write_all(content.as_bytes())?;
    }
    zip.finish()?;
    println!("wrote {}", path.display());
    Ok(())
}

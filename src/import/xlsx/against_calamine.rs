//! The workbook reader against `calamine` (native only, where the dev-dependencies
//! build): every `.xlsx` fixture of the tests, and workbooks generated with random
//! cells (shared strings plain and in rich-text runs, inline strings, formula text
//! results, numbers plain and with exponents, booleans, errors, dates under date
//! styles in either date system, empty cells, sparse rows and columns, cells with or
//! without references), compared cell by cell.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use proptest::prelude::*;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::read_sheet;

/// Non-empty cells by (sheet row, column counted from the first column holding one).
type Cells = BTreeMap<(u32, u32), String>;

/// Both readers' grids start at the first used column, but this reader counts an
/// empty `<v></v>` as used where calamine does not: positions are compared from
/// the first column holding text, on both sides.
fn from_first_column(cells: Vec<((u32, u32), String)>) -> Cells {
    let first = cells.iter().map(|((_, column), _)| *column).min().unwrap_or(0);
    cells.into_iter().map(|((row, column), text)| ((row, column - first), text)).collect()
}

fn ours(bytes: &[u8], sheet: &str) -> Cells {
    let read = read_sheet(bytes, Some(sheet)).unwrap_or_else(|error| panic!("{sheet}: {error:?}"));
    from_first_column(
        read.rows
            .into_iter()
            .flat_map(|(row, cells)| {
                cells.into_iter().enumerate().map(move |(column, text)| ((row, column as u32), text))
            })
            .filter(|(_, text)| !text.is_empty())
            .collect(),
    )
}

/// Calamine's value written as this reader writes it. The deliberate differences:
/// a number under a date style is an ISO date (the importer reads dates as text,
/// and a subscription term has no time of day); booleans are `true`/`false`; whole
/// numbers have no `.0` (a seat count reads `40`, not `40.0`).
fn as_our_text(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) => super::sheet::number_text(*number),
        Data::Bool(flag) => flag.to_string(),
        Data::DateTime(serial) if serial.is_datetime() => match serial.as_datetime() {
            Some(moment) => moment.date().format("%Y-%m-%d").to_string(),
            None => super::sheet::number_text(serial.as_f64()),
        },
        // Durations (`[h]:mm`) stay numbers of days in this reader.
        Data::DateTime(serial) => super::sheet::number_text(serial.as_f64()),
        Data::Error(error) => error.to_string(),
    }
}

fn calamine_cells(bytes: &[u8], sheet: &str) -> Cells {
    let mut workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes.to_vec())).unwrap_or_else(|error| panic!("calamine: {error}"));
    let range = workbook.worksheet_range(sheet).unwrap_or_else(|error| panic!("calamine, {sheet}: {error}"));
    from_first_column(
        range
            .used_cells()
            .map(|(row, column, value)| {
                let (first_row, first_column) = range.start().unwrap_or((0, 0));
                ((first_row + row as u32 + 1, first_column + column as u32), as_our_text(value))
            })
            .filter(|(_, text)| !text.is_empty())
            .collect(),
    )
}

fn sheet_names_of_calamine(bytes: &[u8]) -> Vec<String> {
    let workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes.to_vec())).unwrap_or_else(|error| panic!("calamine: {error}"));
    workbook.sheet_names()
}

fn assert_same_cells(bytes: &[u8], what: &str) {
    let names = sheet_names_of_calamine(bytes);
    assert_eq!(super::sheet_names(bytes).as_ref(), Ok(&names), "{what}: sheet names");
    for name in names {
        assert_eq!(ours(bytes, &name), calamine_cells(bytes, &name), "{what}, sheet {name}");
    }
}

fn xlsx_fixtures(folder: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            xlsx_fixtures(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "xlsx") {
            found.push(path);
        }
    }
}

#[test]
fn every_xlsx_fixture_reads_as_calamine_reads_it() {
    let mut fixtures = Vec::new();
    xlsx_fixtures(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"), &mut fixtures);
    assert!(fixtures.len() >= 2, "the .xlsx fixtures are missing: {fixtures:?}");
    for path in fixtures {
        let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        assert_same_cells(&bytes, &path.display().to_string());
    }
}

/// One generated cell.
#[derive(Debug, Clone)]
enum Cell {
    Shared(String),
    Inline(String),
    Number(f64),
    Bool(bool),
    /// Excel serial day and time of day (fraction), under the date style `style`.
    Date {
        serial: f64,
        style: usize,
    },
    /// `<c r=".."/>` or `<c><v></v></c>`: a cell element with nothing in it.
    Empty {
        with_value: bool,
    },
    /// A formula's cached text result (`t="str"`).
    FormulaText(String),
    /// A number written with an exponent (`1.5E-3`), as Excel writes small and large values.
    Exponent {
        mantissa: i32,
        exponent: i32,
    },
    /// An error value (`t="e"`).
    Error(&'static str),
    /// A shared string in rich-text runs, with a phonetic reading neither reader shows.
    RichShared(String, String),
}

/// Text with what XML must escape, non-ASCII letters and spaces at the ends.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 &<>\"'éß€_-]{1,12}"
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        text().prop_map(Cell::Shared),
        text().prop_map(Cell::Inline),
        prop_oneof![(-1.0e6..1.0e6f64), (-1000i64..100_000).prop_map(|whole| whole as f64)]
            .prop_map(Cell::Number),
        any::<bool>().prop_map(Cell::Bool),
        // 1 Mar 1900 to 31 Dec 2099, where both readers agree on the 1900 system.
        (61u32..73_415, 0u32..4, 1usize..DATE_STYLES + 1).prop_map(|(day, quarter, style)| Cell::Date {
            serial: f64::from(day) + f64::from(quarter) / 4.0,
            style
        }),
        any::<bool>().prop_map(|with_value| Cell::Empty { with_value }),
        text().prop_map(Cell::FormulaText),
        (-999i32..1000, -20i32..20).prop_map(|(mantissa, exponent)| Cell::Exponent { mantissa, exponent }),
        prop::sample::select(vec!["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"])
            .prop_map(Cell::Error),
        (text(), text()).prop_map(|(first, second)| Cell::RichShared(first, second)),
    ]
}

/// Styles 1..=DATE_STYLES are dates: built-in 14 and 22, custom `dd/mm/yyyy` and `yyyy\-mm\-dd`.
const DATE_STYLES: usize = 4;
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>"#;

/// Rows as (gap before the row, cells as (gap before the cell, cell)).
type Layout = Vec<(u32, Vec<(u32, Cell)>)>;

fn layout() -> impl Strategy<Value = Layout> {
    prop::collection::vec((0u32..3, prop::collection::vec((0u32..3, cell()), 0..6)), 1..8)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn column_letters(index: u32) -> String {
    let mut letters = String::new();
    let mut rest = index + 1;
    while rest > 0 {
        letters.insert(0, char::from(b'A' + ((rest - 1) % 26) as u8));
        rest = (rest - 1) / 26;
    }
    letters
}

/// `date_1904`: the workbook's date system (Mac Excel's); `without_references`: cells
/// without `r` (allowed, each then follows the one before), so no column gaps.
fn workbook(layout: &Layout, date_1904: bool, without_references: bool) -> Vec<u8> {
    let mut shared: Vec<String> = Vec::new();
    // Rich strings go after the plain ones; their cells name them by a placeholder until
    // the plain count is known.
    let mut rich: Vec<String> = Vec::new();
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    let mut row = 0;
    for (row_gap, cells) in layout {
        row += row_gap + 1;
        sheet.push_str(&format!(r#"<row r="{row}">"#));
        let mut column = 0;
        for (column_gap, cell) in cells {
            if !without_references {
                column += column_gap;
            }
            let reference = if without_references {
                String::new()
            } else {
                format!(r#" r="{}{row}""#, column_letters(column))
            };
            column += 1;
            sheet.push_str(&match cell {
                Cell::Shared(text) => {
                    let index = shared.iter().position(|known| known == text).unwrap_or_else(|| {
                        shared.push(text.clone());
                        shared.len() - 1
                    });
                    format!(r#"<c{reference} t="s"><v>{index}</v></c>"#)
                }
                Cell::Inline(text) => format!(
                    r#"<c{reference} t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    escape(text)
                ),
                Cell::Number(number) => format!(r#"<c{reference}><v>{number}</v></c>"#),
                Cell::Bool(flag) => format!(r#"<c{reference} t="b"><v>{}</v></c>"#, u8::from(*flag)),
                Cell::Date { serial, style } => {
                    format!(r#"<c{reference} s="{style}"><v>{serial}</v></c>"#)
                }
                Cell::Empty { with_value: true } => format!(r#"<c{reference}><v></v></c>"#),
                Cell::Empty { with_value: false } => format!(r#"<c{reference}/>"#),
                Cell::FormulaText(text) => {
                    format!(r#"<c{reference} t="str"><f>A1&amp;""</f><v>{}</v></c>"#, escape(text))
                }
                Cell::Exponent { mantissa, exponent } => {
                    format!(r#"<c{reference}><v>{mantissa}.5E{exponent}</v></c>"#)
                }
                Cell::Error(error) => format!(r#"<c{reference} t="e"><v>{error}</v></c>"#),
                Cell::RichShared(first, second) => {
                    rich.push(format!(
                        r#"<si><r><rPr><b/></rPr><t xml:space="preserve">{}</t></r><r><t xml:space="preserve">{}</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>"#,
                        escape(first),
                        escape(second)
                    ));
                    format!(r#"<c{reference} t="s"><v>RICH{}</v></c>"#, rich.len() - 1)
                }
            });
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    for at in (0..rich.len()).rev() {
        sheet = sheet.replace(&format!("<v>RICH{at}</v>"), &format!("<v>{}</v>", shared.len() + at));
    }
    let strings: String = shared
        .iter()
        .map(|text| format!(r#"<si><t xml:space="preserve">{}</t></si>"#, escape(text)))
        .chain(rich.iter().cloned())
        .collect();
    let shared_strings = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{strings}</sst>"#,
        shared.len() + rich.len()
    );
    let mut parts: [(&str, &str); 7] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="DATE1904"/><sheets><sheet name="Généré" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", &sheet),
        ("xl/sharedStrings.xml", &shared_strings),
        ("xl/styles.xml", STYLES),
    ];
    let workbook_part = parts[2].1.replace("DATE1904", if date_1904 { "1" } else { "false" });
    parts[2].1 = &workbook_part;
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, text) in parts {
        writer.start_file(name, options).expect("a zip entry");
        writer.write_all(text.as_bytes()).expect("written to memory");
    }
    writer.finish().expect("a finished zip").into_inner()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_workbooks_read_as_calamine_reads_them(
        layout in layout(),
        date_1904 in any::<bool>(),
        without_references in any::<bool>(),
    ) {
        let bytes = workbook(&layout, date_1904, without_references);
        prop_assert_eq!(ours(&bytes, "Généré"), calamine_cells(&bytes, "Généré"));
    }
}

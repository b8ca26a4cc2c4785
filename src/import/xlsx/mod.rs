//! Excel workbooks (`.xlsx`): one sheet read as a grid of text cells, dates
//! written as ISO dates so they read like any other date.
//!
//! Hand-written rather than a spreadsheet crate: the importer needs sheet
//! names, shared strings, the styles that make a number a date, and cells,
//! nothing else, and a general reader (with its encodings for legacy
//! formats) weighed a third of a megabyte in the browser download.

mod package;
mod shared_strings;
mod sheet;
mod styles;
mod xml;
mod zip;

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod against_calamine;

use super::error::{IssueKind, WorkbookProblem};
use package::{SheetEntry, Workbook};
use sheet::read_grid;

/// One sheet of a workbook, as text cells with their 1-based row numbers.
pub(crate) struct Sheet {
    pub name: String,
    pub rows: Vec<(u32, Vec<String>)>,
}

/// The names of the workbook's sheets, in the workbook's order (for a sheet picker).
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, IssueKind> {
    let workbook = Workbook::open(bytes).map_err(invalid)?;
    Ok(workbook.sheets.into_iter().map(|sheet| sheet.name).collect())
}

fn invalid(problem: WorkbookProblem) -> IssueKind {
    IssueKind::InvalidWorkbook { problem }
}

/// Reads the sheet the user picked, or the first sheet that has any cell.
pub(crate) fn read_sheet(bytes: &[u8], wanted: Option<&str>) -> Result<Sheet, IssueKind> {
    let workbook = Workbook::open(bytes).map_err(invalid)?;
    let candidates: Vec<&SheetEntry> = match wanted {
        Some(wanted) => {
            let found = workbook.sheets.iter().find(|sheet| sheet.name == wanted).or_else(|| {
                workbook.sheets.iter().find(|sheet| sheet.name.trim().eq_ignore_ascii_case(wanted.trim()))
            });
            match found {
                Some(sheet) => vec![sheet],
                None => {
                    let available = workbook.sheets.iter().map(|sheet| sheet.name.clone()).collect();
                    return Err(IssueKind::SheetNotFound { sheet: wanted.to_owned(), available });
                }
            }
        }
        None => workbook.sheets.iter().collect(),
    };
    let (shared_strings, formats) =
        (workbook.shared_strings().map_err(invalid)?, workbook.cell_formats().map_err(invalid)?);
    let mut first_read = None;
    for entry in candidates {
        let rows = match &entry.part {
            Some(part) => match workbook.text(part).map_err(invalid)? {
                Some(text) => read_grid(&entry.name, &text, &shared_strings, &formats, workbook.date_1904)
                    .map_err(invalid)?,
                None => Vec::new(),
            },
            None => Vec::new(),
        };
        let has_cells = rows.iter().any(|(_, cells)| cells.iter().any(|cell| !cell.is_empty()));
        let sheet = Sheet { name: entry.name.clone(), rows };
        if has_cells {
            return Ok(sheet);
        }
        first_read.get_or_insert(sheet);
    }
    first_read.ok_or(invalid(WorkbookProblem::NoSheet))
}

#[cfg(test)]
mod tests {
    use super::package::resolve;
    use super::shared_strings::read_shared_strings;
    use super::sheet::{cell_reference, MAX_GRID_CELLS};
    use super::styles::{built_in_format, format_of_code, CellFormat};
    use super::zip::tests::archive;
    use super::*;

    const WORKBOOK_RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/other.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="./styles.xml"/></Relationships>"#;

    fn workbook_xml(date_1904: &str) -> String {
        format!(
            r#"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr {date_1904}/><sheets><sheet name="Vide" sheetId="1" r:id="rId1"/><sheet name="Données &amp; dates" sheetId="2" r:id="rId2"/></sheets></workbook>"#
        )
    }

    const SHARED_STRINGS: &str = r#"<sst count="4"><si><t>Produit</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Microsoft </t></r><r><t>365 E3</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si><si><t>AT&amp;T &lt;&quot;x&quot;&gt; &apos;y&apos; &#233;&#x20AC;</t></si><si/><si><t>a_x000D_b</t></si></sst>"#;

    const STYLES: &str = r#"<styleSheet><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Qty: &quot;0.00"/><numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="4"/></cellXfs></styleSheet>"#;

    fn workbook(date_1904: &str, second_sheet: &str) -> Vec<u8> {
        let workbook = workbook_xml(date_1904);
        archive(&[
            ("[Content_Types].xml", b"<Types/>", true),
            ("_rels/.rels", br#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#, true),
            ("xl/workbook.xml", workbook.as_bytes(), true),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes(), false),
            ("xl/sharedStrings.xml", SHARED_STRINGS.as_bytes(), true),
            ("xl/styles.xml", STYLES.as_bytes(), true),
            ("xl/worksheets/sheet1.xml", br#"<worksheet><sheetData><row r="1"><c r="A1" s="1"/></row></sheetData></worksheet>"#, true),
            ("xl/worksheets/other.xml", second_sheet.as_bytes(), true),
        ])
    }

    fn cells_of(second_sheet: &str, date_1904: &str) -> Vec<(u32, Vec<String>)> {
        let sheet = read_sheet(&workbook(date_1904, second_sheet), None).expect("readable");
        assert_eq!(sheet.name, "Données & dates");
        sheet.rows
    }

    #[test]
    fn sheet_names_in_order_with_entities() {
        assert_eq!(sheet_names(&workbook("", "<worksheet/>")).unwrap(), vec!["Vide", "Données & dates"]);
    }

    #[test]
    fn shared_strings_rich_text_entities_and_phonetics() {
        assert_eq!(
            read_shared_strings(SHARED_STRINGS),
            vec!["Produit", "Microsoft 365 E3", "AT&T <\"x\"> 'y' é€", "", "a\rb"]
        );
    }

    #[test]
    fn cell_types_numbers_and_dates() {
        let sheet = r#"<worksheet><sheetData>
            <row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c><c r="E2" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>
            <row r="3"><c r="B3"><v>60</v></c><c r="C3"><v>20.600000000000001</v></c><c r="D3" s="5"><v>1E+20</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="b"><v>0</v></c></row>
            <row r="4"><c r="B4" s="1"><v>46112</v></c><c r="C4" s="2"><v>46112.75</v></c><c r="D4" s="3"><v>46112</v></c><c r="E4" s="4"><v>1.5</v></c><c r="F4" t="e"><v>#DIV/0!</v></c></row>
            <row r="5"><c r="B5" t="str"><f>A1&amp;"x"</f><v>a &amp; b</v></c><c r="C5" t="d"><v>2026-03-31T00:00:00</v></c><c r="D5" s="1"><v>59</v></c><c r="E5" s="1"><v>61</v></c><c r="F5" s="1"><v>-1</v></c></row>
        </sheetData></worksheet>"#;
        let rows = cells_of(sheet, "");
        let text = |row: usize| rows[row].1.iter().map(String::as_str).collect::<Vec<_>>();
        assert_eq!(
            rows.iter().map(|(line, _)| *line).collect::<Vec<_>>(),
            vec![2, 3, 4, 5],
            "sheet row numbers"
        );
        assert_eq!(
            text(0),
            ["Produit", "Microsoft 365 E3", "AT&T <\"x\"> 'y' é€", "inline", ""],
            "the used range starts at column B"
        );
        assert_eq!(text(1), ["60", "20.6", "100000000000000000000", "true", "false"]);
        assert_eq!(
            text(2),
            ["2026-03-31", "2026-03-31", "46112", "1.5", "#DIV/0!"],
            "built-in and custom date styles; quoted d and [h] are not dates"
        );
        assert_eq!(
            text(3),
            ["a & b", "2026-03-31T00:00:00", "1900-02-28", "1900-03-01", "-1"],
            "the 1900 leap-year bug"
        );
    }

    #[test]
    fn the_1904_date_system() {
        let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44650</v></c></row></sheetData></worksheet>"#;
        assert_eq!(cells_of(sheet, r#"date1904="1""#)[0].1, ["1904-01-01", "2026-03-31"]);
        assert_eq!(cells_of(sheet, r#"date1904="true""#)[0].1, ["1904-01-01", "2026-03-31"]);
        assert_eq!(cells_of(sheet, r#"date1904="0""#)[0].1, ["1899-12-31", "2022-03-30"]);
    }

    #[test]
    fn sparse_cells_blank_rows_and_missing_references() {
        let sheet = r#"<worksheet><sheetData>
            <row r="3"><c r="C3" t="inlineStr"><is><t>a</t></is></c><c r="E3" t="inlineStr"><is><t>b</t></is></c></row>
            <row r="4"><c r="C4" s="1"/></row>
            <row r="6" spans="1:5"><c t="inlineStr"><is><t>no ref</t></is></c><c><v>7</v></c></row>
            <row><c r="D7"><v>8</v></c></row>
        </sheetData></worksheet>"#;
        let rows = cells_of(sheet, "");
        let expected: Vec<(u32, Vec<&str>)> = vec![
            (3, vec!["", "", "a", "", "b"]),
            (4, vec!["", "", "", "", ""]),
            (5, vec!["", "", "", "", ""]),
            (6, vec!["no ref", "7", "", "", ""]),
            (7, vec!["", "", "", "8", ""]),
        ];
        assert_eq!(
            rows.iter()
                .map(|(line, cells)| (*line, cells.iter().map(String::as_str).collect::<Vec<_>>()))
                .collect::<Vec<_>>(),
            expected
        );
    }

    #[test]
    fn rows_out_of_order_and_a_cell_written_twice() {
        let sheet = r#"<worksheet><sheetData>
            <row r="5"><c r="B5"><v>5</v></c></row>
            <row r="2"><c r="C2"><v>2</v></c><c r="C2"><v>22</v></c></row>
            <row r="5"><c r="A5"><v>50</v></c></row>
            <row r="3"><c r="B3"><v>3</v></c></row>
        </sheetData></worksheet>"#;
        let rows = cells_of(sheet, "");
        let expected: Vec<(u32, Vec<&str>)> = vec![
            (2, vec!["", "", "22"]),
            (3, vec!["", "3", ""]),
            (4, vec!["", "", ""]),
            (5, vec!["50", "5", ""]),
        ];
        assert_eq!(
            rows.iter()
                .map(|(line, cells)| (*line, cells.iter().map(String::as_str).collect::<Vec<_>>()))
                .collect::<Vec<_>>(),
            expected
        );
    }

    #[test]
    fn chosen_sheet_first_with_cells_and_errors() {
        let bytes = workbook(
            "",
            r#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#,
        );
        assert_eq!(read_sheet(&bytes, Some("vide")).unwrap().name, "Vide", "case-insensitive choice");
        assert!(read_sheet(&bytes, Some("Vide")).unwrap().rows.is_empty());
        assert_eq!(
            read_sheet(&bytes, Some("Autre")).err(),
            Some(IssueKind::SheetNotFound {
                sheet: "Autre".into(),
                available: vec!["Vide".into(), "Données & dates".into()]
            })
        );
        let far = r#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>"#;
        assert!(matches!(
            read_sheet(&workbook("", far), None),
            Err(IssueKind::InvalidWorkbook { problem: WorkbookProblem::TooManyCells { .. } })
        ));
        // Stray values far right on many rows stop the reading before they cost memory.
        let stray: String = (1..=700)
            .map(|row| {
                format!(r#"<row r="{row}"><c r="A{row}"><v>1</v></c><c r="XFD{row}"><v>2</v></c></row>"#)
            })
            .collect();
        let stray = format!("<worksheet><sheetData>{stray}</sheetData></worksheet>");
        assert_eq!(
            read_sheet(&workbook("", &stray), None).err(),
            Some(invalid(WorkbookProblem::TooManyCells {
                sheet: "Données & dates".into(),
                rows: 611,
                columns: 16_384,
                limit: MAX_GRID_CELLS
            }))
        );
        assert_eq!(read_sheet(b"PK\x05\x06", None).err(), Some(invalid(WorkbookProblem::Truncated)));
        let binary = archive(&[("xl/workbook.bin", b"\x83\x01", false)]);
        assert_eq!(sheet_names(&binary).err(), Some(invalid(WorkbookProblem::BinaryWorkbook)));
        let no_sheets = archive(&[("xl/workbook.xml", b"<workbook><sheets/></workbook>", false)]);
        assert_eq!(sheet_names(&no_sheets).err(), Some(invalid(WorkbookProblem::NoSheet)));
    }

    #[test]
    fn date_formats_from_codes() {
        for code in [
            "dd/mm/yyyy",
            "m/d/yy h:mm",
            "[$-40C]d mmmm yyyy",
            "yyyy-mm-dd;@",
            "[Red]dd-mmm",
            "hh:mm:ss AM/PM",
            "mmm\\-yy",
        ] {
            assert_eq!(format_of_code(code), CellFormat::Date, "{code}");
        }
        for code in [
            "General",
            "0.00",
            "#,##0 \"days\"",
            "0.00E+00",
            "[Red]#,##0;[Blue]-#,##0",
            "_-* #,##0 €_-;-* #,##0 €_-;_-* \"-\"?? €_-;_-@_-",
            "@",
            "0;\"d\"yy",
        ] {
            assert_eq!(format_of_code(code), CellFormat::Number, "{code}");
        }
        for code in ["[h]:mm:ss", "[mm]:ss", "[SS].00"] {
            assert_eq!(format_of_code(code), CellFormat::Duration, "{code}");
        }
        assert_eq!(
            (
                built_in_format(14),
                built_in_format(22),
                built_in_format(45),
                built_in_format(46),
                built_in_format(0),
                built_in_format(49)
            ),
            (
                CellFormat::Date,
                CellFormat::Date,
                CellFormat::Date,
                CellFormat::Duration,
                CellFormat::Number,
                CellFormat::Number
            )
        );
    }

    #[test]
    fn references_and_paths() {
        assert_eq!(cell_reference("A1"), Some((0, Some(1))));
        assert_eq!(cell_reference("xfd1048576"), Some((16_383, Some(1_048_576))));
        assert_eq!(cell_reference("AB"), Some((27, None)));
        assert_eq!(
            (
                cell_reference("XFE1"),
                cell_reference("A0"),
                cell_reference("A1048577"),
                cell_reference("1"),
                cell_reference("ABCD1")
            ),
            (None, None, None, None, None)
        );
        assert_eq!(resolve("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("xl/", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("xl/", "../xl/./worksheets\\sheet1.xml"), "xl/worksheets/sheet1.xml");
    }
}

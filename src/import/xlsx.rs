//! Excel workbooks (`.xlsx`) through `calamine`: one sheet read as a grid of
//! text cells, dates written as ISO dates so they read like any other date.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::error::IssueKind;

/// One sheet of a workbook, as text cells with their 1-based row numbers.
pub(crate) struct Sheet {
    pub name: String,
    pub rows: Vec<(u32, Vec<String>)>,
}

/// Reads the sheet the user picked, or the first sheet that has any cell.
pub(crate) fn read_sheet(bytes: &[u8], wanted: Option<&str>) -> Result<Sheet, IssueKind> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|error| IssueKind::UnreadableWorkbook { detail: error.to_string() })?;
    let names = workbook.sheet_names();
    let candidates: Vec<String> = match wanted {
        Some(wanted) => {
            let found = names.iter().find(|name| name.as_str() == wanted || name.trim().eq_ignore_ascii_case(wanted.trim()));
            match found {
                Some(name) => vec![name.clone()],
                None => return Err(IssueKind::SheetNotFound { sheet: wanted.to_owned(), available: names }),
            }
        }
        None => names,
    };
    let mut first_read = None;
    for name in candidates {
        let range = workbook.worksheet_range(&name).map_err(|error| IssueKind::UnreadableWorkbook { detail: error.to_string() })?;
        let first_row = range.start().map_or(0, |(row, _)| row);
        let rows: Vec<(u32, Vec<String>)> = range
            .rows()
            .enumerate()
            .map(|(offset, cells)| {
                let line = first_row.saturating_add(u32::try_from(offset).unwrap_or(u32::MAX)).saturating_add(1);
                (line, cells.iter().map(cell_text).collect())
            })
            .collect();
        let has_cells = rows.iter().any(|(_, cells)| cells.iter().any(|cell| !cell.is_empty()));
        let sheet = Sheet { name, rows };
        if has_cells {
            return Ok(sheet);
        }
        first_read.get_or_insert(sheet);
    }
    first_read.ok_or(IssueKind::UnreadableWorkbook { detail: "no sheet".into() })
}

/// A cell as text: whole numbers without `.0`, dates as `yyyy-mm-dd`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => format!("{number:.0}"),
        Data::Float(number) => number.to_string(),
        Data::Bool(flag) => flag.to_string(),
        Data::DateTime(date_time) if date_time.is_datetime() => {
            let (year, month, day, ..) = date_time.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTime(duration) => duration.as_f64().to_string(),
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(error) => format!("#{error:?}"),
    }
}

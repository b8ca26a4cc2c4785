//! A worksheet read into a grid of text cells over its used range.

use std::borrow::Cow;

use chrono::Datelike;

use super::super::error::WorkbookProblem;
use super::super::values::excel_serial_date;
use super::shared_strings::RichText;
use super::styles::CellFormat;
use super::xml::{unescape, unescape_office, Event, Scanner};

/// A sheet's used range is held as a full grid (the table reader and the
/// CSV copy of a licensing table need rectangular rows); beyond this many
/// cells, a stray value far away would exhaust memory.
pub(super) const MAX_GRID_CELLS: u64 = 10_000_000;

/// A sheet's used range: each row's number and its cells as text.
type Grid = Vec<(u32, Vec<String>)>;

/// Excel's own limits: a reference beyond them is not a cell.
pub(super) const MAX_ROWS: u32 = 1_048_576;
pub(super) const MAX_COLUMNS: u32 = 16_384;

/// `B3` -> (column 1, row 3) (0-based column, 1-based row); `None` beyond Excel's limits.
pub(super) fn cell_reference(reference: &str) -> Option<(u32, Option<u32>)> {
    let letters_end = reference.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(reference.len());
    let (letters, digits) = reference.split_at(letters_end);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let column = letters
        .bytes()
        .fold(0u32, |column, letter| column * 26 + u32::from(letter.to_ascii_uppercase() - b'A' + 1));
    if column > MAX_COLUMNS {
        return None;
    }
    let row = if digits.is_empty() {
        None
    } else {
        Some(digits.parse::<u32>().ok().filter(|row| (1..=MAX_ROWS).contains(row))?)
    };
    Some((column - 1, row))
}

/// A number as text: whole numbers without `.0`, others as Rust's shortest form.
pub(super) fn number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{number:.0}")
    } else {
        number.to_string()
    }
}

/// The cell being read.
pub(super) struct OpenCell<'t> {
    column: u32,
    row: u32,
    kind: &'t str,
    style: Option<usize>,
    /// The `<v>` text, borrowed from the part unless it held entities or came in pieces.
    value: Option<Cow<'t, str>>,
    in_value: bool,
    inline: Option<RichText>,
}

impl OpenCell<'_> {
    fn text(self, shared_strings: &[String], formats: &[CellFormat], date_1904: bool) -> Option<String> {
        let OpenCell { kind, style, value, inline, .. } = self;
        if let Some(rich) = inline {
            return Some(rich.finish());
        }
        let value = value?;
        Some(match kind.as_bytes() {
            _ if value.is_empty() => String::new(),
            [b's'] => value
                .trim_ascii()
                .parse::<usize>()
                .ok()
                .and_then(|index| shared_strings.get(index))
                .cloned()
                .unwrap_or_default(),
            [b's', b't', b'r'] | [b'i', b'n', b'l', b'i', b'n', b'e', b'S', b't', b'r'] => {
                unescape_office(&value).into_owned()
            }
            [b'b'] => match value.trim_ascii() {
                "1" | "true" => "true".to_owned(),
                "0" | "false" => "false".to_owned(),
                _ => value.into_owned(),
            },
            // Errors keep Excel's own text (#N/A, #DIV/0!); ISO dates (`t="d"`) stay as written.
            [b'e'] | [b'd'] => value.into_owned(),
            _ => match value.trim_ascii().parse::<f64>() {
                Ok(number) => {
                    let format =
                        style.and_then(|style| formats.get(style)).copied().unwrap_or(CellFormat::Number);
                    match (format, excel_serial_date(number, date_1904)) {
                        // Not `date.format(...)`: that parses its pattern again for every cell.
                        (CellFormat::Date, Some(date)) => {
                            format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
                        }
                        _ => number_text(number),
                    }
                }
                Err(_) => value.into_owned(),
            },
        })
    }
}

/// The cells of a worksheet as rows of text over its used range (from the
/// first to the last row and column holding a value), with sheet row numbers.
pub(super) fn read_grid(
    sheet: &str,
    text: &str,
    shared_strings: &[String],
    formats: &[CellFormat],
    date_1904: bool,
) -> Result<Vec<(u32, Vec<String>)>, WorkbookProblem> {
    let mut grid = GridBuilder::default();
    let mut row: u32 = 0;
    let mut next_column: u32 = 0;
    let mut open: Option<OpenCell<'_>> = None;
    // Names are compared as bytes through `SheetTag`: string patterns become a call
    // to memcmp each in the size-optimised build, several per event of a large sheet.
    for event in Scanner::new(text) {
        let tag = match &event {
            Event::Start { name, .. } | Event::End { name } => SheetTag::of(name),
            _ => SheetTag::Other,
        };
        match (tag, event) {
            (SheetTag::Row, Event::Start { attributes, .. }) => {
                row = attributes
                    .get("r")
                    .and_then(|r| r.trim_ascii().parse().ok())
                    .filter(|r| (1..=MAX_ROWS).contains(r))
                    .unwrap_or(row.saturating_add(1).min(MAX_ROWS));
                next_column = 0;
            }
            (SheetTag::Cell, Event::Start { attributes, self_closing, .. }) => {
                // One pass over the attributes: this runs for every cell of the sheet.
                let (mut reference, mut kind, mut style) = (None, "n", None);
                for (key, value) in attributes.iter() {
                    match key.as_bytes() {
                        [b'r'] => reference = cell_reference(value.trim_ascii()),
                        [b't'] => kind = value,
                        [b's'] => style = value.trim_ascii().parse().ok(),
                        _ => {}
                    }
                }
                let column = reference.map_or(next_column, |(column, _)| column).min(MAX_COLUMNS - 1);
                let cell_row = reference.and_then(|(_, row)| row).unwrap_or(row.max(1));
                next_column = column + 1;
                if !self_closing {
                    open = Some(OpenCell {
                        column,
                        row: cell_row,
                        kind,
                        style,
                        value: None,
                        in_value: false,
                        inline: None,
                    });
                }
            }
            (SheetTag::Cell, Event::End { .. }) => {
                if let Some(cell) = open.take() {
                    let (column, cell_row) = (cell.column, cell.row);
                    if let Some(text) = cell.text(shared_strings, formats, date_1904) {
                        grid.put(cell_row, column, text)
                            .map_err(|(rows, columns)| too_many_cells(sheet, rows, columns))?;
                    }
                }
            }
            (tag, event) => {
                let Some(cell) = open.as_mut() else { continue };
                match (tag, &event, cell.inline.as_mut()) {
                    (SheetTag::InlineString, Event::Start { .. }, None) => {
                        cell.inline = Some(RichText::new())
                    }
                    (_, _, Some(rich)) => rich.event(&event),
                    (SheetTag::Value, Event::Start { self_closing, .. }, None) => {
                        cell.value.get_or_insert(Cow::Borrowed(""));
                        cell.in_value = !self_closing;
                    }
                    (SheetTag::Value, Event::End { .. }, None) => cell.in_value = false,
                    (_, Event::Text(raw), None) if cell.in_value => append(&mut cell.value, unescape(raw)),
                    (_, Event::CData(literal), None) if cell.in_value => {
                        append(&mut cell.value, Cow::Borrowed(literal))
                    }
                    _ => {}
                }
            }
        }
    }
    grid.finish().map_err(|(rows, columns)| too_many_cells(sheet, rows, columns))
}

/// The worksheet elements the reader acts on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SheetTag {
    Row,
    Cell,
    Value,
    InlineString,
    Other,
}

impl SheetTag {
    fn of(name: &str) -> SheetTag {
        match name.as_bytes() {
            [b'c'] => SheetTag::Cell,
            [b'v'] => SheetTag::Value,
            [b'r', b'o', b'w'] => SheetTag::Row,
            [b'i', b's'] => SheetTag::InlineString,
            _ => SheetTag::Other,
        }
    }
}

/// Adds a piece of a cell's text, borrowing when it is the only piece.
pub(super) fn append<'t>(value: &mut Option<Cow<'t, str>>, piece: Cow<'t, str>) {
    match value {
        Some(text) if text.is_empty() => *text = piece,
        Some(text) => text.to_mut().push_str(&piece),
        None => *value = Some(piece),
    }
}

pub(super) fn too_many_cells(sheet: &str, rows: u64, columns: u64) -> WorkbookProblem {
    WorkbookProblem::TooManyCells { sheet: sheet.to_owned(), rows, columns, limit: MAX_GRID_CELLS }
}

/// The rows holding values, each indexed by sheet column, built as cells
/// arrive (no list of cells on the side: that doubled the memory of a large
/// sheet). Errors are the `(rows, columns)` of a range beyond [`MAX_GRID_CELLS`].
#[derive(Default)]
pub(super) struct GridBuilder {
    rows: Vec<(u32, Vec<String>)>,
    first_column: Option<u32>,
    last_column: u32,
    /// Cells allocated so far, to stop before a stray far-away value costs memory.
    slots: u64,
}

impl GridBuilder {
    fn put(&mut self, row: u32, column: u32, text: String) -> Result<(), (u64, u64)> {
        self.first_column = Some(self.first_column.map_or(column, |first| first.min(column)));
        self.last_column = self.last_column.max(column);
        // Writers put rows in order; a row out of order is found or inserted in place.
        let at = match self.rows.last() {
            Some((last, _)) if *last == row => self.rows.len() - 1,
            Some((last, _)) if *last > row => match self.rows.binary_search_by_key(&row, |(line, _)| *line) {
                Ok(at) => at,
                Err(at) => {
                    self.rows.insert(at, (row, Vec::new()));
                    at
                }
            },
            _ => {
                // Rows are usually as wide as the one before: one allocation instead of a doubling series.
                let width = self.rows.last().map_or(0, |(_, cells)| cells.len());
                self.rows.push((row, Vec::with_capacity(width)));
                self.rows.len() - 1
            }
        };
        let cells = &mut self.rows[at].1;
        let index = column as usize;
        if cells.len() <= index {
            self.slots += (index + 1 - cells.len()) as u64;
            if self.slots > MAX_GRID_CELLS {
                return Err(self.extent());
            }
            cells.resize(index + 1, String::new());
        }
        cells[index] = text;
        Ok(())
    }

    fn extent(&self) -> (u64, u64) {
        let rows = match (self.rows.first(), self.rows.last()) {
            (Some((first, _)), Some((last, _))) => u64::from(last - first) + 1,
            _ => 0,
        };
        (rows, u64::from(self.last_column - self.first_column.unwrap_or(0)) + 1)
    }

    /// The used range: every row from the first to the last holding a value,
    /// every column from the first to the last holding one.
    fn finish(self) -> Result<Grid, (u64, u64)> {
        let (rows, columns) = self.extent();
        if rows * columns > MAX_GRID_CELLS {
            return Err((rows, columns));
        }
        let (first_column, width) = (self.first_column.unwrap_or(0) as usize, columns as usize);
        let mut grid: Grid = Vec::with_capacity(rows as usize);
        for (line, mut cells) in self.rows {
            while let Some(gap) = grid.last().map(|(last, _)| last + 1).filter(|next| *next < line) {
                grid.push((gap, vec![String::new(); width]));
            }
            cells.drain(..first_column.min(cells.len()));
            cells.resize(width, String::new());
            grid.push((line, cells));
        }
        Ok(grid)
    }
}

//! Excel workbooks (`.xlsx`): one sheet read as a grid of text cells, dates
//! written as ISO dates so they read like any other date.
//!
//! Hand-written rather than a spreadsheet crate: the importer needs sheet
//! names, shared strings, the styles that make a number a date, and cells,
//! nothing else, and a general reader (with its encodings for legacy
//! formats) weighed a third of a megabyte in the browser download.

mod xml;
mod zip;

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::Datelike;

use super::error::{IssueKind, WorkbookProblem};
use super::values::excel_serial_date;
use xml::{unescape, unescape_office, Event, Scanner};
use zip::Archive;

/// One sheet of a workbook, as text cells with their 1-based row numbers.
pub(crate) struct Sheet {
    pub name: String,
    pub rows: Vec<(u32, Vec<String>)>,
}

/// A sheet's used range is held as a full grid (the table reader and the
/// CSV copy of a licensing table need rectangular rows); beyond this many
/// cells, a stray value far away would exhaust memory.
const MAX_GRID_CELLS: u64 = 10_000_000;
/// Excel's own limits: a reference beyond them is not a cell.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: u32 = 16_384;

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

struct SheetEntry {
    name: String,
    /// The worksheet part; `None` when the workbook points nowhere.
    part: Option<String>,
}

struct Workbook<'a> {
    archive: Archive<'a>,
    /// The folder of the workbook part (`xl/`), where its relationships point from.
    folder: String,
    relationships: HashMap<String, Relationship>,
    sheets: Vec<SheetEntry>,
    /// `workbookPr date1904`: serial dates count from 1904 (old Mac workbooks).
    date_1904: bool,
}

struct Relationship {
    kind: String,
    part: String,
}

impl<'a> Workbook<'a> {
    fn open(bytes: &'a [u8]) -> Result<Workbook<'a>, WorkbookProblem> {
        let archive = Archive::open(bytes)?;
        let workbook_part = office_document(&archive)?;
        if workbook_part.ends_with(".bin") {
            return Err(WorkbookProblem::BinaryWorkbook);
        }
        let text = text_of(&archive, &workbook_part)?
            .ok_or_else(|| WorkbookProblem::MissingPart { part: workbook_part.clone() })?;
        let folder = folder_of(&workbook_part).to_owned();
        let relationships = relationships_of(&archive, &workbook_part)?;
        let mut sheets = Vec::new();
        let mut date_1904 = false;
        for event in Scanner::new(&text) {
            let Event::Start { name, attributes, .. } = event else { continue };
            match name {
                "sheet" => {
                    let sheet_name = attributes
                        .value("name")
                        .map(Cow::into_owned)
                        .unwrap_or_else(|| format!("Sheet{}", sheets.len() + 1));
                    let part = attributes
                        .get("id")
                        .and_then(|id| relationships.get(id))
                        .map(|relationship| relationship.part.clone())
                        .or_else(|| {
                            // No relationship: the name every writer gives the n-th sheet.
                            let guess = format!("{folder}worksheets/sheet{}.xml", sheets.len() + 1);
                            archive.contains(&guess).then_some(guess)
                        });
                    sheets.push(SheetEntry { name: sheet_name, part });
                }
                "workbookPr" => date_1904 = matches!(attributes.get("date1904"), Some("1" | "true" | "on")),
                _ => {}
            }
        }
        if sheets.is_empty() {
            return Err(WorkbookProblem::NoSheet);
        }
        Ok(Workbook { archive, folder, relationships, sheets, date_1904 })
    }

    fn text(&self, part: &str) -> Result<Option<String>, WorkbookProblem> {
        text_of(&self.archive, part)
    }

    /// The part a relationship of this type points to, else the usual name.
    fn part_of_kind(&self, kind: &str, usual: &str) -> String {
        let mut parts: Vec<&Relationship> =
            self.relationships.values().filter(|relationship| relationship.kind == kind).collect();
        parts.sort_by(|a, b| a.part.cmp(&b.part));
        parts
            .first()
            .map_or_else(|| format!("{}{usual}", self.folder), |relationship| relationship.part.clone())
    }

    fn shared_strings(&self) -> Result<Vec<String>, WorkbookProblem> {
        let part = self.part_of_kind("sharedStrings", "sharedStrings.xml");
        Ok(self.text(&part)?.map(|text| read_shared_strings(&text)).unwrap_or_default())
    }

    fn cell_formats(&self) -> Result<Vec<CellFormat>, WorkbookProblem> {
        let part = self.part_of_kind("styles", "styles.xml");
        Ok(self.text(&part)?.map(|text| read_cell_formats(&text)).unwrap_or_default())
    }
}

/// The workbook part named by the package relationships (`xl/workbook.xml` in practice).
fn office_document(archive: &Archive<'_>) -> Result<String, WorkbookProblem> {
    let from_relationships = relationships_of(archive, "")?
        .into_values()
        .find(|relationship| relationship.kind == "officeDocument")
        .map(|relationship| relationship.part)
        .filter(|part| archive.contains(part));
    Ok(from_relationships.unwrap_or_else(|| {
        if !archive.contains("xl/workbook.xml") && archive.contains("xl/workbook.bin") {
            "xl/workbook.bin".to_owned()
        } else {
            "xl/workbook.xml".to_owned()
        }
    }))
}

/// `xl/workbook.xml` -> `xl/`.
fn folder_of(part: &str) -> &str {
    part.rfind('/').map_or("", |at| &part[..=at])
}

/// The relationships of a part (`""`: of the package), by id, with their
/// targets resolved to part names.
fn relationships_of(
    archive: &Archive<'_>,
    part: &str,
) -> Result<HashMap<String, Relationship>, WorkbookProblem> {
    let folder = folder_of(part);
    let file = &part[folder.len()..];
    let Some(text) = text_of(archive, &format!("{folder}_rels/{file}.rels"))? else {
        return Ok(HashMap::new());
    };
    let mut relationships = HashMap::new();
    for event in Scanner::new(&text) {
        let Event::Start { name: "Relationship", attributes, .. } = event else { continue };
        let (Some(id), Some(target)) = (attributes.value("Id"), attributes.value("Target")) else { continue };
        if attributes.get("TargetMode") == Some("External") {
            continue;
        }
        let kind = attributes
            .value("Type")
            .map(|kind| kind.rsplit('/').next().unwrap_or_default().to_owned())
            .unwrap_or_default();
        relationships.insert(id.into_owned(), Relationship { kind, part: resolve(folder, &target) });
    }
    Ok(relationships)
}

/// A relationship target as a part name: absolute (`/xl/...`) or relative
/// to the source's folder, with `.` and `..` segments applied.
fn resolve(folder: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("{folder}{target}"),
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in joined.split(['/', '\\']) {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    segments.join("/")
}

/// A part as text: UTF-8 (with or without a byte order mark), or UTF-16 with one.
fn text_of(archive: &Archive<'_>, part: &str) -> Result<Option<String>, WorkbookProblem> {
    let Some(bytes) = archive.read(part)? else { return Ok(None) };
    let utf16 = |big_endian: bool| {
        let units = bytes[2..].chunks_exact(2).map(|pair| {
            if big_endian {
                u16::from_be_bytes([pair[0], pair[1]])
            } else {
                u16::from_le_bytes([pair[0], pair[1]])
            }
        });
        char::decode_utf16(units).map(|unit| unit.unwrap_or(char::REPLACEMENT_CHARACTER)).collect::<String>()
    };
    let text = if bytes.starts_with(b"\xFF\xFE") {
        utf16(false)
    } else if bytes.starts_with(b"\xFE\xFF") {
        utf16(true)
    } else if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(body).into_owned()
    } else {
        String::from_utf8(bytes)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
    };
    Ok(Some(text))
}

/// The text of rich or plain strings (`<si>`, `<is>`): every `<t>` run,
/// except the phonetic guides (`<rPh>`) written over East Asian text.
struct RichText {
    text: String,
    in_text: bool,
    phonetic_depth: usize,
}

impl RichText {
    fn new() -> RichText {
        RichText { text: String::new(), in_text: false, phonetic_depth: 0 }
    }

    fn event(&mut self, event: &Event<'_>) {
        match event {
            Event::Start { name: "rPh", self_closing: false, .. } => self.phonetic_depth += 1,
            Event::End { name: "rPh" } => self.phonetic_depth = self.phonetic_depth.saturating_sub(1),
            Event::Start { name: "t", self_closing, .. } => {
                self.in_text = !self_closing && self.phonetic_depth == 0
            }
            Event::End { name: "t" } => self.in_text = false,
            Event::Text(raw) if self.in_text => self.text.push_str(&unescape(raw)),
            Event::CData(literal) if self.in_text => self.text.push_str(literal),
            _ => {}
        }
    }

    fn finish(self) -> String {
        match unescape_office(&self.text) {
            Cow::Borrowed(_) => self.text,
            Cow::Owned(decoded) => decoded,
        }
    }
}

fn read_shared_strings(text: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut current: Option<RichText> = None;
    for event in Scanner::new(text) {
        match (&event, current.as_mut()) {
            (Event::Start { name: "si", self_closing, .. }, _) => {
                if *self_closing {
                    strings.push(String::new());
                } else {
                    current = Some(RichText::new());
                }
            }
            (Event::End { name: "si" }, Some(_)) => strings.extend(current.take().map(RichText::finish)),
            (_, Some(rich)) => rich.event(&event),
            _ => {}
        }
    }
    strings
}

/// What a cell's style makes of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CellFormat {
    Number,
    Date,
    /// Elapsed time (`[h]:mm`): a number of days, not a date.
    Duration,
}

/// The format of each cell style (`cellXfs`, indexed by a cell's `s`).
fn read_cell_formats(text: &str) -> Vec<CellFormat> {
    let mut custom: HashMap<u32, CellFormat> = HashMap::new();
    let mut style_ids: Vec<u32> = Vec::new();
    let mut in_cell_styles = false;
    for event in Scanner::new(text) {
        match event {
            Event::Start { name: "numFmt", attributes, .. } => {
                if let (Some(id), Some(code)) = (
                    attributes.get("numFmtId").and_then(|id| id.trim().parse().ok()),
                    attributes.value("formatCode"),
                ) {
                    custom.insert(id, format_of_code(&code));
                }
            }
            Event::Start { name: "cellXfs", self_closing: false, .. } => in_cell_styles = true,
            Event::End { name: "cellXfs" } => in_cell_styles = false,
            Event::Start { name: "xf", attributes, .. } if in_cell_styles => {
                style_ids.push(attributes.get("numFmtId").and_then(|id| id.trim().parse().ok()).unwrap_or(0));
            }
            _ => {}
        }
    }
    style_ids.into_iter().map(|id| custom.get(&id).copied().unwrap_or_else(|| built_in_format(id))).collect()
}

/// The built-in number formats (ECMA-376 18.8.30) that show dates or times:
/// 14-22 and 45-47, and the East Asian date formats 27-36 and 50-58.
fn built_in_format(id: u32) -> CellFormat {
    match id {
        14..=22 | 27..=36 | 45 | 47 | 50..=58 => CellFormat::Date,
        46 => CellFormat::Duration,
        _ => CellFormat::Number,
    }
}

/// A custom format code shows a date when its first section uses a day,
/// month, year, hour or second token outside quoted text, escapes and
/// brackets; an elapsed-time bracket (`[h]`, `[mm]`, `[ss]`) makes it a duration.
fn format_of_code(code: &str) -> CellFormat {
    let mut characters = code.chars();
    while let Some(character) = characters.next() {
        match character {
            // The next character is literal (`\-`), a width (`_)`) or a fill (`* `).
            '\\' | '_' | '*' => {
                characters.next();
            }
            '"' => {
                for quoted in characters.by_ref() {
                    if quoted == '"' {
                        break;
                    }
                }
            }
            '[' => {
                let inside: String = characters.by_ref().take_while(|c| *c != ']').collect();
                let lower = inside.to_ascii_lowercase();
                if !lower.is_empty()
                    && ["h", "m", "s"].iter().any(|unit| lower.chars().all(|c| c.to_string() == *unit))
                {
                    return CellFormat::Duration;
                }
            }
            ';' => break,
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return CellFormat::Date,
            _ => {}
        }
    }
    CellFormat::Number
}

/// `B3` -> (column 1, row 3) (0-based column, 1-based row); `None` beyond Excel's limits.
fn cell_reference(reference: &str) -> Option<(u32, Option<u32>)> {
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
fn number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{number:.0}")
    } else {
        number.to_string()
    }
}

/// The cell being read.
struct OpenCell<'t> {
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
fn read_grid(
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
enum SheetTag {
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
fn append<'t>(value: &mut Option<Cow<'t, str>>, piece: Cow<'t, str>) {
    match value {
        Some(text) if text.is_empty() => *text = piece,
        Some(text) => text.to_mut().push_str(&piece),
        None => *value = Some(piece),
    }
}

fn too_many_cells(sheet: &str, rows: u64, columns: u64) -> WorkbookProblem {
    WorkbookProblem::TooManyCells { sheet: sheet.to_owned(), rows, columns, limit: MAX_GRID_CELLS }
}

/// The rows holding values, each indexed by sheet column, built as cells
/// arrive (no list of cells on the side: that doubled the memory of a large
/// sheet). Errors are the `(rows, columns)` of a range beyond [`MAX_GRID_CELLS`].
#[derive(Default)]
struct GridBuilder {
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
    fn finish(self) -> Result<Vec<(u32, Vec<String>)>, (u64, u64)> {
        let (rows, columns) = self.extent();
        if rows * columns > MAX_GRID_CELLS {
            return Err((rows, columns));
        }
        let (first_column, width) = (self.first_column.unwrap_or(0) as usize, columns as usize);
        let mut grid: Vec<(u32, Vec<String>)> = Vec::with_capacity(rows as usize);
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

#[cfg(test)]
mod tests {
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

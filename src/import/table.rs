//! Reading a table (delimited text or a worksheet): finding the header row
//! past any preamble, recognising the format, and reading every data row
//! through the format's binding, the price list reader or a column mapping.

use super::error::IssueKind;
use super::format_id::FormatId;
use super::formats::price_list::PriceColumns;
use super::formats::{recognise_table, table_spec};
use super::mapping::{header_signature, suggest_mapping, ColumnMapping};
use super::report::FileReport;
use super::rows::{Binding, Cells, FileContext};
use super::sniff::Dialect;
use super::values::{clean_cell, header_key, DateOrder};
use super::{ImportOptions, UnmappedTable};

/// Rows of a table, from a text or a worksheet.
pub(crate) enum TableSource<'t> {
    Delimited { text: &'t str, dialect: Dialect },
    Grid { rows: &'t [(u32, Vec<String>)] },
}

/// Why reading the records of a delimited text stopped early.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub(crate) struct RecordError {
    pub line: u32,
    pub message: String,
}

impl TableSource<'_> {
    /// Calls `visit(index, line, blank_lines_before, cells)` for each record
    /// until it returns false. Records are reused (csv's `StringRecord`), so no
    /// cell is copied. The csv reader skips empty lines; they are counted from
    /// the gap between record lines, less the newlines inside quoted cells.
    fn for_each(
        &self,
        mut visit: impl FnMut(usize, u32, usize, &dyn Cells) -> bool,
    ) -> Result<(), RecordError> {
        match self {
            TableSource::Delimited { text, dialect } => {
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .delimiter(dialect.delimiter)
                    .from_reader(text.as_bytes());
                let bytes = text.as_bytes();
                let mut record = csv::StringRecord::new();
                let mut previous = csv::StringRecord::new();
                // csv's own line numbers drift on CRLF files, so lines are
                // counted here from the byte where each record's text starts.
                let mut scanned_to = 0usize;
                let mut line: u64 = 1;
                let mut previous_line: Option<u64> = None;
                let mut index = 0;
                loop {
                    match reader.read_record(&mut record) {
                        Ok(false) => return Ok(()),
                        Ok(true) => {
                            let reported = record
                                .position()
                                .map_or(0, |position| usize::try_from(position.byte()).unwrap_or(usize::MAX));
                            let mut start = reported.min(bytes.len());
                            while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
                                start += 1;
                            }
                            if start > scanned_to {
                                line +=
                                    bytes[scanned_to..start].iter().filter(|&&b| b == b'\n').count() as u64;
                                scanned_to = start;
                            }
                            let blank_lines = match previous_line {
                                Some(previous_line) if line > previous_line + 1 => {
                                    let spanned =
                                        previous.as_slice().bytes().filter(|&b| b == b'\n').count() as u64;
                                    usize::try_from((line - previous_line - 1).saturating_sub(spanned))
                                        .unwrap_or(0)
                                }
                                _ => 0,
                            };
                            if !visit(index, u32::try_from(line).unwrap_or(u32::MAX), blank_lines, &record) {
                                return Ok(());
                            }
                            previous_line = Some(line);
                            std::mem::swap(&mut record, &mut previous);
                            index += 1;
                        }
                        Err(error) => {
                            let line = error
                                .position()
                                .map_or(0, |position| u32::try_from(position.line()).unwrap_or(u32::MAX));
                            return Err(RecordError { line, message: error.to_string() });
                        }
                    }
                }
            }
            TableSource::Grid { rows } => {
                for (index, (line, cells)) in rows.iter().enumerate() {
                    if !visit(index, *line, 0, cells) {
                        break;
                    }
                }
                Ok(())
            }
        }
    }

    /// The table as CSV text, to hand a worksheet copy of the licensing
    /// reference table to the catalog like a downloaded CSV.
    fn to_csv_text(&self) -> String {
        match self {
            TableSource::Delimited { text, .. } => (*text).to_owned(),
            TableSource::Grid { rows } => {
                let mut writer = csv::Writer::from_writer(Vec::new());
                for (_, cells) in rows.iter() {
                    // Writing to memory cannot fail; a failed row would only be missing.
                    let _ = writer.write_record(cells);
                }
                writer
                    .into_inner()
                    .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                    .unwrap_or_default()
            }
        }
    }
}

/// Where a table's header row is and what precedes it.
struct HeaderRow {
    index: usize,
    line: u32,
    cells: Vec<String>,
    preamble: usize,
    /// The first non-blank rows after the header, up to `SAMPLE_ROWS`.
    sample_rows: Vec<Vec<String>>,
}

/// How many rows after the header are kept to suggest a mapping and show the user.
const SAMPLE_ROWS: usize = 20;

/// Lines before the header that are not part of the table: PowerShell's
/// `#TYPE`, Excel's `sep=`, a title on its own.
fn is_preamble(cells: &dyn Cells) -> bool {
    let first = clean_cell(cells.cell(0));
    let filled = (0..cells.cell_count()).filter(|&at| !clean_cell(cells.cell(at)).is_empty()).count();
    first.starts_with("#TYPE") || first.to_ascii_lowercase().starts_with("sep=") || filled < 2
}

fn find_header(source: &TableSource<'_>) -> Result<Option<HeaderRow>, RecordError> {
    let mut header: Option<HeaderRow> = None;
    let mut first_non_blank: Option<(usize, u32, Vec<String>)> = None;
    let mut preamble = 0;
    source.for_each(|index, line, _, cells| {
        if let Some(found) = header.as_mut() {
            if !cells.is_blank() {
                found.sample_rows.push(cells.to_strings());
            }
            // The rest of the table is read once, by the format's reader.
            return found.sample_rows.len() < SAMPLE_ROWS;
        }
        if cells.is_blank() {
            return true;
        }
        if is_preamble(cells) {
            first_non_blank.get_or_insert_with(|| (index, line, cells.to_strings()));
            preamble += 1;
            return true;
        }
        header =
            Some(HeaderRow { index, line, cells: cells.to_strings(), preamble, sample_rows: Vec::new() });
        true
    })?;
    // A one-column table has no row with two cells: its first line is the header.
    if header.is_none() {
        if let Some((index, line, cells)) = first_non_blank {
            let mut one_column = HeaderRow { index, line, cells, preamble: 0, sample_rows: Vec::new() };
            source.for_each(|at, _, _, cells| {
                if at > index && !cells.is_blank() {
                    one_column.sample_rows.push(cells.to_strings());
                }
                one_column.sample_rows.len() < SAMPLE_ROWS
            })?;
            header = Some(one_column);
        }
    }
    Ok(header)
}

/// Whether a French (or other decimal-comma) spreadsheet wrote the numbers:
/// a `;` separator, or sample values such as `12,50` outnumbering `12.50`.
fn uses_decimal_comma(source: &TableSource<'_>, sample_rows: &[Vec<String>]) -> bool {
    if let TableSource::Delimited { dialect, .. } = source {
        if dialect.delimiter == b';' {
            return true;
        }
    }
    let decimal_with = |separator: char| {
        sample_rows
            .iter()
            .flatten()
            .filter(|cell| {
                let cell = clean_cell(cell);
                cell.split_once(separator).is_some_and(|(whole, fraction)| {
                    !whole.is_empty()
                        && whole.bytes().all(|b| b.is_ascii_digit() || b == b' ')
                        && (1..=2).contains(&fraction.len())
                        && fraction.bytes().all(|b| b.is_ascii_digit())
                })
            })
            .count()
    };
    decimal_with(',') > decimal_with('.')
}

/// Everything a table can add to the outcome besides rows.
#[derive(Default)]
pub(crate) struct TableExtras {
    pub licensing_table: Option<String>,
    pub unmapped: Option<UnmappedTable>,
}

/// Reads a whole table into `ctx`.
pub(crate) fn read_table(
    source: &TableSource<'_>,
    ctx: &mut FileContext,
    report: &mut FileReport,
    options: &ImportOptions,
    format_override: Option<FormatId>,
    sheet: Option<&str>,
) -> TableExtras {
    let mut extras = TableExtras::default();
    let header = match find_header(source) {
        Ok(Some(header)) => header,
        Ok(None) => {
            ctx.file_issue(IssueKind::EmptyFile);
            return extras;
        }
        Err(error) => {
            ctx.line_issue(error.line, IssueKind::UnreadableTable { detail: error.message });
            return extras;
        }
    };
    if header.preamble > 0 {
        ctx.line_issue(header.line, IssueKind::PreambleSkipped { lines: header.preamble });
    }
    report.header_line = Some(header.line);
    let headers: Vec<String> = header.cells.iter().map(|cell| clean_cell(cell).into_owned()).collect();
    let header_keys: Vec<String> = headers.iter().map(|header| header_key(header)).collect();
    ctx.headers = headers.clone();
    ctx.decimal_comma = uses_decimal_comma(source, &header.sample_rows);
    if ctx.decimal_comma {
        ctx.date_order_fallback = DateOrder::DayMonthYear;
    }

    let signature = header_signature(&headers);
    let remembered = options
        .mappings
        .iter()
        .find(|mapping| mapping.signature == signature && mapping.columns.len() == headers.len());
    let recognised = recognise_table(&header_keys);
    let format = match (format_override.filter(|format| format.is_table()), remembered, recognised) {
        (Some(format), _, _) => Some(format),
        (None, Some(_), _) => Some(FormatId::MappedTable),
        (None, None, recognised) => recognised,
    };
    let suggested = || suggest_mapping(&headers, &header.sample_rows);
    let mapping: Option<ColumnMapping> = match format {
        Some(FormatId::MappedTable) => Some(remembered.cloned().unwrap_or_else(suggested)),
        None if options.accept_suggested_mappings => {
            Some(suggested()).filter(ColumnMapping::identifies_products)
        }
        _ => None,
    };
    let format = if mapping.is_some() { Some(FormatId::MappedTable) } else { format };
    report.format = format;
    ctx.format = format;

    let skip_header = |index: usize| index <= header.index;
    // Room for every row up front (estimated from the sample), rather than regrowing a large vector.
    if let TableSource::Delimited { text, .. } = source {
        let sampled_bytes: usize = header.sample_rows.iter().flatten().map(|cell| cell.len() + 1).sum();
        if sampled_bytes > 0 {
            let estimate = text.len() / sampled_bytes.div_ceil(header.sample_rows.len()).max(1);
            ctx.subscriptions.reserve(estimate.min(1_000_000));
        }
    }
    let outcome = match format {
        Some(FormatId::LicensingReference) => {
            ctx.file_issue(IssueKind::LicensingReferenceRecognised);
            extras.licensing_table = Some(source.to_csv_text());
            Ok(())
        }
        Some(FormatId::NcePriceList) => {
            let columns = PriceColumns::bind(&header_keys);
            source.for_each(|index, line, blank_lines, cells| {
                if !skip_header(index) {
                    ctx.skip_blank_lines(blank_lines);
                    columns.read_row(ctx, line, cells);
                }
                true
            })
        }
        Some(format) => {
            let binding = match (&mapping, table_spec(format)) {
                (Some(mapping), _) => Binding::from_mapping(&headers, mapping),
                (None, Some(spec)) => {
                    let missing: Vec<String> = spec
                        .signature
                        .iter()
                        .filter(|key| !header_keys.iter().any(|header| header == *key))
                        .map(|key| (*key).to_owned())
                        .collect();
                    if !missing.is_empty() {
                        ctx.file_issue(IssueKind::MissingColumns { columns: missing });
                    }
                    Binding::by_keys(&headers, &header_keys, spec.columns, spec.extras, spec.finish)
                }
                // A JSON format forced on a table: read it by header synonyms.
                (None, None) => Binding::from_mapping(&headers, &suggested()),
            };
            source.for_each(|index, line, blank_lines, cells| {
                if !skip_header(index) {
                    ctx.skip_blank_lines(blank_lines);
                    if let Some(subscription) = binding.read_row(ctx, line, cells) {
                        ctx.accept(subscription);
                    }
                }
                true
            })
        }
        None => {
            let mut data_rows = 0;
            let counted = source.for_each(|index, _, _, cells| {
                data_rows += usize::from(!skip_header(index) && !cells.is_blank());
                true
            });
            ctx.file_issue(IssueKind::TableNotRecognised { rows: data_rows });
            extras.unmapped = Some(UnmappedTable {
                file: ctx.file.clone(),
                sheet: sheet.map(str::to_owned),
                header_line: header.line,
                headers: headers.clone(),
                sample_rows: header.sample_rows.iter().take(5).cloned().collect(),
                rows: data_rows,
                suggested: suggested(),
            });
            counted
        }
    };
    if let Err(error) = outcome {
        ctx.line_issue(error.line, IssueKind::UnreadableTable { detail: error.message });
    }
    report.date_order = ctx.finish_dates();
    extras
}

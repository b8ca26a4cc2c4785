//! The importer: turns whatever subscription export a customer can produce
//! (Graph, Partner Center, PowerShell, CIPP, the planner's template, a price
//! list, an Excel workbook or any table through a column mapping) into the
//! normalised `model::Subscription`, and reports exactly what it could not read.
//!
//! Formats are recognised by content, never by file name. Everything here is
//! plain Rust over bytes: the browser and the command line read the files.
//!
//! ```
//! use csp_planner::import::{import_files, template_csv, ImportOptions, InputFile};
//!
//! let file = InputFile { name: "template.csv".into(), bytes: template_csv().into_bytes() };
//! let outcome = import_files(&[file], &ImportOptions::default());
//! assert_eq!(outcome.subscriptions.len(), 2);
//! assert_eq!(outcome.report.rows_read, outcome.report.imported + outcome.report.rejected);
//! ```

mod decode;
mod error;
mod format_id;
mod formats;
mod json;
mod mapping;
mod price;
mod report;
mod rows;
mod sniff;
mod table;
pub mod values;
mod xlsx;

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

pub use decode::{decode as decode_text, TextEncoding};
pub use error::{CountProblemKind, Issue, IssueKind, JsonProblem, Severity, ValueKind, WorkbookProblem};
pub use format_id::FormatId;
pub use formats::price_list::relevant_prices;
pub use formats::template::{template_csv, TEMPLATE_COLUMNS};
pub use mapping::{header_signature, suggest_mapping, ColumnMapping, Field};
pub use price::PriceEntry;
pub use report::{FileReport, ImportReport, RejectedRow, RowCounts};
pub use sniff::{Dialect, FileKind};
pub use values::DateOrder;
pub use xlsx::sheet_names;

use crate::model::Subscription;
use formats::graph::{self, DirectoryItem, SkuItem};
use rows::FileContext;
use sniff::ContentKind;
use table::{read_table, TableSource};

/// Files larger than this are refused, with the limit in the message: the
/// biggest real exports are a few megabytes, and the browser holds the file
/// in memory several times over while reading it.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// A file as the user dropped it: its name (only shown, never used to guess
/// the format) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// Read every file in this format (where it applies) instead of the recognised one.
    pub format_override: Option<FormatId>,
    /// The format of one file, by name; wins over `format_override`.
    pub file_formats: Vec<(String, FormatId)>,
    /// The day/month order of slashed dates, when the user chose one.
    pub date_order: Option<DateOrder>,
    /// The worksheet to read in workbooks (default: the first with cells).
    pub sheet: Option<String>,
    /// The worksheet to read in one workbook, by file name; wins over `sheet`.
    pub sheets: BTreeMap<String, String>,
    /// Confirmed mappings, applied to tables with the same header signature.
    pub mappings: Vec<ColumnMapping>,
    /// Import unknown tables with the suggested mapping when it names the
    /// product (the command line's `--accept-mappings`); the UI asks instead.
    pub accept_suggested_mappings: bool,
}

/// A table of no known format, waiting for the user to confirm a mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmappedTable {
    pub file: String,
    pub sheet: Option<String>,
    pub header_line: u32,
    pub headers: Vec<String>,
    /// The first rows, as read, to show next to the mapping.
    pub sample_rows: Vec<Vec<String>>,
    /// Non-blank data rows the table holds.
    pub rows: usize,
    pub suggested: ColumnMapping,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOutcome {
    /// Ids are non-empty and unique across the outcome.
    pub subscriptions: Vec<Subscription>,
    pub report: ImportReport,
    /// Prices from new-commerce price lists: the partner's cost, not the customer's
    /// current price (see [`relevant_prices`] for what a plan input keeps of them).
    pub prices: Vec<PriceEntry>,
    /// `(file name, CSV text)` of each copy of Microsoft's licensing reference
    /// table, for `catalog::Catalog::from_reference_csv`.
    pub licensing_tables: Vec<(String, String)>,
    pub unmapped_tables: Vec<UnmappedTable>,
}

impl ImportOutcome {
    /// Adds what the importer made of other files, imported apart (so no id
    /// or price of theirs depends on these); the report lists files, their
    /// issues and rejected rows in `file_order` (file names).
    pub fn absorb(&mut self, other: ImportOutcome, file_order: &[String]) {
        self.subscriptions.extend(other.subscriptions);
        self.prices.extend(other.prices);
        self.licensing_tables.extend(other.licensing_tables);
        self.unmapped_tables.extend(other.unmapped_tables);
        let report = &mut self.report;
        report.formats.extend(other.report.formats);
        report.issues.extend(other.report.issues);
        report.rejected_rows.extend(other.report.rejected_rows);
        let position = |name: &str| file_order.iter().position(|kept| kept == name).unwrap_or(usize::MAX);
        // Stable sorts: each file's issues and rows keep their own order.
        crate::sorting::sort_by_key(&mut report.formats, |file| position(&file.file));
        crate::sorting::sort_by_key(&mut report.issues, |issue| position(&issue.file));
        crate::sorting::sort_by_key(&mut report.rejected_rows, |row| position(&row.file));
        report.recount();
    }
}

/// Graph items collected across files, joined once all files are read.
#[derive(Default)]
struct GraphItems {
    skus: Vec<SkuItem>,
    directory: Vec<DirectoryItem>,
}

/// Imports every file and joins what belongs together (the two Graph files,
/// prices and subscriptions). Never fails: every problem is in the report.
pub fn import_files(files: &[InputFile], options: &ImportOptions) -> ImportOutcome {
    let mut outcome = ImportOutcome::default();
    let mut graph_items = GraphItems::default();
    for (file_index, file) in files.iter().enumerate() {
        let mut report = FileReport::new(&file.name);
        let mut ctx = FileContext::new(&file.name, options.date_order);
        let format_override = options
            .file_formats
            .iter()
            .find(|(name, _)| *name == file.name)
            .map(|(_, format)| *format)
            .or(options.format_override);
        import_file(
            file,
            file_index,
            options,
            format_override,
            &mut ctx,
            &mut report,
            &mut outcome,
            &mut graph_items,
        );
        report.counts = ctx.counts;
        outcome.report.issues.append(&mut ctx.issues);
        outcome.report.rejected_rows.append(&mut ctx.rejected_rows);
        // Moving the vectors rather than appending avoids copying a large first file's rows.
        if outcome.subscriptions.is_empty() {
            std::mem::swap(&mut outcome.subscriptions, &mut ctx.subscriptions);
        } else {
            outcome.subscriptions.append(&mut ctx.subscriptions);
        }
        outcome.prices.append(&mut ctx.prices);
        outcome.report.formats.push(report);
    }

    let joined = graph::join(graph_items.skus, graph_items.directory);
    for item in joined.subscriptions {
        if let Some(report) = outcome.report.formats.get_mut(item.file_index) {
            report.counts.imported += 1;
            report.counts.imported_with_warnings += usize::from(item.had_warnings);
        }
        outcome.subscriptions.push(item.subscription);
    }
    for file_index in joined.merged {
        if let Some(report) = outcome.report.formats.get_mut(file_index) {
            report.counts.merged += 1;
        }
    }
    outcome.report.issues.extend(joined.issues);

    for subscription in &mut outcome.subscriptions {
        name_the_product(subscription);
    }
    assign_unique_ids(&mut outcome.subscriptions, &mut outcome.report.issues);
    outcome.report.recount();
    outcome
}

#[allow(clippy::too_many_arguments)] // One call site; a struct would only rename these.
fn import_file(
    file: &InputFile,
    file_index: usize,
    options: &ImportOptions,
    format_override: Option<FormatId>,
    ctx: &mut FileContext,
    report: &mut FileReport,
    outcome: &mut ImportOutcome,
    graph_items: &mut GraphItems,
) {
    let size = u64::try_from(file.bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        ctx.file_issue(IssueKind::TooLarge { size_bytes: size, limit_bytes: MAX_FILE_BYTES });
        return;
    }
    if file.bytes.iter().all(u8::is_ascii_whitespace) {
        ctx.file_issue(IssueKind::EmptyFile);
        return;
    }
    match sniff::content_kind(&file.bytes) {
        ContentKind::NotATable(looks_like) => ctx.file_issue(IssueKind::NotATable { looks_like }),
        ContentKind::Workbook => match xlsx::read_sheet(
            &file.bytes,
            options.sheets.get(&file.name).or(options.sheet.as_ref()).map(String::as_str),
        ) {
            Ok(sheet) => {
                report.sheet = Some(sheet.name.clone());
                let source = TableSource::Grid { rows: &sheet.rows };
                let extras = read_table(&source, ctx, report, options, format_override, Some(&sheet.name));
                keep_table_extras(extras, &file.name, outcome);
            }
            Err(kind) => ctx.file_issue(kind),
        },
        ContentKind::Text => {
            let (text, encoding) = decode::decode(&file.bytes);
            report.encoding = Some(encoding);
            if encoding == TextEncoding::Windows1252 {
                ctx.file_issue(IssueKind::DecodedAsWindows1252);
            }
            if text.trim().is_empty() {
                ctx.file_issue(IssueKind::EmptyFile);
            } else if sniff::is_json(&text) {
                import_json(&text, file_index, options, format_override, ctx, report, outcome, graph_items);
            } else {
                let dialect = sniff::sniff_dialect(&text);
                report.dialect = Some(dialect);
                let source = TableSource::Delimited { text: &text, dialect };
                let extras = read_table(&source, ctx, report, options, format_override, None);
                keep_table_extras(extras, &file.name, outcome);
            }
        }
    }
}

fn keep_table_extras(extras: table::TableExtras, file_name: &str, outcome: &mut ImportOutcome) {
    if let Some(text) = extras.licensing_table {
        outcome.licensing_tables.push((file_name.to_owned(), text));
    }
    if let Some(unmapped) = extras.unmapped {
        outcome.unmapped_tables.push(unmapped);
    }
}

#[allow(clippy::too_many_arguments)] // One call site; a struct would only rename these.
fn import_json(
    text: &str,
    file_index: usize,
    options: &ImportOptions,
    format_override: Option<FormatId>,
    ctx: &mut FileContext,
    report: &mut FileReport,
    outcome: &mut ImportOutcome,
    graph_items: &mut GraphItems,
) {
    let items = match json::load_items(text) {
        Ok(items) => items.items,
        Err(kind) => {
            ctx.file_issue(kind);
            return;
        }
    };
    let recognised = items.iter().find_map(|(_, item)| item.as_object().and_then(json::classify));
    let format = format_override.filter(|format| !format.is_table()).or(recognised);
    report.format = format;
    ctx.format = format;
    match format {
        Some(FormatId::GraphSubscribedSkus) => {
            for (line, item) in &items {
                ctx.start_row(*line);
                graph_items.skus.extend(graph::read_sku(ctx, file_index, *line, item));
            }
        }
        Some(FormatId::GraphDirectorySubscriptions) => {
            for (line, item) in &items {
                ctx.start_row(*line);
                graph_items.directory.extend(graph::read_directory(ctx, file_index, *line, item));
            }
        }
        Some(FormatId::PartnerCenterJson) => {
            for (line, item) in &items {
                formats::partner_center_json::read_item(ctx, *line, item);
            }
        }
        _ => match json::as_table(&items) {
            // A list of flat objects of another shape is a table like any other.
            Some((headers, mut rows)) => {
                let header_line = rows.first().map_or(1, |(line, _)| *line);
                rows.insert(0, (header_line, headers));
                let source = TableSource::Grid { rows: &rows };
                let extras = read_table(&source, ctx, report, options, format_override, None);
                report.header_line = None;
                keep_table_extras(extras, &ctx.file.clone(), outcome);
            }
            None if items.is_empty() => ctx.file_issue(IssueKind::EmptyJsonList),
            None => ctx.file_issue(IssueKind::JsonWithoutSubscriptions),
        },
    }
    report.date_order = report.date_order.or(ctx.finish_dates());
}

/// Imports a rejected row again after the user fixed its cells in place:
/// the row is rebuilt as a one-row table (or JSON object) of its format, at
/// its original line, so issues and made-up ids point where they did.
pub fn retry_rejected_row(row: &RejectedRow, options: &ImportOptions) -> ImportOutcome {
    // Padding puts the row back on its line; past a million lines the line is only approximate.
    let padding_lines = usize::try_from(row.line).unwrap_or(0).min(1_000_000);
    let mut options = options.clone();
    options.date_order = options.date_order.or(row.date_order);
    options.accept_suggested_mappings = true;
    if let Some(format) = row.format {
        options.file_formats = vec![(row.file.clone(), format)];
    }
    let bytes = match row.format {
        Some(format) if !format.is_table() => {
            let object: serde_json::Map<String, serde_json::Value> = row
                .headers
                .iter()
                .zip(&row.cells)
                .map(|(key, cell)| {
                    let nested = (cell.starts_with('{') || cell.starts_with('['))
                        .then(|| serde_json::from_str(cell).ok())
                        .flatten();
                    (key.clone(), nested.unwrap_or_else(|| serde_json::Value::String(cell.clone())))
                })
                .collect();
            let mut text = "\n".repeat(padding_lines.saturating_sub(1));
            text.push_str(&serde_json::Value::Object(object).to_string());
            text.into_bytes()
        }
        _ => {
            let delimiter = if row.decimal_comma { b';' } else { b',' };
            let mut writer = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer("\n".repeat(padding_lines.saturating_sub(2)).into_bytes());
            // Writing to memory cannot fail; a failed write leaves the row out and the report says so.
            let _ = writer.write_record(&row.headers);
            let _ = writer.write_record(&row.cells);
            writer.into_inner().unwrap_or_default()
        }
    };
    import_files(&[InputFile { name: row.file.clone(), bytes }], &options)
}

/// Exports that give only a SKU (PowerShell, Graph) still need a name to show:
/// the part number, until the catalog gives the product's display name.
fn name_the_product(subscription: &mut Subscription) {
    if subscription.product.is_empty() {
        if let Some(name) = subscription.sku_part_number.as_ref().or(subscription.sku_id.as_ref()) {
            subscription.product = name.clone();
        }
    }
}

/// Ids are short and not attacker-chosen in a way that matters here (a collision
/// only slows the check), and SipHash was a tenth of the import time.
type IdHashing = rustc_hash::FxBuildHasher;

/// Gives every subscription a non-empty id unique in the outcome: one made
/// from the SKU and the source position when the file had none, and a
/// numbered suffix (with a warning) when two rows share an id.
fn assign_unique_ids(subscriptions: &mut [Subscription], issues: &mut Vec<Issue>) {
    for subscription in
        subscriptions.iter_mut().filter(|subscription| subscription.subscription_id.is_empty())
    {
        let sku = subscription
            .sku_part_number
            .clone()
            .or_else(|| subscription.sku_id.clone())
            .unwrap_or_else(|| subscription.product.clone());
        subscription.subscription_id =
            format!("{sku}@{}:{}", subscription.source.file, subscription.source.line);
    }
    rename_duplicate_ids(&[], subscriptions, issues);
}

/// Renames each of `subscriptions` whose id is already taken, by one of `kept`
/// (what a draft holds from other files) or by one before it, to the first free
/// `id#2`, `id#3`…, and reports it as `DuplicateSubscriptionId` at its row: the
/// one rule for ids, whether two rows of one import or two imports collide.
pub fn rename_duplicate_ids(
    kept: &[Subscription],
    subscriptions: &mut [Subscription],
    issues: &mut Vec<Issue>,
) {
    // Duplicates are rare: find them with borrowed ids, copy only when renaming.
    let duplicates: Vec<usize> = {
        let mut seen: HashSet<&str, IdHashing> =
            HashSet::with_capacity_and_hasher(kept.len() + subscriptions.len(), IdHashing::default());
        seen.extend(kept.iter().map(|subscription| subscription.subscription_id.as_str()));
        subscriptions
            .iter()
            .enumerate()
            .filter(|(_, subscription)| !seen.insert(subscription.subscription_id.as_str()))
            .map(|(at, _)| at)
            .collect()
    };
    if duplicates.is_empty() {
        return;
    }
    let mut taken: HashSet<String, IdHashing> = kept
        .iter()
        .chain(subscriptions.iter())
        .map(|subscription| subscription.subscription_id.clone())
        .collect();
    for at in duplicates {
        let Some(subscription) = subscriptions.get_mut(at) else { continue };
        let original = subscription.subscription_id.clone();
        let mut suffix = 2;
        let renamed = loop {
            let candidate = format!("{original}#{suffix}");
            if !taken.contains(&candidate) {
                break candidate;
            }
            suffix += 1;
        };
        issues.push(Issue::new(
            &subscription.source.file,
            Some(subscription.source.line),
            None,
            IssueKind::DuplicateSubscriptionId { id: original, renamed_to: renamed.clone() },
        ));
        taken.insert(renamed.clone());
        subscription.subscription_id = renamed;
    }
}

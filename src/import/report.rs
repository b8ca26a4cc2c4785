//! The import report: what each file was recognised as, how many rows went
//! where, every issue with its position, and the rejected rows themselves.

use serde::{Deserialize, Serialize};

use super::decode::TextEncoding;
use super::error::{Issue, Severity};
use super::format_id::FormatId;
use super::sniff::Dialect;
use super::values::DateOrder;

/// How the rows of one file (or of all files) were accounted for.
/// Invariant: `rows_read == imported + rejected + skipped_blank + skipped_totals + merged`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RowCounts {
    /// Data rows (or JSON items) after the header row.
    pub rows_read: usize,
    /// Rows that became a subscription (or a price).
    pub imported: usize,
    /// Of `imported`, rows with at least one field-level warning.
    pub imported_with_warnings: usize,
    /// Rows that could not be imported; kept in `rejected_rows`.
    pub rejected: usize,
    /// Empty lines, skipped on purpose.
    pub skipped_blank: usize,
    /// "Total" lines of hand-made spreadsheets, skipped on purpose.
    pub skipped_totals: usize,
    /// Graph subscribedSkus items folded into the directory subscriptions of the same SKU.
    pub merged: usize,
}

impl RowCounts {
    pub fn add(&mut self, other: &RowCounts) {
        self.rows_read += other.rows_read;
        self.imported += other.imported;
        self.imported_with_warnings += other.imported_with_warnings;
        self.rejected += other.rejected;
        self.skipped_blank += other.skipped_blank;
        self.skipped_totals += other.skipped_totals;
        self.merged += other.merged;
    }

    /// Whether every row read is accounted for.
    pub fn balances(&self) -> bool {
        self.rows_read
            == self.imported + self.rejected + self.skipped_blank + self.skipped_totals + self.merged
    }
}

/// What one file was recognised as and how it was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub file: String,
    /// `None` when the file could not be read or its table awaits a column mapping.
    pub format: Option<FormatId>,
    pub encoding: Option<TextEncoding>,
    pub dialect: Option<Dialect>,
    /// The sheet read, for workbooks.
    pub sheet: Option<String>,
    /// The day/month order used for slashed dates, when the file had some.
    pub date_order: Option<DateOrder>,
    /// 1-based line of the header row, for tables.
    pub header_line: Option<u32>,
    #[serde(flatten)]
    pub counts: RowCounts,
}

impl FileReport {
    pub fn new(file: &str) -> FileReport {
        FileReport {
            file: file.to_owned(),
            format: None,
            encoding: None,
            dialect: None,
            sheet: None,
            date_order: None,
            header_line: None,
            counts: RowCounts::default(),
        }
    }
}

/// A row that was not imported, with its cells as read so the user can fix
/// them in place and import the row again (`import::retry_rejected_row`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRow {
    pub file: String,
    pub line: u32,
    pub format: Option<FormatId>,
    pub headers: Vec<String>,
    pub cells: Vec<String>,
    /// The file wrote numbers with decimal commas (French spreadsheets).
    #[serde(default)]
    pub decimal_comma: bool,
    /// The day/month order of the file's slashed dates, once known.
    #[serde(default)]
    pub date_order: Option<DateOrder>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportReport {
    pub formats: Vec<FileReport>,
    // Totals over all files; see `RowCounts` for what each counts.
    pub rows_read: usize,
    pub imported: usize,
    pub imported_with_warnings: usize,
    pub rejected: usize,
    pub skipped_blank: usize,
    pub skipped_totals: usize,
    pub merged: usize,
    pub issues: Vec<Issue>,
    pub rejected_rows: Vec<RejectedRow>,
}

impl ImportReport {
    /// The totals over all files, as one value.
    pub fn counts(&self) -> RowCounts {
        RowCounts {
            rows_read: self.rows_read,
            imported: self.imported,
            imported_with_warnings: self.imported_with_warnings,
            rejected: self.rejected,
            skipped_blank: self.skipped_blank,
            skipped_totals: self.skipped_totals,
            merged: self.merged,
        }
    }

    fn set_counts(&mut self, counts: RowCounts) {
        self.rows_read = counts.rows_read;
        self.imported = counts.imported;
        self.imported_with_warnings = counts.imported_with_warnings;
        self.rejected = counts.rejected;
        self.skipped_blank = counts.skipped_blank;
        self.skipped_totals = counts.skipped_totals;
        self.merged = counts.merged;
    }

    /// Sets the totals from the files' counts, after files were added, removed or read again.
    pub fn recount(&mut self) {
        let mut totals = RowCounts::default();
        for file in &self.formats {
            totals.add(&file.counts);
        }
        self.set_counts(totals);
    }

    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|issue| issue.severity == Severity::Error)
    }

    /// Issues about one line of one file, for the rejected-row editor.
    pub fn issues_at<'a>(&'a self, file: &'a str, line: u32) -> impl Iterator<Item = &'a Issue> {
        self.issues.iter().filter(move |issue| issue.file == file && issue.line == Some(line))
    }
}

//! A draft: everything needed to recompute a plan, and nothing derived from it.
//!
//! The browser keeps drafts in local storage (see `ui::drafts`); this module is
//! the plain data, its storage envelope and schema migrations, tested natively.

use serde::{Deserialize, Serialize};

use crate::import::{ColumnMapping, ImportReport};
use crate::model::PlanInput;

/// What the import step produced and the user confirmed, kept so the review
/// step can show it again after a reload.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportState {
    pub report: ImportReport,
    /// Column mappings the user confirmed, applied again to tables with the same header.
    pub mappings: Vec<ColumnMapping>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// Stable identifier, also the storage key.
    pub id: String,
    /// The user's name for the draft; the customer's name until the user changes it.
    pub name: String,
    /// Milliseconds since the Unix epoch.
    pub created_ms: i64,
    pub updated_ms: i64,
    pub input: PlanInput,
    pub import: ImportState,
    // Drafts written before may hold `notes`, a text no screen ever showed or
    // edited: serde skips the field, so they open unchanged (tests/fixtures/drafts).
    /// Files waiting for their columns to be mapped, kept until the mapping is
    /// confirmed so that a reload does not lose them.
    pub pending_mapping: Option<PendingMapping>,
}

/// Files of no known format the user is mapping, and the columns chosen so far.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PendingMapping {
    pub files: Vec<PendingFile>,
    /// Columns chosen but not confirmed yet, one mapping per table header.
    pub columns: Vec<ColumnMapping>,
}

/// One file's text, as dropped.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PendingFile {
    pub name: String,
    pub text: String,
    /// The file's modification time (ms since the epoch), 0 when unknown.
    pub modified_ms: f64,
}

/// The most text of files waiting for a mapping a draft keeps: packed, a
/// megabyte of CSV takes about a tenth of the origin's storage quota.
pub const PENDING_MAPPING_MAX_BYTES: usize = 1_000_000;

impl PendingMapping {
    /// Rows of text it holds, roughly (for the undo history's memory bound).
    pub fn rows(&self) -> usize {
        self.files.iter().map(|file| file.text.len() / 100).sum()
    }

    /// Keeps the files that fit [`PENDING_MAPPING_MAX_BYTES`], in order, and
    /// returns the names of those that do not.
    pub fn keep_within_limit(&mut self) -> Vec<String> {
        let mut used = 0usize;
        let mut left_out = Vec::new();
        self.files.retain(|file| {
            if used + file.text.len() <= PENDING_MAPPING_MAX_BYTES {
                used += file.text.len();
                true
            } else {
                left_out.push(file.name.clone());
                false
            }
        });
        left_out
    }
}

impl Draft {
    pub fn new(id: String, created_ms: i64, input: PlanInput) -> Draft {
        Draft {
            id,
            name: input.customer.name.clone(),
            created_ms,
            updated_ms: created_ms,
            input,
            ..Draft::default()
        }
    }
}

mod envelope;
pub mod history;
pub mod json_text;
pub mod merge;
mod pack;
pub mod sample;
mod size;

pub use envelope::{
    decode_file, encode_file, encode_stored, export_file_name, read_stored, DecodeError, DraftSummary,
    Envelope, SteppedEncoding, StoredDraft, APP_VERSION, SCHEMA_VERSION,
};
pub use size::{entry_bytes, utf16_units, ORIGIN_QUOTA_BYTES, WARN_FRACTION};

impl Draft {
    /// Whether the user put nothing in it yet (a new plan before its first
    /// import): opening another draft in its place loses nothing.
    pub fn is_blank(&self) -> bool {
        self.input.subscriptions.is_empty()
            && self.input.overrides.is_empty()
            && self.input.customer.name.trim().is_empty()
            && self.import.report.formats.is_empty()
            && self.pending_mapping.is_none()
    }

    /// What the drafts list shows, without decoding the whole draft again.
    pub fn summary(&self) -> DraftSummary {
        let customer = if self.input.customer.name.trim().is_empty() {
            // A new draft takes its customer from the imported file until the user names it.
            self.input
                .subscriptions
                .iter()
                .map(|subscription| subscription.customer.trim())
                .find(|name| !name.is_empty())
                .unwrap_or_default()
                .to_string()
        } else {
            self.input.customer.name.clone()
        };
        DraftSummary {
            name: self.name.clone(),
            customer,
            subscriptions: self.input.subscriptions.len(),
            updated_ms: self.updated_ms,
        }
    }
}

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

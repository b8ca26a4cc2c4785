//! The plan as JSON: the documented, versioned schema of [`crate::plan::plan_to_json`]
//! with the draft beside it under `draft`, so the same file is both a readable
//! plan and something the app imports back as a draft.

use serde_json::Value;

use crate::draft::Draft;
use crate::i18n::Lang;
use crate::plan::{plan_to_json, Plan};

/// The name of the top-level field that holds the draft.
pub const DRAFT_FIELD: &str = "draft";

/// The plan JSON (messages in `lang`) with `draft` added, pretty-printed.
pub fn plan_with_draft_json(plan: &Plan, draft: &Draft, lang: Lang) -> String {
    let mut document = plan_to_json(plan, lang);
    // The draft is plain serde data (strings, numbers, maps with string keys), which
    // always serialises; `Null` would only stand in for a type that cannot.
    let draft_value = serde_json::to_value(draft).unwrap_or(Value::Null);
    if let Value::Object(fields) = &mut document {
        fields.insert(DRAFT_FIELD.to_string(), draft_value);
    }
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Why an exported plan file could not be read back as a draft.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DraftImportError {
    #[error("the file is not valid JSON (line {line}, column {column}): {message}")]
    NotJson { line: usize, column: usize, message: String },
    #[error("the file has no `draft` field: it is not a plan exported by this app")]
    NoDraft,
    #[error("the `draft` field does not hold a draft (line {line}, column {column}): {message}")]
    InvalidDraft { line: usize, column: usize, message: String },
}

/// Reads the draft back out of an exported plan file.
pub fn draft_from_plan_json(text: &str) -> Result<Draft, DraftImportError> {
    let document: Value = serde_json::from_str(text.trim_start_matches('\u{FEFF}'))
        .map_err(|error| DraftImportError::NotJson { line: error.line(), column: error.column(), message: error.to_string() })?;
    let draft = document.get(DRAFT_FIELD).cloned().ok_or(DraftImportError::NoDraft)?;
    serde_json::from_value(draft).map_err(|error| DraftImportError::InvalidDraft { line: error.line(), column: error.column(), message: error.to_string() })
}

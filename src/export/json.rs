//! The plan as JSON: the documented, versioned schema of [`crate::plan::plan_to_json`]
//! with the draft beside it under `draft`, in the drafts' own storage envelope
//! ([`crate::draft::Envelope`]: schema version, app version, save time, draft), so
//! the same file is both a readable plan and something the app's draft import
//! ([`crate::draft::decode_file`]) opens again, migrations included.

use serde_json::Value;

use crate::draft::{decode_file, DecodeError, Draft, Envelope, APP_VERSION, SCHEMA_VERSION};
use crate::i18n::Lang;
use crate::plan::{plan_to_json, Plan};

/// The name of the top-level field that holds the draft's envelope.
pub const DRAFT_FIELD: &str = "draft";
/// The name of the top-level field that holds the money view ([`crate::cost::CostPlan`]).
pub const COST_FIELD: &str = "cost";

/// The plan JSON (messages in `lang`) with its money view under `cost` and the
/// draft's envelope under `draft`, pretty-printed; `saved_at_ms` is the export time.
pub fn plan_with_draft_json(
    plan: &Plan,
    cost: &crate::cost::CostPlan,
    draft: &Draft,
    lang: Lang,
    saved_at_ms: i64,
) -> String {
    let mut document = plan_to_json(plan, lang);
    if let Value::Object(fields) = &mut document {
        fields.insert(COST_FIELD.to_string(), crate::cost::cost_to_json(cost, lang));
    }
    let envelope = Envelope {
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION.to_string(),
        saved_at_ms,
        draft: draft.clone(),
    };
    // The envelope is plain serde data (strings, numbers, maps with string keys),
    // which always serialises; `Null` would only stand in for a type that cannot.
    let envelope = serde_json::to_value(envelope).unwrap_or(Value::Null);
    if let Value::Object(fields) = &mut document {
        fields.insert(DRAFT_FIELD.to_string(), envelope);
    }
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads the draft back out of an exported plan file, through the drafts' own
/// decoder (schema versions and migrations) applied to the `draft` envelope.
pub fn draft_from_plan_json(text: &str) -> Result<Draft, DecodeError> {
    let document: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|_| DecodeError::NotADraft)?;
    // The plan has its own top-level `schema_version` (the plan schema's), so the
    // envelope is picked out explicitly rather than guessed from the whole file.
    let envelope =
        document.get(DRAFT_FIELD).filter(|envelope| envelope.is_object()).ok_or(DecodeError::NotADraft)?;
    decode_file(&envelope.to_string()).map(|envelope| envelope.draft)
}

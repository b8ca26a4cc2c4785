//! The envelope a draft travels in, to local storage and to files, its schema
//! versions and migrations, and decoding with every failure as a value.
//!
//! A draft file (`.json`) is the envelope with the draft as plain JSON. In local
//! storage the same envelope carries the draft packed (see `pack`), plus a small
//! summary so the drafts list needs no unpacking, and the tab that wrote it so a
//! tab can tell its own saves from another tab's.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::json_text;
use super::pack;
use super::Draft;

/// The version of the draft layout this build writes. Raise it, add a step to
/// `MIGRATIONS` and freeze a fixture of the old version in `tests/fixtures/drafts/`
/// whenever a change to `Draft` (or what it holds) could not be read by serde's
/// defaults alone: a renamed or moved field, a changed meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// The app version recorded in every envelope, to tell the user which version
/// wrote a draft this one cannot read.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One migration turns the draft JSON of version `n` into version `n + 1`;
/// `MIGRATIONS[n - 1]` migrates from version `n`. Version 1 is the first layout.
type Migration = fn(Value) -> Result<Value, String>;
const MIGRATIONS: &[Migration] = &[];

/// A draft file: what export writes and import reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub schema_version: u32,
    pub app_version: String,
    /// When the draft was saved or exported, in milliseconds since the Unix epoch.
    pub saved_at_ms: i64,
    pub draft: Draft,
}

/// What the drafts list shows of a stored draft.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftSummary {
    pub name: String,
    pub customer: String,
    pub subscriptions: usize,
    pub updated_ms: i64,
}

/// The stored form, read without unpacking the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDraft {
    pub schema_version: u32,
    pub app_version: String,
    pub saved_at_ms: i64,
    /// The tab that wrote it (an id made up by each tab at start).
    pub writer: String,
    pub summary: DraftSummary,
    /// The draft itself, still packed (or plain JSON): unpacked by `open`.
    draft: Value,
}

impl StoredDraft {
    /// Unpacks, migrates and reads the draft.
    pub fn open(self) -> Result<Draft, DecodeError> {
        open_draft(self.draft, self.schema_version)
    }
}

/// Why a text is not a draft this version can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Valid JSON, or not JSON at all, but not a draft (nor a plan export holding one).
    NotADraft,
    /// A draft from a newer version of the app, with a schema this one does not know.
    NewerSchema { found: u32, supported: u32, app_version: String },
    /// It is a draft, but something in it is broken; the text says what and where.
    Damaged(String),
}

/// The draft file of `draft`, as pretty JSON (people open these files).
pub fn encode_file(draft: &Draft, saved_at_ms: i64) -> String {
    let envelope = Envelope {
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION.to_string(),
        saved_at_ms,
        draft: draft.clone(),
    };
    json_text::pretty(&json_text::to_compact(&envelope))
}

/// Field order matters to people reading a stored value: the small fields first.
#[derive(Serialize)]
struct Stored<'a> {
    schema_version: u32,
    app_version: &'a str,
    saved_at_ms: i64,
    writer: &'a str,
    summary: DraftSummary,
    draft: String,
}

/// The stored form of `draft`: the envelope with the draft packed and its summary.
pub fn encode_stored(draft: &Draft, saved_at_ms: i64, writer: &str) -> String {
    let stored = Stored {
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION,
        saved_at_ms,
        writer,
        summary: draft.summary(),
        draft: pack::pack_with(|encoder| {
            std::io::Write::write_all(encoder, &json_text::to_compact(draft)).is_ok()
        }),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// The stored form of a draft made in steps, each deflating a slice of the
/// draft's JSON, so that the browser can run between them: deflating a draft
/// of 10,000 subscriptions in one go holds the page for about 150 ms. Gives the
/// same text as [`encode_stored`]; holds the draft's JSON meanwhile (about
/// 700 bytes a subscription), as [`encode_stored`] does.
pub struct SteppedEncoding {
    saved_at_ms: i64,
    writer: String,
    summary: DraftSummary,
    json: Vec<u8>,
    deflated_up_to: usize,
    encoder: flate2::write::ZlibEncoder<Vec<u8>>,
}

impl SteppedEncoding {
    /// Serialises the draft (the first, shorter step: about a fifth of the work).
    pub fn start(draft: &Draft, saved_at_ms: i64, writer: &str) -> SteppedEncoding {
        SteppedEncoding {
            saved_at_ms,
            writer: writer.to_string(),
            summary: draft.summary(),
            json: json_text::to_compact(draft),
            deflated_up_to: 0,
            encoder: pack::new_encoder(),
        }
    }

    /// Deflates up to `bytes` more of the JSON; `true` once all of it is deflated.
    pub fn step(&mut self, bytes: usize) -> bool {
        let end = self.deflated_up_to.saturating_add(bytes.max(1)).min(self.json.len());
        // Writing into a Vec cannot fail.
        let _ = std::io::Write::write_all(&mut self.encoder, &self.json[self.deflated_up_to..end]);
        self.deflated_up_to = end;
        self.is_deflated()
    }

    pub fn is_deflated(&self) -> bool {
        self.deflated_up_to == self.json.len()
    }

    /// Bytes of JSON still to deflate.
    pub fn remaining(&self) -> usize {
        self.json.len() - self.deflated_up_to
    }

    /// The stored text, once every step ran (deflates what is left otherwise).
    pub fn finish(mut self) -> String {
        self.step(usize::MAX);
        let stored = Stored {
            schema_version: SCHEMA_VERSION,
            app_version: APP_VERSION,
            saved_at_ms: self.saved_at_ms,
            writer: &self.writer,
            summary: self.summary,
            draft: pack::pack_deflated(self.encoder),
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }
}

/// Reads a stored value up to its summary; the draft stays packed.
pub fn read_stored(text: &str) -> Result<StoredDraft, DecodeError> {
    let value: Value = serde_json::from_str(text).map_err(|error| not_json(text, &error))?;
    let Value::Object(mut object) = value else { return Err(DecodeError::NotADraft) };
    let schema_version = schema_version(&object)?;
    let draft = object
        .remove("draft")
        .ok_or_else(|| DecodeError::Damaged("the envelope has no “draft” field".into()))?;
    let summary = match object.remove("summary") {
        Some(summary) => serde_json::from_value(summary)
            .map_err(|error| DecodeError::Damaged(format!("the summary is unreadable: {error}")))?,
        None => DraftSummary::default(),
    };
    Ok(StoredDraft {
        schema_version,
        app_version: object.get("app_version").and_then(Value::as_str).unwrap_or_default().to_string(),
        saved_at_ms: object.get("saved_at_ms").and_then(Value::as_i64).unwrap_or_default(),
        writer: object.get("writer").and_then(Value::as_str).unwrap_or_default().to_string(),
        summary,
        draft,
    })
}

/// Reads a draft file, a stored value, or a plan export that embeds a draft (its
/// top-level `draft` field holds the envelope), migrating older versions.
pub fn decode_file(text: &str) -> Result<Envelope, DecodeError> {
    let value: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|error| not_json(text, &error))?;
    let Value::Object(mut object) = value else { return Err(DecodeError::NotADraft) };
    // A plan export: the draft's envelope sits beside the plan, under `draft`. The
    // plan has a `schema_version` of its own (the plan schema's), so a plan is told
    // from an envelope by what its `draft` holds: an envelope's holds the draft
    // itself (an object with no schema version) or the packed draft (a string).
    let holds_an_envelope = matches!(object.get("draft"),
        Some(Value::Object(inner)) if inner.contains_key("schema_version"));
    if holds_an_envelope {
        if let Some(Value::Object(inner)) = object.remove("draft") {
            object = inner;
        }
    } else if !object.contains_key("schema_version") {
        return Err(DecodeError::NotADraft);
    }
    let schema_version = schema_version(&object)?;
    let draft = object
        .remove("draft")
        .ok_or_else(|| DecodeError::Damaged("the envelope has no “draft” field".into()))?;
    Ok(Envelope {
        schema_version: SCHEMA_VERSION,
        app_version: object.get("app_version").and_then(Value::as_str).unwrap_or_default().to_string(),
        saved_at_ms: object.get("saved_at_ms").and_then(Value::as_i64).unwrap_or_default(),
        draft: open_draft(draft, schema_version)?,
    })
}

/// A text that does not parse is damaged when it looks like it was meant to be a
/// draft (JSON cut short, say), and not a draft otherwise (a CSV, a picture).
fn not_json(text: &str, error: &serde_json::Error) -> DecodeError {
    let looks_like_ours = text.trim_start_matches('\u{feff}').trim_start().starts_with('{')
        && text.contains("\"schema_version\"");
    if looks_like_ours {
        DecodeError::Damaged(format!(
            "the JSON is broken at line {}, column {}: {error}",
            error.line(),
            error.column()
        ))
    } else {
        DecodeError::NotADraft
    }
}

fn schema_version(object: &Map<String, Value>) -> Result<u32, DecodeError> {
    let found = object.get("schema_version").ok_or(DecodeError::NotADraft)?;
    let version = found
        .as_u64()
        .and_then(|version| u32::try_from(version).ok())
        .filter(|version| *version >= 1)
        .ok_or_else(|| DecodeError::Damaged(format!("the schema version {found} is not a version number")))?;
    if version > SCHEMA_VERSION {
        let app_version = object.get("app_version").and_then(Value::as_str).unwrap_or_default().to_string();
        return Err(DecodeError::NewerSchema { found: version, supported: SCHEMA_VERSION, app_version });
    }
    Ok(version)
}

fn open_draft(draft: Value, schema_version: u32) -> Result<Draft, DecodeError> {
    // Every path reads the draft from JSON text, never from a `Value`: serde's
    // code for `Draft` (its import report above all) then exists for one
    // deserialiser only, about 80 KB less of the planner module before wasm-opt.
    let json = match draft {
        // The current version reads straight into a Draft: half the time of going through a Value.
        Value::String(packed) if schema_version == SCHEMA_VERSION => {
            pack::unpack_json(&packed).map_err(DecodeError::Damaged)?
        }
        Value::String(packed) => {
            let json = pack::unpack_json(&packed).map_err(DecodeError::Damaged)?;
            let value = serde_json::from_str(&json)
                .map_err(|error| DecodeError::Damaged(format!("the unpacked draft is not JSON: {error}")))?;
            migrate(value, schema_version, MIGRATIONS)?.to_string()
        }
        object @ Value::Object(_) => migrate(object, schema_version, MIGRATIONS)?.to_string(),
        _ => {
            return Err(DecodeError::Damaged(
                "the “draft” field is neither a draft nor a packed draft".into(),
            ))
        }
    };
    let draft: Draft = serde_json::from_str(&json)
        .map_err(|error| DecodeError::Damaged(format!("the draft does not read: {error}")))?;
    if draft.id.trim().is_empty() {
        return Err(DecodeError::Damaged("the draft has no id".into()));
    }
    Ok(draft)
}

/// Runs the migrations from `from` up to the last version of `steps`.
fn migrate(mut draft: Value, from: u32, steps: &[Migration]) -> Result<Value, DecodeError> {
    for (index, step) in steps.iter().enumerate().skip(from.saturating_sub(1) as usize) {
        draft = step(draft).map_err(|reason| {
            DecodeError::Damaged(format!("migrating from schema version {} failed: {reason}", index + 1))
        })?;
    }
    Ok(draft)
}

/// The file name of an exported draft: the customer (or the draft's name) and the date.
pub fn export_file_name(draft: &Draft, date: chrono::NaiveDate) -> String {
    let summary = draft.summary();
    let label =
        if summary.customer.trim().is_empty() { draft.name.as_str() } else { summary.customer.as_str() };
    let slug = crate::slug::slug(label);
    let slug = if slug.is_empty() { "draft" } else { slug.as_str() };
    format!("draft-{slug}-{}.json", date.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stepped_encoding_gives_the_text_of_encode_stored_whatever_the_step() {
        let draft = crate::draft::sample::sample_draft(300);
        let whole = encode_stored(&draft, 1_700_000_000_000, "tab-1");
        for step in [1_000, 64 * 1024, usize::MAX] {
            let mut encoding = SteppedEncoding::start(&draft, 1_700_000_000_000, "tab-1");
            let mut steps = 0;
            while !encoding.step(step) {
                steps += 1;
            }
            assert!(step == usize::MAX || steps > 0, "a {step}-byte step splits the work");
            assert!(encoding.is_deflated() && encoding.remaining() == 0);
            assert_eq!(encoding.finish(), whole, "step of {step} bytes");
        }
        let stored = read_stored(&whole).expect("readable");
        assert_eq!(stored.open().expect("opens"), draft);
    }

    fn rename_field(mut draft: Value) -> Result<Value, String> {
        let object = draft.as_object_mut().ok_or("not an object")?;
        if let Some(title) = object.remove("title") {
            object.insert("name".into(), title);
        }
        Ok(draft)
    }

    fn add_notes(mut draft: Value) -> Result<Value, String> {
        let object = draft.as_object_mut().ok_or("not an object")?;
        object.entry("notes").or_insert_with(|| Value::String("migrated".into()));
        Ok(draft)
    }

    #[test]
    fn migrations_run_in_order_from_the_stored_version() {
        let steps: &[Migration] = &[rename_field, add_notes];
        let v1 = serde_json::json!({"id": "a", "title": "Old"});
        assert_eq!(
            migrate(v1, 1, steps),
            Ok(serde_json::json!({"id": "a", "name": "Old", "notes": "migrated"}))
        );
        let v2 = serde_json::json!({"id": "a", "title": "kept, since version 2 had no title"});
        assert_eq!(
            migrate(v2.clone(), 2, steps).map(|value| value["title"].clone()),
            Ok(v2["title"].clone())
        );
        assert_eq!(migrate(v2.clone(), 3, steps), Ok(v2));
    }

    #[test]
    fn a_failing_migration_is_damage_that_names_the_version() {
        let steps: &[Migration] = &[rename_field];
        assert!(
            matches!(migrate(Value::Null, 1, steps), Err(DecodeError::Damaged(reason)) if reason.contains("version 1"))
        );
    }

    #[test]
    fn the_schema_version_follows_the_migrations() {
        assert_eq!(SCHEMA_VERSION as usize, MIGRATIONS.len() + 1);
    }
}

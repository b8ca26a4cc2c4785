//! Where drafts are kept: local storage under `csp-planner.draft.<id>`, or, when
//! the browser refuses local storage, a map in memory that lives as long as the page.
//!
//! Each draft is one stored value (see `draft::encode_stored`): saving one draft
//! never rewrites another, and a value that cannot be read is never written over.
//! The draft last open is remembered under `csp-planner.last-open`.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use crate::draft::{encode_stored, read_stored, DecodeError, Draft, DraftSummary};
use crate::ui::storage::{self, StorageError, KEY_PREFIX};

const DRAFT_PREFIX: &str = "draft.";
const LAST_OPEN_KEY: &str = "last-open";

thread_local! {
    static IN_MEMORY: Cell<bool> = const { Cell::new(false) };
    static MEMORY: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// Chooses where drafts go for the life of the page; `false` when only memory is left.
pub fn init() -> bool {
    let available = storage::is_available();
    IN_MEMORY.with(|in_memory| in_memory.set(!available));
    available
}

pub fn in_memory() -> bool {
    IN_MEMORY.with(Cell::get)
}

fn get(key: &str) -> Result<Option<String>, StorageError> {
    if in_memory() {
        return Ok(MEMORY.with(|memory| memory.borrow().get(key).cloned()));
    }
    storage::get_raw(key)
}

fn set(key: &str, value: &str) -> Result<(), StorageError> {
    if in_memory() {
        MEMORY.with(|memory| memory.borrow_mut().insert(key.to_string(), value.to_string()));
        return Ok(());
    }
    storage::set_raw(key, value)
}

fn remove(key: &str) -> Result<(), StorageError> {
    if in_memory() {
        MEMORY.with(|memory| memory.borrow_mut().remove(key));
        return Ok(());
    }
    storage::remove(key)
}

fn keys() -> Result<Vec<String>, StorageError> {
    if in_memory() {
        return Ok(MEMORY.with(|memory| memory.borrow().keys().cloned().collect()));
    }
    storage::keys()
}

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The draft id of a full storage key (as a `storage` event gives it).
pub fn draft_id_of_full_key(full_key: &str) -> Option<&str> {
    full_key.strip_prefix(KEY_PREFIX)?.strip_prefix(DRAFT_PREFIX)
}

/// One line of the drafts list.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Ready {
        id: String,
        summary: DraftSummary,
    },
    /// Written by a newer version: listed, never opened nor written.
    Newer {
        id: String,
        found: u32,
        supported: u32,
        app_version: String,
    },
    /// Unreadable: listed, offered for download, never written.
    Damaged {
        id: String,
        reason: String,
    },
}

impl Entry {
    pub fn id(&self) -> &str {
        match self {
            Entry::Ready { id, .. } | Entry::Newer { id, .. } | Entry::Damaged { id, .. } => id,
        }
    }
}

/// Every stored draft, the last changed first, unreadable ones last.
pub fn list() -> Result<Vec<Entry>, StorageError> {
    let mut entries = Vec::new();
    for key in keys()? {
        let Some(id) = key.strip_prefix(DRAFT_PREFIX) else { continue };
        let Some(text) = get(&key)? else { continue };
        entries.push(match read_stored(&text) {
            Ok(stored) => Entry::Ready { id: id.to_string(), summary: stored.summary },
            Err(DecodeError::NewerSchema { found, supported, app_version }) => {
                Entry::Newer { id: id.to_string(), found, supported, app_version }
            }
            Err(DecodeError::NotADraft) => Entry::Damaged { id: id.to_string(), reason: "not JSON".into() },
            Err(DecodeError::Damaged(reason)) => Entry::Damaged { id: id.to_string(), reason },
        });
    }
    crate::sorting::sort_by_key(&mut entries, |entry| match entry {
        Entry::Ready { summary, .. } => (0, -summary.updated_ms),
        Entry::Newer { .. } => (1, 0),
        Entry::Damaged { .. } => (2, 0),
    });
    Ok(entries)
}

/// Who wrote a stored draft, and when: a tab compares it with what it last saw
/// before writing, so it never silently replaces another tab's save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub saved_at_ms: i64,
    pub writer: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Missing,
    Storage(StorageError),
    Decode(DecodeError),
}

pub fn load(id: &str) -> Result<(Draft, Stamp), LoadError> {
    let text = get(&draft_key(id)).map_err(LoadError::Storage)?.ok_or(LoadError::Missing)?;
    let stored = read_stored(&text).map_err(LoadError::Decode)?;
    let stamp = Stamp { saved_at_ms: stored.saved_at_ms, writer: stored.writer.clone() };
    let draft = stored.open().map_err(LoadError::Decode)?;
    Ok((draft, stamp))
}

/// The stamp of the stored draft `id`; `Ok(None)` when none is stored, an error
/// when the stored value is unreadable (then it must not be written over).
pub fn stamp(id: &str) -> Result<Option<Stamp>, LoadError> {
    let Some(text) = get(&draft_key(id)).map_err(LoadError::Storage)? else { return Ok(None) };
    let stored = read_stored(&text).map_err(LoadError::Decode)?;
    Ok(Some(Stamp { saved_at_ms: stored.saved_at_ms, writer: stored.writer }))
}

/// The stamp of a stored text given by a `storage` event.
pub fn stamp_of(text: &str) -> Option<Stamp> {
    read_stored(text).ok().map(|stored| Stamp { saved_at_ms: stored.saved_at_ms, writer: stored.writer })
}

/// Writes a draft; on failure the stored version is left as it was.
pub fn save(draft: &Draft, saved_at_ms: i64, writer: &str) -> Result<Stamp, StorageError> {
    save_encoded(&draft.id, &encode_stored(draft, saved_at_ms, writer), saved_at_ms, writer)
}

/// Writes a draft already encoded (`draft::SteppedEncoding`) with this stamp.
pub fn save_encoded(id: &str, text: &str, saved_at_ms: i64, writer: &str) -> Result<Stamp, StorageError> {
    set(&draft_key(id), text)?;
    Ok(Stamp { saved_at_ms, writer: writer.to_string() })
}

/// The raw stored text of a draft, whatever it holds (to download or to undo a delete).
pub fn raw(id: &str) -> Result<Option<String>, StorageError> {
    get(&draft_key(id))
}

pub fn put_raw(id: &str, text: &str) -> Result<(), StorageError> {
    set(&draft_key(id), text)
}

pub fn delete(id: &str) -> Result<(), StorageError> {
    remove(&draft_key(id))
}

/// Bytes used in the origin's storage (memory counts nothing: it has no quota).
pub fn used_bytes() -> usize {
    if in_memory() {
        return 0;
    }
    storage::used_bytes().unwrap_or_default()
}

/// The draft last open and its step (a `data-testid` of the step), if any.
pub fn last_open() -> Option<(String, String)> {
    let text = get(LAST_OPEN_KEY).ok()??;
    let (id, step) = text.split_once('\n')?;
    Some((id.to_string(), step.to_string()))
}

pub fn set_last_open(open: Option<(&str, &str)>) {
    // Failing to remember the last draft costs a click at the next start, nothing more.
    let _ = match open {
        Some((id, step)) => set(LAST_OPEN_KEY, &format!("{id}\n{step}")),
        None => remove(LAST_OPEN_KEY),
    };
}

//! A small typed adapter over the browser's local storage.
//!
//! Every access is guarded and every failure is a value: storage can be disabled
//! (private mode, policies), full (`QuotaExceededError`) or hold something this
//! version cannot read. Nothing here panics; callers decide what to tell the user.

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::i18n::drafts::DraftsText;
use crate::i18n::template::fill;
use crate::i18n::Lang;

/// Every key this app writes starts with this prefix, so the app never touches
/// other data of the same origin.
pub const KEY_PREFIX: &str = "csp-planner.";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// Local storage is disabled or missing (private mode, browser policy).
    Unavailable,
    /// The origin's quota is used up; nothing was written.
    QuotaExceeded,
    /// A stored value exists but is not what this version expects.
    Unreadable,
    /// Any other failure reported by the browser.
    Browser(String),
}

impl StorageError {
    /// What the browser refused, as the middle of a sentence in `lang`; the
    /// browser's own error names stay as the browser wrote them.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StorageError::Unavailable => DraftsText::ReasonUnavailable.get(lang).to_string(),
            StorageError::QuotaExceeded => DraftsText::ReasonQuota.get(lang).to_string(),
            StorageError::Unreadable => DraftsText::ReasonUnreadable.get(lang).to_string(),
            StorageError::Browser(reason) => fill(DraftsText::ReasonBrowser.get(lang), &[("reason", reason)]),
        }
    }
}

/// The browser's local storage, when the page may use it.
fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    // Reading `localStorage` itself throws when storage is disabled.
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StorageError::Unavailable),
    }
}

pub fn is_available() -> bool {
    local_storage().is_ok()
}

fn full_key(key: &str) -> String {
    format!("{KEY_PREFIX}{key}")
}

fn from_gloo(error: GlooError) -> StorageError {
    match error {
        GlooError::KeyNotFound(_) => StorageError::Unreadable,
        GlooError::SerdeError(_) => StorageError::Unreadable,
        GlooError::JsError(error) if error.name == "QuotaExceededError" => StorageError::QuotaExceeded,
        GlooError::JsError(error) => StorageError::Browser(format!("{}: {}", error.name, error.message)),
    }
}

/// Reads the raw text stored under `key` (without the prefix).
pub fn get_raw(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?.get_item(&full_key(key)).map_err(|_| StorageError::Unavailable)
}

/// Reads and decodes a JSON value; `Ok(None)` when nothing is stored.
pub fn get<T: DeserializeOwned>(key: &str) -> Result<Option<T>, StorageError> {
    local_storage()?;
    match LocalStorage::get::<T>(full_key(key)) {
        Ok(value) => Ok(Some(value)),
        Err(GlooError::KeyNotFound(_)) => Ok(None),
        Err(error) => Err(from_gloo(error)),
    }
}

/// Writes raw text; on any failure the previously stored value is left as it was.
pub fn set_raw(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(&full_key(key), value).map_err(|error| {
        let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|name| name.as_string());
        match name.as_deref() {
            Some("QuotaExceededError") => StorageError::QuotaExceeded,
            Some(name) => StorageError::Browser(name.to_string()),
            None => StorageError::Browser("unknown".into()),
        }
    })
}

/// Encodes a value as JSON and writes it.
pub fn set<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    let text = serde_json::to_string(value).map_err(|_| StorageError::Unreadable)?;
    set_raw(key, &text)
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?.remove_item(&full_key(key)).map_err(|_| StorageError::Unavailable)
}

/// The keys (without the prefix) this app has stored.
pub fn keys() -> Result<Vec<String>, StorageError> {
    let storage = local_storage()?;
    let count = storage.length().map_err(|_| StorageError::Unavailable)?;
    Ok((0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter_map(|key| key.strip_prefix(KEY_PREFIX).map(str::to_string))
        .collect())
}

/// The bytes the origin's local storage holds: every key and value, this app's
/// or not, two bytes per UTF-16 unit (how browsers count the quota). Values are
/// measured in JavaScript, without copying them into the wasm.
pub fn used_bytes() -> Result<usize, StorageError> {
    use wasm_bindgen::JsCast;
    let storage = local_storage()?;
    let count = storage.length().map_err(|_| StorageError::Unavailable)?;
    let get_item: js_sys::Function = js_sys::Reflect::get(&storage, &"getItem".into())
        .ok()
        .and_then(|function| function.dyn_into().ok())
        .ok_or(StorageError::Unavailable)?;
    let mut units = 0usize;
    for index in 0..count {
        let Ok(Some(key)) = storage.key(index) else { continue };
        units += key.encode_utf16().count();
        if let Ok(value) = get_item.call1(&storage, &key.as_str().into()) {
            units +=
                value.dyn_ref::<js_sys::JsString>().map(|text| text.length() as usize).unwrap_or_default();
        }
    }
    Ok(2 * units)
}

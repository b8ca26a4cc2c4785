//! Browser plumbing of the import step: reading picked or dropped files and
//! offering a text as a download through a Blob URL.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A file the user gave, read into memory.
pub struct PickedFile {
    pub name: String,
    /// Milliseconds since the epoch, as the browser reports the file's last change.
    pub modified_ms: f64,
    pub bytes: Vec<u8>,
}

/// The files of a picker or drop, in the order the browser lists them.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.get(index)).collect()
}

/// The browser's own words for a failed read, e.g. `NotReadableError: ...`.
pub(crate) fn js_error_text(error: JsValue) -> String {
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return format!("{}: {}", String::from(error.name()), String::from(error.message()));
    }
    error.as_string().or_else(|| js_sys::JSON::stringify(&error).ok().map(String::from)).unwrap_or_default()
}

/// Reads a whole file; the error is the browser's reason (file moved, no permission...).
pub async fn read_file(file: &web_sys::File) -> Result<PickedFile, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(js_error_text)?;
    Ok(PickedFile {
        name: file.name(),
        modified_ms: file.last_modified(),
        bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
    })
}

/// A `blob:` URL holding `text`, for a download link; revoke it with
/// [`revoke_url`] when the link goes away.
pub fn text_blob_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke_url(url: &str) {
    // Revoking only frees memory; a failure leaves a small blob until the page closes.
    let _ = web_sys::Url::revoke_object_url(url);
}

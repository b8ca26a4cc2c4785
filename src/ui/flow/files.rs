//! Browser plumbing of the import step: reading picked or dropped files,
//! offering a text as a download through a Blob URL, and giving the browser a
//! turn between heavy steps so the page keeps painting and answering.

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

/// Lets the browser run its pending work (paint the progress, handle input)
/// before the next heavy step.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .map(|window| window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).is_ok())
            .unwrap_or(false);
        if !scheduled {
            // No timer to wait for: go on at once rather than never.
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits until the browser has painted a frame (the progress line, a busy
/// bar), then gives it a turn, before the next heavy step: a `setTimeout(0)`
/// alone may run before the frame. A hidden page paints no frame: then it
/// goes on after a tenth of a second anyway.
pub async fn yield_for_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let after_frame = {
            let resolve = resolve.clone();
            wasm_bindgen::closure::Closure::once_into_js(move || {
                let scheduled = web_sys::window()
                    .map(|window| {
                        window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).is_ok()
                    })
                    .unwrap_or(false);
                if !scheduled {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            })
        };
        let framed = window.request_animation_frame(after_frame.unchecked_ref()).is_ok();
        // Whichever comes first resolves; resolving twice does nothing.
        let timed = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100).is_ok();
        if !framed && !timed {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Runs `work` between two marks of the browser's performance timeline and
/// records it as the measure `name`: the import benchmark
/// (tests/bench/import-longtask.mjs) reads them to tell which phase a long
/// main-thread task belongs to. Costs a few microseconds.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|window| window.performance());
    let start_mark = format!("{name}:start");
    if let Some(performance) = &performance {
        let _ = performance.mark(&start_mark);
    }
    let value = work();
    if let Some(performance) = &performance {
        // A timeline without these entries only leaves the benchmark without a breakdown.
        let _ = performance.measure_with_start_mark(name, &start_mark);
        performance.clear_marks_with_mark_name(&start_mark);
    }
    value
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

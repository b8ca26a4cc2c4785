//! Downloads without a server: the bytes go into a Blob, an object URL points at
//! it, a temporary `<a download>` is clicked, and the URL is revoked afterwards
//! so the Blob's memory is freed.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Why a download could not start; the message says what the browser refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadError(pub String);

impl std::fmt::Display for DownloadError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

fn describe(error: JsValue) -> DownloadError {
    DownloadError(
        error
            .as_string()
            .or_else(|| js_sys::Error::from(error).message().as_string())
            .unwrap_or_else(|| "unknown error".into()),
    )
}

/// Saves `contents` as a file called `file_name` of type `media_type`.
pub fn download_text(file_name: &str, media_type: &str, contents: &str) -> Result<(), DownloadError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let result = click_link(&url, file_name);
    // Revoked after the click: the browser has taken its own reference to the Blob by then.
    let _ = Url::revoke_object_url(&url);
    result
}

fn click_link(url: &str, file_name: &str) -> Result<(), DownloadError> {
    let document = leptos::prelude::document();
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| DownloadError("not a link".into()))?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or_else(|| DownloadError("the page has no body".into()))?;
    body.append_child(&anchor).map_err(describe)?;
    anchor.click();
    anchor.remove();
    Ok(())
}

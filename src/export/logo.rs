//! The partner's logo on the customer letter: a small raster image read from a
//! local file and kept in the partner profile as a `data:` URL.
//!
//! Only PNG, JPEG, GIF and WebP are taken, recognised from their first bytes
//! (not from the file name), and never SVG, which can carry scripts and markup.
//! A stored URL is checked again before it is shown ([`checked_logo`]), since a
//! draft file can be edited by hand; the interface puts it in an `<img>` only.

use thiserror::Error;

/// The largest logo file accepted: a letterhead logo needs far less, and the
/// profile is stored in local storage with every draft.
pub const MAX_LOGO_BYTES: usize = 100 * 1024;

/// Why a file cannot be the logo.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LogoError {
    #[error("the file is {size} bytes, more than the {limit} allowed")]
    TooLarge { size: usize, limit: usize },
    #[error("the file is not a PNG, JPEG, GIF or WebP image")]
    NotAnImage,
}

/// The media type of an image, from its first bytes.
fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let triple = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (index, byte)| acc | u32::from(*byte) << (16 - 8 * index));
        for position in 0..4 {
            if position <= chunk.len() {
                out.push(char::from(BASE64[(triple >> (18 - 6 * position) & 0x3f) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The `data:` URL of a logo file, or why it cannot be one.
pub fn logo_data_url(bytes: &[u8]) -> Result<String, LogoError> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(LogoError::TooLarge { size: bytes.len(), limit: MAX_LOGO_BYTES });
    }
    let media_type = image_type(bytes).ok_or(LogoError::NotAnImage)?;
    Ok(format!("data:{media_type};base64,{}", base64(bytes)))
}

/// The stored logo when it is one this module would have made: a raster
/// image's base64 `data:` URL within the size limit. Anything else (a URL to
/// another site, SVG, text) is ignored.
pub fn checked_logo(stored: Option<&str>) -> Option<&str> {
    let url = stored?;
    let payload = ["image/png", "image/jpeg", "image/gif", "image/webp"].iter().find_map(|media_type| {
        url.strip_prefix("data:")?.strip_prefix(media_type)?.strip_prefix(";base64,")
    })?;
    let within_limit = payload.len() <= MAX_LOGO_BYTES.div_ceil(3) * 4;
    let base64_only =
        payload.bytes().all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'='));
    (within_limit && base64_only && !payload.is_empty()).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG_1X1: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

    #[test]
    fn base64_matches_the_rfc_4648_examples() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected, "{input}");
        }
    }

    #[test]
    fn a_png_becomes_a_data_url_that_passes_the_check() {
        let url = logo_data_url(PNG_1X1).unwrap();
        assert!(url.starts_with("data:image/png;base64,iVBORw0KGgo"), "{url}");
        assert_eq!(checked_logo(Some(&url)), Some(url.as_str()));
    }

    #[test]
    fn svg_text_and_large_files_are_refused() {
        assert_eq!(
            logo_data_url(b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
            Err(LogoError::NotAnImage)
        );
        assert_eq!(logo_data_url(b"hello"), Err(LogoError::NotAnImage));
        let mut large = PNG_1X1.to_vec();
        large.resize(MAX_LOGO_BYTES + 1, 0);
        assert_eq!(
            logo_data_url(&large),
            Err(LogoError::TooLarge { size: MAX_LOGO_BYTES + 1, limit: MAX_LOGO_BYTES })
        );
    }

    #[test]
    fn a_stored_logo_that_is_not_a_raster_data_url_is_ignored() {
        for stored in [
            "https://evil.example/logo.png",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "data:text/html;base64,PGI+",
            "data:image/png;base64,\"><script>",
            "data:image/png;base64,",
            "javascript:alert(1)",
        ] {
            assert_eq!(checked_logo(Some(stored)), None, "{stored}");
        }
        assert_eq!(checked_logo(None), None);
    }
}

//! How much of the origin's local storage a value takes.
//!
//! Browsers count local storage in UTF-16 code units of keys and values (two
//! bytes each) against a quota of about 5 MiB per origin; they do not expose the
//! quota, so the app counts the same way and warns before the browser refuses.

/// The quota the app assumes for its origin (Chromium, Firefox and Safari use 5 MiB).
pub const ORIGIN_QUOTA_BYTES: usize = 5 * 1024 * 1024;

/// Above this share of the quota the app warns that space is running out.
pub const WARN_FRACTION: f64 = 0.8;

pub fn utf16_units(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// The bytes one stored entry takes: its key and its value, two bytes per UTF-16 unit.
pub fn entry_bytes(key: &str, value: &str) -> usize {
    2 * (utf16_units(key) + utf16_units(value))
}

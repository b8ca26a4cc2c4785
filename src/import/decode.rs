//! Bytes to text: UTF-8 with or without a byte-order mark, UTF-16 as Excel's
//! "Unicode text" saves it, and Windows-1252 for older Western European files.

use std::borrow::Cow;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Which UTF-16 byte order a BOM-less file uses, judged from where the zero
/// bytes of its ASCII characters fall in the first kilobyte.
fn bomless_utf16(bytes: &[u8]) -> Option<TextEncoding> {
    let sample = &bytes[..bytes.len().min(1024) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_at_odd = sample.chunks_exact(2).filter(|pair| pair[1] == 0 && pair[0] != 0).count();
    let zero_at_even = sample.chunks_exact(2).filter(|pair| pair[0] == 0 && pair[1] != 0).count();
    // Mostly-ASCII text has a zero in nearly every pair, always on the same side.
    if zero_at_odd * 10 >= pairs * 7 && zero_at_even == 0 {
        Some(TextEncoding::Utf16Le)
    } else if zero_at_even * 10 >= pairs * 7 && zero_at_odd == 0 {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Decodes a file to text. Borrowed (no copy) for UTF-8, which is what the
/// large exports are; never fails, since Windows-1252 maps every byte.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, _) = encoding_rs::UTF_8.decode_without_bom_handling(rest);
        return (text, TextEncoding::Utf8Bom);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, _) = UTF_16LE.decode_without_bom_handling(rest);
        return (text, TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, _) = UTF_16BE.decode_without_bom_handling(rest);
        return (text, TextEncoding::Utf16Be);
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        let decoder = if encoding == TextEncoding::Utf16Le { UTF_16LE } else { UTF_16BE };
        let (text, _) = decoder.decode_without_bom_handling(bytes);
        return (text, encoding);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text, TextEncoding::Windows1252)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Produit;Qté".as_bytes()), (Cow::Borrowed("Produit;Qté"), TextEncoding::Utf8));
        let (text, encoding) = decode(b"\xEF\xBB\xBFa,b");
        assert_eq!((text.as_ref(), encoding), ("a,b", TextEncoding::Utf8Bom));
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let with_bom = utf16le("Produit\tLicences attribuées\r\n", true);
        let (text, encoding) = decode(&with_bom);
        assert_eq!((text.as_ref(), encoding), ("Produit\tLicences attribuées\r\n", TextEncoding::Utf16Le));
        let without_bom = utf16le("Product\tSeats\r\nE3\t5\r\n", false);
        let (text, encoding) = decode(&without_bom);
        assert_eq!((text.as_ref(), encoding), ("Product\tSeats\r\nE3\t5\r\n", TextEncoding::Utf16Le));
        let mut big_endian = vec![0xFE, 0xFF];
        big_endian.extend("été".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&big_endian).0, "été");
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        let (text, encoding) = decode(b"Licences attribu\xE9es;Prix \x80");
        assert_eq!((text.as_ref(), encoding), ("Licences attribuées;Prix €", TextEncoding::Windows1252));
    }
}

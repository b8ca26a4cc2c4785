//! Bytes to text: UTF-8 with or without a byte-order mark, UTF-16 as Excel's
//! "Unicode text" saves it, and Windows-1252 for older Western European files.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

// The three decoders are written out rather than taken from `encoding_rs`: its
// decoders dispatch over every encoding it knows, which links all of its CJK
// tables into the wasm (about 300 KB) for files that are never in those encodings.

/// What bytes 0x80 to 0x9F stand for in Windows-1252 (the other bytes are Latin-1);
/// the five bytes Windows-1252 leaves undefined decode to the replacement character.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž', '\u{FFFD}',
    '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}', 'ž', 'Ÿ',
];

fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&byte| match byte {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
            _ => char::from(byte),
        })
        .collect()
}

/// UTF-16 in either byte order; unpaired surrogates and a trailing odd byte become
/// the replacement character, as a browser would show them.
fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|pair| {
        if little_endian {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let mut text: String =
        char::decode_utf16(units).map(|unit| unit.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    // A lead surrogate cut off by the end of the file, trailing byte included, is one
    // error (as the Encoding Standard decodes it): its replacement character is there.
    let ends_in_lead_surrogate = bytes.len() >= 3 && {
        let last = &bytes[(bytes.len() & !1) - 2..bytes.len() & !1];
        let unit = if little_endian {
            u16::from_le_bytes([last[0], last[1]])
        } else {
            u16::from_be_bytes([last[0], last[1]])
        };
        (0xD800..=0xDBFF).contains(&unit)
    };
    if bytes.len() % 2 == 1 && !ends_in_lead_surrogate {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    #[serde(rename = "windows-1252")]
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
        return (String::from_utf8_lossy(rest), TextEncoding::Utf8Bom);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (Cow::Owned(decode_utf16(rest, true)), TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (Cow::Owned(decode_utf16(rest, false)), TextEncoding::Utf16Be);
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        return (Cow::Owned(decode_utf16(bytes, encoding == TextEncoding::Utf16Le)), encoding);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), TextEncoding::Utf8),
        Err(_) => (Cow::Owned(decode_windows_1252(bytes)), TextEncoding::Windows1252),
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
    fn every_windows_1252_byte_decodes_like_the_standard_table() {
        // Spot checks across the table, including the undefined bytes.
        let all: Vec<u8> = (0x80..=0xFF).collect();
        let text = decode_windows_1252(&all);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars.len(), 128);
        assert_eq!(chars[0x80 - 0x80], '€');
        assert_eq!(chars[0x81 - 0x80], '\u{FFFD}');
        assert_eq!(chars[0x9C - 0x80], 'œ');
        assert_eq!(chars[0xA0 - 0x80], '\u{A0}');
        assert_eq!(chars[0xE9 - 0x80], 'é');
        assert_eq!(chars[0xFF - 0x80], 'ÿ');
    }

    #[test]
    fn broken_utf16_decodes_with_replacement_characters() {
        // An unpaired high surrogate, then an odd trailing byte.
        let bytes = [0x3D, 0xD8, 0x41, 0x00, 0x42];
        assert_eq!(decode_utf16(&bytes, true), "\u{FFFD}A\u{FFFD}");
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        let (text, encoding) = decode(b"Licences attribu\xE9es;Prix \x80");
        assert_eq!((text.as_ref(), encoding), ("Licences attribuées;Prix €", TextEncoding::Windows1252));
    }
}

/// The decoder against `encoding_rs` (the WHATWG Encoding Standard, as browsers
/// decode), on arbitrary bytes: native only, where the dev-dependencies build.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod against_encoding_rs {
    use encoding_rs::{UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
    use proptest::prelude::*;

    use super::*;

    /// The five bytes Windows-1252 leaves undefined: the standard maps them to C1
    /// controls, which nobody means in a subscription export; this decoder shows
    /// the replacement character instead.
    fn undefined_as_replacement(text: &str) -> String {
        text.chars()
            .map(|c| {
                if matches!(c, '\u{81}' | '\u{8D}' | '\u{8F}' | '\u{90}' | '\u{9D}') {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect()
    }

    fn with_prefix(prefix: &[u8], rest: &[u8]) -> Vec<u8> {
        [prefix, rest].concat()
    }

    proptest! {
        #[test]
        fn utf8_with_a_bom(rest in prop::collection::vec(any::<u8>(), 0..200)) {
            let bytes = with_prefix(b"\xEF\xBB\xBF", &rest);
            let (text, encoding) = decode(&bytes);
            prop_assert_eq!(encoding, TextEncoding::Utf8Bom);
            prop_assert_eq!(text.into_owned(), UTF_8.decode_without_bom_handling(&rest).0.into_owned());
        }

        #[test]
        fn utf16_with_a_bom_in_both_orders(rest in prop::collection::vec(any::<u8>(), 0..200)) {
            let bytes = with_prefix(b"\xFF\xFE", &rest);
            let (text, encoding) = decode(&bytes);
            prop_assert_eq!(encoding, TextEncoding::Utf16Le);
            prop_assert_eq!(text.into_owned(), UTF_16LE.decode_without_bom_handling(&rest).0.into_owned());
            let bytes = with_prefix(b"\xFE\xFF", &rest);
            let (text, encoding) = decode(&bytes);
            prop_assert_eq!(encoding, TextEncoding::Utf16Be);
            prop_assert_eq!(text.into_owned(), UTF_16BE.decode_without_bom_handling(&rest).0.into_owned());
        }

        #[test]
        fn bomless_utf16_of_ascii_text(text in "[a-zA-Z0-9 ,;\n]{2,120}") {
            let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            let (decoded, encoding) = decode(&little);
            prop_assert_eq!(encoding, TextEncoding::Utf16Le);
            prop_assert_eq!(decoded.into_owned(), UTF_16LE.decode_without_bom_handling(&little).0.into_owned());
            let (decoded, encoding) = decode(&big);
            prop_assert_eq!(encoding, TextEncoding::Utf16Be);
            prop_assert_eq!(decoded.into_owned(), UTF_16BE.decode_without_bom_handling(&big).0.into_owned());
        }

        #[test]
        fn utf8_without_a_bom(text in "[^\u{0}\u{feff}]{0,120}") {
            let (decoded, encoding) = decode(text.as_bytes());
            prop_assert_eq!(encoding, TextEncoding::Utf8);
            prop_assert_eq!(decoded.into_owned(), UTF_8.decode_without_bom_handling(text.as_bytes()).0.into_owned());
        }

        #[test]
        fn anything_else_as_windows_1252(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let (decoded, encoding) = decode(&bytes);
            if encoding == TextEncoding::Windows1252 {
                let expected = undefined_as_replacement(&WINDOWS_1252.decode_without_bom_handling(&bytes).0);
                prop_assert_eq!(decoded.into_owned(), expected);
            }
        }
    }

    #[test]
    fn every_byte_of_windows_1252() {
        let bytes: Vec<u8> = (0x80..=0xFF).collect();
        let (decoded, encoding) = decode(&bytes);
        assert_eq!(encoding, TextEncoding::Windows1252);
        assert_eq!(decoded, undefined_as_replacement(&WINDOWS_1252.decode_without_bom_handling(&bytes).0));
    }
}

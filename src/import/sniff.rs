//! What a file is, from its first bytes (never its name): a JSON document, a
//! workbook, a text table in some dialect, or something that is not a table.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// What a file that is not a table looks like, so the message can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    PngImage,
    JpegImage,
    GifImage,
    OtherImage,
    Pdf,
    Zip,
    WordDocument,
    PowerPointPresentation,
    LegacyExcelWorkbook,
    OpenDocumentSpreadsheet,
    Compressed,
    WebPage,
    Executable,
    Binary,
}

impl FileKind {
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            FileKind::PngImage | FileKind::JpegImage | FileKind::GifImage | FileKind::OtherImage => lang.pick(
                "This file is an image (a screenshot?), not a table: the importer cannot read text in pictures.",
                "Ce fichier est une image (une capture d’écran ?), pas un tableau : l’import ne lit pas le texte des images.",
            ),
            FileKind::Pdf => lang.pick(
                "This file is a PDF document, not a table: its figures cannot be read reliably.",
                "Ce fichier est un document PDF, pas un tableau : ses chiffres ne peuvent pas être lus de façon fiable.",
            ),
            FileKind::Zip => lang.pick(
                "This file is a zip archive, not a workbook: extract it and import the CSV, JSON or .xlsx files inside.",
                "Ce fichier est une archive zip, pas un classeur : décompressez-la et importez les fichiers CSV, JSON ou .xlsx qu’elle contient.",
            ),
            FileKind::WordDocument => lang.pick(
                "This file is a Word document, not a table.",
                "Ce fichier est un document Word, pas un tableau.",
            ),
            FileKind::PowerPointPresentation => lang.pick(
                "This file is a PowerPoint presentation, not a table.",
                "Ce fichier est une présentation PowerPoint, pas un tableau.",
            ),
            FileKind::LegacyExcelWorkbook => lang.pick(
                "This file is an Excel 97-2003 workbook (.xls), which the importer does not read: open it in Excel and save it as .xlsx or CSV.",
                "Ce fichier est un classeur Excel 97-2003 (.xls), que l’import ne lit pas : ouvrez-le dans Excel et enregistrez-le en .xlsx ou en CSV.",
            ),
            FileKind::OpenDocumentSpreadsheet => lang.pick(
                "This file is an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV.",
                "Ce fichier est un classeur OpenDocument (.ods) : enregistrez-le en .xlsx ou en CSV.",
            ),
            FileKind::Compressed => lang.pick(
                "This file is compressed (gzip, 7z or rar): extract it first.",
                "Ce fichier est compressé (gzip, 7z ou rar) : décompressez-le d’abord.",
            ),
            FileKind::WebPage => lang.pick(
                "This file is a web page (HTML), not an export: a browser probably saved the page instead of the file.",
                "Ce fichier est une page web (HTML), pas un export : le navigateur a sans doute enregistré la page au lieu du fichier.",
            ),
            FileKind::Executable => lang.pick(
                "This file is a program, not a table.",
                "Ce fichier est un programme, pas un tableau.",
            ),
            FileKind::Binary => lang.pick(
                "This file is binary data, not text or a workbook.",
                "Ce fichier contient des données binaires, ni du texte ni un classeur.",
            ),
        }
    }
}

/// How the content of a file will be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// An Office Open XML workbook (`.xlsx`, `.xlsm`).
    Workbook,
    /// Text, to be decoded then read as JSON or as a delimited table.
    Text,
    NotATable(FileKind),
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

/// Recognises a file by its magic bytes, and a zip by the names of its parts
/// (stored uncompressed in the archive's headers).
pub fn content_kind(bytes: &[u8]) -> ContentKind {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return if contains(bytes, b"xl/workbook.xml") || contains(bytes, b"xl/workbook.bin") {
            ContentKind::Workbook
        } else if contains(bytes, b"word/document.xml") {
            ContentKind::NotATable(FileKind::WordDocument)
        } else if contains(bytes, b"ppt/presentation.xml") {
            ContentKind::NotATable(FileKind::PowerPointPresentation)
        } else if contains(bytes, b"application/vnd.oasis.opendocument.spreadsheet") {
            ContentKind::NotATable(FileKind::OpenDocumentSpreadsheet)
        } else {
            ContentKind::NotATable(FileKind::Zip)
        };
    }
    let kind = if starts(b"\x89PNG") {
        FileKind::PngImage
    } else if starts(b"\xFF\xD8\xFF") {
        FileKind::JpegImage
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        FileKind::GifImage
    } else if starts(b"BM") && bytes.len() > 26 && bytes[6..10] == [0, 0, 0, 0]
        || starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP")
        || starts(b"II*\0")
        || starts(b"MM\0*")
    {
        FileKind::OtherImage
    } else if starts(b"%PDF") {
        FileKind::Pdf
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        FileKind::LegacyExcelWorkbook
    } else if starts(b"\x1F\x8B") || starts(b"7z\xBC\xAF\x27\x1C") || starts(b"Rar!") {
        FileKind::Compressed
    } else if starts(b"MZ") || starts(b"\x7FELF") {
        FileKind::Executable
    } else if looks_like_html(bytes) {
        FileKind::WebPage
    } else if looks_binary(bytes) {
        FileKind::Binary
    } else {
        return ContentKind::Text;
    };
    ContentKind::NotATable(kind)
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    let text = String::from_utf8_lossy(head)
        .trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n'])
        .to_ascii_lowercase();
    text.starts_with("<!doctype html") || text.starts_with("<html")
}

/// Control characters other than tab, newlines and form feed, in text that
/// is not UTF-16 (whose zero bytes are expected): a sign of binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return false;
    }
    let zeros = head.iter().filter(|&&b| b == 0).count();
    if zeros > 0 {
        // BOM-less UTF-16 puts a zero in (nearly) every pair on the same side.
        let pairs = head.len() / 2;
        let odd = head.chunks_exact(2).filter(|pair| pair[1] == 0).count();
        let even = head.chunks_exact(2).filter(|pair| pair[0] == 0).count();
        return !(odd * 10 >= pairs * 7 && even == 0 || even * 10 >= pairs * 7 && odd == 0);
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    controls * 20 > head.len().max(1)
}

/// Whether decoded text is a JSON document rather than a table.
pub fn is_json(text: &str) -> bool {
    matches!(
        text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']).as_bytes().first(),
        Some(b'{' | b'[')
    )
}

/// The separator and quoting of a delimited text table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Dialect {
    /// `,`, `;`, tab or `|`.
    #[serde(with = "delimiter_name")]
    pub delimiter: u8,
    /// Whether the table declared its separator on an Excel `sep=` first line.
    pub declared: bool,
}

/// Serialises the delimiter as text (`","`, `"tab"`) rather than a byte value.
mod delimiter_name {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(delimiter: &u8, serializer: S) -> Result<S::Ok, S::Error> {
        match delimiter {
            b'\t' => serializer.serialize_str("tab"),
            other => serializer.serialize_str(&char::from(*other).to_string()),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u8, D::Error> {
        let name = String::deserialize(deserializer)?;
        match name.as_str() {
            "tab" => Ok(b'\t'),
            single if single.len() == 1 => Ok(single.as_bytes()[0]),
            _ => Err(serde::de::Error::custom("expected a one-character delimiter or \"tab\"")),
        }
    }
}

const CANDIDATE_DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many bytes of a table are enough to sniff its dialect.
const SNIFF_SAMPLE_BYTES: usize = 64 * 1024;
/// How many records of that sample are compared.
const SNIFF_RECORDS: usize = 50;

/// Reads an Excel `sep=;` first line, if there is one.
pub fn declared_delimiter(text: &str) -> Option<u8> {
    let first_line = text.lines().next()?.trim_start_matches('\u{FEFF}').trim();
    let declared = first_line.strip_prefix("sep=").or_else(|| first_line.strip_prefix("SEP="))?;
    let declared = declared.trim_matches('"');
    match declared.as_bytes() {
        [byte] if byte.is_ascii_punctuation() || *byte == b'\t' => Some(*byte),
        [] if first_line.ends_with('\t') || first_line.len() == 4 => Some(b'\t'),
        _ => None,
    }
}

/// Counts, for one delimiter, its occurrences outside quotes in each record of
/// the sample (records may span lines inside quotes).
fn counts_per_record(sample: &str, delimiter: u8) -> Vec<usize> {
    let mut counts = Vec::new();
    let mut in_quotes = false;
    let mut count = 0;
    let mut record_has_content = false;
    for &byte in sample.as_bytes() {
        match byte {
            b'"' => {
                in_quotes = !in_quotes;
                record_has_content = true;
            }
            b'\n' if !in_quotes => {
                if record_has_content {
                    counts.push(count);
                    if counts.len() == SNIFF_RECORDS {
                        return counts;
                    }
                }
                count = 0;
                record_has_content = false;
            }
            b'\r' => {}
            b if b == delimiter && !in_quotes => {
                count += 1;
                record_has_content = true;
            }
            _ => record_has_content = true,
        }
    }
    if record_has_content {
        counts.push(count);
    }
    counts
}

/// Picks the delimiter of a table. The first line is usually the header, so
/// a delimiter that splits it and that the most records agree with wins
/// (more columns on a tie). When no delimiter splits the first line (a title
/// or a PowerShell `#TYPE` line comes first), the one that splits the most
/// records into the same number of columns wins.
pub fn sniff_dialect(text: &str) -> Dialect {
    if let Some(delimiter) = declared_delimiter(text) {
        return Dialect { delimiter, declared: true };
    }
    let mut end = text.len().min(SNIFF_SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let counts: Vec<(u8, Vec<usize>)> = CANDIDATE_DELIMITERS
        .iter()
        .map(|&delimiter| (delimiter, counts_per_record(sample, delimiter)))
        .collect();

    let by_first_line = counts
        .iter()
        .filter_map(|(delimiter, counts)| {
            let first = *counts.first()?;
            (first > 0).then(|| (counts.iter().filter(|&&count| count == first).count(), first, *delimiter))
        })
        .max();
    if let Some((_, _, delimiter)) = by_first_line {
        return Dialect { delimiter, declared: false };
    }

    let mut best = (0usize, 0usize, b',');
    for (delimiter, counts) in &counts {
        for &candidate in counts.iter().filter(|&&count| count > 0) {
            let agreeing = counts.iter().filter(|&&count| count == candidate).count();
            best = best.max((agreeing, candidate, *delimiter));
        }
    }
    Dialect { delimiter: best.2, declared: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_sniffed_from_consistent_counts() {
        assert_eq!(sniff_dialect("a,b,c\n1,2,3\n").delimiter, b',');
        assert_eq!(sniff_dialect("Produit;Prix\nE3;31,30\nE5;54,70\n").delimiter, b';');
        assert_eq!(sniff_dialect("a\tb\n1\t2\n").delimiter, b'\t');
        assert_eq!(sniff_dialect("a|b|c\n1|2|3\n").delimiter, b'|');
    }

    #[test]
    fn quoted_delimiters_and_embedded_newlines_do_not_count() {
        let text = "name;note\n\"Contoso, Ltd\";\"line one,\nline two, three\"\n\"Fabrikam, Inc\";x\n";
        assert_eq!(sniff_dialect(text).delimiter, b';');
    }

    #[test]
    fn the_header_line_outweighs_odd_data_rows() {
        let text = "customer;product;seats\n12,50\n12,50\n;\"a\nb\";12,50\n";
        assert_eq!(sniff_dialect(text).delimiter, b';');
        assert_eq!(sniff_dialect("#TYPE Selected.Object\n\"a\",\"b\"\n\"1\",\"2\"\n").delimiter, b',');
    }

    #[test]
    fn excel_sep_line_declares_the_delimiter() {
        assert_eq!(sniff_dialect("sep=;\na;b\n1;2\n"), Dialect { delimiter: b';', declared: true });
    }

    #[test]
    fn files_are_recognised_by_their_bytes() {
        assert_eq!(content_kind(b"\x89PNG\r\n\x1a\n...."), ContentKind::NotATable(FileKind::PngImage));
        assert_eq!(content_kind(b"%PDF-1.7\n"), ContentKind::NotATable(FileKind::Pdf));
        assert_eq!(content_kind(b"PK\x03\x04....notes.txt"), ContentKind::NotATable(FileKind::Zip));
        assert_eq!(content_kind(b"PK\x03\x04....xl/workbook.xml"), ContentKind::Workbook);
        assert_eq!(content_kind(b"<!DOCTYPE html><html>"), ContentKind::NotATable(FileKind::WebPage));
        assert_eq!(content_kind(b"a,b\n1,2\n"), ContentKind::Text);
        assert_eq!(content_kind(b"\xFF\xFEa\0,\0b\0"), ContentKind::Text);
        assert_eq!(content_kind(b"a\0,\0b\0\n\0"), ContentKind::Text);
    }
}

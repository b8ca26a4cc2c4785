//! Properties of the export encodings, for any text an import could bring:
//! a CSV cell never runs as a formula and reads back as written (apart from the
//! neutralising apostrophe); an iCalendar text value folds into lines of at most
//! 75 octets and unfolds and unescapes to the original; Markdown escaping leaves
//! no markup character unescaped.

use csp_planner::export::csv::neutralise;
use csp_planner::export::ics::{escape_text, fold};
use csp_planner::export::markdown::escape;
use proptest::prelude::*;

/// RFC 5545 unescaping of a TEXT value, the inverse of `escape_text` for text
/// without carriage returns (which it writes as `\n`).
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut characters = text.chars();
    while let Some(character) = characters.next() {
        if character == '\\' {
            match characters.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(character);
        }
    }
    out
}

/// Any text, with a good share of the characters the encodings treat specially.
fn awkward_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("=".to_string()),
            Just("+".to_string()),
            Just("-".to_string()),
            Just("@".to_string()),
            Just("\t".to_string()),
            Just("\r".to_string()),
            Just("\n".to_string()),
            Just(",".to_string()),
            Just(";".to_string()),
            Just("\\".to_string()),
            Just("\"".to_string()),
            Just("é".to_string()),
            Just("日本".to_string()),
            Just("😀".to_string()),
            "[a-zA-Z0-9 ()*_<>|#]{0,12}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn a_csv_cell_never_runs_as_a_formula_and_reads_back(text in awkward_text(), separator in prop_oneof![Just(b','), Just(b';')]) {
        let cell = neutralise(&text);
        prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']));
        let mut writer = csv::WriterBuilder::new().delimiter(separator).from_writer(Vec::new());
        writer.write_record([cell.as_str(), "next"]).map_err(|error| TestCaseError::fail(error.to_string()))?;
        let bytes = writer.into_inner().map_err(|error| TestCaseError::fail(error.to_string()))?;
        let mut reader = csv::ReaderBuilder::new().delimiter(separator).has_headers(false).from_reader(bytes.as_slice());
        let record = reader.records().next().and_then(Result::ok).ok_or_else(|| TestCaseError::fail("no record"))?;
        prop_assert_eq!(record.get(0), Some(cell.as_str()));
        let original = if cell.len() > text.len() { &cell[1..] } else { cell.as_str() };
        prop_assert_eq!(original, text.as_str());
    }

    #[test]
    fn an_icalendar_value_folds_within_75_octets_and_unfolds_to_the_original(text in awkward_text()) {
        let line = format!("SUMMARY:{}", escape_text(&text));
        let folded = fold(&line);
        prop_assert!(folded.ends_with("\r\n"));
        for physical in folded.trim_end_matches("\r\n").split("\r\n") {
            prop_assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        prop_assert_eq!(&unfolded, &line);
        let value = unfolded.strip_prefix("SUMMARY:").unwrap_or_default();
        // Carriage returns become line feeds; other control characters become spaces.
        let expected: String = text
            .replace("\r\n", "\n")
            .chars()
            .map(|character| match character {
                '\r' => '\n',
                '\n' => '\n',
                character if character.is_control() => ' ',
                character => character,
            })
            .collect();
        prop_assert_eq!(unescape(value), expected);
        // No unescaped separator or bare line break is left in the value.
        prop_assert!(!value.contains('\n') && !value.contains('\r'));
    }

    #[test]
    fn markdown_escaping_leaves_no_markup_character_unescaped(text in awkward_text()) {
        let escaped = escape(&text);
        prop_assert!(!escaped.contains('\n') && !escaped.contains('\r'));
        let mut characters = escaped.chars();
        while let Some(character) = characters.next() {
            if character == '\\' {
                prop_assert!(characters.next().is_some(), "a trailing backslash in {escaped:?}");
            } else {
                prop_assert!(!"`*_[]<>|#~!&".contains(character), "{character:?} unescaped in {escaped:?}");
            }
        }
    }
}

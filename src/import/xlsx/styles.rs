//! The cell styles (`xl/styles.xml`): which number formats show a date.

use std::collections::HashMap;

use super::xml::{Event, Scanner};

/// What a cell's style makes of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CellFormat {
    Number,
    Date,
    /// Elapsed time (`[h]:mm`): a number of days, not a date.
    Duration,
}

/// The format of each cell style (`cellXfs`, indexed by a cell's `s`).
pub(super) fn read_cell_formats(text: &str) -> Vec<CellFormat> {
    let mut custom: HashMap<u32, CellFormat> = HashMap::new();
    let mut style_ids: Vec<u32> = Vec::new();
    let mut in_cell_styles = false;
    for event in Scanner::new(text) {
        match event {
            Event::Start { name: "numFmt", attributes, .. } => {
                if let (Some(id), Some(code)) = (
                    attributes.get("numFmtId").and_then(|id| id.trim().parse().ok()),
                    attributes.value("formatCode"),
                ) {
                    custom.insert(id, format_of_code(&code));
                }
            }
            Event::Start { name: "cellXfs", self_closing: false, .. } => in_cell_styles = true,
            Event::End { name: "cellXfs" } => in_cell_styles = false,
            Event::Start { name: "xf", attributes, .. } if in_cell_styles => {
                style_ids.push(attributes.get("numFmtId").and_then(|id| id.trim().parse().ok()).unwrap_or(0));
            }
            _ => {}
        }
    }
    style_ids.into_iter().map(|id| custom.get(&id).copied().unwrap_or_else(|| built_in_format(id))).collect()
}

/// The built-in number formats (ECMA-376 18.8.30) that show dates or times:
/// 14-22 and 45-47, and the East Asian date formats 27-36 and 50-58.
pub(super) fn built_in_format(id: u32) -> CellFormat {
    match id {
        14..=22 | 27..=36 | 45 | 47 | 50..=58 => CellFormat::Date,
        46 => CellFormat::Duration,
        _ => CellFormat::Number,
    }
}

/// A custom format code shows a date when its first section uses a day,
/// month, year, hour or second token outside quoted text, escapes and
/// brackets; an elapsed-time bracket (`[h]`, `[mm]`, `[ss]`) makes it a duration.
pub(super) fn format_of_code(code: &str) -> CellFormat {
    let mut characters = code.chars();
    while let Some(character) = characters.next() {
        match character {
            // The next character is literal (`\-`), a width (`_)`) or a fill (`* `).
            '\\' | '_' | '*' => {
                characters.next();
            }
            '"' => {
                for quoted in characters.by_ref() {
                    if quoted == '"' {
                        break;
                    }
                }
            }
            '[' => {
                let inside: String = characters.by_ref().take_while(|c| *c != ']').collect();
                let lower = inside.to_ascii_lowercase();
                if !lower.is_empty()
                    && ["h", "m", "s"].iter().any(|unit| lower.chars().all(|c| c.to_string() == *unit))
                {
                    return CellFormat::Duration;
                }
            }
            ';' => break,
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return CellFormat::Date,
            _ => {}
        }
    }
    CellFormat::Number
}

//! The compact text form of the reference table that ships inside the app.
//!
//! Microsoft's CSV repeats the product name, String_Id and GUID on every one of its
//! ~6,000 rows and the plan names on every product that includes them. The compact
//! form stores each distinct (plan name, plan id, friendly name) triple once and
//! each run of rows of one product once with the numbers of its triples, so the exact
//! row sequence of the CSV (cell values untouched, quirks included) can be rebuilt.
//!
//! The text is gzipped with the app, so it is laid out for gzip: column by column
//! (plan names next to plan names compress better than rows of mixed cells), GUIDs
//! without their dashes, and the first use of a triple, which is always the next
//! number, written `+` (triples are numbered in the order the rows first use them).
//! This took the catalog from 66.6 to 58.2 KB gzipped.
//!
//! ```text
//! csp-planner catalog compact v2<TAB><triple count><TAB><product count><TAB><source label>
//! <plan name>         one line per triple, numbered from 0
//! <plan id>           one line per triple, same order
//! <friendly name>     one line per triple, same order
//! <display name>      one line per run of rows of one product
//! <String_Id>         one line per run, same order
//! <GUID>              one line per run, same order
//! <triple numbers>    one line per run, space-separated; `+` is the next unused number
//! ```
//! Cells are escaped (`\\`, `\t`, `\n`, `\r`) so a tab or newline inside a cell
//! (the CSV has a String_Id ending in a tab) survives. A GUID cell that is a GUID in
//! lower case is written as its 32 hex digits; any other GUID cell (the CSV has one
//! ending in a no-break space) is written `=` and the cell.

use std::collections::HashMap;

use super::ReferenceRow;

const MAGIC: &str = "csp-planner catalog compact v2";
/// Stands for the next triple number no earlier run used.
const NEXT_UNUSED: &str = "+";

/// Where the compact text is malformed; only a corrupted build can produce this.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("compact catalog, line {line}: {problem}")]
pub struct CompactError {
    pub line: usize,
    pub problem: String,
}

/// Writes rows in the compact form (used by the generator test that rewrites
/// `data/catalog.compact.txt` from the CSV).
pub fn encode(rows: &[ReferenceRow], source_label: &str) -> String {
    let mut triple_numbers: HashMap<(&str, &str, &str), usize> = HashMap::new();
    let mut triples: Vec<(&str, &str, &str)> = Vec::new();
    let mut runs: Vec<(&ReferenceRow, String)> = Vec::new();
    let mut index = 0;
    while index < rows.len() {
        let first = &rows[index];
        let mut numbers: Vec<String> = Vec::new();
        while index < rows.len() && same_product(&rows[index], first) {
            let row = &rows[index];
            let key = (
                row.service_plan_name.as_str(),
                row.service_plan_id.as_str(),
                row.service_plan_friendly_name.as_str(),
            );
            match triple_numbers.get(&key) {
                Some(number) => numbers.push(number.to_string()),
                None => {
                    triple_numbers.insert(key, triples.len());
                    triples.push(key);
                    numbers.push(NEXT_UNUSED.to_string());
                }
            }
            index += 1;
        }
        runs.push((first, numbers.join(" ")));
    }
    let mut text = format!("{MAGIC}\t{}\t{}\t{}\n", triples.len(), runs.len(), escape(source_label));
    let mut push_column = |cells: &mut dyn Iterator<Item = String>| {
        for cell in cells {
            text.push_str(&cell);
            text.push('\n');
        }
    };
    push_column(&mut triples.iter().map(|triple| escape(triple.0)));
    push_column(&mut triples.iter().map(|triple| encode_guid(triple.1)));
    push_column(&mut triples.iter().map(|triple| escape(triple.2)));
    push_column(&mut runs.iter().map(|(row, _)| escape(&row.product_display_name)));
    push_column(&mut runs.iter().map(|(row, _)| escape(&row.string_id)));
    push_column(&mut runs.iter().map(|(row, _)| encode_guid(&row.guid)));
    push_column(&mut runs.iter().map(|(_, numbers)| numbers.clone()));
    text
}

fn same_product(a: &ReferenceRow, b: &ReferenceRow) -> bool {
    a.product_display_name == b.product_display_name && a.string_id == b.string_id && a.guid == b.guid
}

/// Rebuilds the rows and the source label from the compact form.
pub fn decode(text: &str) -> Result<(Vec<ReferenceRow>, String), CompactError> {
    let lines: Vec<&str> = text.lines().collect();
    let header_error = || CompactError {
        line: 1,
        problem: format!("expected the header `{MAGIC}`, the triple count, the product count, the label"),
    };
    let header: Vec<&str> = lines.first().map(|header| header.splitn(4, '\t').collect()).unwrap_or_default();
    let [MAGIC, triple_count, run_count, label] = header[..] else {
        return Err(header_error());
    };
    let (Ok(triple_count), Ok(run_count)) = (triple_count.parse::<usize>(), run_count.parse::<usize>())
    else {
        return Err(header_error());
    };
    let mut next_line = 1;
    let mut column = |count: usize| column(&lines, &mut next_line, count);
    let plan_names = column(triple_count)?;
    let plan_ids = column(triple_count)?;
    let friendly_names = column(triple_count)?;
    let display_names = column(run_count)?;
    let string_ids = column(run_count)?;
    let guids = column(run_count)?;
    let number_lists = column(run_count)?;
    let mut triples: Vec<[String; 3]> = Vec::with_capacity(triple_count);
    for index in 0..triple_count {
        triples.push([
            unescape(plan_names.1[index]),
            decode_guid(plan_ids.1[index], plan_ids.0 + index)?,
            unescape(friendly_names.1[index]),
        ]);
    }
    let mut rows = Vec::new();
    let mut next_unused = 0;
    for index in 0..run_count {
        let line_number = number_lists.0 + index;
        let display = unescape(display_names.1[index]);
        let string_id = unescape(string_ids.1[index]);
        let guid = decode_guid(guids.1[index], guids.0 + index)?;
        for number in number_lists.1[index].split(' ').filter(|number| !number.is_empty()) {
            let triple_number = if number == NEXT_UNUSED {
                next_unused += 1;
                Some(next_unused - 1)
            } else {
                number.parse::<usize>().ok()
            };
            let triple = triple_number.and_then(|number| triples.get(number)).ok_or_else(|| {
                CompactError { line: line_number, problem: format!("no plan number {number}") }
            })?;
            rows.push(ReferenceRow {
                product_display_name: display.clone(),
                string_id: string_id.clone(),
                guid: guid.clone(),
                service_plan_name: triple[0].clone(),
                service_plan_id: triple[1].clone(),
                service_plan_friendly_name: triple[2].clone(),
                line: 0,
            });
        }
    }
    Ok((rows, unescape(label)))
}

/// The next `count` lines of the text from `next_line` (0-based): the 1-based number of
/// the first and the cells.
fn column<'text>(
    lines: &[&'text str],
    next_line: &mut usize,
    count: usize,
) -> Result<(usize, Vec<&'text str>), CompactError> {
    let first = *next_line;
    *next_line += count;
    match lines.get(first..*next_line) {
        Some(cells) => Ok((first + 1, cells.to_vec())),
        None => Err(CompactError {
            line: lines.len(),
            problem: format!("the text ends before line {}", *next_line),
        }),
    }
}

/// Lengths of the five groups of hex digits of a GUID.
const GUID_GROUPS: [usize; 5] = [8, 4, 4, 4, 12];

fn encode_guid(cell: &str) -> String {
    let groups: Vec<&str> = cell.split('-').collect();
    let canonical = groups.len() == GUID_GROUPS.len()
        && groups.iter().zip(GUID_GROUPS).all(|(group, length)| {
            group.len() == length && group.bytes().all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'))
        });
    if canonical {
        groups.concat()
    } else {
        format!("={}", escape(cell))
    }
}

fn decode_guid(cell: &str, line: usize) -> Result<String, CompactError> {
    if let Some(verbatim) = cell.strip_prefix('=') {
        return Ok(unescape(verbatim));
    }
    if cell.len() != 32 || !cell.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        return Err(CompactError { line, problem: "expected 32 hex digits or `=` and a cell".into() });
    }
    let mut guid = String::with_capacity(36);
    let mut start = 0;
    for (group, length) in GUID_GROUPS.iter().enumerate() {
        if group > 0 {
            guid.push('-');
        }
        guid.push_str(&cell[start..start + length]);
        start += length;
    }
    Ok(guid)
}

fn escape(cell: &str) -> String {
    let mut escaped = String::with_capacity(cell.len());
    for character in cell.chars() {
        match character {
            '\\' => escaped.push_str("\\\\"),
            '\t' => escaped.push_str("\\t"),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            other => escaped.push(other),
        }
    }
    escaped
}

fn unescape(cell: &str) -> String {
    if !cell.contains('\\') {
        return cell.to_string();
    }
    let mut unescaped = String::with_capacity(cell.len());
    let mut characters = cell.chars();
    while let Some(character) = characters.next() {
        if character != '\\' {
            unescaped.push(character);
            continue;
        }
        match characters.next() {
            Some('t') => unescaped.push('\t'),
            Some('n') => unescaped.push('\n'),
            Some('r') => unescaped.push('\r'),
            Some(other) => unescaped.push(other),
            None => unescaped.push('\\'),
        }
    }
    unescaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, string_id: &str, plan: &str) -> ReferenceRow {
        ReferenceRow {
            product_display_name: name.into(),
            string_id: string_id.into(),
            guid: "6fd2c87f-b296-42f0-b197-1e91e994b900".into(),
            service_plan_name: plan.into(),
            service_plan_id: "113feb6c-3fe4-4440-bddc-54d774bf0318".into(),
            service_plan_friendly_name: "Exchange\u{a0}Foundation".into(),
            line: 0,
        }
    }

    #[test]
    fn rows_survive_a_round_trip_with_tabs_backslashes_and_nbsp() {
        let rows = vec![
            row("Office 365 E3", "ENTERPRISEPACK\t", "A\\B"),
            row("Office 365 E3", "ENTERPRISEPACK\t", "C"),
            row("X", "Y", "A\\B"),
        ];
        let (decoded, label) = decode(&encode(&rows, "label\twith tab")).expect("valid compact text");
        assert_eq!(decoded, rows);
        assert_eq!(label, "label\twith tab");
    }

    #[test]
    fn guid_cells_that_are_not_lower_case_guids_survive_verbatim() {
        let mut rows = vec![row("A", "B", "C")];
        rows[0].guid = "6FD2C87F-B296-42F0-B197-1E91E994B900".into();
        rows[0].service_plan_id = "113feb6c-3fe4-4440-bddc-54d774bf0318\u{a0}".into();
        let (decoded, _) = decode(&encode(&rows, "label")).expect("valid compact text");
        assert_eq!(decoded, rows);
    }

    #[test]
    fn a_bad_plan_number_says_where() {
        let guid = "6fd2c87fb29642f0b1971e91e994b900";
        let text = format!("{MAGIC}\t1\t1\tx\na\n{guid}\nc\nP\nS\n{guid}\n+ 7\n");
        assert_eq!(decode(&text).unwrap_err().line, 8);
    }

    #[test]
    fn a_text_cut_short_is_an_error() {
        let text = format!("{MAGIC}\t1\t1\tx\na\n");
        assert!(decode(&text).is_err());
        assert!(decode("csp-planner catalog compact v1\tx\n").is_err());
    }
}

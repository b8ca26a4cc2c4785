//! The compact text form of the reference table that ships inside the app.
//!
//! Microsoft's CSV repeats the product name, String_Id and GUID on every one of its
//! ~6,000 rows and the plan names on every product that includes them. The compact
//! form stores each distinct (plan name, plan id, friendly name) triple once and
//! each run of rows of one product as one line listing triple numbers, so the exact
//! row sequence of the CSV (cell values untouched, quirks included) can be rebuilt.
//!
//! ```text
//! csp-planner catalog compact v1<TAB><source label>
//! <plan name><TAB><plan id><TAB><friendly name>      one line per triple, numbered from 0
//! %
//! <display name><TAB><String_Id><TAB><GUID><TAB><triple numbers, space-separated>
//! ```
//! Cells are escaped (`\\`, `\t`, `\n`, `\r`) so a tab or newline inside a cell
//! (the CSV has a String_Id ending in a tab) survives.

use std::collections::HashMap;

use super::ReferenceRow;

const MAGIC: &str = "csp-planner catalog compact v1";

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
    let mut triples_text = String::new();
    for row in rows {
        let key = (
            row.service_plan_name.as_str(),
            row.service_plan_id.as_str(),
            row.service_plan_friendly_name.as_str(),
        );
        if !triple_numbers.contains_key(&key) {
            triple_numbers.insert(key, triple_numbers.len());
            triples_text.push_str(&format!("{}\t{}\t{}\n", escape(key.0), escape(key.1), escape(key.2)));
        }
    }
    let mut text = format!("{MAGIC}\t{}\n{triples_text}%\n", escape(source_label));
    let mut index = 0;
    while index < rows.len() {
        let first = &rows[index];
        let mut numbers = Vec::new();
        while index < rows.len() && same_product(&rows[index], first) {
            let row = &rows[index];
            let key = (
                row.service_plan_name.as_str(),
                row.service_plan_id.as_str(),
                row.service_plan_friendly_name.as_str(),
            );
            numbers.push(triple_numbers.get(&key).copied().unwrap_or_default().to_string());
            index += 1;
        }
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            escape(&first.product_display_name),
            escape(&first.string_id),
            escape(&first.guid),
            numbers.join(" ")
        ));
    }
    text
}

fn same_product(a: &ReferenceRow, b: &ReferenceRow) -> bool {
    a.product_display_name == b.product_display_name && a.string_id == b.string_id && a.guid == b.guid
}

/// Rebuilds the rows and the source label from the compact form.
pub fn decode(text: &str) -> Result<(Vec<ReferenceRow>, String), CompactError> {
    let mut lines = text.lines().enumerate().map(|(index, line)| (index + 1, line));
    let source_label = match lines.next() {
        Some((_, header)) => match header.split_once('\t') {
            Some((MAGIC, label)) => unescape(label),
            _ => return Err(CompactError { line: 1, problem: format!("expected the header `{MAGIC}`") }),
        },
        None => return Err(CompactError { line: 1, problem: "empty text".into() }),
    };
    let mut triples: Vec<[String; 3]> = Vec::new();
    let mut rows = Vec::new();
    let mut in_products = false;
    for (line_number, line) in lines {
        if !in_products {
            if line == "%" {
                in_products = true;
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let [name, id, friendly] = cells[..] else {
                return Err(CompactError { line: line_number, problem: "a plan line needs 3 cells".into() });
            };
            triples.push([unescape(name), unescape(id), unescape(friendly)]);
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let [display, string_id, guid, numbers] = cells[..] else {
            return Err(CompactError { line: line_number, problem: "a product line needs 4 cells".into() });
        };
        let (display, string_id, guid) = (unescape(display), unescape(string_id), unescape(guid));
        for number in numbers.split(' ').filter(|number| !number.is_empty()) {
            let triple =
                number.parse::<usize>().ok().and_then(|number| triples.get(number)).ok_or_else(|| {
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
    Ok((rows, source_label))
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
    fn a_bad_plan_number_says_where() {
        let text = format!("{MAGIC}\tx\na\tb\tc\n%\nP\tS\tG\t0 7\n");
        assert_eq!(decode(&text).unwrap_err().line, 4);
    }
}

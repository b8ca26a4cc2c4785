//! Reading Microsoft's reference CSV, with errors that say which line and field.

use super::{clean_cell, ReferenceRow};

/// The columns of the reference table, in the order `ReferenceRow` stores them.
const COLUMNS: [&str; 6] = [
    "Product_Display_Name",
    "String_Id",
    "GUID",
    "Service_Plan_Name",
    "Service_Plan_Id",
    "Service_Plans_Included_Friendly_Names",
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    #[error("the file is empty")]
    Empty,
    #[error("line 1: the column `{column}` is missing (expected {expected})")]
    MissingColumn { column: &'static str, expected: String },
    #[error("line {line}: {problem}")]
    Unreadable { line: u64, problem: String },
    #[error("line {line}, field {field} (`{column}`): {problem}")]
    BadField { line: u64, field: usize, column: &'static str, problem: String },
    #[error("the file has a header but no product rows")]
    NoRows,
}

pub(super) fn parse_rows(text: &str) -> Result<Vec<ReferenceRow>, CatalogError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CatalogError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|error| CatalogError::Unreadable { line: 1, problem: error.to_string() })?
        .clone();
    let mut positions = [0usize; 6];
    for (slot, column) in positions.iter_mut().zip(COLUMNS) {
        *slot = headers
            .iter()
            .position(|header| clean_cell(header).eq_ignore_ascii_case(column))
            .ok_or_else(|| CatalogError::MissingColumn { column, expected: COLUMNS.join(", ") })?;
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| CatalogError::Unreadable {
            line: error.position().map(|position| position.line()).unwrap_or_default(),
            problem: error.to_string(),
        })?;
        let line = record.position().map(|position| position.line()).unwrap_or_default();
        if record.iter().all(|cell| clean_cell(cell).is_empty()) {
            continue;
        }
        let mut cells: [String; 6] = Default::default();
        for ((cell, &position), column) in cells.iter_mut().zip(&positions).zip(COLUMNS) {
            let value = record.get(position).ok_or_else(|| CatalogError::BadField {
                line,
                field: position + 1,
                column,
                problem: "the row is too short".into(),
            })?;
            let required = matches!(column, "Product_Display_Name" | "GUID" | "Service_Plan_Id");
            if required && clean_cell(value).is_empty() {
                return Err(CatalogError::BadField {
                    line,
                    field: position + 1,
                    column,
                    problem: "empty".into(),
                });
            }
            if matches!(column, "GUID" | "Service_Plan_Id") && !is_guid(&clean_cell(value)) {
                return Err(CatalogError::BadField {
                    line,
                    field: position + 1,
                    column,
                    problem: format!("`{}` is not a GUID", clean_cell(value)),
                });
            }
            *cell = value.to_string();
        }
        let [product_display_name, string_id, guid, service_plan_name, service_plan_id, service_plan_friendly_name] =
            cells;
        rows.push(ReferenceRow {
            product_display_name,
            string_id,
            guid,
            service_plan_name,
            service_plan_id,
            service_plan_friendly_name,
            line: usize::try_from(line).unwrap_or(usize::MAX),
        });
    }
    if rows.is_empty() {
        return Err(CatalogError::NoRows);
    }
    Ok(rows)
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits.
pub fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(group, length)| {
            group.len() == length && group.chars().all(|character| character.is_ascii_hexdigit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names\n";

    #[test]
    fn a_bad_guid_names_its_line_and_field() {
        let text = format!("{HEADER}Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,TEAMS1,57ff2da0-773e-42df-b2af-ffb7a2317929,Microsoft Teams\nX,Y,not-a-guid,P,57ff2da0-773e-42df-b2af-ffb7a2317929,F\n");
        let error = parse_rows(&text).unwrap_err();
        assert_eq!(
            error,
            CatalogError::BadField {
                line: 3,
                field: 3,
                column: "GUID",
                problem: "`not-a-guid` is not a GUID".into()
            }
        );
        assert_eq!(error.to_string(), "line 3, field 3 (`GUID`): `not-a-guid` is not a GUID");
    }

    #[test]
    fn a_missing_column_is_named() {
        let error = parse_rows("Product_Display_Name,GUID\nA,B\n").unwrap_err();
        assert!(matches!(error, CatalogError::MissingColumn { column: "String_Id", .. }));
    }

    #[test]
    fn columns_may_come_in_any_order_with_a_bom() {
        let text = "\u{feff}GUID,String_Id,Product_Display_Name,Service_Plan_Id,Service_Plan_Name,Service_Plans_Included_Friendly_Names\n6FD2C87F-B296-42F0-B197-1E91E994B900,ENTERPRISEPACK,Office 365 E3,57ff2da0-773e-42df-b2af-ffb7a2317929,TEAMS1,Microsoft Teams\n";
        let rows = parse_rows(text).expect("valid table");
        assert_eq!(rows[0].product_display_name, "Office 365 E3");
        assert_eq!(rows[0].line, 2);
    }
}

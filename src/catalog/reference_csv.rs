//! Reading Microsoft's reference CSV, with errors that say which line and field.

use super::{clean_cell, ReferenceRow};
use crate::i18n::template::fill;
use crate::i18n::Lang;

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
    BadField { line: u64, field: usize, column: &'static str, problem: FieldProblem },
    #[error("the file has a header but no product rows")]
    NoRows,
}

/// What is wrong with one field of the reference table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldProblem {
    #[error("the row is too short")]
    Missing,
    #[error("empty")]
    Empty,
    #[error("`{0}` is not a GUID")]
    NotAGuid(String),
}

impl CatalogError {
    /// The error as a sentence in `lang`, for the interface and the command line.
    /// The CSV reader's own description of a malformed line is English, so the
    /// French sentence says what it means without quoting it.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CatalogError::Empty => lang.pick("the file is empty", "le fichier est vide").to_string(),
            CatalogError::MissingColumn { column, expected } => fill(
                lang.pick(
                    "line 1: the column `{column}` is missing (expected {expected})",
                    "ligne 1 : la colonne `{column}` manque (attendu : {expected})",
                ),
                &[("column", column), ("expected", expected)],
            ),
            CatalogError::Unreadable { line, problem } => match lang {
                Lang::En => format!("line {line}: {problem}"),
                Lang::Fr => format!("ligne {line} : la ligne n’est pas du CSV valide"),
            },
            CatalogError::BadField { line, field, column, problem } => {
                let problem = match problem {
                    FieldProblem::Missing => {
                        lang.pick("the row is too short", "la ligne est trop courte").to_string()
                    }
                    FieldProblem::Empty => lang.pick("empty", "vide").to_string(),
                    FieldProblem::NotAGuid(value) => fill(
                        lang.pick("`{value}` is not a GUID", "`{value}` n’est pas un GUID"),
                        &[("value", value)],
                    ),
                };
                fill(
                    lang.pick(
                        "line {line}, field {field} (`{column}`): {problem}",
                        "ligne {line}, champ {field} (`{column}`) : {problem}",
                    ),
                    &[
                        ("line", &line.to_string()),
                        ("field", &field.to_string()),
                        ("column", column),
                        ("problem", &problem),
                    ],
                )
            }
            CatalogError::NoRows => lang
                .pick(
                    "the file has a header but no product rows",
                    "le fichier a un en-tête mais aucune ligne de produit",
                )
                .to_string(),
        }
    }
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
                problem: FieldProblem::Missing,
            })?;
            let required = matches!(column, "Product_Display_Name" | "GUID" | "Service_Plan_Id");
            if required && clean_cell(value).is_empty() {
                return Err(CatalogError::BadField {
                    line,
                    field: position + 1,
                    column,
                    problem: FieldProblem::Empty,
                });
            }
            if matches!(column, "GUID" | "Service_Plan_Id") && !is_guid(&clean_cell(value)) {
                return Err(CatalogError::BadField {
                    line,
                    field: position + 1,
                    column,
                    problem: FieldProblem::NotAGuid(clean_cell(value).to_string()),
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
                problem: FieldProblem::NotAGuid("not-a-guid".into())
            }
        );
        assert_eq!(error.to_string(), "line 3, field 3 (`GUID`): `not-a-guid` is not a GUID");
        assert_eq!(error.message(Lang::En), error.to_string());
        assert_eq!(error.message(Lang::Fr), "ligne 3, champ 3 (`GUID`) : `not-a-guid` n’est pas un GUID");
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

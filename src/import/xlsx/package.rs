//! The workbook package: the parts of the archive, their relationships, the
//! workbook's sheet list and date system, and a part's text.

use std::borrow::Cow;
use std::collections::HashMap;

use super::super::error::WorkbookProblem;
use super::shared_strings::read_shared_strings;
use super::styles::{read_cell_formats, CellFormat};
use super::xml::{Event, Scanner};
use super::zip::Archive;

pub(super) struct SheetEntry {
    pub(super) name: String,
    /// The worksheet part; `None` when the workbook points nowhere.
    pub(super) part: Option<String>,
}

pub(super) struct Workbook<'a> {
    archive: Archive<'a>,
    /// The folder of the workbook part (`xl/`), where its relationships point from.
    folder: String,
    relationships: HashMap<String, Relationship>,
    pub(super) sheets: Vec<SheetEntry>,
    /// `workbookPr date1904`: serial dates count from 1904 (old Mac workbooks).
    pub(super) date_1904: bool,
}

pub(super) struct Relationship {
    kind: String,
    part: String,
}

impl<'a> Workbook<'a> {
    pub(super) fn open(bytes: &'a [u8]) -> Result<Workbook<'a>, WorkbookProblem> {
        let archive = Archive::open(bytes)?;
        let workbook_part = office_document(&archive)?;
        if workbook_part.ends_with(".bin") {
            return Err(WorkbookProblem::BinaryWorkbook);
        }
        let text = text_of(&archive, &workbook_part)?
            .ok_or_else(|| WorkbookProblem::MissingPart { part: workbook_part.clone() })?;
        let folder = folder_of(&workbook_part).to_owned();
        let relationships = relationships_of(&archive, &workbook_part)?;
        let mut sheets = Vec::new();
        let mut date_1904 = false;
        for event in Scanner::new(&text) {
            let Event::Start { name, attributes, .. } = event else { continue };
            match name {
                "sheet" => {
                    let sheet_name = attributes
                        .value("name")
                        .map(Cow::into_owned)
                        .unwrap_or_else(|| format!("Sheet{}", sheets.len() + 1));
                    let part = attributes
                        .get("id")
                        .and_then(|id| relationships.get(id))
                        .map(|relationship| relationship.part.clone())
                        .or_else(|| {
                            // No relationship: the name every writer gives the n-th sheet.
                            let guess = format!("{folder}worksheets/sheet{}.xml", sheets.len() + 1);
                            archive.contains(&guess).then_some(guess)
                        });
                    sheets.push(SheetEntry { name: sheet_name, part });
                }
                "workbookPr" => date_1904 = matches!(attributes.get("date1904"), Some("1" | "true" | "on")),
                _ => {}
            }
        }
        if sheets.is_empty() {
            return Err(WorkbookProblem::NoSheet);
        }
        Ok(Workbook { archive, folder, relationships, sheets, date_1904 })
    }

    pub(super) fn text(&self, part: &str) -> Result<Option<String>, WorkbookProblem> {
        text_of(&self.archive, part)
    }

    /// The part a relationship of this type points to, else the usual name.
    fn part_of_kind(&self, kind: &str, usual: &str) -> String {
        let mut parts: Vec<&Relationship> =
            self.relationships.values().filter(|relationship| relationship.kind == kind).collect();
        crate::sorting::sort_by(&mut parts, |a, b| a.part.cmp(&b.part));
        parts
            .first()
            .map_or_else(|| format!("{}{usual}", self.folder), |relationship| relationship.part.clone())
    }

    pub(super) fn shared_strings(&self) -> Result<Vec<String>, WorkbookProblem> {
        let part = self.part_of_kind("sharedStrings", "sharedStrings.xml");
        Ok(self.text(&part)?.map(|text| read_shared_strings(&text)).unwrap_or_default())
    }

    pub(super) fn cell_formats(&self) -> Result<Vec<CellFormat>, WorkbookProblem> {
        let part = self.part_of_kind("styles", "styles.xml");
        Ok(self.text(&part)?.map(|text| read_cell_formats(&text)).unwrap_or_default())
    }
}

/// The workbook part named by the package relationships (`xl/workbook.xml` in practice).
pub(super) fn office_document(archive: &Archive<'_>) -> Result<String, WorkbookProblem> {
    let from_relationships = relationships_of(archive, "")?
        .into_values()
        .find(|relationship| relationship.kind == "officeDocument")
        .map(|relationship| relationship.part)
        .filter(|part| archive.contains(part));
    Ok(from_relationships.unwrap_or_else(|| {
        if !archive.contains("xl/workbook.xml") && archive.contains("xl/workbook.bin") {
            "xl/workbook.bin".to_owned()
        } else {
            "xl/workbook.xml".to_owned()
        }
    }))
}

/// `xl/workbook.xml` -> `xl/`.
pub(super) fn folder_of(part: &str) -> &str {
    part.rfind('/').map_or("", |at| &part[..=at])
}

/// The relationships of a part (`""`: of the package), by id, with their
/// targets resolved to part names.
pub(super) fn relationships_of(
    archive: &Archive<'_>,
    part: &str,
) -> Result<HashMap<String, Relationship>, WorkbookProblem> {
    let folder = folder_of(part);
    let file = &part[folder.len()..];
    let Some(text) = text_of(archive, &format!("{folder}_rels/{file}.rels"))? else {
        return Ok(HashMap::new());
    };
    let mut relationships = HashMap::new();
    for event in Scanner::new(&text) {
        let Event::Start { name: "Relationship", attributes, .. } = event else { continue };
        let (Some(id), Some(target)) = (attributes.value("Id"), attributes.value("Target")) else { continue };
        if attributes.get("TargetMode") == Some("External") {
            continue;
        }
        let kind = attributes
            .value("Type")
            .map(|kind| kind.rsplit('/').next().unwrap_or_default().to_owned())
            .unwrap_or_default();
        relationships.insert(id.into_owned(), Relationship { kind, part: resolve(folder, &target) });
    }
    Ok(relationships)
}

/// A relationship target as a part name: absolute (`/xl/...`) or relative
/// to the source's folder, with `.` and `..` segments applied.
pub(super) fn resolve(folder: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("{folder}{target}"),
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in joined.split(['/', '\\']) {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    segments.join("/")
}

/// A part as text: UTF-8 (with or without a byte order mark), or UTF-16 with one.
pub(super) fn text_of(archive: &Archive<'_>, part: &str) -> Result<Option<String>, WorkbookProblem> {
    let Some(bytes) = archive.read(part)? else { return Ok(None) };
    let utf16 = |big_endian: bool| {
        let units = bytes[2..].chunks_exact(2).map(|pair| {
            if big_endian {
                u16::from_be_bytes([pair[0], pair[1]])
            } else {
                u16::from_le_bytes([pair[0], pair[1]])
            }
        });
        char::decode_utf16(units).map(|unit| unit.unwrap_or(char::REPLACEMENT_CHARACTER)).collect::<String>()
    };
    let text = if bytes.starts_with(b"\xFF\xFE") {
        utf16(false)
    } else if bytes.starts_with(b"\xFE\xFF") {
        utf16(true)
    } else if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(body).into_owned()
    } else {
        String::from_utf8(bytes)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
    };
    Ok(Some(text))
}

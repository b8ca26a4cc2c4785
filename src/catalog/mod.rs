//! The product catalog: Microsoft's "Product names and service plan identifiers for
//! licensing" table (one row per product x service plan), indexed for lookups, and
//! the list of free / viral / trial SKUs that are never migrated.
//!
//! The built-in copy ships in a compact form (`data/catalog.compact.txt`, see
//! [`compact`]); a newer CSV loaded at run time replaces it through
//! [`Catalog::from_reference_csv`].

pub mod compact;
mod reference_csv;
mod terms;
pub mod workloads;

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

pub use reference_csv::{is_guid, CatalogError, FieldProblem};
pub use terms::has_three_year_term;
pub use workloads::CoreWorkload;

/// The built-in reference table, in compact form.
const BUILTIN_COMPACT: &str = include_str!("../../data/catalog.compact.txt");
/// The exclude list of free / viral / trial SKUs (CIPP's `ExcludeSkuList.json`).
const BUILTIN_EXCLUDE_LIST: &str = include_str!("../../data/cipp-ExcludeSkuList.json");
/// The day the shared copy of the reference CSV was taken: the CSV carries no date.
pub const BUILTIN_REFERENCE_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 24) {
    Some(date) => date,
    None => panic!("invalid built-in reference date"), // evaluated at compile time
};

/// One row of the reference CSV, cells exactly as written (quirks included).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReferenceRow {
    pub product_display_name: String,
    pub string_id: String,
    pub guid: String,
    pub service_plan_name: String,
    pub service_plan_id: String,
    pub service_plan_friendly_name: String,
    /// 1-based line in the CSV; 0 when the row comes from the compact form.
    pub line: usize,
}

/// A service plan inside a product (Exchange Online (Plan 2), Microsoft Teams, ...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ServicePlan {
    /// `Service_Plan_Name`, e.g. `TEAMS1`.
    pub name: String,
    /// `Service_Plan_Id`, a GUID in lower case.
    pub id: String,
    /// `Service_Plans_Included_Friendly_Names`, e.g. `Microsoft Teams`.
    pub friendly_name: String,
}

/// A licensable product (a SKU).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// SKU GUID in lower case (Graph `skuId`).
    pub sku_id: String,
    /// `String_Id` / `skuPartNumber`, cleaned of stray spaces.
    pub sku_part_number: String,
    /// The first display name the table gives this GUID.
    pub name: String,
    /// Other display names the table gives the same GUID (renamed products).
    pub other_names: Vec<String>,
    pub service_plans: Vec<ServicePlan>,
    /// Bit set of the core workloads (see [`CoreWorkload::bit`]).
    pub core_workloads: u8,
}

impl Product {
    pub fn has_workload(&self, workload: CoreWorkload) -> bool {
        self.core_workloads & workload.bit() != 0
    }
}

/// A SKU that is never migrated (free, viral, trial).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedSku {
    #[serde(rename = "GUID")]
    pub sku_id: String,
    #[serde(rename = "Product_Display_Name")]
    pub name: String,
}

/// Products indexed by GUID, String_Id and display name.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    products: Vec<Product>,
    by_sku_id: HashMap<String, usize>,
    by_part_number: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    excluded: HashMap<String, ExcludedSku>,
    source_label: String,
    reference_date: Option<NaiveDate>,
    row_count: usize,
}

/// How the built-in catalog's `source_label` starts; files and JSON keep it as is,
/// documents show it through [`catalog_label`].
const BUILTIN_LABEL_PREFIX: &str = "built-in, ";

/// A catalog's `source_label` as a reader of `lang` should see it: the built-in
/// catalog's label is translated, a loaded file's name is shown as it is.
pub fn catalog_label(source_label: &str, lang: Lang) -> String {
    match source_label.strip_prefix(BUILTIN_LABEL_PREFIX) {
        Some(date) => {
            // The date in words, like every other date the reader sees.
            let date =
                date.parse().map_or_else(|_| date.to_string(), |date| crate::i18n::format::date(date, lang));
            format!("{}{date}", lang.pick("built-in, ", "intégré, "))
        }
        None => source_label.to_string(),
    }
}

impl Catalog {
    /// The catalog built into the app, decoded once.
    pub fn builtin() -> &'static Catalog {
        static BUILTIN: OnceLock<Catalog> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let label = format!("{BUILTIN_LABEL_PREFIX}{BUILTIN_REFERENCE_DATE}");
            // The compact text is generated and checked by tests at build time; if it
            // were ever corrupted the app still starts, with an empty catalog saying so.
            let rows = compact::decode(BUILTIN_COMPACT).map(|(rows, _)| rows).unwrap_or_default();
            let mut catalog = Catalog::from_rows(&rows, label);
            catalog.reference_date = Some(BUILTIN_REFERENCE_DATE);
            catalog
        })
    }

    /// Reads a copy of Microsoft's CSV (e.g. a newer one the user loads). The
    /// built-in exclude list is kept.
    pub fn from_reference_csv(text: &str) -> Result<Catalog, CatalogError> {
        let rows = reference_csv::parse_rows(text)?;
        Ok(Catalog::from_rows(&rows, "loaded copy".to_string()))
    }

    /// Reads the rows of a reference CSV without indexing them (the compact-form
    /// generator and its test use this).
    pub fn parse_reference_rows(text: &str) -> Result<Vec<ReferenceRow>, CatalogError> {
        reference_csv::parse_rows(text)
    }

    /// Builds the indexes from rows; a GUID seen under several names or String_Ids
    /// is one product.
    pub fn from_rows(rows: &[ReferenceRow], source_label: String) -> Catalog {
        let mut catalog = Catalog { source_label, row_count: rows.len(), ..Catalog::default() };
        for row in rows {
            let sku_id = clean_cell(&row.guid).to_ascii_lowercase();
            let name = clean_cell(&row.product_display_name);
            let product_index = match catalog.by_sku_id.get(&sku_id) {
                Some(&index) => index,
                None => {
                    catalog.products.push(Product {
                        sku_id: sku_id.clone(),
                        sku_part_number: clean_cell(&row.string_id),
                        name: name.clone(),
                        other_names: Vec::new(),
                        service_plans: Vec::new(),
                        core_workloads: 0,
                    });
                    catalog.by_sku_id.insert(sku_id, catalog.products.len() - 1);
                    catalog.products.len() - 1
                }
            };
            let product = &mut catalog.products[product_index];
            if product.name != name && !product.other_names.contains(&name) {
                product.other_names.push(name);
            }
            let plan_id = clean_cell(&row.service_plan_id).to_ascii_lowercase();
            if !product.service_plans.iter().any(|plan| plan.id == plan_id) {
                product.core_workloads |= workloads::workloads_of_plan(&row.service_plan_name);
                product.service_plans.push(ServicePlan {
                    name: clean_cell(&row.service_plan_name),
                    id: plan_id,
                    friendly_name: clean_cell(&row.service_plan_friendly_name),
                });
            }
        }
        for (index, product) in catalog.products.iter().enumerate() {
            push_unique(
                catalog.by_part_number.entry(lookup_key(&product.sku_part_number)).or_default(),
                index,
            );
            for name in std::iter::once(&product.name).chain(&product.other_names) {
                push_unique(catalog.by_name.entry(lookup_key(name)).or_default(), index);
            }
        }
        // Raw String_Ids (a String_Id may sit on two GUIDs) index every product that uses them.
        for row in rows {
            if let Some(&index) = catalog.by_sku_id.get(&clean_cell(&row.guid).to_ascii_lowercase()) {
                push_unique(catalog.by_part_number.entry(lookup_key(&row.string_id)).or_default(), index);
            }
        }
        catalog.excluded = builtin_exclude_list();
        catalog
    }

    /// Replaces the label shown with the catalog (e.g. the loaded file's name and date).
    pub fn with_source_label(
        mut self,
        label: impl Into<String>,
        reference_date: Option<NaiveDate>,
    ) -> Catalog {
        self.source_label = label.into();
        self.reference_date = reference_date;
        self
    }

    /// Where this catalog comes from: "built-in, 2026-11-24" or the loaded copy.
    pub fn source_label(&self) -> &str {
        &self.source_label
    }

    pub fn reference_date(&self) -> Option<NaiveDate> {
        self.reference_date
    }

    pub fn products(&self) -> &[Product] {
        &self.products
    }

    pub fn product_count(&self) -> usize {
        self.products.len()
    }

    /// Number of CSV rows (product x service plan) the catalog was built from.
    pub fn row_count(&self) -> usize {
        self.row_count
    }

    pub fn product(&self, index: usize) -> Option<&Product> {
        self.products.get(index)
    }

    /// The product with this SKU GUID (any case, stray spaces ignored).
    pub fn by_sku_id(&self, sku_id: &str) -> Option<&Product> {
        self.index_by_sku_id(sku_id).and_then(|index| self.products.get(index))
    }

    /// The first product with this String_Id / skuPartNumber; see
    /// [`Catalog::all_by_sku_part_number`] for String_Ids used by several GUIDs.
    pub fn by_sku_part_number(&self, part_number: &str) -> Option<&Product> {
        self.all_by_sku_part_number(part_number).into_iter().next()
    }

    pub fn all_by_sku_part_number(&self, part_number: &str) -> Vec<&Product> {
        self.indexes_by_part_number(part_number)
            .iter()
            .filter_map(|&index| self.products.get(index))
            .collect()
    }

    /// The first product with this display name (current or former).
    pub fn by_name(&self, name: &str) -> Option<&Product> {
        self.all_by_name(name).into_iter().next()
    }

    pub fn all_by_name(&self, name: &str) -> Vec<&Product> {
        self.indexes_by_name(name).iter().filter_map(|&index| self.products.get(index)).collect()
    }

    /// Looks a text up as a GUID, then a String_Id, then a display name.
    pub fn find(&self, text: &str) -> Option<&Product> {
        self.by_sku_id(text).or_else(|| self.by_sku_part_number(text)).or_else(|| self.by_name(text))
    }

    pub fn index_by_sku_id(&self, sku_id: &str) -> Option<usize> {
        let key = clean_cell(sku_id).to_ascii_lowercase();
        self.by_sku_id.get(&key).copied()
    }

    pub fn indexes_by_part_number(&self, part_number: &str) -> &[usize] {
        self.by_part_number.get(&lookup_key(part_number)).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn indexes_by_name(&self, name: &str) -> &[usize] {
        self.by_name.get(&lookup_key(name)).map(Vec::as_slice).unwrap_or_default()
    }

    /// The exclude-list entry for a SKU GUID, when it is free / viral / trial.
    pub fn excluded(&self, sku_id: &str) -> Option<&ExcludedSku> {
        self.excluded.get(&clean_cell(sku_id).to_ascii_lowercase())
    }

    /// The products (never a free, viral or trial one) whose service plans,
    /// with those of `alongside` (an add-on bought with them), include every one
    /// of `plan_ids` (lower-case GUIDs), and that have none of the core workloads
    /// `without` (a suite with Teams next to the Teams add-on would buy Teams
    /// twice); none for an empty list.
    pub fn covering<'a>(
        &'a self,
        plan_ids: &'a [&'a str],
        alongside: Option<&'a Product>,
        without: u8,
    ) -> impl Iterator<Item = &'a Product> + 'a {
        let has = |product: &Product, id: &str| product.service_plans.iter().any(|plan| plan.id == id);
        self.products.iter().filter(move |product| {
            !plan_ids.is_empty()
                && !self.excluded.contains_key(&product.sku_id)
                && product.core_workloads & without == 0
                && plan_ids
                    .iter()
                    .all(|id| has(product, id) || alongside.is_some_and(|add_on| has(add_on, id)))
        })
    }

    pub fn exclude_list(&self) -> Vec<&ExcludedSku> {
        let mut list: Vec<&ExcludedSku> = self.excluded.values().collect();
        crate::sorting::sort_by(&mut list, |a, b| a.name.cmp(&b.name));
        list
    }
}

fn push_unique(indexes: &mut Vec<usize>, index: usize) {
    if !indexes.contains(&index) {
        indexes.push(index);
    }
}

fn builtin_exclude_list() -> HashMap<String, ExcludedSku> {
    static LIST: OnceLock<HashMap<String, ExcludedSku>> = OnceLock::new();
    LIST.get_or_init(|| {
        // Checked by a test; a corrupted list would only mean nothing is excluded. Read
        // through `serde_json::Value`, whose parser the importer has anyway: a typed
        // deserialiser for this one file would add its own copy of serde_json's parser.
        let entries = match serde_json::from_str(BUILTIN_EXCLUDE_LIST) {
            Ok(serde_json::Value::Array(entries)) => entries,
            _ => Vec::new(),
        };
        entries
            .iter()
            .filter_map(|entry| {
                let cell = |key: &str| entry.get(key).and_then(serde_json::Value::as_str).map(clean_cell);
                let sku_id = cell("GUID")?.to_ascii_lowercase();
                Some((sku_id.clone(), ExcludedSku { sku_id, name: cell("Product_Display_Name")? }))
            })
            .collect()
    })
    .clone()
}

/// A cell with non-breaking and other Unicode spaces turned into plain spaces,
/// runs of spaces collapsed and the ends trimmed.
pub fn clean_cell(cell: &str) -> String {
    let mut cleaned = String::with_capacity(cell.len());
    for word in cell.split(|character: char| character.is_whitespace()).filter(|word| !word.is_empty()) {
        if !cleaned.is_empty() {
            cleaned.push(' ');
        }
        cleaned.push_str(word);
    }
    cleaned
}

/// The key lookups compare: lower case, every kind of space removed, so
/// "Office 365 E3", "office365e3" and "Office\u{a0}365 E3 " all match.
pub fn lookup_key(text: &str) -> String {
    if text.is_ascii() {
        // The common case, byte by byte: no Unicode tables to consult.
        let mut key = String::with_capacity(text.len());
        key.extend(
            text.bytes()
                .filter(|byte| !byte.is_ascii_whitespace())
                .map(|byte| char::from(byte.to_ascii_lowercase())),
        );
        return key;
    }
    text.chars().filter(|character| !character.is_whitespace()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn the_built_in_label_reads_in_each_language_and_a_file_name_stays() {
        assert_eq!(catalog_label("built-in, 2026-11-24", Lang::Fr), "intégré, 24 nov. 2026");
        assert_eq!(catalog_label("built-in, 2026-11-24", Lang::En), "built-in, 24 Nov 2026");
        assert_eq!(catalog_label("licensing-2027.csv", Lang::Fr), "licensing-2027.csv");
    }
}

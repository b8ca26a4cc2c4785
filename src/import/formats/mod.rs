//! One file per format the importer knows. Table formats are described by a
//! [`TableSpec`]: the header keys that recognise them, which column feeds
//! which field, and a finishing step for what the columns alone cannot say.
//! JSON formats (`graph`, `partner_center_json`) read `serde_json` values.

pub mod cipp;
pub mod graph;
pub mod licensing_reference;
pub mod nce_bulk;
pub mod partner_center_csv;
pub mod partner_center_json;
pub mod powershell;
pub mod price_list;
pub mod template;

use super::format_id::FormatId;
use super::mapping::Field;
use super::rows::FinishRow;

pub(crate) struct TableSpec {
    pub format: FormatId,
    /// Header keys (see `values::header_key`) that must all be present.
    pub signature: &'static [&'static str],
    /// Header key to field; the first present key of a field wins.
    pub columns: &'static [(&'static str, Field)],
    /// Header keys of columns the finishing step reads, by index.
    pub extras: &'static [&'static str],
    pub finish: FinishRow,
}

/// Every table format, for recognition and reading.
pub(crate) const TABLE_SPECS: &[TableSpec] = &[
    template::SPEC,
    partner_center_csv::SPEC,
    nce_bulk::SPEC,
    powershell::SUBSCRIBED_SKU_SPEC,
    powershell::MSOL_ACCOUNT_SKU_SPEC,
    cipp::SPEC,
    price_list::SPEC,
    licensing_reference::SPEC,
];

/// The table format whose signature columns are all in `header_keys`; the
/// most specific one (most signature columns) when several are.
pub fn recognise_table(header_keys: &[String]) -> Option<FormatId> {
    TABLE_SPECS
        .iter()
        .filter(|spec| spec.signature.iter().all(|key| header_keys.iter().any(|header| header == key)))
        .max_by_key(|spec| spec.signature.len())
        .map(|spec| spec.format)
}

pub(crate) fn table_spec(format: FormatId) -> Option<&'static TableSpec> {
    TABLE_SPECS.iter().find(|spec| spec.format == format)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::values::header_key;

    fn keys(headers: &[&str]) -> Vec<String> {
        headers.iter().map(|header| header_key(header)).collect()
    }

    #[test]
    fn tables_are_recognised_by_their_headers() {
        assert_eq!(
            recognise_table(&keys(&["Subscription ID", "Subscription", "Quantity", "Status", "Reseller"])),
            Some(FormatId::PartnerCenterCsv)
        );
        assert_eq!(
            recognise_table(&keys(&["AccountSkuId", "ActiveUnits", "WarningUnits", "ConsumedUnits"])),
            Some(FormatId::PowerShellMsolAccountSku)
        );
        assert_eq!(recognise_table(&keys(&["Produit", "Licences"])), None);
    }
}

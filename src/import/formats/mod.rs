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

use super::detect::FormatId;
use super::mapping::Field;
use super::rows::{Binding, Cells, FileContext};
use crate::model::Subscription;

/// Completes a subscription read from a row with what the format implies.
pub(crate) type FinishRow = fn(&mut Subscription, &Binding, &dyn Cells, &mut FileContext);

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

pub(crate) fn no_finishing(_: &mut Subscription, _: &Binding, _: &dyn Cells, _: &mut FileContext) {}

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

pub(crate) fn table_spec(format: FormatId) -> Option<&'static TableSpec> {
    TABLE_SPECS.iter().find(|spec| spec.format == format)
}

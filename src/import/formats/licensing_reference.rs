//! Microsoft's "Product names and service plan identifiers for licensing"
//! table: recognised so it is handed to the catalog, never read as subscriptions.

use super::TableSpec;
use crate::import::format_id::FormatId;
use crate::import::rows::no_finishing;

pub(crate) const SPEC: TableSpec = TableSpec {
    format: FormatId::LicensingReference,
    signature: &["productdisplayname", "stringid", "guid"],
    columns: &[],
    extras: &[],
    finish: no_finishing,
};

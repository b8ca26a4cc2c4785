//! A unit price read from a new-commerce price list (`formats::price_list`):
//! the rows about the imported products are kept in the plan input for the
//! cost view (`crate::cost`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{BillingFrequency, SourceRef, Term};

/// One price of one offer, term, billing plan and market.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct PriceEntry {
    /// Catalog product id, e.g. `CFQ7TTC0LH18`.
    pub product_id: String,
    /// Catalog SKU id within the product, e.g. `0001` (not a GUID).
    pub sku_id: String,
    pub product_title: String,
    pub sku_title: String,
    pub term: Term,
    pub billing: BillingFrequency,
    /// ISO 3166-1 alpha-2 market, e.g. `FR`.
    pub market: Option<String>,
    /// Commercial, Education, Charity... when the list says.
    pub segment: Option<String>,
    pub currency: String,
    pub unit_price: f64,
    /// Microsoft's estimated retail price (`ERP Price`), when the list gives it.
    pub erp_price: Option<f64>,
    pub effective_start: Option<NaiveDate>,
    pub effective_end: Option<NaiveDate>,
    pub source: SourceRef,
}

impl PriceEntry {
    /// The new-commerce offer id prefix this price is for (`product:sku`).
    pub fn offer_prefix(&self) -> String {
        format!("{}:{}", self.product_id, self.sku_id)
    }
}

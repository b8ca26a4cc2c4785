//! The partner's sell prices as CSV, the file the money panel exports and
//! [`crate::cost::partner_prices::from_csv`] reads back: one row per SKU and
//! billing choice, `sku_id,product,billing,currency,monthly_price`, formulas
//! neutralised.

use crate::catalog::Catalog;
use crate::model::SellPrice;

use super::csv::neutralise;

/// The columns; the reader finds them by name.
const HEADER: [&str; 5] = ["sku_id", "product", "billing", "currency", "monthly_price"];

/// The prices as CSV text (UTF-8, CRLF), product names from the catalog.
pub fn to_csv(prices: &[SellPrice], catalog: &Catalog) -> String {
    let mut text = HEADER.join(",");
    text.push_str("\r\n");
    for price in prices {
        let name = catalog.by_sku_id(&price.sku_id).map(|product| product.name.as_str()).unwrap_or_default();
        let cells = [
            price.sku_id.clone(),
            name.to_string(),
            price.billing.id().to_string(),
            price.currency.clone(),
            format!("{}.{:02}", price.monthly_cents / 100, price.monthly_cents.rem_euclid(100)),
        ];
        let quoted: Vec<String> = cells
            .iter()
            .map(|cell| {
                let cell = neutralise(cell);
                if cell.contains([',', '"', ';', '\n', '\r']) {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                } else {
                    cell
                }
            })
            .collect();
        text.push_str(&quoted.join(","));
        text.push_str("\r\n");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::partner_prices::from_csv;
    use crate::model::BillingChoice;

    const E3: &str = "05e9a617-0261-4cee-bb44-138d3ef5d965";

    #[test]
    fn prices_go_out_and_come_back_the_same() {
        let prices = vec![
            SellPrice {
                sku_id: E3.into(),
                billing: BillingChoice::AnnualMonthly,
                currency: "EUR".into(),
                monthly_cents: 3_612,
            },
            SellPrice {
                sku_id: E3.into(),
                billing: BillingChoice::MonthlyTerm,
                currency: "EUR".into(),
                monthly_cents: 4_128,
            },
        ];
        let text = to_csv(&prices, Catalog::builtin());
        assert!(text.contains("Microsoft 365 E3"), "{text}");
        let (read, errors) = from_csv(&text);
        assert!(errors.is_empty(), "{errors:?}");
        let mut expected = prices.clone();
        expected.sort();
        assert_eq!(read, expected);
    }
}

//! The partner's sell prices read back from a small CSV, kept outside the browser
//! or shared between consultants: one row per SKU and billing choice,
//! `sku_id,product,billing,currency,monthly_price` (a price per seat and per
//! month, a point or a comma as decimal mark, `,` or `;` between fields). The
//! writer is [`crate::export::sell_prices_csv`].

use crate::catalog::is_guid;
use crate::i18n::Lang;
use crate::model::{BillingChoice, SellPrice};

/// A row that could not be read: where, which field, and why, in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceRowError {
    pub line: u64,
    pub field: &'static str,
    pub value: String,
}

impl PriceRowError {
    pub fn message(&self, file: &str, lang: Lang) -> String {
        let expected = match self.field {
            "sku_id" => lang.pick("a SKU GUID", "un GUID de SKU"),
            "billing" => lang.pick(
                "monthly-term, annual-monthly, annual-upfront, triennial-monthly or triennial-upfront",
                "monthly-term, annual-monthly, annual-upfront, triennial-monthly ou triennial-upfront",
            ),
            "currency" => lang.pick(
                "a three-letter currency code (EUR, USD...)",
                "un code de devise à trois lettres (EUR, USD…)",
            ),
            "header" => lang.pick(
                "the columns sku_id, billing, currency and monthly_price",
                "les colonnes sku_id, billing, currency et monthly_price",
            ),
            _ => {
                lang.pick("a price per seat and per month (12.50)", "un prix par licence et par mois (12,50)")
            }
        };
        match lang {
            Lang::En => {
                format!("{file}, line {}, {}: “{}” is not {expected}.", self.line, self.field, self.value)
            }
            Lang::Fr => {
                format!(
                    "{file}, ligne {}, {} : « {} » n’est pas {expected}.",
                    self.line, self.field, self.value
                )
            }
        }
    }
}

/// Reads a price per seat with a point or a comma as decimal mark, in cents.
fn parse_cents(cell: &str) -> Option<i64> {
    let cleaned: String = cell.trim().chars().filter(|c| !c.is_whitespace() && *c != '\u{202F}').collect();
    let normalised = cleaned.replace(',', ".");
    let value: f64 = normalised.parse().ok()?;
    (0.0..1.0e12).contains(&value).then(|| (value * 100.0).round() as i64)
}

/// Reads the CSV: the prices of every good row, and the rows that could not be read.
pub fn from_csv(text: &str) -> (Vec<SellPrice>, Vec<PriceRowError>) {
    let text = text.trim_start_matches('\u{FEFF}');
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter =
        if first_line.matches(';').count() > first_line.matches(',').count() { b';' } else { b',' };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map(|headers| headers.iter().map(|header| header.trim().to_ascii_lowercase()).collect())
        .unwrap_or_default();
    let at = |name: &str| headers.iter().position(|header| header == name);
    let (Some(sku), Some(billing), Some(currency), Some(price)) =
        (at("sku_id"), at("billing"), at("currency"), at("monthly_price"))
    else {
        return (Vec::new(), vec![PriceRowError { line: 1, field: "header", value: first_line.to_string() }]);
    };
    let mut prices: Vec<SellPrice> = Vec::new();
    let mut errors = Vec::new();
    // Line numbers count rows from the header's line 1 (a price file has no cell
    // spanning lines; the reader's own positions count CRLF ends twice).
    for (index, record) in reader.records().enumerate() {
        let Ok(record) = record else { continue };
        let line = u64::try_from(index).unwrap_or(u64::MAX).saturating_add(2);
        let cell = |index: usize| record.get(index).unwrap_or_default().trim().to_string();
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let sku_id = cell(sku).to_ascii_lowercase();
        if !is_guid(&sku_id) {
            errors.push(PriceRowError { line, field: "sku_id", value: cell(sku) });
            continue;
        }
        let Some(choice) = BillingChoice::from_id(&cell(billing)) else {
            errors.push(PriceRowError { line, field: "billing", value: cell(billing) });
            continue;
        };
        let code = cell(currency).to_ascii_uppercase();
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
            errors.push(PriceRowError { line, field: "currency", value: cell(currency) });
            continue;
        }
        let Some(monthly_cents) = parse_cents(&cell(price)) else {
            errors.push(PriceRowError { line, field: "monthly_price", value: cell(price) });
            continue;
        };
        let entry = SellPrice { sku_id, billing: choice, currency: code, monthly_cents };
        set(&mut prices, entry);
    }
    (prices, errors)
}

/// Sets one sell price, replacing the one of the same SKU, billing choice and currency.
pub fn set(prices: &mut Vec<SellPrice>, price: SellPrice) {
    prices.retain(|kept| {
        !(kept.sku_id == price.sku_id && kept.billing == price.billing && kept.currency == price.currency)
    });
    prices.push(price);
    crate::sorting::sort(prices);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_rows_are_reported_with_their_line_and_field() {
        let text = "sku_id;billing;currency;monthly_price\n\
                    05e9a617-0261-4cee-bb44-138d3ef5d965;annual-upfront;EUR;30,50\n\
                    not-a-guid;annual-upfront;EUR;30\n\
                    05e9a617-0261-4cee-bb44-138d3ef5d965;weekly;EUR;30\n\
                    05e9a617-0261-4cee-bb44-138d3ef5d965;monthly-term;EUR;=1+1\n";
        let (read, errors) = from_csv(text);
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].monthly_cents, 3_050);
        let fields: Vec<(u64, &str)> = errors.iter().map(|error| (error.line, error.field)).collect();
        assert_eq!(fields, [(3, "sku_id"), (4, "billing"), (5, "monthly_price")]);
        assert_eq!(
            errors[1].message("prices.csv", Lang::Fr),
            "prices.csv, ligne 4, billing : « weekly » n’est pas monthly-term, annual-monthly, annual-upfront, triennial-monthly ou triennial-upfront."
        );
        let (none, header) = from_csv("a,b\n1,2\n");
        assert!(none.is_empty());
        assert_eq!(header[0].field, "header");
    }
}

//! Where a price comes from, in the order the cost view tries them: the
//! partner's own sell price, the new-commerce price list, the unit price of the
//! customer's file. A price read for another billing choice of the same term
//! family is converted by the PRICE-BILLING multipliers and says so; nothing is
//! made up when no source has a price.
//!
//! Microsoft's Partner Center documentation ("Pricing and offers", "Software
//! pricing") says a CSP price list gives the list price to the partner
//! (`UnitPrice`) and the estimated retail price (`ERP Price`): `UnitPrice` is
//! the partner's cost, `ERP Price` the suggested sell price.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::billing;
use crate::catalog::lookup_key;
use crate::model::{BillingChoice, ListPrice, SellPrice, SourceRef, Subscription};

/// Where a price was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PriceOrigin {
    /// The partner's own sell price (partner profile).
    PartnerSellPrice,
    /// Microsoft's estimated retail price (`ERP Price`) of a price list row.
    PriceListRetail { file: String, line: u32 },
    /// What the partner pays Microsoft (`UnitPrice`) of a price list row.
    PriceListCost { file: String, line: u32 },
    /// The customer's current price, from its own file.
    SourceFile { file: String, line: u32 },
}

impl PriceOrigin {
    fn from_source(source: &SourceRef, make: fn(String, u32) -> PriceOrigin) -> PriceOrigin {
        make(source.file.clone(), source.line)
    }
}

/// A price per seat and per month, where it comes from, and the billing choice
/// it was read for when it was converted to another one (PRICE-BILLING).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub per_seat_monthly: f64,
    pub currency: String,
    pub origin: PriceOrigin,
    /// The choice the source gave a price for, when it is not the line's.
    pub converted_from: Option<BillingChoice>,
}

/// What a line is looked up by: the SKU, its names, and the source's offer id
/// when the target is the source's own offer.
pub struct Wanted<'a> {
    pub sku_id: &'a str,
    pub names: Vec<&'a str>,
    pub offer_prefix: Option<String>,
    pub choice: BillingChoice,
    pub on: NaiveDate,
    pub market: Option<&'a str>,
    /// A currency to prefer when a price exists in several.
    pub currency: Option<&'a str>,
}

/// Picks the price of `wanted.choice` among `(choice, currency, per seat monthly, origin)`
/// candidates: the exact choice first, then one converted from its family; a
/// preferred currency, then the first given.
fn pick(wanted: &Wanted, candidates: Vec<(BillingChoice, String, f64, PriceOrigin)>) -> Option<Quote> {
    let valid = |price: &f64| price.is_finite() && *price >= 0.0;
    let preferred =
        |currency: &str| wanted.currency.is_some_and(|preferred| preferred.eq_ignore_ascii_case(currency));
    let mut best: Option<(u8, Quote)> = None;
    for (choice, currency, price, origin) in candidates.into_iter().filter(|(_, _, price, _)| valid(price)) {
        let (rank, per_seat_monthly, converted_from) = if choice == wanted.choice {
            (0, price, None)
        } else {
            match billing::convert(price, choice, wanted.choice, wanted.on) {
                Some(converted) => (2, converted, Some(choice)),
                None => continue,
            }
        };
        let rank = rank + u8::from(!preferred(&currency));
        if best.as_ref().is_none_or(|(kept, _)| rank < *kept) {
            let per_seat_monthly = round4(per_seat_monthly);
            best = Some((rank, Quote { per_seat_monthly, currency, origin, converted_from }));
        }
    }
    best.map(|(_, quote)| quote)
}

/// A price per seat kept to four decimals: finer than any price list, and
/// files read the same on every machine.
fn round4(price: f64) -> f64 {
    (price * 10_000.0).round() / 10_000.0
}

/// The partner's sell price of the wanted SKU.
pub fn sell_price(prices: &[SellPrice], wanted: &Wanted) -> Option<Quote> {
    let candidates = prices
        .iter()
        .filter(|price| price.sku_id.eq_ignore_ascii_case(wanted.sku_id))
        .map(|price| {
            (
                price.billing,
                price.currency.clone(),
                price.monthly_cents as f64 / 100.0,
                PriceOrigin::PartnerSellPrice,
            )
        })
        .collect();
    pick(wanted, candidates)
}

fn is_for(price: &ListPrice, wanted: &Wanted, keys: &[String]) -> bool {
    let same_offer =
        wanted.offer_prefix.as_deref().is_some_and(|prefix| prefix.eq_ignore_ascii_case(&price.offer_prefix));
    let title = lookup_key(&price.title);
    let market_fits = match (wanted.market, price.market.as_deref()) {
        (Some(market), Some(listed)) => market.eq_ignore_ascii_case(listed),
        _ => true,
    };
    market_fits && (same_offer || keys.contains(&title))
}

/// The price list rows about the wanted SKU, as `(choice, currency, per seat monthly)`.
fn list_rows<'a>(
    prices: &'a [ListPrice],
    wanted: &'a Wanted,
) -> impl Iterator<Item = (BillingChoice, &'a ListPrice)> + 'a {
    let keys: Vec<String> =
        wanted.names.iter().map(|name| lookup_key(name)).filter(|key| !key.is_empty()).collect();
    prices
        .iter()
        .filter(move |price| is_for(price, wanted, &keys))
        .filter_map(|price| BillingChoice::of(price.term, price.billing).map(|choice| (choice, price)))
}

/// The price list's retail price (`ERP Price`) of the wanted SKU, or its
/// partner price when the list has no retail price for it.
pub fn list_retail_price(prices: &[ListPrice], wanted: &Wanted) -> Option<Quote> {
    let retail: Vec<_> = list_rows(prices, wanted)
        .filter_map(|(choice, price)| {
            price.erp_price.map(|erp| {
                let monthly = erp / billing::months_per_period(price.billing);
                (choice, price.currency.clone(), monthly, PriceOrigin::from_source(&price.source, retail))
            })
        })
        .collect();
    pick(wanted, retail).or_else(|| list_cost_price(prices, wanted))
}

fn retail(file: String, line: u32) -> PriceOrigin {
    PriceOrigin::PriceListRetail { file, line }
}

fn cost(file: String, line: u32) -> PriceOrigin {
    PriceOrigin::PriceListCost { file, line }
}

/// What the partner pays Microsoft for the wanted SKU (`UnitPrice`).
pub fn list_cost_price(prices: &[ListPrice], wanted: &Wanted) -> Option<Quote> {
    let rows = list_rows(prices, wanted)
        .map(|(choice, price)| {
            let monthly = price.unit_price / billing::months_per_period(price.billing);
            (choice, price.currency.clone(), monthly, PriceOrigin::from_source(&price.source, cost))
        })
        .collect();
    pick(wanted, rows)
}

/// The customer's current price per seat and per month, from its file: a unit
/// price per seat and per billing period (monthly when the file does not say).
pub fn current_price(subscription: &Subscription) -> Option<Quote> {
    let price = subscription.unit_price.filter(|price| price.is_finite() && *price >= 0.0)?;
    let currency = subscription.currency.clone().unwrap_or_default();
    Some(Quote {
        per_seat_monthly: round4(price / billing::months_per_period(subscription.billing)),
        currency,
        origin: PriceOrigin::from_source(&subscription.source, |file, line| PriceOrigin::SourceFile {
            file,
            line,
        }),
        converted_from: None,
    })
}

/// The current price read as the CSP price of the same offer for `wanted.choice`,
/// converted from the source's own billing when the file says what it is.
pub fn current_as_csp(subscription: &Subscription, wanted: &Wanted) -> Option<Quote> {
    let current = current_price(subscription)?;
    match BillingChoice::of(subscription.term, subscription.billing) {
        Some(choice) if choice != wanted.choice => {
            let converted = billing::convert(current.per_seat_monthly, choice, wanted.choice, wanted.on)?;
            Some(Quote { per_seat_monthly: round4(converted), converted_from: Some(choice), ..current })
        }
        _ => Some(current),
    }
}

impl PriceOrigin {
    /// Where the price comes from, for people: `your sell price`, `price list
    /// pricelist.csv, line 4`.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        let source = |file: &str| crate::i18n::labels::source_label(file, lang).into_owned();
        match self {
            PriceOrigin::PartnerSellPrice => lang.pick("your sell price", "votre prix de vente").to_string(),
            PriceOrigin::PriceListRetail { file, line } => match (lang, source(file)) {
                (crate::i18n::Lang::En, file) => {
                    format!("estimated retail price (ERP Price) of the price list {file}, line {line}")
                }
                (crate::i18n::Lang::Fr, file) => {
                    format!("prix de vente estimé (ERP Price) de la liste de prix {file}, ligne {line}")
                }
            },
            PriceOrigin::PriceListCost { file, line } => match (lang, source(file)) {
                (crate::i18n::Lang::En, file) => {
                    format!("partner price (UnitPrice) of the price list {file}, line {line}")
                }
                (crate::i18n::Lang::Fr, file) => {
                    format!("prix partenaire (UnitPrice) de la liste de prix {file}, ligne {line}")
                }
            },
            PriceOrigin::SourceFile { file, line } => match (lang, source(file)) {
                (crate::i18n::Lang::En, file) => {
                    format!("the customer's current price ({file}, line {line})")
                }
                (crate::i18n::Lang::Fr, file) => format!("prix actuel du client ({file}, ligne {line})"),
            },
        }
    }
}

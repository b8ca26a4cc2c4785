//! A new-commerce price list (ProductTitle, ProductId, SkuId, SkuTitle, ...,
//! TermDuration, BillingPlan, Market, Currency, UnitPrice, EffectiveStartDate,
//! EffectiveEndDate, ERP Price): what the partner pays Microsoft for an offer
//! (`UnitPrice`) and Microsoft's estimated retail price (`ERP Price`), per
//! term and billing plan. The cost view (`crate::cost`) reads the rows that are
//! about the imported products; the customer's current price stays the one its
//! own file gives.

use std::collections::HashMap;

use super::TableSpec;
use crate::catalog::workloads::workloads_of_plan;
use crate::catalog::{Catalog, CoreWorkload, Product};
use crate::import::error::{IssueKind, ValueKind};
use crate::import::format_id::FormatId;
use crate::import::price::PriceEntry;
use crate::import::rows::{no_finishing, Cells, DateTarget, FileContext};
use crate::import::values::{clean_cell, header_key, parse_billing, parse_currency, parse_term};
use crate::model::{ListPrice, SourceRef, Subscription};

pub(crate) const SPEC: TableSpec = TableSpec {
    format: FormatId::NcePriceList,
    signature: &["productid", "skuid", "unitprice", "currency"],
    columns: &[],
    extras: &[],
    finish: no_finishing,
};

/// Column positions of a price list, by header key.
pub(crate) struct PriceColumns {
    product_id: Option<usize>,
    sku_id: Option<usize>,
    product_title: Option<usize>,
    sku_title: Option<usize>,
    term: Option<usize>,
    billing: Option<usize>,
    market: Option<usize>,
    segment: Option<usize>,
    currency: Option<usize>,
    unit_price: Option<usize>,
    erp_price: Option<usize>,
    effective_start: Option<usize>,
    effective_end: Option<usize>,
}

impl PriceColumns {
    pub fn bind(header_keys: &[String]) -> PriceColumns {
        let find = |key: &str| header_keys.iter().position(|header| header == key);
        PriceColumns {
            product_id: find("productid"),
            sku_id: find("skuid"),
            product_title: find("producttitle"),
            sku_title: find("skutitle"),
            term: find("termduration"),
            billing: find("billingplan"),
            market: find("market"),
            segment: find("segment"),
            currency: find("currency"),
            unit_price: find("unitprice"),
            erp_price: find("erpprice"),
            effective_start: find("effectivestartdate"),
            effective_end: find("effectiveenddate"),
        }
    }

    /// Reads one price row; a row without a readable unit price is rejected.
    pub fn read_row(&self, ctx: &mut FileContext, line: u32, cells: &dyn Cells) {
        ctx.start_row(line);
        if cells.is_blank() {
            ctx.skip_blank();
            return;
        }
        let cell =
            |at: Option<usize>| at.map(|at| clean_cell(cells.cell(at)).into_owned()).unwrap_or_default();
        let header = |at: Option<usize>, ctx: &FileContext| {
            at.and_then(|at| ctx.headers.get(at).cloned()).unwrap_or_default()
        };
        let price_header = header(self.unit_price, ctx);
        let price_cell = cell(self.unit_price);
        let Some(unit_price) = crate::import::values::parse_number(&price_cell, ctx.decimal_comma) else {
            let kind = IssueKind::InvalidValue { value: price_cell, expected: ValueKind::Number };
            ctx.reject(Some(&price_header), kind, cells.to_strings());
            return;
        };
        let term_cell = cell(self.term);
        let term = ctx
            .read_with(&header(self.term, ctx), &term_cell, ValueKind::Term, parse_term)
            .unwrap_or_default();
        let billing_cell = cell(self.billing);
        let billing = ctx
            .read_with(&header(self.billing, ctx), &billing_cell, ValueKind::BillingFrequency, parse_billing)
            .unwrap_or_default();
        let currency_cell = cell(self.currency);
        let currency = ctx
            .read_with(&header(self.currency, ctx), &currency_cell, ValueKind::Currency, parse_currency)
            .unwrap_or_default();
        let effective_start = ctx.read_date(
            &header(self.effective_start, ctx),
            &cell(self.effective_start),
            DateTarget::PriceStart,
        );
        let effective_end =
            ctx.read_date(&header(self.effective_end, ctx), &cell(self.effective_end), DateTarget::PriceEnd);
        let erp_cell = cell(self.erp_price);
        let erp_price =
            if erp_cell.is_empty() { None } else { ctx.read_number(&header(self.erp_price, ctx), &erp_cell) };
        let non_empty = |text: String| (!text.is_empty()).then_some(text);
        let entry = PriceEntry {
            product_id: cell(self.product_id),
            sku_id: cell(self.sku_id),
            product_title: cell(self.product_title),
            sku_title: cell(self.sku_title),
            term,
            billing,
            market: non_empty(cell(self.market).to_ascii_uppercase()),
            segment: non_empty(cell(self.segment)),
            currency,
            unit_price,
            erp_price,
            effective_start,
            effective_end,
            source: SourceRef { file: ctx.file.clone(), line },
        };
        ctx.accept_price(entry);
    }
}

/// A Teams licence of its own (Microsoft Teams EEA, Microsoft Teams Enterprise):
/// Teams without SharePoint nor the Office apps.
fn is_teams_add_on(product: &Product) -> bool {
    product.has_workload(CoreWorkload::Teams)
        && !product.has_workload(CoreWorkload::SharePoint)
        && !product.has_workload(CoreWorkload::OfficeApps)
}

/// Whether a price is about a subscription's product: the same new-commerce
/// offer (`product:sku`), or the same title.
fn is_about(price: &PriceEntry, subscription: &Subscription) -> bool {
    let same_offer = subscription.offer_id.as_deref().is_some_and(|offer| {
        offer.to_ascii_uppercase().starts_with(&price.offer_prefix().to_ascii_uppercase())
    });
    let product_key = header_key(&subscription.product);
    same_offer
        || (!product_key.is_empty()
            && (header_key(&price.sku_title) == product_key
                || header_key(&price.product_title) == product_key))
}

/// The rows of `prices` that are about one of `subscriptions`' products, every
/// term and billing plan of them, as the plan input keeps them: the file's
/// product (by offer or title), the catalog's names of its SKU, and, when the
/// file says which service plans are in use, every catalog product that includes
/// them all but Teams (the cost view prices those to suggest a cheaper suite),
/// and the Teams add-ons. A full price
/// list has a few hundred thousand rows, so prices are indexed by offer and
/// title rather than compared with every subscription; rows for another
/// segment than Commercial are left out (Education and Charity prices are not
/// a commercial customer's).
pub fn relevant_prices(
    prices: &[PriceEntry],
    subscriptions: &[Subscription],
    catalog: &Catalog,
) -> Vec<ListPrice> {
    if prices.is_empty() {
        return Vec::new();
    }
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (at, price) in prices.iter().enumerate() {
        if price.segment.as_deref().is_some_and(|segment| !segment.eq_ignore_ascii_case("commercial")) {
            continue;
        }
        by_key.entry(price.offer_prefix().to_ascii_uppercase()).or_default().push(at);
        for title in [&price.sku_title, &price.product_title] {
            let key = header_key(title);
            if !key.is_empty() {
                let entry = by_key.entry(key).or_default();
                if entry.last() != Some(&at) {
                    entry.push(at);
                }
            }
        }
    }
    let mut kept: Vec<usize> = Vec::new();
    let mut catalog_names: Vec<String> = Vec::new();
    for subscription in subscriptions {
        let offer_key = subscription.offer_id.as_deref().map(|offer| {
            let mut parts = offer.split(':');
            format!("{}:{}", parts.next().unwrap_or_default(), parts.next().unwrap_or_default())
                .to_ascii_uppercase()
        });
        let product_key = header_key(&subscription.product);
        for &at in
            offer_key.iter().chain(std::iter::once(&product_key)).filter_map(|key| by_key.get(key)).flatten()
        {
            if prices.get(at).is_some_and(|price| is_about(price, subscription)) {
                kept.push(at);
            }
        }
        let own = subscription.sku_id.as_deref().and_then(|sku_id| catalog.by_sku_id(sku_id)).or_else(|| {
            subscription.sku_part_number.as_deref().and_then(|part| catalog.by_sku_part_number(part))
        });
        // The plan may buy Teams as an add-on beside a suite without it (TEAMS-EEA):
        // the suites covering the other plans in use are kept too.
        let teams = CoreWorkload::Teams.bit();
        let in_use: Vec<&str> = subscription
            .service_plans
            .iter()
            .filter(|plan| plan.in_use() && workloads_of_plan(&plan.name) & teams == 0)
            .map(|plan| plan.id.as_str())
            .collect();
        for product in own.into_iter().chain(catalog.covering(&in_use, None, 0)) {
            catalog_names.extend(
                std::iter::once(&product.name).chain(&product.other_names).map(|name| header_key(name)),
            );
        }
    }
    if !subscriptions.is_empty() {
        // The Teams add-ons a plan buys beside a suite without Teams (TEAMS-EEA).
        let add_ons = catalog.products().iter().filter(|product| is_teams_add_on(product));
        catalog_names.extend(
            add_ons
                .flat_map(|product| std::iter::once(&product.name).chain(&product.other_names))
                .map(|name| header_key(name)),
        );
    }
    catalog_names.sort_unstable();
    catalog_names.dedup();
    for key in catalog_names.iter().filter(|key| !key.is_empty()) {
        let about = |price: &&PriceEntry| {
            header_key(&price.sku_title) == *key || header_key(&price.product_title) == *key
        };
        kept.extend(
            by_key
                .get(key)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&at| prices.get(at).filter(about).is_some()),
        );
    }
    crate::sorting::sort(&mut kept);
    kept.dedup();
    kept.into_iter()
        .filter_map(|at| prices.get(at))
        .map(|price| ListPrice {
            offer_prefix: price.offer_prefix(),
            title: if price.sku_title.is_empty() {
                price.product_title.clone()
            } else {
                price.sku_title.clone()
            },
            term: price.term,
            billing: price.billing,
            market: price.market.clone(),
            currency: price.currency.clone(),
            unit_price: price.unit_price,
            erp_price: price.erp_price,
            source: price.source.clone(),
        })
        .collect()
}

//! Plan documents: what leaves the browser for people to act on.
//!
//! Every document is computed here, natively testable, from the [`Plan`] and the
//! draft it was made from; the browser only shows them and downloads the bytes.
//!
//! - [`report`]: the partner report, a structured [`Document`] the interface
//!   renders as text nodes and [`markdown`] renders as Markdown;
//! - [`letter`]: the customer letter and checklist, in the customer's language;
//! - [`logo`]: the partner's logo on the letter, checked to be a small raster image;
//! - [`csv`]: the plan lines for Excel;
//! - [`purchase_csv`]: the purchase list, the SKUs to order in Partner Center;
//! - [`sell_prices_csv`]: the partner's sell prices, to keep or share them;
//! - [`json`]: the plan in its versioned schema with the draft beside it;
//! - [`ics`]: the milestones as an RFC 5545 calendar.

pub mod cost_section;
pub mod csv;
pub mod document;
pub mod ics;
pub mod json;
pub mod letter;
pub mod logo;
pub mod markdown;
pub mod milestones;
pub mod purchase_csv;
pub mod report;
pub mod sell_prices_csv;

use chrono::NaiveDate;

pub use crate::slug::slug;
pub use document::{Block, Document, Span};

use crate::i18n::Lang;
use crate::plan::Plan;

/// What a downloaded file is, which decides its name and media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    ReportMarkdown,
    Letter,
    Csv,
    Json,
    Calendar,
    PurchaseList,
    SellPrices,
}

impl FileKind {
    pub const ALL: [FileKind; 7] = [
        FileKind::ReportMarkdown,
        FileKind::Letter,
        FileKind::Csv,
        FileKind::Json,
        FileKind::Calendar,
        FileKind::PurchaseList,
        FileKind::SellPrices,
    ];

    fn stem(self, lang: Lang) -> &'static str {
        match self {
            FileKind::ReportMarkdown => lang.pick("migration-report", "rapport-migration"),
            FileKind::Letter => lang.pick("customer-letter", "lettre-client"),
            FileKind::Csv => lang.pick("migration-plan", "plan-migration"),
            FileKind::Json => "migration-plan",
            FileKind::Calendar => lang.pick("migration-calendar", "calendrier-migration"),
            FileKind::PurchaseList => lang.pick("purchase-list", "liste-achats"),
            FileKind::SellPrices => lang.pick("sell-prices", "prix-de-vente"),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::ReportMarkdown | FileKind::Letter => "md",
            FileKind::Csv | FileKind::PurchaseList | FileKind::SellPrices => "csv",
            FileKind::Json => "json",
            FileKind::Calendar => "ics",
        }
    }

    /// The media type of the Blob; text types say their charset so every browser
    /// and mail client reads the accents right.
    pub fn media_type(self) -> &'static str {
        match self {
            FileKind::ReportMarkdown | FileKind::Letter => "text/markdown;charset=utf-8",
            FileKind::Csv | FileKind::PurchaseList | FileKind::SellPrices => "text/csv;charset=utf-8",
            FileKind::Json => "application/json",
            FileKind::Calendar => "text/calendar;charset=utf-8",
        }
    }
}

/// `migration-plan-contoso-renovation-sas-2026-11-24.csv`: the kind, the customer
/// and the plan date, in characters every file system and mail gateway accepts.
pub fn file_name(kind: FileKind, customer: &str, as_of: NaiveDate, lang: Lang) -> String {
    let customer = slug(customer);
    let customer = if customer.is_empty() { lang.pick("customer", "client").to_string() } else { customer };
    format!("{}-{}-{}.{}", kind.stem(lang), customer, as_of.format("%Y-%m-%d"), kind.extension())
}

/// The customer a plan's documents are named after: the first customer of the
/// plan, with the count of the others when there are several.
pub fn plan_customer_name(plan: &Plan) -> String {
    match plan.customers.as_slice() {
        [] => String::new(),
        [only] => only.name.clone(),
        [first, rest @ ..] => format!("{} +{}", first.name, rest.len()),
    }
}

/// A date in a table cell, as the language writes it.
pub(crate) fn date_cell(date: Option<NaiveDate>, lang: Lang) -> String {
    crate::i18n::format::date_or(date, lang, "–")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn file_names_carry_the_customer_and_the_date_in_safe_characters() {
        assert_eq!(
            file_name(FileKind::Csv, "Contoso Rénovation SAS", day("2026-11-24"), Lang::En),
            "migration-plan-contoso-renovation-sas-2026-11-24.csv"
        );
        assert_eq!(
            file_name(FileKind::Calendar, "Œuvres & Fils / Lyon", day("2026-01-02"), Lang::Fr),
            "calendrier-migration-oeuvres-fils-lyon-2026-01-02.ics"
        );
        assert_eq!(
            file_name(FileKind::Json, "../../etc/passwd", day("2026-01-02"), Lang::En),
            "migration-plan-etc-passwd-2026-01-02.json"
        );
        assert_eq!(
            file_name(FileKind::Letter, "  ", day("2026-01-02"), Lang::Fr),
            "lettre-client-client-2026-01-02.md"
        );
        assert!(slug(&"a".repeat(500)).len() <= 60);
        assert_eq!(slug("株式会社"), "");
    }
}

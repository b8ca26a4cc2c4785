//! The purchase list as CSV, one row per SKU to order in Partner Center: the
//! same conventions as the plan CSV (byte order mark, `,` or `;`, a decimal
//! comma with `;`, ISO dates, formulas neutralised).

use crate::cost::{CostPlan, PurchaseRow};
use crate::i18n::labels::billing_label;
use crate::i18n::Lang;
use crate::plan::Plan;

use super::csv::{neutralise, Separator};

fn header(lang: Lang) -> Vec<&'static str> {
    vec![
        lang.pick("Customer", "Client"),
        lang.pick("Subscription ID", "ID d’abonnement"),
        lang.pick("Product", "Produit"),
        lang.pick("SKU part number", "Référence SKU"),
        lang.pick("SKU ID", "SKU (ID)"),
        lang.pick("Add-on", "Module complémentaire"),
        lang.pick("Seats", "Licences"),
        lang.pick("Billing", "Facturation"),
        lang.pick("Term", "Engagement"),
        lang.pick("Billing plan", "Plan de facturation"),
        lang.pick("Buy on", "Achat le"),
        lang.pick("Scheduled by EA channel transfer", "Planifié par transfert de canal EA"),
        lang.pick("Price per seat per month", "Prix par licence et par mois"),
        lang.pick("Per month", "Par mois"),
        lang.pick("Currency", "Devise"),
        lang.pick("Price source", "Source du prix"),
        lang.pick("Partner cost per seat per month", "Coût partenaire par licence et par mois"),
    ]
}

fn decimal(value: f64, decimals: usize, separator: Separator) -> String {
    let text = format!("{value:.decimals$}");
    match separator {
        Separator::Comma => text,
        Separator::Semicolon => text.replace('.', ","),
    }
}

fn cells(row: &PurchaseRow, separator: Separator, lang: Lang) -> Vec<String> {
    let (term, billing) = row.billing.term_and_billing();
    let term = serde_json::to_value(term).ok().and_then(|value| value.as_str().map(str::to_string));
    let billing_plan =
        serde_json::to_value(billing).ok().and_then(|value| value.as_str().map(str::to_string));
    let yes_no = |value: bool| super::report::yes_no(value, lang).to_string();
    vec![
        row.customer.clone(),
        row.subscription_id.clone(),
        row.name.clone(),
        row.sku_part_number.clone(),
        row.sku_id.clone(),
        yes_no(row.add_on),
        row.seats.to_string(),
        billing_label(row.billing, lang).to_string(),
        term.unwrap_or_default(),
        billing_plan.unwrap_or_default(),
        row.buy_on.map(|date| date.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        yes_no(row.scheduled_by_ea_transfer),
        row.price.as_ref().map(|price| decimal(price.per_seat_monthly, 4, separator)).unwrap_or_default(),
        row.monthly
            .as_ref()
            .map(|money| decimal(money.cents as f64 / 100.0, 2, separator))
            .unwrap_or_default(),
        row.price.as_ref().map(|price| price.currency.clone()).unwrap_or_default(),
        row.price.as_ref().map(|price| price.origin.label(lang)).unwrap_or_default(),
        row.cost.as_ref().map(|cost| decimal(cost.per_seat_monthly, 4, separator)).unwrap_or_default(),
    ]
}

/// The purchase list as CSV text, starting with the byte order mark, lines ending in CRLF.
pub fn purchase_list_to_csv(plan: &Plan, cost: &CostPlan, separator: Separator, lang: Lang) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(separator.byte())
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut problems = Vec::new();
    if let Err(error) = writer.write_record(header(lang)) {
        problems.push(error.to_string());
    }
    for row in crate::cost::purchase_list(cost, plan) {
        let cells: Vec<String> = cells(&row, separator, lang).iter().map(|cell| neutralise(cell)).collect();
        if let Err(error) = writer.write_record(&cells) {
            problems.push(error.to_string());
        }
    }
    let bytes = writer.into_inner().unwrap_or_else(|error| error.into_inner().get_ref().clone());
    let mut text = String::from("\u{FEFF}");
    text.push_str(&String::from_utf8_lossy(&bytes));
    for problem in problems {
        text.push_str(&neutralise(&problem));
        text.push_str("\r\n");
    }
    text
}

//! The plan lines as CSV for Excel: UTF-8 with a byte order mark (so Excel reads
//! the accents), `,` or `;` between fields (`;` is what a French Excel expects, and
//! then decimals take a comma too), dates `YYYY-MM-DD`, one line per subscription.
//!
//! A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) gets a leading apostrophe, as OWASP recommends
//! against CSV injection: an imported product named `=HYPERLINK(...)` stays text.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::plan::{Plan, PlanLine};
use crate::rules::Severity;

use super::report::{target_label, yes_no};
use crate::i18n::labels::{channel_label, path_label, status_label};

/// The field separator the user picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Separator {
    #[default]
    Comma,
    Semicolon,
}

impl Separator {
    pub const ALL: [Separator; 2] = [Separator::Comma, Separator::Semicolon];

    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Separator::Comma => "comma",
            Separator::Semicolon => "semicolon",
        }
    }

    pub fn from_id(id: &str) -> Option<Separator> {
        Separator::ALL.into_iter().find(|separator| separator.id() == id)
    }

    /// The separator Excel expects for a language: French Excel reads `;`.
    pub fn for_lang(lang: Lang) -> Separator {
        lang.pick(Separator::Comma, Separator::Semicolon)
    }

    pub(crate) fn decimal_mark(self) -> char {
        match self {
            Separator::Comma => '.',
            Separator::Semicolon => ',',
        }
    }
}

const BYTE_ORDER_MARK: &str = "\u{FEFF}";

/// The cell as a spreadsheet will show it, never as a formula it would run.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// Column headers in `lang`, in the order of [`line_cells`].
pub fn header(lang: Lang) -> Vec<&'static str> {
    vec![
        lang.pick("Customer", "Client"),
        lang.pick("Subscription ID", "ID d’abonnement"),
        lang.pick("Product", "Produit"),
        lang.pick("Channel", "Canal"),
        lang.pick("Status", "Statut"),
        lang.pick("Path", "Parcours"),
        lang.pick("Target offer", "Offre cible"),
        lang.pick("Target SKU ID", "SKU cible (ID)"),
        lang.pick("Seats", "Licences"),
        lang.pick("Source seats", "Licences d’origine"),
        lang.pick("Assigned seats", "Licences attribuées"),
        lang.pick("Term end", "Fin d’engagement"),
        lang.pick("Term end estimated", "Fin d’engagement estimée"),
        lang.pick("Turn off auto-renew by", "Désactiver le renouvellement avant le"),
        lang.pick("Transfer on", "Transfert le"),
        lang.pick("Buy on", "Achat le"),
        lang.pick("Cancellation window ends", "Fin de la fenêtre d’annulation"),
        lang.pick("Cut-over", "Bascule"),
        lang.pick("Data at risk after", "Données en danger après le"),
        lang.pick("Overlap days", "Jours de chevauchement"),
        lang.pick("Overlap cost (estimated)", "Coût du chevauchement (estimé)"),
        lang.pick("Currency", "Devise"),
        lang.pick("Reassign licenses", "Licences à réattribuer"),
        lang.pick("Credit possible", "Crédit possible"),
        lang.pick("Blockers", "Points bloquants"),
        lang.pick("Rules", "Règles"),
        lang.pick("Billing", "Facturation"),
        lang.pick("Today per year", "Aujourd’hui par an"),
        lang.pick("CSP per year", "CSP par an"),
        lang.pick("CSP currency", "Devise CSP"),
        lang.pick("Difference per year", "Écart par an"),
        lang.pick("Partner cost per year", "Coût partenaire par an"),
        lang.pick("Margin per year", "Marge par an"),
        lang.pick("Price source", "Source du prix"),
    ]
}

fn date(value: Option<NaiveDate>) -> String {
    value.map(|date| date.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

/// An amount with the separator's decimal mark, empty when unknown.
fn amount_cell(money: &Option<crate::cost::Money>, separator: Separator) -> String {
    money
        .as_ref()
        .map(|money| money.plain().replace('.', &separator.decimal_mark().to_string()))
        .unwrap_or_default()
}

/// A line's cost cells (empty for a line the money view does not price).
fn cost_cells(cost: Option<&crate::cost::LineCost>, separator: Separator, lang: Lang) -> Vec<String> {
    let Some(cost) = cost else { return vec![String::new(); 8] };
    let sources: Vec<String> = cost
        .components
        .iter()
        .map(|component| component.price.as_ref().map(|price| price.origin.label(lang)).unwrap_or_default())
        .collect();
    vec![
        crate::i18n::labels::billing_label(cost.billing, lang).to_string(),
        amount_cell(&cost.current_yearly, separator),
        amount_cell(&cost.csp_yearly, separator),
        cost.csp_yearly.as_ref().map(|money| money.currency.clone()).unwrap_or_default(),
        amount_cell(&cost.difference_yearly, separator),
        amount_cell(&cost.cost_yearly, separator),
        amount_cell(&cost.margin_yearly, separator),
        sources.join(" / "),
    ]
}

/// One line's cells, before neutralisation.
fn line_cells(customer: &str, line: &PlanLine, separator: Separator, lang: Lang) -> Vec<String> {
    let blockers: Vec<String> = line
        .findings
        .iter()
        .filter(|finding| finding.severity == Severity::Blocker)
        .map(|finding| finding.message(lang))
        .collect();
    let mut rules: Vec<&str> = line.findings.iter().map(|finding| finding.rule.code()).collect();
    crate::sorting::sort(&mut rules);
    rules.dedup();
    let cost = line
        .overlap_cost
        .map(|cost| format!("{cost:.2}").replace('.', &separator.decimal_mark().to_string()))
        .unwrap_or_default();
    vec![
        customer.to_string(),
        line.subscription_id.clone(),
        line.product.to_string(),
        channel_label(line.channel, lang).to_string(),
        status_label(line.status, lang).to_string(),
        path_label(line.path, lang).to_string(),
        target_label(line).unwrap_or_default(),
        line.target.as_ref().map(|target| target.sku_id.clone()).unwrap_or_default(),
        line.seats.to_string(),
        line.seats_source_total.to_string(),
        line.seats_assigned.map(|seats| seats.to_string()).unwrap_or_default(),
        date(line.dates.term_end),
        yes_no(line.dates.term_end_estimated, lang).to_string(),
        date(line.dates.auto_renew_off_by),
        date(line.dates.transfer_on),
        date(line.dates.purchase_on),
        date(line.dates.cancel_window_ends),
        date(line.dates.cutover_on),
        date(line.dates.data_at_risk_after),
        line.overlap_days.map(|days| days.to_string()).unwrap_or_default(),
        cost,
        line.currency.as_deref().unwrap_or_default().to_string(),
        yes_no(line.reassign_licenses, lang).to_string(),
        yes_no(line.credit_eligible, lang).to_string(),
        blockers.join(" / "),
        rules.join(" "),
    ]
}

/// The plan lines as CSV text, with their cost columns, starting with the byte
/// order mark, lines ending in CRLF.
pub fn plan_to_csv(plan: &Plan, cost: &crate::cost::CostPlan, separator: Separator, lang: Lang) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(separator.byte())
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail for I/O reasons, and every record has the same
    // number of fields as the header; errors are still folded into the text rather
    // than panicking.
    let mut problems = Vec::new();
    if let Err(error) = writer.write_record(header(lang)) {
        problems.push(error.to_string());
    }
    for customer in &plan.customers {
        for line in &customer.lines {
            let mut cells = line_cells(&customer.name, line, separator, lang);
            cells.extend(cost_cells(cost.line(&line.subscription_id), separator, lang));
            let cells: Vec<String> = cells.iter().map(|cell| neutralise(cell)).collect();
            if let Err(error) = writer.write_record(&cells) {
                problems.push(error.to_string());
            }
        }
    }
    let bytes = writer.into_inner().unwrap_or_else(|error| error.into_inner().get_ref().clone());
    let mut text = String::from(BYTE_ORDER_MARK);
    text.push_str(&String::from_utf8_lossy(&bytes));
    for problem in problems {
        text.push_str(&neutralise(&problem));
        text.push_str("\r\n");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        for formula in ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tX", "\rX"] {
            assert!(neutralise(formula).starts_with('\''), "{formula:?}");
        }
        assert_eq!(neutralise("Office 365 E3"), "Office 365 E3");
        assert_eq!(neutralise(""), "");
    }
}

//! The cost sections of the documents, from the money view (`crate::cost`):
//! the partner report's, with the partner's cost, margin, price sources,
//! licence suggestions and the purchase list; and the customer letter's, with
//! what the customer pays today and in CSP only (never the partner's cost or
//! margin, nor where its prices come from).

use crate::cost::{CostPlan, CurrencyTotals, CustomerCost, Money};
use crate::i18n::format;
use crate::i18n::labels::billing_label;
use crate::i18n::Lang;
use crate::model::Decision;
use crate::plan::Plan;

use super::document::{plain, Block, Document, Span, Spans, Table, Tone};

fn money(cents: i64, currency: &str, lang: Lang) -> String {
    format::money_cents(cents, Some(currency), lang)
}

fn or_unknown(value: &Option<Money>, lang: Lang) -> String {
    value.as_ref().map_or_else(|| lang.pick("unknown", "inconnu").to_string(), |money| money.text(lang))
}

/// The figures of one currency both documents show; the partner's add cost and margin.
fn shared_facts(totals: &CurrencyTotals, lang: Lang) -> Vec<(String, super::document::Spans)> {
    let currency = &totals.currency;
    let difference = if totals.difference_yearly > 0 {
        lang.pick("Increase per year", "Hausse par an")
    } else {
        lang.pick("Saving per year", "Économie par an")
    };
    let compared = match lang {
        Lang::En => format!(" (on the {} lines priced both today and in CSP)", totals.compared_lines),
        Lang::Fr => format!(" (sur les {} lignes dont les deux prix sont connus)", totals.compared_lines),
    };
    vec![
        (
            lang.pick("Today, per year", "Aujourd’hui, par an").into(),
            plain(money(totals.current_yearly, currency, lang)),
        ),
        (
            lang.pick("In CSP, per year", "Dans CSP, par an").into(),
            plain(money(totals.csp_yearly, currency, lang)),
        ),
        (difference.into(), plain(money(totals.difference_yearly.abs(), currency, lang) + &compared)),
        (
            lang.pick("Overlap of the move", "Chevauchement de la migration").into(),
            plain(money(totals.overlap, currency, lang)),
        ),
        (
            lang.pick(
                "First year in CSP, overlap included",
                "Première année dans CSP, chevauchement compris",
            )
            .into(),
            plain(money(totals.first_year, currency, lang)),
        ),
    ]
}

fn missing_note(customer: &CustomerCost, lang: Lang) -> Option<String> {
    let totals = &customer.totals;
    (totals.lines_without_current + totals.lines_without_csp > 0).then(|| match lang {
        Lang::En => format!(
            "Totals for the lines with prices: {} of {} lines lack today's price, {} lack a CSP price.",
            totals.lines_without_current, totals.lines, totals.lines_without_csp
        ),
        Lang::Fr => format!(
            "Totaux pour les lignes avec prix : {} lignes sur {} n’ont pas de prix actuel, {} n’ont pas de prix CSP.",
            totals.lines_without_current, totals.lines, totals.lines_without_csp
        ),
    })
}

/// The partner report's cost section of one customer: figures per currency with
/// cost and margin, each line with its billing and price source, the licence
/// suggestions and the purchase list.
pub fn partner_cost_section(
    document: &mut Document,
    plan: &Plan,
    cost: &CostPlan,
    customer: &CustomerCost,
    level: u8,
    lang: Lang,
) {
    document.heading(level, lang.pick("Costs and margin", "Coûts et marge"));
    if customer.lines.is_empty() {
        document.paragraph(plain(lang.pick("No migrated line to price.", "Aucune ligne migrée à chiffrer.")));
        return;
    }
    document.paragraph(plain(format!(
        "{}{}{}",
        lang.pick("Default billing of the plan", "Facturation par défaut du plan"),
        lang.pick(": ", " : "),
        billing_label(cost.billing_default, lang)
    )));
    for totals in &customer.totals.by_currency {
        let mut facts = shared_facts(totals, lang);
        facts.push((
            lang.pick("Your cost per year", "Votre coût par an").into(),
            plain(money(totals.cost_yearly, &totals.currency, lang)),
        ));
        let margin = match lang {
            Lang::En => format!(
                "{} (on the {} lines with your sell price and a cost)",
                money(totals.margin_yearly, &totals.currency, lang),
                totals.margin_lines
            ),
            Lang::Fr => format!(
                "{} (sur les {} lignes avec votre prix de vente et un coût)",
                money(totals.margin_yearly, &totals.currency, lang),
                totals.margin_lines
            ),
        };
        facts.push((lang.pick("Your margin per year", "Votre marge par an").into(), plain(margin)));
        facts.push((
            lang.pick("Licence optimisation per year", "Optimisation des licences par an").into(),
            plain(match lang {
                Lang::En => format!(
                    "{} accepted, {} still to decide",
                    money(totals.saving_accepted_yearly, &totals.currency, lang),
                    money(totals.saving_open_yearly, &totals.currency, lang)
                ),
                Lang::Fr => format!(
                    "{} acceptés, {} encore à décider",
                    money(totals.saving_accepted_yearly, &totals.currency, lang),
                    money(totals.saving_open_yearly, &totals.currency, lang)
                ),
            }),
        ));
        document.blocks.push(Block::Facts(facts));
    }
    if let Some(note) = missing_note(customer, lang) {
        document.blocks.push(Block::List {
            ordered: false,
            tone: Tone::Assumption,
            items: vec![plain(note)],
        });
    }
    // The price sources are sentences: a list under the table rather than a narrow
    // column that made each row a page tall on paper.
    let mut price_sources: Vec<Spans> = Vec::new();
    let rows = customer
        .lines
        .iter()
        .map(|line| {
            let sources: Vec<String> = line
                .components
                .iter()
                .map(|component| {
                    component.price.as_ref().map_or_else(
                        || lang.pick("no price", "aucun prix").to_string(),
                        |price| {
                            let mut origin = price.origin.label(lang);
                            if let Some(from) = price.converted_from {
                                origin.push_str(&match lang {
                                    Lang::En => format!(
                                        ", converted from {} (PRICE-BILLING)",
                                        billing_label(from, lang).to_lowercase()
                                    ),
                                    Lang::Fr => format!(
                                        ", converti depuis {} (PRICE-BILLING)",
                                        billing_label(from, lang).to_lowercase()
                                    ),
                                });
                            }
                            origin
                        },
                    )
                })
                .collect();
            price_sources.push(vec![
                Span::Strong(line.product.to_string()),
                Span::Text(format!("{}{}", lang.pick(": ", " : "), sources.join(" / "))),
            ]);
            vec![
                plain(line.product.clone()),
                plain(billing_label(line.billing, lang)),
                plain(or_unknown(&line.current_yearly, lang)),
                plain(or_unknown(&line.csp_yearly, lang)),
                plain(or_unknown(&line.difference_yearly, lang)),
                plain(or_unknown(&line.overlap_cost, lang)),
                plain(or_unknown(&line.cost_yearly, lang)),
                plain(
                    line.margin_yearly.as_ref().map_or_else(|| "–".to_string(), |margin| margin.text(lang)),
                ),
            ]
        })
        .collect();
    document.blocks.push(Block::Table(Table {
        caption: Some(lang.pick("Per line, per year", "Par ligne, par an").into()),
        header: [
            lang.pick("Product", "Produit"),
            lang.pick("Billing", "Facturation"),
            lang.pick("Today", "Aujourd’hui"),
            lang.pick("In CSP", "Dans CSP"),
            lang.pick("Difference", "Écart"),
            lang.pick("Overlap", "Chevauchement"),
            lang.pick("Your cost", "Votre coût"),
            lang.pick("Margin", "Marge"),
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }));
    if !price_sources.is_empty() {
        document.paragraph(vec![Span::Strong(lang.pick("Price sources", "Sources des prix").into())]);
        document.blocks.push(Block::List { ordered: false, tone: Tone::Normal, items: price_sources });
    }
    let suggestions: Vec<_> = customer
        .lines
        .iter()
        .flat_map(|line| line.suggestions.iter().map(move |suggestion| (line, suggestion)))
        .map(|(line, suggestion)| {
            let status = match suggestion.decision {
                Some(Decision::Accepted) => lang.pick("accepted", "acceptée"),
                Some(Decision::Refused) => lang.pick("refused", "refusée"),
                None => lang.pick("to decide", "à décider"),
            };
            plain(format!(
                "{} ({}, {status}): {}",
                line.product,
                suggestion.finding.rule.code(),
                suggestion.finding.message(lang)
            ))
        })
        .collect();
    if !suggestions.is_empty() {
        document.heading(level + 1, lang.pick("Licence optimisation", "Optimisation des licences"));
        document.blocks.push(Block::List { ordered: false, tone: Tone::Normal, items: suggestions });
    }
    let purchases: Vec<_> = crate::cost::purchase_list(cost, plan)
        .into_iter()
        .filter(|row| row.customer == customer.name)
        .map(|row| {
            vec![
                plain(format!("{} ({})", row.name, row.sku_part_number)),
                plain(format::count(u64::from(row.seats), lang)),
                plain(billing_label(row.billing, lang)),
                plain(super::date_cell(row.buy_on, lang)),
                plain(row.price.as_ref().map_or_else(
                    || lang.pick("no price", "aucun prix").to_string(),
                    |price| format::money(price.per_seat_monthly, Some(&price.currency), lang),
                )),
                plain(row.monthly.as_ref().map_or_else(|| "–".to_string(), |money| money.text(lang))),
            ]
        })
        .collect();
    document.heading(level + 1, lang.pick("Purchase list", "Liste d’achats"));
    if purchases.is_empty() {
        document.paragraph(plain(lang.pick(
            "Nothing to buy: every migrated line moves by transfer.",
            "Rien à acheter : toutes les lignes migrées passent par transfert.",
        )));
    } else {
        document.blocks.push(Block::Table(Table {
            caption: None,
            header: [
                lang.pick("SKU", "SKU"),
                lang.pick("Seats", "Licences"),
                lang.pick("Billing", "Facturation"),
                lang.pick("Buy on", "Achat le"),
                lang.pick("Price per seat per month", "Prix par licence et par mois"),
                lang.pick("Per month", "Par mois"),
            ]
            .map(String::from)
            .to_vec(),
            rows: purchases,
        }));
    }
}

/// The customer letter's cost section: what the customer pays today and in
/// CSP, the overlap and the first year, per currency and per line. Never the
/// partner's cost, margin or price sources.
pub fn customer_cost_section(document: &mut Document, customer: &CustomerCost, lang: Lang) {
    let priced = customer.lines.iter().any(|line| line.current_yearly.is_some() || line.csp_yearly.is_some());
    if !priced {
        return;
    }
    document.heading(2, lang.pick("What it costs", "Ce que cela coûte"));
    document.paragraph(plain(lang.pick(
        "Amounts per year, for the subscriptions that move, excluding tax. The overlap is the few days both the current and the new subscription are paid, so that your users never lose access.",
        "Montants annuels hors taxes, pour les abonnements transférés. Le chevauchement correspond aux quelques jours où l’abonnement actuel et le nouveau sont tous deux payés, pour que vos utilisateurs ne perdent jamais l’accès.",
    )));
    for totals in &customer.totals.by_currency {
        document.blocks.push(Block::Facts(shared_facts(totals, lang)));
    }
    if let Some(note) = missing_note(customer, lang) {
        document.paragraph(plain(note));
    }
    let rows = customer
        .lines
        .iter()
        .map(|line| {
            vec![
                plain(line.product.clone()),
                plain(billing_label(line.billing, lang)),
                plain(or_unknown(&line.current_yearly, lang)),
                plain(if line.dropped {
                    lang.pick("no longer bought", "n’est plus acheté").to_string()
                } else {
                    or_unknown(&line.csp_yearly, lang)
                }),
            ]
        })
        .collect();
    document.blocks.push(Block::Table(Table {
        caption: None,
        header: [
            lang.pick("Subscription", "Abonnement"),
            lang.pick("Billing", "Facturation"),
            lang.pick("Today, per year", "Aujourd’hui, par an"),
            lang.pick("In CSP, per year", "Dans CSP, par an"),
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }));
}

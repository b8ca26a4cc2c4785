//! The partner report: everything the partner needs to run the migration, as a
//! structured [`Document`] in the partner's language.
//!
//! Order: who and when, the summary, blockers first, the timeline, each
//! subscription with its reasons (rule ids), the checklist, seats before and after,
//! the assumptions and estimates the plan rests on, and the rules with their sources.

use std::collections::HashMap;

use crate::i18n::format;
use crate::i18n::labels::{billing_frequency_label, channel_label, path_label, term_label};
use crate::i18n::Lang;
use crate::model::{MigrationPath, PlanInput, Subscription};
use crate::plan::{CustomerPlan, FindingCode, Plan, PlanLine};
use crate::rules::{rule, Severity};

use super::document::{plain, Block, Document, Span, Spans, Table, Tone};
use super::milestones::milestones;
use super::{date_cell, plan_customer_name};

pub(crate) fn yes_no(value: bool, lang: Lang) -> &'static str {
    if value {
        lang.pick("yes", "oui")
    } else {
        lang.pick("no", "non")
    }
}

pub(crate) fn estimated_marker(lang: Lang) -> Span {
    Span::Estimated(lang.pick("(estimated)", "(estimation)").to_string())
}

/// The offer to buy, with its add-on: `Office 365 E3 (no Teams) + Microsoft Teams Enterprise`.
pub fn target_label(line: &PlanLine) -> Option<String> {
    line.target.as_ref().map(|target| match &target.add_on {
        Some(add_on) => format!("{} + {}", target.name, add_on.name),
        None => target.name.clone(),
    })
}

/// `Office 365 E3 (LEG-E3-004)`; the product's catalog name when the file gave
/// only its part number, and no id when the importer made it up.
pub fn line_label(line: &PlanLine) -> String {
    match line.given_id() {
        Some(id) => format!("{} ({id})", line.product_name()),
        None => line.product_name().to_string(),
    }
}

/// `France` for `FR`; a code the markets table does not know stays as it is.
fn country_label(code: &str, lang: Lang) -> String {
    crate::markets::country(code)
        .map_or_else(|| code.to_string(), |country| country.display_name(lang).to_string())
}

fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() {
        "–"
    } else {
        text
    }
}

/// The partner report of the whole plan in `lang`.
pub fn partner_report(plan: &Plan, input: &PlanInput, cost: &crate::cost::CostPlan, lang: Lang) -> Document {
    let customer_name = plan_customer_name(plan);
    let title = format!(
        "{}{}{}",
        lang.pick("Migration plan", "Plan de migration"),
        lang.pick(": ", " : "),
        or_dash(&customer_name)
    );
    let mut document = Document::new(lang, title);

    let market_label = |id: &str| {
        crate::markets::markets()
            .iter()
            .find(|market| market.id == id)
            .map_or_else(|| id.to_string(), |market| market.label(lang).to_string())
    };
    let partner = match (plan.partner_country.as_deref(), plan.partner_market.as_deref()) {
        (Some(country), Some(market)) => {
            format!(
                "{} ({}, {} {})",
                or_dash(&plan.partner_name),
                country_label(country, lang),
                lang.pick("CSP market", "marché CSP"),
                market_label(market)
            )
        }
        (Some(country), None) => {
            format!("{} ({})", or_dash(&plan.partner_name), country_label(country, lang))
        }
        _ => or_dash(&plan.partner_name).to_string(),
    };
    let mut facts = Vec::new();
    for customer in &plan.customers {
        let mut value = or_dash(&customer.name).to_string();
        let country = customer.tenant_country.as_deref().map(|code| country_label(code, lang));
        let details: Vec<&str> =
            [country.as_deref(), customer.tenant_id.as_deref()].into_iter().flatten().collect();
        if !details.is_empty() {
            value.push_str(&format!(" ({})", details.join(lang.pick(", tenant ", ", locataire "))));
        }
        facts.push((lang.pick("Customer", "Client").to_string(), plain(value)));
    }
    facts.push((lang.pick("Partner", "Partenaire").to_string(), plain(partner)));
    facts.push((lang.pick("Plan date", "Date du plan").to_string(), plain(format::date(plan.as_of, lang))));
    facts.push((
        lang.pick("Rules as of", "Règles à jour au").to_string(),
        plain(format::date(plan.rules_as_of, lang)),
    ));
    facts.push((
        lang.pick("Catalog", "Catalogue").to_string(),
        plain(crate::catalog::catalog_label(&plan.catalog, lang)),
    ));
    document.blocks.push(Block::Facts(facts));

    // Ids are unique within a plan input, so each line finds its source subscription,
    // as the user corrected it (the plan was made from that).
    let corrected = input.with_source_overrides();
    let input = &*corrected;
    let sources: HashMap<&str, &Subscription> = input
        .subscriptions
        .iter()
        .map(|subscription| (subscription.subscription_id.as_str(), subscription))
        .collect();
    let several = plan.customers.len() > 1;
    let level = if several { 3 } else { 2 };
    for (index, customer) in plan.customers.iter().enumerate() {
        if several {
            document.heading(2, or_dash(&customer.name));
        }
        customer_sections(&mut document, customer, &sources, level, lang);
        // The money view has one entry per plan customer, in the same order.
        if let Some(customer_cost) = cost.customers.get(index) {
            super::cost_section::partner_cost_section(&mut document, plan, cost, customer_cost, level, lang);
        }
    }
    assumptions(&mut document, plan, input, lang);
    rules_and_sources(&mut document, plan, lang);
    document
}

fn customer_sections(
    document: &mut Document,
    customer: &CustomerPlan,
    sources: &HashMap<&str, &Subscription>,
    level: u8,
    lang: Lang,
) {
    summary(document, customer, level, lang);
    blockers(document, customer, level, lang);
    customer_findings(document, customer, level, lang);
    timeline(document, customer, level, lang);
    document.heading(level, lang.pick("Subscriptions", "Abonnements"));
    for line in &customer.lines {
        subscription(document, line, sources.get(line.subscription_id.as_str()).copied(), level + 1, lang);
    }
    checklist(document, customer, level, lang);
    totals(document, customer, level, lang);
}

fn summary(document: &mut Document, customer: &CustomerPlan, level: u8, lang: Lang) {
    document.heading(level, lang.pick("Summary", "Synthèse"));
    let count = |path: MigrationPath| customer.lines.iter().filter(|line| line.path == path).count();
    let mut items = vec![plain(format!(
        "{} {}",
        customer.lines.len(),
        lang.pick("subscriptions in the plan", "abonnements dans le plan")
    ))];
    for path in MigrationPath::ALL {
        let lines = count(path);
        if lines > 0 {
            items.push(plain(format!("{}{}{lines}", path_label(path, lang), lang.pick(": ", " : "))));
        }
    }
    let blockers = customer.blocker_count();
    items.push(vec![Span::Strong(match blockers {
        0 => lang.pick("No blockers", "Aucun point bloquant").to_string(),
        count => format!("{}{}{count}", lang.pick("Blockers", "Points bloquants"), lang.pick(": ", " : ")),
    })]);
    items.push(plain(customer.seats.describe(lang)));
    document.blocks.push(Block::List { ordered: false, tone: Tone::Normal, items });
    let keys = &customer.key_dates;
    let mut facts = Vec::new();
    // A date that comes from blocked lines only is flagged: it is as real as the others.
    let mut fact = |label: &str, date: Option<chrono::NaiveDate>, field: &str| {
        if let Some(date) = date {
            let mut spans = plain(format::date(date, lang));
            if keys.from_blocked(field) {
                spans.push(Span::Text(" ".into()));
                spans.push(Span::Strong(lang.pick("(blocked line)", "(ligne bloquée)").to_string()));
            }
            facts.push((label.to_string(), spans));
        }
    };
    fact(
        lang.pick("Customer set-up done by", "Mise en place client au plus tard le"),
        keys.ready_on,
        "ready_on",
    );
    fact(lang.pick("First purchase", "Premier achat"), keys.first_purchase_on, "first_purchase_on");
    fact(lang.pick("Last purchase", "Dernier achat"), keys.last_purchase_on, "last_purchase_on");
    fact(
        lang.pick("First source term end", "Première fin d’engagement d’origine"),
        keys.first_term_end,
        "first_term_end",
    );
    fact(lang.pick("Last cut-over", "Dernière bascule"), keys.last_cutover_on, "last_cutover_on");
    if keys.earliest_users_lose_access_after != keys.earliest_data_at_risk_after {
        fact(
            lang.pick("Users first lose access after", "Premiers utilisateurs sans accès après le"),
            keys.earliest_users_lose_access_after,
            "earliest_users_lose_access_after",
        );
    }
    fact(
        lang.pick("Earliest data-at-risk date", "Première date de risque pour les données"),
        keys.earliest_data_at_risk_after,
        "earliest_data_at_risk_after",
    );
    if !facts.is_empty() {
        document.blocks.push(Block::Facts(facts));
    }
}

/// A finding as a list item: `[REL-1] Blocker: message`.
fn finding_item(finding: &crate::plan::Finding, about: Option<&PlanLine>, lang: Lang) -> Spans {
    let mut spans = vec![Span::Rule(finding.rule.code().to_string())];
    if let Some(tag) = rule(finding.rule).unverified_tag(lang) {
        spans.push(Span::Text(" ".into()));
        spans.push(Span::Estimated(format!("({tag})")));
    }
    spans.extend([Span::Text(" ".into()), Span::Strong(finding.severity.label(lang).to_string())]);
    if let Some(line) = about {
        spans.push(Span::Text(format!(" – {}", line_label(line))));
    }
    spans.push(Span::Text(format!("{}{}", lang.pick(": ", " : "), finding.message(lang))));
    spans
}

fn blockers(document: &mut Document, customer: &CustomerPlan, level: u8, lang: Lang) {
    let count = customer.blocker_count();
    document.heading(level, format!("{} ({count})", lang.pick("Blockers", "Points bloquants")));
    let items: Vec<Spans> = customer
        .findings
        .iter()
        .filter(|finding| finding.is_blocker())
        .map(|finding| finding_item(finding, None, lang))
        .chain(customer.lines.iter().flat_map(|line| {
            line.findings
                .iter()
                .filter(|finding| finding.is_blocker())
                .map(move |finding| finding_item(finding, Some(line), lang))
        }))
        .collect();
    if items.is_empty() {
        document.paragraph(plain(lang.pick("Nothing blocks the plan.", "Rien ne bloque le plan.")));
    } else {
        document.blocks.push(Block::List { ordered: false, tone: Tone::Blocker, items });
    }
}

/// The warnings and notes about the whole customer (relationship, MCA, GDAP,
/// caps, regions), warnings first; its blockers are listed with the others.
fn customer_findings(document: &mut Document, customer: &CustomerPlan, level: u8, lang: Lang) {
    let mut findings: Vec<&crate::plan::Finding> =
        customer.findings.iter().filter(|finding| !finding.is_blocker()).collect();
    if findings.is_empty() {
        return;
    }
    crate::sorting::sort_by_key(&mut findings, |finding| finding.severity);
    let tone = if findings.iter().any(|finding| finding.severity == Severity::Warning) {
        Tone::Warning
    } else {
        Tone::Normal
    };
    document.heading(level, lang.pick("About the whole customer", "Sur l’ensemble du client"));
    let items = findings.into_iter().map(|finding| finding_item(finding, None, lang)).collect();
    document.blocks.push(Block::List { ordered: false, tone, items });
}

fn timeline(document: &mut Document, customer: &CustomerPlan, level: u8, lang: Lang) {
    document.heading(level, lang.pick("Timeline", "Calendrier"));
    let rows: Vec<Vec<Spans>> = milestones(customer)
        .into_iter()
        .map(|milestone| {
            vec![
                plain(format::date(milestone.date, lang)),
                plain(milestone.label(lang)),
                plain(milestone.line.map_or_else(|| or_dash(&customer.name).to_string(), line_label)),
                vec![Span::Rule(milestone.rule().code().to_string())],
            ]
        })
        .collect();
    if rows.is_empty() {
        document
            .paragraph(plain(lang.pick("No dated milestone yet.", "Aucune échéance datée pour l’instant.")));
        return;
    }
    document.blocks.push(Block::Table(Table {
        caption: None,
        header: vec![
            lang.pick("Date", "Date").into(),
            lang.pick("Milestone", "Échéance").into(),
            lang.pick("Subscription", "Abonnement").into(),
            lang.pick("Rule", "Règle").into(),
        ],
        rows,
    }));
}

/// One subscription: its heading and facts as one group, which printing keeps
/// on one page, then its findings and equivalents, which may flow on to the next
/// page between items (a subscription with ten findings would otherwise take a
/// page of its own).
fn subscription(
    report: &mut Document,
    line: &PlanLine,
    source: Option<&Subscription>,
    level: u8,
    lang: Lang,
) {
    let mut blocks = Document::new(lang, String::new());
    subscription_blocks(&mut blocks, line, source, level, lang);
    let rest = blocks.blocks.split_off(2.min(blocks.blocks.len()));
    report.blocks.push(Block::Group(blocks.blocks));
    report.blocks.extend(rest);
}

fn subscription_blocks(
    document: &mut Document,
    line: &PlanLine,
    source: Option<&Subscription>,
    level: u8,
    lang: Lang,
) {
    document.heading(level, line_label(line));
    let mut facts: Vec<(String, Spans)> = Vec::new();
    let mut path = path_label(line.path, lang).to_string();
    if line.recommended_path != line.path {
        path.push_str(&format!(
            " ({} {})",
            lang.pick("recommended:", "recommandé :"),
            path_label(line.recommended_path, lang).to_lowercase()
        ));
    }
    facts.push((lang.pick("Path", "Parcours").into(), plain(path)));
    facts.push((lang.pick("Bought through", "Acheté via").into(), plain(channel_label(line.channel, lang))));
    if let Some(source) = source {
        facts.push((lang.pick("Term", "Durée d’engagement").into(), plain(term_label(source.term, lang))));
        facts.push((
            lang.pick("Billing", "Facturation").into(),
            plain(billing_frequency_label(source.billing, lang)),
        ));
    }
    if let Some(target) = target_label(line) {
        let mut spans = plain(target);
        if let Some(offer) = &line.target {
            if offer.same_as_source {
                spans.push(Span::Text(lang.pick(" (same offer)", " (même offre)").into()));
            } else if offer.chosen_by_user {
                spans.push(Span::Text(lang.pick(" (chosen by you)", " (choisie par vous)").into()));
            }
        }
        facts.push((lang.pick("Target offer", "Offre cible").into(), spans));
    }
    let mut seats = format::count(u64::from(line.seats), lang);
    let mut details = vec![format!(
        "{} {}",
        lang.pick("source", "source"),
        format::count(u64::from(line.seats_source_total), lang)
    )];
    if let Some(assigned) = line.seats_assigned {
        details.push(format!(
            "{} {}",
            format::count(u64::from(assigned), lang),
            lang.pick("assigned", "attribuées")
        ));
    }
    seats.push_str(&format!(" ({})", details.join(", ")));
    facts.push((lang.pick("Seats", "Licences").into(), plain(seats)));
    let dates = &line.dates;
    if let Some(term_end) = dates.term_end {
        let mut spans = plain(format::date(term_end, lang));
        if dates.term_end_estimated {
            spans.push(Span::Text(" ".into()));
            spans.push(estimated_marker(lang));
        }
        facts.push((lang.pick("Source term end", "Fin d’engagement d’origine").into(), spans));
    }
    let mut date_fact = |label: &str, date: Option<chrono::NaiveDate>| {
        if let Some(date) = date {
            facts.push((label.to_string(), plain(format::date(date, lang))));
        }
    };
    date_fact(
        lang.pick("Turn off auto-renew by", "Désactiver le renouvellement automatique avant le"),
        dates.auto_renew_off_by,
    );
    date_fact(lang.pick("Transfer on", "Transfert le"), dates.transfer_on);
    date_fact(
        lang.pick("Fall back to buying if not approved by", "Se replier sur un achat si non approuvé le"),
        dates.fallback_on,
    );
    date_fact(lang.pick("Buy on", "Achat le"), dates.purchase_on);
    date_fact(
        lang.pick("Cancellation window ends", "Fin de la fenêtre d’annulation"),
        dates.cancel_window_ends,
    );
    date_fact(lang.pick("Cut-over", "Bascule"), dates.cutover_on);
    // Two dates where the channel makes them differ (direct, EA), one otherwise.
    if dates.users_lose_access_after != dates.data_at_risk_after {
        date_fact(
            lang.pick("Users lose access after", "Les utilisateurs perdent l’accès après le"),
            dates.users_lose_access_after,
        );
    }
    date_fact(lang.pick("Data at risk after", "Données en danger après le"), dates.data_at_risk_after);
    if let Some(days) = line.overlap_days.filter(|days| *days > 0) {
        let mut spans =
            plain(format!("{} {}", format::count(u64::from(days), lang), lang.pick("days", "jours")));
        if let Some(cost) = line.overlap_cost {
            spans.push(Span::Text(format!(
                ", {} {} ",
                lang.pick("about", "environ"),
                format::money(cost, line.currency.as_deref(), lang)
            )));
            spans.push(estimated_marker(lang));
        }
        facts.push((lang.pick("Overlap", "Chevauchement").into(), spans));
    }
    if line.reassign_licenses {
        facts.push((
            lang.pick("Licenses to reassign", "Licences à réattribuer").into(),
            plain(yes_no(true, lang)),
        ));
    }
    if line.credit_eligible {
        facts.push((
            lang.pick("May be eligible for a credit", "Crédit possible").into(),
            plain(yes_no(true, lang)),
        ));
    }
    if let Some(batch) = line.transfer_batch {
        facts.push((lang.pick("Transfer batch", "Lot de transfert").into(), plain(batch.to_string())));
    }
    if let Some(note) = line.note.as_deref().filter(|note| !note.trim().is_empty()) {
        facts.push((lang.pick("Your note", "Votre note").into(), plain(note)));
    }
    facts.push((
        lang.pick("Source", "Source").into(),
        plain(format!(
            "{}{}{}",
            crate::i18n::labels::source_label(&line.source.file, lang),
            lang.pick(", line ", ", ligne "),
            line.source.line
        )),
    ));
    document.blocks.push(Block::Facts(facts));
    if !line.findings.is_empty() {
        // Blockers, then warnings, then notes: what needs doing first reads first.
        let mut findings: Vec<&crate::plan::Finding> = line.findings.iter().collect();
        crate::sorting::sort_by_key(&mut findings, |finding| finding.severity);
        let tone = if line.has_blocker() {
            Tone::Blocker
        } else if findings.iter().any(|f| f.severity == Severity::Warning) {
            Tone::Warning
        } else {
            Tone::Normal
        };
        document.blocks.push(Block::List {
            ordered: false,
            tone,
            items: findings.into_iter().map(|finding| finding_item(finding, None, lang)).collect(),
        });
    }
    if line.candidates.len() > 1
        || line.target.as_ref().is_some_and(|target| !target.same_as_source) && !line.candidates.is_empty()
    {
        let items = line
            .candidates
            .iter()
            .map(|candidate| {
                let mut name = candidate.offer.name.clone();
                if let Some(add_on) = &candidate.add_on {
                    name.push_str(&format!(" + {}", add_on.name));
                }
                let lost: Vec<&str> =
                    candidate.plans_lost.iter().map(|plan| plan.friendly_name.as_str()).collect();
                let detail = if lost.is_empty() {
                    lang.pick("loses no service plan", "ne perd aucun plan de service").to_string()
                } else {
                    format!("{} {}", lang.pick("loses:", "perd :"), lost.join(", "))
                };
                plain(format!("{name} – {detail}"))
            })
            .collect();
        document.paragraph(vec![Span::Strong(
            lang.pick("Equivalent offers considered", "Offres équivalentes étudiées").into(),
        )]);
        document.blocks.push(Block::List { ordered: false, tone: Tone::Normal, items });
    }
}

fn checklist(document: &mut Document, customer: &CustomerPlan, level: u8, lang: Lang) {
    document.heading(level, lang.pick("Checklist", "Liste des étapes"));
    if customer.checklist.is_empty() {
        document.paragraph(plain(lang.pick("No step: nothing moves.", "Aucune étape : rien n’est migré.")));
        return;
    }
    let rows = customer
        .checklist
        .iter()
        .map(|step| {
            vec![
                plain(step.order.to_string()),
                plain(date_cell(step.due_on, lang)),
                plain(step.actor.label(lang)),
                plain(step.text(lang)),
                vec![Span::Rule(step.rule.code().to_string())],
            ]
        })
        .collect();
    document.blocks.push(Block::Table(Table {
        caption: None,
        header: vec![
            "#".into(),
            lang.pick("By", "Pour le").into(),
            lang.pick("Who", "Qui").into(),
            lang.pick("Step", "Étape").into(),
            lang.pick("Rule", "Règle").into(),
        ],
        rows,
    }));
}

fn totals(document: &mut Document, customer: &CustomerPlan, level: u8, lang: Lang) {
    if customer.totals.is_empty() {
        return;
    }
    document.heading(level, lang.pick("Seats before and after", "Licences avant et après"));
    let rows = customer
        .totals
        .iter()
        .map(|total| {
            vec![
                plain(total.name.clone()),
                plain(format::count(total.seats_before, lang)),
                plain(format::count(total.seats_after, lang)),
            ]
        })
        .collect();
    document.blocks.push(Block::Table(Table {
        caption: None,
        header: vec![
            lang.pick("Product", "Produit").into(),
            lang.pick("Before", "Avant").into(),
            lang.pick("After", "Après").into(),
        ],
        rows,
    }));
}

/// What the plan assumes or estimates rather than reads, each marked as such.
fn assumptions(document: &mut Document, plan: &Plan, input: &PlanInput, lang: Lang) {
    document.heading(2, lang.pick("Assumptions and estimates", "Hypothèses et estimations"));
    let settings = &input.settings;
    let mut items: Vec<Spans> = Vec::new();
    let assumed = || Span::Estimated(lang.pick("Assumption:", "Hypothèse :").to_string());
    for customer in &plan.customers {
        if let (Some(ready_on), true) =
            (customer.key_dates.ready_on, customer.key_dates.ready_on != Some(plan.as_of))
        {
            items.push(vec![
                assumed(),
                Span::Text(format!(
                    " {} {} {} {} ({}{}).",
                    or_dash(&customer.name),
                    lang.pick(
                        "accepts the reseller relationship, and the Microsoft Customer Agreement where needed, within",
                        "accepte la relation de revendeur, et le Contrat client Microsoft si nécessaire, sous"
                    ),
                    settings.acceptance_days,
                    lang.pick("days", "jours"),
                    lang.pick("by ", "au plus tard le "),
                    format::date(ready_on, lang),
                )),
            ]);
        }
    }
    items.push(vec![
        assumed(),
        Span::Text(format!(
            " {} {} {} {}",
            lang.pick("purchases are planned", "les achats sont prévus"),
            settings.purchase_lead_days,
            lang.pick("days", "jours"),
            lang.pick(
                "before the source term end, so the new subscription's 7-day cancellation window covers the cut-over.",
                "avant la fin d’engagement d’origine, pour que la fenêtre d’annulation de 7 jours du nouvel abonnement couvre la bascule."
            ),
        )),
    ]);
    for line in plan.lines() {
        if let (Some(term_end), true) = (line.dates.term_end, line.dates.term_end_estimated) {
            items.push(vec![
                estimated_marker(lang),
                Span::Text(format!(
                    " {}{}{} {} {}",
                    line_label(line),
                    lang.pick(": ", " : "),
                    lang.pick("term end", "fin d’engagement"),
                    format::date(term_end, lang),
                    lang.pick(
                        "inferred from the file's dates, not read from it.",
                        "déduite des dates du fichier, non lue dans celui-ci."
                    ),
                )),
            ]);
        }
        if line.findings.iter().any(|finding| finding.code == FindingCode::TermEndUnknown) {
            items.push(vec![
                assumed(),
                Span::Text(format!(
                    " {}{}{}",
                    line_label(line),
                    lang.pick(": ", " : "),
                    lang.pick(
                        "the term end is unknown: its dates are left open.",
                        "la fin d’engagement est inconnue : ses dates restent ouvertes."
                    ),
                )),
            ]);
        }
    }
    if plan.lines().any(|line| line.overlap_cost.is_some()) {
        items.push(vec![
            estimated_marker(lang),
            Span::Text(format!(
                " {}",
                lang.pick(
                    "Overlap costs come from the file's unit prices, read per seat and per billing period (monthly when the file does not say).",
                    "Les coûts de chevauchement viennent des prix unitaires du fichier, lus par licence et par période de facturation (mensuelle si le fichier ne le dit pas)."
                )
            )),
        ]);
    }
    items.push(plain(format!(
        "{} {}.",
        lang.pick(
            "Offers and service plans are compared with the catalog",
            "Les offres et plans de service sont comparés avec le catalogue"
        ),
        crate::catalog::catalog_label(&plan.catalog, lang)
    )));
    document.blocks.push(Block::List { ordered: false, tone: Tone::Assumption, items });
}

fn rules_and_sources(document: &mut Document, plan: &Plan, lang: Lang) {
    document.heading(2, lang.pick("Rules and sources", "Règles et sources"));
    let rows = plan
        .rules_fired()
        .into_iter()
        .map(|id| {
            let entry = rule(id);
            vec![
                vec![Span::Rule(entry.code.to_string())],
                {
                    let mut what = vec![Span::Strong(entry.title(lang).to_string())];
                    if let Some(tag) = entry.unverified_tag(lang) {
                        what.push(Span::Text(" ".into()));
                        what.push(Span::Estimated(format!("({tag})")));
                    }
                    what.push(Span::Text(format!(" – {}", entry.explanation(lang))));
                    for change in entry.history {
                        what.push(Span::Text(format!(
                            " {} {}{}{}",
                            lang.pick("From", "Depuis le"),
                            format::date(change.from, lang),
                            lang.pick(": ", " : "),
                            change.text(lang)
                        )));
                    }
                    what
                },
                plain(entry.source),
                plain(format::date(entry.applies_from, lang)),
            ]
        })
        .collect();
    document.blocks.push(Block::Table(Table {
        caption: None,
        header: vec![
            lang.pick("Rule", "Règle").into(),
            lang.pick("What it says", "Ce qu’elle dit").into(),
            lang.pick("Source", "Source").into(),
            lang.pick("Applies from", "S’applique depuis").into(),
        ],
        rows,
    }));
}

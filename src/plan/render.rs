//! The plan as documented JSON (the `cspplan plan` output) and as Markdown, with
//! every message in the chosen language.
//!
//! The JSON, `schema_version` 1 (fields may be added; none is renamed or removed
//! without a new version). Dates are `YYYY-MM-DD` or `null`.
//!
//! ```text
//! {
//!   "schema_version": 1, "rules_as_of": "2026-12-03", "as_of": "…", "lang": "en|fr",
//!   "catalog": "built-in, 2026-11-24", "partner": { "name", "country", "market" },
//!   "blockers": 2, "rules_fired": ["REL-1", …],
//!   "customers": [{
//!     "name", "tenant_id", "tenant_country", "market", "blockers",
//!     "findings": [ finding ],                        customer-wide (region, MCA, GDAP, caps…)
//!     "lines": [{
//!       "subscription_id", "product", "channel", "status",
//!       "path": "partner_transfer|ea_channel_transfer|repurchase|blocked|not_migrated",
//!       "recommended_path", "source_sku": { "sku_id", "sku_part_number", "name" } | null,
//!       "target": { "sku_id", "sku_part_number", "name", "add_on", "same_as_source", "chosen_by_user" } | null,
//!       "candidates": [{ "sku_id", "sku_part_number", "name", "add_on", "shared_workloads",
//!                        "missing_workloads", "plans_lost", "plans_gained" }],
//!       "seats", "seats_source_total", "seats_assigned",
//!       "dates": { "term_end", "term_end_estimated", "auto_renew_off_by", "transfer_on", "fallback_on",
//!                  "purchase_on", "cancel_window_ends", "cutover_on", "users_lose_access_after",
//!                  "data_at_risk_after" },
//!       "overlap_days", "overlap_cost", "currency", "reassign_licenses", "credit_eligible",
//!       "billing_account": "mosa|mca|unknown",
//!       "transfer_batch", "overrides_applied", "findings": [ finding ], "source": { "file", "line" }
//!     }],
//!     "checklist": [{ "order", "actor": "partner|customer", "due_on", "rule", "code", "text", "subscription_ids" }],
//!     "totals": [{ "key", "name", "seats_before", "seats_after" }],
//!     "seats": { "to_move", "moved", "blocked", "left_out", "left_out_free_or_trial", "left_out_ended",
//!                "left_out_by_user", "left_out_not_seat_based", "add_on_seats" },
//!     "key_dates": { "relationship_request_on", "ready_on", "first_purchase_on", "last_purchase_on",
//!                    "first_term_end", "earliest_users_lose_access_after", "earliest_data_at_risk_after",
//!                    "last_cutover_on", "from_blocked_lines": ["earliest_data_at_risk_after", …] },
//!     "rules_fired": ["…"]
//!   }],
//!   "rules": [{ "id", "title", "explanation", "source", "applies_from", "unverified",
//!               "history": [{ "from", "text" }] }]      the rules fired, registry order
//! }
//! finding = { "rule": "EXPIRED-30", "severity": "blocker|warning|info", "code": "purchase_too_late", "message": "…" }
//! ```

use serde_json::{json, Value};

use super::{CustomerPlan, Finding, Plan, PlanLine};
use crate::i18n::Lang;
use crate::model::MigrationPath;
use crate::rules::rule;

/// Version of the JSON produced by [`plan_to_json`]; bumped on incompatible changes.
pub const PLAN_JSON_SCHEMA_VERSION: u32 = 1;

fn finding_json(finding: &Finding, lang: Lang) -> Value {
    json!({
        "rule": finding.rule,
        "severity": finding.severity,
        "code": finding.code,
        "message": finding.message(lang),
    })
}

fn line_json(line: &PlanLine, lang: Lang) -> Value {
    json!({
        "subscription_id": line.subscription_id,
        "product": line.product,
        "channel": line.channel,
        "status": line.status,
        "path": line.path,
        "recommended_path": line.recommended_path,
        "source_sku": line.source_sku,
        "target": line.target.as_ref().map(|target| json!({
            "sku_id": target.sku_id,
            "sku_part_number": target.sku_part_number,
            "name": target.name,
            "add_on": target.add_on,
            "same_as_source": target.same_as_source,
            "chosen_by_user": target.chosen_by_user,
        })),
        "candidates": line.candidates.iter().map(|candidate| json!({
            "sku_id": candidate.offer.sku_id,
            "sku_part_number": candidate.offer.sku_part_number,
            "name": candidate.offer.name,
            "add_on": candidate.add_on,
            "shared_workloads": candidate.shared_workloads,
            "missing_workloads": candidate.missing_workloads,
            "plans_lost": candidate.plans_lost.iter().map(|plan| &plan.friendly_name).collect::<Vec<_>>(),
            "plans_gained": candidate.plans_gained.iter().map(|plan| &plan.friendly_name).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "seats": line.seats,
        "seats_source_total": line.seats_source_total,
        "seats_assigned": line.seats_assigned,
        "dates": {
            "term_end": line.dates.term_end,
            "term_end_estimated": line.dates.term_end_estimated,
            "auto_renew_off_by": line.dates.auto_renew_off_by,
            "transfer_on": line.dates.transfer_on,
            "fallback_on": line.dates.fallback_on,
            "purchase_on": line.dates.purchase_on,
            "cancel_window_ends": line.dates.cancel_window_ends,
            "cutover_on": line.dates.cutover_on,
            "users_lose_access_after": line.dates.users_lose_access_after,
            "data_at_risk_after": line.dates.data_at_risk_after,
        },
        "overlap_days": line.overlap_days,
        "overlap_cost": line.overlap_cost,
        "currency": line.currency,
        "reassign_licenses": line.reassign_licenses,
        "credit_eligible": line.credit_eligible,
        "billing_account": line.billing_account,
        "transfer_batch": line.transfer_batch,
        "overrides_applied": line.overrides_applied,
        "findings": line.findings.iter().map(|finding| finding_json(finding, lang)).collect::<Vec<_>>(),
        "source": { "file": line.source.file, "line": line.source.line },
    })
}

fn customer_json(customer: &CustomerPlan, lang: Lang) -> Value {
    json!({
        "name": customer.name,
        "tenant_id": customer.tenant_id,
        "tenant_country": customer.tenant_country,
        "market": customer.market,
        "blockers": customer.blocker_count(),
        "findings": customer.findings.iter().map(|finding| finding_json(finding, lang)).collect::<Vec<_>>(),
        "lines": customer.lines.iter().map(|line| line_json(line, lang)).collect::<Vec<_>>(),
        "checklist": customer.checklist.iter().map(|step| json!({
            "order": step.order,
            "actor": step.actor,
            "due_on": step.due_on,
            "rule": step.rule,
            "code": step.code,
            "text": step.text(lang),
            "subscription_ids": step.subscription_ids,
        })).collect::<Vec<_>>(),
        "totals": customer.totals,
        "seats": customer.seats,
        "key_dates": customer.key_dates,
        "rules_fired": customer.rules_fired,
    })
}

/// The documented JSON of a plan, messages in `lang`.
pub fn plan_to_json(plan: &Plan, lang: Lang) -> Value {
    json!({
        "schema_version": PLAN_JSON_SCHEMA_VERSION,
        "rules_as_of": plan.rules_as_of,
        "as_of": plan.as_of,
        "lang": lang.code(),
        "catalog": plan.catalog,
        "partner": { "name": plan.partner_name, "country": plan.partner_country, "market": plan.partner_market },
        "blockers": plan.blocker_count(),
        "rules_fired": plan.rules_fired(),
        "customers": plan.customers.iter().map(|customer| customer_json(customer, lang)).collect::<Vec<_>>(),
        "rules": plan.rules_fired().into_iter().map(|id| {
            let entry = rule(id);
            json!({
                "id": entry.code,
                "title": entry.title(lang),
                "explanation": entry.explanation(lang),
                "source": entry.source,
                "applies_from": entry.applies_from,
                "unverified": entry.unverified,
                "history": entry.history.iter().map(|change| json!({
                    "from": change.from,
                    "text": change.text(lang),
                })).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
    })
}

/// `**P2P-LAPSE** (unverified)`: a rule's code, flagged when it rests on secondary sources.
fn rule_mark(id: crate::rules::RuleId, lang: Lang) -> String {
    match rule(id).unverified_tag(lang) {
        Some(tag) => format!("**{id}** ({tag})"),
        None => format!("**{id}**"),
    }
}

fn path_label(path: MigrationPath, lang: Lang) -> &'static str {
    match path {
        MigrationPath::PartnerTransfer => {
            lang.pick("partner-to-partner transfer", "transfert entre partenaires")
        }
        MigrationPath::EaChannelTransfer => lang.pick("EA channel transfer", "transfert de canal EA"),
        MigrationPath::Repurchase => lang.pick("buy in CSP", "achat dans CSP"),
        MigrationPath::Blocked => lang.pick("blocked", "bloqué"),
        MigrationPath::NotMigrated => lang.pick("not migrated", "non migré"),
    }
}

fn date_cell(date: Option<chrono::NaiveDate>) -> String {
    date.map(|date| date.to_string()).unwrap_or_else(|| "–".into())
}

/// Markdown cells must not break the table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The plan as a Markdown document in `lang`.
pub fn plan_to_markdown(plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", lang.pick("CSP migration plan", "Plan de migration CSP")));
    out.push_str(&format!(
        "- {}: {}\n- {}: {}\n- {}: {}\n- {}: {} ({})\n\n",
        lang.pick("Plan date", "Date du plan"),
        plan.as_of,
        lang.pick("Rules as of", "Règles à jour au"),
        plan.rules_as_of,
        lang.pick("Catalog", "Catalogue"),
        crate::catalog::catalog_label(&plan.catalog, lang),
        lang.pick("Partner", "Partenaire"),
        if plan.partner_name.is_empty() { "–" } else { &plan.partner_name },
        plan.partner_country.as_deref().unwrap_or("?"),
    ));
    for customer in &plan.customers {
        out.push_str(&format!(
            "## {} ({})\n\n",
            cell(if customer.name.is_empty() { "–" } else { &customer.name }),
            customer.tenant_country.as_deref().unwrap_or("?")
        ));
        let blockers = customer.blocker_count();
        if blockers > 0 {
            out.push_str(&format!("**{}: {}**\n\n", lang.pick("Blockers", "Points bloquants"), blockers));
        }
        for finding in &customer.findings {
            out.push_str(&format!(
                "- {} {}: {}\n",
                rule_mark(finding.rule, lang),
                finding.severity.label(lang),
                finding.message(lang)
            ));
        }
        out.push_str(&format!(
            "\n### {}\n\n| {} | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|---|\n",
            lang.pick("Subscriptions", "Abonnements"),
            lang.pick("Subscription", "Abonnement"),
            lang.pick("Product", "Produit"),
            lang.pick("Path", "Parcours"),
            lang.pick("Target", "Cible"),
            lang.pick("Seats", "Licences"),
            lang.pick("Term end", "Fin d’engagement"),
            lang.pick("Buy on", "Achat le"),
            lang.pick("Data at risk after", "Données en danger après"),
        ));
        for line in &customer.lines {
            let target = line.target.as_ref().map_or("–".to_string(), |target| match &target.add_on {
                Some(add_on) => format!("{} + {}", target.name, add_on.name),
                None => target.name.clone(),
            });
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                cell(&line.subscription_id),
                cell(&line.product),
                path_label(line.path, lang),
                cell(&target),
                line.seats,
                date_cell(line.dates.term_end),
                date_cell(line.dates.purchase_on),
                date_cell(line.dates.data_at_risk_after),
            ));
        }
        out.push_str(&format!("\n### {}\n\n", lang.pick("Findings", "Constats")));
        for line in customer.lines.iter().filter(|line| !line.findings.is_empty()) {
            out.push_str(&format!("- `{}` {}\n", cell(&line.subscription_id), cell(&line.product)));
            for finding in &line.findings {
                out.push_str(&format!(
                    "  - {} {}: {}\n",
                    rule_mark(finding.rule, lang),
                    finding.severity.label(lang),
                    finding.message(lang)
                ));
            }
        }
        out.push_str(&format!(
            "\n### {}\n\n| # | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
            lang.pick("Checklist", "Liste des étapes"),
            lang.pick("Who", "Qui"),
            lang.pick("By", "Pour le"),
            lang.pick("Rule", "Règle"),
            lang.pick("Step", "Étape"),
        ));
        for step in &customer.checklist {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                step.order,
                step.actor.label(lang),
                date_cell(step.due_on),
                step.rule,
                cell(&step.text(lang))
            ));
        }
        out.push_str(&format!(
            "\n### {}\n\n| {} | {} | {} |\n|---|---|---|\n",
            lang.pick("Seats before and after", "Licences avant et après"),
            lang.pick("Product", "Produit"),
            lang.pick("Before", "Avant"),
            lang.pick("After", "Après"),
        ));
        for total in &customer.totals {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                cell(&total.name),
                total.seats_before,
                total.seats_after
            ));
        }
        out.push('\n');
        out.push_str(&customer.seats.describe(lang));
        out.push_str("\n\n");
    }
    out.push_str(&format!("### {}\n\n", lang.pick("Rules applied", "Règles appliquées")));
    for id in plan.rules_fired() {
        let entry = rule(id);
        out.push_str(&format!(
            "- {} {}: {} ({}; {} {})\n",
            rule_mark(id, lang),
            entry.title(lang),
            entry.explanation(lang),
            entry.source,
            lang.pick("applies from", "s’applique depuis le"),
            entry.applies_from
        ));
        for change in entry.history {
            out.push_str(&format!("  - {}: {}\n", change.from, change.text(lang)));
        }
    }
    out
}

//! The plan as JSON, every message in the chosen language: [`plan_to_json`] (the
//! `cspplan plan` output) and [`plan_with_draft_json`] (the app's download).
//!
//! The plan's JSON, `schema_version` 1 (fields may be added; none is renamed or removed
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
//!       "transfer_batch", "overrides_applied", "findings": [ finding ], "source": { "file", "line" },
//!       "add_on": { "kind": "copilot|copilot-business|teams|exchange|security|defender|storage|other",
//!                   "base_subscription_id" }   (on add-on lines only, ADDON-BASE)
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
//!
//! The app's download is that JSON with the draft beside it under `draft`, in the
//! drafts' own storage envelope ([`crate::draft::Envelope`]: schema version, app
//! version, save time, draft), so the same file is both a readable plan and something the app's draft import
//! ([`crate::draft::decode_file`]) opens again, migrations included.

use serde_json::{json, Value};

use crate::draft::{decode_file, json_text, DecodeError, Draft, Envelope, APP_VERSION, SCHEMA_VERSION};
use crate::i18n::Lang;
use crate::plan::{CustomerPlan, Finding, Plan, PlanLine};
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
    let mut value = json!({
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
    });
    // Only add-on lines carry it: the other lines of every plan stay as they were.
    if let (Some(add_on), Some(fields)) = (&line.add_on, value.as_object_mut()) {
        fields.insert(
            "add_on".into(),
            json!({ "kind": add_on.kind, "base_subscription_id": add_on.base_subscription_id }),
        );
    }
    value
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

/// The name of the top-level field that holds the draft's envelope.
pub const DRAFT_FIELD: &str = "draft";
/// The name of the top-level field that holds the money view ([`crate::cost::CostPlan`]).
pub const COST_FIELD: &str = "cost";

/// The plan JSON (messages in `lang`) with its money view under `cost` and the
/// draft's envelope under `draft`, pretty-printed; `saved_at_ms` is the export time.
pub fn plan_with_draft_json(
    plan: &Plan,
    cost: &crate::cost::CostPlan,
    draft: &Draft,
    lang: Lang,
    saved_at_ms: i64,
) -> String {
    let mut document = plan_to_json(plan, lang);
    if let Value::Object(fields) = &mut document {
        fields.insert(COST_FIELD.to_string(), crate::cost::cost_to_json(cost, lang));
    }
    let envelope = Envelope {
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION.to_string(),
        saved_at_ms,
        draft: draft.clone(),
    };
    // Read back from the drafts' one serialisation (draft::json_text) rather than
    // `to_value`, a second copy of the code for a draft; `Null` would only stand
    // in for a type that cannot serialise.
    let envelope = String::from_utf8(json_text::to_compact(&envelope))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null);
    if let Value::Object(fields) = &mut document {
        fields.insert(DRAFT_FIELD.to_string(), envelope);
    }
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads the draft back out of an exported plan file, through the drafts' own
/// decoder (schema versions and migrations) applied to the `draft` envelope.
pub fn draft_from_plan_json(text: &str) -> Result<Draft, DecodeError> {
    let document: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|_| DecodeError::NotADraft)?;
    // The plan has its own top-level `schema_version` (the plan schema's), so the
    // envelope is picked out explicitly rather than guessed from the whole file.
    let envelope =
        document.get(DRAFT_FIELD).filter(|envelope| envelope.is_object()).ok_or(DecodeError::NotADraft)?;
    decode_file(&envelope.to_string()).map(|envelope| envelope.draft)
}

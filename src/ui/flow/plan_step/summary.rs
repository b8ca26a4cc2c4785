//! The summary cards: subscriptions, seats before and after, blockers, warnings,
//! overlap cost and the next key date.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::use_plan_view;
use crate::i18n::format;
use crate::i18n::plan_ui::PlanText;
use crate::i18n::safety::SafetyText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::model::{LineOverride, MigrationPath};
use crate::plan::query::{FindingsFilter, LineFilter};
use crate::plan::{Plan, SeatCounts};
use crate::rules::Severity;
use crate::ui::lang::use_lang;
use crate::ui::workspace::use_workspace;

/// The figures the cards show, computed once per plan.
#[derive(Debug, Clone, PartialEq, Default)]
struct Figures {
    subscriptions: u64,
    migrated: u64,
    left_out: u64,
    seats: SeatCounts,
    blockers: u64,
    warnings: u64,
    /// Overlap cost per currency ("" when the file gives none), and the days counted.
    overlap_cost: BTreeMap<String, f64>,
    overlap_days: u64,
    /// The date, what it is, and whether it comes from blocked lines only.
    next_date: Option<(NaiveDate, PlanText, bool)>,
}

fn figures(plan: &Plan) -> Figures {
    let mut figures = Figures::default();
    for line in plan.lines() {
        figures.subscriptions += 1;
        if line.is_migrated() {
            figures.migrated += 1;
        }
        if line.path == MigrationPath::NotMigrated {
            figures.left_out += 1;
        }
        if let Some(cost) = line.overlap_cost {
            *figures
                .overlap_cost
                .entry(line.currency.as_deref().unwrap_or_default().to_string())
                .or_insert(0.0) += cost;
            figures.overlap_days += u64::from(line.overlap_days.unwrap_or(0));
        }
    }
    for customer in &plan.customers {
        figures.seats.add(&customer.seats);
        let keys = &customer.key_dates;
        let candidates = [
            (keys.relationship_request_on, PlanText::KeyRelationship, "relationship_request_on"),
            (keys.ready_on, PlanText::KeyReady, "ready_on"),
            (keys.first_purchase_on, PlanText::KeyFirstPurchase, "first_purchase_on"),
            (keys.first_term_end, PlanText::KeyFirstTermEnd, "first_term_end"),
            (
                keys.earliest_users_lose_access_after,
                PlanText::KeyUsersLoseAccess,
                "earliest_users_lose_access_after",
            ),
            (keys.earliest_data_at_risk_after, PlanText::KeyDataAtRisk, "earliest_data_at_risk_after"),
            (keys.last_cutover_on, PlanText::KeyLastCutover, "last_cutover_on"),
        ];
        for (date, label, field) in candidates {
            let Some(date) = date.filter(|date| *date >= plan.as_of) else { continue };
            if figures.next_date.is_none_or(|(next, _, _)| date < next) {
                figures.next_date = Some((date, label, keys.from_blocked(field)));
            }
        }
    }
    for finding in plan.findings() {
        match finding.severity {
            Severity::Blocker => figures.blockers += 1,
            Severity::Warning => figures.warnings += 1,
            Severity::Info => {}
        }
    }
    figures
}

fn overlap_text(costs: &BTreeMap<String, f64>, lang: Lang) -> String {
    costs
        .iter()
        .map(|(currency, cost)| {
            format::money(*cost, Some(currency.as_str()).filter(|code| !code.is_empty()), lang)
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

#[component]
pub(super) fn PlanSummary() -> impl IntoView {
    let lang = use_lang();
    let workspace = use_workspace();
    let view_state = use_plan_view();
    let figures =
        Memo::new(move |_| view_state.plan.with(|plan| plan.as_deref().map(figures).unwrap_or_default()));
    // Asked first (it may undo hours of work), and undoable; the notes stay, as with one line's reset.
    let confirming = RwSignal::new(false);
    let reset_all = move |_| {
        confirming.set(false);
        workspace.update_input(|input| {
            input.overrides.retain(|_, entry| {
                *entry = LineOverride { note: entry.note.take(), ..LineOverride::default() };
                !entry.is_empty()
            })
        });
    };
    let adjusted_count = move || {
        workspace.draft.with(|draft| {
            draft.as_ref().map_or(0, |draft| {
                draft
                    .input
                    .overrides
                    .values()
                    .filter(|entry| !LineOverride { note: None, ..(*entry).clone() }.is_empty())
                    .count()
            })
        })
    };
    let show_only = move |filter: FindingsFilter| {
        view_state.filter.set(LineFilter { findings: filter, ..LineFilter::default() });
    };
    let count = move |value: fn(&Figures) -> u64| move || format::count(figures.with(value), lang.get());
    view! {
        <section class="plan-summary" data-testid="plan-summary" aria-label=move || PlanText::SummaryLabel.get(lang.get())>
            <div class="summary-card" data-testid="summary-subscriptions">
                <span class="card-label">{move || PlanText::CardSubscriptions.get(lang.get())}</span>
                <span class="card-value">{count(|f| f.subscriptions)}</span>
                <span class="card-detail">{move || {
                    let lang = lang.get();
                    figures.with(|f| fill(PlanText::CardSubscriptionsDetail.get(lang), &[
                        ("migrated", &format::count(f.migrated, lang)),
                        ("left", &format::count(f.left_out, lang)),
                    ]))
                }}</span>
            </div>
            <div class="summary-card" data-testid="summary-seats">
                <span class="card-label">{move || PlanText::CardSeats.get(lang.get())}</span>
                <span class="card-value">
                    <span data-testid="seats-to-move">{count(|f| f.seats.to_move)}</span>
                    " → "
                    <span data-testid="seats-moved">{count(|f| f.seats.moved)}</span>
                </span>
                <span class="card-detail" data-testid="seats-detail">{move || {
                    let lang = lang.get();
                    figures.with(|f| {
                        let seats = &f.seats;
                        let mut text = fill(PlanText::CardSeatsDetail.get(lang), &[
                            ("blocked", &format::count(seats.blocked, lang)),
                            ("left", &format::count(seats.left_out, lang)),
                            ("free", &format::count(seats.left_out_free_or_trial, lang)),
                            ("ended", &format::count(seats.left_out_ended, lang)),
                            ("by_user", &format::count(seats.left_out_by_user, lang)),
                            ("not_seat", &format::count(seats.left_out_not_seat_based, lang)),
                        ]);
                        if seats.add_on_seats > 0 {
                            text.push(' ');
                            text.push_str(&fill(PlanText::CardSeatsAddOns.get(lang), &[("count", &format::count(seats.add_on_seats, lang))]));
                        }
                        text
                    })
                }}</span>
            </div>
            <div class="summary-card" class:danger=move || figures.with(|f| f.blockers > 0) data-testid="summary-blockers">
                <span class="card-label">{move || PlanText::CardBlockers.get(lang.get())}</span>
                <span class="card-value">{count(|f| f.blockers)}</span>
                <span class="card-detail">{move || {
                    let lang = lang.get();
                    if figures.with(|f| f.blockers == 0) { PlanText::CardBlockersNone.get(lang) } else { PlanText::CardBlockersSome.get(lang) }
                }}</span>
                <Show when=move || figures.with(|f| f.blockers > 0)>
                    <button type="button" class="link-button" on:click=move |_| show_only(FindingsFilter::Blockers)>
                        {move || PlanText::FilterBlockers.get(lang.get())}
                    </button>
                </Show>
            </div>
            <div class="summary-card" class:warning=move || figures.with(|f| f.warnings > 0) data-testid="summary-warnings">
                <span class="card-label">{move || PlanText::CardWarnings.get(lang.get())}</span>
                <span class="card-value">{count(|f| f.warnings)}</span>
                <span class="card-detail">{move || PlanText::CardWarningsDetail.get(lang.get())}</span>
                <Show when=move || figures.with(|f| f.warnings > 0)>
                    <button type="button" class="link-button" on:click=move |_| show_only(FindingsFilter::Warnings)>
                        {move || PlanText::FilterWarnings.get(lang.get())}
                    </button>
                </Show>
            </div>
            <div class="summary-card" data-testid="summary-overlap">
                <span class="card-label">{move || PlanText::CardOverlap.get(lang.get())}</span>
                {move || {
                    let lang = lang.get();
                    figures.with(|f| {
                        if f.overlap_cost.is_empty() {
                            view! {
                                <span class="card-value small">{PlanText::CardOverlapUnknown.get(lang)}</span>
                                <span class="card-detail">{PlanText::CardOverlapUnknownDetail.get(lang)}</span>
                            }.into_any()
                        } else {
                            view! {
                                <span class="card-value">{overlap_text(&f.overlap_cost, lang)}</span>
                                <span class="card-detail">{fill(PlanText::CardOverlapDetail.get(lang), &[("days", &format::count(f.overlap_days, lang))])}</span>
                            }.into_any()
                        }
                    })
                }}
            </div>
            <div class="summary-card" data-testid="summary-next-date">
                <span class="card-label">{move || PlanText::CardNextDate.get(lang.get())}</span>
                {move || {
                    let lang = lang.get();
                    match figures.with(|f| f.next_date) {
                        Some((date, label, blocked)) => view! {
                            <span class="card-value">{format::date(date, lang)}</span>
                            <span class="card-detail">
                                {label.get(lang)}
                                {blocked.then(|| view! { " " <span class="tag tag-blocked" data-testid="next-date-blocked">{PlanText::KeyFromBlocked.get(lang)}</span> })}
                            </span>
                        }.into_any(),
                        None => view! { <span class="card-value small">{PlanText::CardNextDateNone.get(lang)}</span> }.into_any(),
                    }
                }}
            </div>
        </section>
        <Show when=move || { adjusted_count() > 0 }>
            <p class="plan-overrides-note">
                <button type="button" class="button" data-testid="reset-all-overrides"
                    aria-expanded=move || confirming.get().to_string()
                    on:click=move |_| confirming.set(true)>
                    {move || fill(PlanText::ResetAll.get(lang.get()), &[("count", &format::count(adjusted_count() as u64, lang.get()))])}
                </button>
            </p>
            <Show when=move || confirming.get()>
                <div class="confirm-box" role="alertdialog" aria-labelledby="reset-all-question" data-testid="reset-all-confirm">
                    <p id="reset-all-question">
                        {move || SafetyText::ResetAllConfirm.get(lang.get()).replace("{count}", &format::count(adjusted_count() as u64, lang.get()))}
                    </p>
                    <button type="button" class="button danger" data-testid="reset-all-yes" on:click=reset_all>
                        {move || SafetyText::ResetAllYes.get(lang.get())}
                    </button>
                    <button type="button" class="button" data-testid="reset-all-no" autofocus on:click=move |_| confirming.set(false)>
                        {move || SafetyText::ResetAllNo.get(lang.get())}
                    </button>
                </div>
            </Show>
        </Show>
    }
}

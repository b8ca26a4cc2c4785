//! A line's details: its path and why, the target offer with the ranked
//! equivalents and the service plans lost and gained, seats, dates, and every
//! finding with its rule's title, explanation and source.

use leptos::prelude::*;

use crate::i18n::glossary::Term;
use crate::ui::glossary::TermHelp;

use super::line_money::LineMoney;
use super::overrides::LineOverrides;
use super::{date_text, use_plan_view};
use crate::catalog::{CoreWorkload, ServicePlan};
use crate::i18n::format;
use crate::i18n::labels::{channel_label, path_explanation, path_label, source_label, status_label};
use crate::i18n::plan_ui::PlanText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::plan::{Finding, OfferCandidate, PlanLine};
use crate::rules::rule;
use crate::ui::flow::fix::{fix_label, go_to_fix};
use crate::ui::lang::use_lang;
use crate::ui::workspace::use_workspace;

fn workloads_text(workloads: &[CoreWorkload], lang: Lang) -> String {
    if workloads.is_empty() {
        return PlanText::NoneWord.get(lang).to_string();
    }
    workloads.iter().map(|workload| workload.label(lang)).collect::<Vec<_>>().join(", ")
}

/// A list of service plans, folded when long so the table stays readable.
fn plans_view(plans: &[ServicePlan], heading: PlanText, lang: Lang) -> impl IntoView {
    let summary = fill(heading.get(lang), &[("count", &format::count(plans.len() as u64, lang))]);
    if plans.is_empty() {
        return view! { <p class="muted">{summary}</p> }.into_any();
    }
    let mut names: Vec<&str> = plans
        .iter()
        .map(|plan| {
            if plan.friendly_name.trim().is_empty() {
                plan.name.as_str()
            } else {
                plan.friendly_name.as_str()
            }
        })
        .collect();
    crate::sorting::sort_by_key(&mut names, |name| name.to_lowercase());
    names.dedup();
    view! {
        <details class="plans">
            <summary>{summary}</summary>
            <ul>{names.into_iter().map(|name| view! { <li>{name.to_string()}</li> }).collect_view()}</ul>
        </details>
    }
    .into_any()
}

fn candidate_item(rank: usize, candidate: &OfferCandidate, line: &PlanLine, lang: Lang) -> impl IntoView {
    let name = match &candidate.add_on {
        Some(add_on) => format!("{} + {}", candidate.offer.name, add_on.name),
        None => candidate.offer.name.clone(),
    };
    let is_target = line.target.as_ref().is_some_and(|target| {
        target.sku_id == candidate.offer.sku_id
            && target.add_on.as_ref().map(|add_on| &add_on.sku_id)
                == candidate.add_on.as_ref().map(|add_on| &add_on.sku_id)
    });
    view! {
        <li class="candidate" class:current-target=is_target data-testid="candidate">
            <p class="candidate-name">
                <span class="candidate-rank">{format!("{rank}.")}</span>
                {name}
                {is_target.then(|| view! { <span class="tag">{PlanText::TargetHeading.get(lang)}</span> })}
            </p>
            <dl>
                <dt>{PlanText::CandidateShared.get(lang)}</dt>
                <dd>{workloads_text(&candidate.shared_workloads, lang)}</dd>
                <dt>{PlanText::CandidateMissing.get(lang)}</dt>
                <dd>{workloads_text(&candidate.missing_workloads, lang)}</dd>
            </dl>
            {plans_view(&candidate.plans_lost, PlanText::PlansLost, lang)}
            {plans_view(&candidate.plans_gained, PlanText::PlansGained, lang)}
        </li>
    }
}

fn finding_item(finding: &Finding, line: &PlanLine, lang: Lang) -> impl IntoView {
    let entry = rule(finding.rule);
    // A blocker leads to the field that resolves it.
    let fix = finding.code.fix().filter(|_| finding.is_blocker()).map(|fix| {
        let workspace = use_workspace();
        let (id, product) = (line.subscription_id.clone(), line.product.to_string());
        view! {
            <button
                type="button"
                class="button fix-button"
                data-testid="blocker-fix"
                data-fix=fix.id()
                on:click=move |_| go_to_fix(workspace, fix, &id, &product)
            >
                {fix_label(fix).get(lang)}
            </button>
        }
    });
    let source = fill(
        PlanText::RuleSource.get(lang),
        &[("source", entry.source), ("date", &format::date(entry.applies_from, lang))],
    );
    view! {
        <li class=format!("finding finding-{}", finding.severity.id()) data-testid="line-finding" data-rule=entry.code>
            <p class="finding-message">
                <span class=format!("severity severity-{}", finding.severity.id())>{finding.severity.label(lang)}</span>
                " "
                {finding.message(lang)}
            </p>
            {fix}
            <details class="finding-rule">
                <summary>
                    <span class="rule-code">{entry.code}</span>" · "{entry.title(lang)}
                    {entry.unverified_tag(lang).map(|tag| view! { " " <span class="tag tag-unverified" data-testid="rule-unverified">{tag}</span> })}
                </summary>
                <p>{entry.explanation(lang)}</p>
                {entry.unverified.then(|| view! { <p class="muted">{PlanText::RuleUnverified.get(lang)}</p> })}
                {(!entry.history.is_empty()).then(|| view! {
                    <ul class="rule-history">
                        {entry.history.iter().map(|change| view! {
                            <li>{fill(PlanText::RuleChange.get(lang), &[("date", &format::date(change.from, lang)), ("text", change.text(lang))])}</li>
                        }).collect_view()}
                    </ul>
                })}
                <p class="muted">{source}</p>
            </details>
        </li>
    }
}

fn fact(label: PlanText, value: String, lang: Lang) -> impl IntoView {
    view! {
        <div class="fact">
            <dt>{label.get(lang)}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// Path, target, seats and dates of a line.
fn line_body(line: &PlanLine, lang: Lang) -> impl IntoView {
    // An id the importer made up (`SKU@file:line`) is not shown: the file and line say it.
    let template = if line.given_id().is_some() { PlanText::SourceOf } else { PlanText::SourceOfNoId };
    let source = fill(
        template.get(lang),
        &[
            ("id", line.given_id().unwrap_or_default()),
            ("channel", channel_label(line.channel, lang)),
            ("status", status_label(line.status, lang)),
            ("file", &source_label(&line.source.file, lang)),
            ("line", &line.source.line.to_string()),
        ],
    );
    let recommended = (line.recommended_path != line.path).then(|| {
        fill(PlanText::RecommendedWas.get(lang), &[("path", path_label(line.recommended_path, lang))])
    });
    let target = line.target.as_ref().map(|target| {
        let name = match &target.add_on {
            Some(add_on) => format!("{} + {}", target.name, add_on.name),
            None => target.name.clone(),
        };
        let consequence = if target.same_as_source { PlanText::SameOfferLong } else { PlanText::ReassignNeeded };
        view! {
            <p class="target-name">
                <strong>{name}</strong>
                " "
                <span class="muted">{target.sku_part_number.clone()}</span>
                {target.chosen_by_user.then(|| view! { <span class="tag">{PlanText::ChosenByYou.get(lang)}</span> })}
            </p>
            <p>{consequence.get(lang)}</p>
        }
    });
    let no_target =
        line.target.is_none().then(|| view! { <p class="muted">{PlanText::NoTarget.get(lang)}</p> });
    let candidates = (!line.candidates.is_empty()).then(|| {
        view! {
            <h5 class="candidates-title">{PlanText::CandidatesHeading.get(lang)}</h5>
            <ol class="candidates">
                {line.candidates.iter().enumerate().map(|(index, candidate)| candidate_item(index + 1, candidate, line, lang)).collect_view()}
            </ol>
        }
    });
    let seats_assigned = line.seats_assigned.map_or_else(
        || PlanText::SeatsUnknown.get(lang).to_string(),
        |seats| format::count(u64::from(seats), lang),
    );
    let dates = &line.dates;
    let term_end = match dates.term_end {
        Some(date) if dates.term_end_estimated => {
            format!("{} ({})", format::date(date, lang), PlanText::Estimated.get(lang))
        }
        date => date_text(date, lang),
    };
    let mut date_facts = vec![(PlanText::DateTermEnd, term_end)];
    for (label, date) in [
        (PlanText::DateAutoRenewOff, dates.auto_renew_off_by),
        (PlanText::DateTransfer, dates.transfer_on),
        (PlanText::DateFallback, dates.fallback_on),
        (PlanText::DatePurchase, dates.purchase_on),
        (PlanText::DateCancelWindow, dates.cancel_window_ends),
        (PlanText::DateCutover, dates.cutover_on),
        // Two dates only where the channel makes them differ (direct, EA).
        (
            PlanText::DateUsersLoseAccess,
            dates
                .users_lose_access_after
                .filter(|_| dates.users_lose_access_after != dates.data_at_risk_after),
        ),
        (PlanText::DateDataAtRisk, dates.data_at_risk_after),
    ] {
        if let Some(date) = date {
            date_facts.push((label, format::date(date, lang)));
        }
    }
    let overlap = line.overlap_days.filter(|days| *days > 0).map(|days| {
        let days_text = format::count(u64::from(days), lang);
        match line.overlap_cost {
            Some(cost) => fill(
                PlanText::OverlapCostLine.get(lang),
                &[("days", &days_text), ("cost", &format::money(cost, line.currency.as_deref(), lang))],
            ),
            None => fill(PlanText::OverlapLine.get(lang), &[("days", &days_text)]),
        }
    });
    view! {
        <h3 class="details-title">{line.product_name().to_string()}</h3>
        <p class="muted details-source">{source}</p>
        <section class="details-part">
            <h4>{PlanText::PathHeading.get(lang)}</h4>
            <p>
                <span class=format!("path-badge path-{}", line.path.id())>{path_label(line.path, lang)}</span>
                {Term::of_path(line.path, line.channel).into_iter().map(|term| view! { " " <TermHelp term=term /> }).collect_view()}
            </p>
            <p>{path_explanation(line.path, lang)}</p>
            {recommended.map(|text| view! { <p class="muted">{text}</p> })}
        </section>
        <section class="details-part">
            <h4>{PlanText::TargetHeading.get(lang)}</h4>
            {target}
            {no_target}
            {candidates}
        </section>
        <section class="details-part">
            <h4>{PlanText::SeatsHeading.get(lang)}</h4>
            <dl class="facts">
                {fact(PlanText::SeatsToBuy, format::count(u64::from(line.seats), lang), lang)}
                {fact(PlanText::SeatsSourceTotal, format::count(u64::from(line.seats_source_total), lang), lang)}
                {fact(PlanText::SeatsAssigned, seats_assigned, lang)}
            </dl>
        </section>
        <section class="details-part">
            <h4>{PlanText::DatesHeading.get(lang)}</h4>
            <dl class="facts">
                {date_facts.into_iter().map(|(label, value)| fact(label, value, lang)).collect_view()}
            </dl>
            {overlap.map(|text| view! { <p>{text}</p> })}
            {line.credit_eligible.then(|| view! { <p class="note-credit">{PlanText::CreditEligible.get(lang)}</p> })}
        </section>
        {line.note.clone().filter(|note| !note.trim().is_empty()).map(|note| view! {
            <section class="details-part">
                <h4>{PlanText::NoteHeading.get(lang)}</h4>
                <p class="line-note">{note}</p>
            </section>
        })}
    }
}

fn findings_view(line: &PlanLine, lang: Lang) -> impl IntoView {
    let mut findings: Vec<&Finding> = line.findings.iter().collect();
    // Blockers first, then warnings, then notes; the planner's order within each.
    crate::sorting::sort_by_key(&mut findings, |finding| finding.severity);
    view! {
        <section class="details-part">
            <h4>{PlanText::FindingsHeading.get(lang)}</h4>
            {if findings.is_empty() {
                view! { <p class="muted">{PlanText::NoFindings.get(lang)}</p> }.into_any()
            } else {
                view! { <ul class="findings">{findings.into_iter().map(|finding| finding_item(finding, line, lang)).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

#[component]
pub(super) fn LineDetails() -> impl IntoView {
    let lang = use_lang();
    let view_state = use_plan_view();
    let has_line = move || view_state.with_selected(|_, _| ()).is_some();
    view! {
        <section class="line-details" data-testid="line-details" aria-labelledby="line-details-title" tabindex="-1" id="line-details"
            on:keydown=super::keys::on_details_key>
            <h2 id="line-details-title" class="visually-hidden">{move || PlanText::DetailsLabel.get(lang.get())}</h2>
            <Show when=has_line fallback=move || view! { <p class="empty-state">{move || PlanText::DetailsNone.get(lang.get())}</p> }>
                {move || {
                    let lang = lang.get();
                    view_state.with_selected(|_, line| line_body(line, lang).into_any())
                }}
                {move || view_state.selected.get().map(|id| view! { <LineOverrides subscription_id=id.clone() /> <LineMoney subscription_id=id /> })}
                {move || {
                    let lang = lang.get();
                    view_state.with_selected(|_, line| findings_view(line, lang).into_any())
                }}
            </Show>
        </section>
    }
}

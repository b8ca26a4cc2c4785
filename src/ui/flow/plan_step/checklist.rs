//! The customer's checklist: who does what by when, in the planner's order.

use leptos::prelude::*;

use super::use_plan_view;
use crate::i18n::format;
use crate::i18n::plan_ui::PlanText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::plan::{Actor, ChecklistStep};
use crate::rules::rule;
use crate::ui::lang::use_lang;

/// Steps shown before "show all" (over all customers): a plan of thousands of
/// lines has hundreds of dated steps, and the first ones matter this week.
const FIRST_STEPS: usize = 40;

fn step_item(step: &ChecklistStep, lang: Lang) -> impl IntoView {
    let entry = rule(step.rule);
    let due = step
        .due_on
        .map_or_else(|| PlanText::ChecklistNoDate.get(lang).to_string(), |date| format::date(date, lang));
    let actor_class = match step.actor {
        Actor::Partner => "actor actor-partner",
        Actor::Customer => "actor actor-customer",
        Actor::CurrentPartner => "actor actor-current-partner",
    };
    let lines = (!step.subscription_ids.is_empty()).then(|| {
        fill(
            PlanText::ChecklistLines.get(lang),
            &[("count", &format::count(step.subscription_ids.len() as u64, lang))],
        )
    });
    view! {
        <li class="checklist-step" data-testid="checklist-step" data-actor=format!("{:?}", step.actor).to_lowercase()>
            <div class="step-when">
                <time datetime=step.due_on.map(|date| date.format("%Y-%m-%d").to_string())>{due}</time>
                <span class=actor_class>{step.actor.label(lang)}</span>
            </div>
            <div class="step-what">
                <p>{step.text(lang)}</p>
                <p class="muted">
                    <abbr class="rule-code" title=entry.title(lang)>{entry.code}</abbr>
                    " · "{entry.title(lang)}
                    {lines.map(|lines| view! { " · "{lines} })}
                </p>
            </div>
        </li>
    }
}

#[component]
pub(super) fn Checklist() -> impl IntoView {
    let lang = use_lang();
    let view_state = use_plan_view();
    let show_all = RwSignal::new(false);
    let body = move || {
        let lang = lang.get();
        let everything = show_all.get();
        view_state.plan.with(|plan| {
            let Some(plan) = plan else { return ().into_any() };
            let several = plan.customers.len() > 1;
            let total: usize = plan.customers.iter().map(|customer| customer.checklist.len()).sum();
            let mut budget = if everything { usize::MAX } else { FIRST_STEPS };
            let mut parts = Vec::new();
            for customer in &plan.customers {
                if budget == 0 {
                    break;
                }
                let shown = customer.checklist.len().min(budget);
                budget -= shown;
                let title = several.then(|| {
                    let name = if customer.name.trim().is_empty() { PlanText::Unnamed.get(lang).to_string() } else { customer.name.clone() };
                    view! { <h3>{fill(PlanText::ChecklistFor.get(lang), &[("customer", &name)])}</h3> }
                });
                let steps = if customer.checklist.is_empty() {
                    view! { <p class="muted">{PlanText::ChecklistEmpty.get(lang)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="checklist-steps">
                            {customer.checklist.iter().take(shown).map(|step| step_item(step, lang)).collect_view()}
                        </ol>
                    }
                    .into_any()
                };
                parts.push((shown, view! { {title} {steps} }));
            }
            let customers = parts;
            let hidden = total - customers.iter().map(|(shown, _)| shown).sum::<usize>();
            let customers = customers.into_iter().map(|(_, view)| view).collect_view();
            view! {
                {customers}
                {(hidden > 0).then(|| view! {
                    <button type="button" class="button" data-testid="checklist-show-all" on:click=move |_| show_all.set(true)>
                        {fill(PlanText::ChecklistShowAll.get(lang), &[("count", &format::count(hidden as u64, lang))])}
                    </button>
                })}
            }
            .into_any()
        })
    };
    view! {
        <section class="checklist" data-testid="checklist" aria-labelledby="checklist-title">
            <h2 id="checklist-title">{move || PlanText::ChecklistHeading.get(lang.get())}</h2>
            {body}
        </section>
    }
}

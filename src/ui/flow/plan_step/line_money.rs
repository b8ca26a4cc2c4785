//! A line's money, in its details: its billing choice (an override of the
//! plan's default), the price in use and where it comes from, and its figures
//! today and in CSP.

use leptos::prelude::*;

use crate::i18n::cost_ui::{billing_rule, CostText};
use crate::i18n::format;
use crate::i18n::labels::billing_label;
use crate::i18n::template::fill;
use crate::model::BillingChoice;
use crate::ui::lang::use_lang;
use crate::ui::workspace::use_workspace;

use super::money::{money, quote_text, use_cost_view, CostView};

#[component]
pub(super) fn LineMoney(subscription_id: String) -> impl IntoView {
    let lang = use_lang();
    let workspace = use_workspace();
    let CostView(cost) = use_cost_view();
    let id = StoredValue::new(subscription_id);
    let line = Memo::new(move |_| {
        cost.with(|cost| id.with_value(|id| cost.as_ref().and_then(|cost| cost.line(id).cloned())))
    });
    let chosen = move || {
        workspace.draft.with(|draft| {
            id.with_value(|id| {
                draft.as_ref().and_then(|draft| draft.input.overrides.get(id).and_then(|line| line.billing))
            })
        })
    };
    let plan_default = move || {
        workspace.draft.with(|draft| {
            draft.as_ref().map(|draft| draft.input.settings.billing_default).unwrap_or_default()
        })
    };
    let on_billing = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let choice = BillingChoice::from_id(&value);
        let id = id.get_value();
        workspace.update_input(|input| {
            let entry = input.overrides.entry(id.clone()).or_default();
            entry.billing = choice;
            if entry.is_empty() {
                input.overrides.remove(&id);
            }
        });
    };
    let figures = move || {
        let lang = lang.get();
        let Some(line) = line.get() else {
            return view! { <p class="muted">{CostText::LineNotInView.get(lang)}</p> }.into_any();
        };
        let pair = |month: &Option<crate::cost::Money>, year: &Option<crate::cost::Money>| match (month, year)
        {
            (Some(month), Some(year)) => fill(
                CostText::LinePerMonthYear.get(lang),
                &[("month", &month.text(lang)), ("year", &year.text(lang))],
            ),
            _ => CostText::LineUnknown.get(lang).to_string(),
        };
        let one = |value: &Option<crate::cost::Money>| {
            value
                .as_ref()
                .map(|money| money.text(lang))
                .unwrap_or_else(|| CostText::LineUnknown.get(lang).to_string())
        };
        let notes: Vec<String> = [
            line.billing_fell_back.then(|| {
                fill(
                    CostText::LineBillingFellBack.get(lang),
                    &[("billing", &billing_label(line.billing, lang).to_lowercase())],
                )
            }),
            line.billing_kept_by_transfer.then(|| {
                fill(
                    CostText::LineBillingKept.get(lang),
                    &[("billing", &billing_label(line.billing, lang).to_lowercase())],
                )
            }),
            line.dropped.then(|| CostText::LineDropped.get(lang).to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        let csp_monthly = line.csp_monthly.clone();
        let csp_yearly = line.csp_yearly.clone();
        view! {
            {notes.into_iter().map(|note| view! { <p class="notice">{note}</p> }).collect_view()}
            <dl class="facts" data-testid="line-money">
                <dt>{CostText::LineCurrent.get(lang)}</dt>
                <dd data-testid="line-current">{pair(&line.current_monthly, &line.current_yearly)}</dd>
                <dt>{CostText::LineCsp.get(lang)}</dt>
                <dd data-testid="line-csp">{pair(&csp_monthly, &csp_yearly)}</dd>
                {line.components.iter().map(|component| view! {
                    <dt class="muted">{component.name.clone()}</dt>
                    <dd class="muted" data-testid="line-price">{component.price.as_ref().map(|price| quote_text(price, lang)).unwrap_or_else(|| CostText::NoPrice.get(lang).to_string())}</dd>
                }).collect_view()}
                <dt>{CostText::LineDifference.get(lang)}</dt>
                <dd>{one(&line.difference_yearly)}</dd>
                <dt>{CostText::LineOverlap.get(lang)}</dt>
                <dd>{one(&line.overlap_cost)}</dd>
                <dt>{CostText::LineMargin.get(lang)}</dt>
                <dd data-testid="line-margin">{line.margin_yearly.as_ref().map(|margin| money(margin.cents, &margin.currency, lang)).unwrap_or_else(|| "–".to_string())}</dd>
            </dl>
        }
        .into_any()
    };
    view! {
        <section class="details-part line-money" aria-labelledby="line-money-title">
            <h4 id="line-money-title">{move || CostText::LineTitle.get(lang.get())}</h4>
            <div class="field">
                <label for="override-billing">{move || CostText::LineBilling.get(lang.get())}</label>
                <select id="override-billing" data-testid="override-billing" on:change=on_billing>
                    <option value="" prop:selected=move || chosen().is_none()>
                        {move || fill(CostText::LineBillingDefault.get(lang.get()), &[("billing", billing_label(plan_default(), lang.get()))])}
                    </option>
                    {BillingChoice::ALL.into_iter().map(|choice| view! {
                        <option value=choice.id() prop:selected=move || chosen() == Some(choice)>
                            {move || format!("{} ({})", billing_label(choice, lang.get()), billing_rule(choice, lang.get()))}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            {figures}
            <p class="muted small">{move || {
                let lang = lang.get();
                line.with(|line| line.as_ref().map(|line| fill(CostText::ColumnSeats.get(lang), &[]) + ": " + &format::count(u64::from(line.seats), lang)))
            }}</p>
        </section>
    }
}

//! The target offer of a line: a search over the catalog, the ranked
//! equivalents first with the plans each loses and gains, then the catalog
//! products matching the search, named with their part numbers (see
//! `plan::targets`, which decides what is listed).

use leptos::prelude::*;

use super::use_plan_view;
use crate::i18n::plan_ui::PlanText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::plan::targets::{customer_in_eea, target_choices, TargetChoice, TargetChoices};
use crate::ui::lang::use_lang;
use crate::ui::workspace::use_workspace;

/// `Name (PART)`, and for a ranked equivalent its plans lost and gained.
fn option_label(choice: &TargetChoice, lang: Lang) -> String {
    let named = format!("{} ({})", choice.name, choice.part_number);
    match choice.plans {
        Some((lost, gained)) => format!(
            "{named} — {}",
            fill(
                PlanText::OverrideTargetPlans.get(lang),
                &[("lost", &lost.to_string()), ("gained", &gained.to_string())]
            )
        ),
        None => named,
    }
}

/// The picker: `chosen` is the line's target override (`None`: the planner's
/// choice); `on_choose` receives the SKU id chosen, empty for the planner's.
#[component]
pub(super) fn TargetPicker(
    chosen: Signal<Option<String>>,
    on_choose: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let workspace = use_workspace();
    let view_state = use_plan_view();
    let search = RwSignal::new(String::new());
    let every_product = RwSignal::new(false);
    let choices = Memo::new(move |_| {
        let chosen = chosen.get();
        let search = search.get();
        let every = every_product.get();
        workspace.with_catalog(|catalog| {
            view_state
                .with_selected(|plan, line| {
                    target_choices(
                        catalog,
                        line,
                        customer_in_eea(plan, line),
                        &search,
                        every,
                        chosen.as_deref(),
                    )
                })
                .unwrap_or_default()
        })
    });
    // The select shows the chosen target once its options exist (a `value` set
    // before them would be lost).
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        choices.track();
        let chosen = chosen.get().unwrap_or_default();
        if let Some(select) = select.get() {
            select.set_value(&chosen);
        }
    });
    let options = move || {
        let lang = lang.get();
        choices.with(|TargetChoices { ranked, catalog, .. }| {
            let group = |label: PlanText, items: &[TargetChoice]| {
                (!items.is_empty()).then(|| {
                    view! {
                        <optgroup label=label.get(lang)>
                            {items.iter().map(|choice| view! {
                                <option value=choice.sku_id.clone()>{option_label(choice, lang)}</option>
                            }).collect_view()}
                        </optgroup>
                    }
                })
            };
            view! {
                <option value="">{PlanText::OverrideTargetDefault.get(lang)}</option>
                {group(PlanText::OverrideTargetCandidates, ranked)}
                {group(PlanText::OverrideTargetCatalog, catalog)}
            }
        })
    };
    let notes = move || {
        let lang = lang.get();
        choices.with(|choices| {
            let mut notes = Vec::new();
            if choices.hidden > 0 {
                notes.push(fill(
                    PlanText::OverrideTargetHidden.get(lang),
                    &[("count", &choices.hidden.to_string())],
                ));
            }
            if choices.more > 0 {
                notes.push(fill(
                    PlanText::OverrideTargetMore.get(lang),
                    &[("count", &choices.more.to_string())],
                ));
            }
            notes.join(" ")
        })
    };
    view! {
        <div class="field wide target-picker">
            <label for="override-target-search">{move || PlanText::OverrideTargetSearch.get(lang.get())}</label>
            <input
                id="override-target-search"
                data-testid="override-target-search"
                type="search"
                autocomplete="off"
                prop:value=move || search.get()
                on:input=move |event| search.set(event_target_value(&event))
            />
            <label class="checkbox">
                <input
                    type="checkbox"
                    data-testid="override-target-every"
                    prop:checked=move || every_product.get()
                    on:change=move |event| every_product.set(event_target_checked(&event))
                />
                {move || PlanText::OverrideTargetEvery.get(lang.get())}
            </label>
            <label for="override-target">{move || PlanText::OverrideTarget.get(lang.get())}</label>
            <select
                id="override-target"
                data-testid="override-target"
                node_ref=select
                on:change=move |event| on_choose(event_target_value(&event))
            >
                {options}
            </select>
            <p class="muted small" data-testid="override-target-notes" aria-live="polite">{notes}</p>
        </div>
    }
}

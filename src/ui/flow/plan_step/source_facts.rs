//! What the file says of a line's source subscription (term end, auto-renew,
//! channel, term, billing frequency), each with where it comes from, and the
//! fields where the user gives what the file lacks ([`SourceOverride`]).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::i18n::format;
use crate::i18n::labels::{billing_frequency_label, channel_label, fact_origin_label, term_label};
use crate::i18n::plan_ui::PlanText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::model::{BillingFrequency, Channel, FactOrigin, SourceFacts, SourceOverride, Term};
use crate::ui::lang::use_lang;
use crate::ui::workspace::use_workspace;

fn auto_renew_label(on: bool, lang: Lang) -> &'static str {
    if on {
        PlanText::AutoRenewOn.get(lang)
    } else {
        PlanText::AutoRenewOff.get(lang)
    }
}

/// The ids of the choices of a select: a value's place in its `ALL` list.
fn choice_id(index: usize) -> String {
    index.to_string()
}

#[component]
fn OriginTag(field: &'static str, #[prop(into)] origin: Signal<FactOrigin>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <span
            class=move || format!("tag origin origin-{}", origin.get().id())
            data-testid=format!("origin-{field}")
            data-origin=move || origin.get().id()
        >
            {move || fact_origin_label(origin.get(), lang.get())}
        </span>
    }
}

/// One fact as a select: the file's value (or "not in the file") first, then the
/// values the user may give.
#[component]
fn FactSelect(
    field: &'static str,
    label: PlanText,
    /// The text of each choice, by its place.
    #[prop(into)]
    choices: Signal<Vec<String>>,
    /// The place of the user's choice, if any.
    #[prop(into)]
    chosen: Signal<Option<usize>>,
    /// The file's value, written, if the file gives one.
    #[prop(into)]
    in_file: Signal<Option<String>>,
    #[prop(into)] origin: Signal<FactOrigin>,
    on_choose: Callback<Option<usize>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("source-{field}");
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get(lang.get())} " " <OriginTag field origin /></label>
            <select
                id=id
                data-testid=format!("source-{field}")
                on:change=move |event| {
                    let value = event_target_value(&event);
                    on_choose.run(value.parse::<usize>().ok());
                }
            >
                <option value="" prop:selected=move || chosen.get().is_none()>
                    {move || match in_file.get() {
                        Some(value) => fill(PlanText::SourceAsInFile.get(lang.get()), &[("value", &value)]),
                        None => PlanText::SourceNotInFile.get(lang.get()).to_string(),
                    }}
                </option>
                {move || choices.get().into_iter().enumerate().map(|(index, text)| view! {
                    <option value=choice_id(index) prop:selected=move || chosen.get() == Some(index)>{text}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

const CHANNELS: [Channel; 4] = [Channel::Direct, Channel::Ea, Channel::CspNce, Channel::CspLegacy];
const TERMS: [Term; 3] = [Term::P1M, Term::P1Y, Term::P3Y];
const BILLINGS: [BillingFrequency; 3] =
    [BillingFrequency::Monthly, BillingFrequency::Annual, BillingFrequency::Triennial];
const AUTO_RENEW: [bool; 2] = [true, false];

/// The place of `value` in `all`.
fn place<T: PartialEq>(all: &[T], value: Option<T>) -> Option<usize> {
    value.and_then(|value| all.iter().position(|known| *known == value))
}

#[component]
pub(super) fn SourceFactFields(subscription_id: String) -> impl IntoView {
    let lang = use_lang();
    let workspace = use_workspace();
    let id = StoredValue::new(subscription_id);
    let source = Memo::new(move |_| {
        workspace.draft.with(|draft| {
            id.with_value(|id| {
                draft
                    .as_ref()
                    .and_then(|draft| draft.input.overrides.get(id).map(|line_override| line_override.source))
                    .unwrap_or_default()
            })
        })
    });
    // The facts as the file gives them, and once the user's are applied.
    let facts = Memo::new(move |_| {
        let source = source.get();
        workspace.draft.with(|draft| {
            id.with_value(|id| {
                let subscription = draft
                    .as_ref()?
                    .input
                    .subscriptions
                    .iter()
                    .find(|subscription| subscription.subscription_id == *id)?;
                Some((subscription.facts(&SourceOverride::default()), subscription.facts(&source)))
            })
        })
    });
    let in_file = move |read: fn(&SourceFacts) -> FactOrigin| {
        facts.with(|facts| facts.as_ref().map_or(FactOrigin::Missing, |(file, _)| read(file)))
    };
    let origin_of = move |read: fn(&SourceFacts) -> FactOrigin| {
        facts.with(|facts| facts.as_ref().map_or(FactOrigin::Missing, |(_, given)| read(given)))
    };
    let with_file = move |origin: FactOrigin, text: Option<String>| -> Option<String> {
        let text = text?;
        Some(match origin {
            FactOrigin::Estimated => format!("{text} ({})", fact_origin_label(origin, lang.get())),
            _ => text,
        })
    };
    let change = move |edit: &dyn Fn(&mut SourceOverride)| {
        let Some(id) = id.try_get_value() else { return };
        workspace.update_input(|input| {
            let entry = input.overrides.entry(id.clone()).or_default();
            edit(&mut entry.source);
            if entry.is_empty() {
                input.overrides.remove(&id);
            }
        });
    };

    let on_term_end = move |event: leptos::ev::Event| {
        let date = NaiveDate::parse_from_str(event_target_value(&event).trim(), "%Y-%m-%d").ok();
        change(&|source| source.term_end = date);
    };
    let term_end_help = move || {
        let lang = lang.get();
        let file = facts.with(|facts| facts.as_ref().map(|(file, _)| file.term_end));
        match file.and_then(|fact| fact.value.map(|date| (date, fact.origin))) {
            Some((date, origin)) => {
                let value = with_file(origin, Some(format::date(date, lang))).unwrap_or_default();
                fill(PlanText::SourceTermEndInFile.get(lang), &[("value", &value)])
            }
            None => PlanText::SourceTermEndMissing.get(lang).to_string(),
        }
    };

    view! {
        <fieldset class="source-facts" data-testid="source-facts">
            <legend>{move || PlanText::SourceHeading.get(lang.get())}</legend>
            <p class="muted">{move || PlanText::SourceHelp.get(lang.get())}</p>
            <div class="override-grid">
                <div class="field">
                    <label for="source-term-end">
                        {move || PlanText::SourceTermEnd.get(lang.get())}
                        " "
                        <OriginTag field="term-end" origin=Signal::derive(move || origin_of(|facts| facts.term_end.origin)) />
                    </label>
                    <input
                        id="source-term-end"
                        data-testid="source-term-end"
                        type="date"
                        aria-describedby="source-term-end-help"
                        prop:value=move || source.with(|source| source.term_end.map(|date| date.format("%Y-%m-%d").to_string()).unwrap_or_default())
                        on:input=on_term_end
                    />
                    <span class="field-help" id="source-term-end-help">{term_end_help}</span>
                </div>
                <FactSelect
                    field="auto-renew"
                    label=PlanText::SourceAutoRenew
                    choices=Signal::derive(move || AUTO_RENEW.map(|on| auto_renew_label(on, lang.get()).to_string()).to_vec())
                    chosen=Signal::derive(move || place(&AUTO_RENEW, source.with(|source| source.auto_renew)))
                    in_file=Signal::derive(move || {
                        let value = facts.with(|facts| facts.as_ref().and_then(|(file, _)| file.auto_renew.value));
                        value.map(|on| auto_renew_label(on, lang.get()).to_string())
                    })
                    origin=Signal::derive(move || origin_of(|facts| facts.auto_renew.origin))
                    on_choose=Callback::new(move |chosen: Option<usize>| {
                        change(&|source| source.auto_renew = chosen.and_then(|index| AUTO_RENEW.get(index).copied()));
                    })
                />
                <FactSelect
                    field="channel"
                    label=PlanText::SourceChannel
                    choices=Signal::derive(move || CHANNELS.map(|channel| channel_label(channel, lang.get()).to_string()).to_vec())
                    chosen=Signal::derive(move || place(&CHANNELS, source.with(|source| source.channel)))
                    in_file=Signal::derive(move || {
                        let value = facts.with(|facts| facts.as_ref().and_then(|(file, _)| file.channel.value));
                        with_file(in_file(|facts| facts.channel.origin), value.map(|channel| channel_label(channel, lang.get()).to_string()))
                    })
                    origin=Signal::derive(move || origin_of(|facts| facts.channel.origin))
                    on_choose=Callback::new(move |chosen: Option<usize>| {
                        change(&|source| source.channel = chosen.and_then(|index| CHANNELS.get(index).copied()));
                    })
                />
                <FactSelect
                    field="term"
                    label=PlanText::SourceTerm
                    choices=Signal::derive(move || TERMS.map(|term| term_label(term, lang.get()).to_string()).to_vec())
                    chosen=Signal::derive(move || place(&TERMS, source.with(|source| source.term)))
                    in_file=Signal::derive(move || {
                        let value = facts.with(|facts| facts.as_ref().and_then(|(file, _)| file.term.value));
                        value.map(|term| term_label(term, lang.get()).to_string())
                    })
                    origin=Signal::derive(move || origin_of(|facts| facts.term.origin))
                    on_choose=Callback::new(move |chosen: Option<usize>| {
                        change(&|source| source.term = chosen.and_then(|index| TERMS.get(index).copied()));
                    })
                />
                <FactSelect
                    field="billing"
                    label=PlanText::SourceBilling
                    choices=Signal::derive(move || BILLINGS.map(|billing| billing_frequency_label(billing, lang.get()).to_string()).to_vec())
                    chosen=Signal::derive(move || place(&BILLINGS, source.with(|source| source.billing)))
                    in_file=Signal::derive(move || {
                        let value = facts.with(|facts| facts.as_ref().and_then(|(file, _)| file.billing.value));
                        value.map(|billing| billing_frequency_label(billing, lang.get()).to_string())
                    })
                    origin=Signal::derive(move || origin_of(|facts| facts.billing.origin))
                    on_choose=Callback::new(move |chosen: Option<usize>| {
                        change(&|source| source.billing = chosen.and_then(|index| BILLINGS.get(index).copied()));
                    })
                />
            </div>
        </fieldset>
    }
}

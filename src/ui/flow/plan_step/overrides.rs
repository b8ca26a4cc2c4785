//! The user's overrides of one line: the source facts the file lacks, target
//! offer, seats, purchase date, path, exclusion, and the consultant's note (kept by "Reset"). Each change is written to the draft's input as it is typed, so the plan
//! (a `Memo` of that input) is recomputed; "Reset" removes them all.

use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::source_facts::SourceFactFields;
use super::target_picker::TargetPicker;
use super::use_plan_view;
use crate::i18n::format;
use crate::i18n::labels::path_label;
use crate::i18n::plan_ui::PlanText;
use crate::i18n::template::fill;
use crate::model::{LineOverride, MigrationPath};
use crate::plan::OverrideField;
use crate::ui::lang::use_lang;
use crate::ui::workspace::use_workspace;

/// How long after the last key a note is written to the draft.
const NOTE_WRITE_DELAY: Duration = Duration::from_millis(300);

fn field_label(field: OverrideField) -> PlanText {
    match field {
        OverrideField::TargetSku => PlanText::FieldTarget,
        OverrideField::Seats => PlanText::FieldSeats,
        OverrideField::PurchaseOn => PlanText::FieldPurchase,
        OverrideField::Path => PlanText::FieldPath,
        OverrideField::Excluded => PlanText::FieldExcluded,
        OverrideField::SourceTermEnd => PlanText::FieldSourceTermEnd,
        OverrideField::SourceAutoRenew => PlanText::FieldSourceAutoRenew,
        OverrideField::SourceChannel => PlanText::FieldSourceChannel,
        OverrideField::SourceTerm => PlanText::FieldSourceTerm,
        OverrideField::SourceBilling => PlanText::FieldSourceBilling,
    }
}

#[component]
pub(super) fn LineOverrides(subscription_id: String) -> impl IntoView {
    let lang = use_lang();
    let workspace = use_workspace();
    let view_state = use_plan_view();
    let id = StoredValue::new(subscription_id);
    let current = Memo::new(move |_| {
        workspace.draft.with(|draft| {
            id.with_value(|id| {
                draft.as_ref().and_then(|draft| draft.input.overrides.get(id).cloned()).unwrap_or_default()
            })
        })
    });
    let change = move |edit: &dyn Fn(&mut LineOverride)| {
        // `try_`: a note is also written as the line's panel goes away.
        let Some(id) = id.try_get_value() else { return };
        workspace.update_input(|input| {
            let entry = input.overrides.entry(id.clone()).or_default();
            edit(entry);
            if entry.is_empty() {
                input.overrides.remove(&id);
            }
        });
    };
    let seats_invalid = RwSignal::new(false);
    let source_total = move || view_state.with_selected(|_, line| line.seats_source_total).unwrap_or(0);
    let applied =
        move || view_state.with_selected(|_, line| line.overrides_applied.clone()).unwrap_or_default();
    let chosen_target = Signal::derive(move || current.with(|current| current.target_sku_id.clone()));
    let on_target = move |value: String| {
        change(&|entry| entry.target_sku_id = Some(value.clone()).filter(|value| !value.is_empty()));
    };
    let on_seats = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let text = text.trim();
        if text.is_empty() {
            seats_invalid.set(false);
            change(&|entry| entry.seats = None);
            return;
        }
        match text.parse::<u32>() {
            Ok(seats) => {
                seats_invalid.set(false);
                change(&|entry| entry.seats = Some(seats));
            }
            Err(_) => seats_invalid.set(true),
        }
    };
    let on_purchase = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        change(&|entry| entry.purchase_on = date);
    };
    let on_path = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let path = MigrationPath::ALL.into_iter().find(|path| path.id() == value);
        change(&|entry| entry.path = path);
    };
    let on_exclude = move |event: leptos::ev::Event| {
        let excluded = event_target_checked(&event);
        change(&|entry| entry.excluded = excluded);
    };
    // Written a moment after the last key (every change of the input plans
    // again), when the field is left, and before the page is hidden or the line
    // changes, so a reload never loses what was typed.
    let note_timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let typed_note: StoredValue<Option<String>> = StoredValue::new(None);
    // Trimmed once the field is left; while typing, the text stays as typed
    // (trimming it under the caret would eat the space just typed).
    let write_note = move |trim: bool| -> bool {
        if let Some(timer) = note_timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        let Some(text) = typed_note.try_update_value(Option::take).flatten() else { return false };
        let text = if trim { text.trim().to_string() } else { text };
        let note = Some(text).filter(|note| !note.trim().is_empty());
        change(&|entry| entry.note = note.clone());
        true
    };
    let on_note_input = move |event: leptos::ev::Event| {
        typed_note.set_value(Some(event_target_value(&event)));
        let timer = set_timeout_with_handle(
            move || {
                write_note(false);
            },
            NOTE_WRITE_DELAY,
        )
        .ok();
        if let Some(previous) = note_timer.try_update_value(|kept| std::mem::replace(kept, timer)).flatten() {
            previous.clear();
        }
    };
    let drafts = crate::ui::drafts::use_drafts();
    let on_hidden = move || {
        if write_note(false) {
            if let Some(drafts) = drafts {
                drafts.save_open_now();
            }
        }
    };
    let hide_listener = window_event_listener_untyped("pagehide", move |_| on_hidden());
    let hidden_listener = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            on_hidden();
        }
    });
    on_cleanup(move || {
        write_note(true);
        hide_listener.remove();
        hidden_listener.remove();
    });
    let reset = move |_| {
        seats_invalid.set(false);
        let id = id.get_value();
        // The note is the consultant's own remark, not a decision to undo.
        workspace.update_input(|input| {
            let Some(entry) = input.overrides.get_mut(&id) else { return };
            *entry = LineOverride { note: entry.note.take(), ..LineOverride::default() };
            if entry.is_empty() {
                input.overrides.remove(&id);
            }
        });
    };

    view! {
        <section class="details-part overrides" aria-labelledby="overrides-title">
            <h4 id="overrides-title">{move || PlanText::OverridesHeading.get(lang.get())}</h4>
            <p class="muted">{move || PlanText::OverridesHelp.get(lang.get())}</p>
            <SourceFactFields subscription_id=id.get_value() />
            <div class="override-grid">
                <TargetPicker chosen=chosen_target on_choose=on_target />
                <div class="field">
                    <label for="override-seats">{move || PlanText::OverrideSeats.get(lang.get())}</label>
                    <input
                        id="override-seats"
                        data-testid="override-seats"
                        type="number"
                        min="0"
                        step="1"
                        inputmode="numeric"
                        aria-describedby="override-seats-help"
                        aria-invalid=move || seats_invalid.get().then_some("true")
                        placeholder=move || source_total().to_string()
                        prop:value=move || current.with(|current| current.seats.map(|seats| seats.to_string()).unwrap_or_default())
                        on:input=on_seats
                    />
                    <span class="field-help" id="override-seats-help">
                        {move || if seats_invalid.get() {
                            PlanText::OverrideSeatsInvalid.get(lang.get()).to_string()
                        } else {
                            fill(PlanText::OverrideSeatsHelp.get(lang.get()), &[("total", &format::count(u64::from(source_total()), lang.get()))])
                        }}
                    </span>
                </div>
                <div class="field">
                    <label for="override-purchase">{move || PlanText::OverridePurchase.get(lang.get())}</label>
                    <input
                        id="override-purchase"
                        data-testid="override-purchase"
                        type="date"
                        aria-describedby="override-purchase-help"
                        prop:value=move || current.with(|current| current.purchase_on.map(|date| date.format("%Y-%m-%d").to_string()).unwrap_or_default())
                        on:input=on_purchase
                    />
                    <span class="field-help" id="override-purchase-help">{move || PlanText::OverridePurchaseHelp.get(lang.get())}</span>
                </div>
                <div class="field">
                    <label for="override-path">{move || PlanText::OverridePath.get(lang.get())}</label>
                    <select
                        id="override-path"
                        data-testid="override-path"
                        on:change=on_path
                    >
                        <option value="" prop:selected=move || current.with(|current| current.path.is_none())>
                            {move || PlanText::OverridePathDefault.get(lang.get())}
                        </option>
                        {MigrationPath::ALL.into_iter().map(|path| view! {
                            <option value=path.id() prop:selected=move || current.with(|current| current.path == Some(path))>
                                {move || path_label(path, lang.get())}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field checkbox wide">
                    <input
                        id="override-exclude"
                        data-testid="override-exclude"
                        type="checkbox"
                        prop:checked=move || current.with(|current| current.excluded)
                        on:change=on_exclude
                    />
                    <label for="override-exclude">{move || PlanText::OverrideExclude.get(lang.get())}</label>
                </div>
                <div class="field wide">
                    <label for="override-note">{move || PlanText::OverrideNote.get(lang.get())}</label>
                    <textarea
                        id="override-note"
                        data-testid="override-note"
                        rows="2"
                        aria-describedby="override-note-help"
                        prop:value=move || current.with(|current| current.note.clone().unwrap_or_default())
                        on:input=on_note_input
                        on:change=move |event: leptos::ev::Event| {
                            // Left: written trimmed, even if the timer wrote it already.
                            typed_note.set_value(Some(event_target_value(&event)));
                            write_note(true);
                        }
                    ></textarea>
                    <span class="field-help" id="override-note-help">{move || PlanText::OverrideNoteHelp.get(lang.get())}</span>
                </div>
            </div>
            <div class="override-actions">
                <button
                    type="button"
                    class="button"
                    data-testid="override-reset"
                    disabled=move || current.with(|current| LineOverride { note: None, ..current.clone() }.is_empty())
                    on:click=reset
                >
                    {move || PlanText::OverrideReset.get(lang.get())}
                </button>
                <span class="muted" aria-live="polite">
                    {move || {
                        let lang = lang.get();
                        let applied = applied();
                        (!applied.is_empty()).then(|| {
                            let fields: Vec<&str> = applied.into_iter().map(|field| field_label(field).get(lang)).collect();
                            fill(PlanText::OverrideApplied.get(lang), &[("fields", &fields.join(", "))])
                        })
                    }}
                </span>
            </div>
        </section>
    }
}

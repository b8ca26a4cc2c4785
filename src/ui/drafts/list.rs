//! The drafts list of the start screen: every saved draft with its customer,
//! subscriptions and last change; open, rename, duplicate, delete with undo;
//! import a draft file; damaged and newer drafts listed, never written.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::store::Entry;
use super::{date_time, display_name, use_drafts, Drafts};
use crate::i18n::drafts::DraftsText;
use crate::i18n::template::fill;
use crate::i18n::Text;
use crate::ui::lang::{use_lang, UiLang};

#[component]
pub fn DraftsList() -> impl IntoView {
    let lang = use_lang();
    let Some(drafts) = use_drafts() else {
        return view! { <p class="empty-state">{lang.text(Text::NoDrafts)}</p> }.into_any();
    };
    view! {
        <div class="drafts-tools">
            <ImportDraft drafts=drafts />
        </div>
        {move || drafts.notice.get().map(|(text, values)| view! {
            <p class="drafts-notice" role="status" data-testid="drafts-notice">{move || fill(text.get(lang.get()), &values.iter().map(|(name, value)| (*name, value.as_str())).collect::<Vec<_>>())}</p>
        })}
        {move || drafts.deleted.get().map(|deleted| view! {
            <p class="drafts-notice" role="status">
                {move || fill(DraftsText::Deleted.get(lang.get()), &[("name", &deleted.name)])}
                " "
                <button type="button" class="link-button" data-testid="draft-undo" on:click=move |_| drafts.undo_delete()>
                    {move || DraftsText::Undo.get(lang.get())}
                </button>
            </p>
        })}
        <Show
            when=move || drafts.entries.with(|entries| !entries.is_empty())
            fallback=move || view! { <p class="empty-state">{lang.text(Text::NoDrafts)}</p> }
        >
            <ul class="drafts-items" aria-label=move || DraftsText::ListLabel.get(lang.get())>
                <For
                    each=move || drafts.entries.get()
                    key=|entry| format!("{entry:?}")
                    children=move |entry| view! { <DraftItem drafts=drafts entry=entry lang=lang /> }
                />
            </ul>
        </Show>
    }
    .into_any()
}

#[component]
fn ImportDraft(drafts: Drafts) -> impl IntoView {
    let lang = use_lang();
    let on_change = move |event: leptos::ev::Event| {
        let Some(input) =
            event.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        // The same file can be chosen again after a fix.
        input.set_value("");
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(text) => drafts.import(file_name, &text.as_string().unwrap_or_default()),
                Err(error) => {
                    let reason = error
                        .as_string()
                        .or_else(|| {
                            js_sys::Reflect::get(&error, &"message".into())
                                .ok()
                                .and_then(|message| message.as_string())
                        })
                        .unwrap_or_default();
                    drafts.problems.report(move |lang| {
                        fill(
                            DraftsText::ImportUnreadable.get(lang),
                            &[("file", &file_name), ("reason", &reason)],
                        )
                    });
                }
            }
        });
    };
    view! {
        <label class="file-picker">
            <span class="file-picker-label">{move || DraftsText::ImportLabel.get(lang.get())}</span>
            <input
                type="file"
                accept=".json,application/json"
                data-testid="draft-import"
                aria-describedby="draft-import-hint"
                on:change=on_change
            />
        </label>
        <p id="draft-import-hint" class="hint">{move || DraftsText::ImportHint.get(lang.get())}</p>
    }
}

/// What can be done with a stored value this version cannot open (damaged, or
/// from a newer version): download it untouched, or delete it.
#[component]
fn RawValueActions(drafts: Drafts, id: String, lang: UiLang) -> impl IntoView {
    let download_id = id.clone();
    view! {
        <div class="draft-actions">
            <button type="button" class="button" data-testid="draft-download-raw" on:click=move |_| drafts.download_raw(&download_id)>
                {move || DraftsText::DownloadRaw.get(lang.get())}
            </button>
            <button type="button" class="button danger" data-testid="draft-delete" on:click=move |_| drafts.delete(&id)>
                {move || DraftsText::Delete.get(lang.get())}
            </button>
        </div>
    }
}

/// The `data-state` of a drafts list item.
pub fn entry_state(entry: &Entry) -> &'static str {
    match entry {
        Entry::Ready { .. } => "ready",
        Entry::Newer { .. } => "newer",
        Entry::Damaged { .. } => "damaged",
    }
}

/// What the list says of a stored draft, whatever its state; the quick start
/// shows the same while the planner loads.
#[component]
pub fn EntrySummary(entry: Entry, lang: UiLang) -> impl IntoView {
    match entry {
        Entry::Ready { summary, .. } => {
            let name = if summary.name.trim().is_empty() { None } else { Some(summary.name) };
            let customer = summary.customer;
            let count = summary.subscriptions;
            let updated_ms = summary.updated_ms;
            view! {
                <div class="draft-summary">
                    <h3 class="draft-name">{move || name.clone().unwrap_or_else(|| DraftsText::Untitled.get(lang.get()).to_string())}</h3>
                    <p class="draft-meta">
                        <span class="draft-customer">{move || if customer.trim().is_empty() { DraftsText::NoCustomer.get(lang.get()).to_string() } else { customer.clone() }}</span>
                        <span class="draft-count">{move || if count == 1 {
                            DraftsText::OneSubscription.get(lang.get()).to_string()
                        } else {
                            fill(DraftsText::Subscriptions.get(lang.get()), &[("count", &count.to_string())])
                        }}</span>
                        <span class="draft-updated">{move || fill(DraftsText::LastChange.get(lang.get()), &[("when", &date_time(updated_ms, lang.get()))])}</span>
                    </p>
                </div>
            }
            .into_any()
        }
        Entry::Newer { found, supported, app_version, .. } => view! {
            <div class="draft-summary">
                <h3 class="draft-name">{move || DraftsText::NewerTitle.get(lang.get())}</h3>
                <p class="draft-meta">{move || fill(DraftsText::NewerHint.get(lang.get()), &[("app", &app_version), ("found", &found.to_string()), ("supported", &supported.to_string())])}</p>
            </div>
        }
        .into_any(),
        Entry::Damaged { reason, .. } => view! {
            <div class="draft-summary">
                <h3 class="draft-name">{move || DraftsText::DamagedTitle.get(lang.get())}</h3>
                <p class="draft-meta">{move || fill(DraftsText::DamagedHint.get(lang.get()), &[("reason", &reason)])}</p>
            </div>
        }
        .into_any(),
    }
}

#[component]
fn DraftItem(drafts: Drafts, entry: Entry, lang: UiLang) -> impl IntoView {
    let id = entry.id().to_string();
    let id_for = move || id.clone();
    let state = entry_state(&entry);
    let actions = match &entry {
        Entry::Ready { summary, .. } => {
            let renaming = RwSignal::new(false);
            let new_name = RwSignal::new(summary.name.clone());
            let input_id = format!("rename-{}", id_for());
            let (open_id, rename_id, duplicate_id, delete_id) = (id_for(), id_for(), id_for(), id_for());
            let export_id = id_for();
            let shown_name = display_name(&summary.name);
            view! {
                <Show when=move || renaming.get()>
                    <form class="draft-rename" on:submit={
                        let rename_id = rename_id.clone();
                        move |event: leptos::ev::SubmitEvent| {
                            event.prevent_default();
                            drafts.rename(&rename_id, &new_name.get_untracked());
                            renaming.set(false);
                        }
                    }>
                        <label for=input_id.clone()>{move || DraftsText::RenameLabel.get(lang.get())}</label>
                        <input id=input_id.clone() type="text" data-testid="draft-rename-input" prop:value=move || new_name.get()
                            on:input=move |event| new_name.set(event_target_value(&event)) />
                        <button type="submit" class="button primary" data-testid="draft-rename-save">{move || DraftsText::RenameSave.get(lang.get())}</button>
                        <button type="button" class="button" on:click=move |_| renaming.set(false)>{move || DraftsText::Cancel.get(lang.get())}</button>
                    </form>
                </Show>
                <div class="draft-actions">
                    <button type="button" class="button primary" data-testid="draft-open" on:click=move |_| drafts.open(&open_id)>
                        {move || DraftsText::Open.get(lang.get())}
                    </button>
                    <button type="button" class="button" data-testid="draft-rename" aria-expanded=move || renaming.get().to_string()
                        on:click=move |_| renaming.update(|open| *open = !*open)>
                        {move || DraftsText::Rename.get(lang.get())}
                    </button>
                    <button type="button" class="button" data-testid="draft-duplicate" on:click=move |_| drafts.duplicate(&duplicate_id, lang.get())>
                        {move || DraftsText::Duplicate.get(lang.get())}
                    </button>
                    <button type="button" class="button" data-testid="draft-export-item"
                        aria-label=move || fill(DraftsText::ExportItemLabel.get(lang.get()), &[("name", &shown_name)])
                        on:click=move |_| drafts.export(&export_id)>
                        {move || DraftsText::ExportItem.get(lang.get())}
                    </button>
                    <button type="button" class="button danger" data-testid="draft-delete" on:click=move |_| drafts.delete(&delete_id)>
                        {move || DraftsText::Delete.get(lang.get())}
                    </button>
                </div>
            }
            .into_any()
        }
        Entry::Newer { .. } | Entry::Damaged { .. } => {
            view! { <RawValueActions drafts=drafts id=id_for() lang=lang /> }.into_any()
        }
    };
    view! {
        <li class="draft-item" data-testid="draft-item" data-draft-id=id_for() data-state=state>
            <EntrySummary entry=entry lang=lang />
            {actions}
        </li>
    }
}

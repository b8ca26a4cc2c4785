//! The open draft's save state and its export button, in the planner's bar.

use leptos::prelude::*;

use super::{clock, use_drafts, SaveStatus};
use crate::i18n::drafts::DraftsText;
use crate::i18n::template::fill;
use crate::ui::lang::use_lang;

#[component]
pub fn DraftStatus() -> impl IntoView {
    let lang = use_lang();
    let drafts = use_drafts();
    let status = move || drafts.map(|drafts| drafts.status.get()).unwrap_or(SaveStatus::Unchanged);
    let text = move || {
        let lang = lang.get();
        match status() {
            SaveStatus::Unchanged => DraftsText::NothingToSave.get(lang).to_string(),
            SaveStatus::Pending => DraftsText::Saving.get(lang).to_string(),
            SaveStatus::Saved { at_ms } => fill(DraftsText::SavedAt.get(lang), &[("time", &clock(at_ms))]),
            SaveStatus::InMemory { .. } => DraftsText::InMemory.get(lang).to_string(),
            SaveStatus::Failed { .. } => DraftsText::NotSaved.get(lang).to_string(),
            SaveStatus::Conflict => DraftsText::NotSavedConflict.get(lang).to_string(),
        }
    };
    let state = move || match status() {
        SaveStatus::Unchanged => "unchanged",
        SaveStatus::Pending => "pending",
        SaveStatus::Saved { .. } => "saved",
        SaveStatus::InMemory { .. } => "memory",
        SaveStatus::Failed { .. } => "failed",
        SaveStatus::Conflict => "conflict",
    };
    view! {
        <span
            class="draft-status"
            data-testid="draft-status"
            data-state=state
            role="status"
            aria-label=move || DraftsText::StatusLabel.get(lang.get())
        >
            {text}
        </span>
    }
}

#[component]
pub fn DraftExportButton() -> impl IntoView {
    let lang = use_lang();
    let drafts = use_drafts();
    view! {
        <button
            type="button"
            class="button draft-export"
            data-testid="draft-export"
            title=move || DraftsText::ExportHint.get(lang.get())
            on:click=move |_| {
                if let Some(drafts) = drafts {
                    drafts.export_open();
                }
            }
        >
            {move || DraftsText::Export.get(lang.get())}
        </button>
    }
}

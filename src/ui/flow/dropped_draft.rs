//! A draft file or an exported plan dropped on the import step: it is not a
//! subscription export, so it is not imported (nor sent to the column mapper);
//! the step offers to open it as a draft instead.

use leptos::prelude::*;

use crate::draft::{decode_file, DecodeError, DraftSummary};
use crate::i18n::format;
use crate::i18n::safety::SafetyText;
use crate::ui::drafts::{decode_error_text, use_drafts};
use crate::ui::lang::use_lang;

/// A dropped file that holds a draft (readable or not).
#[derive(Debug, Clone)]
pub struct DroppedDraft {
    pub file: String,
    text: String,
    read: Result<DraftSummary, DecodeError>,
}

/// The file as a draft, when it is one: a draft file, a stored value, or a
/// plan exported as JSON (its `draft` field), even one this version cannot open.
pub fn recognise(file: &str, bytes: &[u8]) -> Option<DroppedDraft> {
    let text = std::str::from_utf8(bytes).ok()?;
    if !text.trim_start_matches('\u{feff}').trim_start().starts_with('{') {
        return None;
    }
    let read = match decode_file(text) {
        Ok(envelope) => Ok(envelope.draft.summary()),
        Err(DecodeError::NotADraft) => return None,
        Err(error) => Err(error),
    };
    Some(DroppedDraft { file: file.to_string(), text: text.to_string(), read })
}

/// The offers to open the dropped drafts, one per file.
#[component]
pub fn DroppedDrafts(dropped: RwSignal<Vec<DroppedDraft>>) -> impl IntoView {
    let lang = use_lang();
    let drafts = use_drafts();
    let open = move |found: &DroppedDraft| {
        dropped.update(|list| list.retain(|kept| kept.file != found.file));
        if let Some(drafts) = drafts {
            // The new plan the file was dropped on holds nothing yet: it is not kept.
            drafts.discard_open_if_blank();
            drafts.import(found.file.clone(), &found.text);
        }
    };
    view! {
        <For each=move || dropped.get() key=|found| found.file.clone() let:found>
            {
                let file = found.file.clone();
                let message = {
                    let found = found.clone();
                    move || {
                        let lang = lang.get();
                        match &found.read {
                            Ok(summary) => {
                                let name = if summary.name.trim().is_empty() { summary.customer.clone() } else { summary.name.clone() };
                                SafetyText::DroppedDraft.get(lang)
                                    .replace("{file}", &found.file)
                                    .replace("{name}", &name)
                                    .replace("{count}", &format::count(summary.subscriptions as u64, lang))
                            }
                            Err(error) => SafetyText::DroppedDraftUnreadable.get(lang)
                                .replace("{file}", &found.file)
                                .replace("{reason}", &decode_error_text(error, lang)),
                        }
                    }
                };
                let openable = found.read.is_ok();
                let found = StoredValue::new(found);
                view! {
                    <div class="notice dropped-draft" role="status" data-testid="dropped-draft">
                        <p>{message}</p>
                        <Show when=move || openable>
                            <button type="button" class="button primary" data-testid="open-dropped-draft"
                                on:click=move |_| found.with_value(|found| open(found))>
                                {move || SafetyText::OpenDroppedDraft.get(lang.get())}
                            </button>
                        </Show>
                        <button type="button" class="button" data-testid="dismiss-dropped-draft"
                            on:click={
                                let file = file.clone();
                                move |_| dropped.update(|list| list.retain(|kept| kept.file != file))
                            }>
                            {move || SafetyText::DismissDroppedDraft.get(lang.get())}
                        </button>
                    </div>
                }
            }
        </For>
    }
}

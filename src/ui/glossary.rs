//! The glossary dialog, opened from a small help button beside each term
//! (`TermHelp`): the whole glossary, scrolled to the term asked about, in a
//! modal `<dialog>` (Escape closes it and focus returns to the button).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::glossary::{close, heading, what_is, Term};
use crate::ui::lang::use_lang;

const DIALOG_ID: &str = "glossary";

/// The dialog; rendered once, by the app.
#[component]
pub fn GlossaryDialog() -> impl IntoView {
    let lang = use_lang();
    let on_close = move |_| {
        if let Some(dialog) = dialog() {
            dialog.close();
        }
    };
    view! {
        <dialog id=DIALOG_ID class="glossary" aria-labelledby="glossary-title" data-testid="glossary">
            <h2 id="glossary-title">{move || heading(lang.get())}</h2>
            <dl>
                {Term::ALL.into_iter().map(|term| view! {
                    <dt id=term.id() tabindex="-1">
                        <abbr>{term.short()}</abbr>" — "{move || term.name(lang.get())}
                    </dt>
                    <dd>{move || term.definition(lang.get())}</dd>
                }).collect_view()}
            </dl>
            <button type="button" class="secondary" data-testid="glossary-close" on:click=on_close>
                {move || close(lang.get())}
            </button>
        </dialog>
    }
}

fn dialog() -> Option<web_sys::HtmlDialogElement> {
    document().get_element_by_id(DIALOG_ID)?.dyn_into::<web_sys::HtmlDialogElement>().ok()
}

/// A "?" button beside a term that opens the glossary at that term.
#[component]
pub fn TermHelp(term: Term) -> impl IntoView {
    let lang = use_lang();
    let open = move |_| {
        let Some(dialog) = dialog() else { return };
        if !dialog.open() && dialog.show_modal().is_err() {
            return;
        }
        if let Some(entry) = document().get_element_by_id(term.id()) {
            entry.scroll_into_view();
            if let Some(entry) = entry.dyn_ref::<web_sys::HtmlElement>() {
                let _ = entry.focus();
            }
        }
    };
    view! {
        <button
            type="button"
            class="term-help"
            data-testid=format!("term-help-{}", term.short().to_lowercase())
            aria-label=move || what_is(term, lang.get())
            title=move || what_is(term, lang.get())
            on:click=open
        >
            "?"
        </button>
    }
}

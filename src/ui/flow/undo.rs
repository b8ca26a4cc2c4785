//! Undo and redo for the open draft: the buttons in the planner's bar and the
//! keys (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y; Cmd on a Mac). The history itself is
//! domain logic (`draft::history`); this binds it to the open draft.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::draft::history::{EditKind, History};
use crate::i18n::safety::SafetyText;
use crate::i18n::Lang;
use crate::ui::flow::session::refresh_unmapped;
use crate::ui::lang::use_lang;
use crate::ui::workspace::{now_ms, Workspace};

/// The open draft's history and what the buttons show.
#[derive(Clone, Copy)]
pub struct Undo {
    workspace: Workspace,
    history: StoredValue<History>,
    /// What undo and redo would change, for the buttons.
    next: RwSignal<(Option<EditKind>, Option<EditKind>)>,
    /// The last undo (`true`) or redo and what it changed, said to screen readers.
    done: RwSignal<Option<(bool, EditKind)>>,
}

pub fn kind_text(kind: EditKind, lang: Lang) -> &'static str {
    match kind {
        EditKind::Adjustments => SafetyText::KindAdjustments.get(lang),
        EditKind::Subscriptions => SafetyText::KindSubscriptions.get(lang),
        EditKind::Profiles => SafetyText::KindProfiles.get(lang),
        EditKind::Name => SafetyText::KindName.get(lang),
    }
}

impl Undo {
    /// Follows every change of the open draft, and listens to the keys.
    pub fn provide(workspace: Workspace) -> Undo {
        let undo = Undo {
            workspace,
            history: StoredValue::new(History::default()),
            next: RwSignal::new((None, None)),
            done: RwSignal::new(None),
        };
        Effect::new(move |_| {
            workspace.draft.with(|draft| {
                if let Some(draft) = draft {
                    undo.history.update_value(|history| {
                        history.observe(draft, now_ms());
                    });
                }
            });
            undo.show_next();
        });
        let _ = window_event_listener(leptos::ev::keydown, move |event| undo.on_key(&event));
        undo
    }

    fn show_next(&self) {
        let next = self.history.with_value(|history| (history.next_undo(), history.next_redo()));
        if self.next.get_untracked() != next {
            self.next.set(next);
        }
    }

    pub fn travel(&self, back: bool) {
        let mut done = None;
        self.workspace.draft.maybe_update(|draft| {
            let Some(draft) = draft else { return false };
            self.history.update_value(|history| {
                done = if back { history.undo(draft) } else { history.redo(draft) };
            });
            if done.is_some() {
                draft.updated_ms = now_ms();
            }
            done.is_some()
        });
        self.show_next();
        if let Some(kind) = done {
            if kind == EditKind::Subscriptions {
                refresh_unmapped(self.workspace);
            }
            self.done.set(Some((back, kind)));
        }
    }

    fn on_key(&self, event: &web_sys::KeyboardEvent) {
        if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
            return;
        }
        let key = event.key().to_lowercase();
        let back = match (key.as_str(), event.shift_key()) {
            ("z", false) => true,
            ("z", true) | ("y", false) => false,
            _ => return,
        };
        // A text field undoes its own typing, as everywhere else.
        if event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(is_text_field)
        {
            return;
        }
        event.prevent_default();
        self.travel(back);
    }
}

fn is_text_field(element: web_sys::HtmlElement) -> bool {
    if element.is_content_editable() {
        return true;
    }
    match element.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => {
            let kind = element.get_attribute("type").unwrap_or_default().to_lowercase();
            matches!(kind.as_str(), "" | "text" | "number" | "search" | "email" | "tel" | "url" | "password")
        }
        _ => false,
    }
}

/// The undo and redo buttons of the planner's bar.
#[component]
pub fn UndoButtons(undo: Undo) -> impl IntoView {
    let lang = use_lang();
    let title = move |back: bool| {
        let lang = lang.get();
        let (next_undo, next_redo) = undo.next.get();
        match (back, if back { next_undo } else { next_redo }) {
            (true, Some(kind)) => SafetyText::UndoWhat.get(lang).replace("{what}", kind_text(kind, lang)),
            (false, Some(kind)) => SafetyText::RedoWhat.get(lang).replace("{what}", kind_text(kind, lang)),
            (true, None) => SafetyText::NothingToUndo.get(lang).to_string(),
            (false, None) => SafetyText::NothingToRedo.get(lang).to_string(),
        }
    };
    view! {
        <span class="undo-buttons">
            <button
                type="button"
                class="button"
                data-testid="undo"
                title=move || title(true)
                aria-label=move || title(true)
                disabled=move || undo.next.with(|next| next.0.is_none())
                on:click=move |_| undo.travel(true)
            >
                {move || SafetyText::Undo.get(lang.get())}
            </button>
            <button
                type="button"
                class="button"
                data-testid="redo"
                title=move || title(false)
                aria-label=move || title(false)
                disabled=move || undo.next.with(|next| next.1.is_none())
                on:click=move |_| undo.travel(false)
            >
                {move || SafetyText::Redo.get(lang.get())}
            </button>
            <span class="visually-hidden" role="status" data-testid="undo-status">
                {move || undo.done.get().map(|(back, kind)| {
                    let lang = lang.get();
                    let text = if back { SafetyText::Undone } else { SafetyText::Redone };
                    text.get(lang).replace("{what}", kind_text(kind, lang))
                })}
            </span>
        </span>
    }
}

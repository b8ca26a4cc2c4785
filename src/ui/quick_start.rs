//! The first stage of the page: the start screen, at once, from a module a
//! fraction of the planner's size.
//!
//! The planner (import, rules, plan, documents) is most of the app's code. The
//! loader (`scripts/externalize-loader.mjs`) starts this small module first,
//! then loads the planner in the background; when it is compiled, the loader
//! calls `hand_over`, which removes this screen, and the planner mounts in the
//! same task, so the swap never paints an empty page. A click made in between
//! is kept and carried out by the planner (see `handover`).

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::draft::read_stored;
use crate::i18n::drafts::DraftsText;
use crate::i18n::template::fill;
use crate::i18n::Text;
use crate::ui::drafts::store::{self, Entry};
use crate::ui::drafts::{entry_state, EntrySummary};
use crate::ui::handover::{Handover, StartAction};
use crate::ui::lang::{provide_lang, use_lang, UiLang};
use crate::ui::shell::{Footer, Header};
use crate::ui::start::StartPanel;

/// What the loader and the planner need from the quick start.
#[derive(Clone, Copy)]
struct QuickStart {
    lang: UiLang,
    /// The last thing the user asked for; the planner does it when it takes over.
    action: RwSignal<Option<StartAction>>,
    /// Why the planner could not be loaded, in the browser's words.
    failure: RwSignal<Option<String>>,
}

thread_local! {
    static QUICK_START: RefCell<Option<QuickStart>> = const { RefCell::new(None) };
    /// Keeps the mounted view alive; dropping it removes the view from the page.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Shows the quick start; called by the first stage's `main`.
pub fn mount() {
    console_error_panic_hook::set_once();
    let Some(body) = document().body() else { return };
    let mounted = leptos::mount::mount_to(body, QuickStartScreen);
    MOUNTED.with(|slot| *slot.borrow_mut() = Some(Box::new(mounted)));
}

/// Removes the quick start and returns what the user did on it, for the planner.
pub fn hand_over() -> JsValue {
    let state = QUICK_START.with(|slot| slot.borrow_mut().take());
    let handover = state
        .map(|state| Handover {
            lang: Some(state.lang.0.get_untracked()),
            action: state.action.get_untracked(),
        })
        .unwrap_or_default();
    MOUNTED.with(|slot| slot.borrow_mut().take());
    handover.to_js()
}

/// Says that the planner could not be loaded. If the quick start was already
/// handed over (the planner failed while starting), it comes back to say so.
pub fn planner_failed(reason: String) {
    if QUICK_START.with(|slot| slot.borrow().is_none()) {
        mount();
    }
    QUICK_START.with(|slot| {
        if let Some(state) = *slot.borrow() {
            state.failure.set(Some(reason));
        }
    });
}

#[component]
fn QuickStartScreen() -> impl IntoView {
    let lang = provide_lang();
    let state = QuickStart { lang, action: RwSignal::new(None), failure: RwSignal::new(None) };
    QUICK_START.with(|slot| *slot.borrow_mut() = Some(state));
    store::init();
    let queue = move |action: StartAction| Callback::new(move |()| state.action.set(Some(action.clone())));
    // The planner reopens the draft last open: say so rather than show a start screen about to vanish.
    let body = match reopening_name() {
        Some(name) => view! {
            <p class="planner-loading" role="status" data-testid="planner-loading">
                {move || fill(Text::Reopening.get(lang.get()), &[("name", &name)])}
            </p>
        }
        .into_any(),
        None => view! {
            <StartPanel on_new=queue(StartAction::NewPlan) on_demo=queue(StartAction::OpenDemo)>
                <QuickDraftsList state=state />
            </StartPanel>
        }
        .into_any(),
    };
    view! {
        <Header />
        <main id="main" class="app-main" aria-busy=move || state.action.with(Option::is_some).to_string()>
            {move || state.failure.get().map(|reason| view! {
                <section class="error-banner" role="alert" data-testid="error-banner">
                    <p class="error-text">{move || fill(Text::PlannerLoadFailed.get(lang.get()), &[("reason", &reason)])}</p>
                    <button type="button" class="button" on:click=|_| { let _ = window().location().reload(); }>
                        {lang.text(Text::ReloadPage)}
                    </button>
                </section>
            })}
            <Show when=move || state.action.with(Option::is_some) && state.failure.with(Option::is_none)>
                <p class="planner-loading" role="status" data-testid="planner-loading">{lang.text(Text::LoadingPlanner)}</p>
            </Show>
            {body}
        </main>
        <Footer />
    }
}

/// The saved drafts as the planner lists them, each with its Open button; the
/// other actions come with the planner.
#[component]
fn QuickDraftsList(state: QuickStart) -> impl IntoView {
    let lang = use_lang();
    let entries = store::list().unwrap_or_default();
    if entries.is_empty() {
        return view! { <p class="empty-state">{lang.text(Text::NoDrafts)}</p> }.into_any();
    }
    let items = entries
        .into_iter()
        .map(|entry| {
            let open = match &entry {
                Entry::Ready { id, .. } => {
                    let id = id.clone();
                    Some(view! {
                        <div class="draft-actions">
                            <button type="button" class="button primary" data-testid="draft-open"
                                on:click=move |_| state.action.set(Some(StartAction::OpenDraft(id.clone())))>
                                {move || DraftsText::Open.get(lang.get())}
                            </button>
                        </div>
                    })
                }
                Entry::Newer { .. } | Entry::Damaged { .. } => None,
            };
            let (id, state_name) = (entry.id().to_string(), entry_state(&entry));
            view! {
                <li class="draft-item" data-testid="draft-item" data-draft-id=id data-state=state_name>
                    <EntrySummary entry=entry lang=lang />
                    {open}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="drafts-items" aria-label=move || DraftsText::ListLabel.get(lang.get())>{items}</ul>
    }
    .into_any()
}

/// The name of the draft the planner will reopen, when there is one it can read.
fn reopening_name() -> Option<String> {
    let (id, _step) = store::last_open()?;
    let stored = read_stored(&store::raw(&id).ok()??).ok()?;
    let name = stored.summary.name.trim();
    Some(if name.is_empty() { stored.summary.customer } else { name.to_string() })
}

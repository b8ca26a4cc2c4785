//! The one error banner every feature reports through.
//!
//! A problem is kept as a function of the language, so it reads right after the
//! user switches language, and is shown until dismissed.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::lang::use_lang;

type Message = Arc<dyn Fn(Lang) -> String + Send + Sync>;

#[derive(Clone)]
struct Problem {
    id: u64,
    message: Message,
}

/// Handle to report problems, shared through context.
#[derive(Clone, Copy)]
pub struct Problems {
    list: RwSignal<Vec<Problem>>,
    next_id: StoredValue<u64>,
}

impl Problems {
    fn new() -> Self {
        Problems { list: RwSignal::new(Vec::new()), next_id: StoredValue::new(0) }
    }

    /// Shows a problem; `message` renders it in the interface language.
    pub fn report(&self, message: impl Fn(Lang) -> String + Send + Sync + 'static) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.list.update(|list| list.push(Problem { id, message: Arc::new(message) }));
    }

    fn dismiss(&self, id: u64) {
        self.list.update(|list| list.retain(|problem| problem.id != id));
    }
}

pub fn provide_problems() -> Problems {
    let problems = Problems::new();
    provide_context(problems);
    problems
}

pub fn use_problems() -> Problems {
    // Provided by `App`; a fresh, unseen list only in isolated component tests.
    use_context::<Problems>().unwrap_or_else(Problems::new)
}

#[component]
pub fn ErrorBanner() -> impl IntoView {
    let problems = use_problems();
    let lang = use_lang();
    view! {
        <Show when=move || problems.list.with(|list| !list.is_empty())>
            <section class="error-banner" role="alert" data-testid="error-banner" aria-labelledby="error-banner-title">
                <h2 id="error-banner-title" class="visually-hidden">{lang.text(Text::ErrorTitle)}</h2>
                <ul>
                    <For each=move || problems.list.get() key=|problem| problem.id let:problem>
                        <li>
                            <span class="error-text">{
                                let message = problem.message.clone();
                                move || message(lang.get())
                            }</span>
                            <button type="button" class="link-button" on:click=move |_| problems.dismiss(problem.id)>
                                {lang.text(Text::DismissError)}
                            </button>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

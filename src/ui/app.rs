//! The root component: provides the shared state, and shows the current screen.

use leptos::prelude::*;

use crate::ui::drafts::{provide_drafts, StorageBanner};
use crate::ui::flow::Planner;
use crate::ui::lang::provide_lang;
use crate::ui::problems::{provide_problems, ErrorBanner};
use crate::ui::shell::{Footer, Header};
use crate::ui::start::StartScreen;
use crate::ui::workspace::provide_workspace;

#[component]
pub fn App() -> impl IntoView {
    provide_lang();
    provide_problems();
    let workspace = provide_workspace();
    provide_drafts(workspace);
    let draft_open = move || workspace.draft.with(Option::is_some);
    view! {
        <Header />
        <main id="main" class="app-main">
            <ErrorBanner />
            <StorageBanner />
            <Show when=draft_open fallback=|| view! { <StartScreen /> }>
                <Planner />
            </Show>
        </main>
        <Footer />
    }
}

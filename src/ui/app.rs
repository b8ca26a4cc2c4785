//! The root component: provides the shared state, and shows the current screen.

use leptos::prelude::*;

use crate::ui::drafts::{provide_drafts, StorageBanner};
use crate::ui::flow::Planner;
use crate::ui::glossary::GlossaryDialog;
use crate::ui::handover;
use crate::ui::lang::provide_lang;
use crate::ui::problems::{provide_problems, ErrorBanner};
use crate::ui::shell::{Footer, Header};
use crate::ui::start::{run_start_action, StartScreen};
use crate::ui::update::UpdateBanner;
use crate::ui::workspace::provide_workspace;

#[component]
pub fn App() -> impl IntoView {
    // What the user did on the quick start while the planner loaded.
    let handover = handover::take();
    let lang = provide_lang();
    if let Some(chosen) = handover.lang {
        lang.0.set(chosen);
    }
    provide_problems();
    let workspace = provide_workspace();
    let drafts = provide_drafts(workspace);
    if let Some(action) = handover.action {
        run_start_action(action, workspace, Some(drafts));
    }
    let draft_open = move || workspace.draft.with(Option::is_some);
    view! {
        <Header />
        <main id="main" class="app-main">
            <UpdateBanner />
            <ErrorBanner />
            <StorageBanner />
            <Show when=draft_open fallback=|| view! { <StartScreen /> }>
                <Planner />
            </Show>
        </main>
        <Footer />
        // Last in the page: hidden until a term's "?" opens it.
        <GlossaryDialog />
    }
}

//! The start screen: begin a new plan, open the demo, or continue a saved draft.

use leptos::prelude::*;

use crate::draft::Draft;
use crate::i18n::Text;
use crate::model::{PlanInput, PlanSettings};
use crate::ui::drafts::DraftsList;
use crate::ui::lang::use_lang;
use crate::ui::workspace::{new_draft_id, now_ms, today, use_workspace, Step};

#[component]
pub fn StartScreen() -> impl IntoView {
    let lang = use_lang();
    let workspace = use_workspace();
    let new_plan = move |_| {
        let input = PlanInput { settings: PlanSettings { as_of: today(), ..PlanSettings::default() }, ..PlanInput::default() };
        workspace.open(Draft::new(new_draft_id(), now_ms(), input), Step::Import);
    };
    // The demo is a complete input (subscriptions, customer, partner): it opens ready to plan.
    let open_demo = move |_| {
        let input = crate::demo::demo_input(today());
        workspace.open(Draft::new(new_draft_id(), now_ms(), input), Step::Plan);
    };
    view! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title">{lang.text(Text::AppName)}</h1>
            <p class="tagline">{lang.text(Text::Tagline)}</p>
            <div class="start-actions">
                <button type="button" class="card-button primary" data-testid="new-plan" on:click=new_plan>
                    <span class="card-title">{lang.text(Text::NewPlan)}</span>
                    <span class="card-hint">{lang.text(Text::NewPlanHint)}</span>
                </button>
                <button type="button" class="card-button" data-testid="open-demo" on:click=open_demo>
                    <span class="card-title">{lang.text(Text::OpenDemo)}</span>
                    <span class="card-hint">{lang.text(Text::OpenDemoHint)}</span>
                </button>
            </div>
            <section class="drafts" aria-labelledby="drafts-title">
                <h2 id="drafts-title">{lang.text(Text::SavedDrafts)}</h2>
                <div data-testid="drafts-list">
                    <DraftsList />
                </div>
            </section>
        </section>
    }
}

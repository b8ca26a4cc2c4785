//! The start screen: begin a new plan, open the demo, or continue a saved draft.
//!
//! The same panel is drawn by both stages of the page (see `handover`): by the
//! quick start while the planner loads, then by the planner itself, so the swap
//! between them does not move anything on screen.

use leptos::prelude::*;

use crate::draft::Draft;
use crate::i18n::Text;
use crate::model::{PlanInput, PlanSettings};
use crate::ui::drafts::{use_drafts, Drafts, DraftsList};
use crate::ui::handover::StartAction;
use crate::ui::lang::use_lang;
use crate::ui::workspace::{new_draft_id, now_ms, today, use_workspace, Step, Workspace};

/// The start screen of the planner.
#[component]
pub fn StartScreen() -> impl IntoView {
    let workspace = use_workspace();
    let drafts = use_drafts();
    view! {
        <StartPanel
            on_new=Callback::new(move |()| run_start_action(StartAction::NewPlan, workspace, drafts))
            on_demo=Callback::new(move |()| run_start_action(StartAction::OpenDemo, workspace, drafts))
        >
            <DraftsList />
        </StartPanel>
    }
}

/// Does what the user asked for on a start screen (this one, or the quick start's
/// before the planner took over).
pub fn run_start_action(action: StartAction, workspace: Workspace, drafts: Option<Drafts>) {
    match action {
        StartAction::NewPlan => {
            let input = PlanInput {
                settings: PlanSettings { as_of: today(), ..PlanSettings::default() },
                ..PlanInput::default()
            };
            workspace.open(Draft::new(new_draft_id(), now_ms(), input), Step::Import);
        }
        // The demo is a complete input (subscriptions, customer, partner): it opens ready to plan.
        StartAction::OpenDemo => {
            let input = crate::demo::demo_input(today());
            workspace.open(Draft::new(new_draft_id(), now_ms(), input), Step::Plan);
        }
        StartAction::OpenDraft(id) => {
            if let Some(drafts) = drafts {
                drafts.open(&id);
            }
        }
    }
}

/// The title, the two ways to begin, and the drafts list given as children.
#[component]
pub fn StartPanel(on_new: Callback<()>, on_demo: Callback<()>, children: Children) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title">{lang.text(Text::AppName)}</h1>
            <p class="tagline">{lang.text(Text::Tagline)}</p>
            <div class="start-actions">
                <button type="button" class="card-button primary" data-testid="new-plan" on:click=move |_| on_new.run(())>
                    <span class="card-title">{lang.text(Text::NewPlan)}</span>
                    <span class="card-hint">{lang.text(Text::NewPlanHint)}</span>
                </button>
                <button type="button" class="card-button" data-testid="open-demo" on:click=move |_| on_demo.run(())>
                    <span class="card-title">{lang.text(Text::OpenDemo)}</span>
                    <span class="card-hint">{lang.text(Text::OpenDemoHint)}</span>
                </button>
            </div>
            <section class="drafts" aria-labelledby="drafts-title">
                <h2 id="drafts-title">{lang.text(Text::SavedDrafts)}</h2>
                <div data-testid="drafts-list">{children()}</div>
            </section>
        </section>
    }
}

//! The planner: step navigation, and one component per step.

mod customer_step;
mod dropped_draft;
mod export_step;
pub(in crate::ui) mod files;
mod fix;
mod import_step;
mod mapper;
mod pending;
mod plan_step;
mod review_step;
mod session;
mod undo;

use leptos::prelude::*;

use crate::i18n::flow::FlowText;
use crate::i18n::Lang;
use crate::ui::drafts::{DraftExportButton, DraftStatus};
use crate::ui::lang::use_lang;
use crate::ui::workspace::{use_workspace, Step, Workspace};

fn step_label(step: Step, lang: Lang) -> &'static str {
    let text = match step {
        Step::Import => FlowText::StepImport,
        Step::Review => FlowText::StepReview,
        Step::Customer => FlowText::StepCustomer,
        Step::Plan => FlowText::StepPlan,
        Step::Export => FlowText::StepExport,
    };
    text.get(lang)
}

/// Whether the user can go to `step` with what the draft holds: importing is
/// always possible; the later steps need subscriptions or an import report.
fn reachable(workspace: Workspace, step: Step) -> bool {
    workspace.draft.with(|draft| {
        let Some(draft) = draft else { return false };
        let has_subscriptions = !draft.input.subscriptions.is_empty();
        match step {
            Step::Import => true,
            Step::Review => {
                has_subscriptions
                    || draft.import.report.rows_read > 0
                    || !draft.import.report.formats.is_empty()
            }
            Step::Customer | Step::Plan | Step::Export => has_subscriptions,
        }
    })
}

fn focus_step_heading() {
    use wasm_bindgen::JsCast;
    let heading = document()
        .query_selector(".step-body h1")
        .ok()
        .flatten()
        .and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        if !heading.has_attribute("tabindex") {
            let _ = heading.set_attribute("tabindex", "-1");
        }
        let _ = heading.focus();
    }
}

#[component]
pub fn Planner() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    let undo = undo::Undo::provide(workspace);
    // Files that were waiting for a mapping when the page was reloaded come back.
    let problems = crate::ui::problems::use_problems();
    let open_id = Memo::new(move |_| workspace.draft_id());
    Effect::new(move |_| {
        open_id.track();
        session::restore_pending_files(workspace, problems);
        // A draft (or the demo) just opened: focus goes to the step's heading, so
        // keyboard and screen-reader users start at the top of what they opened.
        request_animation_frame(focus_step_heading);
    });
    let next_step = move || {
        let current = workspace.step.get();
        Step::ALL.iter().skip_while(|step| **step != current).nth(1).copied()
    };
    view! {
        <nav class="steps" aria-label=move || FlowText::StepsLabel.get(lang.get())>
            <button type="button" class="link-button back" on:click=move |_| workspace.close()>
                {move || FlowText::BackToStart.get(lang.get())}
            </button>
            <ol>
                {Step::ALL.into_iter().enumerate().map(|(index, step)| view! {
                    <li>
                        <button
                            type="button"
                            class="step"
                            class:current=move || workspace.step.get() == step
                            data-testid=step.test_id()
                            aria-current=move || (workspace.step.get() == step).then_some("step")
                            disabled=move || !reachable(workspace, step)
                            on:click=move |_| workspace.step.set(step)
                        >
                            <span class="step-number" aria-hidden="true">{index + 1}</span>
                            {move || step_label(step, lang.get())}
                        </button>
                    </li>
                }).collect_view()}
            </ol>
            <div class="draft-bar"><undo::UndoButtons undo=undo /><DraftStatus /><DraftExportButton /></div>
        </nav>
        <section class="step-body">
            <fix::BackToLine />
            {move || match workspace.step.get() {
                Step::Import => import_step::ImportStep().into_any(),
                Step::Review => review_step::ReviewStep().into_any(),
                Step::Customer => customer_step::CustomerStep().into_any(),
                Step::Plan => plan_step::PlanStep().into_any(),
                Step::Export => export_step::ExportStep().into_any(),
            }}
        </section>
        {move || next_step().map(|next| view! {
            <div class="step-footer">
                <button
                    type="button"
                    class="button primary"
                    data-testid="step-next"
                    disabled=move || !reachable(workspace, next)
                    on:click=move |_| workspace.step.set(next)
                >
                    {move || {
                        let lang = lang.get();
                        // French puts a space before the colon.
                        format!("{}{}{}", FlowText::Next.get(lang), lang.pick(": ", " : "), step_label(next, lang))
                    }}
                </button>
            </div>
        })}
    }
}

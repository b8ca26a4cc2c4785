//! What the user is working on: the open draft and the step of the flow.
//!
//! Shared through context. Components read the draft through `draft` and change
//! it with `update_draft`, which also stamps the change time that autosave and
//! the drafts list rely on.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::draft::Draft;
use crate::model::PlanInput;

/// The steps of the planner, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Import,
    Review,
    Customer,
    Plan,
    Export,
}

impl Step {
    pub const ALL: [Step; 5] = [Step::Import, Step::Review, Step::Customer, Step::Plan, Step::Export];

    /// The `data-testid` of the step's navigation button.
    pub fn test_id(self) -> &'static str {
        match self {
            Step::Import => "nav-import",
            Step::Review => "nav-review",
            Step::Customer => "nav-customer",
            Step::Plan => "nav-plan",
            Step::Export => "nav-export",
        }
    }
}

#[derive(Clone, Copy)]
pub struct Workspace {
    /// The open draft; `None` shows the start screen.
    pub draft: RwSignal<Option<Draft>>,
    pub step: RwSignal<Step>,
}

impl Workspace {
    /// Opens a draft at a step (the start screen's "new", "demo" and drafts list).
    pub fn open(&self, draft: Draft, step: Step) {
        self.draft.set(Some(draft));
        self.step.set(step);
    }

    /// Back to the start screen.
    pub fn close(&self) {
        self.draft.set(None);
    }

    /// Changes the open draft and stamps its change time; does nothing without one.
    pub fn update_draft(&self, change: impl FnOnce(&mut Draft)) {
        self.draft.update(|draft| {
            if let Some(draft) = draft {
                change(draft);
                draft.updated_ms = now_ms();
            }
        });
    }

    /// Changes the plan input of the open draft.
    pub fn update_input(&self, change: impl FnOnce(&mut PlanInput)) {
        self.update_draft(|draft| change(&mut draft.input));
    }
}

pub fn provide_workspace() -> Workspace {
    let workspace = Workspace { draft: RwSignal::new(None), step: RwSignal::new(Step::Import) };
    provide_context(workspace);
    workspace
}

pub fn use_workspace() -> Workspace {
    // Provided by `App`; a detached one only in isolated component tests.
    use_context::<Workspace>()
        .unwrap_or_else(|| Workspace { draft: RwSignal::new(None), step: RwSignal::new(Step::Import) })
}

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today in the user's time zone: the default "as of" date of a plan.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
        .unwrap_or_default()
}

/// A new draft identifier: time and randomness, unique enough for one browser.
pub fn new_draft_id() -> String {
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("d{}-{random:x}", now_ms())
}

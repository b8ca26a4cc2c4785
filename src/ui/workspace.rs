//! What the user is working on: the open draft and the step of the flow.
//!
//! Shared through context. Components read the draft through `draft` and change
//! it with `update_draft`, which also stamps the change time that autosave and
//! the drafts list rely on.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::catalog::Catalog;
use crate::draft::Draft;
use crate::import::{ImportOptions, InputFile, UnmappedTable};
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

/// A copy of Microsoft's licensing reference table the user loaded, which
/// replaces the built-in catalog until the user goes back to it.
#[derive(Debug)]
pub struct LoadedCatalog {
    pub file: String,
    /// The file's modification date (the day Microsoft's copy was saved), when known.
    pub dated: Option<NaiveDate>,
    pub catalog: Catalog,
}

/// What the import step read for the open draft, kept in memory only: the raw
/// files (too big for local storage, and customer data the draft need not
/// keep), so that a format override, a date order or a confirmed column
/// mapping can import them again.
#[derive(Debug, Clone, Default)]
pub struct ImportSession {
    /// The draft these files belong to; a session of another draft is ignored.
    pub draft_id: String,
    pub files: Vec<InputFile>,
    /// Modification dates of the files (ms since the epoch), by file name.
    pub modified_ms: Vec<(String, f64)>,
    /// The user's choices in the review step (formats per file, date order, mappings).
    pub options: ImportOptions,
    /// Tables of no known format from the last import, waiting for a mapping.
    pub unmapped: Vec<UnmappedTable>,
    /// Subscriptions whose file did not say the channel: the review step asks
    /// for them, even after the user answered.
    pub channel_asked: BTreeSet<String>,
}

#[derive(Clone, Copy)]
pub struct Workspace {
    /// The open draft; `None` shows the start screen.
    pub draft: RwSignal<Option<Draft>>,
    pub step: RwSignal<Step>,
    /// A loaded licensing reference table; `None` plans with the built-in catalog.
    pub loaded_catalog: RwSignal<Option<Arc<LoadedCatalog>>>,
    pub import_session: RwSignal<ImportSession>,
    /// The plan line (its id and product) the user left to resolve a blocker in
    /// another step, for the way back to it.
    pub back_to_line: RwSignal<Option<(String, String)>>,
    /// The drafts `open` and `close` put aside since autosave last looked, so
    /// that the changes of the draft left are saved from it (autosave does not
    /// copy the open draft at each change: at 100,000 subscriptions a copy
    /// takes longer than the change).
    replaced: StoredValue<Vec<Draft>>,
}

impl Workspace {
    /// Opens a draft at a step (the start screen's "new", "demo" and drafts list).
    pub fn open(&self, draft: Draft, step: Step) {
        self.replace_draft(Some(draft));
        self.step.set(step);
    }

    /// Back to the start screen.
    pub fn close(&self) {
        self.back_to_line.set(None);
        self.replace_draft(None);
    }

    fn replace_draft(&self, draft: Option<Draft>) {
        let left = self.draft.try_update(|open| std::mem::replace(open, draft)).flatten();
        if let Some(left) = left {
            self.replaced.update_value(|replaced| replaced.push(left));
        }
    }

    /// Reads the draft with this id that `open` or `close` put aside, if any.
    pub fn with_replaced<R>(&self, id: &str, read: impl FnOnce(&Draft) -> R) -> Option<R> {
        self.replaced.with_value(|replaced| replaced.iter().rev().find(|draft| draft.id == id).map(read))
    }

    /// Lets the drafts put aside go, once autosave has saved what it needed of them.
    pub fn forget_replaced(&self) {
        self.replaced.update_value(Vec::clear);
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

    /// Runs `read` with the catalog plans are made with (reactive: re-runs
    /// when the user loads a reference table or goes back to the built-in one).
    pub fn with_catalog<R>(&self, read: impl FnOnce(&Catalog) -> R) -> R {
        self.loaded_catalog.with(|loaded| match loaded {
            Some(loaded) => read(&loaded.catalog),
            None => read(Catalog::builtin()),
        })
    }

    /// Goes back to the catalog built into the app.
    pub fn use_builtin_catalog(&self) {
        self.loaded_catalog.set(None);
    }

    /// The id of the open draft (empty without one).
    pub fn draft_id(&self) -> String {
        self.draft.with(|draft| draft.as_ref().map(|draft| draft.id.clone())).unwrap_or_default()
    }

    /// Reads the import session of the open draft; an empty one when the
    /// session belongs to another draft (e.g. after a reload, or when a saved
    /// draft is opened, its files are gone).
    pub fn with_import_session<R>(&self, read: impl FnOnce(&ImportSession) -> R) -> R {
        let draft_id = self.draft_id();
        self.import_session.with(|session| {
            if session.draft_id == draft_id {
                read(session)
            } else {
                read(&ImportSession { draft_id, ..ImportSession::default() })
            }
        })
    }

    /// Changes the import session of the open draft, starting a fresh one when
    /// the stored session belongs to another draft.
    pub fn update_import_session(&self, change: impl FnOnce(&mut ImportSession)) {
        let draft_id = self.draft_id();
        self.import_session.update(|session| {
            if session.draft_id != draft_id {
                *session = ImportSession { draft_id, ..ImportSession::default() };
            }
            change(session);
        });
    }
}

fn detached_workspace() -> Workspace {
    Workspace {
        draft: RwSignal::new(None),
        step: RwSignal::new(Step::Import),
        loaded_catalog: RwSignal::new(None),
        import_session: RwSignal::new(ImportSession::default()),
        back_to_line: RwSignal::new(None),
        replaced: StoredValue::new(Vec::new()),
    }
}

pub fn provide_workspace() -> Workspace {
    let workspace = detached_workspace();
    provide_context(workspace);
    workspace
}

pub fn use_workspace() -> Workspace {
    // Provided by `App`; a detached one only in isolated component tests.
    use_context::<Workspace>().unwrap_or_else(detached_workspace)
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

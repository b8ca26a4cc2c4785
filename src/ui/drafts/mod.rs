//! Drafts in the browser: autosave of the open draft, the drafts list, import and
//! export of draft files, and what happens when storage is full, unavailable,
//! damaged or shared by two tabs.
//!
//! What is stored where: each draft under `csp-planner.draft.<id>` (see `store`),
//! the draft last open under `csp-planner.last-open`. The open draft is saved
//! about 300 ms after each change and at once when the page is hidden or closed.
//! Before writing, a tab checks that the stored draft is still the one it last
//! saw (its stamp: when and by which tab it was written); if another tab saved or
//! deleted it in between, nothing is written and the user chooses.

mod actions;
#[cfg(feature = "bench")]
pub mod bench;
mod list;
mod notices;
mod status;
mod stepped_save;
pub mod store;

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::draft::Draft;
use crate::i18n::drafts::DraftsText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::ui::problems::{use_problems, Problems};
use crate::ui::storage::StorageError;
use crate::ui::workspace::{now_ms, Step, Workspace};
use store::{Entry, LoadError, Stamp};

pub use actions::decode_error_text;
pub use list::{entry_state, DraftsList, EntrySummary};
pub use notices::StorageBanner;
pub use status::{DraftExportButton, DraftStatus};

/// Autosave waits this long after a change, so typing does not write on every key.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(300);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    /// The open draft has no change to save yet (a new draft is stored at its first change).
    Unchanged,
    Pending,
    Saved {
        at_ms: i64,
    },
    /// Saved in the page's memory only: local storage is unavailable.
    InMemory {
        at_ms: i64,
    },
    Failed {
        quota: bool,
    },
    /// Another tab changed or deleted the draft: nothing is written until the user chooses.
    Conflict,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    Changed { id: String, saved_at_ms: i64 },
    Deleted { id: String },
}

impl Conflict {
    fn id(&self) -> &str {
        match self {
            Conflict::Changed { id, .. } | Conflict::Deleted { id } => id,
        }
    }
}

/// A deleted draft, kept until the next delete so "Undo" can put it back as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedDraft {
    pub id: String,
    pub name: String,
    raw: String,
}

/// What autosave knows about the open draft.
#[derive(Default)]
struct Tracking {
    open_id: Option<String>,
    /// The stamp of the stored version this tab's draft is based on.
    base: Option<Stamp>,
    /// Changes not yet written.
    unsaved: Option<Unsaved>,
    timer: Option<TimeoutHandle>,
    /// The next change of the workspace draft is a load, not an edit.
    replacing: bool,
    /// The draft autosave is encoding in steps (see `stepped_save`), and the
    /// number of that save: a flush saves it at once and ends the steps.
    encoding: Option<Unsaved>,
    save_number: u64,
}

/// Where the changes not yet written are. Autosave does not copy the open
/// draft at each change (at 100,000 subscriptions a copy takes longer than the
/// change itself): it reads the draft when it saves.
enum Unsaved {
    /// The draft autosave follows, as it is when saved: the workspace's open
    /// draft, or the copy `Workspace::open` put aside when another one opened.
    Open,
    /// A draft whose write failed and that is no longer the open one.
    Kept(Box<Draft>),
}

/// What a save needs to know of its draft besides its content.
struct SaveTarget {
    id: String,
    name: String,
}

impl SaveTarget {
    fn of(draft: &Draft) -> SaveTarget {
        SaveTarget { id: draft.id.clone(), name: draft.name.clone() }
    }
}

/// The open draft, as far as autosave's tracking needs to know when it changes.
struct OpenDraft {
    id: String,
    has_subscriptions: bool,
}

/// A short confirmation: its text and the values it is filled with.
pub type Notice = (DraftsText, Vec<(&'static str, String)>);

/// The drafts feature's state, shared through context.
#[derive(Clone, Copy)]
pub struct Drafts {
    pub entries: RwSignal<Vec<Entry>>,
    pub status: RwSignal<SaveStatus>,
    pub used_bytes: RwSignal<usize>,
    pub conflict: RwSignal<Option<Conflict>>,
    pub deleted: RwSignal<Option<DeletedDraft>>,
    /// A short confirmation in the drafts list (an import), in the user's language.
    pub notice: RwSignal<Option<Notice>>,
    pub in_memory: bool,
    writer: StoredValue<String>,
    tracking: StoredValue<Tracking>,
    workspace: Workspace,
    problems: Problems,
}

pub fn use_drafts() -> Option<Drafts> {
    use_context::<Drafts>()
}

/// Sets up drafts for the app: reopens the draft last open, starts autosave and
/// listens to other tabs. Called once by `App`, after the workspace exists.
pub fn provide_drafts(workspace: Workspace) -> Drafts {
    let available = store::init();
    let drafts = Drafts {
        entries: RwSignal::new(Vec::new()),
        status: RwSignal::new(SaveStatus::Unchanged),
        used_bytes: RwSignal::new(0),
        conflict: RwSignal::new(None),
        deleted: RwSignal::new(None),
        notice: RwSignal::new(None),
        in_memory: !available,
        writer: StoredValue::new(crate::ui::workspace::new_draft_id().replacen('d', "tab", 1)),
        tracking: StoredValue::new(Tracking::default()),
        workspace,
        problems: use_problems(),
    };
    provide_context(drafts);
    drafts.refresh();
    drafts.reopen_last();

    Effect::new(move |_| {
        let open = workspace.draft.with(|draft| {
            draft.as_ref().map(|draft| OpenDraft {
                id: draft.id.clone(),
                has_subscriptions: !draft.input.subscriptions.is_empty(),
            })
        });
        drafts.on_draft_changed(open);
        workspace.forget_replaced();
    });
    let open_id =
        Memo::new(move |_| workspace.draft.with(|draft| draft.as_ref().map(|draft| draft.id.clone())));
    Effect::new(move |_| {
        let step = workspace.step.get();
        match open_id.get() {
            Some(id) => store::set_last_open(Some((&id, step.test_id()))),
            None => store::set_last_open(None),
        }
    });

    // The page may be closed without notice after it is hidden: save what is pending now.
    window_event_listener_untyped("pagehide", move |_| drafts.flush());
    window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            drafts.flush();
        }
    });
    window_event_listener_untyped("storage", move |event| {
        if let Ok(event) = event.dyn_into::<web_sys::StorageEvent>() {
            drafts.on_storage_event(event.key(), event.new_value());
        }
    });
    drafts
}

impl Drafts {
    /// Reads the drafts list and the space used again.
    pub fn refresh(&self) {
        self.entries.set(store::list().unwrap_or_default());
        self.used_bytes.set(store::used_bytes());
    }

    fn reopen_last(&self) {
        let Some((id, step)) = store::last_open() else { return };
        if let Ok((draft, _)) = store::load(&id) {
            let step =
                Step::ALL.into_iter().find(|candidate| candidate.test_id() == step).unwrap_or(Step::Import);
            self.workspace.open(draft, step);
        }
    }

    fn on_draft_changed(&self, open: Option<OpenDraft>) {
        let open_id = self.tracking.with_value(|tracking| tracking.open_id.clone());
        match open {
            None => {
                if open_id.is_some() {
                    self.flush();
                    self.tracking.update_value(|tracking| *tracking = Tracking::default());
                    self.conflict.set(None);
                    self.status.set(SaveStatus::Unchanged);
                    self.refresh();
                }
            }
            Some(draft) if open_id.as_deref() == Some(draft.id.as_str()) => {
                let was_replacing =
                    self.tracking.try_update_value(|tracking| std::mem::take(&mut tracking.replacing));
                if was_replacing == Some(true) {
                    return;
                }
                self.tracking.update_value(|tracking| tracking.unsaved = Some(Unsaved::Open));
                if self.conflict.with_untracked(Option::is_some) {
                    self.status.set(SaveStatus::Conflict);
                    return;
                }
                if !matches!(self.status.get_untracked(), SaveStatus::Failed { .. }) {
                    self.status.set(SaveStatus::Pending);
                }
                self.schedule_save();
            }
            Some(draft) => {
                // Another draft was opened: the previous one keeps its pending changes.
                self.flush();
                let base = store::stamp(&draft.id).ok().flatten();
                self.status.set(match &base {
                    Some(stamp) if self.in_memory => SaveStatus::InMemory { at_ms: stamp.saved_at_ms },
                    Some(stamp) => SaveStatus::Saved { at_ms: stamp.saved_at_ms },
                    None => SaveStatus::Unchanged,
                });
                self.conflict.set(None);
                // A draft that opens with content and was never saved (the demo) is
                // saved at once, so that a reload finds it.
                let never_saved = base.is_none() && draft.has_subscriptions;
                self.tracking.update_value(|tracking| {
                    let unsaved = never_saved.then_some(Unsaved::Open);
                    *tracking = Tracking { open_id: Some(draft.id), base, unsaved, ..Tracking::default() };
                });
                if never_saved {
                    self.status.set(SaveStatus::Pending);
                    self.schedule_save();
                }
            }
        }
    }

    fn schedule_save(&self) {
        let drafts = *self;
        let timer = set_timeout_with_handle(move || drafts.save_in_steps(), AUTOSAVE_DELAY).ok();
        let previous = self
            .tracking
            .try_update_value(|tracking| std::mem::replace(&mut tracking.timer, timer))
            .flatten();
        if let Some(previous) = previous {
            previous.clear();
        }
    }

    /// Saves pending changes now (the debounce ended, the page is hidden, or another draft opens).
    pub fn flush(&self) {
        let (timer, unsaved) = self
            .tracking
            .try_update_value(|tracking| {
                // Ends a save in steps: its draft is saved now, unless a newer change supersedes it.
                let encoding = tracking.encoding.take();
                tracking.save_number += 1;
                (tracking.timer.take(), tracking.unsaved.take().or(encoding))
            })
            .unwrap_or_default();
        if let Some(timer) = timer {
            timer.clear();
        }
        if let Some(unsaved) = unsaved {
            self.save_now(unsaved);
        }
    }

    /// Reads the draft whose changes are not yet written: the open one (or,
    /// just after another draft opened, the one left), or the copy kept.
    fn with_unsaved<R>(&self, unsaved: &Unsaved, read: impl FnOnce(&Draft) -> R) -> Option<R> {
        match unsaved {
            Unsaved::Kept(draft) => Some(read(draft)),
            Unsaved::Open => {
                let open_id = self.tracking.with_value(|tracking| tracking.open_id.clone())?;
                let is_open = self
                    .workspace
                    .draft
                    .with_untracked(|draft| draft.as_ref().is_some_and(|draft| draft.id == open_id));
                if is_open {
                    self.workspace.draft.with_untracked(|draft| draft.as_ref().map(read))
                } else {
                    self.workspace.with_replaced(&open_id, read)
                }
            }
        }
    }

    /// Saves the open draft as it is now, without waiting for the change to be
    /// seen by autosave: a field that wrote its text as the page is hidden.
    pub fn save_open_now(&self) {
        let open_id =
            self.workspace.draft.with_untracked(|draft| draft.as_ref().map(|draft| draft.id.clone()));
        if let Some(open_id) = open_id {
            self.tracking.update_value(|tracking| {
                if tracking.open_id.as_deref() == Some(open_id.as_str()) {
                    tracking.unsaved = Some(Unsaved::Open);
                }
            });
        }
        self.flush();
    }

    /// Forgets the open draft if the user put nothing in it yet (a new plan
    /// whose first drop was a draft file), so no empty draft is left in the list.
    pub fn discard_open_if_blank(&self) {
        let blank_id = self.workspace.draft.with_untracked(|draft| {
            draft.as_ref().filter(|draft| draft.is_blank()).map(|draft| draft.id.clone())
        });
        let Some(blank_id) = blank_id else { return };
        let timer = self.tracking.try_update_value(|tracking| {
            tracking.unsaved = None;
            tracking.encoding = None;
            tracking.save_number += 1;
            tracking.timer.take()
        });
        if let Some(timer) = timer.flatten() {
            timer.clear();
        }
        if matches!(store::stamp(&blank_id), Ok(Some(_))) {
            let _ = store::delete(&blank_id);
        }
    }

    /// Keeps changes that could not be written for the next save, unless a
    /// newer change (made while a save was in steps) already waits. A draft
    /// no longer open is copied then, the open one is read again when saved.
    fn keep_unsaved(&self, unsaved: Unsaved) {
        let unsaved = match unsaved {
            Unsaved::Open => {
                let open_id = self.tracking.with_value(|tracking| tracking.open_id.clone());
                let still_open = self
                    .workspace
                    .draft
                    .with_untracked(|draft| draft.as_ref().map(|draft| &draft.id) == open_id.as_ref());
                if still_open {
                    Some(Unsaved::Open)
                } else {
                    self.with_unsaved(&Unsaved::Open, |draft| Unsaved::Kept(Box::new(draft.clone())))
                }
            }
            kept => Some(kept),
        };
        self.tracking.update_value(|tracking| {
            if tracking.unsaved.is_none() {
                tracking.unsaved = unsaved;
            }
        });
    }

    fn save_now(&self, unsaved: Unsaved) {
        let now = now_ms();
        let writer = self.writer.get_value();
        let written = self.with_unsaved(&unsaved, |draft| {
            let target = SaveTarget::of(draft);
            let result = self.may_write(&target).then(|| store::save(draft, now, &writer));
            (target, result)
        });
        match written {
            Some((target, Some(result))) => self.after_write(&target, unsaved, now, result),
            Some((_, None)) => self.keep_unsaved(unsaved),
            None => {}
        }
    }

    /// Whether the stored draft is still the one this tab last saw (else the
    /// status says why nothing is written).
    fn may_write(&self, draft: &SaveTarget) -> bool {
        if self
            .conflict
            .with_untracked(|conflict| conflict.as_ref().is_some_and(|conflict| conflict.id() == draft.id))
        {
            self.status.set(SaveStatus::Conflict);
            return false;
        }
        let base = self.tracking.with_value(|tracking| tracking.base.clone());
        match store::stamp(&draft.id) {
            Ok(stored) if stored == base => true,
            Ok(Some(stamp)) => {
                self.conflict
                    .set(Some(Conflict::Changed { id: draft.id.clone(), saved_at_ms: stamp.saved_at_ms }));
                self.status.set(SaveStatus::Conflict);
                false
            }
            Ok(None) => {
                self.conflict.set(Some(Conflict::Deleted { id: draft.id.clone() }));
                self.status.set(SaveStatus::Conflict);
                false
            }
            Err(LoadError::Storage(error)) => {
                self.save_failed(draft, error);
                false
            }
            Err(LoadError::Decode(_) | LoadError::Missing) => {
                // The stored value under this id is unreadable: it is never written over.
                self.save_failed(draft, StorageError::Unreadable);
                false
            }
        }
    }

    /// Records the outcome of writing `draft` saved at `now`; on failure its
    /// changes wait for the next save.
    fn after_write(
        &self,
        draft: &SaveTarget,
        unsaved: Unsaved,
        now: i64,
        result: Result<Stamp, StorageError>,
    ) {
        match result {
            Ok(stamp) => {
                self.tracking.update_value(|tracking| tracking.base = Some(stamp));
                self.status.set(if self.in_memory {
                    SaveStatus::InMemory { at_ms: now }
                } else {
                    SaveStatus::Saved { at_ms: now }
                });
                self.used_bytes.set(store::used_bytes());
            }
            Err(error) => {
                self.save_failed(draft, error);
                self.keep_unsaved(unsaved);
            }
        }
    }

    fn save_failed(&self, draft: &SaveTarget, error: StorageError) {
        let quota = error == StorageError::QuotaExceeded;
        let already_reported = matches!(self.status.get_untracked(), SaveStatus::Failed { .. });
        self.status.set(SaveStatus::Failed { quota });
        if already_reported {
            return;
        }
        let name = display_name(&draft.name);
        self.problems.report(move |lang| {
            if quota {
                fill(DraftsText::QuotaExceeded.get(lang), &[("name", &name)])
            } else {
                fill(DraftsText::SaveFailed.get(lang), &[("name", &name), ("reason", &error.message(lang))])
            }
        });
    }

    fn on_storage_event(&self, key: Option<String>, new_value: Option<String>) {
        let Some(key) = key else {
            // Another tab cleared the whole storage.
            self.refresh();
            return;
        };
        let Some(id) = store::draft_id_of_full_key(&key) else { return };
        self.refresh();
        let (open_id, base) =
            self.tracking.with_value(|tracking| (tracking.open_id.clone(), tracking.base.clone()));
        if open_id.as_deref() != Some(id) {
            return;
        }
        let conflict = match new_value {
            None => Conflict::Deleted { id: id.to_string() },
            Some(text) => {
                let stamp = store::stamp_of(&text);
                if stamp.is_some() && stamp == base {
                    return;
                }
                Conflict::Changed {
                    id: id.to_string(),
                    saved_at_ms: stamp.map_or_else(now_ms, |stamp| stamp.saved_at_ms),
                }
            }
        };
        self.conflict.set(Some(conflict));
        self.status.set(SaveStatus::Conflict);
    }

    /// Replaces this tab's draft with the version the other tab saved.
    pub fn reload_theirs(&self) {
        let Some(id) = self
            .conflict
            .with_untracked(|conflict| conflict.as_ref().map(|conflict| conflict.id().to_string()))
        else {
            return;
        };
        match store::load(&id) {
            Ok((draft, stamp)) => {
                let saved_at_ms = stamp.saved_at_ms;
                self.tracking.update_value(|tracking| {
                    tracking.base = Some(stamp);
                    tracking.unsaved = None;
                    tracking.replacing = true;
                    if let Some(timer) = tracking.timer.take() {
                        timer.clear();
                    }
                });
                self.conflict.set(None);
                self.status.set(SaveStatus::Saved { at_ms: saved_at_ms });
                self.workspace.draft.set(Some(draft));
            }
            Err(error) => self.report_open_failed(&id, error),
        }
    }

    /// Writes this tab's draft over the other tab's version, as the user chose.
    pub fn keep_mine(&self) {
        let Some(id) = self
            .conflict
            .with_untracked(|conflict| conflict.as_ref().map(|conflict| conflict.id().to_string()))
        else {
            return;
        };
        let base = store::stamp(&id).ok().flatten();
        self.tracking.update_value(|tracking| tracking.base = base);
        self.conflict.set(None);
        let mine = self
            .tracking
            .try_update_value(|tracking| tracking.unsaved.take())
            .flatten()
            .unwrap_or(Unsaved::Open);
        if self.with_unsaved(&mine, |draft| draft.id == id) == Some(true) {
            self.save_now(mine);
        }
    }

    /// Closes a draft another tab deleted, without saving it again.
    pub fn close_deleted(&self) {
        self.tracking.update_value(|tracking| {
            tracking.unsaved = None;
            if let Some(timer) = tracking.timer.take() {
                timer.clear();
            }
        });
        self.conflict.set(None);
        self.workspace.close();
    }

    fn report_open_failed(&self, id: &str, error: LoadError) {
        let name = self
            .entries
            .with_untracked(|entries| {
                entries.iter().find_map(|entry| match entry {
                    Entry::Ready { id: entry_id, summary } if entry_id == id => {
                        Some(display_name(&summary.name))
                    }
                    _ => None,
                })
            })
            .unwrap_or_else(|| id.to_string());
        self.problems.report(move |lang| {
            let reason = match &error {
                LoadError::Missing => DraftsText::NotFound.get(lang).to_string(),
                LoadError::Storage(error) => error.message(lang),
                LoadError::Decode(error) => actions::decode_error_text(error, lang),
            };
            fill(DraftsText::OpenFailed.get(lang), &[("name", &name), ("reason", &reason)])
        });
    }
}

fn display_name(name: &str) -> String {
    if name.trim().is_empty() {
        "…".to_string()
    } else {
        name.to_string()
    }
}

/// "14:32" in the user's time zone.
pub fn clock(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// The date and time of a change in the browser's time zone, in words:
/// `3 Dec 2026, 14:05` / `3 déc. 2026, 14:05`.
pub fn date_time(ms: i64, lang: Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let moment =
        chrono::NaiveDate::from_ymd_opt(date.get_full_year() as i32, date.get_month() + 1, date.get_date())
            .and_then(|day| day.and_hms_opt(date.get_hours(), date.get_minutes(), 0));
    match moment {
        Some(moment) => crate::i18n::format::date_time(moment, lang),
        // Not a time the browser can place (never for a stamp this app wrote).
        None => clock(ms),
    }
}

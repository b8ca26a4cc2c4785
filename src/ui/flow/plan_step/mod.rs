//! The plan step: the plan computed from the open draft, shown as summary cards,
//! a table of lines (filtered, sorted, virtually scrolled), the selected line's
//! details and overrides, the customer's checklist and a timeline.
//!
//! The plan is a `Memo` of the draft's input: an override writes to the input
//! through the workspace and every part of the step follows.

mod checklist;
mod details;
mod keys;
mod line_money;
mod money;
mod overrides;
mod source_facts;
mod summary;
mod table;
mod target_picker;
mod timeline;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::format;
use crate::i18n::plan_ui::PlanText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::plan::query::{LineFilter, LinePos, PlanIndex, SortColumn};
use crate::plan::{make_plan, Plan, PlanLine};
use crate::ui::lang::use_lang;
use crate::ui::timing::{yield_for_paint, yield_to_browser};
use crate::ui::workspace::{use_workspace, Step};

/// The state the parts of the plan step share.
#[derive(Clone, Copy)]
pub(super) struct PlanView {
    pub plan: Memo<Option<Arc<Plan>>>,
    /// Every line's search text and sort keys, made once per plan.
    index: Memo<Arc<PlanIndex>>,
    /// The lines the filters keep (their places in `index`), in plan order: the
    /// timeline follows them, and a new sort order does not filter again.
    kept: Memo<Arc<Vec<u32>>>,
    /// The lines the filters keep, in the chosen order.
    pub rows: Memo<Arc<Vec<LinePos>>>,
    pub selected: RwSignal<Option<String>>,
    pub filter: RwSignal<LineFilter>,
    /// The sort column, ascending when `true`.
    pub sort: RwSignal<(SortColumn, bool)>,
}

impl PlanView {
    fn new(plan: Memo<Option<Arc<Plan>>>) -> PlanView {
        let index = Memo::new(move |_| {
            plan.with(|plan| Arc::new(plan.as_deref().map(PlanIndex::new).unwrap_or_default()))
        });
        let filter = RwSignal::new(LineFilter::default());
        let sort = RwSignal::new((SortColumn::Plan, true));
        let kept = Memo::new(move |_| {
            filter.with(|filter| {
                plan.with(|plan| {
                    let Some(plan) = plan else { return Arc::new(Vec::new()) };
                    index.with(|index| Arc::new(index.filter(plan, filter)))
                })
            })
        });
        let rows = Memo::new(move |_| {
            let (column, ascending) = sort.get();
            kept.with(|kept| {
                plan.with(|plan| {
                    let Some(plan) = plan else { return Arc::new(Vec::new()) };
                    index.with(|index| Arc::new(index.sort(plan, kept, column, ascending)))
                })
            })
        });
        PlanView { plan, index, kept, rows, selected: RwSignal::new(None), filter, sort }
    }

    /// The number of lines in the plan.
    pub fn total(&self) -> usize {
        self.index.with(|index| index.len())
    }

    /// Runs `read` on the plan and the lines the filters keep, in plan order
    /// (reactive: re-runs when the plan or a filter changes, not the sort).
    pub fn with_kept<T>(
        &self,
        read: impl for<'a> FnOnce(&'a Plan, &mut dyn Iterator<Item = &'a PlanLine>) -> T,
    ) -> Option<T> {
        self.plan.with(|plan| {
            let plan = plan.as_ref()?;
            self.kept.with(|kept| {
                self.index.with(|index| {
                    let mut lines =
                        kept.iter().filter_map(|place| index.pos(*place)).filter_map(|pos| pos.get(plan));
                    Some(read(plan, &mut lines))
                })
            })
        })
    }

    /// Runs `read` on the selected line, if it is still in the plan.
    pub fn with_selected<T>(&self, read: impl FnOnce(&Plan, &PlanLine) -> T) -> Option<T> {
        let selected = self.selected.get()?;
        self.plan.with(|plan| {
            let plan = plan.as_ref()?;
            let line = plan.lines().find(|line| line.subscription_id == selected)?;
            Some(read(plan, line))
        })
    }
}

/// `None` for an empty text, so tables show a dash.
pub(super) fn date_text(date: Option<chrono::NaiveDate>, lang: Lang) -> String {
    format::date_or(date, lang, "–")
}

/// How far the plan step has come since it opened, one painted frame apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    /// The heading and "Planning…" are being painted.
    Painting,
    /// The plan and its index are made (a task of their own).
    Computing,
    /// The plan's summary and its lines are shown.
    Planned,
    Details,
    Timeline,
    /// The checklist too: everything.
    All,
}

/// Customers named in the heading before the rest are only counted.
const NAMED_CUSTOMERS: usize = 3;

#[component]
pub fn PlanStep() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    // How long the planner itself took, shown as `data-plan-ms` so the end-to-end
    // measurements can tell the planner's time from the rendering's.
    let plan_ms = RwSignal::new(0.0_f64);
    // The step first paints its heading and "Planning…", then plans: a large
    // plan takes a while, and the user sees the app at work meanwhile. The
    // parts below the table then come one painted frame after another
    // (details, timeline, checklist), so no task holds the page for long
    // (tests/bench/import-longtask.mjs measures opening this step).
    let stage = RwSignal::new(Stage::Painting);
    let plan = Memo::new(move |_| {
        if stage.get() == Stage::Painting {
            return None;
        }
        workspace.draft.with(|draft| {
            let draft = draft.as_ref().filter(|draft| !draft.input.subscriptions.is_empty())?;
            let started = js_sys::Date::now();
            // The catalog the user loaded in the import step, else the built-in one.
            let plan = workspace.with_catalog(|catalog| make_plan(&draft.input, catalog));
            plan_ms.set(js_sys::Date::now() - started);
            Some(Arc::new(plan))
        })
    });
    let view_state = PlanView::new(plan);
    money::provide_cost_view(workspace, plan);
    let shown = move |part: Stage| stage.get() >= part;
    spawn_local(async move {
        for next in [Stage::Computing, Stage::Planned, Stage::Details, Stage::Timeline, Stage::All] {
            if next == Stage::Planned {
                // Only a turn, no frame: nothing new to paint since "Planning…".
                yield_to_browser().await;
            } else {
                yield_for_paint().await;
            }
            // `try_set`: the user may have left the step meanwhile.
            if stage.try_set(next).is_some() {
                return;
            }
            if next == Stage::Computing {
                // Planned and indexed here, drawn in the next task.
                view_state.total();
            }
        }
    });
    provide_context(view_state);
    // Back from the step where a blocker of a line was resolved: that line again.
    if let Some((id, _)) = workspace.back_to_line.get_untracked() {
        workspace.back_to_line.set(None);
        view_state.selected.set(Some(id));
        crate::ui::flow::fix::focus_when_shown("#line-details".into(), None);
    }
    // The first line with a blocker is the one a consultant looks at first.
    Effect::new(move |_| {
        if view_state.selected.with_untracked(Option::is_some) {
            return;
        }
        let first = plan.with(|plan| {
            let plan = plan.as_ref()?;
            plan.lines()
                .find(|line| line.has_blocker())
                .or_else(|| plan.lines().next())
                .map(|line| line.subscription_id.clone())
        });
        if first.is_some() {
            view_state.selected.set(first);
        }
    });
    let heading_info = move || {
        let lang = lang.get();
        plan.with(|plan| {
            plan.as_ref().map(|plan| {
                let customers: Vec<&str> =
                    plan.customers.iter().map(|customer| customer.name.as_str()).collect();
                let customer = if customers.iter().all(|name| name.trim().is_empty()) {
                    PlanText::Unnamed.get(lang).to_string()
                } else if customers.len() > NAMED_CUSTOMERS {
                    // A plan of many tenants names a few and counts the rest.
                    let first = customers[..NAMED_CUSTOMERS].join(", ");
                    fill(
                        PlanText::ManyCustomers.get(lang),
                        &[("count", &format::count(customers.len() as u64, lang)), ("names", &first)],
                    )
                } else {
                    customers.join(", ")
                };
                let partner = if plan.partner_name.trim().is_empty() {
                    PlanText::Unnamed.get(lang).to_string()
                } else {
                    plan.partner_name.clone()
                };
                fill(
                    PlanText::ForCustomer.get(lang),
                    &[
                        ("customer", &customer),
                        ("partner", &partner),
                        ("as_of", &format::date(plan.as_of, lang)),
                        ("rules_as_of", &format::date(plan.rules_as_of, lang)),
                        ("catalog", &crate::catalog::catalog_label(&plan.catalog, lang)),
                    ],
                )
            })
        })
    };
    view! {
        <div class="plan-step" data-plan-ms=move || format!("{:.0}", plan_ms.get())>
            <header class="plan-head">
                <h1>{move || PlanText::Title.get(lang.get())}</h1>
                <p class="plan-context">{heading_info}</p>
                <p class="plan-intro">{move || PlanText::Intro.get(lang.get())}</p>
            </header>
            <div class="plan-progress" role="status" aria-live="polite" data-testid="plan-progress">
                <Show when=move || stage.get() < Stage::Planned>
                    <progress aria-hidden="true"></progress>
                    <span>{move || PlanText::Planning.get(lang.get())}</span>
                </Show>
            </div>
            <Show
                when=move || shown(Stage::Planned) && plan.with(Option::is_some)
                fallback=move || view! {
                    <Show when=move || shown(Stage::Planned)>
                        <p class="empty-state">{move || PlanText::NoPlan.get(lang.get())}</p>
                    </Show>
                }
            >
                <summary::PlanSummary />
                <div class="plan-work">
                    <table::PlanTable />
                    <Show when=move || shown(Stage::Details)>
                        <details::LineDetails />
                    </Show>
                </div>
                <Show when=move || shown(Stage::Details)>
                    <money::MoneyPanel />
                </Show>
                <Show when=move || shown(Stage::Timeline)>
                    <timeline::Timeline />
                </Show>
                <Show when=move || shown(Stage::All)>
                    <checklist::Checklist />
                </Show>
                <div class="plan-export">
                    <button
                        type="button"
                        class="button primary"
                        data-testid="go-export"
                        on:click=move |_| workspace.step.set(Step::Export)
                    >
                        {move || PlanText::GoExport.get(lang.get())}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// The plan step's shared state, for its parts.
pub(super) fn use_plan_view() -> PlanView {
    // `PlanStep` provides it before creating any of its parts, which are only
    // ever created inside it: the context is always there.
    expect_context::<PlanView>()
}

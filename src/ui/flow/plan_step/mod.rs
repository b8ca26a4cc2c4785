//! The plan step: the plan computed from the open draft, shown as summary cards,
//! a table of lines (filtered, sorted, virtually scrolled), the selected line's
//! details and overrides, the customer's checklist and a timeline.
//!
//! The plan is a `Memo` of the draft's input: an override writes to the input
//! through the workspace and every part of the step follows.

mod checklist;
mod details;
mod line_money;
mod money;
mod overrides;
mod summary;
mod table;
mod timeline;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::format;
use crate::i18n::plan_ui::{fill, PlanText};
use crate::i18n::Lang;
use crate::model::MigrationPath;
use crate::plan::{make_plan, Plan, PlanLine};
use crate::rules::Severity;
use crate::ui::flow::files::{yield_for_paint, yield_to_browser};
use crate::ui::lang::use_lang;
use crate::ui::workspace::{use_workspace, Step};

/// Where a line sits in the plan: its customer and its position there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct LinePos {
    pub customer: u32,
    pub line: u32,
}

impl LinePos {
    pub fn get(self, plan: &Plan) -> Option<&PlanLine> {
        plan.customers.get(self.customer as usize)?.lines.get(self.line as usize)
    }
}

/// Which lines the findings filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FindingsFilter {
    All,
    Blockers,
    Warnings,
    Clean,
    Overridden,
}

impl FindingsFilter {
    pub const ALL: [FindingsFilter; 5] = [
        FindingsFilter::All,
        FindingsFilter::Blockers,
        FindingsFilter::Warnings,
        FindingsFilter::Clean,
        FindingsFilter::Overridden,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FindingsFilter::All => "all",
            FindingsFilter::Blockers => "blocker",
            FindingsFilter::Warnings => "warning",
            FindingsFilter::Clean => "clean",
            FindingsFilter::Overridden => "overridden",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FindingsFilter::All => PlanText::FilterAll.get(lang),
            FindingsFilter::Blockers => PlanText::FilterBlockers.get(lang),
            FindingsFilter::Warnings => PlanText::FilterWarnings.get(lang),
            FindingsFilter::Clean => PlanText::FilterClean.get(lang),
            FindingsFilter::Overridden => PlanText::FilterOverridden.get(lang),
        }
    }

    fn keeps(self, line: &PlanLine) -> bool {
        let has = |severity: Severity| line.findings.iter().any(|finding| finding.severity == severity);
        match self {
            FindingsFilter::All => true,
            FindingsFilter::Blockers => has(Severity::Blocker),
            FindingsFilter::Warnings => has(Severity::Warning),
            FindingsFilter::Clean => !has(Severity::Blocker) && !has(Severity::Warning),
            FindingsFilter::Overridden => !line.overrides_applied.is_empty(),
        }
    }
}

/// The table's sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SortColumn {
    /// The plan's own order (by customer, then as imported).
    Plan,
    Product,
    Path,
    Target,
    Seats,
    TermEnd,
    Purchase,
    Findings,
}

impl SortColumn {
    /// The column's name in test ids (`sort-product`, `sort-seats`, …).
    pub fn id(self) -> &'static str {
        match self {
            SortColumn::Plan => "plan",
            SortColumn::Product => "product",
            SortColumn::Path => "path",
            SortColumn::Target => "target",
            SortColumn::Seats => "seats",
            SortColumn::TermEnd => "term-end",
            SortColumn::Purchase => "purchase",
            SortColumn::Findings => "findings",
        }
    }
}

/// Blockers weigh more than warnings when sorting by findings.
fn findings_weight(line: &PlanLine) -> u32 {
    line.findings
        .iter()
        .map(|finding| match finding.severity {
            Severity::Blocker => 1000,
            Severity::Warning => 1,
            Severity::Info => 0,
        })
        .sum()
}

/// Compares two lines on a column whose values the plan holds ready (numbers,
/// dates, paths); the text columns compare the index's lower-case keys instead.
fn compare_lines(column: SortColumn, a: &PlanLine, b: &PlanLine) -> std::cmp::Ordering {
    match column {
        SortColumn::Plan | SortColumn::Product | SortColumn::Target => std::cmp::Ordering::Equal,
        SortColumn::Path => a.path.cmp(&b.path),
        SortColumn::Seats => a.seats.cmp(&b.seats),
        SortColumn::TermEnd => option_last(a.dates.term_end, b.dates.term_end),
        SortColumn::Purchase => option_last(
            a.dates.purchase_on.or(a.dates.transfer_on),
            b.dates.purchase_on.or(b.dates.transfer_on),
        ),
        SortColumn::Findings => findings_weight(b).cmp(&findings_weight(a)),
    }
}

/// Known values first, in order; unknown ones after.
fn option_last<T: Ord>(a: Option<T>, b: Option<T>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// One line in the index: where it is, and its lower-case search text, made once
/// per plan. The text starts with the product and holds the target's name, which
/// the product and target sorts compare as they are (lower-casing them on each
/// comparison made sorting 10,000 lines by product several times slower).
#[derive(PartialEq)]
struct IndexEntry {
    pos: LinePos,
    /// Product, subscription id, target and customer, lower case, `\u{1f}` between.
    text: String,
    /// `text[..product_end]` is the product.
    product_end: usize,
    /// `text[start..end]` is the target's name; `None` without a target.
    target: Option<(usize, usize)>,
}

impl IndexEntry {
    fn new(pos: LinePos, line: &PlanLine, customer: &str) -> IndexEntry {
        let product: &str = &line.product;
        let id: &str = &line.subscription_id;
        let mut text = String::with_capacity(product.len() + id.len() + customer.len() + 40);
        text.push_str(&product.to_lowercase());
        let product_end = text.len();
        text.push('\u{1f}');
        text.push_str(&id.to_lowercase());
        text.push('\u{1f}');
        let target = line.target.as_ref().map(|target| {
            let start = text.len();
            let name: &str = &target.name;
            text.push_str(&name.to_lowercase());
            (start, text.len())
        });
        text.push('\u{1f}');
        text.push_str(&customer.to_lowercase());
        IndexEntry { pos, text, product_end, target }
    }

    fn product(&self) -> &str {
        &self.text[..self.product_end]
    }

    fn target(&self) -> Option<&str> {
        self.target.map(|(start, end)| &self.text[start..end])
    }
}

/// Orders two index entries on `column`, ascending.
fn compare_entries(plan: &Plan, column: SortColumn, a: &IndexEntry, b: &IndexEntry) -> std::cmp::Ordering {
    match column {
        SortColumn::Product => a.product().cmp(b.product()),
        // Lines without a target go last in ascending order.
        SortColumn::Target => option_last(a.target(), b.target()),
        _ => match (a.pos.get(plan), b.pos.get(plan)) {
            (Some(line_a), Some(line_b)) => compare_lines(column, line_a, line_b),
            _ => std::cmp::Ordering::Equal,
        },
    }
}

/// The state the parts of the plan step share.
#[derive(Clone, Copy)]
pub(super) struct PlanView {
    pub plan: Memo<Option<Arc<Plan>>>,
    /// Every line's position, search text and sort keys, in plan order.
    index: Memo<Arc<Vec<IndexEntry>>>,
    /// The lines the filters keep (their places in `index`), in plan order: the
    /// timeline follows them, and a new sort order does not filter again.
    kept: Memo<Arc<Vec<u32>>>,
    /// The lines the filters keep, in the chosen order.
    pub rows: Memo<Arc<Vec<LinePos>>>,
    pub selected: RwSignal<Option<String>>,
    pub path_filter: RwSignal<Option<MigrationPath>>,
    pub findings_filter: RwSignal<FindingsFilter>,
    pub search: RwSignal<String>,
    /// The sort column, ascending when `true`.
    pub sort: RwSignal<(SortColumn, bool)>,
}

impl PlanView {
    fn new(plan: Memo<Option<Arc<Plan>>>) -> PlanView {
        let index = Memo::new(move |_| {
            plan.with(|plan| {
                let Some(plan) = plan else { return Arc::new(Vec::new()) };
                let mut entries =
                    Vec::with_capacity(plan.customers.iter().map(|customer| customer.lines.len()).sum());
                for (customer_index, customer) in plan.customers.iter().enumerate() {
                    for (line_index, line) in customer.lines.iter().enumerate() {
                        let pos = LinePos { customer: customer_index as u32, line: line_index as u32 };
                        entries.push(IndexEntry::new(pos, line, &customer.name));
                    }
                }
                Arc::new(entries)
            })
        });
        let path_filter = RwSignal::new(None);
        let findings_filter = RwSignal::new(FindingsFilter::All);
        let search = RwSignal::new(String::new());
        let sort = RwSignal::new((SortColumn::Plan, true));
        let kept = Memo::new(move |_| {
            let path = path_filter.get();
            let findings = findings_filter.get();
            let needle = search.with(|search| search.trim().to_lowercase());
            plan.with(|plan| {
                let Some(plan) = plan else { return Arc::new(Vec::new()) };
                index.with(|index| {
                    let kept: Vec<u32> = index
                        .iter()
                        .enumerate()
                        .filter(|(_, entry)| {
                            let Some(line) = entry.pos.get(plan) else { return false };
                            path.is_none_or(|path| line.path == path)
                                && findings.keeps(line)
                                && (needle.is_empty() || entry.text.contains(&needle))
                        })
                        .map(|(place, _)| place as u32)
                        .collect();
                    Arc::new(kept)
                })
            })
        });
        let rows = Memo::new(move |_| {
            let (column, ascending) = sort.get();
            kept.with(|kept| {
                index.with(|index| {
                    let mut places: Vec<u32> = kept.to_vec();
                    if column != SortColumn::Plan {
                        plan.with(|plan| {
                            let Some(plan) = plan else { return };
                            // A stable sort keeps the plan order among equal lines.
                            places.sort_by(|a, b| {
                                let order =
                                    compare_entries(plan, column, &index[*a as usize], &index[*b as usize]);
                                if ascending {
                                    order
                                } else {
                                    order.reverse()
                                }
                            });
                        });
                    } else if !ascending {
                        places.reverse();
                    }
                    Arc::new(places.into_iter().map(|place| index[place as usize].pos).collect())
                })
            })
        });
        PlanView {
            plan,
            index,
            kept,
            rows,
            selected: RwSignal::new(None),
            path_filter,
            findings_filter,
            search,
            sort,
        }
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
                    let mut lines = kept
                        .iter()
                        .filter_map(|place| index.get(*place as usize))
                        .filter_map(|entry| entry.pos.get(plan));
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

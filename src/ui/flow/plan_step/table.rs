//! The plan lines: filters, a search box and a sortable table that renders only
//! the rows in view (fixed row height, a spacer above and below), so a plan of
//! ten thousand lines scrolls and filters as fast as one of ten.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{date_text, use_plan_view, PlanView};
use crate::i18n::format;
use crate::i18n::labels::{channel_short_label, path_label, path_short_label};
use crate::i18n::plan_ui::PlanText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::model::MigrationPath;
use crate::plan::query::{FindingsFilter, LineFilter, LinePos, SortColumn};
use crate::plan::{Plan, PlanLine};
use crate::rules::Severity;
use crate::ui::lang::use_lang;

/// Height of one row in CSS pixels; `style/plan.css` gives rows exactly this height.
const ROW_HEIGHT: f64 = 48.0;
/// Height of the sticky header row, which covers the top of the scrolled area.
const HEADER_HEIGHT: f64 = 44.0;
/// Rows rendered above and below the visible ones, so fast scrolling shows no gap.
const OVERSCAN: usize = 6;
/// The scroll area's height before it is measured.
const DEFAULT_VIEWPORT: f64 = 520.0;
const COLUMN_COUNT: usize = 7;

fn findings_filter_label(filter: FindingsFilter, lang: Lang) -> &'static str {
    match filter {
        FindingsFilter::All => PlanText::FilterAll.get(lang),
        FindingsFilter::Blockers => PlanText::FilterBlockers.get(lang),
        FindingsFilter::Warnings => PlanText::FilterWarnings.get(lang),
        FindingsFilter::Clean => PlanText::FilterClean.get(lang),
        FindingsFilter::Overridden => PlanText::FilterOverridden.get(lang),
    }
}

fn column_label(column: SortColumn, lang: Lang) -> &'static str {
    match column {
        SortColumn::Plan | SortColumn::Product => PlanText::ColProduct.get(lang),
        SortColumn::Path => PlanText::ColPath.get(lang),
        SortColumn::Target => PlanText::ColTarget.get(lang),
        SortColumn::Seats => PlanText::ColSeats.get(lang),
        SortColumn::TermEnd => PlanText::ColTermEnd.get(lang),
        SortColumn::Purchase => PlanText::ColPurchase.get(lang),
        SortColumn::Findings => PlanText::ColFindings.get(lang),
    }
}

const COLUMNS: [(SortColumn, &str); COLUMN_COUNT] = [
    (SortColumn::Product, "col-product"),
    (SortColumn::Path, "col-path"),
    (SortColumn::Target, "col-target"),
    (SortColumn::Seats, "col-seats"),
    (SortColumn::TermEnd, "col-date"),
    (SortColumn::Purchase, "col-date"),
    (SortColumn::Findings, "col-findings"),
];

/// One sortable column header: a button that sorts, then reverses the order.
fn header_cell(
    view_state: PlanView,
    column: SortColumn,
    class: &'static str,
    lang: Signal<Lang>,
) -> impl IntoView {
    let aria_sort = move || {
        let (current, ascending) = view_state.sort.get();
        if current == column {
            if ascending {
                "ascending"
            } else {
                "descending"
            }
        } else {
            "none"
        }
    };
    let arrow = move || {
        let (current, ascending) = view_state.sort.get();
        if current == column {
            if ascending {
                "▲"
            } else {
                "▼"
            }
        } else {
            ""
        }
    };
    let sort = move |_| {
        view_state.sort.update(|(current, ascending)| {
            if *current == column {
                *ascending = !*ascending;
            } else {
                *current = column;
                *ascending = true;
            }
        });
    };
    view! {
        <th scope="col" class=class aria-sort=aria_sort>
            <button
                type="button"
                class="sort-button"
                data-testid=format!("sort-{}", column.id())
                title=move || fill(PlanText::SortBy.get(lang.get()), &[("column", column_label(column, lang.get()))])
                on:click=sort
            >
                {move || column_label(column, lang.get())}
                <span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// The cells of one line, in the current language.
fn row_cells(plan: &Plan, pos: LinePos, lang: Lang) -> impl IntoView {
    let Some(line) = pos.get(plan) else {
        return ().into_any();
    };
    let blockers = line.findings.iter().filter(|finding| finding.severity == Severity::Blocker).count();
    let warnings = line.findings.iter().filter(|finding| finding.severity == Severity::Warning).count();
    let target = line.target.as_ref().map(|target| match &target.add_on {
        Some(add_on) => format!("{} + {}", target.name, add_on.name),
        None => target.name.clone(),
    });
    let target_badge = line.target.as_ref().and_then(|target| {
        if target.chosen_by_user {
            Some(PlanText::Adjusted.get(lang))
        } else if target.same_as_source {
            Some(PlanText::SameOfferShort.get(lang))
        } else {
            None
        }
    });
    let seats = if line.seats == line.seats_source_total {
        format::count(u64::from(line.seats), lang)
    } else {
        format!(
            "{} → {}",
            format::count(u64::from(line.seats_source_total), lang),
            format::count(u64::from(line.seats), lang)
        )
    };
    let term_end = match line.dates.term_end {
        Some(date) if line.dates.term_end_estimated => format!("≈ {}", format::date(date, lang)),
        date => date_text(date, lang),
    };
    let term_end_title = line.dates.term_end_estimated.then(|| PlanText::Estimated.get(lang));
    let buy = date_text(line.dates.purchase_on.or(line.dates.transfer_on), lang);
    let blocker_text = fill(PlanText::BlockerCount.get(lang), &[("count", &blockers.to_string())]);
    let warning_text = fill(PlanText::WarningCount.get(lang), &[("count", &warnings.to_string())]);
    view! {
        <td class="col-product">
            <button type="button" class="line-button" data-row-button="" title=line.product_name().to_string()>
                <span class="line-product">{line.product_name().to_string()}</span>
                <span class="line-id">{line_id_text(line, lang)}</span>
            </button>
        </td>
        <td class="col-path">
            <span class=format!("path-badge path-{}", line.path.id()) title=path_label(line.path, lang)>{path_short_label(line.path, lang)}</span>
        </td>
        <td class="col-target" title=target.clone()>
            <span class="line-target">
                {target.clone().unwrap_or_else(|| "–".to_string())}
                {target_badge.map(|badge| view! { <span class="tag">{badge}</span> })}
            </span>
        </td>
        <td class="col-seats">{seats}</td>
        <td class="col-date" title=term_end_title>{term_end}</td>
        <td class="col-date">{buy}</td>
        <td class="col-findings">
            {(blockers > 0).then(|| view! {
                <span class="count-badge blocker" title=blocker_text.clone()>
                    <span aria-hidden="true">{blockers}</span>
                    <span class="visually-hidden">{blocker_text.clone()}</span>
                </span>
            })}
            {(warnings > 0).then(|| view! {
                <span class="count-badge warning" title=warning_text.clone()>
                    <span aria-hidden="true">{warnings}</span>
                    <span class="visually-hidden">{warning_text.clone()}</span>
                </span>
            })}
        </td>
    }
    .into_any()
}

/// The line's id and channel, and whether it is an add-on, with or without a base (ADDON-BASE).
fn line_id_text(line: &PlanLine, lang: Lang) -> String {
    // An id the importer made up (`SKU@file:line`) says nothing to the reader.
    let id = match line.given_id() {
        Some(given) => format!("{given} · {}", channel_short_label(line.channel, lang)),
        None => channel_short_label(line.channel, lang).to_string(),
    };
    match line.add_on.as_ref().map(|add_on| add_on.base_subscription_id.is_some()) {
        Some(true) => format!("{id} · {}", PlanText::AddOnShort.get(lang)),
        Some(false) => format!("{id} · {}", PlanText::AddOnNoBase.get(lang)),
        None => id,
    }
}

/// The visible window: the first and last row index to render, out of `count`.
fn visible_range(scroll_top: f64, viewport: f64, count: usize) -> (usize, usize) {
    let first_visible = (scroll_top.max(0.0) / ROW_HEIGHT).floor() as usize;
    let first = first_visible.saturating_sub(OVERSCAN).min(count);
    let visible = (viewport / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
    (first, (first + visible).min(count))
}

#[component]
pub(super) fn PlanTable() -> impl IntoView {
    let lang = use_lang();
    let lang_signal = Signal::derive(move || lang.get());
    let view_state = use_plan_view();
    let scroll_top = RwSignal::new(0.0_f64);
    let viewport = RwSignal::new(DEFAULT_VIEWPORT);
    let scroller = NodeRef::<leptos::html::Div>::new();
    // Which row has (or last had) the keyboard focus.
    let active_row = RwSignal::new(0_usize);

    Effect::new(move |_| {
        if let Some(element) = scroller.get() {
            let height = f64::from(element.client_height());
            if height > 0.0 {
                viewport.set(height);
            }
        }
    });

    let range = Memo::new(move |_| {
        let count = view_state.rows.with(|rows| rows.len());
        visible_range(scroll_top.get(), viewport.get(), count)
    });
    // A new plan (after an override) gets new rows; the key changes with it.
    let generation = Memo::new(move |previous: Option<&u64>| {
        view_state.plan.track();
        previous.map_or(0, |previous| previous + 1)
    });
    let window_rows = move || {
        let (first, last) = range.get();
        let generation = generation.get();
        view_state.rows.with(|rows| {
            rows.get(first..last)
                .unwrap_or_default()
                .iter()
                .enumerate()
                .map(|(offset, pos)| (first + offset, *pos, generation))
                .collect::<Vec<_>>()
        })
    };

    let back_to_top = move || {
        scroll_top.set(0.0);
        active_row.set(0);
        if let Some(element) = scroller.get_untracked() {
            element.set_scroll_top(0);
        }
    };

    let on_scroll = move |_| {
        if let Some(element) = scroller.get_untracked() {
            scroll_top.set(f64::from(element.scroll_top()));
            let height = f64::from(element.client_height());
            if height > 0.0 && (height - viewport.get_untracked()).abs() > 1.0 {
                viewport.set(height);
            }
        }
    };

    // Moves the keyboard focus to row `index`, scrolling it into view first; the
    // row may not be rendered yet, so the focus waits for the next frame.
    let focus_row = move |index: usize| {
        let Some(element) = scroller.get_untracked() else { return };
        let row_top = index as f64 * ROW_HEIGHT;
        let top = f64::from(element.scroll_top());
        let height = f64::from(element.client_height());
        let new_top = if row_top < top {
            Some(row_top)
        } else if row_top + ROW_HEIGHT > top + height - HEADER_HEIGHT {
            Some(row_top + ROW_HEIGHT - height + HEADER_HEIGHT)
        } else {
            None
        };
        if let Some(new_top) = new_top {
            element.set_scroll_top(new_top.max(0.0) as i32);
            scroll_top.set(new_top.max(0.0));
        }
        active_row.set(index);
        request_animation_frame(move || {
            let Some(element) = scroller.get_untracked() else { return };
            let selector = format!("tr[data-row-index=\"{index}\"] button[data-row-button]");
            if let Ok(Some(button)) = element.query_selector(&selector) {
                if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    };

    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let count = view_state.rows.with(|rows| rows.len());
        if count == 0 {
            return;
        }
        let page = ((viewport.get_untracked() - HEADER_HEIGHT) / ROW_HEIGHT).floor().max(1.0) as usize;
        let current = active_row.get_untracked().min(count - 1);
        let next = match event.key().as_str() {
            "ArrowDown" => (current + 1).min(count - 1),
            "ArrowUp" => current.saturating_sub(1),
            "PageDown" => (current + page).min(count - 1),
            "PageUp" => current.saturating_sub(page),
            "Home" => 0,
            "End" => count - 1,
            // Enter opens the line (the button's click selects it) and moves to its details.
            "Enter" => {
                request_animation_frame(super::keys::focus_details);
                return;
            }
            _ => return,
        };
        event.prevent_default();
        focus_row(next);
    };

    let select_row = move |pos: LinePos, index: usize| {
        active_row.set(index);
        let id = view_state.plan.with_untracked(|plan| {
            plan.as_ref().and_then(|plan| pos.get(plan)).map(|line| line.subscription_id.clone())
        });
        if id.is_some() {
            view_state.selected.set(id);
            // Where the details sit below the table (a phone), a tap brings them into view.
            request_animation_frame(super::keys::reveal_details_when_stacked);
        }
    };
    // One Tab stop in the table: only the active row's button is in the Tab order.
    Effect::new(move |_| {
        let active = active_row.get();
        range.track();
        generation.track();
        view_state.rows.track();
        request_animation_frame(move || super::keys::rove(scroller.get_untracked(), active));
    });

    let shown = move || view_state.rows.with(|rows| rows.len());
    let caption = move || {
        let lang = lang.get();
        fill(
            PlanText::TableCaption.get(lang),
            &[
                ("shown", &format::count(shown() as u64, lang)),
                ("total", &format::count(view_state.total() as u64, lang)),
            ],
        )
    };
    let filtered = move || view_state.filter.with(LineFilter::is_active);
    let clear_filters = move |_| {
        view_state.filter.set(LineFilter::default());
        back_to_top();
    };

    view! {
        <section class="plan-lines" aria-labelledby="plan-lines-title">
            <h2 id="plan-lines-title">{move || PlanText::TableLabel.get(lang.get())}</h2>
            <div class="plan-filters" role="search" aria-label=move || PlanText::FilterLabel.get(lang.get())>
                <label class="field search-field">
                    <span class="field-label">{move || PlanText::SearchLabel.get(lang.get())}</span>
                    <input
                        type="search"
                        data-testid="plan-filter"
                        placeholder=move || PlanText::SearchPlaceholder.get(lang.get())
                        prop:value=move || view_state.filter.with(|filter| filter.search.clone())
                        on:input=move |event| {
                            let search = event_target_value(&event);
                            view_state.filter.update(|filter| filter.search = search);
                            back_to_top();
                        }
                    />
                </label>
                <label class="field">
                    <span class="field-label">{move || PlanText::FilterPath.get(lang.get())}</span>
                    <select
                        data-testid="plan-filter-path"
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            let path = MigrationPath::ALL.into_iter().find(|path| path.id() == value);
                            view_state.filter.update(|filter| filter.path = path);
                            back_to_top();
                        }
                        prop:value=move || view_state.filter.with(|filter| filter.path.map_or("", MigrationPath::id))
                    >
                        <option value="">{move || PlanText::FilterAll.get(lang.get())}</option>
                        {MigrationPath::ALL.into_iter().map(|path| view! {
                            <option value=path.id()>{move || path_label(path, lang.get())}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{move || PlanText::FilterSeverity.get(lang.get())}</span>
                    <select
                        data-testid="plan-filter-severity"
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            let findings = FindingsFilter::from_id(&value).unwrap_or_default();
                            view_state.filter.update(|filter| filter.findings = findings);
                            back_to_top();
                        }
                        prop:value=move || view_state.filter.with(|filter| filter.findings.id())
                    >
                        {FindingsFilter::ALL.into_iter().map(|filter| view! {
                            <option value=filter.id()>{move || findings_filter_label(filter, lang.get())}</option>
                        }).collect_view()}
                    </select>
                </label>
                <Show when=filtered>
                    <button type="button" class="button" on:click=clear_filters>{move || PlanText::ClearFilters.get(lang.get())}</button>
                </Show>
                <p class="plan-count" aria-live="polite" data-testid="plan-count">{caption}</p>
            </div>
            <p class="table-help" id="plan-table-help">{move || PlanText::TableHelp.get(lang.get())}</p>
            <div
                class="plan-table-scroll"
                node_ref=scroller
                on:scroll=on_scroll
                on:keydown=on_keydown
                role="region"
                tabindex="-1"
                aria-labelledby="plan-lines-title"
                aria-describedby="plan-table-help"
            >
                <table class="plan-table" data-testid="plan-table" aria-rowcount=move || shown() + 1 aria-describedby="plan-table-help">
                    <caption class="visually-hidden">{caption}</caption>
                    <thead>
                        <tr aria-rowindex="1">
                            {COLUMNS.into_iter().map(|(column, class)| header_cell(view_state, column, class, lang_signal)).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", range.get().0 as f64 * ROW_HEIGHT)>
                            <td colspan=COLUMN_COUNT></td>
                        </tr>
                        <For each=window_rows key=|(index, pos, generation)| (*index, *pos, *generation) let:row>
                            {
                                let (index, pos, _) = row;
                                let path_id = view_state.plan.with_untracked(|plan| plan.as_ref().and_then(|plan| pos.get(plan)).map(|line| line.path.id()));
                                let id = view_state.plan.with_untracked(|plan| plan.as_ref().and_then(|plan| pos.get(plan)).map(|line| line.subscription_id.clone())).unwrap_or_default();
                                let selected_id = id.clone();
                                let is_selected = move || view_state.selected.with(|selected| selected.as_deref() == Some(selected_id.as_str()));
                                view! {
                                    <tr
                                        class="plan-line"
                                        class:selected=is_selected.clone()
                                        data-testid="plan-line"
                                        data-path=path_id
                                        data-id=id
                                        data-row-index=index
                                        aria-rowindex=index + 2
                                        aria-current=move || is_selected().then_some("true")
                                        on:click=move |_| select_row(pos, index)
                                        on:focusin=move |_| active_row.set(index)
                                    >
                                        {move || {
                                            let lang = lang.get();
                                            view_state.plan.with(|plan| plan.as_ref().map(|plan| row_cells(plan, pos, lang)))
                                        }}
                                    </tr>
                                }
                            }
                        </For>
                        <tr class="spacer" aria-hidden="true" style:height=move || {
                            let (_, last) = range.get();
                            let count = view_state.rows.with(|rows| rows.len());
                            format!("{}px", (count - last.min(count)) as f64 * ROW_HEIGHT)
                        }>
                            <td colspan=COLUMN_COUNT></td>
                        </tr>
                    </tbody>
                </table>
                <Show when=move || shown() == 0>
                    <p class="empty-state">{move || PlanText::NoMatch.get(lang.get())}</p>
                </Show>
            </div>
        </section>
    }
}

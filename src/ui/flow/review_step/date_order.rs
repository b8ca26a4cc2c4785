//! The date order of the files whose slashed dates fit both day/month orders.

use leptos::prelude::*;

use crate::i18n::import_ui::ImportText;
use crate::import::{DateOrder, IssueKind};
use crate::ui::flow::session::set_date_order;
use crate::ui::lang::use_lang;
use crate::ui::problems::use_problems;
use crate::ui::workspace::use_workspace;

/// The day/month order of slashed dates, when some file had any.
#[component]
pub(super) fn DateOrderChoice() -> impl IntoView {
    let workspace = use_workspace();
    let problems = use_problems();
    let lang = use_lang();
    let relevant = move || {
        workspace.draft.with(|draft| {
            draft.as_ref().is_some_and(|draft| {
                let report = &draft.import.report;
                report.formats.iter().any(|file| file.date_order.is_some())
                    || report.issues.iter().any(|issue| {
                        matches!(
                            issue.kind,
                            IssueKind::AmbiguousDateOrder { .. } | IssueKind::AmbiguousDate { .. }
                        )
                    })
            })
        })
    };
    let chosen = Signal::derive(move || workspace.with_import_session(|session| session.options.date_order));
    let can_change = move || workspace.with_import_session(|session| !session.files.is_empty());
    view! {
        <Show when=relevant>
            <section class="date-order" aria-labelledby="date-order-title">
                <h2 id="date-order-title">{move || ImportText::DateOrderTitle.get(lang.get())}</h2>
                <label for="date-order">{move || ImportText::DateOrderLabel.get(lang.get())}</label>
                <select
                    id="date-order"
                    data-testid="date-order"
                    disabled=move || !can_change()
                    on:change=move |ev| {
                        let order = match event_target_value(&ev).as_str() {
                            "dmy" => Some(DateOrder::DayMonthYear),
                            "mdy" => Some(DateOrder::MonthDayYear),
                            _ => None,
                        };
                        set_date_order(workspace, problems, order);
                    }
                >
                    <option value="" prop:selected=move || chosen.get().is_none()>{move || ImportText::DateOrderAuto.get(lang.get())}</option>
                    <option value="dmy" prop:selected=move || chosen.get() == Some(DateOrder::DayMonthYear)>
                        {move || ImportText::DateOrderDmy.get(lang.get())}
                    </option>
                    <option value="mdy" prop:selected=move || chosen.get() == Some(DateOrder::MonthDayYear)>
                        {move || ImportText::DateOrderMdy.get(lang.get())}
                    </option>
                </select>
            </section>
        </Show>
    }
}

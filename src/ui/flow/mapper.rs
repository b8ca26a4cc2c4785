//! The column mapper: for a table of no known format, which column holds
//! which field, pre-filled with the importer's suggestion and confirmed by
//! the user (the confirmed mapping is remembered for tables with the same header).

use leptos::prelude::*;

use crate::i18n::import_ui::ImportText;
use crate::i18n::labels::source_label;
use crate::i18n::template::fill;
use crate::import::{ColumnMapping, Field, UnmappedTable};
use crate::ui::flow::pending::{choose_columns, chosen_columns};
use crate::ui::flow::session::confirm_mapping;
use crate::ui::lang::use_lang;
use crate::ui::problems::use_problems;
use crate::ui::workspace::use_workspace;

/// How many example values of each column to show next to its field.
const EXAMPLES: usize = 3;

#[component]
pub fn ColumnMapper(table: UnmappedTable, index: usize) -> impl IntoView {
    let workspace = use_workspace();
    let problems = use_problems();
    let lang = use_lang();
    let signature = table.suggested.signature.clone();
    // The columns chosen so far live in the draft (a reload or an undo keeps them) when it keeps the file.
    let suggested = table.suggested.columns.clone();
    let columns = RwSignal::new(
        chosen_columns(workspace, &signature)
            .map(|mapping| mapping.columns)
            .unwrap_or_else(|| suggested.clone()),
    );
    let watched = signature.clone();
    Effect::new(move |_| {
        let chosen = chosen_columns(workspace, &watched).map(|mapping| mapping.columns);
        if let Some(chosen) = chosen {
            if columns.with_untracked(|columns| *columns != chosen) {
                columns.set(chosen);
            }
        }
    });
    let written = StoredValue::new(signature.clone());
    let identifies = move || {
        columns.with(|columns| {
            ColumnMapping { signature: String::new(), columns: columns.clone() }.identifies_products()
        })
    };
    let confirm = move |_| {
        let mapping = ColumnMapping { signature: signature.clone(), columns: columns.get_untracked() };
        confirm_mapping(workspace, problems, mapping);
    };
    let title_id = format!("mapper-title-{index}");
    let (file, sheet) = (table.file.clone(), table.sheet.clone());
    let place = move |lang| {
        let file = source_label(&file, lang);
        match &sheet {
            Some(sheet) => format!("{file} ({sheet})"),
            None => file.into_owned(),
        }
    };
    let rows = table.rows;
    let column_rows = table
        .headers
        .iter()
        .enumerate()
        .map(|(at, header)| {
            let select_id = format!("map-{index}-{at}");
            let examples: Vec<String> = table
                .sample_rows
                .iter()
                .filter_map(|row| row.get(at))
                .map(|cell| cell.trim().to_owned())
                .filter(|cell| !cell.is_empty())
                .take(EXAMPLES)
                .collect();
            let header = if header.trim().is_empty() { format!("#{}", at + 1) } else { header.clone() };
            view! {
                <tr>
                    <th scope="row"><label for=select_id.clone()>{header}</label></th>
                    <td>
                        <select
                            id=select_id
                            on:change=move |ev| {
                                let chosen = Field::from_id(&event_target_value(&ev));
                                columns.update(|columns| {
                                    if let Some(slot) = columns.get_mut(at) {
                                        *slot = chosen;
                                    }
                                });
                                choose_columns(workspace, ColumnMapping { signature: written.get_value(), columns: columns.get_untracked() });
                            }
                        >
                            <option value="" prop:selected=move || columns.with(|columns| columns.get(at).copied().flatten().is_none())>
                                {move || ImportText::MapperIgnore.get(lang.get())}
                            </option>
                            {Field::ALL.into_iter().map(|field| view! {
                                <option
                                    value=field.id()
                                    prop:selected=move || columns.with(|columns| columns.get(at).copied().flatten() == Some(field))
                                >
                                    {move || field.label(lang.get())}
                                </option>
                            }).collect_view()}
                        </select>
                    </td>
                    <td class="examples">{examples.join(" · ")}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <section class="mapper" aria-labelledby=title_id.clone() data-testid="column-mapper">
            <h3 id=title_id.clone()>{move || {
                let lang = lang.get();
                fill(ImportText::MapperTitle.get(lang), &[("file", &place(lang))])
            }}</h3>
            <p>{move || fill(ImportText::MapperIntro.get(lang.get()), &[("rows", &rows.to_string())])}</p>
            <div class="table-scroll">
                <table class="mapper-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || ImportText::MapperColumn.get(lang.get())}</th>
                            <th scope="col">{move || ImportText::MapperHolds.get(lang.get())}</th>
                            <th scope="col">{move || ImportText::MapperExamples.get(lang.get())}</th>
                        </tr>
                    </thead>
                    <tbody>{column_rows}</tbody>
                </table>
            </div>
            <Show when=move || !identifies()>
                <p class="hint warning-text">{move || ImportText::MapperNeedsProduct.get(lang.get())}</p>
            </Show>
            <button type="button" class="button primary" data-testid="mapping-confirm" disabled=move || !identifies() on:click=confirm>
                {move || ImportText::MapperConfirm.get(lang.get())}
            </button>
        </section>
    }
}

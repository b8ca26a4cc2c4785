//! The rejected rows, each editable in place and read again.

use leptos::prelude::*;

use crate::i18n::import_ui::ImportText;
use crate::i18n::labels::source_label;
use crate::i18n::template::fill;
use crate::import::RejectedRow;
use crate::ui::flow::session::retry_rejected_row;
use crate::ui::lang::use_lang;
use crate::ui::workspace::use_workspace;

/// Rows the importer could not read, with their cells editable and a retry.
#[component]
pub(super) fn RejectedRows() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    let rows = move || {
        workspace.draft.with(|draft| {
            draft.as_ref().map(|draft| draft.import.report.rejected_rows.clone()).unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !rows().is_empty()>
            <section class="rejected-rows" aria-labelledby="rejected-title">
                <h2 id="rejected-title">{move || ImportText::RejectedTitle.get(lang.get())}</h2>
                <p>{move || ImportText::RejectedIntro.get(lang.get())}</p>
                <For each=rows key=|row| (row.file.clone(), row.line, row.cells.clone()) let:row>
                    <RejectedRowEditor row />
                </For>
            </section>
        </Show>
    }
}

#[component]
fn RejectedRowEditor(row: RejectedRow) -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    let cells = RwSignal::new(row.cells.clone());
    let issues = {
        let (file, line) = (row.file.clone(), row.line);
        move || {
            workspace.draft.with(|draft| {
                draft
                    .as_ref()
                    .map(|draft| {
                        draft
                            .import
                            .report
                            .issues_at(&file, line)
                            .map(|issue| issue.message(lang.get()))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        }
    };
    let place = format!("{}-{}", row.file, row.line)
        .chars()
        .map(|character| if character.is_alphanumeric() { character } else { '-' })
        .collect::<String>();
    let heading = {
        let (file, line) = (row.file.clone(), row.line);
        move || {
            let lang = lang.get();
            format!(
                "{}{}",
                source_label(&file, lang),
                fill(ImportText::AtLine.get(lang), &[("line", &line.to_string())])
            )
        }
    };
    let columns = row.headers.len().max(row.cells.len());
    let inputs = (0..columns)
        .map(|at| {
            let id = format!("cell-{place}-{at}");
            let header = row.headers.get(at).cloned().unwrap_or_else(|| format!("#{}", at + 1));
            view! {
                <div class="cell-field">
                    <label for=id.clone()>{header}</label>
                    <input
                        id=id
                        type="text"
                        prop:value=move || cells.with(|cells| cells.get(at).cloned().unwrap_or_default())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            cells.update(|cells| {
                                if cells.len() <= at {
                                    cells.resize(at + 1, String::new());
                                }
                                cells[at] = value;
                            });
                        }
                    />
                </div>
            }
        })
        .collect_view();
    let retry = move |_| retry_rejected_row(workspace, &row, cells.get_untracked());
    view! {
        <article class="rejected-row" data-testid="rejected-row">
            <h3>{heading}</h3>
            <ul class="row-issues">
                {move || issues().into_iter().map(|message| view! { <li>{message}</li> }).collect_view()}
            </ul>
            <div class="cell-fields">{inputs}</div>
            <button type="button" class="button" data-testid="retry-row" on:click=retry>
                {move || ImportText::RetryRow.get(lang.get())}
            </button>
        </article>
    }
}

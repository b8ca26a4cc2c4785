//! The files table: what each file was recognised as, a way to say otherwise,
//! the sheet read from a workbook, and the rows counted.

use leptos::prelude::*;

use crate::i18n::import_ui::ImportText;
use crate::i18n::labels::source_label;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::import::{FileReport, FormatId, RowCounts};
use crate::ui::flow::session::{choose_sheet, override_format};
use crate::ui::lang::use_lang;
use crate::ui::problems::use_problems;
use crate::ui::workspace::use_workspace;

/// Every file with its recognised format, a select to read it in another, and its counts.
#[component]
pub(super) fn FilesTable() -> impl IntoView {
    let workspace = use_workspace();
    let problems = use_problems();
    let lang = use_lang();
    let files = move || {
        workspace
            .draft
            .with(|draft| draft.as_ref().map(|draft| draft.import.report.formats.clone()).unwrap_or_default())
    };
    let row = move |(index, file): (usize, FileReport)| {
        let select_id = format!("format-{index}");
        let name = file.file.clone();
        let has_raw = {
            let name = name.clone();
            move || {
                workspace.with_import_session(|session| session.files.iter().any(|kept| kept.name == name))
            }
        };
        let chosen = {
            let name = name.clone();
            Signal::derive(move || {
                workspace.with_import_session(|session| {
                    session
                        .options
                        .file_formats
                        .iter()
                        .find(|(file, _)| *file == name)
                        .map(|(_, format)| *format)
                })
            })
        };
        let details = {
            let file = file.clone();
            move || file_details(&file, lang.get())
        };
        let recognised = file.format;
        let counts = file.counts;
        let sheet_choice = (index, name.clone(), file.sheet.clone());
        let on_change = {
            let name = name.clone();
            move |ev| {
                let format = FormatId::from_id(&event_target_value(&ev));
                override_format(workspace, problems, name.clone(), format);
            }
        };
        view! {
            <tr data-testid="import-file">
                <th scope="row" class="file-name">{let name = name.clone(); move || source_label(&name, lang.get()).into_owned()}</th>
                <td>
                    <label class="visually-hidden" for=select_id.clone()>
                        {move || {
                            let lang = lang.get();
                            fill(ImportText::FormatOf.get(lang), &[("file", &source_label(&name, lang))])
                        }}
                    </label>
                    <select id=select_id data-testid="format-select" disabled=move || !has_raw() on:change=on_change>
                        <option value="" prop:selected=move || chosen.get().is_none()>
                            {move || {
                                let lang = lang.get();
                                match recognised {
                                    Some(format) => fill(ImportText::Recognised.get(lang), &[("format", format.label(lang))]),
                                    None => ImportText::NotRecognised.get(lang).to_owned(),
                                }
                            }}
                        </option>
                        {FormatId::ALL.into_iter().map(|format| view! {
                            <option value=format.id() prop:selected=move || chosen.get() == Some(format)>
                                {move || format.label(lang.get())}
                            </option>
                        }).collect_view()}
                    </select>
                    <span class="file-details">{details}</span>
                    {sheet_picker(sheet_choice)}
                </td>
                <td class="counts">{move || counts_text(&counts, lang.get())}</td>
            </tr>
        }
    };
    let any_without_raw = move || {
        files().iter().any(|file| {
            !workspace.with_import_session(|session| session.files.iter().any(|kept| kept.name == file.file))
        })
    };
    view! {
        <section class="review-files" aria-labelledby="files-title">
            <h2 id="files-title">{move || ImportText::FilesTitle.get(lang.get())}</h2>
            <Show
                when=move || !files().is_empty()
                fallback=move || view! { <p class="empty-state">{move || ImportText::NoFilesYet.get(lang.get())}</p> }
            >
                <div class="table-scroll">
                    <table class="files-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || ImportText::FileColumn.get(lang.get())}</th>
                                <th scope="col">{move || ImportText::FormatColumn.get(lang.get())}</th>
                                <th scope="col">{move || ImportText::RowsColumn.get(lang.get())}</th>
                            </tr>
                        </thead>
                        <tbody>{move || files().into_iter().enumerate().map(row).collect_view()}</tbody>
                    </table>
                </div>
                <Show when=any_without_raw>
                    <p class="hint">{move || ImportText::FilesGoneHint.get(lang.get())}</p>
                </Show>
            </Show>
        </section>
    }
}

/// The sheet to read, for a workbook of several sheets whose bytes the
/// session still holds; `read` is the sheet the last import read.
fn sheet_picker((index, file, read): (usize, String, Option<String>)) -> Option<impl IntoView> {
    let workspace = use_workspace();
    let problems = use_problems();
    let lang = use_lang();
    // Only the central directory and the workbook part are read: cheap even for a large file.
    let names = workspace.with_import_session(|session| {
        session
            .files
            .iter()
            .find(|kept| kept.name == file)
            .and_then(|kept| crate::import::sheet_names(&kept.bytes).ok())
    })?;
    if names.len() < 2 {
        return None;
    }
    let chosen = workspace.with_import_session(|session| session.options.sheets.get(&file).cloned());
    let current = chosen.or(read);
    let select_id = format!("sheet-{index}");
    let on_change = {
        let file = file.clone();
        move |ev| choose_sheet(workspace, problems, file.clone(), event_target_value(&ev))
    };
    Some(view! {
        <span class="sheet-choice">
            <label for=select_id.clone()>
                {move || ImportText::SheetToRead.get(lang.get())}
                <span class="visually-hidden">{move || fill(ImportText::SheetOf.get(lang.get()), &[("file", &file)])}</span>
            </label>
            " "
            <select id=select_id data-testid="sheet-select" on:change=on_change>
                {names.into_iter().map(|name| {
                    let selected = current.as_deref() == Some(name.as_str());
                    view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                }).collect_view()}
            </select>
        </span>
    })
}

/// Encoding, separator, sheet and header line, as far as the file had them.
fn file_details(file: &FileReport, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(encoding) = file.encoding {
        parts.push(encoding.label().to_owned());
    }
    if let Some(dialect) = file.dialect {
        let separator = match dialect.delimiter {
            b'\t' => ImportText::Tab.get(lang).to_owned(),
            other => match lang {
                Lang::En => format!("“{}”", other as char),
                Lang::Fr => format!("« {} »", other as char),
            },
        };
        parts.push(fill(ImportText::Separator.get(lang), &[("separator", &separator)]));
    }
    if let Some(sheet) = &file.sheet {
        parts.push(fill(ImportText::Sheet.get(lang), &[("sheet", sheet)]));
    }
    if let Some(order) = file.date_order {
        parts.push(order.id().to_owned());
    }
    parts.join(" · ")
}

fn counts_text(counts: &RowCounts, lang: Lang) -> String {
    fill(
        ImportText::FileCounts.get(lang),
        &[
            ("read", &counts.rows_read.to_string()),
            ("imported", &counts.imported.to_string()),
            ("rejected", &counts.rejected.to_string()),
        ],
    )
}

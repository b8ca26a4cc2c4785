//! The review step: what each file was recognised as (and a way to say
//! otherwise), the date order, the column mapper, the import report with the
//! rejected rows fixable in place, and the source channel where the file did
//! not say it.

use leptos::prelude::*;

use crate::i18n::import_ui::ImportText;
use crate::i18n::Lang;
use crate::import::{DateOrder, FileReport, FormatId, Issue, IssueKind, RejectedRow, RowCounts, Severity};
use crate::model::{Channel, Subscription};
use crate::ui::flow::billing_accounts::BillingAccountSection;
use crate::ui::flow::mapper::ColumnMapper;
use crate::ui::flow::session::{
    choose_sheet, override_format, retry_rejected_row, set_channel, set_date_order, set_unknown_channels,
};
use crate::ui::lang::use_lang;
use crate::ui::problems::use_problems;
use crate::ui::workspace::{use_workspace, Workspace};

/// Issues listed before "show all": a 10,000-row file with a warning per row
/// should not build 10,000 list items unless asked.
const ISSUES_SHOWN: usize = 200;
/// Subscriptions listed in the channel section; "set for all" covers the rest.
const CHANNEL_ROWS_SHOWN: usize = 200;

pub fn channel_label(channel: Channel, lang: Lang) -> &'static str {
    match channel {
        Channel::Direct => ImportText::ChannelDirect.get(lang),
        Channel::Ea => ImportText::ChannelEa.get(lang),
        Channel::CspNce => ImportText::ChannelCspNce.get(lang),
        Channel::CspLegacy => ImportText::ChannelCspLegacy.get(lang),
        Channel::Unknown => ImportText::ChannelUnknown.get(lang),
    }
}

fn severity_label(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => ImportText::SeverityError.get(lang),
        Severity::Warning => ImportText::SeverityWarning.get(lang),
        Severity::Info => ImportText::SeverityInfo.get(lang),
    }
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "issue error",
        Severity::Warning => "issue warning",
        Severity::Info => "issue info",
    }
}

/// "file, line 12, Date de fin" in the language.
fn issue_place(issue: &Issue, lang: Lang) -> String {
    let mut place = issue.file.clone();
    if let Some(line) = issue.line {
        place.push_str(&ImportText::AtLine.get(lang).replace("{line}", &line.to_string()));
    }
    if let Some(field) = &issue.field {
        place.push_str(", ");
        place.push_str(field);
    }
    place
}

#[component]
pub fn ReviewStep() -> impl IntoView {
    let lang = use_lang();
    let workspace = use_workspace();
    let has_unmapped = move || workspace.with_import_session(|session| !session.unmapped.is_empty());
    view! {
        <section class="review-step" aria-labelledby="review-title">
            <h1 id="review-title">{move || ImportText::ReviewTitle.get(lang.get())}</h1>
            <p class="step-intro">{move || ImportText::ReviewIntro.get(lang.get())}</p>
            <FilesTable />
            <DateOrderChoice />
            <Show when=has_unmapped>
                <Mappers />
            </Show>
            <ReportSection />
            <RejectedRows />
            <ChannelSection />
            <BillingAccountSection />
        </section>
    }
}

/// Every file with its recognised format, a select to read it in another, and its counts.
#[component]
fn FilesTable() -> impl IntoView {
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
                <th scope="row" class="file-name">{name.clone()}</th>
                <td>
                    <label class="visually-hidden" for=select_id.clone()>
                        {move || ImportText::FormatOf.get(lang.get()).replace("{file}", &name)}
                    </label>
                    <select id=select_id data-testid="format-select" disabled=move || !has_raw() on:change=on_change>
                        <option value="" prop:selected=move || chosen.get().is_none()>
                            {move || {
                                let lang = lang.get();
                                match recognised {
                                    Some(format) => ImportText::Recognised.get(lang).replace("{format}", format.label(lang)),
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
                <span class="visually-hidden">{move || ImportText::SheetOf.get(lang.get()).replace("{file}", &file)}</span>
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
        parts.push(ImportText::Separator.get(lang).replace("{separator}", &separator));
    }
    if let Some(sheet) = &file.sheet {
        parts.push(ImportText::Sheet.get(lang).replace("{sheet}", sheet));
    }
    if let Some(order) = file.date_order {
        parts.push(order.id().to_owned());
    }
    parts.join(" · ")
}

fn counts_text(counts: &RowCounts, lang: Lang) -> String {
    ImportText::FileCounts
        .get(lang)
        .replace("{read}", &counts.rows_read.to_string())
        .replace("{imported}", &counts.imported.to_string())
        .replace("{rejected}", &counts.rejected.to_string())
}

/// The day/month order of slashed dates, when some file had any.
#[component]
fn DateOrderChoice() -> impl IntoView {
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

#[component]
fn Mappers() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    let tables = move || workspace.with_import_session(|session| session.unmapped.clone());
    view! {
        <section class="mappers" aria-labelledby="mappers-title">
            <h2 id="mappers-title">{move || ImportText::MappersTitle.get(lang.get())}</h2>
            {move || tables().into_iter().enumerate().map(|(index, table)| view! { <ColumnMapper table index /> }).collect_view()}
        </section>
    }
}

/// The counts and every issue, each with where it is and what it says.
#[component]
fn ReportSection() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    let show_all = RwSignal::new(false);
    let totals = move || {
        workspace
            .draft
            .with(|draft| draft.as_ref().map(|draft| draft.import.report.counts()).unwrap_or_default())
    };
    let issue_count = move || {
        workspace.draft.with(|draft| draft.as_ref().map_or(0, |draft| draft.import.report.issues.len()))
    };
    let issues = move || {
        let limit = if show_all.get() { usize::MAX } else { ISSUES_SHOWN };
        workspace.draft.with(|draft| {
            draft
                .as_ref()
                .map(|draft| draft.import.report.issues.iter().take(limit).cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let count_item = move |label: ImportText, value: fn(&RowCounts) -> usize, test_id: &'static str| {
        view! {
            <div class="count-card">
                <dt>{move || label.get(lang.get())}</dt>
                <dd data-testid=test_id>{move || crate::i18n::format::count(value(&totals()) as u64, lang.get())}</dd>
            </div>
        }
    };
    view! {
        <section class="import-report" aria-labelledby="report-title" data-testid="import-report">
            <h2 id="report-title">{move || ImportText::ReportTitle.get(lang.get())}</h2>
            <dl class="report-counts">
                {count_item(ImportText::RowsRead, |counts| counts.rows_read, "count-read")}
                {count_item(ImportText::Imported, |counts| counts.imported, "count-imported")}
                {count_item(ImportText::ImportedWithWarnings, |counts| counts.imported_with_warnings, "count-warnings")}
                {count_item(ImportText::Rejected, |counts| counts.rejected, "count-rejected")}
            </dl>
            <Show
                when=move || { issue_count() > 0 }
                fallback=move || view! { <p class="ok-text">{move || ImportText::NoIssues.get(lang.get())}</p> }
            >
                <h3>{move || ImportText::IssuesTitle.get(lang.get()).replace("{count}", &issue_count().to_string())}</h3>
                <ul class="issues">
                    {move || issues().into_iter().map(|issue| {
                        let severity = issue.severity;
                        let for_place = issue.clone();
                        view! {
                            <li class=severity_class(severity) data-testid="import-issue">
                                <span class="issue-severity">{move || severity_label(severity, lang.get())}</span>
                                <span class="issue-place">{move || issue_place(&for_place, lang.get())}</span>
                                <span class="issue-message">{move || issue.message(lang.get())}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Show when=move || { !show_all.get() && issue_count() > ISSUES_SHOWN }>
                    <button type="button" class="button" on:click=move |_| show_all.set(true)>
                        {move || ImportText::ShowAllIssues.get(lang.get()).replace("{count}", &issue_count().to_string())}
                    </button>
                </Show>
            </Show>
        </section>
    }
}

/// Rows the importer could not read, with their cells editable and a retry.
#[component]
fn RejectedRows() -> impl IntoView {
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
        move || format!("{}{}", file, ImportText::AtLine.get(lang.get()).replace("{line}", &line.to_string()))
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

/// The product as the user knows it: exports that give only a SKU part number
/// (Graph, PowerShell) get the catalog's display name next to it.
fn product_name(workspace: Workspace, subscription: &Subscription) -> String {
    let only_a_code = subscription.sku_part_number.as_deref() == Some(subscription.product.as_str())
        || subscription.sku_id.as_deref() == Some(subscription.product.as_str());
    if !only_a_code {
        return subscription.product.clone();
    }
    let known = workspace.with_catalog(|catalog| {
        let by_id = subscription.sku_id.as_deref().and_then(|sku_id| catalog.by_sku_id(sku_id));
        by_id
            .or_else(|| catalog.by_sku_part_number(&subscription.product))
            .map(|product| product.name.clone())
    });
    match known {
        Some(name) => format!("{name} ({})", subscription.product),
        None => subscription.product.clone(),
    }
}

/// The channel of each subscription whose file did not say where it was bought.
#[component]
fn ChannelSection() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    let asked = move || {
        let asked_ids = workspace.with_import_session(|session| session.channel_asked.clone());
        workspace.draft.with(|draft| {
            draft
                .as_ref()
                .map(|draft| {
                    draft
                        .input
                        .subscriptions
                        .iter()
                        .filter(|subscription| {
                            subscription.channel == Channel::Unknown
                                || asked_ids.contains(&subscription.subscription_id)
                        })
                        .map(|subscription| {
                            (
                                subscription.subscription_id.clone(),
                                product_name(workspace, subscription),
                                subscription.seats_total,
                                subscription.channel,
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let unknown_count = move || {
        workspace.draft.with(|draft| {
            draft.as_ref().map_or(0, |draft| {
                draft
                    .input
                    .subscriptions
                    .iter()
                    .filter(|subscription| subscription.channel == Channel::Unknown)
                    .count()
            })
        })
    };
    let for_all = RwSignal::new(Channel::Direct);
    view! {
        <Show when=move || !asked().is_empty()>
            <section class="channels" aria-labelledby="channels-title" data-testid="channels">
                <h2 id="channels-title">{move || ImportText::ChannelsTitle.get(lang.get())}</h2>
                <p>{move || ImportText::ChannelsIntro.get(lang.get()).replace("{count}", &unknown_count().to_string())}</p>
                <div class="set-all">
                    <label for="channel-all">{move || ImportText::ChannelForAll.get(lang.get())}</label>
                    <select
                        id="channel-all"
                        data-testid="channel-all"
                        on:change=move |ev| {
                            if let Some(channel) = Channel::from_id(&event_target_value(&ev)) {
                                for_all.set(channel);
                            }
                        }
                    >
                        {Channel::ALL.into_iter().filter(|channel| *channel != Channel::Unknown).map(|channel| view! {
                            <option value=channel.id() prop:selected=move || for_all.get() == channel>
                                {move || channel_label(channel, lang.get())}
                            </option>
                        }).collect_view()}
                    </select>
                    <button
                        type="button"
                        class="button"
                        data-testid="channel-all-apply"
                        disabled=move || unknown_count() == 0
                        on:click=move |_| set_unknown_channels(workspace, for_all.get_untracked())
                    >
                        {move || ImportText::ChannelApplyAll.get(lang.get())}
                    </button>
                </div>
                <div class="table-scroll">
                    <table class="channel-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || ImportText::ProductColumn.get(lang.get())}</th>
                                <th scope="col">{move || ImportText::SeatsColumn.get(lang.get())}</th>
                                <th scope="col">{move || ImportText::ChannelColumn.get(lang.get())}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || asked().into_iter().take(CHANNEL_ROWS_SHOWN).enumerate()
                                key=|(index, (id, _, _, channel))| (*index, id.clone(), *channel)
                                let:item
                            >
                                {
                                    let (index, (id, product, seats, current)) = item;
                                    let select_id = format!("channel-{index}");
                                    view! {
                                        <tr data-testid="channel-row">
                                            <th scope="row"><label for=select_id.clone()>{product}</label></th>
                                            <td class="number">{move || crate::i18n::format::count(u64::from(seats), lang.get())}</td>
                                            <td>
                                                <select
                                                    id=select_id
                                                    data-testid="channel-select"
                                                    on:change=move |ev| {
                                                        if let Some(channel) = Channel::from_id(&event_target_value(&ev)) {
                                                            set_channel(workspace, &id, channel);
                                                        }
                                                    }
                                                >
                                                    {Channel::ALL.into_iter().map(|channel| view! {
                                                        <option value=channel.id() selected=channel == current>
                                                            {move || channel_label(channel, lang.get())}
                                                        </option>
                                                    }).collect_view()}
                                                </select>
                                            </td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
                <Show when=move || { asked().len() > CHANNEL_ROWS_SHOWN }>
                    <p class="hint">{move || ImportText::ChannelsMore.get(lang.get()).replace("{count}", &(asked().len() - CHANNEL_ROWS_SHOWN).to_string())}</p>
                </Show>
            </section>
        </Show>
    }
}

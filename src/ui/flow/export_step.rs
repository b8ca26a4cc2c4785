//! The export step: the partner report shown in the page (and printed to PDF by
//! the browser), the customer letter in the customer's language, and the
//! downloads. Every document is made by `crate::export`; this file only shows
//! them as text nodes and hands the bytes to `ui::download`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::cost::{assess, CostPlan};
use crate::export::csv::{plan_to_csv, Separator};
use crate::export::document::{Block, Document, Span, Spans};
use crate::export::ics::plan_to_ics;
use crate::export::json::plan_with_draft_json;
use crate::export::letter::customer_letter;
use crate::export::markdown::to_markdown;
use crate::export::report::partner_report;
use crate::export::{file_name, plan_customer_name, FileKind};
use crate::i18n::export_ui::ExportText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::plan::{make_plan, Plan};
use crate::ui::download::download_text;
use crate::ui::lang::use_lang;
use crate::ui::problems::use_problems;
use crate::ui::workspace::{now_ms, use_workspace};

/// Which document the browser prints: set on `<body>` just before printing, so the
/// print stylesheet shows that one alone.
const PRINT_ATTRIBUTE: &str = "data-print";

/// Countries whose customers read French first; anyone else gets the interface language.
const FRENCH_SPEAKING: [&str; 5] = ["FR", "BE", "LU", "MC", "CH"];

fn span_view(span: &Span) -> AnyView {
    match span.clone() {
        Span::Text(text) => text.into_any(),
        Span::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
        Span::Rule(code) => view! { <code class="rule-id">{code}</code> }.into_any(),
        Span::Estimated(text) => view! { <em class="estimated">{text}</em> }.into_any(),
    }
}

fn spans_view(spans: &Spans) -> AnyView {
    spans.iter().map(span_view).collect_view().into_any()
}

fn heading_view(level: u8, text: String) -> AnyView {
    // The step's own title is an h1 and each document's title an h2, so
    // document levels 2, 3 and 4 sit one below.
    match level {
        0..=2 => view! { <h3>{text}</h3> }.into_any(),
        3 => view! { <h4>{text}</h4> }.into_any(),
        _ => view! { <h5>{text}</h5> }.into_any(),
    }
}

fn block_view(block: &Block, checkbox_label: &'static str) -> AnyView {
    match block {
        Block::Heading { level, text } => heading_view(*level, text.clone()),
        Block::Paragraph(spans) => view! { <p>{spans_view(spans)}</p> }.into_any(),
        Block::List { ordered: true, tone, items } => {
            view! { <ol class=tone.class()>{items.iter().map(|item| view! { <li>{spans_view(item)}</li> }).collect_view()}</ol> }.into_any()
        }
        Block::List { ordered: false, tone, items } => {
            view! { <ul class=tone.class()>{items.iter().map(|item| view! { <li>{spans_view(item)}</li> }).collect_view()}</ul> }.into_any()
        }
        Block::Checklist(items) => view! {
            <ul class="checklist">
                {items.iter().map(|item| view! {
                    <li><span class="checkbox" role="img" aria-label=checkbox_label>"☐"</span>" "{spans_view(item)}</li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
        Block::Facts(facts) => view! {
            <dl class="facts">
                {facts.iter().map(|(label, value)| view! { <div><dt>{label.clone()}</dt><dd>{spans_view(value)}</dd></div> }).collect_view()}
            </dl>
        }
        .into_any(),
        Block::Table(table) => view! {
            <div class="table-scroll">
                <table>
                    {table.caption.clone().map(|caption| view! { <caption>{caption}</caption> })}
                    <thead><tr>{table.header.iter().map(|cell| view! { <th scope="col">{cell.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {table.rows.iter().map(|row| view! {
                            <tr>{row.iter().map(|cell| view! { <td>{spans_view(cell)}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
        Block::PageBreak => view! { <hr class="page-break" /> }.into_any(),
        Block::Group(inner) => view! {
            <section class="keep-together">{inner.iter().map(|block| block_view(block, checkbox_label)).collect_view()}</section>
        }
        .into_any(),
        // Checked by `export::logo` when the letter was made: a raster image's `data:` URL, in an `<img>` only.
        Block::Image { data_url, alt } => {
            view! { <img class="letter-logo" src=data_url.clone() alt=alt.clone() data-testid="letter-logo" /> }.into_any()
        }
    }
}

/// A document as HTML: every text is a text node, so imported names stay text.
fn document_view(document: &Document, checkbox_label: &'static str) -> AnyView {
    view! {
        <h2 class="document-title">{document.title.clone()}</h2>
        {document.blocks.iter().map(|block| block_view(block, checkbox_label)).collect_view()}
    }
    .into_any()
}

fn print(document_id: &str) -> Result<(), String> {
    let describe = crate::ui::flow::files::js_error_text;
    let Some(body) = document().body() else {
        // No body to mark (never in a loaded page): the page prints as it is.
        return window().print().map_err(describe);
    };
    body.set_attribute(PRINT_ATTRIBUTE, document_id).map_err(describe)?;
    let printed = window().print().map_err(describe);
    // `print()` returns once the dialog closes; Ctrl+P afterwards prints the report again.
    let _ = body.remove_attribute(PRINT_ATTRIBUTE);
    printed
}

#[component]
pub fn ExportStep() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    let problems = use_problems();
    let plan: Memo<Option<Arc<Plan>>> = Memo::new(move |_| {
        let input = workspace.draft.with(|draft| draft.as_ref().map(|draft| draft.input.clone()))?;
        if input.subscriptions.is_empty() {
            return None;
        }
        Some(Arc::new(workspace.with_catalog(|catalog| make_plan(&input, catalog))))
    });
    // The money view of the plan, for the documents' cost sections and columns.
    let cost: Memo<Option<Arc<CostPlan>>> = Memo::new(move |_| {
        let plan = plan.get()?;
        workspace.draft.with(|draft| {
            let input = &draft.as_ref()?.input;
            Some(Arc::new(workspace.with_catalog(|catalog| assess(&plan, input, catalog))))
        })
    });
    let default_letter_lang = move || {
        let country = workspace
            .draft
            .with_untracked(|draft| draft.as_ref().and_then(|draft| draft.input.customer.country.clone()));
        match country {
            Some(country) if FRENCH_SPEAKING.contains(&country.trim().to_ascii_uppercase().as_str()) => {
                Lang::Fr
            }
            _ => lang.0.get_untracked(),
        }
    };
    let letter_lang = RwSignal::new(default_letter_lang());
    let separator = RwSignal::new(Separator::for_lang(lang.0.get_untracked()));
    let text = move |text: ExportText| move || text.get(lang.get());

    let save = move |kind: FileKind, file_lang: Lang, make: &dyn Fn(&Plan, &CostPlan) -> String| {
        let (Some(plan), Some(cost)) = (plan.get_untracked(), cost.get_untracked()) else { return };
        let name = file_name(kind, &plan_customer_name(&plan), plan.as_of, file_lang);
        if let Err(error) = download_text(&name, kind.media_type(), &make(&plan, &cost)) {
            let reason = error.to_string();
            problems.report(move |lang| {
                fill(ExportText::DownloadFailed.get(lang), &[("file", &name), ("reason", &reason)])
            });
        }
    };
    let download_csv = move |_| {
        let ui = lang.0.get_untracked();
        let chosen = separator.get_untracked();
        save(FileKind::Csv, ui, &|plan, cost| plan_to_csv(plan, cost, chosen, ui));
    };
    let download_json = move |_| {
        let ui = lang.0.get_untracked();
        let Some(draft) = workspace.draft.get_untracked() else { return };
        save(FileKind::Json, ui, &|plan, cost| plan_with_draft_json(plan, cost, &draft, ui, now_ms()));
    };
    let download_markdown = move |_| {
        let ui = lang.0.get_untracked();
        let Some(input) =
            workspace.draft.with_untracked(|draft| draft.as_ref().map(|draft| draft.input.clone()))
        else {
            return;
        };
        save(FileKind::ReportMarkdown, ui, &|plan, cost| {
            to_markdown(&partner_report(plan, &input, cost, ui))
        });
    };
    let download_calendar = move |_| {
        let ui = lang.0.get_untracked();
        let stamp = chrono::DateTime::from_timestamp_millis(now_ms())
            .map(|time| time.naive_utc())
            .unwrap_or_default();
        save(FileKind::Calendar, ui, &|plan, _| plan_to_ics(plan, ui, stamp));
    };
    let partner_profile = move || {
        workspace
            .draft
            .with(|draft| draft.as_ref().map(|draft| draft.input.partner.clone()))
            .unwrap_or_default()
    };
    let download_letter = move |_| {
        let chosen = letter_lang.get_untracked();
        let profile = untrack(partner_profile);
        save(FileKind::Letter, chosen, &|plan, cost| {
            to_markdown(&customer_letter(plan, &profile, cost, chosen))
        });
    };
    let print_document = move |document_id: &'static str| {
        if let Err(reason) = print(document_id) {
            problems.report(move |lang| fill(ExportText::PrintFailed.get(lang), &[("reason", &reason)]));
        }
    };

    let report_view = move || {
        let ui = lang.get();
        let input = workspace.draft.with(|draft| draft.as_ref().map(|draft| draft.input.clone()))?;
        let cost = cost.get()?;
        plan.with(|plan| {
            plan.as_ref().map(|plan| {
                // Printed on every page (see style/print.css); hidden on screen, where the title is enough.
                let running_header = format!(
                    "{}{}{} – {}",
                    ui.pick("Migration plan", "Plan de migration"),
                    ui.pick(": ", " : "),
                    plan_customer_name(plan),
                    crate::i18n::format::date(plan.as_of, ui)
                );
                view! {
                    <div class="running-header" aria-hidden="true">{running_header}</div>
                    {document_view(&partner_report(plan, &input, &cost, ui), ExportText::Checkbox.get(ui))}
                }
            })
        })
    };
    let letter_view = move || {
        let chosen = letter_lang.get();
        let cost = cost.get()?;
        let profile = partner_profile();
        plan.with(|plan| {
            plan.as_ref().map(|plan| {
                document_view(
                    &customer_letter(plan, &profile, &cost, chosen),
                    ExportText::Checkbox.get(chosen),
                )
            })
        })
    };

    view! {
        <div class="export-step">
            <h1>{text(ExportText::Title)}</h1>
            <Show when=move || plan.with(Option::is_some) fallback=move || view! { <p class="empty-state">{text(ExportText::NoPlan)}</p> }>
                <p class="export-intro">{text(ExportText::Intro)}</p>
                <section class="export-downloads" aria-labelledby="export-downloads-title">
                    <h2 id="export-downloads-title">{text(ExportText::DownloadsTitle)}</h2>
                    <div class="export-actions">
                        <div class="export-action">
                            <button type="button" class="button primary" data-testid="export-print" on:click=move |_| print_document("report")>
                                {text(ExportText::Print)}
                            </button>
                            <span class="hint">{text(ExportText::PrintHint)}</span>
                        </div>
                        <div class="export-action">
                            <button type="button" class="button" data-testid="export-csv" on:click=download_csv>{text(ExportText::Csv)}</button>
                            <label class="inline-field">
                                <span>{text(ExportText::CsvSeparator)}</span>
                                <select
                                    data-testid="csv-separator"
                                    prop:value=move || separator.get().id()
                                    on:change=move |event| {
                                        if let Some(chosen) = Separator::from_id(&event_target_value(&event)) {
                                            separator.set(chosen);
                                        }
                                    }
                                >
                                    <option value="comma">{text(ExportText::SeparatorComma)}</option>
                                    <option value="semicolon">{text(ExportText::SeparatorSemicolon)}</option>
                                </select>
                            </label>
                        </div>
                        <div class="export-action">
                            <button type="button" class="button" data-testid="export-json" on:click=download_json>{text(ExportText::Json)}</button>
                            <span class="hint">{text(ExportText::JsonHint)}</span>
                        </div>
                        <div class="export-action">
                            <button type="button" class="button" data-testid="export-md" on:click=download_markdown>{text(ExportText::Markdown)}</button>
                        </div>
                        <div class="export-action">
                            <button type="button" class="button" data-testid="export-ics" on:click=download_calendar>{text(ExportText::Calendar)}</button>
                        </div>
                    </div>
                </section>
                <section class="export-document-section" aria-labelledby="export-report-heading">
                    <h2 id="export-report-heading" class="section-label">{text(ExportText::ReportTitle)}</h2>
                    <article class="document report" data-testid="export-report" lang=move || lang.get().code()>
                        {report_view}
                    </article>
                </section>
                <section class="export-document-section letter-section" aria-labelledby="export-letter-heading">
                    <h2 id="export-letter-heading" class="section-label">{text(ExportText::LetterTitle)}</h2>
                    <p class="hint">{text(ExportText::LetterIntro)}</p>
                    <div class="export-actions">
                        <label class="inline-field">
                            <span>{text(ExportText::LetterLanguage)}</span>
                            <select
                                data-testid="letter-language"
                                prop:value=move || letter_lang.get().code()
                                on:change=move |event| {
                                    if let Some(chosen) = Lang::from_tag(&event_target_value(&event)) {
                                        letter_lang.set(chosen);
                                    }
                                }
                            >
                                <option value="en" lang="en">"English"</option>
                                <option value="fr" lang="fr">"Français"</option>
                            </select>
                        </label>
                        <button type="button" class="button" data-testid="export-letter-download" on:click=download_letter>
                            {text(ExportText::LetterDownload)}
                        </button>
                        <button type="button" class="button" data-testid="export-letter-print" on:click=move |_| print_document("letter")>
                            {text(ExportText::LetterPrint)}
                        </button>
                    </div>
                    <article class="document letter" data-testid="export-letter" lang=move || letter_lang.get().code()>
                        {letter_view}
                    </article>
                </section>
            </Show>
        </div>
    }
}

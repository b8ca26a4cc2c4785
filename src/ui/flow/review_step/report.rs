//! The import report: counts and the issues, with their place, errors first.

use leptos::prelude::*;

use crate::i18n::import_ui::ImportText;
use crate::i18n::labels::source_label;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::import::{Issue, RowCounts, Severity};
use crate::ui::lang::use_lang;
use crate::ui::workspace::use_workspace;

/// Issues listed before "show all": a 10,000-row file with a warning per row
/// should not build 10,000 list items unless asked.
const ISSUES_SHOWN: usize = 200;

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
    let mut place = source_label(&issue.file, lang).into_owned();
    if let Some(line) = issue.line {
        place.push_str(&fill(ImportText::AtLine.get(lang), &[("line", &line.to_string())]));
    }
    if let Some(field) = &issue.field {
        place.push_str(", ");
        place.push_str(field);
    }
    place
}

/// The counts and every issue, each with where it is and what it says.
#[component]
pub(super) fn ReportSection() -> impl IntoView {
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
                <h3>{move || fill(ImportText::IssuesTitle.get(lang.get()), &[("count", &issue_count().to_string())])}</h3>
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
                        {move || fill(ImportText::ShowAllIssues.get(lang.get()), &[("count", &issue_count().to_string())])}
                    </button>
                </Show>
            </Show>
        </section>
    }
}

//! The import step: files dropped or picked (several at once), a table pasted
//! from Excel, the template to download, and the product catalog in use.
//!
//! Files are read one at a time, and the heavy parts of the import (the
//! licensing table, the other files, the draft update) run in tasks of their
//! own with a painted frame between them, so the progress paints and the page
//! keeps answering (tests/bench/import-longtask.mjs measures the longest
//! task); the raw files stay in memory (`ImportSession`) for the review step
//! to import again. Files dropped during an import are imported after it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::catalog::Catalog;
use crate::i18n::import_ui::ImportText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::import::{template_csv, InputFile, Issue, IssueKind, MAX_FILE_BYTES};
use crate::ui::flow::customer_step::prefill_partner;
use crate::ui::flow::dropped_draft::{recognise, DroppedDraft, DroppedDrafts};
use crate::ui::flow::files::{files_of, read_file, revoke_url, text_blob_url};
use crate::ui::flow::session::{
    add_files, has_licensing_tables, licensing_table_names, load_licensing_tables, merge_import, pasted_name,
    prepare_import_of, remove_file, PreparedImport,
};
use crate::ui::lang::use_lang;
use crate::ui::problems::{use_problems, Problems};
use crate::ui::timing::{measured, yield_for_paint, yield_to_browser};
use crate::ui::workspace::{use_workspace, Step, Workspace};

/// Where a running import is, for the progress line.
#[derive(Debug, Clone, PartialEq)]
enum Progress {
    Reading { done: usize, total: usize, file: String },
    Catalog { file: String },
    Importing { files: usize },
    Report,
}

impl Progress {
    fn describe(&self, lang: Lang) -> String {
        match self {
            Progress::Reading { done, total, file } => fill(
                ImportText::ProgressReading.get(lang),
                &[("number", &(done + 1).to_string()), ("total", &total.to_string()), ("file", file)],
            ),
            Progress::Catalog { file } => fill(ImportText::ProgressCatalog.get(lang), &[("file", file)]),
            Progress::Importing { files } => {
                fill(ImportText::ProgressImporting.get(lang), &[("files", &files.to_string())])
            }
            Progress::Report => ImportText::ProgressReport.get(lang).to_string(),
        }
    }

    /// (value, max) of the progress bar: reading counts per file, then the
    /// licensing table, the import and the report; `None`: no measure of how
    /// far (an indeterminate bar).
    fn fraction(&self) -> Option<(usize, usize)> {
        match self {
            Progress::Reading { done, total, .. } => Some((*done, total + 1)),
            Progress::Catalog { .. } | Progress::Importing { .. } | Progress::Report => None,
        }
    }
}

/// What the import step is doing: the progress line, and files dropped while
/// busy, imported as soon as the running import has read its own.
#[derive(Clone, Copy)]
struct ImportRun {
    progress: RwSignal<Option<Progress>>,
    queued: StoredValue<Vec<web_sys::File>>,
    /// Names of the files waiting, for the progress line.
    queued_names: RwSignal<Vec<String>>,
    /// Drafts and exported plans among the dropped files, offered to open.
    dropped: RwSignal<Vec<DroppedDraft>>,
}

impl ImportRun {
    fn take_queued(&self) -> Vec<web_sys::File> {
        self.queued_names.set(Vec::new());
        self.queued.try_update_value(std::mem::take).unwrap_or_default()
    }
}

/// Reads the files (and any dropped meanwhile), imports everything the
/// session holds, and opens the review step.
async fn import_browser_files(
    workspace: Workspace,
    problems: Problems,
    files: Vec<web_sys::File>,
    run: ImportRun,
) {
    let mut read = Vec::new();
    let mut pending = files;
    let mut done = 0;
    while !pending.is_empty() {
        let total = done + pending.len();
        for file in std::mem::take(&mut pending) {
            run.progress.set(Some(Progress::Reading { done, total, file: file.name() }));
            done += 1;
            yield_for_paint().await;
            let size = file.size();
            if size > MAX_FILE_BYTES as f64 {
                // Refused before reading: holding a huge file in memory could stall the tab.
                let issue = Issue::new(
                    &file.name(),
                    None,
                    None,
                    IssueKind::TooLarge { size_bytes: size as u64, limit_bytes: MAX_FILE_BYTES },
                );
                problems.report(move |lang| issue.located_message(lang));
                continue;
            }
            match read_file(&file).await {
                Ok(picked) => match recognise(&picked.name, &picked.bytes) {
                    // A draft or an exported plan: offered to open, never imported as subscriptions.
                    Some(found) => run.dropped.update(|list| {
                        list.retain(|kept| kept.file != found.file);
                        list.push(found);
                    }),
                    None => {
                        read.push((InputFile { name: picked.name, bytes: picked.bytes }, picked.modified_ms))
                    }
                },
                Err(reason) => {
                    let name = file.name();
                    problems.report(move |lang| {
                        fill(ImportText::FileUnreadable.get(lang), &[("file", &name), ("reason", &reason)])
                    });
                }
            }
        }
        // Files dropped while these were read join this import.
        pending = run.take_queued();
    }
    import_read_files(workspace, problems, read, run).await;
}

/// Imports the session with these files added, a heavy part per task with a
/// painted frame in between: each copy of the licensing table (found from its
/// first lines) is imported and parsed into the catalog on its own, then the
/// other files together, then the draft takes the outcome, and the review
/// step is shown. Files dropped meanwhile are read and imported after.
async fn import_read_files(
    workspace: Workspace,
    problems: Problems,
    files: Vec<(InputFile, f64)>,
    run: ImportRun,
) {
    let progress = run.progress;
    if files.is_empty() && run.queued.try_with_value(Vec::is_empty).unwrap_or(true) {
        progress.set(None);
        return;
    }
    add_files(workspace, files);
    let licensing = measured("import:find-licensing-tables", || licensing_table_names(workspace));
    let others: Vec<String> = workspace.with_import_session(|session| {
        session.files.iter().map(|file| file.name.clone()).filter(|name| !licensing.contains(name)).collect()
    });
    let mut prepared: Option<PreparedImport> = None;
    for file in &licensing {
        progress.set(Some(Progress::Catalog { file: file.clone() }));
        yield_for_paint().await;
        let Some(mut part) = measured("import:licensing-table", || {
            prepare_import_of(workspace, Some(std::slice::from_ref(file)))
        }) else {
            continue;
        };
        if has_licensing_tables(&part) {
            yield_to_browser().await;
            measured("import:catalog", || load_licensing_tables(workspace, problems, &mut part));
        }
        prepared = Some(absorb(prepared, part, workspace));
    }
    if !others.is_empty() {
        progress.set(Some(Progress::Importing { files: others.len() }));
        yield_for_paint().await;
        if let Some(mut part) =
            measured("import:import-files", || prepare_import_of(workspace, Some(&others)))
        {
            if has_licensing_tables(&part) {
                // A licensing table in a workbook: not found from its first lines.
                yield_to_browser().await;
                measured("import:catalog", || load_licensing_tables(workspace, problems, &mut part));
            }
            prepared = Some(absorb(prepared, part, workspace));
        }
    }
    let Some(prepared) = prepared else {
        progress.set(None);
        return;
    };
    progress.set(Some(Progress::Report));
    yield_for_paint().await;
    measured("import:merge", || merge_import(workspace, prepared));
    yield_to_browser().await;
    let queued = run.take_queued();
    if !queued.is_empty() {
        // Dropped during the import: imported in turn, then the review shows both.
        Box::pin(import_browser_files(workspace, problems, queued, run)).await;
        return;
    }
    progress.set(None);
    measured("import:review-step", || workspace.step.set(Step::Review));
}

fn absorb(prepared: Option<PreparedImport>, part: PreparedImport, workspace: Workspace) -> PreparedImport {
    match prepared {
        Some(mut prepared) => {
            prepared.absorb(part, workspace);
            prepared
        }
        None => part,
    }
}

#[component]
pub fn ImportStep() -> impl IntoView {
    let workspace = use_workspace();
    let problems = use_problems();
    let lang = use_lang();
    prefill_partner(workspace, problems);
    let progress: RwSignal<Option<Progress>> = RwSignal::new(None);
    let run = ImportRun {
        progress,
        queued: StoredValue::new(Vec::new()),
        queued_names: RwSignal::new(Vec::new()),
        dropped: RwSignal::new(Vec::new()),
    };
    let dragging = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let busy = move || progress.with(Option::is_some);

    let start_import = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        if busy() {
            // A second drop while importing waits for the first, and says so.
            run.queued_names.update(|names| names.extend(files.iter().map(web_sys::File::name)));
            run.queued.update_value(|queued| queued.extend(files));
            return;
        }
        spawn_local(import_browser_files(workspace, problems, files, run));
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        // Cleared so that picking the same (corrected) file again imports it again.
        input.set_value("");
        start_import(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        start_import(files_of(ev.data_transfer().and_then(|transfer| transfer.files())));
    };
    let on_paste_import = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() || busy() {
            return;
        }
        let name = pasted_name(workspace);
        let file = InputFile { name, bytes: text.into_bytes() };
        pasted.set(String::new());
        spawn_local(import_read_files(
            workspace,
            problems,
            vec![(file, crate::ui::workspace::now_ms() as f64)],
            run,
        ));
    };

    let template_url = text_blob_url(&template_csv(), "text/csv;charset=utf-8");
    if let Some(url) = template_url.clone() {
        on_cleanup(move || revoke_url(&url));
    }

    view! {
        <section class="import-step" aria-labelledby="import-title" aria-busy=move || busy().to_string()>
            <h1 id="import-title">{move || ImportText::ImportTitle.get(lang.get())}</h1>
            <p class="step-intro">{move || ImportText::ImportIntro.get(lang.get())}</p>

            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p class="drop-title">{move || ImportText::DropHere.get(lang.get())}</p>
                <label class="button primary file-button" for="file-input">
                    {move || ImportText::ChooseFiles.get(lang.get())}
                </label>
                <input
                    id="file-input"
                    class="file-input"
                    type="file"
                    multiple
                    data-testid="file-input"
                    accept=".csv,.tsv,.txt,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    disabled=busy
                    on:change=on_pick
                />
                <p class="drop-hint">{move || ImportText::DropHint.get(lang.get())}</p>
            </div>

            <div class="import-progress" role="status" aria-live="polite" data-testid="import-progress">
                {move || progress.get().map(|now| {
                    let bar = match now.fraction() {
                        Some((value, max)) => view! { <progress value=value max=max aria-hidden="true"></progress> }.into_any(),
                        // No value: the browser draws a busy (indeterminate) bar.
                        None => view! { <progress aria-hidden="true"></progress> }.into_any(),
                    };
                    view! {
                        {bar}
                        <span>{move || now.describe(lang.get())}</span>
                    }
                })}
                {move || run.queued_names.with(|names| (!names.is_empty()).then(|| {
                    let files = names.join(", ");
                    view! {
                        <span class="import-queued" data-testid="import-queued">
                            {move || fill(ImportText::DropQueued.get(lang.get()), &[("files", &files)])}
                        </span>
                    }
                }))}
            </div>

            <DroppedDrafts dropped=run.dropped />

            <div class="import-columns">
                <section class="paste-box" aria-labelledby="paste-title">
                    <h2 id="paste-title">{move || ImportText::PasteTitle.get(lang.get())}</h2>
                    <label for="paste-input">{move || ImportText::PasteLabel.get(lang.get())}</label>
                    <textarea
                        id="paste-input"
                        data-testid="paste-input"
                        rows="6"
                        spellcheck="false"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    ></textarea>
                    <button
                        type="button"
                        class="button"
                        data-testid="paste-import"
                        disabled=move || busy() || pasted.with(|text| text.trim().is_empty())
                        on:click=on_paste_import
                    >
                        {move || ImportText::PasteImport.get(lang.get())}
                    </button>
                </section>

                <section class="template-box" aria-labelledby="template-title">
                    <h2 id="template-title">{move || ImportText::TemplateTitle.get(lang.get())}</h2>
                    <p>{move || ImportText::TemplateHint.get(lang.get())}</p>
                    {template_url.map(|url| view! {
                        <a class="button" href=url download="csp-planner-template.csv" data-testid="template-download">
                            {move || ImportText::TemplateDownload.get(lang.get())}
                        </a>
                    })}
                </section>
            </div>

            <ImportedFiles busy=Signal::derive(busy) />
            <CatalogPanel />
        </section>
    }
}

/// The files of this session, each removable.
#[component]
fn ImportedFiles(busy: Signal<bool>) -> impl IntoView {
    let workspace = use_workspace();
    let problems = use_problems();
    let lang = use_lang();
    let names = move || {
        workspace.with_import_session(|session| {
            session.files.iter().map(|file| (file.name.clone(), file.bytes.len())).collect::<Vec<_>>()
        })
    };
    let count = move || {
        workspace.draft.with(|draft| draft.as_ref().map_or(0, |draft| draft.input.subscriptions.len()))
    };
    view! {
        <Show when=move || { !names().is_empty() || count() > 0 }>
            <section class="imported-files" aria-labelledby="imported-title">
                <h2 id="imported-title">{move || ImportText::ImportedTitle.get(lang.get())}</h2>
                <p data-testid="import-count">
                    {move || fill(ImportText::SubscriptionsSoFar.get(lang.get()), &[("count", &count().to_string())])}
                </p>
                <ul>
                    <For each=names key=|(name, size)| (name.clone(), *size) let:file>
                        <li>
                            <span class="file-name">{file.0.clone()}</span>
                            <span class="file-size">{move || format_size(file.1, lang.get())}</span>
                            <button
                                type="button"
                                class="link-button"
                                disabled=move || busy.get()
                                aria-label={
                                    let name = file.0.clone();
                                    move || fill(ImportText::RemoveFileLabel.get(lang.get()), &[("file", &name)])
                                }
                                on:click={
                                    let name = file.0.clone();
                                    move |_| remove_file(workspace, problems, &name)
                                }
                            >
                                {move || ImportText::RemoveFile.get(lang.get())}
                            </button>
                        </li>
                    </For>
                </ul>
                <button type="button" class="button" on:click=move |_| workspace.step.set(Step::Review)
                    disabled=move || busy.get()>
                    {move || ImportText::GoToReview.get(lang.get())}
                </button>
            </section>
        </Show>
    }
}

fn format_size(bytes: usize, lang: Lang) -> String {
    let kilobytes = bytes as f64 / 1024.0;
    let (value, unit) = if kilobytes >= 1024.0 {
        (kilobytes / 1024.0, lang.pick("MB", "Mo"))
    } else {
        (kilobytes, lang.pick("KB", "Ko"))
    };
    let text = format!("{value:.1}");
    let text = if lang == Lang::Fr { text.replace('.', ",") } else { text };
    // A narrow no-break space between number and unit, as French typography wants (and harmless in English).
    format!("{text}\u{202f}{unit}")
}

/// The product catalog plans are made with, and the way back to the built-in one.
#[component]
pub fn CatalogPanel() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    let builtin = Catalog::builtin();
    let describe = move || {
        let lang = lang.get();
        workspace.loaded_catalog.with(|loaded| match loaded {
            Some(loaded) => {
                let dated = loaded
                    .dated
                    .map(|date| crate::i18n::format::date(date, lang))
                    .unwrap_or_else(|| "?".into());
                fill(
                    ImportText::CatalogLoaded.get(lang),
                    &[
                        ("file", &loaded.file),
                        ("date", &dated),
                        ("products", &loaded.catalog.product_count().to_string()),
                    ],
                )
            }
            None => {
                let dated = builtin
                    .reference_date()
                    .map(|date| crate::i18n::format::date(date, lang))
                    .unwrap_or_else(|| "?".into());
                fill(
                    ImportText::CatalogBuiltin.get(lang),
                    &[("date", &dated), ("products", &builtin.product_count().to_string())],
                )
            }
        })
    };
    view! {
        <section class="catalog-panel" aria-labelledby="catalog-title" data-testid="catalog-panel">
            <h2 id="catalog-title">{move || ImportText::CatalogTitle.get(lang.get())}</h2>
            <p data-testid="catalog-status">{describe}</p>
            <Show
                when=move || workspace.loaded_catalog.with(Option::is_some)
                fallback=move || view! { <p class="hint">{move || ImportText::CatalogHint.get(lang.get())}</p> }
            >
                <button type="button" class="button" data-testid="catalog-builtin" on:click=move |_| workspace.use_builtin_catalog()>
                    {move || ImportText::CatalogBackToBuiltin.get(lang.get())}
                </button>
            </Show>
        </section>
    }
}

//! Running the importer for the open draft and merging what it found into
//! the draft: the import and review steps share these, so that a format
//! override, a date order, a confirmed mapping or a fixed row all import the
//! same way as a first drop.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::catalog::Catalog;
use crate::draft::Draft;
use crate::i18n::import_ui::ImportText;
use crate::i18n::Lang;
use crate::import::{
    import_files, ColumnMapping, FormatId, ImportOptions, ImportOutcome, ImportReport, InputFile,
    RejectedRow, RowCounts,
};
use crate::model::{Channel, Subscription};
use crate::ui::problems::Problems;
use crate::ui::workspace::{ImportSession, LoadedCatalog, Workspace};

/// Adds files to the session (a file of the same name is replaced: the user
/// dropped a corrected copy).
pub fn add_files(workspace: Workspace, files: Vec<(InputFile, f64)>) {
    workspace.update_import_session(|session| {
        for (file, modified_ms) in files {
            session.files.retain(|kept| kept.name != file.name);
            session.modified_ms.retain(|(name, _)| *name != file.name);
            session.modified_ms.push((file.name.clone(), modified_ms));
            session.files.push(file);
        }
    });
}

/// Forgets a file: what it gave leaves the draft, and the other files are
/// imported again (a Graph file may have been joined with it).
pub fn remove_file(workspace: Workspace, problems: Problems, name: &str) {
    workspace.update_import_session(|session| {
        session.files.retain(|file| file.name != name);
        session.modified_ms.retain(|(file, _)| file != name);
        session.options.file_formats.retain(|(file, _)| file != name);
        session.options.sheets.remove(name);
    });
    workspace.update_draft(|draft| {
        draft.input.subscriptions.retain(|subscription| subscription.source.file != name);
        let report = &mut draft.import.report;
        report.formats.retain(|file| file.file != name);
        report.issues.retain(|issue| issue.file != name);
        report.rejected_rows.retain(|row| row.file != name);
        recount(report);
    });
    run_import(workspace, problems);
}

/// The options of the next import: the session's choices, plus the mappings
/// the draft remembers (confirmed before a reload).
fn options_for(session: &ImportSession, draft: Option<&Draft>) -> ImportOptions {
    let mut options = session.options.clone();
    if let Some(draft) = draft {
        for mapping in &draft.import.mappings {
            if !options.mappings.iter().any(|kept| kept.signature == mapping.signature) {
                options.mappings.push(mapping.clone());
            }
        }
    }
    options
}

/// What the importer made of the session's files, before it reaches the draft.
pub struct PreparedImport {
    outcome: ImportOutcome,
    file_names: HashSet<String>,
    mappings: Vec<ColumnMapping>,
}

/// Runs the importer over every file of the session; `None` without files.
pub fn prepare_import(workspace: Workspace) -> Option<PreparedImport> {
    prepare_import_of(workspace, None)
}

/// Runs the importer over the session's files named in `only` (all of them
/// with `None`); `None` when that leaves no file.
pub fn prepare_import_of(workspace: Workspace, only: Option<&[String]>) -> Option<PreparedImport> {
    let (files, options) = workspace.with_import_session(|session| {
        let options = workspace.draft.with_untracked(|draft| options_for(session, draft.as_ref()));
        let files: Vec<InputFile> = session
            .files
            .iter()
            .filter(|file| only.is_none_or(|names| names.contains(&file.name)))
            .cloned()
            .collect();
        (files, options)
    });
    if files.is_empty() {
        return None;
    }
    let outcome = import_files(&files, &options);
    let file_names = files.iter().map(|file| file.name.clone()).collect();
    Some(PreparedImport { outcome, file_names, mappings: options.mappings })
}

/// Bytes of a file the importer is given to tell whether it is the licensing table.
const PROBE_BYTES: usize = 16 * 1024;

/// The session's files that are copies of Microsoft's licensing reference
/// table, told from their first lines (the importer recognises a table by its
/// header), so that the import step reads each in a task of its own. A
/// workbook cannot be cut short: it is never named here and goes with the
/// other files, which gives the same outcome in fewer, longer tasks.
pub fn licensing_table_names(workspace: Workspace) -> Vec<String> {
    workspace.with_import_session(|session| {
        let options = workspace.draft.with_untracked(|draft| options_for(session, draft.as_ref()));
        session
            .files
            .iter()
            .filter(|file| !file.bytes.starts_with(b"PK"))
            .filter(|file| {
                let head = match file.bytes.get(..PROBE_BYTES) {
                    // Cut after a line end, so the header row stays whole.
                    Some(head) => {
                        head.iter().rposition(|byte| *byte == b'\n').map_or(head, |end| &head[..=end])
                    }
                    None => &file.bytes[..],
                };
                let probe = InputFile { name: file.name.clone(), bytes: head.to_vec() };
                let outcome = import_files(std::slice::from_ref(&probe), &options);
                outcome.report.formats.first().and_then(|report| report.format)
                    == Some(FormatId::LicensingReference)
            })
            .map(|file| file.name.clone())
            .collect()
    })
}

impl PreparedImport {
    /// Adds what the importer made of other files of the session (files
    /// imported apart: no subscription, id or price of theirs depends on these).
    /// The report lists files in the session's order.
    pub fn absorb(&mut self, other: PreparedImport, workspace: Workspace) {
        let PreparedImport { outcome, file_names, mappings } = other;
        let target = &mut self.outcome;
        target.subscriptions.extend(outcome.subscriptions);
        target.prices.extend(outcome.prices);
        target.licensing_tables.extend(outcome.licensing_tables);
        target.unmapped_tables.extend(outcome.unmapped_tables);
        let report = &mut target.report;
        report.formats.extend(outcome.report.formats);
        report.issues.extend(outcome.report.issues);
        report.rejected_rows.extend(outcome.report.rejected_rows);
        let order: Vec<String> = workspace
            .with_import_session(|session| session.files.iter().map(|file| file.name.clone()).collect());
        let position = |name: &str| order.iter().position(|kept| kept == name).unwrap_or(usize::MAX);
        // Stable sorts: each file's issues and rows keep their own order.
        report.formats.sort_by_key(|file| position(&file.file));
        report.issues.sort_by_key(|issue| position(&issue.file));
        report.rejected_rows.sort_by_key(|row| position(&row.file));
        recount(report);
        self.file_names.extend(file_names);
        for mapping in mappings {
            if !self.mappings.iter().any(|kept| kept.signature == mapping.signature) {
                self.mappings.push(mapping);
            }
        }
    }
}

/// Whether the files held a licensing reference table (a separate, heavy step).
pub fn has_licensing_tables(prepared: &PreparedImport) -> bool {
    !prepared.outcome.licensing_tables.is_empty()
}

/// A copy of Microsoft's licensing table among the files replaces the
/// built-in catalog; one that cannot be read is reported and changes nothing.
pub fn load_licensing_tables(workspace: Workspace, problems: Problems, prepared: &mut PreparedImport) {
    for (file, text) in std::mem::take(&mut prepared.outcome.licensing_tables) {
        match Catalog::from_reference_csv(&text) {
            Ok(catalog) => {
                let modified_ms = workspace.with_import_session(|session| {
                    session.modified_ms.iter().find(|(name, _)| *name == file).map(|(_, modified)| *modified)
                });
                let dated = modified_ms.and_then(date_of_ms);
                let catalog = catalog.with_source_label(file.clone(), dated);
                workspace.loaded_catalog.set(Some(Arc::new(LoadedCatalog { file, dated, catalog })));
            }
            Err(error) => {
                let detail = error.to_string();
                problems.report(move |lang| {
                    ImportText::CatalogUnreadable
                        .get(lang)
                        .replace("{file}", &file)
                        .replace("{detail}", &detail)
                });
            }
        }
    }
}

/// Puts what the importer found into the draft and the session.
pub fn merge_import(workspace: Workspace, prepared: PreparedImport) {
    let PreparedImport { outcome, file_names, mappings } = prepared;
    let mut channel_asked = workspace.with_import_session(|session| session.channel_asked.clone());
    for subscription in &outcome.subscriptions {
        if subscription.channel == Channel::Unknown {
            channel_asked.insert(subscription.subscription_id.clone());
        }
    }
    let ImportOutcome { subscriptions, report, unmapped_tables, prices, .. } = outcome;
    workspace.update_draft(|draft| {
        merge_into_draft(draft, &file_names, subscriptions, report, &mappings);
        // The price list rows about the draft's products, those of these files replaced.
        draft.input.list_prices.retain(|price| !file_names.contains(&price.source.file));
        let list_prices = crate::import::relevant_prices(&prices, &draft.input.subscriptions);
        draft.input.list_prices.extend(list_prices);
    });
    workspace.update_import_session(|session| {
        session.options.mappings = mappings;
        session.unmapped = unmapped_tables;
        session.channel_asked = channel_asked;
    });
}

/// Imports every file of the session again and merges the outcome into the
/// draft, in one go (the review step's changes); returns whether there were files.
pub fn run_import(workspace: Workspace, problems: Problems) -> bool {
    let Some(mut prepared) = prepare_import(workspace) else { return false };
    load_licensing_tables(workspace, problems, &mut prepared);
    merge_import(workspace, prepared);
    true
}

/// Replaces what the draft held from these files, keeps what came from other
/// files (imported before a reload, or pasted), and keeps the channels the
/// user chose for subscriptions that come back with the same id.
fn merge_into_draft(
    draft: &mut Draft,
    file_names: &HashSet<String>,
    subscriptions: Vec<Subscription>,
    report: ImportReport,
    mappings: &[ColumnMapping],
) {
    let chosen_channels: BTreeMap<String, Channel> = draft
        .input
        .subscriptions
        .iter()
        .filter(|subscription| subscription.channel != Channel::Unknown)
        .map(|subscription| (subscription.subscription_id.clone(), subscription.channel))
        .collect();
    draft.input.subscriptions.retain(|subscription| !file_names.contains(&subscription.source.file));
    let mut taken: HashSet<String> =
        draft.input.subscriptions.iter().map(|subscription| subscription.subscription_id.clone()).collect();
    for mut subscription in subscriptions {
        if subscription.channel == Channel::Unknown {
            if let Some(channel) = chosen_channels.get(&subscription.subscription_id) {
                subscription.channel = *channel;
            }
        }
        subscription.subscription_id = unique_id(&subscription.subscription_id, &taken);
        taken.insert(subscription.subscription_id.clone());
        draft.input.subscriptions.push(subscription);
    }

    let previous = std::mem::take(&mut draft.import.report);
    let mut merged = report;
    let kept_formats = previous.formats.into_iter().filter(|file| !file_names.contains(&file.file));
    merged.formats.splice(0..0, kept_formats);
    let kept_issues = previous.issues.into_iter().filter(|issue| !file_names.contains(&issue.file));
    merged.issues.splice(0..0, kept_issues);
    let kept_rows = previous.rejected_rows.into_iter().filter(|row| !file_names.contains(&row.file));
    merged.rejected_rows.splice(0..0, kept_rows);
    recount(&mut merged);
    draft.import.report = merged;
    for mapping in mappings {
        draft.import.mappings.retain(|kept| kept.signature != mapping.signature);
        draft.import.mappings.push(mapping.clone());
    }
    name_the_customer(draft);
}

/// The totals of a report from its files' counts.
fn recount(report: &mut ImportReport) {
    let mut totals = RowCounts::default();
    for file in &report.formats {
        totals.add(&file.counts);
    }
    report.set_counts(totals);
}

/// `id`, or `id#2`, `id#3`... when another subscription of the draft has it.
fn unique_id(id: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(id) {
        return id.to_owned();
    }
    (2..)
        .map(|suffix| format!("{id}#{suffix}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_default()
}

/// The most frequent non-empty value, for defaults taken from the rows.
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for value in values.map(str::trim).filter(|value| !value.is_empty()) {
        *counts.entry(value).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(_, count)| *count).map(|(value, _)| value.to_owned())
}

/// Fills the customer's name and country from the files when the user has not given them.
fn name_the_customer(draft: &mut Draft) {
    let subscriptions = &draft.input.subscriptions;
    if draft.input.customer.name.trim().is_empty() {
        if let Some(name) =
            most_common(subscriptions.iter().map(|subscription| subscription.customer.as_str()))
        {
            draft.input.customer.name = name;
        }
    }
    if draft.input.customer.country.is_none() {
        let countries =
            subscriptions.iter().filter_map(|subscription| subscription.tenant_country.as_deref());
        draft.input.customer.country =
            most_common(countries).and_then(|code| crate::markets::code_of(&code).map(str::to_owned));
    }
    if draft.input.customer.tenant_id.is_none() {
        draft.input.customer.tenant_id =
            most_common(subscriptions.iter().filter_map(|subscription| subscription.tenant_id.as_deref()));
    }
    if draft.name.trim().is_empty() {
        draft.name = draft.input.customer.name.clone();
    }
}

/// The local date of a browser timestamp.
fn date_of_ms(ms: f64) -> Option<NaiveDate> {
    if !ms.is_finite() || ms <= 0.0 {
        return None;
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    NaiveDate::from_ymd_opt(date.get_full_year() as i32, date.get_month() + 1, date.get_date())
}

/// Confirms a column mapping for tables with its header signature, and imports again.
pub fn confirm_mapping(workspace: Workspace, problems: Problems, mapping: ColumnMapping) {
    workspace.update_import_session(|session| {
        session.options.mappings.retain(|kept| kept.signature != mapping.signature);
        session.options.mappings.push(mapping);
    });
    run_import(workspace, problems);
}

/// Reads one file in another format (`None`: the recognised one), and imports again.
pub fn override_format(workspace: Workspace, problems: Problems, file: String, format: Option<FormatId>) {
    workspace.update_import_session(|session| {
        session.options.file_formats.retain(|(name, _)| *name != file);
        if let Some(format) = format {
            session.options.file_formats.push((file, format));
        }
    });
    run_import(workspace, problems);
}

/// Reads another sheet of one workbook, and imports again.
pub fn choose_sheet(workspace: Workspace, problems: Problems, file: String, sheet: String) {
    workspace.update_import_session(|session| {
        session.options.sheets.insert(file, sheet);
    });
    run_import(workspace, problems);
}

pub fn set_date_order(workspace: Workspace, problems: Problems, order: Option<crate::import::DateOrder>) {
    workspace.update_import_session(|session| session.options.date_order = order);
    run_import(workspace, problems);
}

/// Imports a rejected row again with the cells the user corrected (the
/// importer rebuilds it at its original line); what it gives (a subscription,
/// or the row rejected again with its new issues) takes the old row's place.
pub fn retry_rejected_row(workspace: Workspace, row: &RejectedRow, cells: Vec<String>) {
    let options = workspace.with_import_session(|session| {
        workspace.draft.with_untracked(|draft| options_for(session, draft.as_ref()))
    });
    let fixed = RejectedRow { cells, ..row.clone() };
    let outcome = crate::import::retry_rejected_row(&fixed, &options);
    let counts = outcome.report.counts();
    let mut unknown_channels = Vec::new();
    workspace.update_draft(|draft| {
        let report = &mut draft.import.report;
        report.rejected_rows.retain(|kept| !(kept.file == row.file && kept.line == row.line));
        report.issues.retain(|issue| !(issue.file == row.file && issue.line == Some(row.line)));
        // Only what is about the row itself: notes on the rebuilt one-row table are not news.
        report.issues.extend(outcome.report.issues.into_iter().filter(|issue| issue.line == Some(row.line)));
        report.rejected_rows.extend(outcome.report.rejected_rows);
        if let Some(file) = report.formats.iter_mut().find(|file| file.file == row.file) {
            file.counts.rejected = file.counts.rejected.saturating_sub(1) + counts.rejected;
            file.counts.imported += counts.imported;
            file.counts.imported_with_warnings += counts.imported_with_warnings;
        }
        recount(report);
        let mut taken: HashSet<String> = draft
            .input
            .subscriptions
            .iter()
            .map(|subscription| subscription.subscription_id.clone())
            .collect();
        for mut subscription in outcome.subscriptions {
            subscription.subscription_id = unique_id(&subscription.subscription_id, &taken);
            taken.insert(subscription.subscription_id.clone());
            if subscription.channel == Channel::Unknown {
                unknown_channels.push(subscription.subscription_id.clone());
            }
            draft.input.subscriptions.push(subscription);
        }
    });
    workspace.update_import_session(|session| session.channel_asked.extend(unknown_channels));
}

/// Sets the source channel of one subscription.
pub fn set_channel(workspace: Workspace, subscription_id: &str, channel: Channel) {
    workspace.update_input(|input| {
        if let Some(subscription) = input
            .subscriptions
            .iter_mut()
            .find(|subscription| subscription.subscription_id == subscription_id)
        {
            subscription.channel = channel;
        }
    });
}

/// Sets the source channel of every subscription whose channel is still unknown.
pub fn set_unknown_channels(workspace: Workspace, channel: Channel) {
    workspace.update_input(|input| {
        for subscription in
            input.subscriptions.iter_mut().filter(|subscription| subscription.channel == Channel::Unknown)
        {
            subscription.channel = channel;
        }
    });
}

/// The name a pasted table gets in the report, numbered so several pastes stay apart.
pub fn pasted_name(workspace: Workspace, lang: Lang) -> String {
    // Names of files imported before a reload count too: a new paste must not replace what they gave.
    let mut taken = workspace.with_import_session(|session| {
        session.files.iter().map(|file| file.name.clone()).collect::<Vec<_>>()
    });
    workspace.draft.with_untracked(|draft| {
        if let Some(draft) = draft {
            taken.extend(draft.import.report.formats.iter().map(|file| file.file.clone()));
        }
    });
    let stem = ImportText::PastedTableName.get(lang);
    (1..)
        .map(|number| format!("{stem} {number}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| stem.to_owned())
}

//! Running the importer for the open draft and merging what it found into
//! the draft: the import and review steps share these, so that a format
//! override, a date order, a confirmed mapping or a fixed row all import the
//! same way as a first drop.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::catalog::Catalog;
use crate::draft::merge::{self, forget_file};
use crate::draft::Draft;
use crate::i18n::import_ui::ImportText;
use crate::i18n::template::fill;
use crate::import::{
    import_files, ColumnMapping, FormatId, ImportOptions, ImportOutcome, InputFile, RejectedRow,
};
use crate::model::{Channel, NamedSource};
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
    workspace.update_draft(|draft| forget_file(draft, name));
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
        let order: Vec<String> = workspace
            .with_import_session(|session| session.files.iter().map(|file| file.name.clone()).collect());
        self.outcome.absorb(outcome, &order);
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
                problems.report(move |lang| {
                    fill(
                        ImportText::CatalogUnreadable.get(lang),
                        &[("file", &file), ("detail", &error.message(lang))],
                    )
                });
            }
        }
    }
}

/// Puts what the importer found into the draft and the session.
pub fn merge_import(workspace: Workspace, prepared: PreparedImport) {
    let PreparedImport { outcome, file_names, mappings } = prepared;
    let ImportOutcome { subscriptions, report, unmapped_tables, prices, .. } = outcome;
    let mut unknown_channels = Vec::new();
    workspace.update_draft(|draft| {
        unknown_channels = merge::merge_import(draft, &file_names, subscriptions, report, &prices, &mappings);
    });
    workspace.update_import_session(|session| {
        session.options.mappings = mappings;
        session.unmapped = unmapped_tables;
        session.channel_asked.extend(unknown_channels);
    });
    crate::ui::flow::pending::keep_pending_files(workspace);
}

/// When a draft opens with files waiting for a mapping that the import session
/// does not hold (after a reload): they go back into the session and are
/// imported again, so the mapper shows them (`ui::flow::pending` keeps them).
pub fn restore_pending_files(workspace: Workspace, problems: Problems) {
    let files = workspace.draft.with_untracked(|draft| {
        draft.as_ref().and_then(|draft| draft.pending_mapping.as_ref()).map(|pending| pending.files.clone())
    });
    let Some(files) = files.filter(|files| !files.is_empty()) else { return };
    let missing = workspace.with_import_session(|session| {
        files.iter().any(|pending| session.files.iter().all(|file| file.name != pending.name))
    });
    if !missing {
        return;
    }
    add_files(
        workspace,
        files
            .into_iter()
            .map(|file| (InputFile { name: file.name, bytes: file.text.into_bytes() }, file.modified_ms))
            .collect(),
    );
    run_import(workspace, problems);
}

/// Imports every file of the session again and merges the outcome into the
/// draft, in one go (the review step's changes); returns whether there were files.
pub fn run_import(workspace: Workspace, problems: Problems) -> bool {
    let Some(mut prepared) = prepare_import(workspace) else { return false };
    load_licensing_tables(workspace, problems, &mut prepared);
    merge_import(workspace, prepared);
    true
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
    let mut unknown_channels = Vec::new();
    workspace.update_draft(|draft| unknown_channels = merge::replace_rejected_row(draft, row, outcome));
    workspace.update_import_session(|session| session.channel_asked.extend(unknown_channels));
}

/// Sets the source channel of one subscription; a channel given on the plan line
/// gives way to this newer answer.
pub fn set_channel(workspace: Workspace, subscription_id: &str, channel: Channel) {
    workspace.update_input(|input| {
        if let Some(subscription) = input
            .subscriptions
            .iter_mut()
            .find(|subscription| subscription.subscription_id == subscription_id)
        {
            subscription.channel = channel;
        }
        if let Some(line_override) = input.overrides.get_mut(subscription_id) {
            line_override.source.channel = None;
            if line_override.is_empty() {
                input.overrides.remove(subscription_id);
            }
        }
    });
}

/// Sets the source channel of every subscription whose channel is still unknown
/// (neither the file nor the plan line says).
pub fn set_unknown_channels(workspace: Workspace, channel: Channel) {
    workspace.update_input(|input| {
        let overrides = &input.overrides;
        for subscription in input.subscriptions.iter_mut().filter(|subscription| {
            subscription.channel == Channel::Unknown
                && overrides
                    .get(&subscription.subscription_id)
                    .is_none_or(|given| given.source.channel.is_none())
        }) {
            subscription.channel = channel;
        }
    });
}

/// The name a pasted table gets in the report, numbered so several pastes stay apart.
pub fn pasted_name(workspace: Workspace) -> String {
    // Names of files imported before a reload count too: a new paste must not replace what they gave.
    let mut taken = workspace.with_import_session(|session| {
        session.files.iter().map(|file| file.name.clone()).collect::<Vec<_>>()
    });
    workspace.draft.with_untracked(|draft| {
        if let Some(draft) = draft {
            taken.extend(draft.import.report.formats.iter().map(|file| file.file.clone()));
        }
    });
    NamedSource::next_pasted_table(taken.iter().map(String::as_str)).id()
}

/// After an undo or redo changed the draft's import without importing: the
/// session follows the draft's confirmed mappings again, and the tables still
/// waiting for one are found anew (no subscription of the draft changes).
pub fn refresh_unmapped(workspace: Workspace) {
    let mappings = workspace.draft.with_untracked(|draft| {
        draft.as_ref().map(|draft| draft.import.mappings.clone()).unwrap_or_default()
    });
    workspace.update_import_session(|session| session.options.mappings = mappings);
    let unmapped =
        prepare_import(workspace).map(|prepared| prepared.outcome.unmapped_tables).unwrap_or_default();
    workspace.update_import_session(|session| session.unmapped = unmapped);
}

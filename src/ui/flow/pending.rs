//! Files waiting for their columns to be mapped, kept in the draft (see
//! `draft::PendingMapping`) so that a reload does not lose them: written after
//! each import, read back into the import session when the draft opens again.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::draft::{PendingFile, PendingMapping};
use crate::i18n::safety::SafetyText;
use crate::import::{decode_text, ColumnMapping};
use crate::ui::lang::use_lang;
use crate::ui::workspace::{use_workspace, Workspace};

/// After an import: the draft keeps the text files whose tables wait for a
/// mapping (within the size limit; a workbook is not kept), with the columns
/// chosen so far, or forgets them once no table waits.
pub fn keep_pending_files(workspace: Workspace) {
    let pending = workspace.with_import_session(|session| {
        let waiting: BTreeSet<&str> = session.unmapped.iter().map(|table| table.file.as_str()).collect();
        if waiting.is_empty() {
            return None;
        }
        let files = session
            .files
            .iter()
            .filter(|file| waiting.contains(file.name.as_str()))
            // A workbook is binary: not kept (it would not fit as text anyway).
            .filter(|file| !file.bytes.starts_with(b"PK"))
            .map(|file| {
                // Kept as the text the importer read (a Windows-1252 file comes back as UTF-8).
                let text = decode_text(&file.bytes).0.into_owned();
                let modified_ms = session
                    .modified_ms
                    .iter()
                    .find(|(name, _)| *name == file.name)
                    .map_or(0.0, |(_, modified)| *modified);
                PendingFile { name: file.name.clone(), text, modified_ms }
            })
            .collect();
        let signatures: BTreeSet<&str> =
            session.unmapped.iter().map(|table| table.suggested.signature.as_str()).collect();
        let columns = workspace.draft.with_untracked(|draft| {
            draft
                .as_ref()
                .and_then(|draft| draft.pending_mapping.as_ref())
                .map(|pending| {
                    pending
                        .columns
                        .iter()
                        .filter(|mapping| signatures.contains(mapping.signature.as_str()))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        });
        let mut pending = PendingMapping { files, columns };
        pending.keep_within_limit();
        Some(pending).filter(|pending| !pending.files.is_empty())
    });
    let changed = workspace
        .draft
        .with_untracked(|draft| draft.as_ref().is_some_and(|draft| draft.pending_mapping != pending));
    if changed {
        workspace.update_draft(|draft| draft.pending_mapping = pending);
    }
}

/// The columns chosen so far for tables with this header, if the draft keeps them.
pub fn chosen_columns(workspace: Workspace, signature: &str) -> Option<ColumnMapping> {
    workspace.draft.with(|draft| {
        draft
            .as_ref()?
            .pending_mapping
            .as_ref()?
            .columns
            .iter()
            .find(|mapping| mapping.signature == signature)
            .cloned()
    })
}

/// Keeps the columns chosen so far in the draft (when it keeps the files).
pub fn choose_columns(workspace: Workspace, mapping: ColumnMapping) {
    let kept = workspace
        .draft
        .with_untracked(|draft| draft.as_ref().and_then(|draft| draft.pending_mapping.as_ref()).is_some());
    if kept {
        workspace.update_draft(|draft| {
            if let Some(pending) = draft.pending_mapping.as_mut() {
                pending.columns.retain(|kept| kept.signature != mapping.signature);
                pending.columns.push(mapping);
            }
        });
    }
}

/// The files waiting for a mapping that the draft could not keep (too large, or a workbook).
pub fn files_not_kept(workspace: Workspace) -> Vec<String> {
    let waiting: BTreeSet<String> = workspace
        .with_import_session(|session| session.unmapped.iter().map(|table| table.file.clone()).collect());
    workspace.draft.with(|draft| {
        let kept: BTreeSet<&str> = draft
            .as_ref()
            .and_then(|draft| draft.pending_mapping.as_ref())
            .map(|pending| pending.files.iter().map(|file| file.name.as_str()).collect())
            .unwrap_or_default();
        waiting.iter().filter(|name| !kept.contains(name.as_str())).cloned().collect()
    })
}

/// Which files waiting for a mapping a reload would lose, under the mappers.
#[component]
pub fn PendingFilesNote() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    let not_kept = move || files_not_kept(workspace);
    view! {
        <Show when=move || !not_kept().is_empty()>
            <p class="hint warning-text" data-testid="pending-not-kept">
                {move || SafetyText::PendingTooLarge.get(lang.get()).replace("{files}", &not_kept().join(", "))}
            </p>
        </Show>
    }
}

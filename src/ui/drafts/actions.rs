//! What the user does with drafts: open, rename, duplicate, delete and undo,
//! import a draft file, export the open draft or any draft of the list,
//! download an unreadable value.

use leptos::prelude::*;

use super::store::{self, Entry, LoadError};
use super::{display_name, DeletedDraft, Drafts};
use crate::draft::{decode_file, encode_file, export_file_name, DecodeError};
use crate::i18n::drafts::DraftsText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::ui::download::download_text;
use crate::ui::workspace::{new_draft_id, now_ms, today, Step};

/// What went wrong reading a draft, as the middle of a sentence.
pub fn decode_error_text(error: &DecodeError, lang: Lang) -> String {
    match error {
        DecodeError::NotADraft => lang.pick("it is not a draft", "ce n’est pas un brouillon").to_string(),
        DecodeError::NewerSchema { found, supported, app_version } => fill(
            DraftsText::NewerHint.get(lang),
            &[("app", app_version), ("found", &found.to_string()), ("supported", &supported.to_string())],
        ),
        DecodeError::Damaged(reason) => reason.clone(),
    }
}

impl Drafts {
    pub fn open(&self, id: &str) {
        match store::load(id) {
            Ok((draft, _)) => {
                let step = if draft.input.subscriptions.is_empty() { Step::Import } else { Step::Review };
                self.workspace.open(draft, step);
            }
            Err(error) => self.report_open_failed(id, error),
        }
    }

    pub fn rename(&self, id: &str, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        match store::load(id) {
            Ok((mut draft, _)) => {
                draft.name = name.to_string();
                draft.updated_ms = now_ms();
                self.write(&draft);
            }
            Err(error) => self.report_open_failed(id, error),
        }
        self.refresh();
    }

    pub fn duplicate(&self, id: &str, lang: Lang) {
        match store::load(id) {
            Ok((mut draft, _)) => {
                let now = now_ms();
                draft.id = new_draft_id();
                draft.name = fill(DraftsText::CopyName.get(lang), &[("name", &draft.name)]);
                draft.created_ms = now;
                draft.updated_ms = now;
                self.write(&draft);
            }
            Err(error) => self.report_open_failed(id, error),
        }
        self.refresh();
    }

    /// Saves a draft that is not the open one (rename, duplicate, import).
    fn write(&self, draft: &crate::draft::Draft) -> bool {
        match store::save(draft, now_ms(), &self.writer.get_value()) {
            Ok(_) => true,
            Err(error) => {
                self.save_failed(&super::SaveTarget::of(draft), error);
                false
            }
        }
    }

    /// Deletes a stored draft, damaged or not; "Undo" puts back its exact stored text.
    pub fn delete(&self, id: &str) {
        let name = self
            .entries
            .with_untracked(|entries| {
                entries.iter().find(|entry| entry.id() == id).map(|entry| match entry {
                    Entry::Ready { summary, .. } => display_name(&summary.name),
                    _ => id.to_string(),
                })
            })
            .unwrap_or_else(|| id.to_string());
        if let Ok(Some(raw)) = store::raw(id) {
            if store::delete(id).is_ok() {
                self.deleted.set(Some(DeletedDraft { id: id.to_string(), name, raw }));
            }
        }
        self.refresh();
    }

    pub fn undo_delete(&self) {
        if let Some(deleted) = self.deleted.get_untracked() {
            match store::put_raw(&deleted.id, &deleted.raw) {
                Ok(()) => self.deleted.set(None),
                Err(error) => {
                    let draft = crate::draft::Draft { name: deleted.name.clone(), ..Default::default() };
                    self.save_failed(&super::SaveTarget::of(&draft), error);
                }
            }
        }
        self.refresh();
    }

    /// Imports a draft file (or a plan export holding its draft) and opens it.
    pub fn import(&self, file_name: String, text: &str) {
        self.notice.set(None);
        let envelope = match decode_file(text) {
            Ok(envelope) => envelope,
            Err(error) => {
                self.problems.report(move |lang| {
                    let file = file_name.clone();
                    match &error {
                        DecodeError::NotADraft => {
                            fill(DraftsText::ImportNotADraft.get(lang), &[("file", &file)])
                        }
                        DecodeError::NewerSchema { found, supported, app_version } => fill(
                            DraftsText::ImportNewer.get(lang),
                            &[
                                ("file", &file),
                                ("app", app_version),
                                ("found", &found.to_string()),
                                ("supported", &supported.to_string()),
                            ],
                        ),
                        DecodeError::Damaged(reason) => {
                            fill(DraftsText::ImportDamaged.get(lang), &[("file", &file), ("reason", reason)])
                        }
                    }
                });
                return;
            }
        };
        let mut draft = envelope.draft;
        let mut notice = DraftsText::Imported;
        match store::load(&draft.id) {
            Err(LoadError::Missing) => {}
            Ok((stored, _)) if stored == draft => {}
            // Another draft, or an unreadable value, holds the id: never replace it.
            _ => {
                draft.id = new_draft_id();
                notice = DraftsText::ImportedAsCopy;
            }
        }
        if !self.write(&draft) {
            return;
        }
        self.notice.set(Some((notice, vec![("name", display_name(&draft.name)), ("file", file_name)])));
        self.refresh();
        let step = if draft.input.subscriptions.is_empty() { Step::Import } else { Step::Review };
        self.workspace.open(draft, step);
    }

    /// Downloads the open draft as a draft file.
    pub fn export_open(&self) {
        let Some(draft) = self.workspace.draft.get_untracked() else { return };
        let text = encode_file(&draft, now_ms());
        self.download(&export_file_name(&draft, today()), "application/json", &text);
    }

    /// Downloads a draft of the list as a draft file, the same file as "Export
    /// draft" gives for the open one; the open draft is taken as it is in the
    /// page, with the changes not yet saved.
    pub fn export(&self, id: &str) {
        let open = self.workspace.draft.get_untracked().filter(|draft| draft.id == id);
        let draft = match open {
            Some(draft) => draft,
            None => match store::load(id) {
                Ok((draft, _)) => draft,
                Err(error) => return self.report_open_failed(id, error),
            },
        };
        let text = encode_file(&draft, now_ms());
        self.download(&export_file_name(&draft, today()), "application/json", &text);
    }

    /// Downloads a stored value exactly as it is (a damaged or newer draft).
    pub fn download_raw(&self, id: &str) {
        if let Ok(Some(raw)) = store::raw(id) {
            let safe_id: String =
                id.chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' }).collect();
            self.download(&format!("saved-draft-{safe_id}.json"), "application/octet-stream", &raw);
        }
    }

    fn download(&self, file_name: &str, media_type: &str, contents: &str) {
        if let Err(error) = download_text(file_name, media_type, contents) {
            let (file_name, reason) = (file_name.to_string(), error.to_string());
            self.problems.report(move |lang| {
                fill(DraftsText::DownloadFailed.get(lang), &[("file", &file_name), ("reason", &reason)])
            });
        }
    }
}

//! Texts of the saved drafts: the list, autosave status, import and export, and
//! what the app says when storage is full, unavailable, damaged or shared by two tabs.

crate::texts! {
    /// Texts of the drafts feature.
    pub enum DraftsText {
        ListLabel => "Saved drafts", "Brouillons enregistrés";
        Subscriptions => "{count} subscriptions", "{count} abonnements";
        OneSubscription => "1 subscription", "1 abonnement";
        LastChange => "Last change: {when}", "Dernière modification : {when}";
        NoCustomer => "No customer yet", "Pas encore de client";
        Untitled => "Untitled draft", "Brouillon sans titre";
        Open => "Open", "Ouvrir";
        Rename => "Rename", "Renommer";
        RenameLabel => "New name of the draft", "Nouveau nom du brouillon";
        RenameSave => "Save name", "Enregistrer le nom";
        Cancel => "Cancel", "Annuler";
        Duplicate => "Duplicate", "Dupliquer";
        ExportItem => "Export", "Exporter";
        ExportItemLabel => "Export “{name}” to a file", "Exporter « {name} » dans un fichier";
        Delete => "Delete", "Supprimer";
        CopyName => "{name} (copy)", "{name} (copie)";
        Deleted => "Draft “{name}” deleted.", "Brouillon « {name} » supprimé.";
        Undo => "Undo", "Annuler la suppression";
        DamagedTitle => "Damaged draft", "Brouillon endommagé";
        DamagedHint => "This saved draft cannot be read ({reason}). It is kept untouched; download it to keep a copy or to send it for repair.",
                       "Ce brouillon enregistré est illisible ({reason}). Il est conservé tel quel ; téléchargez-le pour en garder une copie ou le faire réparer.";
        DownloadRaw => "Download the saved value", "Télécharger la valeur enregistrée";
        NewerTitle => "Draft from a newer version", "Brouillon d’une version plus récente";
        NewerHint => "Saved by version {app} of the app (draft format {found}); this version reads up to format {supported}. It is kept untouched: open it with the newer version.",
                     "Enregistré par la version {app} de l’application (format de brouillon {found}) ; cette version lit jusqu’au format {supported}. Il est conservé tel quel : ouvrez-le avec la version plus récente.";
        ImportLabel => "Import a draft file (.json)", "Importer un fichier de brouillon (.json)";
        ImportHint => "A draft exported from this app, or a plan exported as JSON (it holds its draft).",
                      "Un brouillon exporté depuis cette application, ou un plan exporté en JSON (il contient son brouillon).";
        Imported => "Draft “{name}” imported from {file}.", "Brouillon « {name} » importé depuis {file}.";
        ImportedAsCopy => "Draft “{name}” imported from {file} as a new draft: a different draft with the same identifier is already saved here.",
                          "Brouillon « {name} » importé depuis {file} comme nouveau brouillon : un autre brouillon de même identifiant est déjà enregistré ici.";
        ImportNotADraft => "{file} was not opened: it is not a draft of this app. This field accepts a .json file exported with “Export draft”, or a plan exported as JSON; to import a customer's subscriptions (CSV, Excel, JSON), start a “New plan”.",
                           "{file} n’a pas été ouvert : ce n’est pas un brouillon de cette application. Ce champ accepte un fichier .json exporté avec « Exporter le brouillon », ou un plan exporté en JSON ; pour importer les abonnements d’un client (CSV, Excel, JSON), commencez un « Nouveau plan ».";
        ImportNewer => "{file} was saved by a newer version of the app ({app}, draft format {found}); this version reads up to format {supported}. Open it with the newer version.",
                       "{file} a été enregistré par une version plus récente de l’application ({app}, format de brouillon {found}) ; cette version lit jusqu’au format {supported}. Ouvrez-le avec la version plus récente.";
        ImportDamaged => "{file} is a damaged draft: {reason}.", "{file} est un brouillon endommagé : {reason}.";
        ImportUnreadable => "{file} could not be read: {reason}.", "{file} n’a pas pu être lu : {reason}.";
        Export => "Export draft", "Exporter le brouillon";
        ExportHint => "Download this draft as a .json file, to keep it or open it in another browser.",
                      "Télécharger ce brouillon en fichier .json, pour le conserver ou l’ouvrir dans un autre navigateur.";
        StatusLabel => "Draft status", "État du brouillon";
        SavedAt => "Saved at {time}", "Enregistré à {time}";
        Saving => "Saving…", "Enregistrement…";
        NothingToSave => "Not changed yet", "Pas encore modifié";
        InMemory => "Kept in this page only", "Conservé dans cette page seulement";
        NotSaved => "Not saved", "Non enregistré";
        NotSavedConflict => "Not saved: changed in another tab", "Non enregistré : modifié dans un autre onglet";
        QuotaExceeded => "The draft “{name}” could not be saved: this browser’s storage for the app is full. The version saved before is intact. Export the draft to a file (“Export draft”) and delete drafts you no longer need.",
                         "Le brouillon « {name} » n’a pas pu être enregistré : l’espace de stockage de ce navigateur pour l’application est plein. La version enregistrée auparavant est intacte. Exportez le brouillon dans un fichier (« Exporter le brouillon ») et supprimez les brouillons devenus inutiles.";
        SaveFailed => "The draft “{name}” could not be saved ({reason}). The version saved before is intact; export the draft to keep your changes.",
                      "Le brouillon « {name} » n’a pas pu être enregistré ({reason}). La version enregistrée auparavant est intacte ; exportez le brouillon pour garder vos modifications.";
        StorageUnavailable => "This browser does not let the app keep data (private browsing or a policy): you can work normally, but nothing will be kept after this page closes. Export your draft to keep it.",
                              "Ce navigateur ne permet pas à l’application de conserver des données (navigation privée ou règle imposée) : vous pouvez travailler normalement, mais rien ne sera conservé après la fermeture de cette page. Exportez votre brouillon pour le garder.";
        StorageAlmostFull => "Saved drafts use {percent}% of this browser’s storage for the app ({used} of about {quota} MiB). Export the drafts you want to keep and delete the others before it is full.",
                             "Les brouillons enregistrés occupent {percent} % de l’espace de stockage de ce navigateur pour l’application ({used} sur environ {quota} Mio). Exportez les brouillons à garder et supprimez les autres avant qu’il soit plein.";
        ConflictChanged => "This draft was changed in another tab at {time}. Your changes here are not saved until you choose.",
                           "Ce brouillon a été modifié dans un autre onglet à {time}. Vos modifications ici ne sont pas enregistrées tant que vous n’avez pas choisi.";
        ConflictDeleted => "This draft was deleted in another tab. Your changes here are not saved until you choose.",
                           "Ce brouillon a été supprimé dans un autre onglet. Vos modifications ici ne sont pas enregistrées tant que vous n’avez pas choisi.";
        ReloadTheirs => "Load the other tab’s version", "Charger la version de l’autre onglet";
        KeepMine => "Keep mine (replace theirs)", "Garder la mienne (remplacer l’autre)";
        CloseDraft => "Close this draft", "Fermer ce brouillon";
        OpenFailed => "The draft “{name}” could not be opened: {reason}.", "Le brouillon « {name} » n’a pas pu être ouvert : {reason}.";
        DownloadFailed => "{file} could not be downloaded: {reason}.", "{file} n’a pas pu être téléchargé : {reason}.";
        ReasonUnavailable => "this browser does not let the app use its storage", "ce navigateur ne laisse pas l’application utiliser son stockage";
        ReasonQuota => "the storage is full", "le stockage est plein";
        ReasonUnreadable => "the saved value is not one this version can read, and is kept untouched", "la valeur enregistrée n’est pas lisible par cette version et reste intacte";
        ReasonBrowser => "the browser refused: {reason}", "le navigateur a refusé : {reason}";
        NotFound => "it is no longer saved in this browser", "il n’est plus enregistré dans ce navigateur";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_translations;

    #[test]
    fn every_drafts_text_exists_in_both_languages() {
        assert_eq!(check_translations(crate::text_entries!(DraftsText)), Ok(DraftsText::ALL.len()));
    }
}

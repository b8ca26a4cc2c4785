//! Texts of the export step (the documents themselves are written by `crate::export`).

crate::texts! {
    /// Texts of the export step.
    pub enum ExportText {
        Title => "Export the plan", "Exporter le plan";
        Intro => "Everything below is made in this browser; downloads go straight to your computer.",
                 "Tout ce qui suit est produit dans ce navigateur ; les téléchargements vont directement sur votre ordinateur.";
        DownloadsTitle => "Downloads", "Téléchargements";
        Print => "Print / save as PDF", "Imprimer / enregistrer en PDF";
        PrintHint => "Prints the partner report only, without the app around it.",
                     "Imprime uniquement le rapport partenaire, sans l’application autour.";
        Csv => "Plan lines for Excel (CSV)", "Lignes du plan pour Excel (CSV)";
        CsvSeparator => "CSV separator", "Séparateur CSV";
        SeparatorComma => "Comma (,)", "Virgule (,)";
        SeparatorSemicolon => "Semicolon (;) – French Excel", "Point-virgule (;) – Excel en français";
        Json => "Plan and draft (JSON)", "Plan et brouillon (JSON)";
        JsonHint => "Can be imported back as a draft.", "Peut être réimporté comme brouillon.";
        Markdown => "Report as text (Markdown)", "Rapport en texte (Markdown)";
        Calendar => "Milestones for a calendar (.ics)", "Échéances pour un agenda (.ics)";
        ReportTitle => "Partner report", "Rapport partenaire";
        LetterTitle => "Letter to the customer", "Courrier au client";
        LetterIntro => "In the customer's language, whatever the language of the app.",
                       "Dans la langue du client, quelle que soit celle de l’application.";
        LetterLanguage => "Letter language", "Langue du courrier";
        LetterDownload => "Download the letter (Markdown)", "Télécharger le courrier (Markdown)";
        LetterPrint => "Print the letter", "Imprimer le courrier";
        NoPlan => "There is nothing to export yet: import subscriptions first.",
                  "Rien à exporter pour l’instant : importez d’abord des abonnements.";
        Downloaded => "Downloaded: {file}", "Téléchargé : {file}";
        DownloadFailed => "The file {file} could not be downloaded: {reason}",
                          "Le fichier {file} n’a pas pu être téléchargé : {reason}";
        PrintFailed => "The browser could not open printing: {reason}", "Le navigateur n’a pas pu lancer l’impression : {reason}";
        Checkbox => "to do", "à faire";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_translations;

    #[test]
    fn every_export_text_exists_in_both_languages() {
        assert_eq!(check_translations(crate::text_entries!(ExportText)), Ok(ExportText::ALL.len()));
    }
}

//! Texts of the first steps of the planner: import, review, customer and partner.

crate::texts! {
    /// Texts of the import, review and customer steps.
    pub enum ImportText {
        // Import step.
        ImportTitle => "Import the customer's subscriptions", "Importer les abonnements du client";
        ImportIntro => "Drop the exports you have: Microsoft Graph (JSON), Partner Center, the Microsoft 365 admin center, PowerShell, CIPP, a hand-made Excel sheet, or the planner's template. Formats are recognised from their content. A new-commerce price list adds the prices; a newer copy of Microsoft's product and service plan table replaces the built-in catalog. Nothing leaves this browser.",
                       "Déposez les exports dont vous disposez : Microsoft Graph (JSON), Partner Center, le centre d’administration Microsoft 365, PowerShell, CIPP, un tableau Excel fait à la main ou le modèle du planificateur. Le format est reconnu d’après le contenu. Une liste de prix du nouveau commerce ajoute les prix ; une copie plus récente de la table Microsoft des produits et plans de service remplace le catalogue intégré. Rien ne quitte ce navigateur.";
        DropHere => "Drop files here", "Déposez les fichiers ici";
        ChooseFiles => "Choose files…", "Choisir des fichiers…";
        DropHint => "CSV, TSV, JSON or Excel (.xlsx); several files at once, e.g. the two Graph files together.",
                    "CSV, TSV, JSON ou Excel (.xlsx) ; plusieurs fichiers à la fois, par exemple les deux fichiers Graph ensemble.";
        ProgressReading => "Reading file {number} of {total}: {file}", "Lecture du fichier {number} sur {total} : {file}";
        ProgressImporting => "Importing {files} file(s)…", "Import de {files} fichier(s)…";
        ProgressCatalog => "Reading Microsoft's licensing table {file}…", "Lecture de la table des licences Microsoft {file}…";
        ProgressReport => "Preparing the import report…", "Préparation du rapport d’import…";
        DropQueued => "Import in progress: {files} will be imported right after it.",
                      "Import en cours : {files} sera importé juste après.";
        FileUnreadable => "{file}: the browser could not read this file ({reason}). Check that it still exists and try again.",
                          "{file} : le navigateur n’a pas pu lire ce fichier ({reason}). Vérifiez qu’il existe toujours et réessayez.";
        PasteTitle => "Paste a table", "Coller un tableau";
        PasteLabel => "Copy a range of cells in Excel (with its header row) and paste it here",
                      "Copiez une plage de cellules dans Excel (avec sa ligne d’en-tête) et collez-la ici";
        PasteImport => "Import the pasted table", "Importer le tableau collé";
        TemplateTitle => "No export at hand?", "Pas d’export sous la main ?";
        TemplateHint => "Fill in the planner's template in Excel, save it as CSV and drop it here. Its first rows are examples to replace.",
                        "Remplissez le modèle du planificateur dans Excel, enregistrez-le en CSV et déposez-le ici. Ses premières lignes sont des exemples à remplacer.";
        TemplateDownload => "Download the template (CSV)", "Télécharger le modèle (CSV)";
        ImportedTitle => "Imported so far", "Déjà importé";
        SubscriptionsSoFar => "Subscriptions in this plan: {count}", "Abonnements dans ce plan : {count}";
        RemoveFile => "Remove", "Retirer";
        RemoveFileLabel => "Remove {file} from the import", "Retirer {file} de l’import";
        GoToReview => "Review the import", "Vérifier l’import";
        CatalogTitle => "Product catalog", "Catalogue des produits";
        CatalogBuiltin => "Built-in copy of Microsoft's product names and service plan identifiers, dated {date}: {products} products.",
                          "Copie intégrée de la table Microsoft des noms de produits et identifiants de plans de service, datée du {date} : {products} produits.";
        CatalogLoaded => "Loaded from {file} (dated {date}): {products} products. It replaces the built-in catalog for this session.",
                         "Chargé depuis {file} (daté du {date}) : {products} produits. Il remplace le catalogue intégré pour cette session.";
        CatalogHint => "To use a newer copy, download Microsoft's \"Product names and service plan identifiers for licensing\" CSV and drop it here.",
                       "Pour utiliser une copie plus récente, téléchargez le CSV Microsoft « Product names and service plan identifiers for licensing » et déposez-le ici.";
        CatalogBackToBuiltin => "Back to the built-in catalog", "Revenir au catalogue intégré";
        CatalogUnreadable => "{file}: this copy of the licensing reference table cannot be read ({detail}); the catalog in use is unchanged.",
                             "{file} : cette copie de la table de référence des licences est illisible ({detail}) ; le catalogue utilisé reste le même.";

        // Review step.
        ReviewTitle => "Review the import", "Vérifier l’import";
        ReviewIntro => "Check what each file was read as, fix what could not be read, and say where subscriptions were bought when the file does not.",
                       "Vérifiez comment chaque fichier a été lu, corrigez ce qui n’a pas pu l’être et indiquez où les abonnements ont été achetés quand le fichier ne le dit pas.";
        FilesTitle => "Files and formats", "Fichiers et formats";
        NoFilesYet => "Nothing imported yet: go back to the import step to add files.", "Rien n’a encore été importé : revenez à l’étape d’import pour ajouter des fichiers.";
        FileColumn => "File", "Fichier";
        FormatColumn => "Read as", "Lu comme";
        RowsColumn => "Rows", "Lignes";
        FormatOf => "Format of {file}", "Format de {file}";
        Recognised => "Recognised: {format}", "Reconnu : {format}";
        NotRecognised => "Not recognised", "Non reconnu";
        FileCounts => "{read} read, {imported} imported, {rejected} rejected", "{read} lues, {imported} importées, {rejected} rejetées";
        FilesGoneHint => "Files imported before the page was reloaded are no longer in memory: drop them again to change how they are read.",
                         "Les fichiers importés avant le rechargement de la page ne sont plus en mémoire : déposez-les à nouveau pour changer leur lecture.";
        Tab => "tab", "tabulation";
        Separator => "separator {separator}", "séparateur {separator}";
        Sheet => "sheet {sheet}", "feuille {sheet}";
        SheetToRead => "Sheet to read", "Feuille à lire";
        SheetOf => " in {file}", " dans {file}";
        DateOrderTitle => "Date order", "Ordre des dates";
        DateOrderLabel => "Dates written with slashes are", "Les dates écrites avec des barres obliques sont au format";
        DateOrderAuto => "Detected from the file", "Détecté d’après le fichier";
        DateOrderDmy => "day/month/year (31/03/2026)", "jour/mois/année (31/03/2026)";
        DateOrderMdy => "month/day/year (03/31/2026, US)", "mois/jour/année (03/31/2026, États-Unis)";
        MappersTitle => "Tables to map", "Tableaux à faire correspondre";
        MapperTitle => "Which column holds what in {file}?", "Que contient chaque colonne de {file} ?";
        MapperIntro => "The columns of this table match no known export. Check the suggestion, then confirm to import its {rows} rows. The mapping is remembered for tables with the same columns.",
                       "Les colonnes de ce tableau ne correspondent à aucun export connu. Vérifiez la proposition, puis confirmez pour importer ses {rows} lignes. La correspondance est retenue pour les tableaux ayant les mêmes colonnes.";
        MapperColumn => "Column", "Colonne";
        MapperHolds => "Holds", "Contient";
        MapperExamples => "Examples", "Exemples";
        MapperIgnore => "(ignore this column)", "(ignorer cette colonne)";
        MapperNeedsProduct => "Map at least one column to the product, the SKU, the offer or the subscription ID.",
                              "Faites correspondre au moins une colonne au produit, au SKU, à l’offre ou à l’ID d’abonnement.";
        MapperConfirm => "Confirm the mapping and import", "Confirmer la correspondance et importer";
        ReportTitle => "Import report", "Rapport d’import";
        RowsRead => "Rows read", "Lignes lues";
        Imported => "Imported", "Importées";
        ImportedWithWarnings => "Imported with warnings", "Importées avec avertissements";
        Rejected => "Rejected", "Rejetées";
        NoIssues => "Every row was read without a problem.", "Toutes les lignes ont été lues sans problème.";
        IssuesTitle => "Issues ({count})", "Points à vérifier ({count})";
        ShowAllIssues => "Show all {count} issues", "Afficher les {count} points";
        AtLine => ", line {line}", ", ligne {line}";
        SeverityError => "Error", "Erreur";
        SeverityWarning => "Warning", "Avertissement";
        SeverityInfo => "Note", "Remarque";
        RejectedTitle => "Rejected rows", "Lignes rejetées";
        RejectedIntro => "Correct the cells of a row and import it again; it takes its place in the plan.",
                         "Corrigez les cellules d’une ligne et importez-la à nouveau ; elle prend sa place dans le plan.";
        RetryRow => "Import this row again", "Importer à nouveau cette ligne";
        ChannelsTitle => "Where were these subscriptions bought?", "Où ces abonnements ont-ils été achetés ?";
        ChannelsIntro => "The files do not say for these subscriptions, and the migration path depends on it. Still unknown: {count}.",
                         "Les fichiers ne le disent pas pour ces abonnements, et le chemin de migration en dépend. Encore inconnus : {count}.";
        ChannelForAll => "Set every unknown channel to", "Définir chaque canal inconnu sur";
        ChannelApplyAll => "Apply to all unknown", "Appliquer à tous les inconnus";
        ChannelsMore => "{count} more subscriptions are not listed here; \"Apply to all unknown\" sets them too.",
                        "{count} autres abonnements ne sont pas listés ici ; « Appliquer à tous les inconnus » les règle aussi.";
        ProductColumn => "Product", "Produit";
        SeatsColumn => "Licenses", "Licences";
        ChannelColumn => "Bought through", "Acheté via";
        // Billing account of direct subscriptions (DIRECT-ACCOUNT).
        AccountsTitle => "Which billing account are the direct subscriptions on?", "De quel compte de facturation dépendent les abonnements directs ?";
        AccountsIntro => "The credit and the way to end a direct subscription depend on it: MCA refunds only within 7 days of start or renewal, MOSA gives a prorated credit. The customer sees it in the admin center (Billing > Billing accounts). Still unknown: {count}.",
                         "Le crédit et la façon de mettre fin à un abonnement direct en dépendent : MCA ne rembourse que dans les 7 jours suivant le début ou le renouvellement, MOSA donne un crédit au prorata. Le client le voit dans le centre d’administration (Facturation > Comptes de facturation). Encore inconnus : {count}.";
        AccountForAll => "Set every direct subscription to", "Définir chaque abonnement direct sur";
        AccountApplyAll => "Apply to all direct", "Appliquer à tous les directs";
        AccountColumn => "Billing account", "Compte de facturation";
        AccountsMore => "{count} more direct subscriptions are not listed here; \"Apply to all direct\" sets them too.",
                        "{count} autres abonnements directs ne sont pas listés ici ; « Appliquer à tous les directs » les modifie aussi.";

        // Customer and partner step.
        CustomerTitle => "Customer and partner", "Client et partenaire";
        CustomerIntro => "Who moves to whom, and from which date the plan counts.", "Qui passe chez qui, et à partir de quelle date le plan compte.";
        CustomerLegend => "Customer", "Client";
        CustomerName => "Customer name", "Nom du client";
        TenantId => "Tenant ID (optional)", "ID du locataire (facultatif)";
        TenantCountry => "Tenant country", "Pays du locataire";
        CountryNotSet => "Not set", "Non renseigné";
        MarketOf => "CSP market: {market}", "Marché CSP : {market}";
        MarketNone => "Choose a country to see its CSP market.", "Choisissez un pays pour voir son marché CSP.";
        MarketUnlisted => "No CSP market lists this country.", "Aucun marché CSP ne comprend ce pays.";
        PartnerLegend => "Your company (the CSP partner)", "Votre société (le partenaire CSP)";
        PartnerRemembered => "Remembered in this browser for your next plans.", "Mémorisé dans ce navigateur pour vos prochains plans.";
        PartnerName => "Partner name", "Nom du partenaire";
        PartnerCountry => "Partner country", "Pays du partenaire";
        LetterheadLegend => "On the customer letter", "Sur le courrier au client";
        LetterheadHint => "Your contact, the signatory and your logo appear on the letter to the customer.",
                          "Votre contact, le signataire et votre logo figurent sur le courrier au client.";
        ContactName => "Contact for the customer", "Contact pour le client";
        ContactEmail => "Contact email", "E-mail du contact";
        ContactPhone => "Contact phone", "Téléphone du contact";
        SignatoryName => "Signed by", "Signé par";
        SignatoryRole => "Signatory's role", "Fonction du signataire";
        Logo => "Logo (PNG, JPEG, GIF or WebP, up to {limit} KB)", "Logo (PNG, JPEG, GIF ou WebP, {limit} Ko au plus)";
        LogoPreview => "Your logo, as the letter shows it", "Votre logo, tel que le courrier l’affiche";
        LogoRemove => "Remove the logo", "Retirer le logo";
        LogoTooLarge => "{file} is {size} KB; a logo may be up to {limit} KB. Save a smaller copy and choose it again.",
                        "{file} fait {size} Ko ; un logo peut faire jusqu’à {limit} Ko. Enregistrez une copie plus petite et choisissez-la de nouveau.";
        LogoNotImage => "{file} is not a PNG, JPEG, GIF or WebP image: choose one of those.",
                        "{file} n’est pas une image PNG, JPEG, GIF ou WebP : choisissez un fichier de l’un de ces formats.";
        BillingModelLegend => "How you buy from Microsoft", "Comment vous achetez auprès de Microsoft";
        DirectBill => "Direct-bill partner", "Partenaire en facturation directe";
        IndirectReseller => "Indirect reseller (through a distributor)", "Revendeur indirect (via un distributeur)";
        RelationshipLegend => "Relationship, agreement and admin access", "Relation, contrat et accès administrateur";
        RelationshipStatusLabel => "Reseller relationship", "Relation de revendeur";
        RelationshipNone => "Not requested yet", "Pas encore demandée";
        RelationshipRequested => "Requested, waiting for the customer", "Demandée, en attente du client";
        RelationshipAccepted => "Accepted by the customer", "Acceptée par le client";
        McaAccepted => "The customer has accepted the Microsoft Customer Agreement", "Le client a accepté le Contrat client Microsoft (MCA)";
        GdapStatusLabel => "GDAP relationship", "Relation GDAP";
        GdapNone => "None", "Aucune";
        GdapRequested => "Requested", "Demandée";
        GdapActive => "Active", "Active";
        GdapRolesLegend => "GDAP roles granted", "Rôles GDAP accordés";
        RoleServiceSupportDuty => "{role} (opens support tickets)", "{role} (ouvre des demandes de support)";
        RoleLicenseAdminDuty => "{role} (assigns licenses)", "{role} (attribue les licences)";
        PartnerNotSaved => "The partner profile could not be remembered for the next plan ({detail}); it still applies to this one.",
                           "Le profil du partenaire n’a pas pu être mémorisé pour le prochain plan ({detail}) ; il s’applique quand même à celui-ci.";
        PartnerNotRead => "The remembered partner profile could not be read ({detail}); fill it in again.",
                          "Le profil du partenaire mémorisé est illisible ({detail}) ; saisissez-le à nouveau.";
        DatesLegend => "Dates and lead times", "Dates et délais";
        AsOf => "Plan as of", "Plan établi au";
        AsOfInvalid => "Enter a complete date.", "Saisissez une date complète.";
        AcceptanceDays => "Days for the customer to accept (relationship and MCA)", "Jours laissés au client pour accepter (relation et MCA)";
        AcceptanceDaysHint => "Purchases are planned after this delay.", "Les achats sont planifiés après ce délai.";
        LeadDays => "Purchase lead days before a term ends", "Jours d’avance de l’achat avant la fin d’engagement";
        LeadDaysHint => "So the new subscription's 7-day cancellation window covers the switch-over.",
                        "Pour que la fenêtre d’annulation de 7 jours du nouvel abonnement couvre la bascule.";
        SameMarket => "Customer and partner are both in the {market} CSP market: the partner can take this customer.",
                      "Le client et le partenaire sont tous deux dans le marché CSP {market} : le partenaire peut reprendre ce client.";
        OtherMarket => "The tenant is in the {customer} CSP market and the partner in {partner}: a partner can only move customers of its own market.",
                       "Le locataire est dans le marché CSP {customer} et le partenaire dans {partner} : un partenaire ne peut reprendre que des clients de son propre marché.";
        MarketUnknownYet => "Choose both countries to check that the partner can serve this tenant's market.",
                            "Choisissez les deux pays pour vérifier que le partenaire peut servir le marché de ce locataire.";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_translations;

    #[test]
    fn every_import_text_exists_in_both_languages() {
        assert_eq!(check_translations(crate::text_entries!(ImportText)), Ok(ImportText::ALL.len()));
    }
}

//! Texts of the plan step: summary cards, the lines table, a line's details, the
//! overrides, the checklist and the timeline.

crate::texts! {
    /// Texts of the plan step.
    pub enum PlanText {
        Title => "Migration plan", "Plan de migration";
        Intro => "One line per source subscription. Select a line to see why the planner chose its path, and adjust it: the plan is recomputed at once.",
                 "Une ligne par abonnement source. Sélectionnez une ligne pour voir pourquoi le planificateur a choisi ce parcours, et ajustez-la : le plan est recalculé aussitôt.";
        NoPlan => "There is nothing to plan yet: import the customer's subscriptions first.",
                  "Il n’y a encore rien à planifier : importez d’abord les abonnements du client.";
        ForCustomer => "Customer: {customer}. Partner: {partner}. Plan as of {as_of}, rules checked on {rules_as_of}, catalog: {catalog}.",
                       "Client : {customer}. Partenaire : {partner}. Plan au {as_of}, règles vérifiées le {rules_as_of}, catalogue : {catalog}.";
        Unnamed => "(not named)", "(sans nom)";
        ManyCustomers => "{count} customers ({names}…)", "{count} clients ({names}…)";
        // Summary cards.
        SummaryLabel => "Plan summary", "Synthèse du plan";
        CardSubscriptions => "Subscriptions", "Abonnements";
        CardSubscriptionsDetail => "{migrated} migrated, {left} left out", "{migrated} migrés, {left} écartés";
        CardSeats => "Seats to move → planned", "Licences à migrer → planifiées";
        CardSeatsDetail => "{blocked} on blocked lines (moved once unblocked); {left} left out: {free} free or trial, {ended} ended, {by_user} by you, {not_seat} not seat-based.",
                           "{blocked} sur des lignes bloquées (migrées une fois débloquées) ; {left} écartées : {free} gratuites ou d’essai, {ended} terminées, {by_user} par vous, {not_seat} hors licences par utilisateur.";
        CardSeatsAddOns => "Plus {count} add-on licences bought with the new suites (not new users).", "Plus {count} licences complémentaires achetées avec les nouvelles suites (pas de nouveaux utilisateurs).";
        CardBlockers => "Blockers", "Blocages";
        CardBlockersNone => "Nothing blocks the plan.", "Rien ne bloque le plan.";
        CardBlockersSome => "To resolve before buying.", "À résoudre avant tout achat.";
        CardWarnings => "Warnings", "Points d’attention";
        CardWarningsDetail => "To check with the customer.", "À vérifier avec le client.";
        CardOverlap => "Overlap cost", "Coût du chevauchement";
        CardOverlapDetail => "{days} days paid twice, where prices are known", "{days} jours payés deux fois, là où les prix sont connus";
        CardOverlapUnknown => "No price in the import", "Aucun prix dans l’import";
        CardOverlapUnknownDetail => "Import a price list to see the cost of paying twice.", "Importez une liste de prix pour voir le coût de la double facturation.";
        CardNextDate => "Next key date", "Prochaine date clé";
        CardNextDateNone => "No upcoming date", "Aucune date à venir";
        ResetAll => "Reset all adjustments ({count})", "Annuler tous les ajustements ({count})";
        // Key dates.
        KeyRelationship => "Send the reseller relationship request", "Envoyer la demande de relation de revendeur";
        KeyReady => "Relationship, MCA and GDAP in place", "Relation, MCA et GDAP en place";
        KeyFirstPurchase => "First CSP purchase", "Premier achat CSP";
        KeyFirstTermEnd => "First source term ends", "Première fin d’engagement source";
        KeyDataAtRisk => "Earliest data-at-risk deadline", "Première échéance de risque pour les données";
        KeyUsersLoseAccess => "Users first lose access", "Premiers utilisateurs sans accès";
        KeyFromBlocked => "on a blocked line", "sur une ligne bloquée";
        KeyLastCutover => "Last cut-over", "Dernière bascule";
        // Table.
        TableLabel => "Plan lines", "Lignes du plan";
        TableCaption => "{shown} of {total} lines", "{shown} lignes sur {total}";
        TableHelp => "Use the arrow keys, Page Up/Down, Home and End to move between lines; Enter shows a line's details.",
                     "Flèches, Page préc./suiv., Début et Fin pour passer d’une ligne à l’autre ; Entrée affiche le détail d’une ligne.";
        FilterLabel => "Filter the lines", "Filtrer les lignes";
        SearchLabel => "Search", "Rechercher";
        SearchPlaceholder => "Product, subscription id, target…", "Produit, identifiant, offre cible…";
        FilterPath => "Path", "Parcours";
        FilterSeverity => "Findings", "Constats";
        FilterAll => "All", "Tous";
        FilterBlockers => "With a blocker", "Avec un blocage";
        FilterWarnings => "With a warning", "Avec un point d’attention";
        FilterClean => "Without blocker or warning", "Sans blocage ni point d’attention";
        FilterOverridden => "Adjusted by you", "Ajustées par vous";
        ClearFilters => "Clear filters", "Effacer les filtres";
        NoMatch => "No line matches these filters.", "Aucune ligne ne correspond à ces filtres.";
        ColProduct => "Subscription", "Abonnement";
        ColPath => "Path", "Parcours";
        ColTarget => "Target offer", "Offre cible";
        ColSeats => "Seats", "Licences";
        ColTermEnd => "Term end", "Fin d’engagement";
        ColPurchase => "Buy / transfer", "Achat / transfert";
        ColFindings => "Findings", "Constats";
        SortBy => "Sort by {column}", "Trier par {column}";
        BlockerCount => "{count} blocker(s)", "{count} blocage(s)";
        WarningCount => "{count} warning(s)", "{count} point(s) d’attention";
        Estimated => "estimated", "estimée";
        SameOfferShort => "same offer", "même offre";
        Adjusted => "adjusted", "ajustée";
        // After an add-on line's id (ADDON-BASE); its details name the base.
        AddOnShort => "add-on", "module";
        AddOnNoBase => "add-on without base", "module sans base";
        // Line details.
        DetailsLabel => "Line details", "Détail de la ligne";
        DetailsNone => "Select a line in the table to see its details.", "Sélectionnez une ligne du tableau pour voir son détail.";
        SourceOf => "{id} · {channel} · {status} · {file}, line {line}", "{id} · {channel} · {status} · {file}, ligne {line}";
        SourceOfNoId => "{channel} · {status} · {file}, line {line}", "{channel} · {status} · {file}, ligne {line}";
        PathHeading => "Path", "Parcours";
        RecommendedWas => "The planner recommends: {path}.", "Le planificateur recommande : {path}.";
        TargetHeading => "Target offer", "Offre cible";
        NoTarget => "No target offer yet.", "Pas encore d’offre cible.";
        ChosenByYou => "chosen by you", "choisie par vous";
        SameOfferLong => "Same offer as the source: no license reassignment.", "Même offre que la source : pas de réattribution de licences.";
        ReassignNeeded => "Licenses must be reassigned at cut-over.", "Les licences doivent être réattribuées lors de la bascule.";
        CandidatesHeading => "Ranked equivalents", "Équivalents classés";
        CandidateShared => "Core workloads kept", "Services essentiels conservés";
        CandidateMissing => "Core workloads missing", "Services essentiels manquants";
        PlansLost => "Service plans lost ({count})", "Plans de service perdus ({count})";
        PlansGained => "Service plans gained ({count})", "Plans de service gagnés ({count})";
        NoneWord => "none", "aucun";
        SeatsHeading => "Seats", "Licences";
        SeatsToBuy => "To provision", "À provisionner";
        SeatsSourceTotal => "Source total", "Total source";
        SeatsAssigned => "Assigned", "Attribuées";
        SeatsUnknown => "not known", "inconnu";
        DatesHeading => "Dates", "Dates";
        DateTermEnd => "Source term end", "Fin d’engagement source";
        DateAutoRenewOff => "Turn off auto-renew by", "Désactiver le renouvellement automatique avant le";
        DateTransfer => "Transfer initiated / scheduled", "Transfert lancé / planifié";
        DatePurchase => "CSP purchase", "Achat CSP";
        DateCancelWindow => "7-day cancellation window ends", "Fin du délai d’annulation de 7 jours";
        DateCutover => "Cut-over", "Bascule";
        DateDataAtRisk => "Data at risk after", "Données en danger après le";
        DateUsersLoseAccess => "Users lose access after", "Les utilisateurs perdent l’accès après le";
        DateFallback => "Buy instead if the transfer is not approved by", "Acheter à la place si le transfert n’est pas approuvé le";
        OverlapLine => "Overlap: {days} day(s) paid twice", "Chevauchement : {days} jour(s) payé(s) deux fois";
        OverlapCostLine => "Overlap: {days} day(s) paid twice, {cost}", "Chevauchement : {days} jour(s) payé(s) deux fois, {cost}";
        CreditEligible => "Bought directly from Microsoft: the customer may be eligible for a credit.", "Acheté directement auprès de Microsoft : le client peut avoir droit à un avoir.";
        FindingsHeading => "Findings and the rules behind them", "Constats et règles appliquées";
        NoFindings => "No finding for this line.", "Aucun constat pour cette ligne.";
        RuleSource => "Source: {source}. Applies from {date}.", "Source : {source}. S’applique depuis le {date}.";
        RuleUnverified => "Unverified: seen only in secondary sources, not stated as certain.", "Non vérifié : vu seulement dans des sources secondaires, non présenté comme certain.";
        RuleChange => "From {date}: {text}", "Depuis le {date} : {text}";
        NoteHeading => "Note", "Remarque";
        Planning => "Planning…", "Planification…";
        // Overrides.
        OverridesHeading => "Adjust this line", "Ajuster cette ligne";
        OverridesHelp => "Your choices win over the planner's recommendation; the plan is recomputed at once.",
                         "Vos choix priment sur la recommandation du planificateur ; le plan est recalculé aussitôt.";
        OverrideTarget => "Target offer", "Offre cible";
        OverrideTargetDefault => "The planner's choice", "Le choix du planificateur";
        OverrideTargetCandidates => "Ranked equivalents", "Équivalents classés";
        OverrideTargetCatalog => "Catalog products", "Produits du catalogue";
        OverrideTargetSearch => "Find an offer by name or part number", "Chercher une offre par nom ou référence";
        OverrideTargetEvery => "Also government, education, trial and other-region products", "Aussi les produits administration, éducation, essai et autres régions";
        OverrideTargetPlans => "{lost} plans lost, {gained} gained", "{lost} plans perdus, {gained} gagnés";
        OverrideTargetHidden => "{count} products for government, education, trials or other regions are hidden.", "{count} produits administration, éducation, essai ou autres régions sont masqués.";
        OverrideTargetMore => "{count} more products match: refine the search.", "{count} autres produits correspondent : précisez la recherche.";
        OverrideSeats => "Seats to provision", "Licences à provisionner";
        OverrideSeatsHelp => "Empty: the source total ({total}).", "Vide : le total de la source ({total}).";
        OverrideSeatsInvalid => "Enter a whole number of seats, 0 or more.", "Saisissez un nombre entier de licences, 0 ou plus.";
        OverridePurchase => "Purchase date", "Date d’achat";
        OverridePurchaseHelp => "Empty: the recommended date.", "Vide : la date recommandée.";
        OverridePath => "Path", "Parcours";
        OverridePathDefault => "The planner's choice", "Le choix du planificateur";
        OverrideExclude => "Leave this subscription out of the plan", "Écarter cet abonnement du plan";
        OverrideNote => "Your note on this line", "Votre remarque sur cette ligne";
        OverrideNoteHelp => "Kept in the draft and shown in the partner report; “Reset” keeps it.",
                            "Conservée dans le brouillon et reprise dans le rapport partenaire ; « Réinitialiser » la garde.";
        OverrideReset => "Reset this line", "Rétablir cette ligne";
        OverrideApplied => "Adjusted: {fields}", "Ajusté : {fields}";
        FieldTarget => "target offer", "offre cible";
        FieldSeats => "seats", "licences";
        FieldPurchase => "purchase date", "date d’achat";
        FieldPath => "path", "parcours";
        FieldExcluded => "left out", "écarté";
        FieldSourceTermEnd => "source term end", "fin d’engagement d’origine";
        FieldSourceAutoRenew => "auto-renew", "renouvellement automatique";
        FieldSourceChannel => "channel", "canal";
        FieldSourceTerm => "term", "durée d’engagement";
        FieldSourceBilling => "billing frequency", "fréquence de facturation";
        // What the file lacks, given on the line.
        SourceHeading => "The source subscription", "L’abonnement d’origine";
        SourceHelp => "Fill in what the file lacks or gets wrong: your values win over the file's and the dates are planned from them.",
                      "Complétez ce que le fichier ne dit pas ou dit mal : vos valeurs priment sur celles du fichier et les dates sont planifiées à partir d’elles.";
        SourceTermEnd => "Source term end", "Fin d’engagement d’origine";
        SourceAutoRenew => "Auto-renew", "Renouvellement automatique";
        SourceChannel => "Bought through", "Acheté via";
        SourceTerm => "Term", "Durée d’engagement";
        SourceBilling => "Billing frequency", "Fréquence de facturation";
        SourceAsInFile => "As in the file: {value}", "Comme dans le fichier : {value}";
        SourceNotInFile => "Not in the file", "Absent du fichier";
        SourceTermEndInFile => "In the file: {value}. Empty: the file's date.", "Dans le fichier : {value}. Vide : la date du fichier.";
        SourceTermEndMissing => "Not in the file: enter it and the line's dates are planned.", "Absente du fichier : saisissez-la et les dates de la ligne sont planifiées.";
        AutoRenewOn => "On", "Activé";
        AutoRenewOff => "Off", "Désactivé";
        // From a blocker to the field that resolves it, and back.
        FixLineTarget => "Choose the target offer", "Choisir l’offre cible";
        FixLinePath => "Choose the path", "Choisir le parcours";
        FixLineSeats => "Adjust the seats", "Ajuster les licences";
        FixLineExclude => "Leave the line out", "Écarter la ligne";
        FixReviewChannel => "Confirm the channel", "Confirmer le canal";
        FixCustomerRelationship => "Set the relationship", "Indiquer la relation";
        FixCustomerCountry => "Check the countries", "Vérifier les pays";
        BackToLine => "Back to the line: {product}", "Revenir à la ligne : {product}";
        // Checklist.
        ChecklistHeading => "Checklist: who does what, by when", "Liste des actions : qui fait quoi, et quand";
        ChecklistFor => "For {customer}", "Pour {customer}";
        ChecklistNoDate => "when ready", "dès que possible";
        ChecklistLines => "{count} line(s)", "{count} ligne(s)";
        ChecklistShowAll => "Show every step (+{count})", "Afficher toutes les étapes (+{count})";
        ChecklistEmpty => "Nothing to do.", "Rien à faire.";
        // Timeline.
        TimelineHeading => "Timeline", "Chronologie";
        TimelineDesc => "Per subscription: the source term end, the CSP purchase with its 7-day cancellation window, the day to turn off auto-renew and the last day before data is at risk; today's date is marked.",
                        "Par abonnement : la fin d’engagement source, l’achat CSP et son délai d’annulation de 7 jours, la date limite pour désactiver le renouvellement automatique et le dernier jour avant que les données soient en danger ; la date du jour est indiquée.";
        TimelineShowing => "Lines shown: {shown} of {total}, from the table's filter (lines not migrated are left out), soonest term end first.",
                           "Lignes affichées : {shown} sur {total}, selon le filtre du tableau (hors lignes non migrées), fin d’engagement la plus proche en premier.";
        TimelineEmpty => "No line of the current filter has dates to show.", "Aucune ligne du filtre actuel n’a de dates à afficher.";
        TimelineToday => "Today", "Aujourd’hui";
        TimelineTermEnd => "Term end", "Fin d’engagement";
        TimelinePurchase => "CSP purchase", "Achat CSP";
        TimelineCancelWindow => "7-day cancellation window", "Délai d’annulation de 7 jours";
        TimelineAutoRenewOff => "Last day to turn off auto-renew", "Dernier jour pour désactiver le renouvellement automatique";
        TimelineExpired => "Source expired, not yet bought in CSP (data still kept)", "Source expirée, pas encore achetée dans CSP (données encore conservées)";
        TimelineBlocked => "Blocked line: its dates hold once the blocker is resolved", "Ligne bloquée : ses dates valent une fois le blocage levé";
        TimelineBlockedShort => "blocked", "bloquée";
        TimelineConflict => "Bought after the data is at risk: buy earlier", "Achat après la mise en danger des données : achetez plus tôt";
        TimelineDataAtRisk => "Last day before data is at risk", "Dernier jour avant que les données soient en danger";
        TimelineLegend => "Legend", "Légende";
        TimelineAsList => "The timeline as a list", "La chronologie sous forme de liste";
        TimelineScrollHint => "Scroll sideways to see the whole timeline.", "Faites défiler horizontalement pour voir toute la chronologie.";
        // Export.
        GoExport => "Export the plan", "Exporter le plan";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_translations;

    #[test]
    fn every_plan_text_exists_in_both_languages() {
        assert_eq!(check_translations(crate::text_entries!(PlanText)), Ok(PlanText::ALL.len()));
    }
}

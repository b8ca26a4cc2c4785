//! The one label of every value of the model's enums, in both languages: the
//! interface, every document, the findings and the command line read them here,
//! so a path or a channel reads the same everywhere.
//!
//! Where a value needs two forms (a table cell and a sentence), both are functions
//! of this file side by side, named for where they go.

use super::Lang;
use crate::model::{
    Actor, AddOnKind, BillingAccount, BillingChoice, BillingFrequency, BillingModel, Channel, FactOrigin,
    GdapRole, MigrationPath, NamedSource, SalesArea, SubscriptionStatus, Term,
};

/// The name of a source the planner named itself (the demo's, a pasted table),
/// in `lang`; a user's file name as it is.
pub fn source_label(file: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    match NamedSource::of_file(file) {
        Some(NamedSource::DemoCustomer) => {
            lang.pick("demo: Contoso Rénovation SAS", "démo : Contoso Rénovation SAS").into()
        }
        Some(NamedSource::DemoPriceList) => {
            lang.pick("demo: sample price list (EUR, FR)", "démo : liste de prix d’exemple (EUR, FR)").into()
        }
        Some(NamedSource::PastedTable(number)) => {
            format!("{}{number}", lang.pick("Pasted table ", "Tableau collé ")).into()
        }
        None => file.into(),
    }
}

/// The name of a migration path: `Buy in CSP` / `Achat dans CSP`.
pub fn path_label(path: MigrationPath, lang: Lang) -> &'static str {
    match path {
        MigrationPath::PartnerTransfer => {
            lang.pick("Partner-to-partner transfer", "Transfert de partenaire à partenaire")
        }
        MigrationPath::EaChannelTransfer => lang.pick("EA channel transfer", "Transfert de canal EA"),
        MigrationPath::Repurchase => lang.pick("Buy in CSP", "Achat dans CSP"),
        MigrationPath::Blocked => lang.pick("Blocked", "Bloqué"),
        MigrationPath::NotMigrated => lang.pick("Not migrated", "Non migré"),
    }
}

/// The short name of a path, for narrow table cells (the full name is its tooltip).
pub fn path_short_label(path: MigrationPath, lang: Lang) -> &'static str {
    match path {
        MigrationPath::PartnerTransfer => lang.pick("P2P transfer", "Transfert P2P"),
        MigrationPath::EaChannelTransfer => lang.pick("EA transfer", "Transfert EA"),
        MigrationPath::Repurchase => lang.pick("Buy in CSP", "Achat CSP"),
        MigrationPath::Blocked => lang.pick("Blocked", "Bloqué"),
        MigrationPath::NotMigrated => lang.pick("Not migrated", "Non migré"),
    }
}

/// What a path means for the customer, in one or two sentences.
pub fn path_explanation(path: MigrationPath, lang: Lang) -> &'static str {
    match path {
        MigrationPath::PartnerTransfer => lang.pick(
            "The customer's current CSP partner and you approve a transfer of the whole subscription: its term, end date and seats stay the same and users see no interruption.",
            "L’actuel partenaire CSP du client et vous approuvez le transfert de l’abonnement entier : son engagement, sa date de fin et ses licences restent les mêmes, sans interruption pour les utilisateurs.",
        ),
        MigrationPath::EaChannelTransfer => lang.pick(
            "A channel transfer \"renew to CSP\": the CSP subscription is scheduled to start the day after the Enterprise Agreement term ends.",
            "Un transfert de canal « renouvellement vers CSP » : l’abonnement CSP est planifié pour démarrer le lendemain de la fin de l’engagement EA.",
        ),
        MigrationPath::Repurchase => lang.pick(
            "Buy the offer in CSP a few days before the source term ends, so its 7-day cancellation window covers the cut-over, then let the source expire.",
            "Acheter l’offre dans CSP quelques jours avant la fin d’engagement de la source, pour que son délai d’annulation de 7 jours couvre la bascule, puis laisser expirer la source.",
        ),
        MigrationPath::Blocked => lang.pick(
            "Something must be resolved before this subscription can move: see the blockers below.",
            "Un point doit être résolu avant que cet abonnement puisse migrer : voir les blocages ci-dessous.",
        ),
        MigrationPath::NotMigrated => lang.pick(
            "This subscription stays out of the plan (free, trial, usage-based, already ended, or left out).",
            "Cet abonnement reste hors du plan (gratuit, essai, à l’usage, déjà terminé, ou écarté).",
        ),
    }
}

/// The name of a billing choice.
pub fn billing_label(choice: BillingChoice, lang: Lang) -> &'static str {
    match choice {
        BillingChoice::MonthlyTerm => lang.pick("Monthly term", "Engagement mensuel"),
        BillingChoice::AnnualMonthly => {
            lang.pick("Annual term, billed monthly", "Engagement annuel, facturé mensuellement")
        }
        BillingChoice::AnnualUpfront => {
            lang.pick("Annual term, paid upfront", "Engagement annuel, payé d’avance")
        }
        BillingChoice::TriennialMonthly => {
            lang.pick("Three-year term, billed monthly", "Engagement de trois ans, facturé mensuellement")
        }
        BillingChoice::TriennialUpfront => {
            lang.pick("Three-year term, paid upfront", "Engagement de trois ans, payé d’avance")
        }
    }
}

/// The billing account of a direct subscription (DIRECT-ACCOUNT).
pub fn billing_account_label(account: BillingAccount, lang: Lang) -> &'static str {
    match account {
        BillingAccount::Mosa => lang.pick(
            "MOSA (Microsoft Online Subscription Agreement)",
            "MOSA (Contrat d’abonnement Microsoft Online)",
        ),
        BillingAccount::Mca => {
            lang.pick("MCA (Microsoft Customer Agreement)", "MCA (Contrat client Microsoft)")
        }
        BillingAccount::Unknown => lang.pick("Unknown: ask the customer", "Inconnu : à demander au client"),
    }
}

/// Where a subscription was bought: `Another CSP partner, legacy offer`.
pub fn channel_label(channel: Channel, lang: Lang) -> &'static str {
    match channel {
        Channel::Direct => {
            lang.pick("Direct (Microsoft 365 admin center)", "Direct (centre d’administration Microsoft 365)")
        }
        Channel::Ea => lang.pick("Enterprise Agreement (EA)", "Contrat Entreprise (EA)"),
        Channel::CspNce => {
            lang.pick("Another CSP partner, new commerce", "Autre partenaire CSP, new commerce")
        }
        Channel::CspLegacy => {
            lang.pick("Another CSP partner, legacy offer", "Autre partenaire CSP, offre historique")
        }
        Channel::Unknown => lang.pick("Unknown channel", "Canal inconnu"),
    }
}

/// The short name of a channel, for narrow table cells: `CSP legacy`.
pub fn channel_short_label(channel: Channel, lang: Lang) -> &'static str {
    match channel {
        Channel::Direct => "Direct",
        Channel::Ea => "EA",
        Channel::CspNce => lang.pick("CSP new commerce", "CSP NCE"),
        Channel::CspLegacy => lang.pick("CSP legacy", "CSP historique"),
        Channel::Unknown => lang.pick("Channel unknown", "Canal inconnu"),
    }
}

/// The state of a source subscription, lower case for running text: `expired`.
pub fn status_label(status: SubscriptionStatus, lang: Lang) -> &'static str {
    match status {
        SubscriptionStatus::Active => lang.pick("active", "actif"),
        SubscriptionStatus::Warning => lang.pick("in grace period", "en période de grâce"),
        SubscriptionStatus::Suspended => lang.pick("suspended", "suspendu"),
        SubscriptionStatus::Expired => lang.pick("expired", "expiré"),
        SubscriptionStatus::Disabled => lang.pick("disabled", "désactivé"),
        SubscriptionStatus::Deleted => lang.pick("deleted", "supprimé"),
        SubscriptionStatus::LockedOut => lang.pick("locked out", "verrouillé"),
        SubscriptionStatus::Pending => lang.pick("pending", "en attente"),
        SubscriptionStatus::Unknown => lang.pick("status unknown", "état inconnu"),
    }
}

/// A commitment term: `1 year` / `1 an`.
pub fn term_label(term: Term, lang: Lang) -> &'static str {
    match term {
        Term::P1M => lang.pick("1 month", "1 mois"),
        Term::P1Y => lang.pick("1 year", "1 an"),
        Term::P3Y => lang.pick("3 years", "3 ans"),
        Term::Unknown => lang.pick("term unknown", "durée inconnue"),
    }
}

/// Where a fact of a source subscription comes from, as a short tag.
pub fn fact_origin_label(origin: FactOrigin, lang: Lang) -> &'static str {
    match origin {
        FactOrigin::File => lang.pick("from the file", "d’après le fichier"),
        FactOrigin::Estimated => lang.pick("estimated", "estimation"),
        FactOrigin::User => lang.pick("yours", "votre saisie"),
        FactOrigin::Missing => lang.pick("not in the file", "absent du fichier"),
    }
}

/// How often a subscription is billed: `monthly` / `mensuelle`.
pub fn billing_frequency_label(billing: BillingFrequency, lang: Lang) -> &'static str {
    match billing {
        BillingFrequency::Monthly => lang.pick("monthly", "mensuelle"),
        BillingFrequency::Annual => lang.pick("annual", "annuelle"),
        BillingFrequency::Triennial => lang.pick("triennial", "triennale"),
        BillingFrequency::Unknown => lang.pick("billing unknown", "facturation inconnue"),
    }
}

/// The name of a GDAP role, as Microsoft Entra names it.
pub fn gdap_role_label(role: GdapRole, lang: Lang) -> &'static str {
    match role {
        GdapRole::ServiceSupportAdministrator => {
            lang.pick("Service support administrator", "Administrateur du support du service")
        }
        GdapRole::LicenseAdministrator => lang.pick("License administrator", "Administrateur de licences"),
    }
}

/// What the plan needs a GDAP role for, after the role's name.
pub fn gdap_role_purpose(role: GdapRole, lang: Lang) -> &'static str {
    match role {
        GdapRole::ServiceSupportAdministrator => lang.pick(
            "to ask Microsoft 365 billing support about credits",
            "pour interroger le support de facturation Microsoft 365 sur les crédits",
        ),
        GdapRole::LicenseAdministrator => lang.pick(
            "to reassign licenses where the offer changes",
            "pour réattribuer les licences quand l’offre change",
        ),
    }
}

impl Actor {
    /// Who acts, for a column or a badge: `Customer` / `Client`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Actor::Partner => lang.pick("Partner", "Partenaire"),
            Actor::Customer => lang.pick("Customer", "Client"),
            Actor::CurrentPartner => lang.pick("Current partner", "Partenaire actuel"),
        }
    }

    /// Who acts, inside a sentence: `the customer` / `le client`.
    pub fn phrase(self, lang: Lang) -> &'static str {
        match self {
            Actor::Partner => lang.pick("the partner", "le partenaire"),
            Actor::Customer => lang.pick("the customer", "le client"),
            Actor::CurrentPartner => {
                lang.pick("the customer's current partner", "l’actuel partenaire du client")
            }
        }
    }
}

/// Where an offer stopped being sold.
pub fn sales_area_label(area: SalesArea, lang: Lang) -> &'static str {
    match area {
        SalesArea::EeaAndSwitzerland => lang.pick("EEA and Switzerland", "EEE et Suisse"),
        SalesArea::Worldwide => lang.pick("worldwide", "monde entier"),
    }
}

/// How the customer's acceptance of the Microsoft Customer Agreement is attested,
/// which the partner's billing model decides.
pub fn mca_attestation(billing_model: BillingModel, lang: Lang) -> &'static str {
    match billing_model {
        BillingModel::DirectBill => lang.pick(
            "the partner attests the customer's acceptance in Partner Center",
            "le partenaire atteste l’acceptation du client dans l’Espace partenaires",
        ),
        BillingModel::IndirectReseller => {
            lang.pick("attested through the indirect provider", "attestation par le fournisseur indirect")
        }
    }
}

/// The base licence an add-on of this kind needs, as a sentence says it (ADDON-BASE).
pub fn base_needed_label(kind: AddOnKind, lang: Lang) -> &'static str {
    match kind {
        AddOnKind::Copilot => lang.pick(
            "a Microsoft 365 or Office 365 suite, or an Exchange, SharePoint or Teams plan",
            "une suite Microsoft 365 ou Office 365, ou un plan Exchange, SharePoint ou Teams",
        ),
        AddOnKind::CopilotBusiness => lang.pick(
            "a Microsoft 365 Business plan (Basic, Standard or Premium)",
            "un plan Microsoft 365 Business (Basic, Standard ou Premium)",
        ),
        AddOnKind::Teams => lang.pick("a licence that includes Teams", "une licence qui inclut Teams"),
        AddOnKind::Exchange => {
            lang.pick("a licence that includes Exchange Online", "une licence qui inclut Exchange Online")
        }
        AddOnKind::Security => lang.pick(
            "a licence that includes Entra ID P1 (Microsoft 365 E3, EMS E3, Business Premium)",
            "une licence qui inclut Entra ID P1 (Microsoft 365 E3, EMS E3, Business Premium)",
        ),
        AddOnKind::Defender => lang.pick(
            "the Microsoft Defender licence it extends",
            "la licence Microsoft Defender qu’il complète",
        ),
        AddOnKind::Storage => {
            lang.pick("a licence that includes SharePoint Online", "une licence qui inclut SharePoint Online")
        }
        AddOnKind::Other => {
            lang.pick("the Microsoft 365 licence it extends", "la licence Microsoft 365 qu’il complète")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn a_named_source_reads_in_the_readers_language_whatever_language_saved_it() {
        let label = |file: &str, lang| source_label(file, lang).into_owned();
        let demo = NamedSource::DemoCustomer.id();
        assert_eq!(label(&demo, Lang::En), "demo: Contoso Rénovation SAS");
        assert_eq!(label(&demo, Lang::Fr), "démo : Contoso Rénovation SAS");
        let prices = NamedSource::DemoPriceList.id();
        assert_eq!(label(&prices, Lang::Fr), "démo : liste de prix d’exemple (EUR, FR)");
        assert_eq!(label(&prices, Lang::En), "demo: sample price list (EUR, FR)");
        // A pasted table is named by its id; a draft saved by a French session holds
        // "Tableau collé 2", which is table 2 and reads in English too.
        assert_eq!(NamedSource::PastedTable(1).id(), "Pasted table 1");
        assert_eq!(label("Pasted table 1", Lang::Fr), "Tableau collé 1");
        assert_eq!(label("Tableau collé 2", Lang::En), "Pasted table 2");
        assert_eq!(label("Tableau collé 2", Lang::Fr), "Tableau collé 2");
        assert_eq!(
            NamedSource::next_pasted_table(["Pasted table 1", "Tableau collé 2", "clients.csv"]),
            NamedSource::PastedTable(3)
        );
        // A user's own file keeps its name, even one that looks numbered.
        for file in ["clients.csv", "Pasted table 01", "Pasted table", "Tableau collé x"] {
            assert_eq!(label(file, Lang::Fr), file);
        }
    }

    /// Each value has a text in both languages, the two differ unless the words
    /// are the same in French (`EA`, `Direct`), and no two values share a text.
    fn check<T: Copy + std::fmt::Debug>(
        values: &[T],
        label: fn(T, Lang) -> &'static str,
        same_words: &[&str],
    ) {
        for lang in Lang::ALL {
            let texts: HashSet<&str> = values.iter().map(|value| label(*value, lang)).collect();
            assert_eq!(texts.len(), values.len(), "two values share a label in {lang:?}");
        }
        for value in values {
            let (en, fr) = (label(*value, Lang::En), label(*value, Lang::Fr));
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{value:?}");
            assert!(en != fr || same_words.contains(&en), "{value:?} is not translated: {en}");
        }
    }

    #[test]
    fn every_path_has_a_label_a_short_label_and_an_explanation_in_both_languages() {
        check(&MigrationPath::ALL, path_label, &[]);
        check(&MigrationPath::ALL, path_short_label, &[]);
        check(&MigrationPath::ALL, path_explanation, &[]);
        assert_eq!(path_label(MigrationPath::Repurchase, Lang::En), "Buy in CSP");
        assert_eq!(path_label(MigrationPath::Repurchase, Lang::Fr), "Achat dans CSP");
    }

    #[test]
    fn every_channel_has_a_label_and_a_short_label_in_both_languages() {
        check(&Channel::ALL, channel_label, &[]);
        check(&Channel::ALL, channel_short_label, &["Direct", "EA"]);
        assert_eq!(channel_short_label(Channel::CspNce, Lang::Fr), "CSP NCE");
        assert_eq!(channel_label(Channel::CspLegacy, Lang::Fr), "Autre partenaire CSP, offre historique");
    }

    #[test]
    fn every_status_term_and_billing_frequency_has_a_label_in_both_languages() {
        check(&SubscriptionStatus::ALL, status_label, &[]);
        check(&Term::ALL, term_label, &[]);
        check(&BillingFrequency::ALL, billing_frequency_label, &[]);
    }

    #[test]
    fn every_role_actor_area_and_billing_model_has_its_texts_in_both_languages() {
        check(&GdapRole::ALL, gdap_role_label, &[]);
        check(&GdapRole::ALL, gdap_role_purpose, &[]);
        check(&Actor::ALL, Actor::label, &[]);
        check(&Actor::ALL, Actor::phrase, &[]);
        check(&SalesArea::ALL, sales_area_label, &[]);
        check(&[BillingModel::DirectBill, BillingModel::IndirectReseller], mca_attestation, &[]);
    }
}

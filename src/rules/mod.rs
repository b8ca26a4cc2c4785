//! The rule registry: every rule the planner applies, with its id, a title and an
//! explanation in English and French, its source and the date it applies from.
//! Findings and checklist steps cite these ids, so the UI, the command line and the
//! documents explain themselves from the same table.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// `NaiveDate` in a constant; an invalid date fails the build, never the program.
#[expect(clippy::panic, reason = "only evaluated in constants, where a panic is a compile error")]
const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date in the rule table"),
    }
}

/// The day this rule set was last checked against Microsoft's documentation.
pub const RULES_AS_OF: NaiveDate = date(2026, 12, 3);

/// Date of the founding document (Partner Center, "Move license-based customers", fr-FR).
const SEED_DATE: NaiveDate = date(2020, 6, 19);
const SEED_SOURCE: &str =
    "Partner Center: Move license-based customers from other channels & partners to CSP (2020-06-19)";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RuleId {
    #[serde(rename = "REL-1")]
    Rel1,
    #[serde(rename = "MULTI-1")]
    Multi1,
    #[serde(rename = "PROV-1")]
    Prov1,
    #[serde(rename = "TIME-1")]
    Time1,
    #[serde(rename = "CRED-1")]
    Cred1,
    #[serde(rename = "DAP-1")]
    Dap1,
    #[serde(rename = "CONT-1")]
    Cont1,
    #[serde(rename = "EQUIV-1")]
    Equiv1,
    #[serde(rename = "REASSIGN-1")]
    Reassign1,
    #[serde(rename = "REGION-1")]
    Region1,
    #[serde(rename = "NCE-CANCEL")]
    NceCancel,
    #[serde(rename = "NCE-SEATS")]
    NceSeats,
    #[serde(rename = "NCE-RENEW")]
    NceRenew,
    #[serde(rename = "EXPIRED-30")]
    Expired30,
    #[serde(rename = "DIRECT-CANCEL")]
    DirectCancel,
    #[serde(rename = "P2P-TRANSFER")]
    P2pTransfer,
    #[serde(rename = "EA-CHANNEL")]
    EaChannel,
    #[serde(rename = "MCA-1")]
    Mca1,
    #[serde(rename = "GDAP-1")]
    Gdap1,
    #[serde(rename = "CAP-BUSINESS")]
    CapBusiness,
    #[serde(rename = "CAP-SUBS")]
    CapSubs,
    #[serde(rename = "TEAMS-UNBUNDLE")]
    TeamsUnbundle,
    #[serde(rename = "REGIONS")]
    Regions,
    #[serde(rename = "DIRECT-ACCOUNT")]
    DirectAccount,
    #[serde(rename = "DIRECT-REACTIVATE")]
    DirectReactivate,
    #[serde(rename = "EA-GRACE")]
    EaGrace,
    #[serde(rename = "EA-RENEWAL")]
    EaRenewal,
    #[serde(rename = "GDAP-EA")]
    GdapEa,
    #[serde(rename = "LEGACY-CSP")]
    LegacyCsp,
    #[serde(rename = "SCHEDULED-CHANGES")]
    ScheduledChanges,
    #[serde(rename = "TERM-3Y")]
    Term3y,
    #[serde(rename = "P2P-LAPSE")]
    P2pLapse,
    #[serde(rename = "TEAMS-EEA")]
    TeamsEea,
    #[serde(rename = "FREE-TRIAL")]
    FreeTrial,
    #[serde(rename = "SEAT-BASED")]
    SeatBased,
    #[serde(rename = "SOURCE-CHANNEL")]
    SourceChannel,
    #[serde(rename = "PRICE-BILLING")]
    PriceBilling,
    #[serde(rename = "ADDON-BASE")]
    AddOnBase,
}

impl RuleId {
    /// The id as written in DOMAIN.md, findings and documents.
    pub fn code(self) -> &'static str {
        rule(self).code
    }

    pub fn from_code(code: &str) -> Option<RuleId> {
        RULES.iter().find(|rule| rule.code.eq_ignore_ascii_case(code.trim())).map(|rule| rule.id)
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.code())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The line (or the customer) cannot be migrated as planned until it is resolved.
    Blocker,
    Warning,
    Info,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Blocker => "blocker",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Blocker => lang.pick("Blocker", "Bloquant"),
            Severity::Warning => lang.pick("Warning", "Attention"),
            Severity::Info => lang.pick("Note", "Remarque"),
        }
    }
}

/// One rule of the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub id: RuleId,
    pub code: &'static str,
    pub title_en: &'static str,
    pub title_fr: &'static str,
    pub explanation_en: &'static str,
    pub explanation_fr: &'static str,
    pub source: &'static str,
    pub applies_from: NaiveDate,
    /// Comes from the founding document (as opposed to a newer commerce rule).
    pub from_seed: bool,
    /// How the rule changed, oldest first: each entry is what applied from its date
    /// until the next one; the first is `applies_from`, the last is in force today
    /// (`explanation_*` says it in full). Empty when the rule never changed.
    pub history: &'static [RuleChange],
    /// Seen only in secondary sources: the plan shows it as unverified, never as certain.
    pub unverified: bool,
}

/// One dated state of a rule: what it said from `from` until the next change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleChange {
    pub from: NaiveDate,
    pub text_en: &'static str,
    pub text_fr: &'static str,
}

impl RuleChange {
    pub fn text(&self, lang: Lang) -> &'static str {
        lang.pick(self.text_en, self.text_fr)
    }
}

impl Rule {
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.title_en, self.title_fr)
    }

    pub fn explanation(&self, lang: Lang) -> &'static str {
        lang.pick(self.explanation_en, self.explanation_fr)
    }

    /// The day the rule's current state applies from (its last change, else `applies_from`).
    pub fn current_since(&self) -> NaiveDate {
        self.history.last().map_or(self.applies_from, |change| change.from)
    }

    /// "unverified" when the rule rests on secondary sources only.
    pub fn unverified_tag(&self, lang: Lang) -> Option<&'static str> {
        self.unverified.then(|| lang.pick("unverified", "non vérifié"))
    }
}

/// The registry, in the order of DOMAIN.md.
pub const RULES: &[Rule] = &[
    Rule {
        id: RuleId::Rel1,
        code: "REL-1",
        title_en: "Reseller relationship first",
        title_fr: "D’abord la relation de revendeur",
        explanation_en: "Send the customer a reseller relationship request (Partner Center: Customers > Request a reseller relationship). Nothing can be provisioned until the customer accepts it. Customers working with several partners need the same request.",
        explanation_fr: "Envoyez au client une demande de relation de revendeur (Espace partenaires : Clients > Demander une relation de revendeur). Rien ne peut être approvisionné tant que le client ne l’a pas acceptée. Un client qui travaille avec plusieurs partenaires a besoin de la même demande.",
        source: SEED_SOURCE,
        applies_from: SEED_DATE,
        from_seed: true,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Multi1,
        code: "MULTI-1",
        title_en: "Several partners, part of a tenant",
        title_fr: "Plusieurs partenaires, une partie du locataire",
        explanation_en: "A customer may work with several partners, move some subscriptions to another partner and keep others bought elsewhere. A plan may cover only part of a tenant.",
        explanation_fr: "Un client peut travailler avec plusieurs partenaires, transférer certains abonnements à un autre partenaire et en conserver d’autres achetés ailleurs. Un plan peut ne couvrir qu’une partie du locataire.",
        source: SEED_SOURCE,
        applies_from: SEED_DATE,
        from_seed: true,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Prov1,
        code: "PROV-1",
        title_en: "Provision the same subscriptions and seats",
        title_fr: "Approvisionner les mêmes abonnements et licences",
        explanation_en: "Once the relationship is accepted, provision the same subscriptions with the same seat counts in CSP (for example the same Office 365 offer the customer had).",
        explanation_fr: "Une fois la relation acceptée, approvisionnez dans CSP les mêmes abonnements avec le même nombre de licences (par exemple la même offre Office 365 que celle du client).",
        source: SEED_SOURCE,
        applies_from: SEED_DATE,
        from_seed: true,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Time1,
        code: "TIME-1",
        title_en: "Wait for the natural end of the term",
        title_fr: "Attendre la fin naturelle de l’engagement",
        explanation_en: "The customer lets the original subscriptions expire or cancels them. Cancelled subscriptions are not refunded, so the move is best timed close to their natural expiry dates.",
        explanation_fr: "Le client laisse expirer les abonnements d’origine ou les annule. Les abonnements annulés ne sont pas remboursés : mieux vaut caler la migration près de leur date d’expiration naturelle.",
        source: SEED_SOURCE,
        applies_from: SEED_DATE,
        from_seed: true,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Cred1,
        code: "CRED-1",
        title_en: "Possible credit for direct purchases",
        title_fr: "Crédit possible pour les achats directs",
        explanation_en: "Subscriptions bought directly in the Microsoft 365 admin center (monthly or annual direct billing) may be eligible for a credit. Microsoft 365 billing support handles it, not the partner. Whether there is a credit depends on the billing account (DIRECT-ACCOUNT): MOSA gives a prorated credit whenever it is cancelled, MCA only within 7 days of start or renewal.",
        explanation_fr: "Les abonnements achetés directement dans le centre d’administration Microsoft 365 (facturation directe mensuelle ou annuelle) peuvent donner droit à un crédit. C’est le support de facturation Microsoft 365 qui le traite, pas le partenaire. Le crédit dépend du compte de facturation (DIRECT-ACCOUNT) : MOSA donne un crédit au prorata quelle que soit la date d’annulation, MCA seulement dans les 7 jours suivant le début ou le renouvellement.",
        source: SEED_SOURCE,
        applies_from: SEED_DATE,
        from_seed: true,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Dap1,
        code: "DAP-1",
        title_en: "Who may contact support about the credit",
        title_fr: "Qui peut contacter le support au sujet du crédit",
        explanation_en: "With delegated administration the partner may contact Microsoft 365 support on the customer's behalf; otherwise the customer contacts support directly. Today delegated administration means GDAP (see GDAP-1).",
        explanation_fr: "Avec l’administration déléguée, le partenaire peut contacter le support Microsoft 365 pour le compte du client ; sinon, c’est le client qui contacte le support directement. Aujourd’hui, l’administration déléguée passe par GDAP (voir GDAP-1).",
        source: SEED_SOURCE,
        applies_from: SEED_DATE,
        from_seed: true,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Cont1,
        code: "CONT-1",
        title_en: "Same offer, no interruption",
        title_fr: "Même offre, aucune interruption",
        explanation_en: "With the same offer no license reassignment is needed and users see no interruption, as long as the total license count stays the same.",
        explanation_fr: "Avec la même offre, aucune réattribution de licence n’est nécessaire et les utilisateurs ne subissent aucune interruption, tant que le nombre total de licences reste le même.",
        source: SEED_SOURCE,
        applies_from: SEED_DATE,
        from_seed: true,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Equiv1,
        code: "EQUIV-1",
        title_en: "Identical or equivalent offer to avoid data loss",
        title_fr: "Offre identique ou équivalente pour éviter toute perte de données",
        explanation_en: "Offers must be identical to avoid data loss. When the customer's offer is no longer available, choose an equivalent offer; the service plans it lacks are a data-loss risk.",
        explanation_fr: "Les offres doivent être identiques pour éviter toute perte de données. Si l’offre du client n’est plus disponible, choisissez une offre équivalente ; les plans de service qui lui manquent sont un risque de perte de données.",
        source: SEED_SOURCE,
        applies_from: SEED_DATE,
        from_seed: true,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Reassign1,
        code: "REASSIGN-1",
        title_en: "Another offer means reassigning licenses",
        title_fr: "Une autre offre impose de réattribuer les licences",
        explanation_en: "Moving users to another offer requires updating their license assignments.",
        explanation_fr: "Passer les utilisateurs sur une autre offre impose de mettre à jour leurs attributions de licences.",
        source: SEED_SOURCE,
        applies_from: SEED_DATE,
        from_seed: true,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Region1,
        code: "REGION-1",
        title_en: "Same region as the customer tenant",
        title_fr: "Même région que le locataire du client",
        explanation_en: "The CSP partner must be in the same region as the customer's tenant to move that customer.",
        explanation_fr: "Le partenaire CSP doit se trouver dans la même région que le locataire du client pour migrer ce client.",
        source: SEED_SOURCE,
        applies_from: SEED_DATE,
        from_seed: true,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::NceCancel,
        code: "NCE-CANCEL",
        title_en: "7-day cancellation window",
        title_fr: "Fenêtre d’annulation de 7 jours",
        explanation_en: "New-commerce license subscriptions can be cancelled with a prorated refund only within 7 calendar days of purchase or renewal (since 2022-03-18, for purchases from 2022-03-12; 72 hours before). A new CSP purchase therefore has its own 7-day safety window; a subscription made by a partial upgrade inherits its parent's window.",
        explanation_fr: "Les abonnements de licences new commerce ne peuvent être annulés avec un remboursement au prorata que dans les 7 jours calendaires suivant l’achat ou le renouvellement (depuis le 2022-03-18, pour les achats à partir du 2022-03-12 ; 72 heures auparavant). Un nouvel achat CSP dispose donc de sa propre fenêtre de sécurité de 7 jours ; un abonnement issu d’une mise à niveau partielle hérite de la fenêtre de son parent.",
        source: "Partner Center: new-commerce-cancellation-policy",
        applies_from: date(2022, 1, 10),
        from_seed: false,
        history: &[
            RuleChange {
                from: date(2022, 1, 10),
                text_en: "Cancellation with a prorated refund within 72 hours of purchase or renewal.",
                text_fr: "Annulation avec remboursement au prorata dans les 72 heures suivant l’achat ou le renouvellement.",
            },
            RuleChange {
                from: date(2022, 3, 18),
                text_en: "Cancellation with a prorated refund within 7 calendar days of purchase or renewal (purchases from 2022-03-12).",
                text_fr: "Annulation avec remboursement au prorata dans les 7 jours calendaires suivant l’achat ou le renouvellement (achats à partir du 2022-03-12).",
            },
        ],
        unverified: false,
    },
    Rule {
        id: RuleId::NceSeats,
        code: "NCE-SEATS",
        title_en: "Right-size seats at purchase",
        title_fr: "Ajuster le nombre de licences dès l’achat",
        explanation_en: "Seats can be added at any time but reduced only within 7 days of adding them, otherwise only at renewal. Buy the right number of seats.",
        explanation_fr: "On peut ajouter des licences à tout moment, mais on ne peut en retirer que dans les 7 jours suivant leur ajout, sinon seulement au renouvellement. Achetez le bon nombre de licences.",
        source: "Partner Center: new-commerce-cancellation-policy",
        applies_from: date(2022, 1, 10),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::NceRenew,
        code: "NCE-RENEW",
        title_en: "Auto-renew is on by default",
        title_fr: "Le renouvellement automatique est activé par défaut",
        explanation_en: "Auto-renew is on by default. Renewal runs the day after the term end date (the end date is inclusive): a source subscription whose auto-renew is not turned off renews for a whole new term.",
        explanation_fr: "Le renouvellement automatique est activé par défaut. Il a lieu le lendemain de la date de fin (incluse) : un abonnement d’origine dont le renouvellement automatique n’est pas désactivé repart pour un engagement complet.",
        source: "Partner Center: subscription-lifecycle",
        applies_from: date(2022, 1, 10),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Expired30,
        code: "EXPIRED-30",
        title_en: "30 days after expiry before data is at risk (CSP and direct)",
        title_fr: "30 jours après l’expiration avant que les données soient en danger (CSP et direct)",
        explanation_en: "A term that ends without renewal leaves the subscription Expired for 30 days: users keep access, nothing is billed, it cannot be reactivated. The new subscription must be provisioned within those 30 days to avoid data loss. It then becomes Disabled (admin-only access, 90 days), then Deleted. This is the CSP and direct lifecycle; Enterprise Agreements have a longer grace (EA-GRACE).",
        explanation_fr: "Un engagement qui se termine sans renouvellement laisse l’abonnement expiré pendant 30 jours : les utilisateurs gardent l’accès, rien n’est facturé, il ne peut pas être réactivé. Le nouvel abonnement doit être approvisionné pendant ces 30 jours pour éviter toute perte de données. Ensuite l’abonnement est désactivé (accès administrateur seul, 90 jours), puis supprimé. C’est le cycle de vie CSP et direct ; les contrats Entreprise ont un délai de grâce plus long (EA-GRACE).",
        source: "Partner Center: subscription-lifecycle",
        applies_from: date(2022, 1, 10),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::DirectCancel,
        code: "DIRECT-CANCEL",
        title_en: "Ending a direct subscription",
        title_fr: "Mettre fin à un abonnement direct",
        explanation_en: "For subscriptions bought in the admin center, turning off recurring billing lets the subscription run to its term end. After cancellation it is Disabled for 90 days and its data is deleted within 180 days. MOSA accounts with 25 licenses or fewer can cancel online; above that, reduce to 25 or call support. On an MCA billing account a cancellation is refunded only within 7 days of start or renewal; after that only recurring billing can be turned off, and an annual term billed monthly is charged to its end.",
        explanation_fr: "Pour un abonnement acheté dans le centre d’administration, désactiver la facturation récurrente le laisse courir jusqu’à la fin de son engagement. Après annulation, il reste désactivé 90 jours et ses données sont supprimées sous 180 jours. Les comptes MOSA de 25 licences ou moins peuvent annuler en ligne ; au-delà, il faut descendre à 25 ou appeler le support. Sur un compte de facturation MCA, une annulation n’est remboursée que dans les 7 jours suivant le début ou le renouvellement ; ensuite on ne peut que désactiver la facturation récurrente, et un engagement annuel facturé mensuellement est dû jusqu’à son terme.",
        source: "Microsoft 365: cancel-your-subscription (2024-09-10)",
        applies_from: date(2022, 1, 10),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::P2pTransfer,
        code: "P2P-TRANSFER",
        title_en: "Partner-to-partner transfer",
        title_fr: "Transfert de partenaire à partenaire",
        explanation_en: "New-commerce subscriptions bought from another CSP partner can be moved by a partner-to-partner transfer: the customer accepts the new partner's reseller relationship, the new partner initiates, both partners approve. Whole subscriptions only, at most 25 line items per transfer, same region; term, end date and quantity are kept. Not available for direct or EA sources. Billing splits on the transfer day (the old partner bills to that day, the new one from the next); only the target partner can cancel a pending transfer.",
        explanation_fr: "Les abonnements new commerce achetés auprès d’un autre partenaire CSP peuvent être déplacés par un transfert de partenaire à partenaire : le client accepte la relation de revendeur du nouveau partenaire, le nouveau partenaire lance le transfert, les deux partenaires l’approuvent. Abonnements entiers uniquement, 25 lignes au plus par transfert, même région ; l’engagement, la date de fin et la quantité sont conservés. Impossible pour les achats directs ou EA. La facturation se partage le jour du transfert (l’ancien partenaire facture jusqu’à ce jour, le nouveau à partir du lendemain) ; seul le partenaire cible peut annuler un transfert en attente.",
        source: "Partner Center: transfer-subscriptions",
        applies_from: date(2022, 1, 10),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::EaChannel,
        code: "EA-CHANNEL",
        title_en: "EA channel transfer (renew to CSP)",
        title_fr: "Transfert de canal EA (renouvellement vers CSP)",
        explanation_en: "Enterprise Agreement customers can use a channel transfer \"renew to CSP\": the CSP partner sees the EA services and schedules CSP subscriptions to start when the EA term ends. This also covers suites the CSP catalog no longer sells, such as suites with Teams.",
        explanation_fr: "Les clients sous contrat Entreprise (EA) peuvent utiliser un transfert de canal « renouvellement vers CSP » : le partenaire CSP voit les services EA et planifie des abonnements CSP qui démarrent à la fin de l’engagement EA. Cela couvre aussi les suites que le catalogue CSP ne vend plus, comme les suites avec Teams.",
        source: "Partner Center: transition-seat-based-services",
        applies_from: date(2024, 1, 1),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Mca1,
        code: "MCA-1",
        title_en: "Microsoft Customer Agreement before any order",
        title_fr: "Contrat client Microsoft avant toute commande",
        explanation_en: "The customer must accept the Microsoft Customer Agreement before any order: attested by a direct-bill partner, or accepted by the customer in the admin center. Indirect resellers attest through their provider.",
        explanation_fr: "Le client doit accepter le Contrat client Microsoft (MCA) avant toute commande : attestation par un partenaire en facturation directe, ou acceptation par le client dans le centre d’administration. Les revendeurs indirects passent par leur fournisseur indirect.",
        source: "Partner Center: confirm-customer-agreement",
        applies_from: date(2020, 2, 1),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Gdap1,
        code: "GDAP-1",
        title_en: "Granular delegated admin privileges (GDAP)",
        title_fr: "Privilèges d’administration délégués granulaires (GDAP)",
        explanation_en: "GDAP replaced DAP. A relationship lasts at most 730 days, a request expires after 90 days, auto-extend adds 180 days and is not allowed with Global Administrator. Least-privileged roles: Service support administrator to open Microsoft 365 support tickets, License administrator to assign licenses. GDAP is not needed to place orders.",
        explanation_fr: "GDAP a remplacé DAP. Une relation dure au plus 730 jours, une demande expire au bout de 90 jours, la prolongation automatique ajoute 180 jours et n’est pas permise avec le rôle Administrateur général. Rôles au moindre privilège : Administrateur du support du service pour ouvrir des tickets de support Microsoft 365, Administrateur de licences pour attribuer les licences. GDAP n’est pas nécessaire pour passer commande.",
        source: "Partner Center: gdap-introduction, gdap-least-privileged-roles-by-task",
        applies_from: date(2023, 5, 22),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::CapBusiness,
        code: "CAP-BUSINESS",
        title_en: "300-seat cap of the Business plans",
        title_fr: "Plafond de 300 licences des offres Business",
        explanation_en: "Microsoft 365 Business Basic, Standard and Premium and Apps for business are capped at 300 seats per tenant, pooled across every partner and channel.",
        explanation_fr: "Microsoft 365 Business Basic, Standard, Premium et Apps for business sont plafonnés à 300 licences par locataire, tous partenaires et canaux confondus.",
        source: "Partner Center: pricing-and-offers",
        applies_from: date(2022, 1, 10),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::CapSubs,
        code: "CAP-SUBS",
        title_en: "300 subscriptions per tenant",
        title_fr: "300 abonnements par locataire",
        explanation_en: "A tenant holds at most 300 license-based subscriptions. The test is active plus planned subscriptions: when buying the new ones before the originals end would take the tenant above 300, let the originals expire (users keep access for 30 days) and buy within that window. 150 is only the case where every subscription is duplicated.",
        explanation_fr: "Un locataire compte au plus 300 abonnements de licences. Le critère est la somme des abonnements actifs et prévus : si acheter les nouveaux avant la fin des originaux fait dépasser 300 au locataire, laissez expirer les originaux (les utilisateurs gardent l’accès 30 jours) et achetez pendant cette période. 150 n’est que le cas où chaque abonnement est doublé.",
        source: "Entra service limits; Partner Center: transition-seat-based-services",
        applies_from: date(2022, 1, 10),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::TeamsUnbundle,
        code: "TEAMS-UNBUNDLE",
        title_en: "Suites with Teams are no longer sold",
        title_fr: "Les suites avec Teams ne sont plus vendues",
        explanation_en: "Enterprise suites that include Teams stopped being sold to new customers in the EEA and Switzerland on 2023-10-01 and worldwide on 2024-04-01. The equivalent is the \"(no Teams)\" suite plus a Teams Enterprise license. SMB and Frontline suites with Teams are still sold; EA channel transfers may keep suites with Teams, and existing holders may renew and add seats.",
        explanation_fr: "Les suites Entreprise incluant Teams ne sont plus vendues aux nouveaux clients depuis le 2023-10-01 dans l’EEE et en Suisse, et depuis le 2024-04-01 dans le monde entier. L’équivalent est la suite « (no Teams) » plus une licence Teams Enterprise. Les suites PME et Frontline avec Teams sont toujours vendues ; les transferts de canal EA peuvent conserver les suites avec Teams, et les détenteurs actuels peuvent renouveler et ajouter des licences.",
        source: "Microsoft: Teams unbundling announcements (2023-08-31, 2024-04-01)",
        applies_from: date(2023, 10, 1),
        from_seed: false,
        history: &[
            RuleChange {
                from: date(2023, 10, 1),
                text_en: "Suites with Teams no longer sold to new customers in the EEA and Switzerland.",
                text_fr: "Suites avec Teams plus vendues aux nouveaux clients dans l’EEE et en Suisse.",
            },
            RuleChange {
                from: date(2024, 4, 1),
                text_en: "Suites with Teams no longer sold to new customers worldwide.",
                text_fr: "Suites avec Teams plus vendues aux nouveaux clients dans le monde entier.",
            },
        ],
        unverified: false,
    },
    Rule {
        id: RuleId::Regions,
        code: "REGIONS",
        title_en: "CSP markets decide the region",
        title_fr: "Les marchés CSP déterminent la région",
        explanation_en: "The partner's CSP market is set by its location; the customer's country is the tenant country. The same-region rule compares CSP markets (France and Germany are both in the Europe market).",
        explanation_fr: "Le marché CSP du partenaire dépend de sa localisation ; le pays du client est celui du locataire. La règle de même région compare les marchés CSP (la France et l’Allemagne sont toutes deux dans le marché Europe).",
        source: "Partner Center: regional-authorization-overview (2023-08-17)",
        applies_from: date(2023, 8, 17),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::DirectAccount,
        code: "DIRECT-ACCOUNT",
        title_en: "Direct billing accounts differ: MCA or MOSA",
        title_fr: "Les comptes de facturation directs diffèrent : MCA ou MOSA",
        explanation_en: "A subscription bought in the admin center sits on an MCA or a MOSA billing account. MCA: a prorated credit or refund only when cancelled within 7 days of start or renewal; after that only recurring billing can be turned off, and an annual term billed monthly is charged to its end. MOSA: a prorated credit whenever it is cancelled; up to 25 licences online, above that reduce to 25 or call support. When the account type is unknown, ask the customer.",
        explanation_fr: "Un abonnement acheté dans le centre d’administration dépend d’un compte de facturation MCA ou MOSA. MCA : crédit ou remboursement au prorata seulement en cas d’annulation dans les 7 jours suivant le début ou le renouvellement ; ensuite on ne peut que désactiver la facturation récurrente, et un engagement annuel facturé mensuellement est dû jusqu’à son terme. MOSA : crédit au prorata quelle que soit la date d’annulation ; 25 licences au plus en ligne, au-delà descendre à 25 ou appeler le support. Si le type de compte est inconnu, demandez-le au client.",
        source: "Microsoft 365: cancel-your-subscription (2024-09-10)",
        applies_from: date(2024, 9, 10),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::DirectReactivate,
        code: "DIRECT-REACTIVATE",
        title_en: "Direct subscriptions can be reactivated",
        title_fr: "Les abonnements directs peuvent être réactivés",
        explanation_en: "An admin can reactivate a direct subscription while it is Expired (30 days, users keep access) or Disabled (90 days, admin-only access), so its data stays recoverable until it is Deleted. A monthly subscription cancelled inside its window skips Expired: users lose access at once.",
        explanation_fr: "Un administrateur peut réactiver un abonnement direct tant qu’il est expiré (30 jours, les utilisateurs gardent l’accès) ou désactivé (90 jours, accès administrateur seul) : ses données restent récupérables jusqu’à sa suppression. Un abonnement mensuel annulé pendant sa fenêtre saute l’état expiré : les utilisateurs perdent l’accès aussitôt.",
        source: "Microsoft 365: what-if-my-subscription-expires (2025-02-06)",
        applies_from: date(2025, 2, 6),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::EaGrace,
        code: "EA-GRACE",
        title_en: "EA / volume licensing: 90 usable days, then 60 inactive",
        title_fr: "EA / licences en volume : 90 jours utilisables, puis 60 inactifs",
        explanation_en: "Online services bought through an Enterprise Agreement or volume licensing stay usable for 90 days after the end date, then 60 days inactive before the data is deleted (some Copilot volume licences: 30 days). With a seat reduction there is no expired state. EXPIRED-30 is the CSP and direct rule, not this one.",
        explanation_fr: "Les services en ligne achetés par contrat Entreprise ou licences en volume restent utilisables 90 jours après la date de fin, puis 60 jours inactifs avant la suppression des données (certaines licences Copilot en volume : 30 jours). En cas de réduction de licences, il n’y a pas d’état expiré. EXPIRED-30 est la règle CSP et directe, pas celle-ci.",
        source: "Microsoft 365: what-if-my-subscription-expires (2025-02-06)",
        applies_from: date(2025, 2, 6),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::EaRenewal,
        code: "EA-RENEWAL",
        title_en: "Some EA renewals are refused",
        title_fr: "Certains renouvellements EA sont refusés",
        explanation_en: "From 2025-01-01 Microsoft refuses the renewal of a share of direct-market cloud Enterprise Agreements and notifies those customers: enterprises go to MCA-E, small and mid-size customers to CSP or MCA-E. An EA whose renewal is refused has no channel transfer to rely on at renewal: plan a CSP purchase timed to the EA end.",
        explanation_fr: "Depuis le 2025-01-01, Microsoft refuse le renouvellement d’une partie des contrats Entreprise cloud du marché direct et prévient les clients concernés : les grandes entreprises passent au MCA-E, les PME à CSP ou au MCA-E. Un EA dont le renouvellement est refusé n’offre pas de transfert de canal au renouvellement : prévoyez un achat CSP calé sur la fin de l’EA.",
        source: "Microsoft blog on EA renewals (2024-11-12)",
        applies_from: date(2025, 1, 1),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::GdapEa,
        code: "GDAP-EA",
        title_en: "GDAP does not cover EA subscriptions",
        title_fr: "GDAP ne couvre pas les abonnements EA",
        explanation_en: "GDAP gives the partner no access to subscriptions bought through an Enterprise Agreement: the customer (or its EA administrator) acts on them. Since 2023-10-09 a reseller relationship grants no admin rights at all; admin access is GDAP only.",
        explanation_fr: "GDAP ne donne au partenaire aucun accès aux abonnements achetés par contrat Entreprise : c’est le client (ou son administrateur EA) qui agit sur eux. Depuis le 2023-10-09, une relation de revendeur ne donne plus aucun droit d’administration ; l’accès administrateur passe uniquement par GDAP.",
        source: "Partner Center: dap-faq",
        applies_from: date(2023, 10, 9),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::LegacyCsp,
        code: "LEGACY-CSP",
        title_en: "Legacy CSP offers are gone",
        title_fr: "Les offres CSP héritées n’existent plus",
        explanation_en: "New seat-based orders are new commerce only since 2022-03-10, every licence purchase since 2024-09-01, and the remaining legacy subscriptions were migrated at renewal from 2024-01-11. A \"legacy CSP\" source in a current export is almost always a mislabel or an old file: the line is planned as new commerce, and the file should be checked.",
        explanation_fr: "Les nouvelles commandes de licences sont uniquement new commerce depuis le 2022-03-10, tout achat de licence depuis le 2024-09-01, et les abonnements hérités restants ont été migrés à leur renouvellement à partir du 2024-01-11. Une source « CSP hérité » dans un export actuel est presque toujours une erreur d’étiquette ou un vieux fichier : la ligne est planifiée en new commerce, et le fichier est à vérifier.",
        source: "Partner Center: new-commerce-license-based",
        applies_from: date(2022, 3, 10),
        from_seed: false,
        history: &[
            RuleChange {
                from: date(2022, 3, 10),
                text_en: "New seat-based orders are new commerce only.",
                text_fr: "Les nouvelles commandes de licences sont uniquement new commerce.",
            },
            RuleChange {
                from: date(2024, 1, 11),
                text_en: "Remaining legacy subscriptions are migrated to new commerce at renewal.",
                text_fr: "Les abonnements hérités restants sont migrés en new commerce à leur renouvellement.",
            },
            RuleChange {
                from: date(2024, 9, 1),
                text_en: "Every licence purchase is new commerce.",
                text_fr: "Tout achat de licence est new commerce.",
            },
        ],
        unverified: false,
    },
    Rule {
        id: RuleId::ScheduledChanges,
        code: "SCHEDULED-CHANGES",
        title_en: "Scheduled changes and renewal time",
        title_fr: "Modifications planifiées et heure du renouvellement",
        explanation_en: "Renewal runs from 00:00 UTC the day after the term end. Changes scheduled for the renewal need auto-renew on, and any immediate mid-term change (seats, billing, upgrade) deletes every scheduled change of the subscription.",
        explanation_fr: "Le renouvellement a lieu à partir de 00:00 UTC le lendemain de la fin d’engagement. Les modifications planifiées pour le renouvellement exigent le renouvellement automatique activé, et toute modification immédiate en cours d’engagement (licences, facturation, mise à niveau) supprime toutes les modifications planifiées de l’abonnement.",
        source: "Partner Center: create-scheduled-changes",
        applies_from: date(2022, 1, 10),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::Term3y,
        code: "TERM-3Y",
        title_en: "Three-year CSP terms",
        title_fr: "Engagements CSP de trois ans",
        explanation_en: "CSP sells three-year terms for Microsoft 365 E3 / E5 and Teams Enterprise from 2025-06-01, and for E5 Security / Compliance from 2025-07-01. Unverified details: a minimum of 100 seats and no monthly billing.",
        explanation_fr: "CSP vend des engagements de trois ans pour Microsoft 365 E3 / E5 et Teams Enterprise depuis le 2025-06-01, et pour E5 Security / Compliance depuis le 2025-07-01. Détails non vérifiés : 100 licences au minimum et pas de facturation mensuelle.",
        source: "Partner Center: new-commerce-license-based (details from secondary sources)",
        applies_from: date(2025, 6, 1),
        from_seed: false,
        history: &[
            RuleChange {
                from: date(2025, 6, 1),
                text_en: "Three-year terms for Microsoft 365 E3 / E5 and Teams Enterprise.",
                text_fr: "Engagements de trois ans pour Microsoft 365 E3 / E5 et Teams Enterprise.",
            },
            RuleChange {
                from: date(2025, 7, 1),
                text_en: "Also for E5 Security and E5 Compliance.",
                text_fr: "Aussi pour E5 Security et E5 Compliance.",
            },
        ],
        unverified: true,
    },
    Rule {
        id: RuleId::P2pLapse,
        code: "P2P-LAPSE",
        title_en: "An unapproved transfer lapses: plan a fallback",
        title_fr: "Un transfert non approuvé expire : prévoir une solution de repli",
        explanation_en: "A partner-to-partner transfer request that the source partner ignores lapses, after about 30 days (unverified). A plan that relies on a transfer therefore names its fallback: buy in CSP and let the original expire, and the day to fall back on if the source partner has not approved.",
        explanation_fr: "Une demande de transfert de partenaire à partenaire que le partenaire source ignore expire, au bout d’environ 30 jours (non vérifié). Un plan qui compte sur un transfert prévoit donc sa solution de repli : acheter dans CSP et laisser expirer l’original, et le jour où se replier si le partenaire source n’a pas approuvé.",
        source: "Partner Center: transfer-subscriptions (lapse delay from secondary sources)",
        applies_from: date(2022, 1, 10),
        from_seed: false,
        history: &[],
        unverified: true,
    },
    Rule {
        id: RuleId::TeamsEea,
        code: "TEAMS-EEA",
        title_en: "Teams licences in the EEA",
        title_fr: "Licences Teams dans l’EEE",
        explanation_en: "In the EEA and Switzerland, \"Microsoft Teams EEA\" is the Teams licence for the \"(no Teams)\" suites. EEA-only SKUs (\"... EEA (no Teams)\") are never a target outside the EEA and Switzerland. Existing holders of suites with Teams may renew and add seats; no source says suites with Teams are sold again to new customers. The European Commission's commitments bind from 2025-09-12 in the EEA.",
        explanation_fr: "Dans l’EEE et en Suisse, « Microsoft Teams EEA » est la licence Teams des suites « (no Teams) ». Les SKU réservés à l’EEE (« ... EEA (no Teams) ») ne sont jamais une cible hors de l’EEE et de la Suisse. Les détenteurs actuels de suites avec Teams peuvent renouveler et ajouter des licences ; aucune source ne dit que les suites avec Teams sont de nouveau vendues aux nouveaux clients. Les engagements de la Commission européenne s’appliquent depuis le 2025-09-12 dans l’EEE.",
        source: "Microsoft Teams: eea-teams-licensing",
        applies_from: date(2025, 9, 12),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::FreeTrial,
        code: "FREE-TRIAL",
        title_en: "Free, viral and trial SKUs are not migrated",
        title_fr: "Les SKU gratuits, viraux et d’essai ne sont pas migrés",
        explanation_en: "Free and viral SKUs (Microsoft Teams (Free), Power Automate Free, ...) and trials are not bought, so they are not moved: a trial the customer keeps is bought in CSP as a new product.",
        explanation_fr: "Les SKU gratuits et viraux (Microsoft Teams (Free), Power Automate Free, ...) et les essais ne sont pas achetés, donc pas migrés : un essai que le client conserve est acheté dans CSP comme un nouveau produit.",
        source: "CIPP ExcludeSkuList; Partner Center: transition-seat-based-services",
        applies_from: SEED_DATE,
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::SeatBased,
        code: "SEAT-BASED",
        title_en: "Only seat-based subscriptions move this way",
        title_fr: "Seuls les abonnements par licence migrent ainsi",
        explanation_en: "The move covers license-based (seat) subscriptions. Usage-based and capacity products have no seats to provision and are moved on their own terms. Seats in the Warning or Suspended state are seats: they belong to a subscription past its term end whose users are about to lose, or have lost, access.",
        explanation_fr: "La migration couvre les abonnements par licence (par utilisateur). Les produits à l’usage ou de capacité n’ont pas de licences à approvisionner et migrent selon leurs propres règles. Les licences en état Avertissement ou Suspendu sont des licences : elles appartiennent à un abonnement après sa fin d’engagement dont les utilisateurs vont perdre, ou ont perdu, l’accès.",
        source: SEED_SOURCE,
        applies_from: SEED_DATE,
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::SourceChannel,
        code: "SOURCE-CHANNEL",
        title_en: "The source channel decides the path",
        title_fr: "Le canal d’origine décide du parcours",
        explanation_en: "Where a subscription was bought (direct, EA, another CSP partner) decides how it moves: buy and let expire, EA channel transfer, or partner-to-partner transfer. When the export does not say, the planner asks rather than guess.",
        explanation_fr: "L’endroit où l’abonnement a été acheté (direct, EA, autre partenaire CSP) décide de la façon de le migrer : achat puis expiration, transfert de canal EA ou transfert de partenaire à partenaire. Quand l’export ne le dit pas, le planificateur pose la question plutôt que de deviner.",
        source: "Partner Center: transition-seat-based-services",
        applies_from: SEED_DATE,
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::PriceBilling,
        code: "PRICE-BILLING",
        title_en: "Prices depend on the billing choice",
        title_fr: "Le prix dépend du mode de facturation",
        explanation_en: "From 2025-04-01, annual and three-year terms billed monthly cost 5% more than the same terms paid upfront (CSP, web direct, MCA-E), and monthly terms cost 20% more than annual terms. Mid-term billing-frequency changes on three-year terms are blocked from that day.",
        explanation_fr: "Depuis le 2025-04-01, les engagements annuels et triennaux facturés mensuellement coûtent 5 % de plus que les mêmes engagements payés d’avance (CSP, achat direct en ligne, MCA-E), et les engagements mensuels coûtent 20 % de plus que les engagements annuels. Les changements de fréquence de facturation en cours d’engagement triennal sont bloqués depuis cette date.",
        source: "Partner Center: billing-frequency-changes, pricing-and-offers (announced 2024-11)",
        applies_from: date(2025, 4, 1),
        from_seed: false,
        history: &[],
        unverified: false,
    },
    Rule {
        id: RuleId::AddOnBase,
        code: "ADDON-BASE",
        title_en: "Add-ons need their base",
        title_fr: "Les modules complémentaires ont besoin de leur licence de base",
        explanation_en: "Copilot, Teams Phone, Audio Conferencing, Teams Premium, the Defender and Purview add-ons and extra storage license users who hold an eligible base licence (Copilot Business needs a Business plan). The base is bought first and moves with its add-ons: a partner-to-partner transfer carries both, and an add-on is never bought before its base. An add-on whose base is not in the plan cannot be bought.",
        explanation_fr: "Copilot, Teams Phone, l’audioconférence, Teams Premium, les modules Defender et Purview et le stockage supplémentaire s’attribuent à des utilisateurs qui ont une licence de base éligible (Copilot Business exige un plan Business). La licence de base est achetée d’abord et migre avec ses modules : un transfert de partenaire à partenaire emporte les deux, et un module n’est jamais acheté avant sa base. Un module dont la base n’est pas dans le plan ne peut pas être acheté.",
        source: "Partner Center: transfer-subscriptions; NCE bulk migration tool (AddOn, BaseSubscriptionId); Microsoft 365 Copilot and Teams Phone licensing prerequisites",
        applies_from: date(2022, 1, 10),
        from_seed: false,
        history: &[],
        unverified: false,
    },
];

/// The registry entry of a rule.
pub fn rule(id: RuleId) -> &'static Rule {
    // The table lists every variant in declaration order (checked by a test), so the
    // index is in range; the fallback keeps this total anyway.
    RULES.get(id as usize).filter(|rule| rule.id == id).unwrap_or(&RULES[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_lists_every_rule_once_in_order_with_both_languages() {
        let codes: Vec<&str> = RULES.iter().map(|rule| rule.code).collect();
        assert_eq!(
            codes,
            [
                "REL-1",
                "MULTI-1",
                "PROV-1",
                "TIME-1",
                "CRED-1",
                "DAP-1",
                "CONT-1",
                "EQUIV-1",
                "REASSIGN-1",
                "REGION-1",
                "NCE-CANCEL",
                "NCE-SEATS",
                "NCE-RENEW",
                "EXPIRED-30",
                "DIRECT-CANCEL",
                "P2P-TRANSFER",
                "EA-CHANNEL",
                "MCA-1",
                "GDAP-1",
                "CAP-BUSINESS",
                "CAP-SUBS",
                "TEAMS-UNBUNDLE",
                "REGIONS",
                "DIRECT-ACCOUNT",
                "DIRECT-REACTIVATE",
                "EA-GRACE",
                "EA-RENEWAL",
                "GDAP-EA",
                "LEGACY-CSP",
                "SCHEDULED-CHANGES",
                "TERM-3Y",
                "P2P-LAPSE",
                "TEAMS-EEA",
                "FREE-TRIAL",
                "SEAT-BASED",
                "SOURCE-CHANNEL",
                "PRICE-BILLING",
                "ADDON-BASE"
            ]
        );
        for (index, entry) in RULES.iter().enumerate() {
            assert_eq!(entry.id as usize, index, "{} is out of order", entry.code);
            assert_eq!(rule(entry.id).code, entry.code);
            assert_eq!(serde_json::to_value(entry.id).ok(), Some(serde_json::Value::from(entry.code)));
            for text in
                [entry.title_en, entry.title_fr, entry.explanation_en, entry.explanation_fr, entry.source]
            {
                assert!(!text.trim().is_empty(), "{} has an empty text", entry.code);
            }
            assert_ne!(entry.explanation_en, entry.explanation_fr, "{} is not translated", entry.code);
            assert!(entry.applies_from <= RULES_AS_OF);
            for pair in entry.history.windows(2) {
                assert!(pair[0].from < pair[1].from, "{} history is out of date order", entry.code);
            }
            if let Some(first) = entry.history.first() {
                assert_eq!(
                    first.from, entry.applies_from,
                    "{}: the rule applies from its first state",
                    entry.code
                );
            }
            for change in entry.history {
                assert_ne!(change.text_en, change.text_fr, "{} history is not translated", entry.code);
            }
        }
        assert_eq!(RuleId::from_code("nce-cancel"), Some(RuleId::NceCancel));
        let cancel = rule(RuleId::NceCancel);
        assert_eq!(
            cancel.history.iter().map(|change| change.from).collect::<Vec<_>>(),
            [date(2022, 1, 10), date(2022, 3, 18)]
        );
        assert!(cancel.history[0].text_en.contains("72 hours"));
        assert!(rule(RuleId::P2pLapse).unverified && rule(RuleId::Term3y).unverified);
    }
}

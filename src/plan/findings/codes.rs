//! The finding codes: one table row per kind of finding, with its rule, its
//! severity and its message in English and French, `{placeholders}` filled from
//! the finding's values (see [`super::values`]).

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::rules::{RuleId, Severity};

/// Declares `FindingCode` and its table; each row must give both languages.
macro_rules! finding_codes {
    ($($code:ident => $rule:ident, $severity:ident, $en:expr, $fr:expr;)*) => {
        /// The kind of a finding; decides its rule, severity and message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum FindingCode { $($code,)* }

        impl FindingCode {
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$code,)*];

            pub fn rule(self) -> RuleId {
                match self { $(FindingCode::$code => RuleId::$rule,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(FindingCode::$code => Severity::$severity,)* }
            }

            /// The message template, with `{name}` placeholders.
            pub fn template(self, lang: Lang) -> &'static str {
                match self { $(FindingCode::$code => lang.pick($en, $fr),)* }
            }
        }
    };
}

finding_codes! {
    // Which product the line is about.
    UnknownSku => Equiv1, Blocker,
        "The product \"{product}\" is not in the catalog ({catalog}): choose its target offer before buying; the planner does not guess.",
        "Le produit « {product} » est absent du catalogue ({catalog}) : choisissez l’offre cible avant tout achat ; le planificateur ne devine pas.";
    AmbiguousPartNumber => Equiv1, Warning,
        "The part number {part_number} belongs to {count} products; {name} ({sku_id}) was taken: check it is the right one.",
        "La référence {part_number} correspond à {count} produits ; {name} ({sku_id}) a été retenu : vérifiez que c’est le bon.";
    ResolvedByName => Equiv1, Info,
        "No SKU id in the file: the product was found by its name \"{product}\" as {name} ({sku_id}).",
        "Aucun identifiant de SKU dans le fichier : le produit a été trouvé par son nom « {product} » : {name} ({sku_id}).";
    TargetOverrideUnknown => Equiv1, Blocker,
        "The chosen target SKU {sku_id} is not in the catalog ({catalog}): choose another offer.",
        "Le SKU cible choisi {sku_id} est absent du catalogue ({catalog}) : choisissez une autre offre.";
    // Lines that are not migrated.
    FreeSkuNotMigrated => FreeTrial, Info,
        "{product} is a free, viral or trial SKU (exclude list): it is not migrated.",
        "{product} est un SKU gratuit, viral ou d’essai (liste d’exclusion) : il n’est pas migré.";
    TrialNotMigrated => FreeTrial, Info,
        "{product} is a trial: it is not migrated; buy the product in CSP if the customer keeps it.",
        "{product} est un essai : il n’est pas migré ; achetez le produit dans CSP si le client le conserve.";
    NonSeatNotMigrated => SeatBased, Info,
        "{product} has no seats (usage-based or capacity product): it is not part of a seat migration.",
        "{product} n’a pas de licences par utilisateur (produit à l’usage ou de capacité) : il ne fait pas partie d’une migration de licences.";
    SeatsSuspended => SeatBased, Warning,
        "The {seats} seats of {product} are suspended: the subscription is past its grace period, users have lost access and only admins reach the data until it is deleted. Buy in CSP as soon as possible (a direct subscription can also be reactivated).",
        "Les {seats} licences de {product} sont suspendues : l’abonnement a dépassé son délai de grâce, les utilisateurs ont perdu l’accès et seuls les administrateurs atteignent les données jusqu’à sa suppression. Achetez dans CSP au plus vite (un abonnement direct peut aussi être réactivé).";
    SeatsInWarning => SeatBased, Warning,
        "The {seats} seats of {product} are in the Warning state: the term has ended and users keep access only during the grace period. Buy in CSP before they are suspended.",
        "Les {seats} licences de {product} sont en état Avertissement : l’engagement est terminé et les utilisateurs ne gardent l’accès que pendant le délai de grâce. Achetez dans CSP avant leur suspension.";
    AlreadyEnded => Expired30, Info,
        "{product} is already {status}: it is not migrated.",
        "{product} est déjà à l’état {status} : il n’est pas migré.";
    ExcludedByUser => Multi1, Info,
        "Left out of the plan by the user: the customer keeps this subscription where it is.",
        "Écarté du plan par l’utilisateur : le client garde cet abonnement là où il est.";
    // Channel and path.
    LegacyCspSource => LegacyCsp, Warning,
        "The file says legacy CSP, but legacy offers are gone (new commerce only since 1 September 2024): the file is probably old or mislabelled. Planned as a new-commerce subscription of another partner; check the current offer and term end with that partner.",
        "Le fichier indique CSP hérité, mais les offres héritées n’existent plus (new commerce uniquement depuis le 1er septembre 2024) : le fichier est sans doute ancien ou mal étiqueté. Planifié comme un abonnement new commerce d’un autre partenaire ; vérifiez l’offre et la fin d’engagement actuelles auprès de ce partenaire.";
    ChannelUnknown => SourceChannel, Blocker,
        "The file does not say where {product} was bought: confirm the channel (direct, EA, another CSP partner) or choose the path.",
        "Le fichier n’indique pas où {product} a été acheté : confirmez le canal (direct, EA, autre partenaire CSP) ou choisissez le parcours.";
    ChannelSetByUser => SourceChannel, Info,
        "Channel given by the user: {channel} (the file does not say, or says otherwise).",
        "Canal indiqué par l’utilisateur : {channel} (le fichier ne le dit pas, ou dit autre chose).";
    PathConfirmedByUser => Multi1, Info,
        "Path chosen by the user: {path} (the planner recommends: {recommended}).",
        "Parcours choisi par l’utilisateur : {path} (le planificateur recommande : {recommended}).";
    TransferNotAvailable => P2pTransfer, Blocker,
        "A partner-to-partner transfer is only possible for new-commerce subscriptions of another CSP partner: buy in CSP instead. Source channel: {channel}.",
        "Un transfert de partenaire à partenaire n’est possible que pour les abonnements new commerce d’un autre partenaire CSP : achetez plutôt dans CSP. Canal source : {channel}.";
    EaTransferNotAvailable => EaChannel, Blocker,
        "A channel transfer \"renew to CSP\" only exists for Enterprise Agreement subscriptions. Source channel: {channel}.",
        "Un transfert de canal « renouvellement vers CSP » n’existe que pour les abonnements EA. Canal source : {channel}.";
    PartnerTransfer => P2pTransfer, Info,
        "Partner-to-partner transfer in batch {batch} of {batches}: whole subscription, term end {term_end} and {seats} seats kept.",
        "Transfert de partenaire à partenaire dans le lot {batch} sur {batches} : abonnement entier, fin d’engagement {term_end} et {seats} licences conservées.";
    TransferAfterTermEnd => P2pTransfer, Warning,
        "The term ends on {term_end}, before a transfer can be made ({ready_on}): buy in CSP instead and let the original expire.",
        "L’engagement se termine le {term_end}, avant qu’un transfert soit possible ({ready_on}) : achetez plutôt dans CSP et laissez expirer l’original.";
    TransferFallback => P2pLapse, Info,
        "If the current partner has not approved the transfer by {fallback_on}, fall back: buy in CSP and let the original expire (a request that is not approved lapses after about 30 days, unverified).",
        "Si l’actuel partenaire n’a pas approuvé le transfert au plus tard le {fallback_on}, repliez-vous : achetez dans CSP et laissez expirer l’original (une demande non approuvée expire au bout d’environ 30 jours, non vérifié).";
    // Add-ons and their bases.
    AddOnWithBase => AddOnBase, Info,
        "{product} is an add-on: its users need {base} ({base_id}), which moves first; the add-on is never bought or transferred before it.",
        "{product} est un module complémentaire : ses utilisateurs ont besoin de {base} ({base_id}), qui migre d’abord ; le module n’est jamais acheté ni transféré avant.";
    AddOnAfterBase => AddOnBase, Info,
        "Bought on {purchase_on}, the day its base {base} is in CSP: an add-on is never bought before its base (to buy it sooner, bring the base's purchase forward).",
        "Acheté le {purchase_on}, le jour où sa base {base} est dans CSP : un module n’est jamais acheté avant sa base (pour l’acheter plus tôt, avancez l’achat de la base).";
    AddOnBeforeBase => AddOnBase, Warning,
        "The chosen purchase date {purchase_on} comes before its base {base} is in CSP ({base_on}): buy the base first.",
        "La date d’achat choisie, le {purchase_on}, précède l’arrivée de sa base {base} dans CSP ({base_on}) : achetez d’abord la base.";
    AddOnSeatsAboveBase => AddOnBase, Warning,
        "{seats} add-on seats for {base_seats} seats of its base {base}: every user of the add-on needs the base licence.",
        "{seats} licences du module pour {base_seats} licences de sa base {base} : chaque utilisateur du module a besoin de la licence de base.";
    AddOnWithoutBase => AddOnBase, Blocker,
        "{product} is an add-on and needs {needs}; no such licence of this customer is in the file: import the base too, or leave the add-on out.",
        "{product} est un module complémentaire et exige {needs} ; aucune licence de ce type de ce client n’est dans le fichier : importez aussi la base, ou écartez le module.";
    AddOnBaseNotInFile => AddOnBase, Blocker,
        "{product} is an add-on of subscription {base_id}, which is not in the file for this customer: import the base too, or leave the add-on out.",
        "{product} est un module complémentaire de l’abonnement {base_id}, absent du fichier pour ce client : importez aussi la base, ou écartez le module.";
    AddOnBaseCircular => AddOnBase, Blocker,
        "{product} names {base_id} as its base, which is itself or an add-on naming it in turn: correct the file's base subscription ids.",
        "{product} désigne {base_id} comme sa base, qui est lui-même ou un module qui le désigne à son tour : corrigez les identifiants d’abonnement de base du fichier.";
    AddOnBaseLeftOut => AddOnBase, Blocker,
        "{product} is an add-on of {base} ({base_id}), which the plan does not move ({path}): an add-on cannot be bought without its base. Plan the base, or leave the add-on out.",
        "{product} est un module complémentaire de {base} ({base_id}), que le plan ne migre pas ({path}) : un module ne peut pas être acheté sans sa base. Planifiez la base, ou écartez le module.";
    AddOnBaseBlocked => AddOnBase, Blocker,
        "{product} is an add-on of {base} ({base_id}), which is blocked: it moves once its base can (see the base's blockers).",
        "{product} est un module complémentaire de {base} ({base_id}), qui est bloqué : il migrera quand sa base le pourra (voir les blocages de la base).";
    ScheduledChangesDeleted => ScheduledChanges, Info,
        "Any immediate mid-term change (seats, billing, upgrade) deletes every change scheduled for the renewal, which runs from 00:00 UTC on {renewal_on}: schedule changes after the transfer, with auto-renew on.",
        "Toute modification immédiate en cours d’engagement (licences, facturation, mise à niveau) supprime toutes les modifications planifiées pour le renouvellement, qui a lieu à partir de 00:00 UTC le {renewal_on} : planifiez les modifications après le transfert, renouvellement automatique activé.";
    EaRenewalAsk => EaRenewal, Warning,
        "Ask the customer whether this EA can renew: since 1 January 2025 Microsoft refuses some EA renewals. If it cannot, there is no channel transfer at renewal: choose \"buy in CSP\" for this line, timed to the EA end.",
        "Demandez au client si cet EA peut être renouvelé : depuis le 1er janvier 2025, Microsoft refuse certains renouvellements EA. S’il ne le peut pas, il n’y a pas de transfert de canal au renouvellement : choisissez « achat dans CSP » pour cette ligne, calé sur la fin de l’EA.";
    EaRenewalRefusedPurchase => EaRenewal, Info,
        "Planned as a CSP purchase timed to the EA end, not a channel transfer: an EA whose renewal is refused has no channel transfer to rely on.",
        "Planifié comme un achat CSP calé sur la fin de l’EA, et non un transfert de canal : un EA dont le renouvellement est refusé n’offre pas de transfert de canal.";
    GdapNotForEa => GdapEa, Info,
        "GDAP does not cover EA subscriptions: the customer's EA administrator acts on this subscription (support, licences) until it ends; the partner acts only on the CSP one.",
        "GDAP ne couvre pas les abonnements EA : c’est l’administrateur EA du client qui agit sur cet abonnement (support, licences) jusqu’à sa fin ; le partenaire n’agit que sur l’abonnement CSP.";
    ThreeYearTerm => Term3y, Info,
        "The source has a three-year term and CSP sells {target} on three-year terms too, for these {seats} seats (unverified details: at least 100 seats, no monthly billing).",
        "La source a un engagement de trois ans et CSP vend aussi {target} en engagement de trois ans, pour ces {seats} licences (détails non vérifiés : 100 licences au minimum, pas de facturation mensuelle).";
    EaChannelTransfer => EaChannel, Info,
        "Schedule the CSP subscription through a channel transfer to start on {purchase_on}, the day after the EA term ends.",
        "Planifiez l’abonnement CSP par un transfert de canal pour qu’il démarre le {purchase_on}, lendemain de la fin de l’engagement EA.";
    // Region.
    RegionMismatch => Region1, Blocker,
        "The partner's CSP market ({partner_market}, {partner_country}) differs from the customer tenant's ({customer_market}, {customer_country}): this partner cannot move this customer.",
        "Le marché CSP du partenaire ({partner_market}, {partner_country}) diffère de celui du locataire client ({customer_market}, {customer_country}) : ce partenaire ne peut pas migrer ce client.";
    CountryUnknown => Regions, Warning,
        "The country of {party} is not known: the same-region rule could not be checked.",
        "Pays inconnu pour {party} : la règle de même région n’a pas pu être vérifiée.";
    CountryWithoutMarket => Regions, Blocker,
        "The country of {party}, {country}, is in no CSP market of the table: CSP cannot serve it.",
        "Pour {party}, le pays {country} n’appartient à aucun marché CSP de la table : CSP ne peut pas le servir.";
    SameMarket => Regions, Info,
        "Partner and customer tenant are both in the {market} CSP market.",
        "Le partenaire et le locataire client sont tous deux dans le marché CSP {market}.";
    // Offer.
    SameOffer => Cont1, Info,
        "Same offer in CSP ({name}): no license reassignment and no interruption for users.",
        "Même offre dans CSP ({name}) : aucune réattribution de licence et aucune interruption pour les utilisateurs.";
    OfferChanged => Reassign1, Warning,
        "The target offer {target} differs from {source}: licenses must be reassigned at cut-over.",
        "L’offre cible {target} diffère de {source} : les licences doivent être réattribuées lors de la bascule.";
    PlansLost => Equiv1, Warning,
        "{target} lacks {count} service plan(s) of {source} (data-loss risk): {plans}.",
        "Il manque à {target} {count} plan(s) de service de {source} (risque de perte de données) : {plans}.";
    TeamsSuiteRetired => TeamsUnbundle, Warning,
        "{product} includes Teams and has not been sold to new customers since {since} ({area}): the proposed equivalent is {suite} + {teams}.",
        "{product} inclut Teams et n’est plus vendu aux nouveaux clients depuis le {since} ({area}) : l’équivalent proposé est {suite} + {teams}.";
    TeamsEeaLicence => TeamsEea, Info,
        "In the EEA and Switzerland the Teams licence for a \"(no Teams)\" suite is {teams}.",
        "Dans l’EEE et en Suisse, la licence Teams d’une suite « (no Teams) » est {teams}.";
    EeaOnlyNotProposed => TeamsEea, Info,
        "{suite} is sold only in the EEA and Switzerland, so it is not proposed for {product} in this tenant's country.",
        "{suite} n’est vendu que dans l’EEE et en Suisse : il n’est donc pas proposé pour {product} dans le pays de ce locataire.";
    TeamsSuiteKept => TeamsUnbundle, Info,
        "{product} includes Teams and is no longer sold to new customers, but this path keeps the same offer.",
        "{product} inclut Teams et n’est plus vendu aux nouveaux clients, mais ce parcours conserve la même offre.";
    NoEquivalent => Equiv1, Blocker,
        "{product} is no longer sold and no equivalent offer was found in the catalog: choose the target offer.",
        "{product} n’est plus vendu et aucune offre équivalente n’a été trouvée dans le catalogue : choisissez l’offre cible.";
    // Seats.
    SeatsUnassigned => NceSeats, Info,
        "{assigned} of {total} seats are assigned: right-size before buying, seats can only be reduced within 7 days of adding them.",
        "{assigned} licences sur {total} sont attribuées : ajustez avant l’achat, on ne peut retirer des licences que dans les 7 jours suivant leur ajout.";
    SeatsOverridden => Prov1, Info,
        "{seats} seats chosen by the user instead of the source's {source_seats}.",
        "{seats} licences choisies par l’utilisateur au lieu des {source_seats} de la source.";
    // Dates.
    TermEndUnknown => Time1, Warning,
        "The term end date is unknown: find it before buying (cancelled subscriptions are not refunded); no dates could be planned.",
        "La date de fin d’engagement est inconnue : trouvez-la avant d’acheter (les abonnements annulés ne sont pas remboursés) ; aucune date n’a pu être planifiée.";
    TermEndSetByUser => Time1, Info,
        "The term end {term_end} was entered by the user: the dates are planned from it.",
        "La fin d’engagement du {term_end} a été saisie par l’utilisateur : les dates sont planifiées à partir d’elle.";
    TermEndEstimated => Time1, Info,
        "The term end {term_end} is estimated from the file's dates: confirm it in the admin center.",
        "La fin d’engagement {term_end} est estimée à partir des dates du fichier : confirmez-la dans le centre d’administration.";
    TermEndPassed => Time1, Warning,
        "The term end {term_end} is past although the subscription is active: it has probably renewed; check the current term end.",
        "La fin d’engagement {term_end} est passée alors que l’abonnement est actif : il a sans doute été renouvelé ; vérifiez la fin d’engagement actuelle.";
    ExpiredRecoverable => Expired30, Warning,
        "The subscription is already expired: users keep access until {users_lose_access_after}; buy in CSP before then.",
        "L’abonnement a déjà expiré : les utilisateurs gardent l’accès jusqu’au {users_lose_access_after} ; achetez dans CSP avant cette date.";
    DirectLifecycleDates => DirectReactivate, Info,
        "If the source lapses, users lose access after {users_lose_access_after}; an admin can still reactivate it until {data_at_risk_after}, after which its data is at risk.",
        "Si la source n’est pas renouvelée, les utilisateurs perdent l’accès après le {users_lose_access_after} ; un administrateur peut encore la réactiver jusqu’au {data_at_risk_after}, après quoi ses données sont en danger.";
    EaLifecycleDates => EaGrace, Info,
        "After the EA end date users keep access until {users_lose_access_after} (90 days); the services then stay inactive until {data_at_risk_after} (60 days), after which data is at risk.",
        "Après la fin de l’EA, les utilisateurs gardent l’accès jusqu’au {users_lose_access_after} (90 jours) ; les services restent ensuite inactifs jusqu’au {data_at_risk_after} (60 jours), après quoi les données sont en danger.";
    PurchaseAfterAccessEnds => DirectReactivate, Warning,
        "The purchase on {purchase_on} comes after {users_lose_access_after}, when users lose access: buy earlier or have an admin reactivate the source (data safe until {data_at_risk_after}).",
        "L’achat du {purchase_on} intervient après le {users_lose_access_after}, date où les utilisateurs perdent l’accès : achetez plus tôt ou faites réactiver la source par un administrateur (données sûres jusqu’au {data_at_risk_after}).";
    PurchaseTooLate => Expired30, Blocker,
        "The purchase cannot happen before {purchase_on}, after {data_at_risk_after}, the last day before data is at risk: move the relationship steps earlier or keep the source one more term.",
        "L’achat ne peut pas avoir lieu avant le {purchase_on}, après le {data_at_risk_after}, dernier jour avant que les données soient en danger : avancez les étapes de relation ou gardez la source un engagement de plus.";
    PurchaseAfterTermEnd => Expired30, Warning,
        "The purchase on {purchase_on} comes {gap_days} days after the term end {term_end}: users run on the expired subscription meanwhile (access kept until {users_lose_access_after}).",
        "L’achat du {purchase_on} intervient {gap_days} jours après la fin d’engagement du {term_end} : les utilisateurs restent sur l’abonnement expiré entre-temps (accès conservé jusqu’au {users_lose_access_after}).";
    PurchaseBeforeAsOf => Time1, Warning,
        "The chosen purchase date {purchase_on} is before the plan date {as_of}.",
        "La date d’achat choisie, {purchase_on}, est antérieure à la date du plan, {as_of}.";
    CancelWindowClosesEarly => NceCancel, Info,
        "The new subscription's 7-day cancellation window ends on {cancel_window_ends}, before the cut-over on {cutover}.",
        "La fenêtre d’annulation de 7 jours du nouvel abonnement se termine le {cancel_window_ends}, avant la bascule du {cutover}.";
    CancelWindowCoversCutover => NceCancel, Info,
        "Buying on {purchase_on} keeps the new subscription cancellable until {cancel_window_ends}, past the cut-over on {cutover}.",
        "Acheter le {purchase_on} laisse le nouvel abonnement annulable jusqu’au {cancel_window_ends}, après la bascule du {cutover}.";
    Overlap => Time1, Info,
        "{overlap_days} days of overlap between the source and the CSP subscription.",
        "{overlap_days} jours de chevauchement entre l’abonnement d’origine et l’abonnement CSP.";
    OverlapCost => Time1, Info,
        "{overlap_days} days of overlap, about {overlap_cost} {currency}.",
        "{overlap_days} jours de chevauchement, environ {overlap_cost} {currency}.";
    OverlapCostNoCurrency => Time1, Info,
        "{overlap_days} days of overlap, about {overlap_cost} in the currency of the file's unit price (the file does not say which).",
        "{overlap_days} jours de chevauchement, environ {overlap_cost} dans la devise du prix unitaire du fichier (le fichier ne dit pas laquelle).";
    AutoRenewOff => NceRenew, Warning,
        "Ask {who} to turn off auto-renew by {auto_renew_off_by}, or the source renews for a whole new term on the day after {term_end}.",
        "Faites désactiver le renouvellement automatique par {who} avant le {auto_renew_off_by}, sinon la source repart pour un engagement complet le lendemain du {term_end}.";
    AutoRenewAlreadyOff => NceRenew, Info,
        "Auto-renew is already off: the source ends on {term_end}.",
        "Le renouvellement automatique est déjà désactivé : la source se termine le {term_end}.";
    RecurringBillingOff => DirectCancel, Warning,
        "The customer turns off recurring billing in the Microsoft 365 admin center by {auto_renew_off_by}, so the subscription runs to {term_end} and stops; do not cancel it (no refund).",
        "Le client désactive la facturation récurrente dans le centre d’administration Microsoft 365 avant le {auto_renew_off_by}, pour que l’abonnement coure jusqu’au {term_end} puis s’arrête ; ne l’annulez pas (aucun remboursement).";
    LargeDirectCancellation => DirectCancel, Info,
        "With {seats} licenses (more than 25), cancelling this direct subscription online is not possible on a MOSA account: reduce it to 25 first or call Microsoft support.",
        "Avec {seats} licences (plus de 25), cet abonnement direct ne peut pas être annulé en ligne sur un compte MOSA : descendez d’abord à 25 ou appelez le support Microsoft.";
    // Credit.
    CreditPossible => Cred1, Info,
        "Bought directly from Microsoft: if it is cancelled before its term end, it may be eligible for a credit, handled by Microsoft 365 billing support.",
        "Acheté directement auprès de Microsoft : s’il est annulé avant la fin de son engagement, il peut donner droit à un crédit, traité par le support de facturation Microsoft 365.";
    BillingAccountUnknown => DirectAccount, Warning,
        "Ask the customer whether this direct subscription is on an MCA or a MOSA billing account (admin center > Billing > Billing accounts): the credit and the way to end it depend on it.",
        "Demandez au client si cet abonnement direct dépend d’un compte de facturation MCA ou MOSA (centre d’administration > Facturation > Comptes de facturation) : le crédit et la façon d’y mettre fin en dépendent.";
    CreditMosa => Cred1, Info,
        "MOSA billing account: if it is cancelled before its term end it gets a prorated credit, whatever the date, handled by Microsoft 365 billing support.",
        "Compte de facturation MOSA : s’il est annulé avant la fin de son engagement, il donne droit à un crédit au prorata, quelle que soit la date, traité par le support de facturation Microsoft 365.";
    CreditMcaInWindow => DirectAccount, Info,
        "MCA billing account: a prorated refund only if it is cancelled by {window_ends} (7 days after its start or renewal); after that, recurring billing can only be turned off and the term is paid to its end.",
        "Compte de facturation MCA : remboursement au prorata seulement en cas d’annulation au plus tard le {window_ends} (7 jours après son début ou son renouvellement) ; ensuite, on ne peut que désactiver la facturation récurrente et l’engagement est dû jusqu’à son terme.";
    CreditMcaNone => DirectAccount, Info,
        "MCA billing account: no credit outside the 7 days after its start or renewal. Turn off recurring billing and let it run to its term end (an annual term billed monthly is charged to the end); a monthly subscription cancelled inside its window loses access at once.",
        "Compte de facturation MCA : aucun crédit en dehors des 7 jours suivant son début ou son renouvellement. Désactivez la facturation récurrente et laissez-le courir jusqu’à la fin de son engagement (un engagement annuel facturé mensuellement est dû jusqu’au bout) ; un abonnement mensuel annulé pendant sa fenêtre perd l’accès aussitôt.";
    CreditAskedByPartner => Dap1, Info,
        "The partner can ask Microsoft 365 billing support about the credit on the customer's behalf (GDAP with Service support administrator).",
        "Le partenaire peut interroger le support de facturation Microsoft 365 sur le crédit pour le compte du client (GDAP avec le rôle Administrateur du support du service).";
    CreditAskedByCustomer => Dap1, Info,
        "The customer must ask Microsoft 365 billing support about the credit, unless the partner gets GDAP with Service support administrator.",
        "Le client doit interroger lui-même le support de facturation Microsoft 365 sur le crédit, sauf si le partenaire obtient GDAP avec le rôle Administrateur du support du service.";
    // Tenant-wide caps.
    BusinessCapExceeded => CapBusiness, Blocker,
        "The tenant would hold {seats} Business seats, above the cap of 300 pooled across partners and channels: move some users to an Enterprise plan.",
        "Le locataire aurait {seats} licences Business, au-delà du plafond de 300 tous partenaires et canaux confondus : passez une partie des utilisateurs sur une offre Entreprise.";
    BusinessCapOverlap => CapBusiness, Warning,
        "Buying before the original ends would hold {seats} Business seats at once (cap 300): the purchase is planned on {purchase_on}, after the term end.",
        "Acheter avant la fin de l’original ferait {seats} licences Business simultanées (plafond 300) : l’achat est prévu le {purchase_on}, après la fin d’engagement.";
    SubscriptionCapExceeded => CapSubs, Blocker,
        "The tenant has {count} license-based subscriptions, above the cap of 300.",
        "Le locataire compte {count} abonnements de licences, au-delà du plafond de 300.";
    SubscriptionCapOverlap => CapSubs, Warning,
        "The tenant has {count} active subscriptions and the plan buys {planned} new ones: holding both before the originals end would exceed 300, so the purchase is planned on {purchase_on}, after the original expires.",
        "Le locataire compte {count} abonnements actifs et le plan en achète {planned} nouveaux : détenir les deux avant la fin des originaux dépasserait 300, l’achat est donc prévu le {purchase_on}, après l’expiration de l’original.";
    // Customer-wide steps.
    RelationshipNeeded => Rel1, Info,
        "The customer must accept the reseller relationship before anything is provisioned; planned acceptance by {ready_on}.",
        "Le client doit accepter la relation de revendeur avant tout approvisionnement ; acceptation prévue au plus tard le {ready_on}.";
    McaNeeded => Mca1, Info,
        "The Microsoft Customer Agreement must be accepted before any order ({how}).",
        "Le Contrat client Microsoft doit être accepté avant toute commande ({how}).";
    GdapRoleNeeded => Gdap1, Info,
        "GDAP role needed: {role} ({reason}).",
        "Rôle GDAP nécessaire : {role} ({reason}).";
    // Licence optimisation (suggestions the user accepts or refuses, see `crate::cost`).
    UnassignedSeatsSaving => NceSeats, Info,
        "{unassigned} of the {total} seats planned are not assigned: buying {assigned} saves about {saving} a year. Seats can be added at any time but removed only within 7 days of adding them, so right-size at purchase.",
        "{unassigned} des {total} licences prévues ne sont pas attribuées : en acheter {assigned} économise environ {saving} par an. On peut ajouter des licences à tout moment mais n’en retirer que dans les 7 jours suivant leur ajout : ajustez à l’achat.";
    RedundantStandalone => Equiv1, Warning,
        "This product only gives Exchange, which {suite} ({suite_seats} seats) already includes: if the same users hold both, not buying it saves about {saving} a year. The file has no per-user data: check the assignments before deciding.",
        "Ce produit ne fournit qu’Exchange, déjà inclus dans {suite} ({suite_seats} licences) : si les mêmes utilisateurs ont les deux, ne pas l’acheter économise environ {saving} par an. Le fichier ne donne pas les attributions par utilisateur : vérifiez-les avant de décider.";
    CheaperSuite => Equiv1, Info,
        "The tenant uses {in_use} service plans of this suite, all also in {suite}, at {suite_price} a seat a month instead of {price}: buying it instead saves about {saving} a year. Check with the customer that it will not need the plans turned off today.",
        "Le locataire utilise {in_use} services de cette suite, tous présents dans {suite}, à {suite_price} par licence et par mois au lieu de {price} : l’acheter à la place économise environ {saving} par an. Vérifiez avec le client qu’il n’aura pas besoin des services désactivés aujourd’hui.";
    PartOfTenant => Multi1, Info,
        "{count} of {total} subscriptions are not migrated: the plan covers part of the tenant.",
        "{count} abonnements sur {total} ne sont pas migrés : le plan couvre une partie du locataire.";
}

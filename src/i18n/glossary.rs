//! The glossary: the few terms of Microsoft's licensing a plan cannot avoid, each
//! explained in a sentence or two, in both languages. The interface links to an
//! entry from each place the term appears.

use super::Lang;
use crate::model::{Channel, MigrationPath};

/// A term the glossary explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    Csp,
    Nce,
    P2p,
    Gdap,
    Mca,
    Mosa,
    Ea,
}

impl Term {
    pub const ALL: [Term; 7] = [Term::Csp, Term::Nce, Term::P2p, Term::Gdap, Term::Mca, Term::Mosa, Term::Ea];

    /// The terms a path names: a transfer is P2P of a new-commerce subscription,
    /// an EA channel transfer is about an EA, a purchase is in CSP.
    pub fn of_path(path: MigrationPath, channel: Channel) -> Vec<Term> {
        match path {
            MigrationPath::PartnerTransfer => vec![Term::P2p, Term::Nce],
            MigrationPath::EaChannelTransfer => vec![Term::Ea],
            MigrationPath::Repurchase if channel == Channel::Ea => vec![Term::Csp, Term::Ea],
            MigrationPath::Repurchase => vec![Term::Csp, Term::Nce],
            MigrationPath::Blocked | MigrationPath::NotMigrated => Vec::new(),
        }
    }

    /// The id of its entry in the page (`glossary-gdap`).
    pub fn id(self) -> &'static str {
        match self {
            Term::Csp => "glossary-csp",
            Term::Nce => "glossary-nce",
            Term::P2p => "glossary-p2p",
            Term::Gdap => "glossary-gdap",
            Term::Mca => "glossary-mca",
            Term::Mosa => "glossary-mosa",
            Term::Ea => "glossary-ea",
        }
    }

    /// The abbreviation, the same in both languages.
    pub fn short(self) -> &'static str {
        match self {
            Term::Csp => "CSP",
            Term::Nce => "NCE",
            Term::P2p => "P2P",
            Term::Gdap => "GDAP",
            Term::Mca => "MCA",
            Term::Mosa => "MOSA",
            Term::Ea => "EA",
        }
    }

    /// What the abbreviation stands for.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Term::Csp => lang
                .pick("Cloud Solution Provider", "Cloud Solution Provider (fournisseur de solutions cloud)"),
            Term::Nce => {
                lang.pick("New commerce experience", "Nouvelle expérience commerciale (new commerce)")
            }
            Term::P2p => lang.pick("Partner-to-partner transfer", "Transfert de partenaire à partenaire"),
            Term::Gdap => lang.pick(
                "Granular delegated admin privileges",
                "Privilèges d’administrateur délégué granulaires",
            ),
            Term::Mca => lang.pick("Microsoft Customer Agreement", "Contrat client Microsoft"),
            Term::Mosa => {
                lang.pick("Microsoft Online Subscription Agreement", "Contrat d’abonnement Microsoft Online")
            }
            Term::Ea => lang.pick("Enterprise Agreement", "Contrat Entreprise (Enterprise Agreement)"),
        }
    }

    pub fn definition(self, lang: Lang) -> &'static str {
        match self {
            Term::Csp => lang.pick(
                "Microsoft's program through which a partner sells, bills and supports Microsoft 365 for its customers. This plan moves subscriptions into your CSP program.",
                "Le programme Microsoft par lequel un partenaire vend, facture et accompagne Microsoft 365 pour ses clients. Ce plan fait entrer les abonnements dans votre programme CSP.",
            ),
            Term::Nce => lang.pick(
                "How CSP sells licence-based subscriptions since 2022: monthly, annual or three-year terms; a subscription can be cancelled, or its seats reduced, only within 7 days of buying or renewing it.",
                "La façon dont CSP vend les abonnements par licence depuis 2022 : engagements mensuels, annuels ou triennaux ; un abonnement ne peut être annulé, ou ses licences réduites, que dans les 7 jours suivant son achat ou son renouvellement.",
            ),
            Term::P2p => lang.pick(
                "A new-commerce subscription moves whole from the customer's current CSP partner to you, once that partner approves: its term, end date and seats stay the same and users see no interruption.",
                "Un abonnement new commerce passe entier de l’actuel partenaire CSP du client à vous, une fois que ce partenaire l’approuve : son engagement, sa date de fin et ses licences restent les mêmes, sans interruption pour les utilisateurs.",
            ),
            Term::Gdap => lang.pick(
                "The admin roles a customer grants its partner, each limited to what the partner needs and for a set time (at most 730 days). Needed to manage licences or open support requests, not to order.",
                "Les rôles d’administration qu’un client accorde à son partenaire, chacun limité à ce dont le partenaire a besoin et pour une durée fixée (730 jours au plus). Nécessaires pour gérer les licences ou ouvrir des demandes de support, pas pour commander.",
            ),
            Term::Mca => lang.pick(
                "The agreement a CSP customer accepts before its first order. It is also a kind of billing account for subscriptions bought directly from Microsoft: those are credited only within 7 days of a start or renewal.",
                "Le contrat qu’un client CSP accepte avant sa première commande. C’est aussi un type de compte de facturation pour les abonnements achetés directement à Microsoft : ceux-ci ne sont crédités que dans les 7 jours suivant un début ou un renouvellement.",
            ),
            Term::Mosa => lang.pick(
                "The older billing account for subscriptions bought directly from Microsoft: cancelling one before its end gives a prorated credit.",
                "L’ancien compte de facturation des abonnements achetés directement à Microsoft : en résilier un avant son terme donne un avoir au prorata.",
            ),
            Term::Ea => lang.pick(
                "Microsoft's volume licensing agreement for large organisations. Its subscriptions move to CSP by a channel transfer at renewal, or, when the EA cannot renew, by a CSP purchase timed to its end.",
                "Le contrat de licences en volume de Microsoft pour les grandes organisations. Ses abonnements passent à CSP par un transfert de canal au renouvellement ou, quand l’EA ne peut pas être renouvelé, par un achat CSP calé sur sa fin.",
            ),
        }
    }
}

/// The glossary's own texts.
pub fn heading(lang: Lang) -> &'static str {
    lang.pick("Glossary", "Glossaire")
}

pub fn close(lang: Lang) -> &'static str {
    lang.pick("Close the glossary", "Fermer le glossaire")
}

/// The label of the help button beside a term: "What is GDAP?".
pub fn what_is(term: Term, lang: Lang) -> String {
    format!("{}{}{}", lang.pick("What is ", "Qu’est-ce que "), term.short(), lang.pick("?", " ?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_explained_in_both_languages() {
        for term in Term::ALL {
            assert_ne!(term.definition(Lang::En), term.definition(Lang::Fr), "{term:?}");
            assert!(term.definition(Lang::Fr).len() > 60 && term.name(Lang::En).len() > 5, "{term:?}");
            assert!(term.id().starts_with("glossary-"));
        }
    }
}

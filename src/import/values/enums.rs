//! Booleans and the model's enums (term, billing, status, channel) in English
//! and French spellings.

use super::text::{is_one_of, with_key};
use crate::model::{BillingAccount, BillingFrequency, Channel, SubscriptionStatus, Term};

pub fn parse_bool(cell: &str) -> Option<bool> {
    const TRUE: &[&str] =
        &["true", "yes", "y", "oui", "o", "vrai", "1", "on", "enabled", "active", "actif", "x"];
    const FALSE: &[&str] =
        &["false", "no", "n", "non", "faux", "0", "off", "disabled", "inactive", "inactif"];
    if is_one_of(cell, TRUE) {
        Some(true)
    } else if is_one_of(cell, FALSE) {
        Some(false)
    } else {
        None
    }
}

pub fn parse_term(cell: &str) -> Option<Term> {
    with_key(cell, |key| match key {
        "p1m" | "monthly" | "month" | "1month" | "onemonth" | "mensuel" | "mensuelle" | "1mois" | "mois" => {
            Some(Term::P1M)
        }
        "p1y" | "p12m" | "annual" | "yearly" | "year" | "1year" | "oneyear" | "12months" | "annuel"
        | "annuelle" | "1an" | "an" | "12mois" => Some(Term::P1Y),
        "p3y" | "p36m" | "triennial" | "3years" | "threeyears" | "36months" | "triennal" | "triennale"
        | "3ans" | "36mois" => Some(Term::P3Y),
        _ => None,
    })
}

pub fn parse_billing(cell: &str) -> Option<BillingFrequency> {
    with_key(cell, |key| match key {
        "monthly" | "month" | "p1m" | "mensuel" | "mensuelle" | "mois" => Some(BillingFrequency::Monthly),
        "annual" | "yearly" | "year" | "p1y" | "annuel" | "annuelle" | "an" | "prepaid" => {
            Some(BillingFrequency::Annual)
        }
        "triennial" | "p3y" | "triennal" | "triennale" => Some(BillingFrequency::Triennial),
        "none" | "onetime" | "unknown" | "inconnu" => Some(BillingFrequency::Unknown),
        _ => None,
    })
}

pub fn parse_status(cell: &str) -> Option<SubscriptionStatus> {
    with_key(cell, |key| match key {
        "active" | "enabled" | "actif" | "active1" | "activee" | "ok" => Some(SubscriptionStatus::Active),
        "warning" | "ingraceperiod" | "grace" | "avertissement" | "periodedegrace" | "expiring" => {
            Some(SubscriptionStatus::Warning)
        }
        "suspended" | "suspendu" | "suspendue" => Some(SubscriptionStatus::Suspended),
        "expired" | "expire" | "expiree" => Some(SubscriptionStatus::Expired),
        "disabled" | "desactive" | "desactivee" | "inactive" | "inactif" => {
            Some(SubscriptionStatus::Disabled)
        }
        "deleted" | "supprime" | "supprimee" => Some(SubscriptionStatus::Deleted),
        "lockedout" | "locked" | "verrouille" | "verrouillee" => Some(SubscriptionStatus::LockedOut),
        "pending" | "enattente" | "provisioning" => Some(SubscriptionStatus::Pending),
        "unknown" | "inconnu" => Some(SubscriptionStatus::Unknown),
        _ => None,
    })
}

pub fn parse_channel(cell: &str) -> Option<Channel> {
    if let Some(channel) = Channel::from_id(cell) {
        return Some(channel);
    }
    with_key(cell, |key| match key {
        "direct" | "mosa" | "mca" | "webdirect" | "admincenter" | "microsoft" | "centredadministration" => {
            Some(Channel::Direct)
        }
        "ea" | "enterpriseagreement" | "volumelicensing" | "vl" | "contratentreprise" => Some(Channel::Ea),
        "cspnce" | "nce" | "newcommerce" | "csp" | "cspnewcommerce" | "nouveaucommerce" => {
            Some(Channel::CspNce)
        }
        "csplegacy" | "legacy" | "legacycsp" | "cspheritage" | "heritage" => Some(Channel::CspLegacy),
        "unknown" | "inconnu" => Some(Channel::Unknown),
        _ => None,
    })
}

/// The billing account type of a direct subscription (DIRECT-ACCOUNT), also read
/// from a channel cell that says "MOSA" or "MCA".
pub fn parse_billing_account(cell: &str) -> Option<BillingAccount> {
    if let Some(account) = BillingAccount::from_id(cell) {
        return Some(account);
    }
    with_key(cell, |key| match key {
        "mosa" | "directmosa" | "microsoftonlinesubscriptionagreement" | "onlinesubscriptionagreement" => {
            Some(BillingAccount::Mosa)
        }
        "mca" | "directmca" | "microsoftcustomeragreement" | "contratclientmicrosoft" => {
            Some(BillingAccount::Mca)
        }
        "unknown" | "inconnu" | "inconnue" => Some(BillingAccount::Unknown),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_in_english_and_french() {
        for yes in ["true", "TRUE", "Yes", "oui", "Vrai", "1"] {
            assert_eq!(parse_bool(yes), Some(true), "{yes}");
        }
        for no in ["false", "No", "NON", "faux", "0"] {
            assert_eq!(parse_bool(no), Some(false), "{no}");
        }
        assert_eq!(parse_bool("maybe"), None);
    }

    #[test]
    fn enums_in_english_and_french() {
        assert_eq!(parse_term("P1Y"), Some(Term::P1Y));
        assert_eq!(parse_term("1 an"), Some(Term::P1Y));
        assert_eq!(parse_term("Monthly"), Some(Term::P1M));
        assert_eq!(parse_billing("Annuelle"), Some(BillingFrequency::Annual));
        assert_eq!(parse_status("Suspendu"), Some(SubscriptionStatus::Suspended));
        assert_eq!(parse_status("Expiré"), Some(SubscriptionStatus::Expired));
        assert_eq!(parse_channel("csp-nce"), Some(Channel::CspNce));
        assert_eq!(parse_billing_account(" MCA "), Some(BillingAccount::Mca));
        assert_eq!(
            parse_billing_account("Microsoft Online Subscription Agreement"),
            Some(BillingAccount::Mosa)
        );
        assert_eq!(parse_billing_account("direct"), None);
        assert_eq!(parse_channel("Enterprise Agreement"), Some(Channel::Ea));
    }
}

//! Where each kind of blocker is resolved: a field of the line itself, or a field
//! of an earlier step (the channel of the review step, the customer step's
//! relationship or countries), so the interface can lead from a blocker to its fix.

use serde::{Deserialize, Serialize};

use super::FindingCode;

/// The field that resolves a blocker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fix {
    /// The line's target offer (an unknown product, no equivalent, an unknown chosen SKU).
    LineTarget,
    /// The line's path (a transfer the source channel does not allow).
    LinePath,
    /// The line's seats (the Business family cap).
    LineSeats,
    /// Leaving the line out (the tenant's subscription cap).
    LineExclude,
    /// The source channel, in the review step's channel table.
    ReviewChannel,
    /// The reseller relationship, in the customer step (a purchase that comes too late).
    CustomerRelationship,
    /// The customer's and the partner's countries, in the customer step.
    CustomerCountry,
}

impl Fix {
    pub const ALL: [Fix; 7] = [
        Fix::LineTarget,
        Fix::LinePath,
        Fix::LineSeats,
        Fix::LineExclude,
        Fix::ReviewChannel,
        Fix::CustomerRelationship,
        Fix::CustomerCountry,
    ];

    /// The id used in the interface's test ids.
    pub fn id(self) -> &'static str {
        match self {
            Fix::LineTarget => "line-target",
            Fix::LinePath => "line-path",
            Fix::LineSeats => "line-seats",
            Fix::LineExclude => "line-exclude",
            Fix::ReviewChannel => "review-channel",
            Fix::CustomerRelationship => "customer-relationship",
            Fix::CustomerCountry => "customer-country",
        }
    }
}

impl FindingCode {
    /// Where a finding of this kind is resolved; every blocker has a place.
    pub fn fix(self) -> Option<Fix> {
        Some(match self {
            FindingCode::UnknownSku | FindingCode::TargetOverrideUnknown | FindingCode::NoEquivalent => {
                Fix::LineTarget
            }
            FindingCode::TransferNotAvailable | FindingCode::EaTransferNotAvailable => Fix::LinePath,
            FindingCode::BusinessCapExceeded => Fix::LineSeats,
            FindingCode::SubscriptionCapExceeded => Fix::LineExclude,
            // An add-on without a base that moves: its base is resolved on its own
            // line (or imported); on the add-on's line, leaving it out (ADDON-BASE).
            FindingCode::AddOnWithoutBase
            | FindingCode::AddOnBaseNotInFile
            | FindingCode::AddOnBaseCircular
            | FindingCode::AddOnBaseLeftOut
            | FindingCode::AddOnBaseBlocked => Fix::LineExclude,
            FindingCode::ChannelUnknown => Fix::ReviewChannel,
            FindingCode::PurchaseTooLate => Fix::CustomerRelationship,
            FindingCode::RegionMismatch | FindingCode::CountryWithoutMarket => Fix::CustomerCountry,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Severity;

    #[test]
    fn every_blocker_has_a_place_where_it_is_resolved() {
        for code in FindingCode::ALL.iter().filter(|code| code.severity() == Severity::Blocker) {
            assert!(code.fix().is_some(), "{code:?} leads nowhere");
        }
    }
}

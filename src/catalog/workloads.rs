//! The core workloads used to compare offers (EQUIV-1): two suites are close when
//! they share Exchange, SharePoint, OneDrive, the Office apps, Teams, Intune,
//! Entra and Defender, whatever their minor plans.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CoreWorkload {
    Exchange,
    #[serde(rename = "sharepoint")]
    SharePoint,
    #[serde(rename = "onedrive")]
    OneDrive,
    OfficeApps,
    Teams,
    Intune,
    Entra,
    Defender,
}

/// Service plan name prefixes (upper case) that provide each workload. SharePoint
/// plans also carry OneDrive, which has no plan of its own in the enterprise suites.
const WORKLOAD_PLAN_PREFIXES: &[(CoreWorkload, &[&str])] = &[
    (
        CoreWorkload::Exchange,
        &[
            "EXCHANGE_S_STANDARD",
            "EXCHANGE_S_ENTERPRISE",
            "EXCHANGE_S_DESKLESS",
            "EXCHANGE_S_ESSENTIALS",
            "EXCHANGE_L_STANDARD",
        ],
    ),
    (
        CoreWorkload::SharePoint,
        &["SHAREPOINTSTANDARD", "SHAREPOINTENTERPRISE", "SHAREPOINTDESKLESS", "SHAREPOINT_S_DEVELOPER"],
    ),
    (
        CoreWorkload::OneDrive,
        &["ONEDRIVE", "SHAREPOINTSTANDARD", "SHAREPOINTENTERPRISE", "SHAREPOINTDESKLESS"],
    ),
    (CoreWorkload::OfficeApps, &["OFFICESUBSCRIPTION", "OFFICE_BUSINESS", "OFFICE_PROPLUS_DEVICE"]),
    (CoreWorkload::Teams, &["TEAMS1", "TEAMS_AR_", "TEAMS_GOV", "TEAMS_DOD", "TEAMS_GCCHIGH"]),
    (CoreWorkload::Intune, &["INTUNE_A", "INTUNE_SMBIZ", "INTUNE_EDU"]),
    (CoreWorkload::Entra, &["AAD_PREMIUM", "AAD_SMB"]),
    (
        CoreWorkload::Defender,
        &[
            "ATP_ENTERPRISE",
            "THREAT_INTELLIGENCE",
            "WINDEFATP",
            "MDE_LITE",
            "MDE_SMB",
            "ADALLOM_S_STANDALONE",
            "ATA",
        ],
    ),
];

impl CoreWorkload {
    pub const ALL: [CoreWorkload; 8] = [
        CoreWorkload::Exchange,
        CoreWorkload::SharePoint,
        CoreWorkload::OneDrive,
        CoreWorkload::OfficeApps,
        CoreWorkload::Teams,
        CoreWorkload::Intune,
        CoreWorkload::Entra,
        CoreWorkload::Defender,
    ];

    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CoreWorkload::Exchange => "Exchange",
            CoreWorkload::SharePoint => "SharePoint",
            CoreWorkload::OneDrive => "OneDrive",
            CoreWorkload::OfficeApps => lang.pick("Office apps", "applications Office"),
            CoreWorkload::Teams => "Teams",
            CoreWorkload::Intune => "Intune",
            CoreWorkload::Entra => "Entra ID",
            CoreWorkload::Defender => "Defender",
        }
    }

    /// The workloads in a bit set made of `bit()`s, in `ALL` order.
    pub fn in_set(set: u8) -> impl Iterator<Item = CoreWorkload> {
        CoreWorkload::ALL.into_iter().filter(move |workload| set & workload.bit() != 0)
    }
}

/// The workloads a service plan (by its `Service_Plan_Name`) provides, as a bit set.
pub fn workloads_of_plan(service_plan_name: &str) -> u8 {
    let name = service_plan_name.trim().to_ascii_uppercase();
    WORKLOAD_PLAN_PREFIXES
        .iter()
        .filter(|(_, prefixes)| prefixes.iter().any(|prefix| name.starts_with(prefix)))
        .fold(0, |set, (workload, _)| set | workload.bit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_map_to_workloads() {
        assert_eq!(workloads_of_plan("TEAMS1"), CoreWorkload::Teams.bit());
        assert_eq!(
            workloads_of_plan("SHAREPOINTENTERPRISE"),
            CoreWorkload::SharePoint.bit() | CoreWorkload::OneDrive.bit()
        );
        assert_eq!(workloads_of_plan("EXCHANGE_S_FOUNDATION"), 0);
        assert_eq!(workloads_of_plan("SHAREPOINTWAC"), 0);
    }
}

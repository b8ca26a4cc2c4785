//! The formats the importer knows, by id and label. Tables are recognised from
//! their header row in `formats`, JSON documents from their properties in `json`.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// A format the importer recognises (or was told to use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormatId {
    /// Graph `GET /subscribedSkus` (`{"value":[...]}`), or the same objects as
    /// `Get-MgSubscribedSku | ConvertTo-Json` writes them.
    GraphSubscribedSkus,
    /// Graph `GET /directory/subscriptions` (companySubscription).
    GraphDirectorySubscriptions,
    /// Partner Center REST subscriptions, one object or `{"items":[...]}`.
    PartnerCenterJson,
    /// Partner Center's "Export subscriptions" CSV.
    PartnerCenterCsv,
    /// The new-commerce bulk migration tool's `subscriptions.csv`.
    NceBulkMigration,
    /// `Get-MgSubscribedSku` / `Get-AzureADSubscribedSku` through `Export-Csv`.
    #[serde(rename = "powershell-subscribed-sku")]
    PowerShellSubscribedSku,
    /// `Get-MsolAccountSku` through `Export-Csv`.
    #[serde(rename = "powershell-msol-account-sku")]
    PowerShellMsolAccountSku,
    /// CIPP's license report CSV.
    CippLicenseReport,
    /// The planner's own template (see `template_csv`).
    PlannerTemplate,
    /// A new-commerce price list: unit prices, not subscriptions.
    NcePriceList,
    /// A table of another shape, read through a column mapping.
    MappedTable,
    /// Microsoft's "Product names and service plan identifiers for licensing" table.
    LicensingReference,
}

impl FormatId {
    pub const ALL: [FormatId; 12] = [
        FormatId::GraphSubscribedSkus,
        FormatId::GraphDirectorySubscriptions,
        FormatId::PartnerCenterJson,
        FormatId::PartnerCenterCsv,
        FormatId::NceBulkMigration,
        FormatId::PowerShellSubscribedSku,
        FormatId::PowerShellMsolAccountSku,
        FormatId::CippLicenseReport,
        FormatId::PlannerTemplate,
        FormatId::NcePriceList,
        FormatId::MappedTable,
        FormatId::LicensingReference,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FormatId::GraphSubscribedSkus => "graph-subscribed-skus",
            FormatId::GraphDirectorySubscriptions => "graph-directory-subscriptions",
            FormatId::PartnerCenterJson => "partner-center-json",
            FormatId::PartnerCenterCsv => "partner-center-csv",
            FormatId::NceBulkMigration => "nce-bulk-migration",
            FormatId::PowerShellSubscribedSku => "powershell-subscribed-sku",
            FormatId::PowerShellMsolAccountSku => "powershell-msol-account-sku",
            FormatId::CippLicenseReport => "cipp-license-report",
            FormatId::PlannerTemplate => "planner-template",
            FormatId::NcePriceList => "nce-price-list",
            FormatId::MappedTable => "mapped-table",
            FormatId::LicensingReference => "licensing-reference",
        }
    }

    pub fn from_id(id: &str) -> Option<FormatId> {
        FormatId::ALL.into_iter().find(|format| format.id() == id.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FormatId::GraphSubscribedSkus => {
                lang.pick("Microsoft Graph subscribedSkus (JSON)", "Microsoft Graph subscribedSkus (JSON)")
            }
            FormatId::GraphDirectorySubscriptions => lang.pick(
                "Microsoft Graph directory/subscriptions (JSON)",
                "Microsoft Graph directory/subscriptions (JSON)",
            ),
            FormatId::PartnerCenterJson => {
                lang.pick("Partner Center subscriptions (JSON)", "Abonnements Partner Center (JSON)")
            }
            FormatId::PartnerCenterCsv => lang.pick(
                "Partner Center subscription export (CSV)",
                "Export des abonnements Partner Center (CSV)",
            ),
            FormatId::NceBulkMigration => lang.pick(
                "New-commerce bulk migration tool subscriptions.csv",
                "subscriptions.csv de l’outil de migration en masse vers le nouveau commerce",
            ),
            FormatId::PowerShellSubscribedSku => lang.pick(
                "PowerShell Get-MgSubscribedSku / Get-AzureADSubscribedSku (Export-Csv)",
                "PowerShell Get-MgSubscribedSku / Get-AzureADSubscribedSku (Export-Csv)",
            ),
            FormatId::PowerShellMsolAccountSku => lang.pick(
                "PowerShell Get-MsolAccountSku (Export-Csv)",
                "PowerShell Get-MsolAccountSku (Export-Csv)",
            ),
            FormatId::CippLicenseReport => {
                lang.pick("CIPP license report (CSV)", "Rapport de licences CIPP (CSV)")
            }
            FormatId::PlannerTemplate => lang.pick("Planner template", "Modèle du planificateur"),
            FormatId::NcePriceList => {
                lang.pick("New-commerce price list", "Liste de prix du nouveau commerce")
            }
            FormatId::MappedTable => lang.pick(
                "Table read through a column mapping",
                "Tableau lu selon une correspondance de colonnes",
            ),
            FormatId::LicensingReference => lang.pick(
                "Microsoft product names and service plan identifiers",
                "Noms de produits et identifiants de plans de service Microsoft",
            ),
        }
    }

    /// Whether the format is a table (as opposed to a JSON document).
    pub fn is_table(self) -> bool {
        !matches!(
            self,
            FormatId::GraphSubscribedSkus
                | FormatId::GraphDirectorySubscriptions
                | FormatId::PartnerCenterJson
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_ids_round_trip() {
        for format in FormatId::ALL {
            assert_eq!(FormatId::from_id(format.id()), Some(format));
            assert_eq!(serde_json::to_value(format).ok(), Some(serde_json::Value::from(format.id())));
            assert!(!format.label(Lang::Fr).is_empty());
        }
    }
}

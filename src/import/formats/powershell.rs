//! PowerShell license exports through `Export-Csv`:
//! `Get-MgSubscribedSku` / `Get-AzureADSubscribedSku` (one row per SKU, with
//! `PrepaidUnits` expanded to columns, or left as one cell that PowerShell
//! wrote as `@{Enabled=25; ...}`, `class LicenseUnitsDetail { Enabled: 25 ... }`
//! or just the object's type name), and `Get-MsolAccountSku`
//! (`AccountSkuId` as `tenant:SKU`, `ActiveUnits`, `WarningUnits`, `ConsumedUnits`).

use super::TableSpec;
use crate::import::error::IssueKind;
use crate::import::format_id::FormatId;
use crate::import::mapping::Field;
use crate::import::rows::{Binding, Cells, FileContext};
use crate::model::Subscription;

/// Extra columns of the Graph/AzureAD export, by index.
const ENABLED: [usize; 2] = [0, 1];
const WARNING: [usize; 2] = [2, 3];
const PREPAID_UNITS: usize = 4;

pub(crate) const SUBSCRIBED_SKU_SPEC: TableSpec = TableSpec {
    format: FormatId::PowerShellSubscribedSku,
    signature: &["skuid", "skupartnumber", "consumedunits"],
    columns: &[
        ("skuid", Field::SkuId),
        ("skupartnumber", Field::SkuPartNumber),
        ("consumedunits", Field::SeatsAssigned),
        ("capabilitystatus", Field::Status),
        ("accountname", Field::Customer),
        ("accountid", Field::TenantId),
    ],
    extras: &["enabled", "prepaidunitsenabled", "warning", "prepaidunitswarning", "prepaidunits"],
    finish: finish_subscribed_sku,
};

/// Reads `Name=12` or `Name: 12` out of PowerShell's text for an object.
fn unit_in_blob(blob: &str, name: &str) -> Option<u32> {
    let lower = blob.to_ascii_lowercase();
    let name = name.to_ascii_lowercase();
    let mut search_from = 0;
    while let Some(found) = lower[search_from..].find(&name) {
        let after = search_from + found + name.len();
        let rest = lower[after..].trim_start();
        if let Some(value) = rest.strip_prefix('=').or_else(|| rest.strip_prefix(':')) {
            let digits: String = value.trim_start().chars().take_while(char::is_ascii_digit).collect();
            if let Ok(count) = digits.parse() {
                return Some(count);
            }
        }
        search_from = after;
    }
    None
}

/// The seats are the enabled units plus those in their grace period
/// (`Warning`), which the admin center still counts as purchased.
fn finish_subscribed_sku(
    subscription: &mut Subscription,
    binding: &Binding,
    cells: &dyn Cells,
    ctx: &mut FileContext,
) {
    let read_units = |indexes: [usize; 2], ctx: &mut FileContext| -> Option<u32> {
        indexes.iter().find(|&&index| binding.has_extra(index)).and_then(|&index| {
            let cell = binding.extra(cells, index);
            let header =
                binding.extras.get(index).copied().flatten().and_then(|at| ctx.headers.get(at).cloned());
            ctx.read_optional_count(header.as_deref().unwrap_or("Enabled"), &cell)
        })
    };
    let enabled = read_units(ENABLED, ctx);
    let warning = read_units(WARNING, ctx);
    let (enabled, warning) = match enabled {
        Some(enabled) => (Some(enabled), warning),
        None => {
            let blob = binding.extra(cells, PREPAID_UNITS);
            (unit_in_blob(&blob, "enabled"), unit_in_blob(&blob, "warning"))
        }
    };
    match enabled {
        Some(enabled) => subscription.seats_total = enabled.saturating_add(warning.unwrap_or(0)),
        None => ctx.row_issue(IssueKind::SeatsUnknown),
    }
}

const ACCOUNT_SKU_ID: usize = 0;
const ACTIVE_UNITS: usize = 1;
const WARNING_UNITS: usize = 2;

pub(crate) const MSOL_ACCOUNT_SKU_SPEC: TableSpec = TableSpec {
    format: FormatId::PowerShellMsolAccountSku,
    signature: &["accountskuid", "activeunits", "warningunits", "consumedunits"],
    columns: &[
        ("consumedunits", Field::SeatsAssigned),
        ("skupartnumber", Field::SkuPartNumber),
        ("skuid", Field::SkuId),
        ("accountname", Field::Customer),
    ],
    extras: &["accountskuid", "activeunits", "warningunits"],
    finish: finish_msol,
};

/// `AccountSkuId` is `tenant:SKU`: the tenant's short name and the part number.
fn finish_msol(subscription: &mut Subscription, binding: &Binding, cells: &dyn Cells, ctx: &mut FileContext) {
    let account_sku_id = binding.extra(cells, ACCOUNT_SKU_ID);
    match account_sku_id.split_once(':') {
        Some((tenant, sku)) => {
            if subscription.customer.is_empty() {
                subscription.customer = tenant.to_owned();
            }
            if subscription.sku_part_number.is_none() && !sku.is_empty() {
                subscription.sku_part_number = Some(sku.to_owned());
            }
        }
        None if subscription.sku_part_number.is_none() && !account_sku_id.is_empty() => {
            subscription.sku_part_number = Some(account_sku_id.into_owned());
        }
        None => {}
    }
    let header = |index: usize, ctx: &FileContext| {
        binding
            .extras
            .get(index)
            .copied()
            .flatten()
            .and_then(|at| ctx.headers.get(at).cloned())
            .unwrap_or_default()
    };
    let active_header = header(ACTIVE_UNITS, ctx);
    let warning_header = header(WARNING_UNITS, ctx);
    let active = ctx.read_optional_count(&active_header, &binding.extra(cells, ACTIVE_UNITS));
    let warning = ctx.read_optional_count(&warning_header, &binding.extra(cells, WARNING_UNITS));
    match active {
        Some(active) => subscription.seats_total = active.saturating_add(warning.unwrap_or(0)),
        None => ctx.row_issue(IssueKind::SeatsUnknown),
    }
}

#[cfg(test)]
mod tests {
    use super::unit_in_blob;

    #[test]
    fn units_are_read_from_powershell_object_text() {
        assert_eq!(unit_in_blob("@{Enabled=25; LockedOut=0; Suspended=0; Warning=2}", "warning"), Some(2));
        assert_eq!(
            unit_in_blob(
                "class LicenseUnitsDetail {\n  Enabled: 25\n  Suspended: 0\n  Warning: 0\n}\n",
                "enabled"
            ),
            Some(25)
        );
        assert_eq!(
            unit_in_blob("Microsoft.Graph.PowerShell.Models.MicrosoftGraphLicenseUnitsDetail", "enabled"),
            None
        );
    }
}

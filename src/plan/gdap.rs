//! The GDAP roles a customer's plan needs (GDAP-1): read by the customer's
//! findings and by its checklist.

use super::PlanLine;
use crate::model::{GdapRole, GdapStatus, MigrationPath, PlanInput};

/// GDAP roles the plan needs that the partner does not hold yet (GDAP-1): support
/// tickets about credits, license reassignment where the offer changes.
pub(super) fn needed_gdap_roles(input: &PlanInput, lines: &[PlanLine]) -> Vec<GdapRole> {
    let held =
        |role: GdapRole| input.partner.gdap == GdapStatus::Active && input.partner.gdap_roles.contains(&role);
    let mut roles = Vec::new();
    if lines.iter().any(|line| line.credit_eligible && line.path != MigrationPath::NotMigrated)
        && !held(GdapRole::ServiceSupportAdministrator)
    {
        roles.push(GdapRole::ServiceSupportAdministrator);
    }
    if lines.iter().any(|line| line.reassign_licenses && line.is_migrated())
        && !held(GdapRole::LicenseAdministrator)
    {
        roles.push(GdapRole::LicenseAdministrator);
    }
    roles
}

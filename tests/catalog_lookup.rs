//! Catalog lookups with the reference table's quirks, and a newer copy loaded at run time.

use csp_planner::catalog::{Catalog, CatalogError, CoreWorkload};

#[test]
fn lookups_ignore_case_spaces_and_non_breaking_spaces() {
    let catalog = Catalog::builtin();
    let e3 = catalog.by_sku_id("6FD2C87F-B296-42F0-B197-1E91E994B900 ").expect("Office 365 E3 by GUID");
    assert_eq!(e3.sku_part_number, "ENTERPRISEPACK");
    assert_eq!(
        catalog.by_sku_part_number(" enterprisepack").map(|product| &product.sku_id),
        Some(&e3.sku_id)
    );
    assert_eq!(catalog.by_name("office\u{a0}365 E3").map(|product| &product.sku_id), Some(&e3.sku_id));
    assert_eq!(catalog.by_name("Office365E3").map(|product| &product.sku_id), Some(&e3.sku_id));
    assert_eq!(catalog.find("Office 365 E3").map(|product| &product.sku_id), Some(&e3.sku_id));
    // A String_Id written with non-breaking spaces in the table.
    let m3 = catalog.by_sku_part_number("O365_w/o Teams Bundle_M3").expect("String_Id with NBSP");
    assert_eq!(m3.sku_id, "c2fe850d-fbbb-4858-b67d-bd0c6e746da3");
    // A GUID cell with a leading space and a String_Id ending in a non-breaking space.
    let faculty =
        catalog.by_sku_id("420c7602-7f70-4895-9394-d3d679ea36fb").expect("GUID with a leading space");
    assert_eq!(faculty.sku_part_number, "MCOCAP_FACULTY");
    assert!(catalog.by_sku_part_number("MCOCAP_FACULTY").is_some());
    // A String_Id ending in a tab.
    assert!(catalog.by_sku_part_number("RIGHTSMANAGEMENT_CE_GOV").is_some());
}

#[test]
fn a_guid_with_two_display_names_is_one_product_found_by_both() {
    let catalog = Catalog::builtin();
    let product = catalog.by_sku_id("4b74a65c-8b4a-4fc8-9f6b-5177ed11ddfa").expect("Copilot Studio");
    let names: Vec<&str> = std::iter::once(product.name.as_str())
        .chain(product.other_names.iter().map(String::as_str))
        .collect();
    assert!(names.contains(&"Microsoft Copilot Studio User License"), "{names:?}");
    assert!(names.contains(&"Power Virtual Agent User License"), "{names:?}");
    for name in names {
        assert_eq!(catalog.by_name(name).map(|found| &found.sku_id), Some(&product.sku_id));
    }
}

#[test]
fn a_string_id_with_two_guids_finds_both() {
    let catalog = Catalog::builtin();
    let mut guids: Vec<&str> =
        catalog.all_by_sku_part_number("MCOPSTN5").iter().map(|product| product.sku_id.as_str()).collect();
    guids.sort_unstable();
    assert_eq!(guids, ["54a152dc-90de-4996-93d2-bc47e670fc06", "d43177b5-475b-4880-92d4-d54c27b5efbd"]);
}

#[test]
fn products_expose_their_service_plans_and_workloads() {
    let catalog = Catalog::builtin();
    let e3 = catalog.by_sku_part_number("ENTERPRISEPACK").expect("Office 365 E3");
    let teams = e3.service_plans.iter().find(|plan| plan.name == "TEAMS1").expect("Teams in Office 365 E3");
    assert_eq!(teams.id, "57ff2da0-773e-42df-b2af-ffb7a2317929");
    assert_eq!(teams.friendly_name, "Microsoft Teams");
    for workload in [
        CoreWorkload::Exchange,
        CoreWorkload::SharePoint,
        CoreWorkload::OneDrive,
        CoreWorkload::OfficeApps,
        CoreWorkload::Teams,
    ] {
        assert!(e3.has_workload(workload), "{workload:?}");
    }
    let no_teams =
        catalog.by_sku_id("46c3a859-c90d-40b3-9551-6178a48d5c18").expect("Office 365 E3 (no Teams)");
    assert!(!no_teams.has_workload(CoreWorkload::Teams));
}

#[test]
fn the_exclude_list_is_built_in() {
    let catalog = Catalog::builtin();
    assert_eq!(
        catalog.excluded("16DDBBFC-09EA-4DE2-B1D7-312DB6112D70").map(|sku| sku.name.as_str()),
        Some("Microsoft Teams (Free)")
    );
    assert!(catalog.excluded("6fd2c87f-b296-42f0-b197-1e91e994b900").is_none());
    assert!(catalog.exclude_list().len() > 20);
}

#[test]
fn a_newer_copy_loaded_at_run_time_replaces_the_built_in_one() {
    let text = "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names\n\
        Office 365 E3 (no Teams),Office_365_E3_(no_Teams),46c3a859-c90d-40b3-9551-6178a48d5c18,EXCHANGE_S_ENTERPRISE,efb87545-963c-4e0d-99df-69c6916d9eb0,Exchange Online (Plan 2)\n\
        \"Contoso Suite, 2027\",CONTOSO_SUITE,11111111-2222-4333-8444-555555555555,EXCHANGE_S_ENTERPRISE,efb87545-963c-4e0d-99df-69c6916d9eb0,Exchange\u{a0}Online (Plan 2)\n";
    let catalog =
        Catalog::from_reference_csv(text).expect("a valid table").with_source_label("newer.csv", None);
    assert_eq!(catalog.product_count(), 2);
    assert_eq!(catalog.source_label(), "newer.csv");
    let suite = catalog.by_name("contoso suite, 2027").expect("a product of the newer copy");
    assert_eq!(suite.service_plans[0].friendly_name, "Exchange Online (Plan 2)");
    assert!(catalog.by_sku_part_number("ENTERPRISEPACK").is_none());
    assert!(catalog.excluded("16ddbbfc-09ea-4de2-b1d7-312db6112d70").is_some(), "the exclude list stays");
}

#[test]
fn a_broken_copy_says_which_line_and_field() {
    let text = "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names\n\
        Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,TEAMS1,57ff2da0-773e-42df-b2af-ffb7a2317929,Microsoft Teams\n\
        Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,TEAMS1,not-a-plan-id,Microsoft Teams\n";
    match Catalog::from_reference_csv(text) {
        Err(CatalogError::BadField { line, field, column, .. }) => {
            assert_eq!((line, field, column), (3, 5, "Service_Plan_Id"))
        }
        other => panic!("expected a bad field, got {other:?}"),
    }
    assert_eq!(Catalog::from_reference_csv("").err(), Some(CatalogError::Empty));
}

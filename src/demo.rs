//! The built-in demo: a realistic French customer whose subscriptions come from
//! every channel, with a retired suite, a credit case, free and trial SKUs, an
//! unknown product and a real blocker. Dates are relative to `as_of`, so the demo
//! reads the same on any day.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use crate::model::{
    BillingAccount, BillingFrequency, BillingModel, Channel, CustomerProfile, GdapStatus, LineOverride,
    ListPrice, PartnerContact, PartnerProfile, PlanInput, PlanSettings, RelationshipStatus, Signatory,
    SourceRef, Subscription, SubscriptionStatus, Term,
};

fn shifted(as_of: NaiveDate, days: i64) -> NaiveDate {
    let magnitude = Days::new(days.unsigned_abs());
    // Out of chrono's range only for dates no one plans on; the demo then keeps `as_of`.
    if days >= 0 { as_of.checked_add_days(magnitude) } else { as_of.checked_sub_days(magnitude) }
        .unwrap_or(as_of)
}

struct DemoLine {
    id: &'static str,
    product: &'static str,
    sku_id: Option<&'static str>,
    part_number: Option<&'static str>,
    channel: Channel,
    /// The billing account of a direct line (DIRECT-ACCOUNT).
    account: BillingAccount,
    seats: u32,
    assigned: u32,
    status: SubscriptionStatus,
    term: Term,
    billing: BillingFrequency,
    /// Term end relative to `as_of`, in days.
    ends_in_days: Option<i64>,
    estimated: bool,
    auto_renew: Option<bool>,
    trial: bool,
    unit_price: Option<f64>,
    owner_tenant_id: Option<&'static str>,
}

const fn demo_line(
    id: &'static str,
    product: &'static str,
    sku_id: &'static str,
    part_number: &'static str,
    channel: Channel,
    seats: u32,
) -> DemoLine {
    DemoLine {
        id,
        product,
        sku_id: Some(sku_id),
        part_number: Some(part_number),
        channel,
        account: BillingAccount::Unknown,
        seats,
        assigned: seats,
        status: SubscriptionStatus::Active,
        term: Term::P1Y,
        billing: BillingFrequency::Monthly,
        ends_in_days: None,
        estimated: false,
        auto_renew: Some(true),
        trial: false,
        unit_price: None,
        owner_tenant_id: None,
    }
}

/// The previous CSP partner's tenant (a made-up id).
const PREVIOUS_PARTNER_TENANT: &str = "0b6f3a52-7c41-4e8e-9d1a-5f2c8e4b7a10";

fn demo_lines() -> Vec<DemoLine> {
    vec![
        // Bought in the admin center on a MOSA account, annual: credit case (CRED-1, DAP-1).
        DemoLine {
            account: BillingAccount::Mosa,
            assigned: 41,
            billing: BillingFrequency::Annual,
            ends_in_days: Some(75),
            unit_price: Some(264.0),
            ..demo_line(
                "DIR-BP-001",
                "Microsoft 365 Business Premium",
                "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
                "SPB",
                Channel::Direct,
                45,
            )
        },
        // Direct on an MCA account, monthly, ends soon: no credit, recurring billing off before the end.
        DemoLine {
            account: BillingAccount::Mca,
            term: Term::P1M,
            ends_in_days: Some(21),
            unit_price: Some(4.5),
            ..demo_line(
                "DIR-EXO-002",
                "Exchange Online (Plan 1)",
                "4b9405b0-7788-4568-add1-99614e613b69",
                "EXCHANGESTANDARD",
                Channel::Direct,
                8,
            )
        },
        // Direct, term end estimated from Graph dates, billing account not known: the plan asks.
        DemoLine {
            term: Term::Unknown,
            billing: BillingFrequency::Unknown,
            ends_in_days: Some(48),
            estimated: true,
            auto_renew: None,
            ..demo_line(
                "DIR-PRJ-003",
                "Project Plan 3",
                "53818b1b-4a27-454b-8896-0dba576410e6",
                "PROJECTPROFESSIONAL",
                Channel::Direct,
                6,
            )
        },
        // Direct, a suite with Teams that is no longer sold to new customers: in
        // France the equivalent is the "(no Teams)" suite plus Microsoft Teams EEA.
        DemoLine {
            account: BillingAccount::Mca,
            assigned: 58,
            billing: BillingFrequency::Annual,
            ends_in_days: Some(40),
            unit_price: Some(277.2),
            ..demo_line(
                "DIR-E3-004",
                "Office 365 E3",
                "6fd2c87f-b296-42f0-b197-1e91e994b900",
                "ENTERPRISEPACK",
                Channel::Direct,
                60,
            )
        },
        // Enterprise Agreement: channel transfer at the EA term end.
        DemoLine {
            billing: BillingFrequency::Annual,
            term: Term::P3Y,
            ends_in_days: Some(120),
            auto_renew: None,
            ..demo_line(
                "EA-M365E3-005",
                "Microsoft 365 E3",
                "05e9a617-0261-4cee-bb44-138d3ef5d965",
                "SPE_E3",
                Channel::Ea,
                120,
            )
        },
        // New commerce with another partner: partner-to-partner transfer.
        DemoLine {
            assigned: 27,
            ends_in_days: Some(200),
            owner_tenant_id: Some(PREVIOUS_PARTNER_TENANT),
            ..demo_line(
                "NCE-BS-006",
                "Microsoft 365 Business Standard",
                "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
                "O365_BUSINESS_PREMIUM",
                Channel::CspNce,
                30,
            )
        },
        DemoLine {
            ends_in_days: Some(200),
            owner_tenant_id: Some(PREVIOUS_PARTNER_TENANT),
            ..demo_line(
                "NCE-AAD-007",
                "Microsoft Entra ID P1",
                "078d2b04-f1bd-4111-bbd4-b4b1b354cef4",
                "AAD_PREMIUM",
                Channel::CspNce,
                20,
            )
        },
        // New commerce with the previous partner, already expired 25 days ago: too
        // late to transfer, and the purchase cannot fit before data is at risk once
        // the customer has accepted the relationship (blocker).
        DemoLine {
            status: SubscriptionStatus::Expired,
            ends_in_days: Some(-25),
            auto_renew: Some(false),
            owner_tenant_id: Some(PREVIOUS_PARTNER_TENANT),
            ..demo_line(
                "NCE-BB-008",
                "Microsoft 365 Business Basic",
                "3b555118-da6a-4418-894f-7df1e2096870",
                "O365_BUSINESS_ESSENTIALS",
                Channel::CspNce,
                15,
            )
        },
        // Free SKU from the exclude list.
        DemoLine {
            term: Term::Unknown,
            billing: BillingFrequency::Unknown,
            auto_renew: None,
            ..demo_line(
                "FREE-TEAMS-009",
                "Microsoft Teams (Free)",
                "16ddbbfc-09ea-4de2-b1d7-312db6112d70",
                "TEAMS_FREE",
                Channel::Unknown,
                500,
            )
        },
        // Trial.
        DemoLine {
            trial: true,
            term: Term::P1M,
            ends_in_days: Some(18),
            auto_renew: Some(false),
            assigned: 3,
            ..demo_line(
                "TRIAL-E5-010",
                "Microsoft 365 E5",
                "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
                "SPE_E5",
                Channel::Direct,
                25,
            )
        },
        // Channel unknown: the planner asks rather than guess.
        DemoLine {
            ends_in_days: Some(95),
            ..demo_line(
                "UNK-VISIO-011",
                "Visio Plan 2",
                "c5928f49-12ba-48f7-ada3-0d743a3601d5",
                "VISIOCLIENT",
                Channel::Unknown,
                4,
            )
        },
        // A product the file names but the catalog does not know.
        DemoLine {
            sku_id: None,
            part_number: None,
            ends_in_days: Some(60),
            owner_tenant_id: Some(PREVIOUS_PARTNER_TENANT),
            ..demo_line(
                "NCE-BCK-012",
                "Sauvegarde Microsoft 365 – offre revendeur",
                "",
                "",
                Channel::CspNce,
                40,
            )
        },
        // Deleted long ago: not migrated.
        DemoLine {
            status: SubscriptionStatus::Deleted,
            ends_in_days: Some(-200),
            auto_renew: Some(false),
            ..demo_line(
                "DIR-E1-013",
                "Office 365 E1",
                "18181a46-0d4e-45cd-891e-60aabd171b4e",
                "STANDARDPACK",
                Channel::Direct,
                10,
            )
        },
        // Power BI Pro bought directly, with fewer seats wanted (an override).
        DemoLine {
            account: BillingAccount::Mosa,
            assigned: 9,
            ends_in_days: Some(130),
            unit_price: Some(13.6),
            ..demo_line(
                "DIR-PBI-014",
                "Power BI Pro",
                "f8a1db68-be16-40ed-86d5-cb42ce701560",
                "POWER_BI_PRO",
                Channel::Direct,
                12,
            )
        },
    ]
}

/// The price list of the demo, a sample in euros for the French market, one
/// year's price per seat paid upfront: `(title, partner price, estimated retail price)`.
/// Sample figures for the demonstration, not Microsoft's current prices.
const DEMO_PRICES: &[(&str, f64, f64)] = &[
    ("Microsoft 365 Business Premium", 247.20, 271.92),
    ("Microsoft 365 Business Standard", 140.40, 154.44),
    ("Microsoft 365 E3", 432.00, 475.20),
    ("Office 365 E3 (no Teams)", 236.40, 260.04),
    ("Microsoft Teams Enterprise", 60.00, 66.00),
    ("Microsoft Entra ID P1", 67.20, 73.92),
    ("Planner and Project Plan 3", 337.20, 370.92),
    ("Exchange Online (Plan 1)", 44.40, 48.84),
    ("Power BI Pro", 157.20, 172.92),
];

fn demo_list_prices() -> Vec<ListPrice> {
    DEMO_PRICES
        .iter()
        .enumerate()
        .map(|(index, (title, unit_price, erp_price))| ListPrice {
            offer_prefix: String::new(),
            title: (*title).to_string(),
            term: Term::P1Y,
            billing: BillingFrequency::Annual,
            market: Some("FR".into()),
            currency: "EUR".into(),
            unit_price: *unit_price,
            erp_price: Some(*erp_price),
            source: SourceRef {
                file: crate::model::NamedSource::DemoPriceList.id(),
                line: u32::try_from(index + 2).unwrap_or(u32::MAX),
            },
        })
        .collect()
}

/// The demo plan input for the day `as_of`.
pub fn demo_input(as_of: NaiveDate) -> PlanInput {
    let subscriptions = demo_lines()
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            let term_end = line.ends_in_days.map(|days| shifted(as_of, days));
            let term_days = match line.term {
                Term::P1M => 30,
                Term::P3Y => 1095,
                Term::P1Y | Term::Unknown => 365,
            };
            Subscription {
                customer: String::new(),
                tenant_id: Some("5d8c1f3e-2a4b-4c6d-8e9f-0a1b2c3d4e5f".into()),
                tenant_country: Some("FR".into()),
                subscription_id: line.id.into(),
                product: line.product.into(),
                sku_id: line.sku_id.filter(|sku_id| !sku_id.is_empty()).map(str::to_string),
                sku_part_number: line.part_number.filter(|part| !part.is_empty()).map(str::to_string),
                offer_id: None,
                seats_total: line.seats,
                seats_assigned: Some(line.assigned),
                status: line.status,
                term: line.term,
                billing: line.billing,
                term_start: term_end.map(|end| shifted(end, -term_days + 1)),
                term_end,
                term_end_estimated: line.estimated,
                auto_renew: line.auto_renew,
                trial: line.trial,
                channel: line.channel,
                billing_account: line.account,
                owner_tenant_id: line.owner_tenant_id.map(str::to_string),
                unit_price: line.unit_price,
                currency: line.unit_price.map(|_| "EUR".to_string()),
                add_on: false,
                base_subscription_id: None,
                service_plans: Vec::new(),
                source: SourceRef {
                    file: crate::model::NamedSource::DemoCustomer.id(),
                    line: u32::try_from(index + 2).unwrap_or(u32::MAX),
                },
            }
        })
        .collect();
    let mut overrides = BTreeMap::new();
    overrides.insert(
        "DIR-PBI-014".to_string(),
        LineOverride {
            seats: Some(10),
            note: Some("Deux licences inutilisées depuis le départ de l’équipe BI.".into()),
            ..LineOverride::default()
        },
    );
    PlanInput {
        customer: CustomerProfile {
            name: "Contoso Rénovation SAS".into(),
            tenant_id: Some("5d8c1f3e-2a4b-4c6d-8e9f-0a1b2c3d4e5f".into()),
            country: Some("FR".into()),
        },
        partner: PartnerProfile {
            name: "Lumière Cloud Services".into(),
            country: Some("FR".into()),
            billing_model: BillingModel::DirectBill,
            relationship: RelationshipStatus::None,
            mca_accepted: false,
            gdap: GdapStatus::None,
            gdap_roles: Vec::new(),
            sell_prices: Vec::new(),
            contact: PartnerContact {
                name: "Camille Martin".into(),
                email: "camille.martin@lumiere-cloud.example".into(),
                phone: "+33 1 23 45 67 89".into(),
            },
            signatory: Signatory { name: "Julien Bernard".into(), role: "Directeur commercial".into() },
            logo: None,
        },
        settings: PlanSettings {
            as_of,
            acceptance_days: 7,
            purchase_lead_days: 3,
            ..PlanSettings::default()
        },
        subscriptions,
        overrides,
        list_prices: demo_list_prices(),
    }
}
